"""The course in WebKit (Safari's engine): every sidebar link takes a click, and the learner's journey works on the
served site and on the offline copy opened from disk.

WebKitWebDriver and MiniBrowser (Debian's webkit2gtk-driver) run on an Xvfb display of the tests' own, driven by
Selenium; webkit_helpers.py says how errors are collected without a log API.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Callable, Iterator
from http.server import ThreadingHTTPServer
from pathlib import Path

import pytest

from conftest import ROOT, Served, build_course, free_port, unpacked_offline_copy
from course_facts import course_facts
from webkit_helpers import (PHONE_FRAME, CollectingHandler, add_collector_to_copy, answer_module_quiz, css, errors, here,
                            open_webkit, reload, sit_final, start_xvfb, text, visit, wait_for, wait_until)

pytestmark = [
    # Selenium's own WebKitGTK driver class still passes the address the old way.
    pytest.mark.filterwarnings("ignore:setting remote_server_addr in RemoteConnection:DeprecationWarning"),
]
FACTS = course_facts()
MODULES = len(FACTS.modules)
QUIZ_MODULES = [m for m in FACTS.modules if m.src_path in FACTS.quizzes]
MODULE_PAGE = FACTS.modules[1].src_path
WIDE = 1220  # Material's 76.25em: from this width both sidebars stand beside the page
CLICKED_KEY = "webkit-test-clicked"


@pytest.fixture(scope="session")
def display() -> Iterator[str]:
    yield from start_xvfb()


@pytest.fixture
def webkit(display: str) -> Iterator[object]:
    """A fresh MiniBrowser (empty storage), 1280 x 900."""
    driver = open_webkit(display)
    yield driver
    driver.quit()


@pytest.fixture(scope="module")
def webkit_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    """The real course, built and served as conftest's course_site is (site_url at the exact address, for instant
    navigation), by a server that adds the error collector to each page."""
    port = free_port()
    site_dir = tmp_path_factory.mktemp("webkit-site")
    config = build_course(ROOT / "mkdocs.yml", site_dir, site_url=f"http://127.0.0.1:{port}/")
    server = ThreadingHTTPServer(("127.0.0.1", port), functools.partial(CollectingHandler, directory=str(site_dir)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield Served(f"http://127.0.0.1:{port}/", site_dir, config)
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="module")
def offline_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The offline zip (python -m build_tools offline), unpacked as onto a USB stick, each page with the collector."""
    copy = unpacked_offline_copy(tmp_path_factory)
    add_collector_to_copy(copy)
    return copy


# Every link of both sidebars that a learner can see, with what WebKit's hit-testing finds at its centre.
SIDEBAR_LINKS = """
return [...document.querySelectorAll('.md-sidebar .md-nav__link')]
  .filter(link => link.checkVisibility({visibilityProperty: true, opacityProperty: true}))
  .filter(link => { const box = link.getBoundingClientRect();
                    return box.height > 0 && box.right > 0 && box.left < innerWidth; })
  .map(link => {
    const box = link.getBoundingClientRect();
    const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
    return {
      link, panel: link.parentElement.closest('.md-nav'), text: link.textContent.trim().replace(/\\s+/g, ' '),
      href: link.href || null,
      toggle: link.getAttribute('for'), side: link.closest('.md-sidebar--primary') ? 'left' : 'right',
      hit: hit ? hit.tagName.toLowerCase() + [...hit.classList].map(c => '.' + c).join('') : null,
      takes: !!hit && link.contains(hit),
    };
  });
"""


def sidebars_ready(driver: object) -> None:
    """Wait until Material's sidebar script has sized the sidebars beside the page (the moment WebKit used to lose
    their links)."""
    wait_until(driver, lambda: driver.execute_script(
        "const beside = [...document.querySelectorAll('.md-sidebar')]"
        "  .filter(sidebar => getComputedStyle(sidebar).position === 'sticky');"
        "return beside.length > 0 && beside.every(sidebar =>"
        "  sidebar.querySelector('.md-sidebar__scrollwrap').style.height !== '');"), "Material to size the sidebars")
    driver.execute_async_script("const done = arguments[0]; requestAnimationFrame(() => requestAnimationFrame(done));")


@pytest.mark.parametrize(("src", "width"), [(MODULE_PAGE, 1280), ("index.md", 1280), ("progress.md", 1280),
                                            (FACTS.final.page, 1280), (MODULE_PAGE, 1000), (MODULE_PAGE, 1600)])
