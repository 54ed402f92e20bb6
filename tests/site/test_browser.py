"""The handbook in a real browser: Debian's Chromium, driven by Playwright, against the built site on 127.0.0.1.

Each story runs twice: on the project's own docs/ and navigation built against a fixture
framework (eight levels, a management track that branches off, a standard), and on the
bundled handbook as it is. The stories pick their levels and statements from the framework
they are given, and skip (not fail) where a fork's framework lacks a shape one needs (no
standards, no split of tracks), so they hold whatever a fork's framework/ is. Each test opens
its own browser context and fails if any page asked for anything from a host other than the local server.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import TypeVar
from urllib.parse import urlsplit

import pytest
import yaml
from playwright.sync_api import Browser, Page, expect

from benchmarks import screenshots
from ladder import assessment, urls
from ladder.model import Cell, Dimension, Framework, Level
from ladder.render.spellings import hyphenated
from ladder.render.text import plain
from ladder.render.titles import citation
from ladder.worksheet import Request, make
from tests.citations import DOCS
from tests.conftest import FIXTURES, ROOT
from tests.site.conftest import Built, built, fixture_config

pytestmark = pytest.mark.browser

PHONE = {"width": 375, "height": 667}


@pytest.fixture(scope="session", params=["fixture", "bundled"])
def handbook(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Built:
    """The project's docs/ and navigation, built strictly against the eight-level fixture; and the
    bundled handbook as it is (mkdocs.yml, docs/, framework/), which in a fork is the fork's own:
    the stories choose their levels and statements from whatever framework they are given."""
    work = tmp_path_factory.mktemp("browser")
    if request.param == "bundled":
        return built(ROOT / "mkdocs.yml", work / "site", ROOT / "framework")
    framework = FIXTURES / "shapes" / "eight-levels-split"
    docs = {path.relative_to(DOCS).as_posix(): path.read_text(encoding="utf-8") for path in DOCS.rglob("*.*")}
    nav = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))["nav"]
    return built(fixture_config(work, framework, docs, nav), work / "site", framework)


@pytest.fixture(scope="session")
def site(handbook: Built, serve: Callable[..., str]) -> str:
    return serve(handbook.root)


T = TypeVar("T")


def some(items: Sequence[T], what: str) -> Sequence[T]:
    """The items a story needs; a framework without any (a fork's, say) skips the story, it does not fail it."""
    if not items:
        pytest.skip(f"this framework has no {what}")
    return items


def split_level(framework: Framework) -> Level:
    """The level where the tracks split: two levels follow it."""
    return some([level for level in framework.levels if len(framework.next_levels(level)) > 1], "split of tracks")[0]


def open_page(browser: Browser, base: str, **context: object) -> Iterator[Page]:
    """A page in a fresh context; afterwards, every request it made must have gone to the local server."""
    context_ = browser.new_context(**context)  # type: ignore[arg-type]
    requested: list[str] = []
    context_.on("request", lambda request: requested.append(request.url))
    page = context_.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page
    context_.close()
    local = urlsplit(base).netloc
    web = [url for url in requested if urlsplit(url).scheme in ("http", "https")]
    elsewhere = [url for url in web if urlsplit(url).netloc != local]
    assert not elsewhere, f"requests left the machine: {elsewhere}"
    assert not errors, f"script errors: {errors}"


@pytest.fixture
def page(browser: Browser, site: str) -> Iterator[Page]:
    yield from open_page(browser, site, permissions=["clipboard-read", "clipboard-write"])


@pytest.fixture
def phone(browser: Browser, site: str) -> Iterator[Page]:
    yield from open_page(browser, site, viewport=PHONE, is_mobile=True, has_touch=True)


def landed(url: str) -> re.Pattern[str]:
    """The URL a search result opens: the item's, with the search terms Material adds (?h=...) to highlight."""
    address, _, fragment = url.partition("#")
    return re.compile(re.escape(address) + r"(\?h=[^#]*)?" + (re.escape("#" + fragment) if fragment else "") + "$")


def search(page: Page, site: str, query: str) -> None:
    page.goto(site)
    page.get_by_role("textbox", name="Search").click()  # Material's search is ready once clicked
    page.keyboard.type(query)


def test_searching_a_standards_name_lists_it_and_opens_its_page(page: Page, site: str, handbook: Built) -> None:
    standard = some(handbook.framework.standards, "standards")[0]
    search(page, site, standard.name)
    result = page.locator(f'.md-search-result__link[href^="{site + urls.url(standard)}"]').first
    expect(result).to_be_visible()
    expect(result).to_contain_text(standard.name)
    result.click()
    expect(page).to_have_url(landed(site + urls.url(standard)))
    expect(page.locator(f"h1#{standard.id}")).to_be_visible()


def test_searching_a_statement_deep_links_to_its_anchor(page: Page, site: str, handbook: Built) -> None:
    statement = some(handbook.framework.standards, "standards")[0].above_the_line[0]
    search(page, site, " ".join(plain(statement.text).split()[:4]))
    result = page.locator(f'.md-search-result__link[href$="#{statement.id}"]').first
    expect(result).to_be_visible()
    result.click()
    expect(page).to_have_url(landed(site + urls.url(statement)))
    expect(page.locator(f"#{statement.id}")).to_be_in_viewport()


def hyphenated_statement(framework: Framework) -> tuple[Level, str]:
    """A level that writes a hyphenated word of letters in one of its statements, and that word."""
    for level in framework.levels:
        for cell in level.cells.values():
            for text in cell.texts:
                words = hyphenated(plain(text))
                if words:
                    return level, words[0]
    pytest.skip("this framework has no hyphenated word in a level's statements")


@pytest.mark.parametrize("written", ["hyphenated", "closed up", "spaced"])
def test_a_hyphenated_word_is_found_however_it_is_written(page: Page, site: str, handbook: Built, written: str) -> None:
    level, word = hyphenated_statement(handbook.framework)
    query = {"hyphenated": word, "closed up": word.replace("-", ""), "spaced": word.replace("-", " ")}[written]
    search(page, site, query)
    expect(page.locator(f'.md-search-result__link[href*="{urls.url(level)}"]').first).to_be_attached()
    page.goto(site + urls.url(level))
    spellings = page.locator(".ladder-spellings", has_text=word.replace("-", "").lower())
    expect(spellings.first).to_be_attached()
    expect(spellings.first).to_be_hidden()  # for the search index only


def test_an_examples_search_result_says_its_level(page: Page, site: str, handbook: Built) -> None:
    example = some(handbook.framework.examples, "examples")[0]
    levels = [level for level in handbook.framework.levels if level.id in example.levels]
    search(page, site, example.title)
    result = page.locator(f'.md-search-result__link[href^="{site + urls.url(example)}"]').first
    expect(result).to_contain_text(example.title)
    expect(result).to_contain_text(levels[0].name)


CLIPBOARD_HTML = """async () => {
  const [item] = await navigator.clipboard.read();
  return await (await item.getType("text/html")).text();
}"""


def test_copy_link_puts_a_rich_and_a_markdown_link_to_the_statement_on_the_clipboard(
    page: Page, site: str, handbook: Built
) -> None:
    standard = some(handbook.framework.standards, "standards")[0]
    statement = standard.above_the_line[0]
    page.goto(site + urls.page(statement))
    bar = page.locator(f"#{statement.id} + .ladder-copy-bar")
    button = bar.locator(".ladder-copy")
    expect(button).to_be_visible()
    expect(button).to_have_accessible_name(re.compile(r"^Copy link to “" + re.escape(plain(standard.name))))
    button.click()
    expect(bar.locator(".ladder-copy__status")).to_have_text("Copied")  # announced once, by the status
    address = urls.absolute(handbook.framework.meta.site_url, urls.url(statement))
    words = citation(handbook.framework, statement)
    assert words == f"{plain(standard.name)}, above the line: {plain(statement.text)}"  # the whole statement
    assert page.evaluate("navigator.clipboard.readText()") == f"[{words}]({address})"
    assert f'<a href="{address}">{words}</a>' in page.evaluate(CLIPBOARD_HTML)


def test_a_level_statement_is_cited_on_its_own_and_its_link_marks_it(
    browser: Browser, page: Page, site: str, handbook: Built
) -> None:
    framework = handbook.framework
    level = split_level(framework)
    dimension = framework.dimensions_for(level)[-1]
    statement = level.cells[dimension.id].statements[-1]
    page.goto(site + urls.page(level))
    item = page.locator("li", has=page.locator(f"#{statement.anchor}"))
    item.locator(".ladder-copy").click()
    expect(item.locator(".ladder-copy__status")).to_have_text("Copied")
    address = urls.absolute(framework.meta.site_url, urls.url(statement))
    assert address.endswith(f"/{urls.page(level)}#{statement.anchor}")
    words = f"{plain(level.name)}: {plain(dimension.name)}: {plain(statement.text)}"
    assert page.evaluate("navigator.clipboard.readText()") == f"[{words}]({address})"
    local = site + urls.url(statement)
    for screen in ({}, {"viewport": PHONE, "is_mobile": True}):
        for opened in open_page(browser, site, **screen):
            opened.goto(local)
            target = opened.locator(f"#{statement.anchor}")
            expect(target).to_be_in_viewport()
            marked = opened.locator("li", has=target)
            expect(marked).to_have_css("outline-style", "solid")
            header = opened.locator(".md-header").bounding_box()
            box = marked.bounding_box()
            assert header and box and box["y"] >= header["y"] + header["height"] - 1, "the header hides it"


def test_a_link_by_a_statements_former_id_or_its_old_place_marks_it_too(
    browser: Browser, tmp_path_factory: pytest.TempPathFactory, serve: Callable[..., str]
) -> None:
    kestrel = shape_site(tmp_path_factory, "statement-ids")  # every statement has an id; one a former id too
    base = serve(kestrel.root)
    statement = next(
        s for level in kestrel.framework.levels for cell in level.cells.values() for s in cell.statements if s.aliases
    )
    level = kestrel.framework.level(statement.level)
    for old in (statement.aliases[0], f"{statement.dimension}--{statement.position}"):
        for page in open_page(browser, base):
            page.goto(f"{base}{urls.page(level)}#{old}")
            item = page.locator("li", has=page.locator(f"#{statement.anchor}"))
            expect(item).to_be_in_viewport()
            expect(item).to_have_css("outline-style", "solid")
            other = page.locator("article li", has=page.locator(".ladder-anchor")).filter(
                has_not=page.locator(f"#{statement.anchor}")
            )
            expect(other.first).to_have_css("outline-style", "none")


def test_copy_link_works_from_the_keyboard_after_instant_navigation(page: Page, site: str, handbook: Built) -> None:
    framework = handbook.framework
    level = split_level(framework)
    dimension = framework.dimensions_for(level)[0]
    page.goto(site + urls.LEVELS)
    page.locator("article").get_by_role("link", name=level.name).first.click()  # instant navigation, no reload
    expect(page).to_have_url(site + urls.page(level))
    bar = page.locator(f"#{dimension.id} + .ladder-copy-bar")
    bar.locator(".ladder-copy").focus()
    page.keyboard.press("Enter")
    expect(bar.locator(".ladder-copy__status")).to_have_text("Copied")
    address = urls.absolute(framework.meta.site_url, urls.cell(level, dimension))
    assert page.evaluate("navigator.clipboard.readText()") == f"[{level.name}: {dimension.name}]({address})"


def test_the_compare_page_shows_the_two_levels_in_its_address(page: Page, site: str, handbook: Built) -> None:
    framework = handbook.framework
    lower = split_level(framework)
    upper, other = framework.next_levels(lower)[1], framework.next_levels(lower)[0]
    dimension = framework.dimensions_for(upper)[-1]
    page.goto(site + urls.COMPARE + f"?a={lower.id}&b={upper.id}")
    row = page.locator(".ladder-compare__row", has=page.locator(f"h2#{dimension.id}"))
    cells = row.locator(".ladder-compare__cell")
    expect(cells.nth(0)).to_contain_text(lower.name)
    expect(cells.nth(0)).to_contain_text(framework.cell(lower, dimension.id).cell.texts[0])  # type: ignore[union-attr]
    expect(cells.nth(1)).to_contain_text(upper.name)
    expect(cells.nth(1)).to_contain_text(framework.cell(upper, dimension.id).cell.texts[0])  # type: ignore[union-attr]
    page.get_by_label("Second level").select_option(other.id)
    expect(page).to_have_url(site + urls.COMPARE + f"?a={lower.id}&b={other.id}")
    expect(cells.nth(1)).to_contain_text(other.name)


def shape_site(tmp_path_factory: pytest.TempPathFactory, shape: str) -> Built:
    """One of the fixture shapes built as a site of its own, with only a home page besides."""
    work = tmp_path_factory.mktemp(shape)
    framework_dir = FIXTURES / "shapes" / shape
    return built(fixture_config(work, framework_dir, {"index.md": "# Home\n"}), work / "site", framework_dir)


@pytest.fixture(scope="module")
def gaps(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """A ladder whose first levels write no summary and no scope (the cumulative-gaps shape)."""
    return shape_site(tmp_path_factory, "cumulative-gaps")


def test_the_compare_page_leaves_out_a_summary_or_scope_neither_level_writes(
    browser: Browser, gaps: Built, serve: Callable[..., str]
) -> None:
    base = serve(gaps.root)
    levels = gaps.framework.levels
    bare = [level for level in levels if not level.summary and not level.scope]
    summarised = next(level for level in levels if level.summary and not level.scope)
    assert len(bare) >= 2, "the fixture needs two levels with neither a summary nor a scope"
    for page in open_page(browser, base):
        page.goto(base + urls.COMPARE + f"?a={bare[0].id}&b={bare[1].id}")
        rows = page.locator(".ladder-compare__row h2")
        expect(rows.first).to_have_text(gaps.framework.dimensions[0].name)  # the dimensions, and nothing before them
        expect(rows.filter(has_text=re.compile("^(Summary|Scope)$"))).to_have_count(0)
        page.goto(base + urls.COMPARE + f"?a={bare[0].id}&b={summarised.id}")
        summary = page.locator(".ladder-compare__row", has=page.get_by_role("heading", name="Summary", exact=True))
        expect(summary.locator(".ladder-compare__cell").nth(0)).to_contain_text("Nothing written at this level.")
        expect(summary.locator(".ladder-compare__cell").nth(1)).to_contain_text(summarised.summary)
        expect(page.get_by_role("heading", name="Scope", exact=True)).to_have_count(0)


def test_where_i_stand_asks_once_for_a_statement_the_next_level_keeps(
    browser: Browser, gaps: Built, serve: Callable[..., str]
) -> None:
    """Where the next level keeps the level's statements ("same as previous"), the page says so
    instead of listing them again, and the level's marks count for both levels."""
    base = serve(gaps.root)
    framework = gaps.framework
    level, upper, dimension = next(
        (level, upper, dimension)
        for level in framework.levels
        for upper in framework.next_levels(level)[:1]
        for dimension in framework.dimensions_for(level)
        if framework.cell(upper, dimension.id).source == level and cell_of(framework, level, dimension).statements
    )
    count = len(cell_of(framework, level, dimension).statements)
    for page in open_page(browser, base):
        page.goto(base + urls.ASSESS + f"?level={level.id}&track={upper.track}")
        section = page.locator(".ladder-assess__dimension", has=page.locator(f"h2#assess--{dimension.id}"))
        expect(section.locator(".ladder-assess__statement")).to_have_count(count)  # the level's only
        expect(section.locator(".ladder-assess__kept")).to_have_text(
            f"{upper.title} keeps what {level.title} expects here: your marks above count for both."
        )
        for row in section.locator(".ladder-assess__statement").all():
            row.get_by_label("Consistently").check()
        before = marked_before(framework, level, dimension)
        expect(page).to_have_url(re.compile(rf"[?&]m={'0' * before}{'3' * (2 * count)}(&|$)"))  # both levels' places
        caption = section.locator(".ladder-assess__coverage")
        label = upper.code or upper.title
        expect(caption).to_contain_text(f"{label}: {count} of {count} consistently")
        standing = assessment.read(framework, page.url, level)[dimension.id]
        assert standing.where == assessment.TOWARD_NEXT


def test_where_i_stand_draws_no_chart_for_a_dimension_neither_level_asks(
    browser: Browser, gaps: Built, serve: Callable[..., str]
) -> None:
    """Leadership is not expected at the cumulative-gaps shape's first level, nor (kept) at the
    next: the page says so for both, with no chart of "0 of 0"."""
    base = serve(gaps.root)
    framework = gaps.framework
    level, dimension = next(
        (level, dimension)
        for level in framework.levels
        for upper in framework.next_levels(level)[:1]
        for dimension in framework.dimensions_for(level)
        if all(to_mark(framework.cell(each, dimension.id).cell) == 0 for each in (level, upper))
    )
    for page in open_page(browser, base):
        page.goto(base + urls.ASSESS + f"?level={level.id}")
        section = page.locator(".ladder-assess__dimension", has=page.locator(f"h2#assess--{dimension.id}"))
        expect(section.get_by_text("Not expected at this level.")).to_have_count(2)
        expect(section.locator("svg")).to_have_count(0)
        expect(section.locator(".ladder-assess__coverage")).to_have_count(0)
        expect(page.locator(".ladder-assess__coverage").first).to_be_visible()  # the other dimensions keep theirs


def test_a_level_page_fits_a_phone_screen(phone: Page, site: str, handbook: Built) -> None:
    framework = handbook.framework
    lowest, highest = framework.levels[0], framework.levels[-1]
    level = split_level(framework)
    for url in (urls.page(level), urls.LEVELS, urls.COMPARE + f"?a={lowest.id}&b={highest.id}"):
        phone.goto(site + url)
        phone.wait_for_load_state("networkidle")
        width, viewport = phone.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
        assert width <= viewport, f"{url} scrolls sideways on a phone: {width}px of content in {viewport}px"
    expect(phone.locator(".ladder-copy").first).to_be_visible()  # no hover on touch: always shown


def test_a_level_page_prints_its_content_without_the_site_around_it(page: Page, site: str, handbook: Built) -> None:
    level = split_level(handbook.framework)
    page.goto(site + urls.page(level))
    page.emulate_media(media="print")
    for hidden in (".md-header", ".md-sidebar--primary", ".md-footer", ".ladder-copy-bar", ".headerlink"):
        expect(page.locator(hidden).first).to_be_hidden()
    expect(page.locator(f"h1#{level.id}")).to_be_visible()
    expect(page.locator(f"h2#{handbook.framework.dimensions_for(level)[-1].id}")).to_be_visible()
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF")


def test_the_dark_palette_toggle_switches_the_scheme(page: Page, site: str) -> None:
    page.goto(site)
    scheme = page.locator("body").get_attribute("data-md-color-scheme")
    page.locator("label.md-header__button[for^='__palette']:visible").first.click()
    expect(page.locator("body")).not_to_have_attribute("data-md-color-scheme", scheme or "")


def test_an_old_fragment_lands_on_the_same_section(browser: Browser, tricky: Built, serve: Callable[..., str]) -> None:
    base = serve(tricky.root)
    for page in open_page(browser, base):
        page.goto(base + "standards/ownership/#ownership-repairs-it")  # a former id of ownership-fixes-it
        expect(page.locator("#ownership-fixes-it")).to_be_in_viewport()
        assert page.title().startswith("Ownership")  # the <script> in the YAML text never ran


def test_a_level_pages_compare_link_opens_the_comparison_in_place(page: Page, site: str, handbook: Built) -> None:
    framework = handbook.framework
    level = split_level(framework)
    upper = framework.next_levels(level)[0]
    dimension = framework.dimensions_for(upper)[0]
    page.goto(site + urls.page(level))
    page.get_by_role("link", name=f"Compare {level.code} and {upper.code} side by side").click()  # instant navigation
    expect(page).to_have_url(site + urls.COMPARE + f"?a={level.id}&b={upper.id}")
    cells = page.locator(".ladder-compare__row", has=page.locator(f"h2#{dimension.id}")).locator(
        ".ladder-compare__cell"
    )
    expect(cells.nth(0)).to_contain_text(level.name)
    expect(cells.nth(1)).to_contain_text(upper.name)
    expect(page.get_by_label("First level")).to_have_value(level.id)


def test_the_compare_page_marks_what_is_the_same_and_what_is_only_at_one_level(
    page: Page, site: str, handbook: Built
) -> None:
    framework = handbook.framework
    level = split_level(framework)
    dimension = framework.dimensions_for(level)[0]
    page.goto(site + urls.COMPARE + f"?a={level.id}&b={level.id}")
    row = page.locator(".ladder-compare__row", has=page.locator(f"h2#{dimension.id}"))
    expect(row.locator(".ladder-compare__tally")).to_have_text("The same at both levels")
    marks = row.locator("li > .ladder-mark")
    expect(marks.first).to_have_text("Same")
    assert set(marks.all_inner_texts()) == {"SAME"}  # shown in capitals by the stylesheet
    upper = framework.next_levels(level)[0]
    page.get_by_label("Second level").select_option(upper.id)
    expect(page).to_have_url(site + urls.COMPARE + f"?a={level.id}&b={upper.id}")
    row = page.locator(".ladder-compare__row", has=page.locator(f"h2#{dimension.id}"))
    expect(row.locator(".ladder-compare__tally")).to_contain_text(f"only at {upper.name}")
    items = row.locator(".ladder-compare__cell li")
    expect(items.first).to_be_visible()
    assert items.count() == row.locator("li > .ladder-mark").count()  # every statement is marked
    assert "ONLY HERE" in row.locator("li > .ladder-mark").all_inner_texts()


def test_a_standards_statement_link_marks_it_and_the_contents_follow_it(page: Page, site: str, handbook: Built) -> None:
    for statement in some(handbook.framework.standards, "standards")[0].statements:
        page.goto("about:blank")  # a fresh load each time, as a link from an email opens it
        page.goto(site + urls.url(statement))
        heading = page.locator(f"h3#{statement.id}")
        expect(heading).to_be_in_viewport()
        expect(heading).to_have_css("outline-style", "solid")
        active = page.locator(".md-sidebar--secondary .md-nav__link--active")
        expect(active).to_have_attribute("href", re.compile(f"#{statement.id}$"))


@pytest.fixture(scope="session")
def nine(tmp_path_factory: pytest.TempPathFactory, serve: Callable[..., str]) -> str:
    """The nine-dimension fixture's handbook, served."""
    work = tmp_path_factory.mktemp("nine")
    framework = FIXTURES / "shapes" / "nine-dimensions"
    site = built(fixture_config(work, framework, {"index.md": "# Home\n"}), work / "site", framework)
    return serve(site.root)


@pytest.mark.parametrize("width", [1366, 390])
def test_a_matrix_of_nine_dimensions_scrolls_under_a_fixed_level_column(
    browser: Browser, nine: str, width: int
) -> None:
    for page in open_page(browser, nine, viewport={"width": width, "height": 800}):
        page.goto(nine + urls.LEVELS)
        matrix = page.locator(".ladder-matrix").first
        scroller = matrix.locator(".md-typeset__scrollwrap")  # Material's wrapper around a table
        hint = page.locator(".ladder-matrix__hint").first
        overflows = scroller.evaluate("m => m.scrollWidth > m.clientWidth + 1")
        assert matrix.evaluate("m => m.scrollWidth <= m.clientWidth"), "two scrollbars, one inside the other"
        assert overflows or width > 1000, "nine dimensions fit a phone?"
        if not overflows:
            expect(hint).to_be_hidden()
            continue
        expect(hint).to_have_text("Scroll sideways for all 9 dimensions →")
        expect(matrix).to_have_class(re.compile("ladder-matrix--more"))
        scroller.evaluate("m => m.scrollTo({left: m.scrollWidth})")
        expect(matrix).not_to_have_class(re.compile("ladder-matrix--more"))
        box = scroller.bounding_box()
        first = matrix.locator("tbody tr td").first.bounding_box()
        last = matrix.locator("thead th").last.bounding_box()
        assert box and first and last
        assert abs(first["x"] - box["x"]) < 2, "the level column scrolled away"
        assert last["x"] + last["width"] <= box["x"] + box["width"] + 1, "the last column cannot be reached"


def test_the_self_assessment_round_trip(browser: Browser, page: Page, site: str, handbook: Built) -> None:
    framework = handbook.framework
    level = split_level(framework)
    upper = framework.next_levels(level)[-1]  # the second track's next level
    track = framework.track(upper.track)
    page.goto(site + urls.ASSESS + f"?level={level.id}")
    page.get_by_label("Track").select_option(track.id)
    statements = page.locator(".ladder-assess__statement")
    expect(statements).to_have_count(marked(framework, level) + marked(framework, upper))
    first, second = statements.nth(0), statements.nth(1)
    first.get_by_label("Consistently").check()
    second.get_by_label("Sometimes").check()
    first.get_by_role("textbox").fill("Shipped the plan in March")
    first.get_by_role("textbox").press("Tab")
    expect(page).to_have_url(re.compile(r"[?&]m=32(&|$)"))
    assert f"track={track.id}" in page.url and "n0=Shipped+the+plan+in+March" in page.url
    dimension = framework.dimensions[0]
    chart = page.locator(f'[data-chart="{dimension.id}"] svg')
    expect(chart).to_have_attribute("aria-label", re.compile(r"^\S+: 1 of \d+ consistently, .*1 sometimes"))
    address = page.url
    page.reload()
    expect(page.locator(".ladder-assess__statement").nth(0).get_by_label("Consistently")).to_be_checked()
    for fresh in open_page(browser, site, permissions=["clipboard-read", "clipboard-write"]):  # the manager's browser
        fresh.goto(address)
        rows = fresh.locator(".ladder-assess__statement")
        expect(rows.nth(0).get_by_label("Consistently")).to_be_checked()
        expect(rows.nth(1).get_by_label("Sometimes")).to_be_checked()
        expect(rows.nth(0).get_by_role("textbox")).to_have_value("Shipped the plan in March")
        fresh.get_by_role("button", name="Copy as Markdown").click()
        expect(fresh.locator(".ladder-assess__notice")).to_have_text("Copied")
        markdown = fresh.evaluate("navigator.clipboard.readText()")
        assert markdown.startswith(f"# Where I stand: {level.title}\n")
        assert "): **Consistently** Shipped the plan in March\n" in markdown
        assert "): **Sometimes**\n" in markdown
        assert f"### Next level: {upper.title}" in markdown, markdown


def marked(framework: Framework, level: Level) -> int:
    """How many things Where I stand asks a person to mark for a level: each statement, or the
    proficiency step of a dimension that gives only a step."""
    return sum(to_mark(framework.cell(level, d.id).cell) for d in framework.dimensions_for(level))


def to_mark(cell: Cell | None) -> int:
    """The things to mark in one cell: its statements, or its step when that is all it gives."""
    if cell is None:
        return 0
    return 1 if cell.judged_by_step else len(cell.statements)


@pytest.fixture(scope="module")
def rubric(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """A framework whose levels mostly name a step of each competency's own rubric, with few statements."""
    return shape_site(tmp_path_factory, "rubric")


def test_where_i_stand_marks_a_rubric_step_where_a_level_gives_only_the_step(
    browser: Browser, rubric: Built, serve: Callable[..., str]
) -> None:
    base = serve(rubric.root)
    framework = rubric.framework
    level, by_step, with_statements = next(
        (level, by_step[0], with_statements[0])
        for level in framework.levels
        if framework.next_levels(level)
        and (by_step := [d for d in framework.dimensions_for(level) if cell_of(framework, level, d).judged_by_step])
        and (
            with_statements := [
                d
                for d in framework.dimensions_for(level)
                if cell_of(framework, level, d).proficiency and cell_of(framework, level, d).statements
            ]
        )
    )
    step = framework.proficiency(cell_of(framework, level, by_step).proficiency or "", by_step)
    for page in open_page(browser, base):
        page.goto(base + urls.ASSESS + f"?level={level.id}")
        section = page.locator(".ladder-assess__dimension", has=page.locator(f"h2#assess--{by_step.id}"))
        row = section.locator(".ladder-assess__statement").first
        expect(row).to_contain_text(f"{step.name}: {plain(step.summary)}")
        cell_address = re.compile(re.escape(urls.cell(level, by_step)) + "$")
        expect(row.get_by_role("link")).to_have_attribute("href", cell_address)
        expect(section.get_by_text("Nothing written for this dimension.")).to_have_count(0)
        # Where the level writes statements too, its step is the line above them, not a thing to mark.
        other = page.locator(".ladder-assess__dimension", has=page.locator(f"h2#assess--{with_statements.id}"))
        expect(other.locator(".ladder-assess__step").first).to_be_visible()
        row.get_by_label("Consistently").check()
        position = marked_before(framework, level, by_step)
        expect(page).to_have_url(re.compile(rf"[?&]m={'0' * position}3(&|$)"))  # unmarked ones before it stay 0
        standing = assessment.read(framework, page.url, level)[by_step.id]
        assert (standing.where, standing.current.consistently, standing.current.total) == (assessment.AT_LEVEL, 1, 1)


def test_the_compare_page_says_when_a_dimensions_proficiency_step_changes(
    browser: Browser, rubric: Built, serve: Callable[..., str]
) -> None:
    """In a rubric, a level often changes only its step in a dimension: the row's line says so."""
    base = serve(rubric.root)
    framework = rubric.framework
    level, upper, dimension, before, after = next(
        (level, upper, dimension, before, after)
        for level in framework.levels
        for upper in framework.next_levels(level)
        for dimension in framework.dimensions_for(upper)
        if (before := cell_of(framework, level, dimension)).judged_by_step
        and (after := cell_of(framework, upper, dimension)).judged_by_step
        and before.proficiency != after.proficiency
    )
    steps = [framework.proficiency(cell.proficiency or "", dimension).name for cell in (before, after)]
    for page in open_page(browser, base):
        page.goto(base + urls.COMPARE + f"?a={level.id}&b={upper.id}")
        row = page.locator(".ladder-compare__row", has=page.locator(f"h2#{dimension.id}"))
        expect(row.locator(".ladder-compare__tally")).to_have_text(f"{steps[0]} → {steps[1]}")
        page.goto(base + urls.COMPARE + f"?a={level.id}&b={level.id}")
        expect(row.locator(".ladder-compare__tally")).to_have_count(0)  # the same step, no statements: no line


def marked_before(framework: Framework, level: Level, dimension: Dimension) -> int:
    """How many things to mark the page lists before the level's first in `dimension`."""
    upper = framework.next_levels(level)[0]
    count = 0
    for each in framework.dimensions:
        if each == dimension:
            return count
        for judged in (level, upper):
            if framework.applies(each, judged):
                count += to_mark(framework.cell(judged, each.id).cell)
    raise AssertionError(f"{dimension.id} is not in the framework")


def cell_of(framework: Framework, level: Level, dimension: Dimension) -> Cell:
    cell = framework.cell(level, dimension.id).cell
    assert cell is not None
    return cell


def test_a_mark_keeps_its_place_when_the_statements_before_it_are_not_marked(
    page: Page, site: str, handbook: Built
) -> None:
    level = handbook.framework.levels[0]
    page.goto(site + urls.ASSESS + f"?level={level.id}")
    rows = page.locator(".ladder-assess__statement")
    some(range(rows.count() - 2), "level with three things to mark")
    rows.nth(2).get_by_label("Sometimes").check()
    expect(page).to_have_url(re.compile(r"[?&]m=002(&|$)"))
    page.reload()
    expect(rows.nth(2).get_by_label("Sometimes")).to_be_checked()
    expect(rows.nth(0).get_by_label("Sometimes")).not_to_be_checked()


def test_an_address_whose_marks_no_longer_line_up_with_the_statements_says_so(
    page: Page, site: str, handbook: Built
) -> None:
    framework = handbook.framework
    level = handbook.framework.levels[0]
    following = framework.next_levels(level)[0] if framework.next_levels(level) else None
    key = assessment.levels_key(framework, level, following)
    page.goto(site + urls.ASSESS + f"?level={level.id}")
    page.locator(".ladder-assess__statement").first.get_by_label("Consistently").check()
    expect(page).to_have_url(re.compile(rf"[?&]k={re.escape(key)}(&|$)"))  # what ladder worksheet --assessment checks
    notice = page.locator(".ladder-assess__notice")
    version = framework.meta.version
    for address, says in (
        (f"?level={level.id}&k=0000.0000&m=3", "was added, removed or moved since this link was made"),
        (f"?level={level.id}&v=0.0.1&m=3", "This link was made with version 0.0.1 of the framework"),  # before k=
        (f"?level={level.id}&v=0.0.1&k={key}&m=3", ""),  # another version, but the marks still line up
        (f"?level={level.id}&v={version}&k={key}&m=3", ""),
    ):
        page.goto("about:blank")
        page.goto(site + urls.ASSESS + address)
        expect(page.locator(".ladder-assess__statement").first.get_by_label("Consistently")).to_be_checked()
        if says:
            expect(notice).to_contain_text(says)
        else:
            expect(notice).to_have_text("")


def test_the_self_assessment_page_works_on_a_phone(phone: Page, site: str, handbook: Built) -> None:
    level = handbook.framework.levels[0]
    phone.goto(site + urls.ASSESS + f"?level={level.id}")
    expect(phone.locator(".ladder-assess__statement").first).to_be_visible()
    width, viewport = phone.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    assert width <= viewport


def test_the_readme_screenshots_are_taken_from_the_built_site(
    browser: Browser, site: str, handbook: Built, tmp_path: Path
) -> None:
    page = browser.new_page(viewport=screenshots.VIEWPORT)  # type: ignore[arg-type]
    taken = screenshots.photograph(page, site, handbook.framework, tmp_path)
    page.close()
    assert [path.name for path in taken] == list(screenshots.SHOTS)
    for path in taken:
        # A picture with something in it: a blank page is a few kilobytes.
        assert path.read_bytes().startswith(b"\x89PNG") and path.stat().st_size > 20_000, path


def test_the_readme_shows_every_screenshot_the_script_takes() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name in screenshots.SHOTS:
        assert f"](screenshots/{name})" in readme, name
        assert (ROOT / "screenshots" / name).is_file(), name


SHOWN = """() => ({
  title: document.title,
  text: document.querySelector("main").innerText,
  values: [...document.querySelectorAll("main input, main textarea")]
    .map(c => c.type === "checkbox" ? c.checked : c.value),
})"""


def test_a_worksheet_made_from_the_handbook_is_the_one_the_command_makes(
    page: Page, site: str, handbook: Built, tmp_path: Path
) -> None:
    level = some([lv for lv in handbook.framework.levels if handbook.framework.next_levels(lv)], "level below another")[
        0
    ]
    person = {"engineer": "Ada Okafor", "manager": "Priya Raman", "period": "Spring review"}
    page.goto(site + "worksheets/")
    form = page.locator("form[data-ladder-maker]")
    for name, value in person.items():
        form.locator(f'[name="{name}"]').fill(value)
    form.locator('[name="level"]').select_option(level.id)
    form.locator('[name="kind"]').select_option("promotion")
    form.get_by_role("button").click()
    page.wait_for_url(re.compile(re.escape(urls.worksheet(level, "promotion", "html")) + r"\?"))
    from_site = page.evaluate(SHOWN)
    request = Request(
        level.id, "promotion", name=person["engineer"], manager=person["manager"], period=person["period"]
    )
    made = tmp_path / "made.html"
    made.write_bytes(make(handbook.framework, request, date.today(), "html"))
    page.goto(made.as_uri())
    assert page.evaluate(SHOWN) == from_site
    assert from_site["title"].endswith(": Ada Okafor") and "Priya Raman" in from_site["values"]


def test_a_self_assessment_starts_the_worksheets_growth_grid_as_the_command_does(
    page: Page, site: str, handbook: Built, tmp_path: Path
) -> None:
    level = some([lv for lv in handbook.framework.levels if handbook.framework.next_levels(lv)], "level below another")[
        0
    ]
    address = f"{site}{urls.ASSESS}?level={level.id}&m=" + "3321303" * 20  # a mix of marks, longer than needed
    page.goto(address)
    page.get_by_role("button", name="Open the expectations worksheet with these marks").click()
    page.wait_for_url(re.compile(re.escape(urls.worksheet(level, "expectations", "html")) + r"\?"))
    from_site = page.evaluate(SHOWN)
    assert True in from_site["values"]  # a box ticked for where the person stands
    made = tmp_path / "made.html"
    made.write_bytes(make(handbook.framework, Request(level.id, assessment=address), date.today(), "html"))
    page.goto(made.as_uri())
    assert page.evaluate(SHOWN) == from_site


# The growth grid as a reader sees it, and what its boxes and blanks hold.
GRID = """() => {
  const grid = document.querySelector('table[data-table="growth"]');
  return {
    text: grid.innerText,
    values: [...grid.querySelectorAll("input, textarea")].map(c => c.type === "checkbox" ? c.checked : c.value),
  };
}"""


@pytest.fixture(scope="module")
def branching(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """A management track branching off a shared level, with a dimension only managers are judged on."""
    return shape_site(tmp_path_factory, "statement-ids")


def test_toward_a_level_that_adds_a_dimension_the_site_and_the_command_start_the_same_grid(
    browser: Browser, branching: Built, serve: Callable[..., str], tmp_path: Path
) -> None:
    """The blank worksheet of the level where tracks split has a growth row for every dimension any
    next level asks; marks toward the level that adds one fill that row, on the site as by the command.
    Where I stand charts that dimension with the next level's bar only."""
    base = serve(branching.root)
    framework = branching.framework
    level = split_level(framework)
    asked = set(framework.dimensions_for(level))
    upper, added = next(
        (upper, dimension)
        for upper in framework.next_levels(level)
        for dimension in framework.dimensions_for(upper)
        if dimension not in asked
    )
    address = f"{base}{urls.ASSESS}?level={level.id}&track={upper.track}&m=" + "3" * 60
    for page in open_page(browser, base):
        page.goto(address)
        # The dimension's chart has one bar, the next level's: this level asks nothing there.
        chart = page.locator(f'[data-chart="{added.id}"] svg')
        expect(chart).to_have_attribute(
            "aria-label", re.compile(rf"^{re.escape(upper.code or upper.title)}: \d+ of \d+ [^;]*$")
        )
        expect(chart.locator("rect")).to_have_count(2)  # the bar and its background
        page.get_by_role("button", name="Open the expectations worksheet with these marks").click()
        page.wait_for_url(re.compile(re.escape(urls.worksheet(level, "expectations", "html")) + r"\?"))
        row = page.locator('table[data-table="growth"] tbody tr', has_text=added.name)
        expect(row.locator("textarea")).to_have_value(
            re.compile(rf"^{re.escape(upper.code or upper.title)}: \d+ of \d+ consistently")
        )
        from_site = page.evaluate(GRID)
        # The command's worksheet also links the guides, which this site (a home page only) has not.
        made = tmp_path / "made.html"
        made.write_bytes(make(framework, Request(level.id, assessment=address), date.today(), "html"))
        page.goto(made.as_uri())
        assert page.evaluate(GRID) == from_site
