"""WebKit (Safari's engine) for the browser tests: Debian's WebKitWebDriver with its MiniBrowser, on an Xvfb display,
driven by Selenium.

WebKitWebDriver has no log API, so every page the tests open carries a small script, first in its <head>, that
keeps what went wrong (uncaught errors, unhandled rejections, console.error, files that failed to load, breaches of
the Content-Security-Policy) in sessionStorage, where it outlives full page loads; `errors` reads it back.
"""

from __future__ import annotations

import html
import os
import re
import subprocess
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from browser_helpers import STRATEGIES, right_values
from conftest import QuietHandler

MINIBROWSER = os.environ.get("MINIBROWSER", "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser")
WEBKIT_DRIVER = os.environ.get("WEBKIT_DRIVER", "/usr/bin/WebKitWebDriver")
COLLECTOR = "webkit-test-errors.js"
ERRORS_KEY = "webkit-test-errors"
COLLECTOR_SCRIPT = """(function () {
  var KEY = %r;
  var leaving = false; /* set once the page has started to give way to another */
  addEventListener("beforeunload", function () { leaving = true; });
  addEventListener("pagehide", function () { leaving = true; });
  function record(text) {
    text = (leaving ? "while leaving: " : "") + text + " (on " + location.href +
      (window.parent === window ? "" : ", in a frame") + ")";
    try {
      var list = JSON.parse(sessionStorage.getItem(KEY) || "[]");
      list.push(text);
      sessionStorage.setItem(KEY, JSON.stringify(list));
    } catch (e) {
      (window.__webkitTestErrors = window.__webkitTestErrors || []).push(text);
    }
  }
  addEventListener("error", function (event) {
    var target = event.target;
    if (target && target !== window) {
      record("failed to load " + (target.src || target.href || target.tagName));
    } else {
      record("uncaught " + event.message + " at " + event.filename + ":" + event.lineno);
    }
  }, true);
  addEventListener("unhandledrejection", function (event) {
    var reason = event.reason;
    record("unhandled rejection " + String(reason) + (reason && reason.stack ? " " + reason.stack : ""));
  });
  document.addEventListener("securitypolicyviolation", function (event) {
    record("policy " + event.violatedDirective + " blocked " + event.blockedURI);
  });
  var consoleError = console.error;
  console.error = function () {
    record("console.error " + Array.prototype.map.call(arguments, String).join(" "));
    return consoleError.apply(console, arguments);
  };
})();
""" % ERRORS_KEY