def test_every_sidebar_link_is_hit_at_its_centre(webkit_site: Served, webkit: object, src: str, width: int) -> None:
    """WebKit once hit-tested most sidebar links at 1280 px as div.md-main__inner (course.css says why). At 1000 px
    the left sidebar is the menu behind the header's button, and only the table of contents is beside the page."""
    webkit.set_window_rect(width=width, height=900)
    visit(webkit, webkit_site.base_url + FACTS.url(src))
    sidebars_ready(webkit)
    links = webkit.execute_script(SIDEBAR_LINKS)
    if width < WIDE:
        assert {link["side"] for link in links} == {"right"}
    else:
        assert len([link for link in links if link["side"] == "left"]) >= len(FACTS.nav_pages) - MODULES + 1
    if src == MODULE_PAGE and width >= WIDE:
        assert all(any(link["text"].startswith(m.title) for link in links) for m in FACTS.modules), \
            "the module list is open"
        assert any(link["side"] == "right" for link in links), "the page's table of contents is shown"
    missed = [f"{link['side']} sidebar '{link['text']}' -> {link['hit']}" for link in links if not link["takes"]]
    assert missed == []
    assert errors(webkit) == []


def test_a_sidebar_link_of_each_kind_takes_a_real_click(webkit_site: Served, webkit: object) -> None:
    """The first link of each kind in each sidebar of a module page (another page, a section of this one, opening
    the module list), clicked at its centre by WebDriver on a freshly loaded page: the click reaches the link, and
    the link does what it says. That every link is hit at its centre is the test above."""
    page = webkit_site.base_url + FACTS.url(MODULE_PAGE)
    visit(webkit, page)
    sidebars_ready(webkit)
    kinds = {}
    for link in webkit.execute_script(SIDEBAR_LINKS):
        kind = "toggle" if link["toggle"] else "section" if link["href"].split("#")[0] == page else "page"
        kinds.setdefault((link["side"], kind), (link["text"], link["href"], link["toggle"]))
    assert {("left", "page"), ("left", "toggle"), ("right", "section")} <= set(kinds)
    expected = list(kinds.values())
    for index, (name, href, toggle) in enumerate(expected):
        visit(webkit, page)
        sidebars_ready(webkit)
        [link] = [entry for entry in webkit.execute_script(SIDEBAR_LINKS)
                  if (entry["text"], entry["href"], entry["toggle"]) == (name, href, toggle)]
        assert link["takes"], f"'{name}' is hit-tested as {link['hit']}"
        webkit.execute_script("""
            sessionStorage.removeItem(arguments[0]);
            document.addEventListener('click', event => {
              const link = event.target.closest('.md-nav__link');
              sessionStorage.setItem(arguments[0], link ? link.textContent.trim().replace(/\\s+/g, ' ') : 'elsewhere');
            }, {capture: true, once: true});""", CLICKED_KEY)
        was_open = toggle and webkit.execute_script("return document.getElementById(arguments[0]).checked", toggle)
        link["link"].click()
        assert webkit.execute_script("return sessionStorage.getItem(arguments[0])", CLICKED_KEY) == name, \
            f"link {index} '{name}': the click landed elsewhere"
        if toggle:
            wait_until(webkit, lambda toggle=toggle, was_open=was_open: webkit.execute_script(
                "return document.getElementById(arguments[0]).checked", toggle) != was_open, f"'{name}' to toggle")
        else:
            wait_until(webkit, lambda href=href: webkit.current_url == href, f"'{name}' to lead to {href}")
    assert errors(webkit) == []


