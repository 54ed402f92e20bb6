"""Every kind of worksheet in every format matches its golden file, for a fixed framework and date.

The fixture framework has two tracks sharing a level (`second`), a level that leaves a
dimension out (inherited from below), examples of both orientations and a name that
needs escaping in every format. Rewrite the files with LADDER_UPDATE_GOLDEN=1 and read
the diff: it is exactly what users will see change.
"""

from __future__ import annotations

import base64
import hashlib
from dataclasses import replace
from datetime import date
from functools import cache
from pathlib import Path

import pytest

from ladder.model import Framework
from ladder.validate import load_framework
from ladder.worksheet import KINDS, Request, build, content, make, render, resolve
from tests.conftest import FIXTURES, check_golden
from tests.docx_dump import dump

WORKSHEETS = FIXTURES / "worksheets"
GOLDEN = WORKSHEETS / "golden"
MADE = date(2025, 1, 15)
# Markup characters, quotes and a non-Latin script, to prove each format escapes them.
PERSON = Request(level="second", name='Zoë "Zo" Ødegård <b>*', manager="Sam O'Brien & co", period="2025 H1 [draft]")


@cache
def fixture_framework() -> Framework:
    return load_framework(WORKSHEETS / "framework")


def request(kind: str) -> Request:
    return Request(PERSON.level, kind, PERSON.track, PERSON.name, PERSON.manager, PERSON.period)


@pytest.mark.parametrize("fmt", ["md", "html"])
@pytest.mark.parametrize("kind", KINDS)
def test_text_formats_match_golden(kind: str, fmt: str) -> None:
    text = make(fixture_framework(), request(kind), MADE, fmt).decode("utf-8")
    check_golden(GOLDEN / f"{kind}.{fmt}", text)


@pytest.mark.parametrize("kind", KINDS)
def test_docx_read_back_matches_golden(kind: str) -> None:
    data = make(fixture_framework(), request(kind), MADE, "docx")
    check_golden(GOLDEN / f"{kind}.docx.txt", dump(data))


def test_docx_has_real_headings_tables_checkboxes_and_links() -> None:
    text = dump(make(fixture_framework(), request("expectations"), MADE, "docx"))
    assert "[Heading 1] Expectations worksheet" in text
    assert "[Heading 2] What [L2 Second Level](https://handbook.example.org/levels/second/) expects" in text
    assert "[Heading 3] [Craft](https://handbook.example.org/levels/second/#craft)" in text
    assert "[List Bullet] Finishes the tasks given to them." in text
    assert "| 1 | [☐] Yes   [☐] Partly   [☐] No |  |  |" in text
    assert '| **Engineer** | Zoë "Zo" Ødegård <b>* |' in text
    assert text.count("[Normal] [☐] ________\n") == 5 * 5  # five blank key steps in each of the five slots


def test_html_escapes_names_and_is_self_contained() -> None:
    text = make(fixture_framework(), request("expectations"), MADE, "html").decode("utf-8")
    assert "Zoë &#34;Zo&#34; Ødegård &lt;b&gt;*" in text
    assert "<b>" not in text
    assert "Sam O&#39;Brien &amp; co" in text
    assert "default-src 'none'" in text  # the page may not fetch anything, whatever it contains
    assert "<link" not in text and " src=" not in text
    # Two script elements: the words (JSON, never run) and the one script the policy allows by its hash.
    assert text.count("<script") == 2 and '<script type="application/json" id="worksheet-words">' in text
    script = text.split("<script>", 1)[1].split("</script>", 1)[0]
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")
    assert f"script-src 'sha256-{digest}'" in text


def test_markdown_escapes_names_and_keeps_links() -> None:
    text = make(fixture_framework(), request("expectations"), MADE, "md").decode("utf-8")
    assert r'- **Engineer:** Zoë "Zo" Ødegård &lt;b&gt;\*' in text
    assert r"- **Period:** 2025 H1 \[draft\]" in text
    assert "<b>" not in text
    assert "[L2 Second Level](https://handbook.example.org/levels/second/)" in text
    assert "[Craft](https://handbook.example.org/levels/second/#craft)" in text
    assert "[Ownership](https://handbook.example.org/standards/ownership/)" in text