# WebKitGTK's windows go no narrower than about 447 px: a phone's 390 px is a frame of that width in a page of
# the same site (no Content-Security-Policy of the course's own applies to this page of the tests).
PHONE_FRAME = "webkit-test-phone.html"
PHONE_FRAME_PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>390 px</title></head>
<body style="margin:0"><iframe title="the course on a phone" src="{page}" style="width:390px;height:844px;border:0">
</iframe></body></html>"""


def with_collector(html: str, src: str) -> str:
    """The page with the error collector as the first script of its <head>."""
    head = re.search(r"<head[^>]*>", html)
    assert head, "a page without <head>"
    return f'{html[:head.end()]}<script src="{src}"></script>{html[head.end():]}'


class CollectingHandler(QuietHandler):
    """Serves a built site as the tests' server does, each page with the error collector (a file of the site, so
    the pages' Content-Security-Policy allows it as it does the course's own scripts)."""

    def do_GET(self) -> None:
        path = urlsplit(self.path).path
        if path == f"/{COLLECTOR}":
            self.send_body(COLLECTOR_SCRIPT.encode(), "text/javascript")
            return
        if path == f"/{PHONE_FRAME}":
            page = html.escape(parse_qs(urlsplit(self.path).query)["page"][0])
            self.send_body(PHONE_FRAME_PAGE.format(page=page).encode(), "text/html; charset=utf-8")
            return
        file = Path(self.translate_path(self.path))
        if path.endswith("/") and file.is_dir():
            file = file / "index.html"
        if file.suffix == ".html" and file.is_file():
            self.send_body(with_collector(file.read_text(encoding="utf-8"), f"/{COLLECTOR}").encode(),
                           "text/html; charset=utf-8")
            return
        super().do_GET()

    def send_body(self, body: bytes, content_type: str) -> None:
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(body)


def add_collector_to_copy(folder: Path) -> None:
    """Put the error collector into every page of an unpacked offline copy (a throwaway copy for the test)."""
    (folder / COLLECTOR).write_text(COLLECTOR_SCRIPT, encoding="utf-8")
    for page in folder.rglob("*.html"):
        src = os.path.relpath(folder / COLLECTOR, page.parent)
        page.write_text(with_collector(page.read_text(encoding="utf-8"), src), encoding="utf-8")


def start_xvfb() -> Iterator[str]:
    """An Xvfb display of its own (Xvfb picks a free number); yields its name, e.g. ':99'."""
    read_end, write_end = os.pipe()
    process = subprocess.Popen(["Xvfb", "-displayfd", str(write_end), "-screen", "0", "1600x1200x24", "-nolisten",
                                "tcp"], pass_fds=(write_end,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(write_end)
    with os.fdopen(read_end) as pipe:
        number = pipe.readline().strip()
    assert number, "Xvfb did not start"
    try:
        yield f":{number}"
    finally:
        process.terminate()
        process.wait(10)


SESSION_START = 60
"""Seconds to wait for WebKitWebDriver's answer to a command, the start of a session included: now and then (seen
under load) it waits for ever on a MiniBrowser that never came up."""


def open_webkit(display: str, width: int = 1280, height: int = 900) -> object:
    """A new MiniBrowser (an automation session with empty storage) in a window of the given size; a session that
    does not start within SESSION_START seconds is started once more, with a new WebKitWebDriver."""
    import socket

    from selenium import webdriver
    from selenium.webdriver.webkitgtk.options import Options
    from selenium.webdriver.webkitgtk.service import Service
    from urllib3.exceptions import HTTPError

    options = Options()
    options.binary_location = MINIBROWSER
    options.add_argument("--automation")
    for attempt in (1, 2):
        service = Service(executable_path=WEBKIT_DRIVER, env={**os.environ, "DISPLAY": display})
        usual = socket.getdefaulttimeout()
        socket.setdefaulttimeout(SESSION_START)  # Selenium's connection to the driver takes its timeout from here
        try:
            driver = webdriver.WebKitGTK(options=options, service=service)  # stops its driver if this fails
            break
        except HTTPError:
            if attempt == 2:
                raise
        finally:
            socket.setdefaulttimeout(usual)
    driver.set_page_load_timeout(30)
    driver.set_window_rect(0, 0, width, height)
    return driver


LEAVING = "while leaving: "


def errors(driver: object, leaving: bool = False) -> list[str]:
    """What went wrong in the pages opened since the session started (sessionStorage is shared by a browsing
    context's pages of one site, frames included).

    Left out unless `leaving`: what a page reported once it had started to give way to another (after its
    beforeunload or pagehide), which no learner sees. WebKit aborts the loads of a page it leaves and fires their
    `error` events: an offline copy's page opened on its own moves itself into the holder page while Material's
    search shim still loads search/search_index.js, and now and then that abort and a masked "Script error." are
    reported by the page being left.
    """
    from selenium.common.exceptions import NoSuchFrameException, NoSuchWindowException

    read = ("let kept = []; try { kept = JSON.parse(sessionStorage.getItem(arguments[0]) || '[]'); } catch (e) {}"
            "return kept.concat(window.__webkitTestErrors || []);")
    for attempt in range(3):
        try:
            kept = driver.execute_script(read, ERRORS_KEY)
            break
        except (NoSuchFrameException, NoSuchWindowException):
            if attempt == 2:
                raise
            rejoin(driver)
    return [entry for entry in kept if leaving or not entry.startswith(LEAVING)]


def wait_until(driver: object, condition: Callable[[], object], what: str, timeout: float = 30) -> object:
    """Poll `condition` until it is truthy; fail with `what` and the page's errors."""
    from selenium.common.exceptions import NoSuchFrameException, NoSuchWindowException

    end = time.monotonic() + timeout
    while True:
        try:
            value = condition()
        except (NoSuchFrameException, NoSuchWindowException):
            value = None
            rejoin(driver)
        if value:
            return value
        if time.monotonic() > end:
            raise AssertionError(f"timed out waiting for {what} on {driver.current_url}; page errors: {errors(driver)}")
        time.sleep(0.1)


def css(driver: object, selector: str) -> list[object]:
    from selenium.webdriver.common.by import By

    return driver.find_elements(By.CSS_SELECTOR, selector)


def wait_for(driver: object, selector: str, timeout: float = 30) -> object:
    """The first displayed element matching the selector, once there is one."""
    from selenium.common.exceptions import StaleElementReferenceException

    def shown() -> object:
        try:
            return next((element for element in css(driver, selector) if element.is_displayed()), None)
        except StaleElementReferenceException:
            return None  # replaced while we looked (search results are redrawn as they come)

    return wait_until(driver, shown, f"a visible {selector}", timeout)


def visit(driver: object, url: str) -> None:
    """Open a page as a learner does (typed or double-clicked) and wait until it has loaded; see `enter_course`."""
    driver.switch_to.default_content()
    driver.get(url)
    enter_course(driver)


def reload(driver: object) -> None:
    driver.switch_to.default_content()
    driver.refresh()
    enter_course(driver)


def enter_course(driver: object) -> None:
    """Wait for the page to load. When it is a holder page that shows the course's pages in a frame (#course-frame),
    as an offline copy may be, work inside that frame from now on (until the next `visit` or `reload`)."""
    from selenium.common.exceptions import JavascriptException, NoSuchWindowException

    # A page of an offline copy with a holder page, opened on its own, moves itself into the holder at once.
    moving = ("return document.readyState !== 'complete' || (location.protocol === 'file:' && window.parent === window"
              " && !!(window.CourseData && window.CourseData.fileShell) && !document.getElementById('course-frame'))")

    def settled() -> bool:
        try:
            return not driver.execute_script(moving)
        except (NoSuchWindowException, JavascriptException):
            return False  # asked while the page was being replaced

    wait_until(driver, settled, "the page to load")
    if css(driver, "iframe#course-frame"):
        wait_until(driver, lambda: in_holder_frame(driver), "the course page in the holder's frame")


def rejoin(driver: object) -> None:
    """Back into the frame the test works in. Inside a holder page WebKitWebDriver now and then lets go of it (the
    holder loads its page a second time, as after a reload): a read there fails as if the window had closed."""
    from selenium.common.exceptions import NoSuchFrameException, NoSuchWindowException

    try:
        here(driver)
    except (NoSuchFrameException, NoSuchWindowException):
        pass  # still on its way: the caller asks again


def in_holder_frame(driver: object) -> bool:
    """Into the holder page's frame, once the page there has settled: loaded with what the holder keeps (its
    address carried the holder's parameter) and done with it. The holder may load its frame more than once (the
    page, then the page with what the holder keeps), and WebKitWebDriver lets go of a frame that navigates."""
    from selenium.common.exceptions import NoSuchFrameException, NoSuchWindowException, StaleElementReferenceException

    try:
        driver.switch_to.default_content()
        driver.switch_to.frame(css(driver, "iframe#course-frame")[0])
        return driver.execute_script(
            "const loaded = performance.getEntriesByType('navigation')[0];"
            "const shell = window.CourseData && window.CourseData.fileShell;"
            "return document.readyState === 'complete' && location.href.split('#')[0].endsWith('.html')"
            " && location.search === '' && !!document.querySelector('article') && !!shell && !!loaded"
            " && new URL(loaded.name).searchParams.has(shell.param)")
    except (NoSuchFrameException, NoSuchWindowException, StaleElementReferenceException, IndexError):
        return False


def here(driver: object) -> str:
    """The address of the page the test works in: inside a holder page, its frame's once the page there has settled
    (WebDriver's current URL is always the top page's)."""
    from selenium.common.exceptions import JavascriptException, NoSuchFrameException, NoSuchWindowException

    driver.switch_to.default_content()
    if css(driver, "iframe#course-frame"):
        wait_until(driver, lambda: in_holder_frame(driver), "the course page in the holder's frame")
    try:
        return driver.execute_script("return location.href")
    except (NoSuchFrameException, NoSuchWindowException, JavascriptException):
        return ""  # the frame went on to the next page meanwhile: ask again


def text(driver: object, selector: str) -> str:
    return driver.execute_script("const el = document.querySelector(arguments[0]); return el ? el.innerText : null;",
                                 selector) or ""


def click_label_of(driver: object, input_id: str) -> None:
    css(driver, f"label[for='{input_id}']")[0].click()


def answer_module_quiz(driver: object, correctly: bool) -> int:
    """Answer every question of a module quiz, all right or all wrong, as a learner does: click the option's label,
    then Submit; wait for each question's feedback. Returns the number of questions answered."""
    quizzes = css(driver, ".quiz")
    for quiz in quizzes:
        from selenium.webdriver.common.by import By

        inputs = quiz.find_elements(By.CSS_SELECTOR, "input[data-correct]" if correctly
                                    else "input:not([data-correct])")
        for choice in inputs if correctly else inputs[:1]:
            click_label_of(driver, choice.get_attribute("id"))
        quiz.find_element(By.CSS_SELECTOR, "button.quiz-button").click()
        wait_until(driver, lambda quiz=quiz: quiz.find_element(By.CSS_SELECTOR, ".quiz-feedback").is_displayed(),
                   f"feedback on {quiz.get_attribute('id')}")
    return len(quizzes)


def sit_final(driver: object, strategy: str) -> str:
    """Answer every drawn question of the final assessment the strategy's way (browser_helpers.STRATEGIES), submit
    it, and return the result text. The page holds no marker of the right options: the knowing learner takes them
    from the course's own quiz file."""
    from selenium.webdriver.common.by import By

    for question in css(driver, "[data-question]:not([hidden])"):
        right = right_values(question.get_attribute("data-question"))
        picks = driver.execute_script(
            f"return ({STRATEGIES[strategy]})([...arguments[0].querySelectorAll('input')], arguments[1]);",
            question, right)
        inputs = question.find_elements(By.CSS_SELECTOR, "input")
        for pick in picks:
            click_label_of(driver, inputs[pick].get_attribute("id"))
    driver.find_element(By.XPATH, "//button[normalize-space()='Submit assessment']").click()
    wait_for(driver, "[data-course-result][data-outcome]")
    return text(driver, "[data-course-result]")
