/* Course behaviour that works with Material's instant navigation: per-page code runs on document$. */
(function () {
  "use strict";

  var STORAGE_PREFIX = "course:" + location.host + ":";
  var DISMISSED_KEY = STORAGE_PREFIX + "dismissed-banners";

  function readDismissed() {
    try {
      var value = JSON.parse(localStorage.getItem(DISMISSED_KEY) || "[]");
      return Array.isArray(value) ? value : [];
    } catch (error) {
      return [];
    }
  }

  function saveDismissed(ids) {
    try {
      localStorage.setItem(DISMISSED_KEY, JSON.stringify(ids));
    } catch (error) {
      /* Storage blocked or full: the banner is hidden for this page only. */
    }
  }

  function applyBanners() {
    var dismissed = readDismissed();
    var promos = document.querySelectorAll("[data-promo-id]");
    promos.forEach(function (promo) {
      if (dismissed.indexOf(promo.dataset.promoId) !== -1) promo.hidden = true;
      var button = promo.querySelector(".course-promo__dismiss");
      if (button && !button.dataset.bound) {
        button.dataset.bound = "true";
        button.addEventListener("click", function () {
          saveDismissed(readDismissed().concat(promo.dataset.promoId));
          promo.hidden = true;
          hideEmptyBanner();
        });
      }
    });
    hideEmptyBanner();
  }

  function hideEmptyBanner() {
    var banner = document.querySelector("[data-md-component=announce]");
    if (!banner || !banner.querySelector("[data-promo-id]")) return;
    banner.hidden = !banner.querySelector("[data-promo-id]:not([hidden])");
  }

  /* Material wraps wide tables in a scroll box; keyboard users must be able to reach and scroll it. */
  function makeTablesScrollable() {
    document.querySelectorAll(".md-typeset__scrollwrap:not([tabindex])").forEach(function (wrap) {
      wrap.setAttribute("tabindex", "0");
      wrap.setAttribute("role", "region");
      var caption = wrap.querySelector("caption");
      wrap.setAttribute("aria-label", caption ? caption.textContent : "Table");
    });
  }

  function onEveryPage() {
    applyBanners();
    makeTablesScrollable();
  }

  if (window.document$) {
    window.document$.subscribe(onEveryPage);
  } else {
    onEveryPage();
  }
})();
