"""Other organisations' frameworks, in shapes unlike ours, build with zero code changes.

Each folder in `tests/fixtures/shapes/` is a whole framework as a fork would write it:
- eight-levels-split: eight levels, shared up to L5, then IC and manager variants at L6 and L7;
- nine-dimensions: nine dimensions of its own, a five-step proficiency scale and a label in
  every cell, on two tracks with separate ladders;
- single-track-bare: one track of four levels, no standards, no examples, no proficiency scale;
- sparse: levels that leave dimensions out (shown "as previous level"), across a branch too,
  and a first level that writes nothing for one dimension.
Each is built once per session with `mkdocs build --strict` and read page by page: every page
is there with the right title; every level shows every dimension with its own text, its
proficiency label, or "as previous level" linking to where the text comes from; the matrix;
the links to the levels before and after; no empty heading, cell or list item; and no link
to a page or anchor that does not exist. The same frameworks go through `ladder validate`,
`ladder worksheet` and `ladder export --format csv`.
"""

from __future__ import annotations

import csv
import html as html_text
import io
import posixpath
import re
from collections.abc import Callable, Iterator
from functools import cache
from pathlib import Path

import pytest
from click.testing import CliRunner

from ladder import differences, urls
from ladder.cli import main
from ladder.model import Dimension, Framework, Level
from ladder.render.text import plain
from ladder.validate import load_framework
from tests.conftest import FIXTURES, ROOT
from tests.site.conftest import GENERATED_NAV, Built, built, fixture_config

SHAPES = FIXTURES / "shapes"
NAMES = sorted(path.name for path in SHAPES.iterdir() if (path / "framework.yaml").is_file())

# The warnings each shape implies, exactly; every other shape validates without one.
MISSING = "warning: says nothing about dimension"
HINT = " (say 'same as previous' or 'not expected' if that is what you mean) [missing-dimension]"
UNCHANGED = "the handbook will show it as unchanged from the previous level" + HINT
EXPECTED_WARNINGS = {
    "sparse": [
        f"sparse/levels/e1.yaml:10:1: levels.e1.dimensions: {MISSING} 'mentoring'; "
        "no level below it has text for it either, so the handbook will say nothing is written yet" + HINT,
        f"sparse/levels/e3.yaml:10:1: levels.e3.dimensions: {MISSING} 'delivery'; {UNCHANGED}",
        f"sparse/levels/e4.yaml:10:1: levels.e4.dimensions: {MISSING} 'delivery'; {UNCHANGED}",
        f"sparse/levels/e4.yaml:10:1: levels.e4.dimensions: {MISSING} 'mentoring'; {UNCHANGED}",
        f"sparse/levels/group-lead.yaml:9:1: levels.group-lead.dimensions: {MISSING} 'craft'; {UNCHANGED}",
        f"sparse/levels/group-lead.yaml:9:1: levels.group-lead.dimensions: {MISSING} 'delivery'; {UNCHANGED}",
        f"sparse/levels/team-lead.yaml:10:1: levels.team-lead.dimensions: {MISSING} 'craft'; {UNCHANGED}",
    ],
}
# A level of each shape to make a worksheet for: the interesting one.
WORKSHEET_LEVEL = {
    "eight-levels-split": "senior-2",  # where the tracks split: two next levels
    "nine-dimensions": "lead-developer",
    "single-track-bare": "developer",
    "sparse": "e4",  # inherits two dimensions, one from two levels down
    "cumulative-gaps": "senior-2",  # 'same as previous' twice, and a sub-level's own leadership text
    "shared-codes": "data-l4",  # judged on the data track's own dimension
    "rubric": "lead",  # steps of each dimension's own scale, and one 'same as previous'
    "statement-ids": "manager",  # a managers-only dimension, and 'same as previous'
}
GENERATED_SECTIONS = ("levels", "dimensions", "standards", "examples", "compare")


# Building -----------------------------------------------------------------------------------------


def hand_written_pages() -> tuple[dict[str, str], list[object]]:
    """The project's home, worksheets and adapt pages (written to suit any framework) and a navigation.

    The guides those pages link to cite the bundled framework's own levels, so each becomes a
    one-line page here: what is under test is the engine and the pages meant for every framework.
    """
    pages = ("index.md", "worksheets.md", "adapt.md")
    docs = {name: (ROOT / "docs" / name).read_text(encoding="utf-8") for name in pages}
    guides = sorted({link for text in docs.values() for link in re.findall(r"\]\((guides/[a-z-]+\.md)\)", text)})
    docs.update({guide: f"# {Path(guide).stem}\n\nThis stands in for the guide.\n" for guide in guides})
    nav: list[object] = [
        *GENERATED_NAV,
        {"Worksheets": "worksheets.md"},
        {"Guides": guides},
        {"Adapt this framework": "adapt.md"},
    ]
    return docs, nav


