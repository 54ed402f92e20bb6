"""The HTML worksheet filled in on screen, in Chromium: typing, ticking, a reload, saving a copy, printing.

Each worksheet is opened from a file, as a manager who downloaded it would; every request
other than the file itself is refused and recorded (there must be none), and the browser's
console must report no Content-Security-Policy violation, so the page's one script runs.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from ladder.wording import words
from ladder.worksheet import KINDS, Request
from tests.test_worksheet_print import open_page, pdf_pages, write

pytestmark = pytest.mark.browser
SCREEN = words("common")["on_screen"]


@pytest.fixture
def sheet(tmp_path: Path) -> Path:
    return write(tmp_path, "expectations", Request("second", name="Ada Example"))


def opened(browser: Browser, path: Path) -> Iterator[Page]:
    requests: list[str] = []
    complaints: list[str] = []
    page = open_page(browser, path, requests)
    page.on("console", lambda message: complaints.append(message.text) if message.type == "error" else None)
    page.reload()  # the console listener is in place from the first script on
    yield page
    page.close()
    assert requests == []
    assert complaints == []


@pytest.fixture
def page(browser: Browser, sheet: Path) -> Iterator[Page]:
    yield from opened(browser, sheet)


def fill_some(page: Page) -> None:
    page.get_by_role("textbox", name="Manager").fill("Grace Lead")
    page.locator("textarea.write").first.fill("Ship the billing export\nwith a runbook")
    page.locator("table.grid textarea").first.fill("Met the date")
    page.locator("label.choice input[type=checkbox]").first.check()
    page.locator("ul.checklist input[type=text]").first.fill("Write the design note")


def expect_filled(page: Page) -> None:
    expect(page.get_by_role("textbox", name="Manager")).to_have_value("Grace Lead")
    expect(page.locator("textarea.write").first).to_have_value("Ship the billing export\nwith a runbook")
    expect(page.locator("table.grid textarea").first).to_have_value("Met the date")
    expect(page.locator("label.choice input[type=checkbox]").first).to_be_checked()
    expect(page.locator("ul.checklist input[type=text]").first).to_have_value("Write the design note")


@pytest.mark.parametrize("kind", KINDS)
def test_every_blank_of_every_kind_can_be_typed_into(browser: Browser, tmp_path: Path, kind: str) -> None:
    for page in opened(browser, write(tmp_path, kind, Request("second", kind=kind))):
        blanks = page.locator("main textarea, main input[type=text]")
        assert blanks.count() >= 5
        for index in range(blanks.count()):
            blank = blanks.nth(index)
            assert blank.get_attribute("aria-label"), "every blank has an accessible name"
        blanks.last.fill("typed")
        expect(blanks.last).to_have_value("typed")


def test_what_is_typed_survives_a_reload(page: Page) -> None:
    fill_some(page)
    page.reload()
    expect_filled(page)


def test_a_filled_copy_opens_filled_in_another_browser(page: Page, browser: Browser, tmp_path: Path) -> None:
    fill_some(page)
    typed_markup = "</textarea><script>alert(1)</script>"
    page.locator("table.grid textarea").last.fill(typed_markup)  # what is typed stays text in the copy
    with page.expect_download() as download:
        page.get_by_role("button", name=SCREEN["save_html"]).click()
    copy = tmp_path / "copy" / download.value.suggested_filename
    download.value.save_as(copy)
    assert copy.suffix == ".html"
    context = browser.new_context()  # no storage: what shows comes from the file alone
    try:
        fresh = context.new_page()
        dialogs: list[str] = []
        fresh.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        fresh.goto(copy.as_uri())
        expect_filled(fresh)
        expect(fresh.locator("table.grid textarea").last).to_have_value(typed_markup)
        assert dialogs == []
        expect(fresh.get_by_role("button", name=SCREEN["print"])).to_have_count(1)  # its script still runs
    finally:
        context.close()


def test_a_markdown_copy_holds_what_was_typed_and_ticked(page: Page, tmp_path: Path) -> None:
    fill_some(page)
    with page.expect_download() as download:
        page.get_by_role("button", name=SCREEN["save_markdown"]).click()
    path = tmp_path / download.value.suggested_filename
    download.value.save_as(path)
    text = path.read_text(encoding="utf-8")
    assert path.suffix == ".md"
    assert text.startswith("# ")
    assert "**Manager:** Grace Lead" in text
    assert "Ship the billing export  \nwith a runbook" in text
    assert "- [ ] Write the design note" in text
    assert "[x] " in text and "| Met the date |" in text
    assert "Ada Example" in text


def test_it_prints_with_what_was_typed_and_without_its_buttons(page: Page) -> None:
    long = "\n".join(f"Line {number} of the plan" for number in range(1, 13))
    page.locator("textarea.write").first.fill(long)
    printed = " ".join(text for _, text in pdf_pages(page, "A4"))
    assert "Line 12 of the plan" in printed  # the box grew: nothing typed is cut off on paper
    assert SCREEN["save_html"] not in printed
