"""Which statement each published place names, so a link by place keeps naming it.

A level's statement without an id is linked by its place in its list: `#craft--2` is the second
statement of the level's craft section. Inserting, removing or reordering statements above it
would quietly make that link name another statement. So the lock file records, for each place
the handbook has published, which statement was there: its id, or a fingerprint of its text
("~" and 12 hex digits) when it has none. Then:

- in a list where some statement has no id, places are still counted afresh, so `ladder
  validate` fails when a recorded statement is now at another place (`moved`);
- in a list where every statement has an id, a recorded place stays an extra anchor on the
  statement it was published for, wherever that statement is now (`pinned`).

A statement reworded where it stands keeps its place; its fingerprint is brought up to date by
the next `ladder lock`.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator, Mapping, Sequence

from ladder.model import Dimension, Framework, Level, LevelStatement, compared

# level id -> dimension id -> what was published at each place of the list, first place first
Places = Mapping[str, Mapping[str, Sequence[str]]]
FINGERPRINT = "~"


def fingerprint(text: str) -> str:
    """The statement's words, case and spacing aside, as a short hash."""
    return FINGERPRINT + hashlib.sha256(compared(text).encode("utf-8")).hexdigest()[:12]


def entry(statement: LevelStatement) -> str:
    """What the record keeps for a statement at a place: its id, else its text's fingerprint."""
    return statement.id or fingerprint(statement.text)


def _names(recorded: str, statement: LevelStatement) -> bool:
    if recorded.startswith(FINGERPRINT):
        return fingerprint(statement.text) == recorded
    return recorded == statement.id or recorded in statement.aliases


def _find(recorded: str, statements: Sequence[LevelStatement]) -> LevelStatement | None:
    return next((statement for statement in statements if _names(recorded, statement)), None)


def own_lists(framework: Framework, level: Level) -> Iterator[tuple[Dimension, tuple[LevelStatement, ...]]]:
    """(dimension, statements) of every list the level's page gives anchors to."""
    for dimension in framework.dimensions_for(level):
        cell = level.cells.get(dimension.id)
        if cell is not None and cell.statements:
            yield dimension, cell.statements


def recorded_list(recorded: Places, level: Level, dimension: Dimension) -> Sequence[str]:
    """What the record holds for a level's list on a dimension, under the ids the two have now or
    had before a rename (their aliases)."""
    for level_id in (level.id, *level.aliases):
        lists = recorded.get(level_id, {})
        for dimension_id in (dimension.id, *dimension.aliases):
            if dimension_id in lists:
                return lists[dimension_id]
    return ()


def level_anchors(framework: Framework, level: Level, recorded: Places) -> dict[str, tuple[str, ...]]:
    """The extra place anchors of each statement on the level's page, by the statement's anchor."""
    anchors: dict[str, tuple[str, ...]] = {}
    for dimension, statements in own_lists(framework, level):
        anchors |= extra_anchors(statements, recorded_list(recorded, level, dimension), dimension.aliases)
    return anchors


def pinned(statements: Sequence[LevelStatement], recorded: Sequence[str]) -> dict[int, LevelStatement]:
    """For a list whose statements all have ids: the statement each place names (1 for the first).

    A recorded place names the statement published there, wherever it is now. One whose statement
    cannot be found was reworded where it stands, as far as anyone can tell, and names the
    statement there now, unless that one is the statement of another recorded place (then it
    names nothing rather than the wrong statement); one recorded by an id the list no longer
    holds names nothing. A place the record does not know yet names the statement there now."""
    found = {place: _find(published, statements) for place, published in enumerate(recorded, start=1)}
    claimed = {statement.anchor for statement in found.values() if statement is not None}
    result: dict[int, LevelStatement] = {}
    for place in range(1, max(len(statements), len(recorded)) + 1):
        statement = found.get(place)
        if statement is None and place <= len(statements):
            here = statements[place - 1]
            new_place = place > len(recorded)
            if new_place or (recorded[place - 1].startswith(FINGERPRINT) and here.anchor not in claimed):
                statement = here
        if statement is not None:
            result[place] = statement
    return result


def moved(statements: Sequence[LevelStatement], recorded: Sequence[str]) -> Iterator[tuple[int, LevelStatement]]:
    """(recorded place, statement) for each statement that was published at one place and is now
    at another, in a list where places are counted afresh (some statement has no id); none in a
    list that keeps each published place on its statement (`pinned`)."""
    if all(statement.id for statement in statements):
        return
    for place, published in enumerate(recorded, start=1):
        if place <= len(statements) and _names(published, statements[place - 1]):
            continue
        found = _find(published, statements)
        if found is not None and found.position != place:
            yield place, found


def extra_anchors(
    statements: Sequence[LevelStatement], recorded: Sequence[str], former: Sequence[str] = ()
) -> dict[str, tuple[str, ...]]:
    """The place anchors (`<dimension>--<n>`) each statement of a list carries besides its own, by
    its anchor. Where every statement has an id, each place (`pinned`); where some has none, those
    known by their place already answer to it, and get only the places under the dimension's
    former ids (`former`: its aliases), so a link made before the dimension was renamed lands too."""
    found: dict[str, list[str]] = {}
    if statements and all(statement.id for statement in statements):
        for place, statement in pinned(statements, recorded).items():
            found.setdefault(statement.anchor, []).extend(f"{name}--{place}" for name in (statement.dimension, *former))
    else:
        for statement in statements:
            if not statement.id and former:
                found[statement.anchor] = [f"{name}--{statement.position}" for name in former]
    return {anchor: tuple(anchors) for anchor, anchors in found.items()}


def updated(framework: Framework, recorded: Places) -> dict[str, dict[str, list[str]]]:
    """The record with every place the handbook publishes now. A place keeps naming what it was
    published for; a place whose statement was reworded where it stands gets the new fingerprint."""
    result = {
        level: {dimension: list(entries) for dimension, entries in lists.items()} for level, lists in recorded.items()
    }
    for level in framework.levels:
        for dimension, statements in own_lists(framework, level):
            result.setdefault(level.id, {})[dimension.id] = _updated(
                statements, recorded_list(recorded, level, dimension)
            )
    return result


def _updated(statements: Sequence[LevelStatement], before: Sequence[str]) -> list[str]:
    """One list's record: as before, with new places added and the reworded brought up to date."""
    named = all(statement.id for statement in statements)
    places = pinned(statements, before) if named else dict(enumerate(statements, start=1))
    after = list(before)
    for place, statement in sorted(places.items()):
        if place > len(after):
            after.append(entry(statement))
        elif _find(after[place - 1], statements) is None or (named and after[place - 1].startswith(FINGERPRINT)):
            after[place - 1] = entry(statement)  # reworded where it stands, or now known by its id
    return after