def learner_journey(driver: object, url_of: Callable[[str], str], from_disk: bool) -> None:
    """Module quizzes with feedback, progress, the final assessment failed then passed, the certificate and the
    reflective note kept over a reload, and search; nothing goes wrong in any page on the way."""
    first, second = QUIZ_MODULES[0], QUIZ_MODULES[1]
    visit(driver, url_of("index.md"))
    if from_disk:
        # From disk every link is a file: follow the home page's own link to the first module.
        [link] = [a for a in css(driver, "article a") if a.text.strip() == first.title][:1]
        link.click()
        wait_until(driver, lambda: here(driver) == url_of(first.src_path), "the first module to open")
    else:
        visit(driver, url_of(first.src_path))
    wait_for(driver, ".quiz")
    assert answer_module_quiz(driver, correctly=True) == len(css(driver, ".quiz")) > 0
    feedback = [element.text for element in css(driver, ".quiz-feedback")]
    assert feedback and all(feedback), "every question says how it went"
    assert len(css(driver, ".quiz-feedback-item.correct")) >= len(FACTS.quizzes[first.src_path].questions)
    assert f"1 of {MODULES} modules completed" in text(driver, "[data-course-progress-line]")
    badge = driver.execute_script(
        "const link = [...document.querySelectorAll('.md-nav--primary a.md-nav__link')]"
        ".find(a => a.href === arguments[0]); return link && link.querySelector('.course-nav-status').innerText;",
        url_of(first.src_path))
    assert badge.startswith("\u2713 Done")

    visit(driver, url_of(second.src_path))
    wait_for(driver, ".quiz")
    wrong = answer_module_quiz(driver, correctly=False)
    said = [element.text for element in css(driver, ".quiz-feedback-item.incorrect .quiz-feedback-item-content")]
    assert len(said) == wrong and all(said), "each wrong answer shows its own feedback"
    assert f"2 of {MODULES} modules completed" in text(driver, "[data-course-progress-line]")

    visit(driver, url_of("progress.md"))
    summary = wait_until(driver, lambda: text(driver, "[data-course-progress-summary]"), "the progress summary")
    assert f"completed 2 of {MODULES} modules" in summary

    visit(driver, url_of(FACTS.final.page))
    assert sit_final(driver, "wrong").startswith("Not passed.")
    assert text(driver, "[data-course-result]").count(f"The pass mark is {FACTS.final.pass_mark}%") == 1
    [retake] = [b for b in css(driver, "button") if b.text.strip() == "Retake the assessment" and b.is_displayed()]
    retake.click()
    assert driver.execute_script(
        "return document.querySelectorAll('[data-question]:not([hidden]) input:checked').length") == 0, \
        "a retake starts with nothing ticked"
    assert "then submit" in text(driver, "[data-course-result]")
    assert sit_final(driver, "knowing").startswith(
        f"Passed. You scored 100% ({len(css(driver, '[data-question]:not([hidden])'))} of")

    [certificate_link] = [a for a in css(driver, "a") if a.text.strip() == "Get your certificate" and a.is_displayed()]
    certificate_link.click()
    wait_until(driver, lambda: here(driver).startswith(url_of("certificate.md")), "the certificate page")
    name = wait_for(driver, "#course-learner-name")
    name.send_keys("Dr Grace Hopper")
    prompt = FACTS.course.reflection_prompts[0]
    [label] = [element for element in css(driver, "label") if element.text.strip() == prompt]
    note_id = label.get_attribute("for")
    css(driver, f"#{note_id}")[0].send_keys("Safari learners can refer back too.")
    wait_until(driver, lambda: "Dr Grace Hopper" in text(driver, "[data-course-certificate]"), "the name on it")
    reload(driver)
    wait_until(driver, lambda: "Dr Grace Hopper" in text(driver, "[data-course-certificate]"),
               "the name after a reload")
    assert css(driver, f"#{note_id}")[0].get_attribute("value") == \
        "Safari learners can refer back too."
    assert "100%" in text(driver, "[data-course-certificate]")

    visit(driver, url_of("index.md"))
    search = wait_for(driver, "input.md-search__input")
    search.click()
    search.send_keys("haemoptysis")
    wait_for(driver, ".md-search-result__item")
    assert "haemoptysis" in text(driver, ".md-search-result").lower()
    assert errors(driver) == []


def test_the_learner_journey_on_the_served_site(webkit_site: Served, webkit: object) -> None:
    learner_journey(webkit, lambda src: webkit_site.base_url + FACTS.url(src), from_disk=False)


def test_the_learner_journey_from_disk(offline_copy: Path, webkit: object) -> None:
    def url_of(src: str) -> str:
        name = "index" if src == "index.md" else FACTS.url(src).rstrip("/")
        return (offline_copy / f"{name}.html").as_uri()

    learner_journey(webkit, url_of, from_disk=True)
    visit(webkit, url_of(FACTS.widget_pages("privacy")[0]))
    shown = [p.text for p in css(webkit, ".course-privacy p") if p.is_displayed()]
    assert len(shown) == 1 and "opened this copy of the course from a disk" in shown[0]
    assert errors(webkit) == []