@pytest.fixture(scope="session")
def shape(tmp_path_factory: pytest.TempPathFactory) -> Callable[[str], Built]:
    """shape(name) -> that fixture framework's handbook, built strictly once per session."""
    sites: dict[str, Built] = {}

    def site(name: str) -> Built:
        if name not in sites:
            work = tmp_path_factory.mktemp(f"shape-{name}")
            docs, nav = hand_written_pages()
            sites[name] = built(fixture_config(work, SHAPES / name, docs, nav), work / "site", SHAPES / name)
        return sites[name]

    return site


# Reading built pages ------------------------------------------------------------------------------

HEADING = re.compile(r"<h([1-6])([^>]*)>(.*?)</h\1>", re.DOTALL)
ID = re.compile(r'\bid="([^"]+)"')
HREF = re.compile(r'\bhref="([^"]*)"')
ROW = re.compile(r"<tr>(.*?)</tr>", re.DOTALL)
CELL = re.compile(r"<t[dh][^>]*>(.*?)</t[dh]>", re.DOTALL)


def text_of(fragment: str) -> str:
    """What a reader sees of an HTML fragment: tags and permalink signs gone, whitespace collapsed."""
    fragment = re.sub(r'<a class="headerlink"[^>]*>.*?</a>', "", fragment, flags=re.DOTALL)
    text = " ".join(html_text.unescape(re.sub(r"<[^>]+>", " ", fragment)).split())
    return re.sub(r" ([:.,])", r"\1", text)


class Page:
    """One built page, its article read as headings and the sections under them."""

    def __init__(self, site: Built, url: str):
        self.url = url
        self.html = site.html(url)
        self.article = self.html[self.html.index("<article") : self.html.index("</article>")]
        self.headings = [
            (int(rank), match.group(1) if (match := ID.search(attributes)) else "", text_of(inner))
            for rank, attributes, inner in HEADING.findall(self.article)
        ]

    @property
    def title(self) -> str:
        return self.headings[0][2]

    def ids(self, rank: int) -> list[str]:
        return [ident for level, ident, _ in self.headings if level == rank]

    def heading(self, anchor: str) -> tuple[int, str]:
        found = [(rank, text) for rank, ident, text in self.headings if ident == anchor]
        assert found, f"{self.url}: no heading with id {anchor!r}"
        return found[0]

    def section(self, anchor: str) -> str:
        """The HTML after the heading with this id, up to the next heading of the same or a higher rank."""
        match = re.search(rf'<h([1-6])[^>]*\bid="{re.escape(anchor)}"[^>]*>.*?</h\1>', self.article, re.DOTALL)
        assert match, f"{self.url}: no heading with id {anchor!r}"
        rest = self.article[match.end() :]
        end = re.search(rf"<h[1-{match.group(1)}][\s>]", rest)
        return rest[: end.start()] if end else rest

    def rows(self, anchor: str) -> list[list[str]]:
        """The body rows of the table in a section, each cell as its HTML."""
        return [CELL.findall(row) for row in ROW.findall(self.section(anchor)) if "<td" in row]


def href(from_page: str, to_url: str) -> str:
    """The relative link MkDocs writes on one page (a directory URL) to a site URL, anchor kept."""
    path, _, fragment = to_url.partition("#")
    relative = posixpath.relpath(path or ".", from_page or ".")
    relative = "./" if relative == "." else relative + "/"
    return relative + (f"#{fragment}" if fragment else "")


def link(from_page: str, to_url: str, text: str) -> str:
    return f'<a href="{href(from_page, to_url)}">{html_text.escape(text, quote=False)}</a>'


def built_pages(site: Built) -> Iterator[tuple[str, Path]]:
    """(directory URL, file) of every HTML page MkDocs wrote."""
    for path in sorted(site.root.rglob("index.html")):
        url = path.parent.relative_to(site.root).as_posix()
        yield ("" if url == "." else url + "/"), path


@cache
def load(name: str) -> Framework:
    return load_framework(SHAPES / name)


@cache
def ids_of(path: Path) -> frozenset[str]:
    return frozenset(ID.findall(path.read_text(encoding="utf-8")))


def change(framework: Framework, lower: Level, upper: Level, dimension: Dimension) -> str:
    """How a dimension moves between two levels, as a level page words it: the step it moves to,
    and how many statements are new or reworded."""
    before, after = framework.cell(lower, dimension.id).cell, framework.cell(upper, dimension.id).cell
    if before == after:
        return "no change"
    expected_before = before is not None and before.intent != "not_expected"
    if after is not None and after.intent == "not_expected":
        return "not expected" if expected_before else "no change"
    if not expected_before:
        return "new expectations" if after is not None else "no change"
    assert before is not None and after is not None
    words = []
    if before.proficiency and after.proficiency and before.proficiency != after.proficiency:
        old, new = (framework.proficiency(cell.proficiency, dimension).name for cell in (before, after))
        words.append(f"{old} → {new}")
    difference = differences.between(before, after)
    counts = [f"{len(difference.added)} new" * bool(difference.added)]
    counts.append(f"{len(difference.reworded)} reworded" * bool(difference.reworded))
    if not difference.added and not difference.reworded and difference.dropped:
        counts = [f"{len(difference.dropped)} no longer listed"]
    words.append(", ".join(count for count in counts if count))
    return "; ".join(word for word in words if word) or "no change"


