"""The built handbook, as a reader and a search engine see it: strict build, anchors, search, no network."""

from __future__ import annotations

import json
import re
import shutil
from functools import cache
from html.parser import HTMLParser
from pathlib import Path

import yaml
from click.testing import CliRunner

from ladder import urls
from ladder.cli import main
from ladder.model import LevelStatement
from ladder.render.pages import SECTIONS
from ladder.render.text import plain
from tests.conftest import BASE, CASES, ROOT, assemble_case
from tests.site.conftest import SITE_FIXTURES, Built, fixture_config, mkdocs_build


class _Ids(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name == "id" and value:
                self.ids.add(value)


@cache
def ids_in(path: Path) -> frozenset[str]:
    parser = _Ids()
    parser.feed(path.read_text(encoding="utf-8"))
    return frozenset(parser.ids)


def article(html: str) -> str:
    """The page's content, without the theme around it."""
    return html[html.index("<article") : html.index("</article>")]


def page_file(site: Built, url: str) -> Path:
    return site.root / url.partition("#")[0] / "index.html"


def expected_anchors(site: Built) -> list[tuple[str, str]]:
    """(page URL, anchor) for every id and former id in the framework, and every dimension a level is judged on."""
    wanted = []
    for item in site.framework.items():
        page = urls.page(item)
        for ident in (item.id, *item.aliases):
            wanted.append((page, ident))
    for level in site.framework.levels:
        for dimension in site.framework.dimensions_for(level):
            for ident in (dimension.id, *dimension.aliases):
                wanted.append((urls.page(level), ident))
    return wanted


def test_the_default_handbook_builds_in_strict_mode_without_a_warning(handbook: Built) -> None:
    assert "WARNING" not in handbook.output
    assert (handbook.root / "index.html").exists()
    assert len(list(handbook.root.glob("levels/*/index.html"))) == len(handbook.framework.levels)


def test_every_id_and_former_id_has_its_anchor_on_its_page(handbook: Built, tricky: Built) -> None:
    for site in (handbook, tricky):
        missing = [
            f"{page}#{ident}" for page, ident in expected_anchors(site) if ident not in ids_in(page_file(site, page))
        ]
        assert not missing, f"anchors missing from the built site: {missing}"


def test_every_item_has_a_search_entry_that_deep_links_to_it(handbook: Built) -> None:
    index = json.loads((handbook.root / "search" / "search_index.json").read_text(encoding="utf-8"))
    locations = {entry["location"] for entry in index["docs"]}
    items = handbook.framework.items()
    # A level's statement is a line of its dimension's section: search finds it there, by its words.
    missing = [
        urls.url(item) for item in items if not isinstance(item, LevelStatement) and urls.url(item) not in locations
    ]
    by_location = {entry["location"]: entry for entry in index["docs"]}
    for statement in (item for item in handbook.framework.items() if isinstance(item, LevelStatement)):
        section = by_location.get(urls.cell(handbook.framework.level(statement.level), statement.dimension))
        if section is None or " ".join(plain(statement.text).split()[:6]) not in " ".join(section["text"].split()):
            missing.append(urls.url(statement))
    missing += [
        urls.cell(level, dimension)
        for level in handbook.framework.levels
        for dimension in handbook.framework.dimensions_for(level)
        if urls.cell(level, dimension) not in locations
    ]
    assert not missing, f"no search entry for: {missing}"
    for standard in handbook.framework.standards:
        for statement in standard.statements:  # each statement is a heading: its entry is titled with its words
            entry = next(entry for entry in index["docs"] if entry["location"] == urls.url(statement))
            assert entry["title"] == plain(statement.text), statement.id


def test_yaml_text_is_shown_literally_never_run_as_a_template_or_html(tricky: Built) -> None:
    html = article(tricky.html("standards/ownership/"))
    assert "{{ 7*7 }}" in html and "{% raw %}" in html and "49" not in html
    assert "Ownership &amp; {{ care }}" in html
    assert "latency &lt; 200 ms &amp; says so" in html and "<code>a &lt; b</code>" in html
    assert "&lt;script&gt;document.title" in html and "<script>document.title" not in html
    assert "&lt;b&gt;late&lt;/b&gt;" in html
    assert not re.search(r"<[^>]*\sonclick=", html), "an attribute list in YAML text became an attribute"
    assert "<img" not in html and 'href="javascript:' not in html


def test_macros_link_quote_and_embed_framework_data(tricky: Built) -> None:
    html = article(tricky.html(""))
    assert "<h1" in html and "Fixture Framework" in html
    assert 'href="standards/ownership/#ownership-fixes-it"' in html
    assert '<a href="levels/first/">the first level</a>' in html  # a former id resolves to the item
    assert '<a href="levels/second/#reach">' in html  # one dimension's section of a level
    assert "Not in this framework: a staff engineer." in html  # `otherwise` instead of an error
    assert "latency &lt; 200 ms" in html and "<blockquote>" in html
    assert 'href="examples/write-tests/"' in html and "Pair on one change with a teammate." in html
    assert html.index('href="levels/first/"') < html.index('href="levels/second/"')


# <link rel=...> kinds a browser never fetches on its own.
NOT_FETCHED = {"canonical", "alternate", "author", "license", "next", "prev", "search"}
ASSET_ATTRIBUTES = {"script": "src", "link": "href", "img": "src", "iframe": "src", "source": "src", "video": "src"}


class _Assets(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.assets: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        wanted = ASSET_ATTRIBUTES.get(tag)
        if tag == "link" and dict(attrs).get("rel") in NOT_FETCHED:
            return
        for name, value in attrs:
            if value and (name == wanted or name in ("srcset", "data") or (name == "style" and "url(" in value)):
                self.assets.append(f"<{tag} {name}={value}>")


def test_no_page_loads_anything_from_another_host(handbook: Built) -> None:
    external = []
    for page in handbook.root.rglob("*.html"):
        parser = _Assets()
        parser.feed(page.read_text(encoding="utf-8"))
        external += [f"{page}: {asset}" for asset in parser.assets if re.search(r"(https?:)?//", asset)]
    for stylesheet in handbook.root.rglob("*.css"):
        text = stylesheet.read_text(encoding="utf-8")
        external += [f"{stylesheet}: {url}" for url in re.findall(r"url\(\s*['\"]?((?:https?:)?//[^)'\"]+)", text)]
        external += [f"{stylesheet}: @import" for _ in re.findall(r"@import\s+url\(\s*['\"]?https?:", text)]
    assert not external, external[:10]
    assert "fonts.googleapis.com" not in (handbook.root / "index.html").read_text(encoding="utf-8")


def test_framework_json_and_schemas_are_published(handbook: Built) -> None:
    data = json.loads((handbook.root / "framework.json").read_text(encoding="utf-8"))
    assert [level["id"] for level in data["levels"]] == [level.id for level in handbook.framework.levels]
    published = sorted(path.name for path in (handbook.root / "schema").glob("*.json"))
    assert "level.schema.json" in published and "framework.schema.json" in published
    json.loads((handbook.root / "schema" / "level.schema.json").read_text(encoding="utf-8"))


def test_level_pages_link_their_neighbours_examples_and_worksheets(handbook: Built) -> None:
    framework = handbook.framework
    for level in framework.levels:
        html = article(handbook.html(urls.page(level)))
        below = framework.previous_level(level)
        if below is not None:
            assert f'href="../{below.id}/"' in html, level.id
            assert f'href="../../compare/?a={below.id}&amp;b={level.id}"' in html, level.id
        for above in framework.next_levels(level):  # more than one where tracks split
            assert f'href="../{above.id}/"' in html, level.id
            assert f'href="../../compare/?a={level.id}&amp;b={above.id}"' in html, level.id
        for example in framework.examples_for(level):
            assert f'href="../../{urls.page(example)}"' in html, (level.id, example.id)
        assert f'href="../../{urls.worksheet(level, "expectations", "html")}"' in html, level.id


def test_an_inherited_dimension_reads_as_previous_level_and_links_its_source(tricky: Built) -> None:
    html = tricky.html("levels/second/")
    section = html[html.index('id="reach"') :]
    assert "As previous level" in section[:600] and 'href="../first/#reach"' in section[:600]
    assert "Finishes the tasks given to them." in section[:1200]


def test_each_page_carries_only_a_small_part_of_the_navigation(handbook: Built) -> None:
    """Every example page is out of the navigation (there are more than nav_limit), so its nav stays short."""
    example = handbook.framework.examples[0]
    html = handbook.html(urls.page(example))
    assert html.count("md-nav__link") < 40
    assert not any(f'href="../{other.id}/"' in html for other in handbook.framework.examples[1:])


def test_every_section_has_its_index_page(handbook: Built) -> None:
    for section in (urls.LEVELS, urls.DIMENSIONS, urls.STANDARDS, urls.EXAMPLES, urls.COMPARE):
        assert (handbook.root / section / "index.html").exists(), section


def test_an_unknown_id_in_a_macro_fails_the_build_naming_the_page_and_the_id(tmp_path: Path) -> None:
    framework = assemble_case(SITE_FIXTURES / "tricky", tmp_path)
    docs = {"index.md": "---\nrender_macros: true\n---\n\n# Home\n\nSee {{ link('ownership-fixes-itt') }}.\n"}
    result = mkdocs_build(fixture_config(tmp_path, framework, docs), tmp_path / "site")
    assert result.returncode == 1
    assert (
        "index.md: link('ownership-fixes-itt'): no item in the framework has the id 'ownership-fixes-itt' "
        "(did you mean 'ownership-fixes-it'?)" in result.stderr
    )


def test_an_invalid_framework_stops_the_build_with_every_problem_on_its_own_line(tmp_path: Path) -> None:
    framework = assemble_case(CASES / "unknown-references", tmp_path)
    result = mkdocs_build(fixture_config(tmp_path, framework, {"index.md": "# Home\n"}), tmp_path / "site")
    assert result.returncode == 1
    expected = (CASES / "unknown-references" / "expected.txt").read_text().splitlines()
    assert "has 6 errors; `ladder validate` reports the same:" in result.stderr
    missing = [line for line in expected if line not in result.stderr]  # the very lines `ladder validate` prints
    assert not missing, result.stderr
    assert "Traceback" not in result.stderr


MINIMAL_CONFIG = """\
site_name: A fork's own handbook
theme:
  name: material
  font: false
plugins:
  - search
  - macros:
      module_name: {root}/hooks/macros
      render_by_default: false
hooks:
  - {root}/hooks/ladder_site.py
"""


def test_a_minimal_mkdocs_yml_gets_working_anchors_and_a_navigation_by_section_name(tmp_path: Path) -> None:
    """No nav and no Markdown extensions listed: the hook adds what its pages need, and makes the
    navigation: the home page, each generated section under its own name (not its folder's), then
    the other hand-written pages as MkDocs lists them."""
    shutil.copytree(BASE, tmp_path / "framework")
    (tmp_path / "docs" / "guides").mkdir(parents=True)
    (tmp_path / "docs" / "index.md").write_text("# Home\n")
    (tmp_path / "docs" / "about.md").write_text("# About us\n")
    (tmp_path / "docs" / "guides" / "reviews.md").write_text("# Writing reviews\n")
    config = tmp_path / "mkdocs.yml"
    config.write_text(MINIMAL_CONFIG.format(root=ROOT))
    result = mkdocs_build(config, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    ids = ids_in(tmp_path / "site" / "levels" / "first" / "index.html")
    assert {"first", "craft", "reach", "level--scope"} <= ids
    home = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    expected = ["Home", *(section.label for section in SECTIONS), "About us", "Guides", "Writing reviews"]
    labels = re.findall(r'class="md-ellipsis">\s*(.*?)\s*<', home)  # sections' own pages among them
    assert list(dict.fromkeys(label for label in labels if label in expected)) == expected
    assert "Assess" not in labels and "Changes" not in labels  # the folders' names
    level = (tmp_path / "site" / "levels" / "first" / "index.html").read_text(encoding="utf-8")
    assert 'href="../second/" class="md-nav__link' in level  # a small section lists its pages


def test_without_a_nav_ladder_render_writes_the_navigation_the_hooks_make(tmp_path: Path) -> None:
    """The project for Zensical gets the same navigation: the home page, the generated sections by
    name, then the hand-written pages MkDocs would list (not those exclude_docs or not_in_nav name)."""
    shutil.copytree(BASE, tmp_path / "framework")
    (tmp_path / "docs" / "guides").mkdir(parents=True)
    for name, text in {"index.md": "# Home\n", "about.md": "# About\n", "draft.md": "# Draft\n"}.items():
        (tmp_path / "docs" / name).write_text(text)
    (tmp_path / "docs" / "guides" / "reviews.md").write_text("# Reviews\n")
    (tmp_path / "docs" / "guides" / "aside.md").write_text("# Aside\n")
    config = tmp_path / "mkdocs.yml"
    hidden = "exclude_docs: |\n  draft.md\nnot_in_nav: |\n  /guides/aside.md\n"
    config.write_text(MINIMAL_CONFIG.format(root=ROOT) + hidden)
    result = CliRunner().invoke(main, ["render", str(tmp_path / "project"), "--config", str(config)])
    assert result.exit_code == 0, result.output
    written = yaml.safe_load((tmp_path / "project" / "mkdocs.yml").read_text(encoding="utf-8"))["nav"]
    labels = [next(iter(entry)) if isinstance(entry, dict) else entry for entry in written]
    assert labels == ["index.md", *(section.label for section in SECTIONS), "about.md", "Guides"]
    assert written[-1] == {"Guides": ["guides/reviews.md"]}
    assert written[1]["Levels"][0] == "levels/index.md"


def test_a_site_url_in_mkdocs_yml_that_differs_from_the_frameworks_stops_a_strict_build(tmp_path: Path) -> None:
    shutil.copytree(BASE, tmp_path / "framework")
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text("# Home\n")
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_url: https://old.example.org/handbook/\n" + MINIMAL_CONFIG.format(root=ROOT))
    result = mkdocs_build(config, tmp_path / "site")
    assert result.returncode == 1
    assert (
        f"{config}: site_url is https://old.example.org/handbook/ but the framework's is "
        "https://handbook.example.org/: pages would give one address and Copy link the other"
    ) in result.stderr
    config.write_text("site_url: https://handbook.example.org\n" + MINIMAL_CONFIG.format(root=ROOT))
    assert mkdocs_build(config, tmp_path / "site").returncode == 0  # the same address, slash or not


def test_guides_task_lists_show_checkboxes_and_code_blocks_name_their_file(handbook: Built) -> None:
    review = article(handbook.html("guides/writing-reviews/"))
    items = re.findall(r'<li class="task-list-item"><label class="task-list-control"><input type="checkbox"', review)
    assert len(items) >= 5 and "[ ]" not in review
    adapt = article(handbook.html("adapt/"))
    assert '<span class="filename">framework/tracks/manager.yaml</span>' in adapt
    assert "[ ]" not in adapt


def test_sections_that_repeat_another_pages_text_are_left_out_of_search(handbook: Built) -> None:
    """So that searching a statement finds the level that defines it, not the one below it."""
    index = json.loads((handbook.root / "search" / "search_index.json").read_text(encoding="utf-8"))
    locations = {entry["location"] for entry in index["docs"]}
    framework = handbook.framework
    repeated = ["level--changes", "level--next", "level--examples"]
    for level in framework.levels:
        assert not [
            f"{urls.page(level)}#{anchor}" for anchor in repeated if f"{urls.page(level)}#{anchor}" in locations
        ]
    for dimension in framework.dimensions:
        tracks = [f"{urls.page(dimension)}#dimension--{track.id}" for track in framework.tracks]
        assert not [location for location in tracks if location in locations], dimension.id
    for level in framework.levels:
        for upper in framework.next_levels(level):
            statement = next(
                (s for cell in upper.cells.values() for s in cell.statements if len(s.text.split()) > 6), None
            )
            if statement is None:
                continue
            found = {entry["location"] for entry in index["docs"] if plain(statement.text) in entry["text"]}
            assert found and all(location.startswith(urls.page(upper)) for location in found), statement.text
