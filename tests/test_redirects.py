"""Where old addresses lead: redirect pages for renamed pages, anchors for fragments that moved."""

from __future__ import annotations

from pathlib import Path

from ladder.lock import Published
from ladder.render.pages import render_pages
from ladder.render.redirects import moved_anchors, old_addresses
from ladder.validate import load_framework
from tests.conftest import CASES, assemble_case


def test_renamed_pages_redirect_and_moved_fragments_get_anchors(tmp_path: Path) -> None:
    framework = load_framework(assemble_case(CASES / "published-id-renamed", tmp_path))  # level first, alias beginner
    record = {
        "beginner": Published("beginner", "level", ("levels/beginner/",)),
        "ownership-fixes-it": Published("ownership-fixes-it", "statement", ("standards/quality/#ownership-fixes-it",)),
        "ownership-waits": Published("ownership-waits", "statement", ("standards/ownership/#ownership-waits",)),
        "gone": Published("gone", "level", ("levels/gone/",)),  # validate reports it; nothing to do here
    }
    old = old_addresses(framework, record, render_pages(framework))
    assert old.redirects == {
        "levels/beginner.md": "levels/first.md",
        "standards/quality.md": "standards/ownership.md",
    }
    # Both statements are on the page their old address leads to, under the same id: no extra anchor.
    assert old.moved == {}


def test_a_fragment_that_is_not_on_its_landing_page_gets_an_anchor_there(tmp_path: Path) -> None:
    framework = load_framework(assemble_case(CASES / "valid-subfolders", tmp_path))
    record = {"ownership-fixes-it": Published("ownership-fixes-it", "statement", ("levels/#ownership-fixes-it",))}
    old = old_addresses(framework, record, render_pages(framework))
    assert old.redirects == {}
    assert old.moved == {"levels/index.md": {"ownership-fixes-it": "standards/ownership/#ownership-fixes-it"}}
    html = moved_anchors("levels/index.md", old.moved["levels/index.md"])
    assert html == (
        '<span id="ownership-fixes-it" class="ladder-moved" '
        'data-ladder-moved="../standards/ownership/#ownership-fixes-it"></span>'
    )
