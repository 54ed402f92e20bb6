"""Framework in, Markdown pages out: what each generated page shows, computed here, laid out by templates.

`render_pages(framework)` returns `{source path: Markdown}` (`levels/senior.md`, ...); SECTIONS
lists the generated sections. The engines (ladder.engines) hand these pages to a site
generator. Page paths follow `ladder.urls`, so every link and anchor matches the URLs the
rest of Ladder hands out.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Container, Iterator, Sequence
from dataclasses import dataclass, field
from functools import partial

from ladder import changelog, differences, places, urls
from ladder.history import Step
from ladder.model import Cell, Dimension, Example, Framework, Level, ProficiencyStep, Track
from ladder.places import Places
from ladder.render import titles
from ladder.render.environment import Links, environment
from ladder.wording import words

# The library lists every example on its index page up to this many; beyond it, by level and dimension only.
EXAMPLE_LIST_LIMIT = 200
# A dimension page shows every level's statements up to this many in all; beyond it, each level's
# first statement and a link to the rest, so the page stays light however many tracks there are.
DIMENSION_STATEMENT_LIMIT = 400
# Templates stay readable with generous blank lines; the pages keep one between blocks.
BLANK_LINES = re.compile(r"\n{3,}")


@dataclass(frozen=True)
class CellView:
    """One level's text for one dimension, as a page shows it."""

    dimension: Dimension
    cell: Cell | None
    source: Level | None  # the level the text is inherited from, or None when the level writes it
    proficiency: ProficiencyStep | None


@dataclass(frozen=True)
class TrackView:
    """A track's rows in the levels matrix. A cell is None where the level is not judged on the
    dimension: a dimension of this track only, on a level the track shares with another."""

    track: Track
    branch: Level | None  # the level where the track branches off another
    dimensions: tuple[Dimension, ...]
    rows: list[tuple[Level, list[CellView | None]]]


@dataclass(frozen=True)
class Change:
    """How one dimension moves between two levels."""

    dimension: Dimension
    before: CellView
    after: CellView
    statements: differences.Difference  # which statements are new, reworded or no longer listed

    @property
    def changed(self) -> bool:
        return self.words != NO_CHANGE

    @property
    def words(self) -> str:
        """The change in a few words: "no change", "Working → Expert; 1 new", "2 new, 1 reworded"..."""
        before, after = self.before.cell, self.after.cell
        if before == after:
            return NO_CHANGE
        expected_before = before is not None and before.intent != "not_expected"
        if after is not None and after.intent == "not_expected":
            return "not expected" if expected_before else NO_CHANGE
        if not expected_before:
            return "new expectations" if after is not None else NO_CHANGE
        parts = []
        old, new = self.before.proficiency, self.after.proficiency
        if old and new and old != new:
            parts.append(f"{old.name} → {new.name}")
        parts.append(self.statements.summary())
        return "; ".join(part for part in parts if part) or NO_CHANGE


NO_CHANGE = "no change"


@dataclass(frozen=True)
class Context:
    """What pages show besides the framework."""

    # The blank worksheet files the site publishes (`urls.worksheet(...)`): a level page links those
    # of its own, and leaves the section out when there are none, so it never links a missing file.
    worksheets: Container[str] = ()
    # What changed in recent versions, newest first (ladder.history.recent): the "What changed"
    # page, and on each level page what changed in it since the version before.
    history: Sequence[Step] = ()
    # What was published at each place of each level's statement lists (ladder.places): a list
    # whose statements all have ids keeps each published place on its statement.
    places: Places = field(default_factory=dict)


View = Callable[..., dict[str, object]]


@dataclass(frozen=True)
class Section:
    """One generated section of the handbook: an index page and, for a kind of item, a page per item.

    Adding a section (or a page type) is a row in SECTIONS, a template and a test.
    """

    url: str  # where the index page is: "levels/"
    label: str  # the section's name in the navigation Ladder makes when mkdocs.yml has no `nav`
    template: str  # the index page's template
    view: View  # (framework, context) -> what the index page shows
    items: Callable[[Framework], Sequence[urls.Item]] | None = None  # the items with a page each
    item_template: str = ""
    item_view: View | None = None  # (framework, item, context) -> what an item's page shows


