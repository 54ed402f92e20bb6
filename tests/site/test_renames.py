"""Links never break: publish, rename and move things, rebuild, and open every old URL in a browser.

The cycle a fork goes through: `ladder lock` records what was published; then a level, a
dimension, a standard, a statement and an example are renamed (old ids kept as aliases) and a
statement moves to another standard. Every URL the lock recorded, and the level x dimension
sections under their old names, must still land on the right section of the rebuilt site.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from playwright.sync_api import Browser, Page

from ladder import urls
from ladder.cli import main
from ladder.lock import published, read_lock
from ladder.model import Framework
from tests.conftest import BASE, edit
from tests.site.conftest import Built, built, fixture_config

pytestmark = pytest.mark.browser

CARE = """\
# yaml-language-server: $schema=../schema/standard.schema.json
id: care
name: Care
question: Do you look after the people around you?
scenario: A new teammate is stuck and has not said so.
order: 2
above_the_line:
  - id: ownership-fixes-it
    text: Fixes the build or finds who can.
  - id: care-checks-in
    text: Checks in with a new teammate before they have to ask.
below_the_line:
  - id: care-waits-to-be-asked
    text: Assumes a new teammate will ask for help.
"""


def rename_everything(framework: Path) -> None:
    edit(framework / "levels/second.yaml", "id: second\n", "id: second-level\naliases: [second]\n")
    # The craft list gets ids, and a new statement goes first: #craft--1 stays on the one it named.
    edit(
        framework / "levels/second.yaml",
        "      - Designs features other people build on.\n",
        "      - {id: pairs-on-designs, text: Pairs with newcomers on their first designs.}\n"
        "      - {id: designs-for-others, text: Designs features other people build on.}\n",
    )
    for level in ("first", "second"):
        edit(framework / f"levels/{level}.yaml", "  reach:\n", "  impact:\n")
    edit(framework / "dimensions/reach.yaml", "id: reach\n", "id: impact\naliases: [reach]\n")
    ownership = framework / "standards/ownership.yaml"
    edit(ownership, "id: ownership\n", "id: owning-it\naliases: [ownership]\n")
    edit(ownership, "  - id: ownership-waits\n", "  - id: ownership-waits-for-others\n    aliases: [ownership-waits]\n")
    # ownership-fixes-it moves to the new standard "care"; ownership keeps one statement above the line.
    edit(
        ownership,
        "id: ownership-fixes-it\n    text: Fixes the build or finds who can.",
        "id: ownership-follows-up\n    text: Follows up until it is fixed.",
    )
    (framework / "standards/care.yaml").write_text(CARE)
    edit(framework / "examples/write-tests.yaml", "id: write-tests\n", "id: write-good-tests\naliases: [write-tests]\n")


@pytest.fixture(scope="module")
def renamed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Built, dict[str, list[str]]]:
    """The rebuilt site, and what the lock recorded before the renames: {id: [urls]}."""
    work = tmp_path_factory.mktemp("renames")
    framework = work / "framework"
    shutil.copytree(BASE, framework)
    assert CliRunner().invoke(main, ["lock", str(framework)]).exit_code == 0  # "publish"
    before = {ident: list(item.urls) for ident, item in published(read_lock(framework)[0]).items()}
    rename_everything(framework)
    assert CliRunner().invoke(main, ["validate", "--strict", str(framework)]).exit_code == 0  # aliases kept
    assert CliRunner().invoke(main, ["lock", "--check", str(framework)]).exit_code == 1  # new ids to record
    assert CliRunner().invoke(main, ["lock", str(framework)]).exit_code == 0
    return built(fixture_config(work, framework, {"index.md": "# Home\n"}), work / "site", framework), before


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context()
    yield context.new_page()
    context.close()


def where_it_lives(framework: Framework, ident: str) -> tuple[str, str | None]:
    """The page URL and the anchor (or None for a page) the id leads to now."""
    item = framework.get(ident)
    return urls.page(item), urls.anchor(item)


def open_old(page: Page, base: str, address: str) -> tuple[str, str]:
    """Open an old address as a reader would; (path of the page it ends on, the section in view)."""
    page.goto(base + address)
    page.wait_for_load_state("load")
    page.wait_for_function("() => !document.querySelector('meta[http-equiv=refresh]')")
    page.wait_for_timeout(100)  # a moved section's anchor sends the reader on once more
    page.wait_for_load_state("load")
    path = page.evaluate("location.pathname")
    fragment = page.evaluate("decodeURIComponent(location.hash.slice(1))")
    return path, fragment


def test_every_recorded_url_lands_on_the_right_section(
    renamed: tuple[Built, dict[str, list[str]]], page: Page, serve: Callable[..., str]
) -> None:
    site, before = renamed
    base = serve(site.root)
    assert "ownership-fixes-it" in before and "second" in before and "reach" in before
    for ident, addresses in before.items():
        page_now, anchor_now = where_it_lives(site.framework, ident)
        for address in addresses:
            path, fragment = open_old(page, base, address)
            assert path == "/" + page_now, f"{address} ({ident}) ended on {path}, not /{page_now}"
            if anchor_now is None:
                continue
            # On the page: the section itself, or an anchor for its former id right beside it.
            item = site.framework.get(ident)
            assert fragment in (item.id, *item.aliases), f"{address} ended at #{fragment}"
            section = page.locator(f'[id="{fragment}"]')
            assert section.count() == 1
            assert page.evaluate(
                "([id, wanted]) => { const at = document.getElementById(id);"
                " return at.id === wanted || at.closest('h1,h2,h3,h4') !== null"
                " || at.parentElement.querySelector('#' + CSS.escape(wanted)) !== null; }",
                [fragment, item.id],
            ), f"#{fragment} is not the section of {item.id}"


def test_a_level_section_under_a_former_dimension_id_still_opens(
    renamed: tuple[Built, dict[str, list[str]]], page: Page, serve: Callable[..., str]
) -> None:
    site, _ = renamed
    base = serve(site.root)
    path, fragment = open_old(page, base, "levels/second/#reach")
    assert path == "/levels/second-level/"
    assert fragment == "reach"
    assert page.locator('[id="reach"]').count() == 1
    heading = page.locator('h2[id="impact"]')
    assert heading.count() == 1
    assert page.evaluate(
        "() => Math.abs(document.getElementById('reach').getBoundingClientRect().top"
        " - document.getElementById('impact').getBoundingClientRect().top) < 200"
    ), "the old anchor must sit at the renamed dimension's section"


def test_a_moved_statement_opens_at_its_new_standard(
    renamed: tuple[Built, dict[str, list[str]]], page: Page, serve: Callable[..., str]
) -> None:
    site, _ = renamed
    base = serve(site.root)
    for old in ("standards/ownership/#ownership-fixes-it", "standards/owning-it/#ownership-fixes-it"):
        path, fragment = open_old(page, base, old)
        assert (path, fragment) == ("/standards/care/", "ownership-fixes-it"), old
        assert page.locator('h3[id="ownership-fixes-it"]').is_visible()


def test_a_link_to_a_statement_by_its_place_still_names_it_after_its_list_and_dimension_change(
    renamed: tuple[Built, dict[str, list[str]]], page: Page, serve: Callable[..., str]
) -> None:
    """Published as the first statement of second's craft and of its reach (since renamed impact)."""
    site, _ = renamed
    base = serve(site.root)
    for old, words in (
        ("levels/second/#craft--1", "Designs features other people build on."),
        ("levels/second/#reach--1", "Improves how the whole team works."),
    ):
        path, _ = open_old(page, base, old)
        assert path == "/levels/second-level/"
        named = page.locator("article li").filter(has=page.locator(f'[id="{old.split("#")[1]}"]'))
        assert named.count() == 1, old
        assert words in named.inner_text(), old
        assert named.evaluate("li => getComputedStyle(li).outlineStyle") == "solid", old
