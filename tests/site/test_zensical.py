"""The same handbook built by MkDocs (with Ladder's hooks) and by Zensical (from `ladder render --config`).

Zensical reads mkdocs.yml but runs no hooks and no third-party plugins, so it builds the project
`ladder render --config` writes: the configuration without hooks, and docs/ with the guides'
macros expanded and every generated page and file. Both sites must hold every page and every
anchor a link into the handbook may point at.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from ladder import urls
from ladder.model import Framework
from tests.conftest import ROOT
from tests.site.conftest import (
    SITE_FIXTURES,
    TRICKY_HOME,
    Built,
    assemble_case,
    built,
    fixture_config,
    unsafe_markup,
)

ZENSICAL = Path(sys.executable).parent / "zensical"
LADDER = Path(sys.executable).parent / "ladder"


def anchors(framework: Framework) -> dict[str, set[str]]:
    """Every page URL a link may name, with the ids that must be anchors on it (former ids too)."""
    wanted: dict[str, set[str]] = {}
    for item in framework.items():  # an item's id and former ids are anchors on its page
        wanted.setdefault(urls.page(item), set()).update({item.id, *item.aliases})
    for level in framework.levels:
        wanted[urls.page(level)].update(dimension.id for dimension in framework.dimensions)
    return wanted


def ids_on(html: str) -> set[str]:
    return set(re.findall(r'\sid="([^"]+)"', html))


@pytest.fixture(scope="module")
def both(tmp_path_factory: pytest.TempPathFactory) -> tuple[Built, Path]:
    """The tricky fixture (former ids, HTML and template syntax in its YAML) built both ways."""
    work = tmp_path_factory.mktemp("zensical")
    framework = assemble_case(SITE_FIXTURES / "tricky", work)
    config = fixture_config(work, framework, {"index.md": TRICKY_HOME})
    by_mkdocs = built(config, work / "site", framework)
    project = work / "project"
    rendered = subprocess.run(
        [str(LADDER), "render", str(project), "--config", str(config)], capture_output=True, text=True, check=False
    )
    assert rendered.returncode == 0, rendered.stderr
    zensical = subprocess.run(
        [str(ZENSICAL), "build", "--strict", "-f", str(project / "mkdocs.yml")],
        capture_output=True,
        text=True,
        check=False,
        cwd=project,
    )
    assert zensical.returncode == 0, zensical.stdout + zensical.stderr
    return by_mkdocs, project / "site"


def test_zensical_builds_every_generated_page_with_every_anchor(both: tuple[Built, Path]) -> None:
    by_mkdocs, by_zensical = both
    for page, ids in anchors(by_mkdocs.framework).items():
        for root in (by_mkdocs.root, by_zensical):
            html = (root / page / "index.html").read_text(encoding="utf-8")
            assert ids <= ids_on(html), (root, page, ids - ids_on(html))
    for section in ("levels/", "dimensions/", "standards/", "examples/", "compare/", "changes/"):
        assert (by_zensical / section / "index.html").is_file(), section
    for name in ("framework.json", "assets/ladder/ladder.js", "schema/level.schema.json"):
        assert (by_zensical / name).is_file(), name


def spellings(html: str) -> list[str]:
    """The words of a page's hidden search spellings (ladder.render.spellings), in order."""
    return re.findall(r'<p class="ladder-spellings" hidden>([^<]*)</p>', html)


def test_both_give_each_generated_page_the_same_search_spellings(both: tuple[Built, Path]) -> None:
    """The hooks add them to the HTML, `ladder render` to the Markdown: the same words either way
    (and never the class names of a heading's attribute list)."""
    by_mkdocs, by_zensical = both
    pages = list(anchors(by_mkdocs.framework))
    found = 0
    for page in pages:
        ours = spellings((by_mkdocs.root / page / "index.html").read_text(encoding="utf-8"))
        assert ours == spellings((by_zensical / page / "index.html").read_text(encoding="utf-8")), page
        found += len(ours)
    assert found, "the fixture's pages should hold hyphenated words"


def test_zensical_shows_yaml_text_as_typed_and_the_macros_expanded(both: tuple[Built, Path]) -> None:
    by_mkdocs, by_zensical = both
    for root in (by_mkdocs.root, by_zensical):
        standard = (root / "standards" / "ownership" / "index.html").read_text(encoding="utf-8")
        assert "&lt;script&gt;" in standard and "<script>document.title" not in standard
        home = (root / "index.html").read_text(encoding="utf-8")
        assert "{{ link" not in home and 'href="levels/second/#reach"' in home


def test_renamed_items_old_addresses_lead_to_their_pages_in_both(both: tuple[Built, Path]) -> None:
    by_mkdocs, by_zensical = both
    for root in (by_mkdocs.root, by_zensical):
        old = (root / "levels" / "beginner" / "index.html").read_text(encoding="utf-8")
        assert "../first/" in old


def test_the_project_names_no_hook_and_the_bundled_handbook_builds_with_zensical(tmp_path: Path) -> None:
    project = tmp_path / "project"
    done = subprocess.run(
        [str(LADDER), "render", str(project), "--config", str(ROOT / "mkdocs.yml")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    assert "hooks" not in config and "macros" not in config
    zensical = subprocess.run(
        [str(ZENSICAL), "build", "--strict", "-f", str(project / "mkdocs.yml")],
        capture_output=True,
        text=True,
        check=False,
        cwd=project,
    )
    assert zensical.returncode == 0, zensical.stdout + zensical.stderr
    assert (project / "site" / "guides" / "calibration" / "index.html").is_file()
    # Zensical runs no hooks, so the hidden spellings are in the Markdown: "oncall" finds "on-call".
    index = json.loads((project / "site" / "search.json").read_text(encoding="utf-8"))["items"]
    sections = [item for item in index if "on-call" in item["text"]]
    assert sections and all("oncall" in item["text"] for item in sections)


def test_zensical_keeps_script_in_the_yaml_as_text(tmp_path: Path) -> None:
    """The injection fixture (script in every text field) built by Zensical: no page carries a
    script, an event handler or a javascript: link the YAML put there, the title bar included."""
    framework = assemble_case(SITE_FIXTURES / "injection", tmp_path)
    config = fixture_config(tmp_path, framework, {"index.md": "# Home\n"})
    project = tmp_path / "project"
    rendered = subprocess.run(
        [str(LADDER), "render", str(project), "--config", str(config)], capture_output=True, text=True, check=False
    )
    assert rendered.returncode == 0, rendered.stderr
    zensical = subprocess.run(
        [str(ZENSICAL), "build", "--strict", "-f", str(project / "mkdocs.yml")],
        capture_output=True,
        text=True,
        check=False,
        cwd=project,
    )
    assert zensical.returncode == 0, zensical.stdout + zensical.stderr
    for page in (project / "site").rglob("*.html"):
        assert unsafe_markup(page.read_text(encoding="utf-8")) == [], page
    title = (project / "site" / "levels" / "first" / "index.html").read_text(encoding="utf-8")
    assert re.search(r"<title>L1 &lt;(/|&#x2f;)title&gt;&lt;script&gt;", title), title[:2000]
