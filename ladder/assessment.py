"""A self-assessment from the handbook's Where I stand page, read from its address.

The page keeps its state in its address: `?level=<id>&track=<id>&k=<key>&m=<digits>` with one digit per
statement (0 unmarked, 1 not yet, 2 sometimes, 3 consistently), in the order the page lists
them: for each dimension, the level's statements, then the next level's (ladder.js,
`statementsOf`). Where a level gives a dimension only a proficiency step (a rubric per
competency), the step is marked in place of statements, as one. Where the next level keeps the
level's own statements ("same as previous"), the page asks for them once: their digits under the
next level repeat the level's, and are read as the level's. Reading it here, in the same
order, lets a worksheet start its growth grid from it: per dimension, where the person stands
and the counts behind it.

Where a person stands in a dimension: at the level when every statement of the level is marked
consistently; toward the next when, besides, at least half of the next level's are; otherwise
not yet.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from urllib.parse import parse_qs, urlsplit

from ladder.model import Framework, Level

NOT_YET, AT_LEVEL, TOWARD_NEXT = 0, 1, 2
SOMETIMES, CONSISTENTLY = 2, 3


class AssessmentError(ValueError):
    """An address that is not a self-assessment of this framework; the message says why."""


@dataclass(frozen=True)
class Tally:
    level: Level
    consistently: int = 0
    sometimes: int = 0
    total: int = 0


@dataclass(frozen=True)
class Standing:
    """One dimension: where the person stands, and the counts for the level and the next."""

    where: int  # NOT_YET, AT_LEVEL or TOWARD_NEXT
    current: Tally
    following: Tally | None


def read(framework: Framework, address: str, level: Level) -> dict[str, Standing]:
    """Standings by dimension id from a Where I stand address (the whole URL or its query)."""
    query = urlsplit(address).query if "?" in address else address.lstrip("?")
    given = {key: values[-1] for key, values in parse_qs(query, keep_blank_values=True).items()}
    wanted = given.get("level", "")
    try:
        assessed = framework.level(wanted)
    except (KeyError, TypeError):
        raise AssessmentError(f"the self-assessment's address names no level of this framework ({wanted!r})") from None
    if assessed.id != level.id:
        raise AssessmentError(f"the self-assessment is of {assessed.name}, not {level.name}")
    marks = given.get("m", "")
    if not marks.isdigit() and marks:
        raise AssessmentError("the self-assessment's marks (m=) are not digits: copy its whole address again")
    following = _next(framework, level, given.get("track", ""))
    key = given.get("k")
    if key is not None and key != levels_key(framework, level, following):
        raise AssessmentError(
            "a statement of these levels was added, removed or moved since the self-assessment was made, so "
            "its marks may sit against other statements: open its address in the handbook, check the marks "
            "and copy the address again"
        )
    order = _statements(framework, level, following)
    given_marks = [*map(int, marks), *([0] * len(order))][: len(order)]
    counts: dict[tuple[str, str], list[int]] = {}
    for (dimension_id, role, mirrors), mark in zip(order, given_marks, strict=True):
        if mirrors is not None:  # the level's own statement again: it takes the level's mark, as on the page
            mark = given_marks[mirrors]
        tally = counts.setdefault((dimension_id, role), [0, 0, 0])
        tally[0] += mark == CONSISTENTLY
        tally[1] += mark == SOMETIMES
        tally[2] += 1
    standings: dict[str, Standing] = {}
    # As the page lists them: the level's dimensions and any the next level starts to ask.
    for dimension in framework.dimensions_for_any((level, following) if following else (level,)):
        now = Tally(level, *counts.get((dimension.id, "current"), [0, 0, 0]))
        ahead = Tally(following, *counts.get((dimension.id, "next"), [0, 0, 0])) if following else None
        at = now.consistently == now.total
        toward = at and ahead is not None and ahead.total > 0 and 2 * ahead.consistently >= ahead.total
        standings[dimension.id] = Standing(TOWARD_NEXT if toward else AT_LEVEL if at else NOT_YET, now, ahead)
    return standings


def marks_key(framework: Framework, level: Level) -> str:
    """A short fingerprint of what the page lists for a level, in its order: every dimension it is
    judged on, and each one's statements (by anchor) or step. It changes when a statement or a
    dimension is added, removed or moved, not when one is reworded; the page's address carries
    it (`k=`, ladder.js), so marks made before such a change are not read against other statements."""
    parts = []
    for dimension in framework.dimensions_for(level):
        found = framework.cell(level, dimension.id)
        cell = found.cell
        parts.append(dimension.id)
        if cell is not None:
            parts += [cell.intent, "step" if cell.judged_by_step else "", (found.source or level).id]
            parts += [statement.anchor for statement in cell.statements]
    return hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()[:8]


def levels_key(framework: Framework, level: Level, following: Level | None) -> str:
    """The address's `k=`: the level's marks_key, and the next level's after a dot."""
    return ".".join(marks_key(framework, each) for each in (level, following) if each is not None)


def _next(framework: Framework, level: Level, track_id: str) -> Level | None:
    """The next level the page assessed against: on the track given, else the level's own, else the first."""
    tracks = framework.tracks_of(level)
    track = next((t for t in tracks if t.id == track_id), None) or next(
        (t for t in tracks if t.id == level.track), tracks[0] if tracks else None
    )
    if track is None:
        return None
    ladder = framework.ladder(track.id)
    position = ladder.index(level)
    return ladder[position + 1] if position + 1 < len(ladder) else None


def _statements(framework: Framework, level: Level, following: Level | None) -> list[tuple[str, str, int | None]]:
    """(dimension, "current" or "next", the entry it mirrors) for each statement, in the page's order.

    Where the next level keeps the level's own statements ("same as previous"), its entries mirror
    the level's: the page asks for them once, and they take the level's marks (ladder.js)."""
    order: list[tuple[str, str, int | None]] = []
    for dimension in framework.dimensions:
        first = len(order)
        sources: dict[str, str] = {}
        for role, each in (("current", level), ("next", following)):
            if each is None or not framework.applies(dimension, each):
                continue
            found = framework.cell(each, dimension.id)
            if found.cell is None:
                continue
            sources[role] = (found.source or each).id
            kept = role == "next" and sources.get("current") == sources[role]
            count = 1 if found.cell.judged_by_step else len(found.cell.statements)  # a step alone is marked as one
            order += [(dimension.id, role, first + position if kept else None) for position in range(count)]
    return order