def _no_view(*_: object) -> dict[str, object]:
    return {}


SECTIONS: tuple[Section, ...] = (
    Section(
        urls.LEVELS,
        "Levels",
        "levels.md.j2",
        lambda framework, _: _levels_view(framework),
        lambda framework: framework.levels,
        "level.md.j2",
        lambda framework, level, context: _level_page_view(framework, level, context),
    ),
    Section(
        urls.DIMENSIONS,
        "Dimensions",
        "dimensions.md.j2",
        _no_view,
        lambda framework: framework.dimensions,
        "dimension.md.j2",
        lambda framework, dimension, _: _dimension_view(framework, dimension),
    ),
    Section(
        urls.STANDARDS,
        "Standards",
        "standards.md.j2",
        _no_view,
        lambda framework: framework.standards,
        "standard.md.j2",
        lambda _, standard, __: {"standard": standard},
    ),
    Section(
        urls.EXAMPLES,
        "Examples",
        "examples.md.j2",
        lambda framework, _: _library_view(framework),
        lambda framework: framework.examples,
        "example.md.j2",
        lambda framework, example, _: _example_view(framework, example),
    ),
    Section(urls.COMPARE, "Compare levels", "compare.md.j2", _no_view),
    Section(urls.ASSESS, "Where I stand", "assess.md.j2", lambda framework, context: _assess_view(framework, context)),
    Section(
        urls.CHANGES,
        "What changed",
        "changes.md.j2",
        lambda framework, context: {"steps": [_step_view(framework, step) for step in context.history]},
    ),
)


def render_pages(framework: Framework, context: Context | None = None) -> dict[str, str]:
    """Every generated page of the handbook, by Markdown source path, in reading order."""
    return dict(iter_pages(framework, context))


def iter_pages(framework: Framework, context: Context | None = None) -> Iterator[tuple[str, str]]:
    """The pages one by one, in the order of `page_sources`."""
    for page, template, view in _plan(framework, context or Context()):
        yield _render(framework, page, template, **view())


def page_sources(framework: Framework) -> list[str]:
    """The source path of every generated page, in reading order, without rendering any."""
    return [urls.source(page) for page, _, _ in _plan(framework, Context())]


def _assess_view(framework: Framework, context: Context) -> dict[str, object]:
    """The levels whose HTML expectations worksheet the site publishes: the self-assessment offers
    to open it with the marks in its growth grid."""
    published = [
        level.id for level in framework.levels if urls.worksheet(level, "expectations", "html") in context.worksheets
    ]
    return {"worksheet_levels": published}


def all_worksheets(framework: Framework) -> set[str]:
    """Every blank worksheet file a site could publish: each kind, in each format, for each level."""
    return {
        urls.worksheet(level, kind, fmt)
        for level in framework.levels
        for kind in urls.WORKSHEET_KINDS
        for fmt in urls.SITE_WORKSHEET_FORMATS
    }


def _plan(framework: Framework, context: Context) -> list[tuple[str, str, Callable[[], dict[str, object]]]]:
    """(page URL, template, what the page shows) for every page; the views are computed on use."""
    plan: list[tuple[str, str, Callable[[], dict[str, object]]]] = []
    for section in SECTIONS:
        plan.append((section.url, section.template, partial(section.view, framework, context)))
        if section.items is not None and section.item_view is not None:
            plan += [
                (urls.page(item), section.item_template, partial(section.item_view, framework, item, context))
                for item in section.items(framework)
            ]
    return plan


def _level_page_view(framework: Framework, level: Level, context: Context) -> dict[str, object]:
    return (
        _level_view(framework, level, context.worksheets)
        | _level_history(framework, level, context.history)
        | {"places": places.level_anchors(framework, level, context.places)}
    )


