"""Rendering: the framework in, Markdown pages out (golden files), the text rules, and `ladder render`."""

from __future__ import annotations

import shutil
from pathlib import Path

import nh3
import pytest
import yaml
from click.testing import CliRunner

from benchmarks.generate import Shape, write_framework
from ladder import urls
from ladder.cli import main
from ladder.render import text
from ladder.render.nav import expand, pages_in, sections
from ladder.render.pages import Context, all_worksheets, render_pages
from ladder.render.text import excerpt, name, nav_title, plain, prose, relative_links
from ladder.validate import load_framework
from tests.conftest import BASE, FIXTURES, ROOT, assemble_case, check_golden

GOLDEN = FIXTURES / "render"
TRICKY = FIXTURES / "site" / "tricky"


def golden_cases(tmp: Path) -> dict[str, dict[str, str]]:
    base = load_framework(BASE)
    tricky = load_framework(assemble_case(TRICKY, tmp))
    return {
        "base": render_pages(base, Context(worksheets=all_worksheets(base))),
        "tricky": render_pages(tricky),  # no worksheets published: level pages leave the section out
    }


def test_rendered_pages_match_their_golden_files(tmp_path: Path) -> None:
    """Regenerate with LADDER_UPDATE_GOLDEN=1 and read the diff: it is exactly what the site will show."""
    for case, pages in golden_cases(tmp_path).items():
        folder = GOLDEN / case
        for source, markdown in pages.items():
            (folder / source).parent.mkdir(parents=True, exist_ok=True)
            check_golden(folder / source, markdown)
        stale = {str(path.relative_to(folder)) for path in folder.rglob("*.md")} - set(pages)
        assert not stale, f"golden files for pages that are no longer rendered: {stale}"


def test_every_generated_page_opts_out_of_macros() -> None:
    for source, markdown in render_pages(load_framework(ROOT / "framework")).items():
        assert markdown.startswith("---\n"), source
        assert yaml.safe_load(markdown.split("---\n")[1])["render_macros"] is False, source


def test_pages_follow_the_url_scheme() -> None:
    framework = load_framework(ROOT / "framework")
    pages = render_pages(framework)
    for item in framework.items():
        assert urls.source(urls.page(item)) in pages, item.id
    assert urls.source(urls.COMPARE) == "compare/index.md" in pages


LINK = '<a href="https://example.com" rel="noopener noreferrer">read</a>'


