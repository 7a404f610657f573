/* iframe-worker (MIT licence, see iframe-worker-LICENSE.txt), as Material's offline search needs it: opened from
   disk, a browser runs no Web Worker, so the search worker runs in a hidden frame instead. Changed from the
   published shim in one way: the script written into the frame is the constant FRAME_SCRIPT (the worker's URL is
   read from the frame element), so the page's Content-Security-Policy can allow it by its hash. */
"use strict";
(function () {
  var FRAME_SCRIPT = 'postMessage=function(s,n){parent.postMessage(s,n||"*")};importScripts=function(){var s=[].slice.call(arguments);return s.reduce(function(n,e){return n.then(function(){return new Promise(function(r){var t=document.createElement("script");t.src=e;t.onload=r;document.body.appendChild(t)})})},Promise.resolve())};addEventListener("error",function(v){parent.dispatchEvent(new ErrorEvent("error",{filename:frameElement.dataset.url,error:v.error}))});';

  class IFrameWorker extends EventTarget {
    constructor(url) {
      super();
      this.url = url;
      this.m = (event) => {
        if (event.source !== this.w) return;
        this.dispatchEvent(new MessageEvent("message", { data: event.data }));
        if (this.onmessage) this.onmessage(event);
      };
      this.e = (message, filename, lineno, colno, error) => {
        if (filename !== `${this.url}`) return;
        const event = new ErrorEvent("error", { message, filename, lineno, colno, error });
        this.dispatchEvent(event);
        if (this.onerror) this.onerror(event);
      };
      const frame = document.createElement("iframe");
      frame.hidden = true;
      frame.dataset.url = url;
      document.body.appendChild((this.iframe = frame));
      this.w.document.open();
      this.w.document.write(`<html><body><script>${FRAME_SCRIPT}<\/script><script src="${url}?${+Date.now()}"><\/script></body></html>`);
      this.w.document.close();
      onmessage = this.m;
      onerror = this.e;
      this.r = new Promise((resolve, reject) => {
        this.w.onload = resolve;
        this.w.onerror = reject;
      });
    }

    terminate() {
      this.iframe.remove();
      onmessage = onerror = null;
    }

    postMessage(data) {
      this.r.catch().then(() => {
        this.w.dispatchEvent(new MessageEvent("message", structuredClone({ data })));
      });
    }

    get w() {
      return this.iframe.contentWindow;
    }
  }

  window.IFrameWorker = IFrameWorker;
  if (location.protocol === "file:") window.Worker = IFrameWorker;
})();
