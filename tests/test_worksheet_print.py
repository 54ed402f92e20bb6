"""The HTML worksheets in a real browser: no network requests, and clean printing on A4 and Letter.

Chromium (Debian's, at /usr/bin/chromium) opens each worksheet from a file with every
request routed through the test, prints it to PDF at both paper sizes, and pypdf reads
the pages back: the paper size is right, nothing is wider than the page, and no
expectation slot or dimension is split across two pages.
"""

from __future__ import annotations

import io
import unicodedata
from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, Route
from pypdf import PdfReader

from ladder.validate import load_framework
from ladder.wording import words
from ladder.worksheet import KINDS, Request, make
from tests.conftest import ROOT
from tests.test_worksheet_golden import MADE, fixture_framework, request

# Paper sizes in PDF points (1/72 in) and the printable width in CSS pixels after the 14 mm side margins.
PAPER = {"A4": ((595, 842), (210 - 28) / 25.4 * 96), "Letter": ((612, 792), (215.9 - 28) / 25.4 * 96)}

pytestmark = pytest.mark.browser
# How far the page is wider than the window: above 0, something would be cut off at the paper's edge.
OVERFLOW = "document.documentElement.scrollWidth - document.documentElement.clientWidth"


InBrowser = Callable[[Callable[[Browser], None]], None]


@pytest.fixture
def in_browser(browser: Browser) -> InBrowser:
    """Runs a check against the session's Chromium."""
    return lambda check: check(browser)


def open_page(browser: Browser, path: Path, requests: list[str]) -> Page:
    """The worksheet in a fresh page; every request other than the file itself is recorded and refused."""
    page = browser.new_page()

    def route(route: Route) -> None:
        url = route.request.url
        if url.startswith(("file:", "data:")):
            route.continue_()
        else:
            requests.append(url)
            route.abort()

    page.route("**/*", route)
    page.goto(path.as_uri())
    return page


def write(tmp_path: Path, kind: str, request_: Request | None = None, framework_dir: Path | None = None) -> Path:
    framework = load_framework(framework_dir) if framework_dir else fixture_framework()
    path = tmp_path / f"{kind}.html"
    path.write_bytes(make(framework, request_ or request(kind), MADE, "html"))
    return path


def flat(text: str) -> str:
    """Text with ligatures (the PDF's "ﬁ") undone and all whitespace as single spaces, for comparing."""
    return " ".join(unicodedata.normalize("NFKC", text).split())


def pdf_pages(page: Page, paper: str) -> list[tuple[tuple[float, float], str]]:
    page.emulate_media(media="print")
    data = page.pdf(format=paper, prefer_css_page_size=False)
    reader = PdfReader(io.BytesIO(data))
    return [
        ((float(sheet.mediabox.width), float(sheet.mediabox.height)), sheet.extract_text() or "")
        for sheet in reader.pages
    ]


@pytest.mark.parametrize("kind", KINDS)
def test_worksheet_makes_no_network_request(in_browser: InBrowser, tmp_path: Path, kind: str) -> None:
    path = write(tmp_path, kind)

    def check(browser: Browser) -> None:
        requests: list[str] = []
        page = open_page(browser, path, requests)
        page.wait_for_load_state("networkidle")
        assert requests == []
        # The links are there, absolute, pointing at the handbook, but nothing was fetched.
        hrefs = page.eval_on_selector_all("a", "links => links.map(a => a.href)")
        assert hrefs and all(href.startswith("https://handbook.example.org/") for href in hrefs)
        page.close()

    in_browser(check)


def test_hostile_name_stays_text(in_browser: InBrowser, tmp_path: Path) -> None:
    hostile = Request("second", name='<img src=x onerror="document.title=1"><script>document.title=2</script>')
    path = write(tmp_path, "expectations", hostile)

    def check(browser: Browser) -> None:
        page = open_page(browser, path, [])
        # Only the worksheet's own two: its words (JSON, never run) and its script.
        assert page.locator("script").count() == 2
        assert page.title().startswith(words("expectations")["title"])  # neither payload set the title
        assert page.locator("img").count() == 0
        assert "<script>" in page.locator('table.facts input[name="engineer"]').input_value()  # text in the field
        page.close()

    in_browser(check)


@pytest.mark.parametrize("paper", sorted(PAPER))
@pytest.mark.parametrize("kind", KINDS)
def test_prints_on_paper_without_splitting_slots(in_browser: InBrowser, tmp_path: Path, kind: str, paper: str) -> None:
    (width, height), printable = PAPER[paper]
    # The bundled framework's real text, at a middle level, shared by two tracks where it has one.
    framework = load_framework(ROOT / "framework")
    level = framework.levels[len(framework.levels) // 3].id
    person = Request(level, kind, name="Zoë Ødegård", manager="Sam Lee", period="2025 H1")
    path = write(tmp_path, kind, person, framework_dir=ROOT / "framework")

    def check(browser: Browser) -> None:
        page = open_page(browser, path, [])
        pages = pdf_pages(page, paper)
        assert 2 <= len(pages) <= 30
        for size, _ in pages:
            assert size == pytest.approx((width, height), abs=1)
        # Nothing is wider than the printable area, so nothing is cut off at the right edge.
        page.set_viewport_size({"width": int(printable), "height": 1000})
        assert page.evaluate(OVERFLOW) <= 0
        # Each slot (heading to last field) sits on a single page.
        keep = page.eval_on_selector_all(
            "section.keep",
            "sections => sections.map(s => [s.querySelector('h3').innerText,"
            " s.lastElementChild.innerText.split('\\n')[0]])",
        )
        assert keep
        texts = [flat(text) for _, text in pages]
        for heading, last in keep:
            heading, last = flat(heading), flat(last)[:40]
            starts = [index for index, text in enumerate(texts) if heading in text]
            assert starts, f"{heading!r} not printed"
            assert any(last in texts[index][texts[index].index(heading) :] for index in starts), (
                f"{kind} on {paper}: '{heading}' is split across pages"
            )
        page.close()

    in_browser(check)


def test_very_long_name_wraps_instead_of_overflowing(in_browser: InBrowser, tmp_path: Path) -> None:
    path = write(tmp_path, "pip", Request("second", kind="pip", name="W" * 400))

    def check(browser: Browser) -> None:
        page = open_page(browser, path, [])
        page.emulate_media(media="print")
        page.set_viewport_size({"width": int(PAPER["A4"][1]), "height": 1000})
        assert page.evaluate(OVERFLOW) <= 0
        page.close()

    in_browser(check)