@pytest.mark.parametrize(
    ("text", "html"),
    [
        ("latency < 200 ms & p99 > 1 s", "latency &lt; 200 ms &amp; p99 &gt; 1 s"),
        ("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
        ("keeps `a < b` as code", "keeps <code>a &lt; b</code> as code"),
        ("{{ 7*7 }} and {% raw %}", "\\{\\{ 7\\*7 \\}\\} and \\{% raw %\\}"),
        ("ends with {: onclick=x }", "ends with \\{: onclick&#61;x \\}"),
        (
            "![pixel](https://example.com/p.png)",
            '!<a href="https://example.com/p.png" rel="noopener noreferrer">pixel</a>',
        ),
        ("[run](javascript:alert(1)) [read](https://example.com)", f"\\[run\\](javascript:alert(1)) {LINK}"),
        (
            "[x](JaVaScRiPt:alert(1)) [y](data:text/html,z) [z](//evil.example/)",
            "\\[x\\](JaVaScRiPt:alert(1)) \\[y\\](data:text/html,z) \\[z\\](//evil.example/)",
        ),
        ("\\`<img src=x onerror=alert(1)>`", "\\`&lt;img src&#61;x onerror&#61;alert(1)&gt;\\`"),
        ("[x\\](javascript:alert(1))", "\\[x\\](javascript:alert(1))"),
        ("[x](`javascript:alert(1)`)", "\\[x\\](<code>javascript:alert(1)</code>)"),
        ("[a]: https://example.com", "\\[a\\]: https://example.com"),  # a definition is text
        ("see [click][a]", "see \\[click\\]\\[a\\]"),
        ("- not a list, 2. nor this", "\\- not a list, 2. nor this"),  # and so is a reference to one
        ("1. Ship | it ~~now~~ #tag", "1\\. Ship &#124; it &#126;&#126;now&#126;&#126; \\#tag"),
        ("*emphasis* stays\n  and lines   join", "<em>emphasis</em> stays and lines join"),
    ],
)
def test_prose_keeps_inline_markdown_but_cannot_act(text: str, html: str) -> None:
    assert prose(text) == html


def test_names_show_as_typed_and_links_inside_the_handbook_follow_the_page() -> None:
    assert name("C++ & *Rust* <b> &amp;") == "C++ & \\*Rust\\* &lt;b&gt; &amp;amp;"
    assert name(name("a_b")) == "a\\_b"  # escaped once, however often it is asked
    html = prose("[guide](guides/calibration/#rating) [home](/) [here](#top) [out](https://example.com/)")
    assert relative_links(html, 2).count('href="../../') == 2
    assert 'href="#top"' in relative_links(html, 2) and 'href="https://example.com/"' in relative_links(html, 2)


def test_titles_are_plain_and_excerpts_are_short() -> None:
    assert plain("Keep *p99* under [the SLO](https://example.com) with `make`") == "Keep p99 under the SLO with make"
    assert excerpt("one two three four five six seven eight nine ten", 4) == "one two three four…"
    assert excerpt("short enough", 4) == "short enough"


def test_source_paths_and_relative_links_match_mkdocs_pages() -> None:
    assert urls.source("") == "index.md"
    assert urls.source("levels/") == "levels/index.md"
    assert urls.source("levels/senior/#scope-of-impact") == "levels/senior.md#scope-of-impact"
    assert urls.source("compare/?a=x&b=y") == "compare/index.md?a=x&b=y"
    assert urls.source("worksheets/senior/pip.docx") == "worksheets/senior/pip.docx"
    assert urls.link_from("levels/senior.md", "levels/#ic") == "index.md#ic"
    assert urls.link_from("levels/senior.md", "standards/ownership/#x") == "../standards/ownership.md#x"
    assert urls.link_from("guides/calibration.md", "compare/?a=x&b=y") == "../compare/index.md?a=x&b=y"
    assert urls.link_from("index.md", "levels/senior/") == "levels/senior.md"


def test_the_navigation_lists_a_section_only_while_it_is_small() -> None:
    framework = load_framework(FIXTURES / "shapes" / "eight-levels-split")  # 8 engineering levels, 2 managers'
    small = sections(framework, limit=20)
    assert small["levels/index.md"] == [
        {"Engineering": [{level.name: f"levels/{level.id}.md"} for level in framework.own_levels("engineering")]},
        {
            "Engineering management": [
                {level.name: f"levels/{level.id}.md"} for level in framework.own_levels("management")
            ]
        },
    ]
    assert small["examples/index.md"] == [
        {nav_title(example.title): f"examples/{example.id}.md"} for example in framework.examples
    ]
    assert sections(framework, limit=2)["examples/index.md"] == []  # 3 examples: the index page lists them
    assert sections(framework, limit=3)["levels/index.md"] == [
        {
            "Engineering management": [
                {level.name: f"levels/{level.id}.md"} for level in framework.own_levels("management")
            ]
        }
    ]
    nav = expand([{"Home": "index.md"}, {"Levels": "levels/index.md"}, {"Guides": ["guides/index.md"]}], framework, 3)
    assert nav[1] == {"Levels": ["levels/index.md", *sections(framework, 3)["levels/index.md"]]}
    assert pages_in(nav) == {"index.md", "levels/index.md", "guides/index.md"} | {
        f"levels/{level.id}.md" for level in framework.own_levels("management")
    }


def test_ladder_render_writes_pages_and_never_replaces_one_without_force(in_tmp: Path) -> None:
    runner = CliRunner()
    first = runner.invoke(main, ["render", "out", str(BASE)])
    assert first.exit_code == 0, first.output
    written = sorted(str(path.relative_to("out")) for path in Path("out").rglob("*.md"))
    assert written == sorted(render_pages(load_framework(BASE)))
    Path("out/levels/first.md").write_text("my notes\n")
    second = runner.invoke(main, ["render", "out", str(BASE)])
    assert second.exit_code == 0
    assert "skipped out/levels/first.md: it already exists (use --force to replace it)" in second.output
    assert Path("out/levels/first.md").read_text() == "my notes\n"
    forced = runner.invoke(main, ["render", "out", str(BASE), "--force"])
    assert forced.exit_code == 0 and "skipped" not in forced.output.replace("skipped 0", "")
    assert Path("out/levels/first.md").read_text().startswith("---\n")


def test_ladder_render_reports_an_invalid_framework_and_writes_nothing(in_tmp: Path) -> None:
    framework = assemble_case(FIXTURES / "cases" / "unknown-references", in_tmp)
    result = CliRunner().invoke(main, ["render", "out", str(framework)])
    assert result.exit_code == 1
    assert "unknown" in result.output and "Traceback" not in result.output
    assert not Path("out").exists()


@pytest.mark.parametrize(
    "value",
    [
        'Plain text, with "quotes", it\'s fine.',
        "1. not a list",
        "- nor this",
        "#tag | pipe ~ tilde",
        "a {b} c",
        "ok =x",
    ],
)
def test_text_without_inline_markup_skips_the_parser_and_comes_out_the_same(value: str) -> None:
    parsed = text.parser().renderInline(text.one_line(value))
    cleaned = nh3.clean(parsed, tags=text.ALLOWED_TAGS, attributes=text.ALLOWED_ATTRIBUTES)
    assert prose(value) == text._inert(cleaned)


def test_a_dimension_page_over_its_statement_budget_shows_each_levels_first_statement(tmp_path: Path) -> None:
    shape = Shape(tracks=2, levels_per_track=30, dimensions=2, statements_per_cell=8, standards=1, examples=3)
    framework = load_framework(write_framework(tmp_path / "framework", shape))
    page = render_pages(framework)["dimensions/dimension-0.md"]
    level = framework.levels[0]
    statements = level.cells["dimension-0"].texts
    assert statements[0].split()[0] in page and statements[1] not in page
    assert f"[and 7 more](../levels/{level.id}.md#dimension-0)" in page
    assert len(page) < 100_000


def test_a_list_whose_statements_all_have_ids_keeps_their_places_as_anchors(tmp_path: Path) -> None:
    """Giving every statement of a list an id must not break links made to their places before."""
    root = FIXTURES / "shapes" / "statement-ids"
    framework = load_framework(root)
    level = framework.level("engineer-1")
    page = render_pages(framework)[f"levels/{level.id}.md"]
    for dimension, cell in level.cells.items():
        named = all(statement.id for statement in cell.statements)
        for statement in cell.statements:
            place = f'<a class="ladder-alias" id="{dimension}--{statement.position}"></a>'
            assert (place in page) == (named and bool(statement.id)), (dimension, statement.position)
    unnamed = render_pages(load_framework(BASE))  # statements known only by their place: no extra anchors
    assert not any(
        '<a class="ladder-alias" id="' in text and "--" in text.split('<a class="ladder-alias" id="', 1)[1][:60]
        for text in unnamed.values()
    )


def test_attribute_values_are_percent_encoded_as_urllib_does_it() -> None:
    """The quick path for ASCII text gives exactly urllib's encoding (with _ and ~ encoded too)."""
    from urllib.parse import quote

    from ladder.render.environment import attribute

    def reference(value: str) -> str:
        return quote(value, safe="").replace("_", "%5F").replace("~", "%7E")

    for value in ["".join(map(chr, range(128))), "[L4 — Delivery](https://x.org/a_b~c)", "plain-text.v2"]:
        assert attribute(value) == reference(value)


def test_a_level_page_lists_its_worksheets_in_the_frameworks_own_words(tmp_path: Path) -> None:
    """A fork that words its worksheets its own way (worksheets/common.yaml) sees the same words on
    level pages: the kinds and formats are named in one place."""
    root = tmp_path / "framework"
    shutil.copytree(BASE, root)
    (root / "worksheets").mkdir(exist_ok=True)
    (root / "worksheets" / "common.yaml").write_text(
        "site:\n  kinds_in_full:\n    pip: Plan d'amélioration\n  formats:\n    docx: Document Word\n", encoding="utf-8"
    )
    framework = load_framework(root)
    level = framework.levels[0]
    page = render_pages(framework, Context(worksheets=all_worksheets(framework)))[f"levels/{level.id}.md"]
    assert f"- Plan d'amélioration: [HTML](../worksheets/{level.id}/pip.html)" in page
    assert f"[Document Word](../worksheets/{level.id}/pip.docx)" in page
    assert "Performance improvement plan" not in page and "- Expectations for a review period: [HTML]" in page


def test_a_framework_of_one_level_says_there_is_nothing_to_compare_yet(tmp_path: Path) -> None:
    shape = Shape(tracks=1, levels_per_track=1, dimensions=2, statements_per_cell=1, standards=0, examples=0)
    framework = load_framework(write_framework(tmp_path / "framework", shape))
    page = render_pages(framework)[urls.source(urls.COMPARE)]
    level = framework.levels[0]
    assert "has only one level so far" in page and f"(../levels/{level.id}.md)" in page
    assert "<select" not in page  # no form comparing the level with itself
    two = Shape(tracks=1, levels_per_track=2, dimensions=2, statements_per_cell=1, standards=0, examples=0)
    page = render_pages(load_framework(write_framework(tmp_path / "two", two)))[urls.source(urls.COMPARE)]
    assert "only one level" not in page and page.count("<select") == 2