def test_same_input_gives_identical_bytes_in_every_format() -> None:
    framework = fixture_framework()
    for fmt in ("md", "html", "docx"):
        assert make(framework, request("pip"), MADE, fmt) == make(framework, request("pip"), MADE, fmt), fmt


@pytest.mark.parametrize(("fmt", "word"), [("html", "blank_line"), ("md", "blank_item")])
def test_blocks_laid_out_once_still_show_each_worksheets_own_words(fmt: str, word: str) -> None:
    """The HTML and Markdown renderers keep each block they lay out and reuse it for an equal block
    (to_html.block, to_markdown.block); a worksheet whose words differ (a fork's common.yaml, edited
    under `mkdocs serve`) must still show its own, not those of the worksheet laid out before it."""
    worksheet = build(resolve(fixture_framework(), request("expectations"), MADE))
    before = render(worksheet, fmt).decode("utf-8")
    blanks = before.count(worksheet.common[word])
    assert blanks > 0
    reworded = replace(worksheet, common={**worksheet.common, word: "Room for one more"})
    assert render(reworded, fmt).decode("utf-8").count("Room for one more") == blanks


def test_worksheet_names_framework_version_and_date() -> None:
    worksheet = build(resolve(fixture_framework(), request("onboarding"), MADE))
    text = render(worksheet, "md").decode("utf-8")
    assert "Worksheet Fixture Framework" in text
    assert "version 2.3.0" in text
    assert "2025-01-15" in text


def test_inherited_dimension_says_where_it_comes_from() -> None:
    text = make(fixture_framework(), request("expectations"), MADE, "md").decode("utf-8")
    assert "L2 Second Level adds nothing new here; what follows is what [L1 First Level]" in text
    assert "- Finishes the tasks given to them." in text


def test_track_narrows_suggestions_and_next_level() -> None:
    framework = fixture_framework()
    both = make(framework, request("expectations"), MADE, "md").decode("utf-8")
    manager = make(framework, Request("second", track="manager"), MADE, "md").decode("utf-8")
    assert "Next on the Individual contributor track" in both and "Next on the People manager track" in both
    assert "Next on the People manager track" in manager
    assert "Next on the Individual contributor track" not in manager


def golden_paths() -> list[Path]:
    return sorted(GOLDEN.iterdir())


def test_no_stray_golden_files() -> None:
    expected = {f"{kind}.{suffix}" for kind in KINDS for suffix in ("md", "html", "docx.txt")}
    assert {path.name for path in golden_paths()} <= expected


def test_guides_link_only_pages_the_site_has_and_web_addresses_as_they_are() -> None:
    """A blank worksheet published with the site links the guides that are its pages (written with
    or without the last slash, or with an #anchor) and web addresses; made on its own, every one."""
    framework = fixture_framework()
    address = framework.meta.site_url.rstrip("/")
    entries = [
        {"path": "guides/kept", "title": "Kept"},
        {"path": "guides/anchored/#how", "title": "Anchored"},
        {"path": "guides/deleted/", "title": "Deleted"},
        {"path": "https://wiki.example.org/reviews", "title": "Wiki"},
        {"path": "javascript:alert(1)", "title": "Script"},
    ]
    subject = resolve(framework, request("expectations"), MADE)
    published = replace(subject, site_pages=frozenset({"guides/kept/", "guides/anchored/", ""}))
    paragraph = content.guides(published, entries)
    assert paragraph is not None
    links = {span.text: span.url for span in paragraph.content if span.url}
    assert links == {
        "Kept": f"{address}/guides/kept",
        "Anchored": f"{address}/guides/anchored/#how",
        "Wiki": "https://wiki.example.org/reviews",
    }
    alone = content.guides(subject, entries)
    assert alone is not None and "Deleted" in {span.text for span in alone.content}
    assert f"{address}/javascript:alert(1)" in {span.url for span in alone.content}  # a path, never a script
    assert content.guides(published, entries[2:3]) is None  # none on the site: no sentence at all