@pytest.mark.parametrize("where", ["served", "disk"])
def test_the_error_collector_sees_what_goes_wrong(request: pytest.FixtureRequest, webkit: object, where: str) -> None:
    """The journeys' `errors(...) == []` means something: an error thrown by a script of the site, a rejected
    promise, console.error and a request the Content-Security-Policy blocks are all kept, and read back from another
    page opened after them, on the website and from disk; what a page says once it is being left is kept apart."""
    if where == "served":
        root = request.getfixturevalue("webkit_site").site_dir
        home, thrower = request.getfixturevalue("webkit_site").base_url, "/webkit-test-throws.js"
        other = home + FACTS.url(MODULE_PAGE)
    else:
        root = request.getfixturevalue("offline_copy")
        home, thrower = (root / "index.html").as_uri(), (root / "webkit-test-throws.js").as_uri()
        other = (root / f"{FACTS.url(MODULE_PAGE).rstrip('/')}.html").as_uri()
    # A script of the site's own that breaks, as a course script would (allowed by the policy as they are).
    (root / "webkit-test-throws.js").write_text("setTimeout(function () { throw new Error('thrown on purpose'); });")
    visit(webkit, home)
    assert errors(webkit) == []
    webkit.execute_script("""
        const script = document.createElement('script');
        script.src = arguments[0];
        document.head.append(script);
        Promise.reject(new Error('rejected on purpose'));
        console.error('logged on purpose');
        const image = document.createElement('img');
        image.src = 'https://192.0.2.1/blocked-on-purpose.png';
        document.body.append(image);
        addEventListener('pagehide', () => console.error('said while leaving'));""", thrower)
    # From disk WebKit gives every page a unique origin, so a file's script error reaches the page masked, as
    # cross-origin errors are: kept all the same, without its message.
    thrown = "thrown on purpose" if where == "served" else "uncaught Script error."
    expected = (thrown, "rejected on purpose", "logged on purpose", "blocked-on-purpose.png")
    # Each is kept as it happens; the thrown error comes last, once its script has loaded.
    wait_until(webkit, lambda: all(words in "\n".join(errors(webkit)) for words in expected), "the four errors")
    visit(webkit, other)
    assert "said while leaving" not in "\n".join(errors(webkit)), "a page being left is kept apart"
    assert "said while leaving" in "\n".join(errors(webkit, leaving=True))
    kept = "\n".join(errors(webkit))
    for words in expected:
        assert words in kept, "read back from another page"


def test_the_phone_menu_at_390_px(webkit_site: Served, webkit: object) -> None:
    """A 390 px phone (a frame of that width): the header's menu button opens the menu, each of its links is hit at
    its centre, one leads to the next module, and the page does not scroll sideways."""
    module, after = FACTS.modules[1], FACTS.modules[2]
    webkit.get(f"{webkit_site.base_url}{PHONE_FRAME}?page=/{FACTS.url(module.src_path)}")
    webkit.switch_to.frame(wait_for(webkit, "iframe"))
    wait_until(webkit, lambda: webkit.execute_script(
        "return document.readyState === 'complete' && !!document.querySelector('.quiz')"), "the module in the frame")
    assert webkit.execute_script("return innerWidth") == 390
    assert webkit.execute_script("return document.documentElement.scrollWidth") <= 390
    wait_for(webkit, ".md-header label[for='__drawer']").click()
    wait_until(webkit, lambda: webkit.execute_script(
        "const box = document.querySelector('.md-sidebar--primary').getBoundingClientRect();"
        "return document.getElementById('__drawer').checked && box.left >= 0 && box.right > 200;"), "the menu to open")
    links = webkit.execute_script(SIDEBAR_LINKS)
    [target] = [link for link in links if link["text"].startswith(after.title)]
    # The module list is a panel that slides over the menu's first panel: its links are the ones on top.
    shown = [link for link in links if link["panel"] == target["panel"]]
    assert len(shown) == MODULES, "the menu shows the module list"
    missed = [f"'{link['text']}' -> {link['hit']}" for link in shown if not link["takes"]]
    assert missed == []
    target["link"].click()
    wait_until(webkit, lambda: webkit.execute_script("return location.pathname") == f"/{FACTS.url(after.src_path)}",
               f"{after.title} to open")
    # Closed once the menu has slid away and the shade over the page has gone (it takes taps until then).
    wait_until(webkit, lambda: webkit.execute_script(
        "return !document.getElementById('__drawer').checked &&"
        " document.querySelector('.md-sidebar--primary').getBoundingClientRect().right <= 0 &&"
        " document.querySelector('.md-overlay').getBoundingClientRect().width === 0"), "the menu to close")
    wait_for(webkit, ".quiz")
    assert answer_module_quiz(webkit, correctly=True) > 0
    assert f"1 of {MODULES} modules completed" in text(webkit, "[data-course-progress-line]")
    assert webkit.execute_script("return document.documentElement.scrollWidth") <= 390
    assert errors(webkit) == []