def _render(framework: Framework, page: str, template: str, **context: object) -> tuple[str, str]:
    source = urls.source(page)
    links = Links(framework, source)
    markdown = (
        environment()
        .get_template(template)
        .render(
            framework=framework,
            meta=framework.meta,
            links=links,
            list_limit=EXAMPLE_LIST_LIMIT,
            cite=lambda item: titles.cite(titles.citation(framework, item), framework.meta.site_url, urls.url(item)),
            cite_cell=lambda level, dimension: titles.cite(
                titles.cell_title(level, dimension), framework.meta.site_url, urls.cell(level, dimension)
            ),
            **context,
        )
    )
    return source, BLANK_LINES.sub("\n\n", markdown)


# What each page shows ---------------------------------------------------------------------------


def cell_view(framework: Framework, level: Level, dimension: Dimension) -> CellView:
    found = framework.cell(level, dimension.id)
    proficiency = found.cell.proficiency if found.cell else None
    step = framework.proficiency(proficiency, dimension) if proficiency else None
    return CellView(dimension, found.cell, found.source, step)


def _levels_view(framework: Framework) -> dict[str, object]:
    """The matrix of each track, and which kinds of cell it holds: the page explains only those."""
    tracks = [_track_view(framework, track) for track in framework.tracks]
    cells = [cell for view in tracks for _, row in view.rows for cell in row]
    written = [cell for cell in cells if cell and cell.cell and cell.cell.intent == "written"]
    return {
        "tracks": tracks,
        "ratings": framework.ratings,
        "shows": {
            "steps": any(cell.proficiency for cell in written),
            "counts": any(not cell.proficiency for cell in written),
            "as_previous": any(cell and cell.source for cell in cells),
            "not_expected": any(cell and cell.cell and cell.cell.intent == "not_expected" for cell in cells),
            "not_written": any(cell and not cell.cell for cell in cells),
            "other_track": any(cell is None for cell in cells),
        },
    }


def _track_view(framework: Framework, track: Track) -> TrackView:
    ladder = framework.ladder(track.id)
    branch = framework.level(track.branches_from) if track.branches_from else None
    dimensions = framework.dimensions_of_track(track.id)
    rows = [
        (level, [cell_view(framework, level, d) if framework.applies(d, level) else None for d in dimensions])
        for level in ladder
    ]
    return TrackView(track, branch, dimensions, rows)


def _level_view(framework: Framework, level: Level, published: Container[str]) -> dict[str, object]:
    cells = [cell_view(framework, level, dimension) for dimension in framework.dimensions_for(level)]
    previous = framework.previous_level(level)
    return {
        "level": level,
        "below": framework.expected_below(level),
        "tracks": framework.tracks_of(level),
        "cells": cells,
        "previous": previous,
        "changes": _changes(framework, previous, level) if previous else [],
        "nexts": [(after, _changes(framework, level, after)) for after in framework.next_levels(level)],
        "examples": framework.examples_for(level),
        "worksheets": _level_worksheets(framework, level, published),
    }


def _level_worksheets(
    framework: Framework, level: Level, published: Container[str]
) -> list[tuple[str, list[tuple[str, str]]]]:
    """(what the kind is for, [(format's name, site path)]) of each kind of blank worksheet the
    site publishes for the level, in the worksheets' own words (a fork may word them its way)."""
    labels = words("common", framework)["site"]
    listed = []
    for kind in urls.WORKSHEET_KINDS:
        files = [
            (labels["formats"][fmt], path)
            for fmt in urls.SITE_WORKSHEET_FORMATS
            if (path := urls.worksheet(level, kind, fmt)) in published
        ]
        if files:
            listed.append((labels["kinds_in_full"][kind], files))
    return listed


def _changes(framework: Framework, lower: Level, upper: Level) -> list[Change]:
    changes = []
    for dimension in framework.dimensions_for(upper):
        before, after = cell_view(framework, lower, dimension), cell_view(framework, upper, dimension)
        changes.append(Change(dimension, before, after, differences.between(before.cell, after.cell)))
    return changes