def as_read(statement: str) -> str:
    """A statement as a reader sees it: a list inside it shows its items, not the numbers typed."""
    return plain(re.sub(r"(?m)^[ \t]*(\d+[.)]|[-*+])[ \t]+", "", statement))


# Every shape, page by page ------------------------------------------------------------------------


@pytest.mark.parametrize("name", NAMES)
def test_each_shape_validates_with_exactly_the_warnings_its_shape_implies(
    name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(SHAPES)
    result = CliRunner().invoke(main, ["validate", name])
    assert result.exit_code == 0, result.output
    assert [line for line in result.output.splitlines() if ": warning: " in line] == EXPECTED_WARNINGS.get(name, [])
    assert ": error: " not in result.output


@pytest.mark.parametrize("name", NAMES)
def test_every_page_of_each_shape_is_built_with_its_title(name: str, shape: Callable[[str], Built]) -> None:
    site = shape(name)
    framework = site.framework
    assert "WARNING" not in site.output
    titles = {
        urls.HOME: plain(framework.meta.name),
        urls.LEVELS: "Levels",
        urls.DIMENSIONS: "Dimensions",
        urls.STANDARDS: "Standards of excellence",
        urls.EXAMPLES: "Example expectations",
        urls.COMPARE: "Compare levels",
        "worksheets/": "Worksheets",
    }
    for level in framework.levels:
        titles[urls.page(level)] = plain(level.name)
    for dimension in framework.dimensions:
        titles[urls.page(dimension)] = plain(dimension.name)
    for standard in framework.standards:
        titles[urls.page(standard)] = plain(standard.name)
    for example in framework.examples:
        titles[urls.page(example)] = plain(example.title)
    for url, title in titles.items():
        assert Page(site, url).title == title, url
    generated = {url for url, _ in built_pages(site) if url.split("/")[0] in GENERATED_SECTIONS}
    assert generated == {url for url in titles if url.split("/")[0] in GENERATED_SECTIONS}


@pytest.mark.parametrize("name", NAMES)
def test_each_level_page_shows_every_dimension_with_its_own_or_inherited_text(
    name: str, shape: Callable[[str], Built]
) -> None:
    site = shape(name)
    framework = site.framework
    for level in framework.levels:
        page = Page(site, urls.page(level))
        judged = framework.dimensions_for(level)
        sections = [*(["level--scope"] if level.scope else []), *(dimension.id for dimension in judged)]
        assert page.ids(2)[: len(sections) + 2] == [*sections, "level--changes", "level--next"]
        assert (level.summary and plain(level.summary)) in text_of(page.article), page.url
        for dimension in judged:
            assert page.heading(dimension.id) == (2, plain(dimension.name))
            found = framework.cell(level, dimension.id)
            shown = text_of(page.section(dimension.id))
            if found.cell is None:
                assert shown == "Nothing written for this dimension yet.", (page.url, dimension.id)
                continue
            if found.cell.intent == "not_expected":
                assert shown.endswith("Not expected at this level."), (page.url, dimension.id)
            for statement in found.cell.texts:
                assert as_read(statement) in shown, (page.url, dimension.id, statement)
            if found.cell.proficiency:
                step = framework.proficiency(found.cell.proficiency, dimension)
                assert shown.startswith(f"{step.name}: {step.summary}"), (page.url, dimension.id)
            if found.source is None:
                assert "As previous level" not in shown, (page.url, dimension.id)
            else:
                source = link(page.url, urls.cell(found.source, dimension), plain(found.source.name))
                assert f"<em>As previous level:</em> this level keeps what {source} expects." in page.section(
                    dimension.id
                ), (page.url, dimension.id)
        for dimension in framework.dimensions:
            if dimension not in judged:
                assert dimension.id not in page.ids(2), (page.url, dimension.id)


@pytest.mark.parametrize("name", NAMES)
def test_each_level_page_links_the_level_before_it_and_every_level_after_it(
    name: str, shape: Callable[[str], Built]
) -> None:
    site = shape(name)
    framework = site.framework
    for level in framework.levels:
        page = Page(site, urls.page(level))
        changes, following = page.section("level--changes"), page.section("level--next")
        previous = framework.previous_level(level)
        if previous is None:
            assert text_of(changes) == "This is where the ladder starts: there is no level below it."
        else:
            assert f"Compared with {link(page.url, urls.page(previous), plain(previous.name))}:" in changes
            for dimension in framework.dimensions_for(level):
                moved = change(framework, previous, level, dimension)
                assert f"{plain(dimension.name)}: {moved}" in text_of(changes), (page.url, dimension.id)
            assert f'href="../../compare/?a={previous.id}&amp;b={level.id}"' in changes
        after = framework.next_levels(level)
        if not after:
            assert text_of(following) == "This is the top of the ladder: no level follows it."
        for upper in after:
            summary = f": {plain(upper.summary)}" if upper.summary else "</p>"
            assert f"{link(page.url, urls.page(upper), plain(upper.name))}{summary}" in following
            assert f'href="../../compare/?a={level.id}&amp;b={upper.id}"' in following


@pytest.mark.parametrize("name", NAMES)
def test_the_matrix_shows_every_level_of_each_track_and_every_cell(name: str, shape: Callable[[str], Built]) -> None:
    site = shape(name)
    framework = site.framework
    page = Page(site, urls.LEVELS)
    for track in framework.tracks:
        rows = page.rows(track.id)
        ladder = framework.ladder(track.id)
        assert [text_of(row[0]) for row in rows] == [plain(level.name) for level in ladder], track.id
        columns = framework.dimensions_of_track(track.id)
        for level, row in zip(ladder, rows, strict=True):
            assert row[0] == link(page.url, urls.page(level), plain(level.name))
            for dimension, cell in zip(columns, row[1:], strict=True):
                found = framework.cell(level, dimension.id)
                if not framework.applies(dimension, level):
                    assert cell.strip() == "—", (track.id, level.id, dimension.id)
                    continue
                if found.cell is None:
                    assert cell.strip() == "<em>not written</em>", (track.id, level.id, dimension.id)
                    continue
                if found.cell.intent == "not_expected":
                    assert cell.strip() == "<em>not expected</em>", (track.id, level.id, dimension.id)
                    continue
                step = found.cell.proficiency
                count = len(found.cell.statements)
                expected = (
                    framework.proficiency(step, dimension).name if step else f"{count} statement{'s' * (count != 1)}"
                )
                if found.source is not None:
                    expected += " <em>as previous</em>"
                assert cell.strip() == expected, (track.id, level.id, dimension.id)


@pytest.mark.parametrize("name", NAMES)
def test_each_dimension_page_follows_every_track_level_by_level(name: str, shape: Callable[[str], Built]) -> None:
    site = shape(name)
    framework = site.framework
    for dimension in framework.dimensions:
        page = Page(site, urls.page(dimension))
        tracks = [track for track in framework.tracks if dimension in framework.dimensions_of_track(track.id)]
        scale = ["dimension--scale"] if dimension.scale else []
        assert page.ids(2) == [*scale, *(f"dimension--{track.id}" for track in tracks), "dimension--examples"]
        for step in dimension.scale:
            assert f"{plain(step.name)} {plain(step.summary)}" in text_of(page.section("dimension--scale"))
        shown: set[str] = set()
        for track in tracks:
            section = page.section(f"dimension--{track.id}")
            judged = [level for level in framework.ladder(track.id) if framework.applies(dimension, level)]
            listed = [level for level in judged if level.id not in shown]
            assert ID.findall(section) == [level.id for level in listed], (page.url, track.id)
            for level in listed:
                assert link(page.url, urls.cell(level, dimension), plain(level.name)) in section
            shown.update(level.id for level in listed)
        examples = [example for example in framework.examples if dimension.id in example.dimensions]
        listing = page.section("dimension--examples")
        if not examples:
            assert text_of(listing) == "No examples for this dimension yet."
        for example in examples:
            assert link(page.url, urls.page(example), plain(example.title)) in listing


EMPTY_BOXES = {
    "an empty table cell": re.compile(r"<(td|th)[^>]*>\s*</\1>"),
    "an empty list item": re.compile(r"<li>\s*</li>"),
    "an empty paragraph": re.compile(r"<p>\s*</p>"),
}
# A heading followed by nothing, or straight away by a heading of the same or a higher rank.
BARE_HEADING = re.compile(r"<h([1-6])([^>]*)>.*?</h\1>\s*(?=$|<h([1-6]))", re.DOTALL)


@pytest.mark.parametrize("name", NAMES)
def test_no_page_of_any_shape_has_an_empty_heading_cell_or_item(name: str, shape: Callable[[str], Built]) -> None:
    site = shape(name)
    empty = []
    for url, _ in built_pages(site):
        article = Page(site, url).article.rstrip()
        for what, pattern in EMPTY_BOXES.items():
            empty += [f"{url}: {what}: {match.group(0)!r}" for match in pattern.finditer(article)]
        for match in BARE_HEADING.finditer(article):
            opens_subsections = match.group(3) and int(match.group(3)) > int(match.group(1))
            if not opens_subsections and "ladder-statement" not in match.group(2):  # a statement is its heading
                empty.append(f"{url}: a heading with nothing under it: {text_of(match.group(0))!r}")
    assert not empty, "\n".join(empty)


@pytest.mark.parametrize("name", NAMES)
def test_no_link_in_any_shape_points_at_a_missing_page_or_anchor(name: str, shape: Callable[[str], Built]) -> None:
    site = shape(name)
    broken = []
    for url, path in built_pages(site):
        for target in HREF.findall(path.read_text(encoding="utf-8")):
            target = html_text.unescape(target)
            if re.match(r"^(https?:|mailto:|//)", target):
                continue
            address, _, fragment = target.partition("#")
            address = address.partition("?")[0]
            resolved = posixpath.normpath(posixpath.join(url, address)) if address else url.rstrip("/") or "."
            file = site.root / resolved
            if file.is_dir():
                file = file / "index.html"
            if not file.is_file():
                broken.append(f"{url}: {target} (no file {resolved})")
            elif fragment and file.suffix == ".html" and fragment not in ids_of(file):
                broken.append(f"{url}: {target} (no anchor #{fragment})")
    assert not broken, "\n".join(broken)


# The command line on every shape ------------------------------------------------------------------


def headings_without_content(markdown: str) -> list[str]:
    """Markdown headings followed straight away by a heading of the same or a higher rank, or by nothing."""
    headings = [
        (match.start(), len(match.group(1)), match.group(0)) for match in re.finditer(r"^(#+) .*$", markdown, re.M)
    ]
    empty = []
    for (start, rank, line), following in zip(headings, [*headings[1:], None], strict=True):
        body_end = following[0] if following else len(markdown)
        body = markdown[start + len(line) : body_end].strip()
        if not body and (following is None or following[1] <= rank):
            empty.append(line)
    return empty


@pytest.mark.parametrize("name", NAMES)
def test_a_worksheet_for_a_level_of_each_shape(name: str) -> None:
    framework = load(name)
    level = framework.level(WORKSHEET_LEVEL[name])
    result = CliRunner().invoke(
        main,
        ["worksheet", str(SHAPES / name), "--level", level.id, "--format", "md", "-o", "-", "--date", "2025-03-01"],
    )
    assert result.exit_code == 0, result.output
    sheet = result.output
    site_url = framework.meta.site_url
    assert f"- **Level:** [{plain(level.name)}]({urls.absolute(site_url, urls.page(level))})" in sheet
    assert f"version {framework.meta.version}" in sheet
    for dimension in framework.dimensions:
        heading = f"### [{plain(dimension.name)}]({urls.absolute(site_url, urls.cell(level, dimension))})"
        if not framework.applies(dimension, level):
            assert heading not in sheet
            continue
        assert heading in sheet
        found = framework.cell(level, dimension.id)
        if found.source is not None:
            source = f"[{plain(found.source.name)}]({urls.absolute(site_url, urls.page(found.source))})"
            assert f"{plain(level.name)} adds nothing new here; what follows is what {source} expects." in sheet
    for upper in framework.next_levels(level):
        track = framework.track(upper.track)
        assert f"Next on the {track.name} track: [{plain(upper.name)}]" in sheet
    assert ("### Standards of excellence" in sheet) == bool(framework.standards)
    assert ("## Ideas from the example library" in sheet) == bool(framework.examples)
    assert not headings_without_content(sheet)


@pytest.mark.parametrize("name", NAMES)
def test_the_csv_export_of_each_shape_has_a_row_per_level_on_each_track(name: str) -> None:
    framework = load(name)
    result = CliRunner().invoke(main, ["export", str(SHAPES / name), "--format", "csv"])
    assert result.exit_code == 0, result.output
    header, *rows = list(csv.reader(io.StringIO(result.output)))
    columns = []
    for dimension in framework.dimensions:
        columns.append(dimension.name)
        if framework.proficiency_scale or dimension.scale:
            columns.append(f"{dimension.name} proficiency")
    assert header == ["track", "level", "code", "title", "order", "summary", "scope", "url", *columns]
    expected = [(track.id, level) for track in framework.tracks for level in framework.ladder(track.id)]
    assert [(row[0], row[1]) for row in rows] == [(track, level.id) for track, level in expected]
    for (_, level), row in zip(expected, rows, strict=True):
        values = dict(zip(header, row, strict=True))
        assert values["url"] == urls.absolute(framework.meta.site_url, urls.page(level))
        for dimension in framework.dimensions:
            cell = framework.cell(level, dimension.id).cell if framework.applies(dimension, level) else None
            statements = "\n".join(f"• {text}" for text in cell.texts) if cell else ""
            if cell and cell.intent == "not_expected":
                statements = "not expected"
            assert values[dimension.name] == statements
            if framework.proficiency_scale or dimension.scale:
                named = framework.proficiency(cell.proficiency, dimension).name if cell and cell.proficiency else ""
                assert values[f"{dimension.name} proficiency"] == named


# What each shape is there to prove ----------------------------------------------------------------


def nav_links(page: Page) -> list[str]:
    return re.findall(r'href="([^"#]*)" class="md-nav__link', page.html)


def test_eight_levels_share_a_ladder_to_l5_then_split_into_ic_and_manager_variants(
    shape: Callable[[str], Built],
) -> None:
    site = shape("eight-levels-split")
    framework = site.framework
    levels = Page(site, urls.LEVELS)
    assert [text_of(row[0]) for row in levels.rows("management")] == [
        "L1 Associate Engineer",
        "L2 Engineer",
        "L3 Engineer 2",
        "L4 Senior Engineer",
        "L5 Senior Engineer 2",
        "L6-M Engineering Manager",
        "L7-M Senior Engineering Manager",
    ]
    assert len(levels.rows("engineering")) == 8
    assert "It shares the ladder up to L5 Senior Engineer 2 and continues with its own levels." in text_of(
        levels.section("management")
    )
    split = Page(site, "levels/senior-2/")
    assert text_of(split.article).count("Track: Engineering · Engineering management") == 1
    following = text_of(split.section("level--next"))
    assert following.index("L6 Staff Engineer:") < following.index("L6-M Engineering Manager:")
    manager = Page(site, "levels/engineering-manager/")
    assert text_of(manager.section("level--changes")).startswith("Compared with L5 Senior Engineer 2:")
    # Peers at L6 and L7 sit side by side in the level order.
    assert [level.id for level in framework.levels if level.order in (6, 7)] == [
        "staff",
        "engineering-manager",
        "senior-staff",
        "senior-engineering-manager",
    ]
    delivery = text_of(Page(site, "dimensions/delivery/").section("dimension--management"))
    assert delivery.startswith("Shares L1 Associate Engineer to L5 Senior Engineer 2 with the track above")
    # The navigation groups each track's own levels; the other group (pruned) opens at its first level.
    own = [f"../{level.id}/" if level.id != "senior-2" else "./" for level in framework.own_levels("engineering")]
    assert nav_links(split)[2 : 3 + len(own)] == [*own, "../engineering-manager/"]
    # Promotion from the split offers both variants.
    result = CliRunner().invoke(
        main, ["worksheet", str(SHAPES / "eight-levels-split"), "--level", "senior-2", "--kind", "promotion", "-o", "-"]
    )
    assert result.exit_code == 0, result.output
    assert "[L6 Staff Engineer](https://levels.northwind.example/levels/staff/) on the Engineering track" in (
        result.output
    )
    assert "[L6-M Engineering Manager](https://levels.northwind.example/levels/engineering-manager/)" in result.output
    assert not (site.root / "worksheets" / "principal" / "promotion.html").exists()
    assert not (site.root / "worksheets" / "senior-engineering-manager" / "promotion.html").exists()
    assert (site.root / "worksheets" / "senior-staff" / "promotion.html").exists()


def test_nine_dimensions_each_get_a_column_a_section_and_a_label_in_every_cell(shape: Callable[[str], Built]) -> None:
    site = shape("nine-dimensions")
    framework = site.framework
    assert len(framework.dimensions) == 9
    names = [plain(dimension.name) for dimension in framework.dimensions]
    levels = Page(site, urls.LEVELS)
    header = CELL.findall(ROW.findall(levels.section("software"))[0])
    assert [text_of(cell) for cell in header] == ["Level", *names]
    scale = {step.name for step in framework.proficiency_scale}
    for track in framework.tracks:
        for row in levels.rows(track.id):
            assert {text_of(cell) for cell in row[1:]} <= scale, row[0]
    lead = Page(site, "levels/lead-developer/")
    assert [text for rank, _, text in lead.headings if rank == 2][1:10] == names
    # Two ladders side by side, neither branching from the other.
    first = Page(site, "levels/reliability-engineer/")
    assert text_of(first.section("level--changes")).startswith("This is where the ladder starts")
    assert text_of(Page(site, "levels/senior-developer/").section("level--changes")).startswith(
        "Compared with D1 Developer:"
    )
    compare = Page(site, urls.COMPARE).article
    assert compare.count("<option ") == 2 * len(framework.levels)


def test_a_bare_framework_says_it_has_no_standards_or_examples_yet(shape: Callable[[str], Built]) -> None:
    site = shape("single-track-bare")
    standards = text_of(Page(site, urls.STANDARDS).article)
    assert "Fernhill Developer Ladder has no standards of excellence yet." in standards
    assert "Every statement has its own link" not in standards
    examples = text_of(Page(site, urls.EXAMPLES).article)
    assert "Fernhill Developer Ladder has no example expectations yet." in examples
    assert "By dimension" not in examples and "(0)" not in examples
    assert sorted(path.parent.name for path in (site.root / "standards").rglob("index.html")) == ["standards"]
    assert sorted(path.parent.name for path in (site.root / "examples").rglob("index.html")) == ["examples"]
    level = Page(site, "levels/developer/")
    assert text_of(level.section("level--examples")) == "No examples for this level yet."
    # One track: its levels sit straight under Levels in the navigation.
    nav = nav_links(level)
    assert nav[:6] == ["../..", "../", "../junior-developer/", "./", "../senior-developer/", "../lead-developer/"]
    assert "../../standards/" in nav and not [
        link for link in nav if link.startswith("../../standards/") and len(link) > 16
    ]
    # The home page has no statement to quote and says so without a dangling colon.
    home = Page(site, urls.HOME)
    assert "<blockquote>" not in home.article
    assert "so feedback points at the exact words it refers to." in text_of(home.article)


def test_sparse_levels_read_as_previous_level_with_a_link_to_where_the_text_comes_from(
    shape: Callable[[str], Built],
) -> None:
    site = shape("sparse")
    inherited = {
        ("e3", "delivery"): "e2",
        ("e4", "delivery"): "e2",  # two levels down
        ("e4", "mentoring"): "e3",
        ("team-lead", "craft"): "e2",  # across the branch, from the other track
        ("group-lead", "craft"): "e2",
        ("group-lead", "delivery"): "team-lead",
    }
    for (level, dimension), source in inherited.items():
        section = Page(site, f"levels/{level}/").section(dimension)
        assert f'this level keeps what <a href="../{source}/#{dimension}">' in section, (level, dimension)
    levels = Page(site, urls.LEVELS)
    marked = {
        (text_of(row[0]).split()[0], index)
        for track in site.framework.tracks
        for row in levels.rows(track.id)
        for index, cell in enumerate(row[1:])
        if "as previous" in cell
    }
    codes = {level.id: level.code for level in site.framework.levels}
    dimensions = [dimension.id for dimension in site.framework.dimensions]
    assert marked == {(codes[level], dimensions.index(dimension)) for level, dimension in inherited}
    assert next(row[3].strip() for row in levels.rows("engineering")) == "<em>not written</em>"
    e1 = Page(site, "levels/e1/")
    assert text_of(e1.section("mentoring")) == "Nothing written for this dimension yet."
    assert "Mentoring: new expectations" in text_of(Page(site, "levels/e2/").section("level--changes"))
    group = Page(site, "levels/group-lead/")
    assert "Craft: no change" in text_of(group.section("level--changes"))
    assert "Delivery: no change" in text_of(group.section("level--changes"))


def test_a_cumulative_ladder_shows_gaps_and_shared_sub_levels_without_filler(shape: Callable[[str], Built]) -> None:
    site = shape("cumulative-gaps")
    first = Page(site, "levels/engineer-1/")
    assert text_of(first.section("leadership")) == "Not expected at this level."
    assert "ladder-summary" not in first.article and "level--scope" not in first.ids(2)
    # Engineer II leaves leadership out: still not expected, as Engineer I says.
    second = text_of(Page(site, "levels/engineer-2/").section("leadership"))
    assert second == "As previous level: this level keeps what Engineer I expects. Not expected at this level."
    # The two senior sub-levels share their text on purpose, and the page says whose it is.
    senior_2 = Page(site, "levels/senior-2/")
    for dimension in ("code-craft", "delivery"):
        assert f'this level keeps what <a href="../senior-1/#{dimension}">S1 Senior Engineer I</a>' in (
            senior_2.section(dimension)
        )
    assert "Code craft: no change" in text_of(senior_2.section("level--changes"))
    assert "Leadership: 1 new" in text_of(senior_2.section("level--changes"))
    # A dimension without summary or covers: its page has neither an empty paragraph nor "It covers".
    craft = text_of(Page(site, "dimensions/code-craft/").article)
    assert "It covers" not in craft
    levels = text_of(Page(site, urls.LEVELS).article)
    assert "A cell counts the statements the level makes about that dimension." in levels
    assert "proficiency" not in levels
    assert "not expected: the level is not judged on that dimension." in levels
    assert "not written:" not in levels and "another track" not in levels
    home = text_of(Page(site, urls.HOME).article)
    assert "standards of excellence" not in home.lower()
    assert "or how a move between tracks" not in home
    assert "Its levels are grouped in Engineering (one track) and judged on 3 dimensions." in home


def test_codes_shared_by_three_tracks_and_a_dimension_for_one_track(shape: Callable[[str], Built]) -> None:
    site = shape("shared-codes")
    framework = site.framework
    levels = Page(site, urls.LEVELS)
    header = [text_of(cell) for cell in CELL.findall(ROW.findall(levels.section("backend"))[0])]
    assert header == ["Level", "Engineering", "Collaboration"]
    header = [text_of(cell) for cell in CELL.findall(ROW.findall(levels.section("data"))[0])]
    assert header == ["Level", "Engineering", "Collaboration", "Data modelling"]
    assert "data-modelling" not in Page(site, "levels/backend-l4/").ids(2)
    assert "data-modelling" in Page(site, "levels/data-l4/").ids(2)
    modelling = Page(site, "dimensions/data-modelling/")
    assert modelling.ids(2) == ["dimension--data", "dimension--examples"]
    assert "Levels of Data are judged on it; other tracks' are not." in text_of(modelling.article)
    home = text_of(Page(site, urls.HOME).article)
    assert "judged on 3 dimensions, 1 of them for some tracks only; 1 standard of excellence applies" in home
    # A code and a track name one level, on the command line and in a roster.
    for track, level in (("backend", "backend-l4"), ("data", "data-l4")):
        result = CliRunner().invoke(
            main, ["worksheet", str(SHAPES / "shared-codes"), "--level", "l4", "--track", track, "-o", "-"]
        )
        assert result.exit_code == 0, result.output
        assert f"({urls.absolute(framework.meta.site_url, urls.page(framework.level(level)))})" in result.output
    result = CliRunner().invoke(main, ["worksheet", str(SHAPES / "shared-codes"), "--level", "L4", "-o", "-"])
    assert result.exit_code == 2
    assert result.output.strip().splitlines()[0] == (
        "ladder: error: --level: code 'L4' belongs to several levels (backend-l4, frontend-l4, data-l4); "
        "give the level id, or its track too"
    )
    roster = (site.root / urls.SAMPLE_ROSTER).read_text(encoding="utf-8")
    assert "Ada Okafor,Priya Raman,L3,backend,expectations," in roster


def test_a_title_every_track_uses_is_named_with_its_track_wherever_a_reader_picks_or_reads_a_level(
    shape: Callable[[str], Built],
) -> None:
    site = shape("shared-codes")  # "L4 Senior Engineer" on all three tracks; each track's L3 has its own title
    assert Page(site, "levels/data-l4/").title == "L4 Senior Engineer (Data)"
    assert Page(site, "levels/data-l3/").title == "L3 Data Engineer"  # no other level is called that
    assert "<title>L4 Senior Engineer (Backend) - " in site.html("levels/backend-l4/")
    options = re.findall(r"<option [^>]*>([^<]*)</option>", site.html(urls.COMPARE))
    senior = [option for option in options if "Senior" in option]
    assert senior[:3] == ["L4 Senior Engineer (Backend)", "L4 Senior Engineer (Frontend)", "L4 Senior Engineer (Data)"]
    worksheet = CliRunner().invoke(
        main, ["worksheet", str(SHAPES / "shared-codes"), "--level", "frontend-l4", "--format", "md", "-o", "-"]
    )
    assert worksheet.exit_code == 0, worksheet.output
    assert "- **Level:** [L4 Senior Engineer (Frontend)](" in worksheet.output
    # A dimension's examples name their levels briefly, but never by a code three levels share.
    examples = text_of(Page(site, "dimensions/engineering/").section("dimension--examples"))
    assert "(L3 Data Engineer · L4 Senior Engineer (Data))" in examples


def test_a_rubric_shows_each_dimensions_own_steps_where_levels_name_them(shape: Callable[[str], Built]) -> None:
    site = shape("rubric")
    framework = site.framework
    testing = framework.dimension("testing")
    page = Page(site, "dimensions/testing/")
    rows = page.rows("dimension--scale")
    assert [(text_of(step), text_of(meaning)) for step, meaning in rows] == [
        (plain(step.name), plain(step.summary)) for step in testing.scale
    ]
    lead = Page(site, "levels/lead/")
    safety = framework.proficiency("advanced", framework.dimension("clinical-safety"))
    assert text_of(lead.section("clinical-safety")) == f"{safety.name}: {plain(safety.summary)}"
    assert "Testing: no change" in text_of(lead.section("level--changes"))
    assert "Clinical safety: Proficient → Advanced" in text_of(lead.section("level--changes"))
    levels = Page(site, urls.LEVELS)
    assert [text_of(cell) for cell in levels.rows("product-engineering")[3][1:]] == [
        "Advanced",
        "Advanced",
        "Proficient as previous",
        "Advanced",
        "Advanced",
    ]
    intro = text_of(levels.section("levels--overview"))
    assert "A cell names the proficiency step the level expects in that dimension. as previous:" in intro


def test_statements_with_ids_have_anchors_aliases_and_lists(shape: Callable[[str], Built]) -> None:
    site = shape("statement-ids")
    page = Page(site, "levels/engineer-2/")
    assert {"pc-new-scheme", "pc-chargebacks", "id-joins-rota-2"} <= ids_of(site.root / "levels/engineer-2/index.html")
    assert {"pc-ledger-reconcile", "pc-reconciles"} <= ids_of(site.root / "levels/engineer-1/index.html")
    craft = page.section("payments-craft")
    steps = re.search(r"end to end: <ol>(.*?)</ol>", craft, re.DOTALL)
    assert steps, craft
    assert [text_of(item) for item in re.findall(r"<li>(.*?)</li>", steps.group(1))] == [
        "reads the scheme's rulebook and lists what differs from the schemes we have;",
        "designs the flow and has it reviewed by the ledger team;",
        "runs it in shadow mode for a week before it moves real money.",
    ]
    assert "<em>chargebacks</em>" in craft
    # The managers-only dimension is asked of the manager only, not of the engineering levels
    # the management track shares.
    assert "people-leadership" not in Page(site, "levels/engineer-2/").ids(2)
    assert "People leadership: new expectations" in text_of(Page(site, "levels/manager/").section("level--changes"))
    levels = Page(site, urls.LEVELS)
    assert [text_of(row[3]) for row in levels.rows("management")] == ["—", "—", "2 statements"]
    assert "—: the dimension is for another track's levels only." in text_of(levels.section("levels--overview"))


def test_what_the_next_level_adds_lists_only_what_is_new_or_reworded(shape: Callable[[str], Built]) -> None:
    site = shape("cumulative-gaps")
    following = Page(site, "levels/senior-2/").section("level--next")
    text = text_of(following)
    assert "Delivery: 1 new, 1 reworded" in text
    assert "New: Agrees delivery dates with the partners whose systems the depots connect to." in text
    assert (
        "Reworded: Splits a year's work into releases every depot can take one at a time. "
        "(was: Splits a quarter's work into releases a depot can take one at a time.)"
    ) in text
    assert "Code craft: 1 new" in text and "Keeps the depot system's error budget" not in text  # not repeated
    # Where the tracks split, each next level has a heading of its own.
    split = Page(shape("eight-levels-split"), "levels/senior-2/")
    assert split.ids(3)[:2] == ["level--next--staff", "level--next--engineering-manager"]
