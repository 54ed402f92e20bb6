"""The navigation's titles for generated pages, read as MkDocs reads mkdocs.yml's `nav`."""

from __future__ import annotations

from ladder.render.nav import titles


def test_each_page_gets_the_title_its_first_nav_entry_gives_it() -> None:
    nav = [
        "index.md",
        {"Levels": "./levels/index.md"},
        {"Guides": ["guides/index.md", {"Calibration": "guides/calibration.md"}]},
        {"Levels again": "levels/index.md"},
        {"Elsewhere": "https://example.com/"},
    ]
    assert titles(nav) == {
        "index.md": None,
        "levels/index.md": "Levels",
        "guides/index.md": None,
        "guides/calibration.md": "Calibration",
    }
    assert titles(None) == {}