def _dimension_view(framework: Framework, dimension: Dimension) -> dict[str, object]:
    """How the dimension grows along each track; a level shared by several tracks is shown once."""
    shown: set[str] = set()
    tracks = []
    for track in framework.tracks:
        if dimension not in framework.dimensions_of_track(track.id):
            continue  # a dimension for some tracks only
        judged = [level for level in framework.ladder(track.id) if framework.applies(dimension, level)]
        levels = [level for level in judged if level.id not in shown]
        shared = [level for level in judged if level.id in shown]
        shown.update(level.id for level in levels)
        tracks.append((track, shared, [(level, cell_view(framework, level, dimension)) for level in levels]))
    statements = sum(len(view.cell.statements) for *_, rows in tracks for _, view in rows if view.cell)
    rank = {level.id: position for position, level in enumerate(framework.levels)}
    examples = sorted(
        (example for example in framework.examples if dimension.id in example.dimensions),
        key=lambda example: (min(rank[ident] for ident in example.levels), example.title),
    )
    return {
        "dimension": dimension,
        "tracks": tracks,
        "examples": examples,
        "compact": statements > DIMENSION_STATEMENT_LIMIT,
    }


def _library_view(framework: Framework) -> dict[str, object]:
    by_level = [(level, framework.examples_for(level)) for level in framework.levels]
    by_dimension = [
        (dimension, [e for e in framework.examples if dimension.id in e.dimensions])
        for dimension in framework.dimensions
    ]
    return {
        "by_track": [(track, framework.ladder(track.id)) for track in framework.tracks],
        "by_level": {level.id: examples for level, examples in by_level},
        "by_dimension": by_dimension,
        "listed": [pair for pair in by_level if pair[1]] if len(framework.examples) <= EXAMPLE_LIST_LIMIT else [],
    }


def _example_view(framework: Framework, example: Example) -> dict[str, object]:
    return {
        "example": example,
        "levels": [framework.level(ident) for ident in example.levels],
        "dimensions": [framework.dimension(ident) for ident in example.dimensions],
        "example_tracks": [framework.track(ident) for ident in example.tracks],
    }


# What changed -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class ChangeView:
    change: changelog.Change
    item: urls.Item | None  # what it is now, to link to; None when it is gone
    details: list[str]


def _step_view(framework: Framework, step: Step) -> dict[str, object]:
    groups = []
    for kind, heading in changelog.KINDS:
        views = [_change_view(framework, change) for change in step.changelog.of(kind)]
        if views:
            groups.append((heading, views))
    return {"step": step, "log": step.changelog, "groups": groups}


def _change_view(framework: Framework, change: changelog.Change) -> ChangeView:
    try:
        item = None if change.change == "removed" else framework.get(change.id)
    except KeyError:  # renamed or removed again in a later version
        item = None
    details = [line for field in change.fields for line in changelog.describe(_labelled(framework, field))]
    return ChangeView(change, item, details)


def _labelled(framework: Framework, field: changelog.FieldChange) -> changelog.FieldChange:
    """The field named as a reader knows it: "Technical skill" rather than "dimensions.technical-skill"."""
    name, _, rest = field.field.partition(".")
    if name == "dimensions" and rest:
        ident, _, sub = rest.partition(".")
        try:
            label = framework.dimension(ident).name
        except KeyError:
            label = ident
        return changelog.FieldChange(f"{label} {sub}".strip(), field.old, field.new)
    return changelog.FieldChange(field.field.replace("_", " ").capitalize(), field.old, field.new)


def _level_history(framework: Framework, level: Level, history: Sequence[Step]) -> dict[str, object]:
    """What changed in this level since the version before the current one (nothing when no history)."""
    if not history:
        return {"since": None}
    change = history[0].changelog.for_item(level.id)
    return {"since": history[0].changelog, "level_change": _change_view(framework, change) if change else None}
