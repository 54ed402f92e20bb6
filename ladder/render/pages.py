"""Framework in, Markdown pages out: what each generated page shows, computed here, laid out by templates.

`render_pages(framework)` returns `{source path: Markdown}` (`levels/senior.md`, ...). The
MkDocs hook serves these pages to the build; `ladder render OUT_DIR` writes them to disk for
other Markdown site generators. Page paths follow `ladder.urls`, so every link and anchor
matches the URLs the rest of Ladder hands out.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Container, Iterator, Sequence
from dataclasses import dataclass
from functools import partial

from ladder import changelog, urls
from ladder.history import Step
from ladder.model import Cell, Dimension, Example, Framework, Level, ProficiencyStep, Track
from ladder.render import titles
from ladder.render.environment import Links, environment

# The library lists every example on its index page up to this many; beyond it, by level and dimension only.
EXAMPLE_LIST_LIMIT = 200
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
class Change:
    """How one dimension moves between two levels."""

    dimension: Dimension
    before: CellView
    after: CellView

    @property
    def changed(self) -> bool:
        return self.before.cell != self.after.cell


def render_pages(
    framework: Framework, *, worksheets: Container[str] = (), history: Sequence[Step] = ()
) -> dict[str, str]:
    """Every generated page of the handbook, by Markdown source path, in reading order.

    `worksheets` holds the blank worksheet files the site publishes (`urls.worksheet(...)`): a
    level page links those of its own, and leaves the section out when there are none, so
    a page never links to a file that is not there. `history` (from ladder.history.recent) is
    what changed in recent versions, newest first: the "What changed" page, and on each level
    page what changed in it since the version before.
    """
    return dict(iter_pages(framework, worksheets=worksheets, history=history))


def iter_pages(
    framework: Framework, *, worksheets: Container[str] = (), history: Sequence[Step] = ()
) -> Iterator[tuple[str, str]]:
    """The pages one by one, in the order of `page_sources`: each can be used as soon as it is made."""
    for page, template, view in _plan(framework, worksheets, history):
        yield _render(framework, page, template, **view())


def page_sources(framework: Framework) -> list[str]:
    """The source path of every generated page, in reading order, without rendering any."""
    return [urls.source(page) for page, _, _ in _plan(framework, (), ())]


def all_worksheets(framework: Framework) -> set[str]:
    """Every blank worksheet file a site could publish: each kind, in each format, for each level."""
    return {
        urls.worksheet(level, kind, fmt)
        for level in framework.levels
        for kind in urls.WORKSHEET_KINDS
        for fmt in urls.WORKSHEET_FORMATS
    }


def _plan(
    framework: Framework, worksheets: Container[str], history: Sequence[Step]
) -> list[tuple[str, str, Callable[[], dict[str, object]]]]:
    """(page URL, template, what the page shows) for every page; the views are computed on use."""
    plan: list[tuple[str, str, Callable[[], dict[str, object]]]] = [
        (urls.LEVELS, "levels.md.j2", lambda: {"tracks": [_track_view(framework, t) for t in framework.tracks]})
    ]
    plan += [
        (urls.page(level), "level.md.j2", partial(_level_page_view, framework, level, worksheets, history))
        for level in framework.levels
    ]
    plan.append((urls.DIMENSIONS, "dimensions.md.j2", dict))
    plan += [
        (urls.page(dimension), "dimension.md.j2", partial(_dimension_view, framework, dimension))
        for dimension in framework.dimensions
    ]
    plan.append((urls.STANDARDS, "standards.md.j2", dict))
    plan += [
        (urls.page(standard), "standard.md.j2", partial(dict, standard=standard)) for standard in framework.standards
    ]
    plan.append((urls.EXAMPLES, "examples.md.j2", partial(_library_view, framework)))
    plan += [
        (urls.page(example), "example.md.j2", partial(_example_view, framework, example))
        for example in framework.examples
    ]
    plan.append((urls.COMPARE, "compare.md.j2", dict))
    plan.append((urls.CHANGES, "changes.md.j2", lambda: {"steps": [_step_view(framework, step) for step in history]}))
    return plan


def _level_page_view(
    framework: Framework, level: Level, worksheets: Container[str], history: Sequence[Step]
) -> dict[str, object]:
    return _level_view(framework, level, worksheets) | _level_history(framework, level, history)


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
            cite=lambda item: titles.cite(titles.title(framework, item), framework.meta.site_url, urls.url(item)),
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
    step = framework.proficiency(proficiency) if proficiency else None
    return CellView(dimension, found.cell, found.source, step)


def _track_view(framework: Framework, track: Track) -> dict[str, object]:
    ladder = framework.ladder(track.id)
    branch = framework.level(track.branches_from) if track.branches_from else None
    rows = [(level, [cell_view(framework, level, d) for d in framework.dimensions]) for level in ladder]
    return {"track": track, "rows": rows, "branch": branch}


def _level_view(framework: Framework, level: Level, published: Container[str]) -> dict[str, object]:
    cells = [cell_view(framework, level, dimension) for dimension in framework.dimensions]
    previous = framework.previous_level(level)
    return {
        "level": level,
        "tracks": framework.tracks_of(level),
        "cells": cells,
        "previous": previous,
        "changes": _changes(framework, previous, level) if previous else [],
        "nexts": [(after, _changes(framework, level, after)) for after in framework.next_levels(level)],
        "examples": framework.examples_for(level),
        "worksheets": [
            (kind, files)
            for kind in urls.WORKSHEET_KINDS
            if (
                files := [
                    (fmt, path)
                    for fmt in urls.WORKSHEET_FORMATS
                    if (path := urls.worksheet(level, kind, fmt)) in published
                ]
            )
        ],
    }


def _changes(framework: Framework, lower: Level, upper: Level) -> list[Change]:
    return [
        Change(dimension, cell_view(framework, lower, dimension), cell_view(framework, upper, dimension))
        for dimension in framework.dimensions
    ]


def _dimension_view(framework: Framework, dimension: Dimension) -> dict[str, object]:
    """How the dimension grows along each track; a level shared by several tracks is shown once."""
    shown: set[str] = set()
    tracks = []
    for track in framework.tracks:
        levels = [level for level in framework.ladder(track.id) if level.id not in shown]
        shared = [level for level in framework.ladder(track.id) if level.id in shown]
        shown.update(level.id for level in levels)
        tracks.append((track, shared, [(level, cell_view(framework, level, dimension)) for level in levels]))
    rank = {level.id: position for position, level in enumerate(framework.levels)}
    examples = sorted(
        (example for example in framework.examples if dimension.id in example.dimensions),
        key=lambda example: (min(rank[ident] for ident in example.levels), example.title),
    )
    return {"dimension": dimension, "tracks": tracks, "examples": examples}


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
