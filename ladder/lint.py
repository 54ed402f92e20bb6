"""Content warnings: the mistakes reviewers of a leveling framework keep catching.

None of these stop the handbook from building; `ladder validate --strict` makes them fail. A
framework switches any of them off, everywhere or for some items, under `lint.ignore` in
framework.yaml (see `ignored`). CODES lists every one, and the README lists CODES.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ladder.load import SCHEMA_FOLDER, Document
from ladder.model import Framework, Level, compared
from ladder.problems import Problem, Severity, did_you_mean

# Every warning `ladder validate` gives, by its code: the one list of them (the README shows it).
CODES: dict[str, str] = {
    "missing-dimension": "a level says nothing about a dimension it is judged on: say 'same as previous' or "
    "'not expected' if that is meant",
    "same-as-previous": "a level repeats the level below's statements and proficiency for a dimension word for "
    "word: say 'same as previous' if that is meant",
    "shared-code": "two levels on one track's ladder have the same code, so the code does not name one level",
    "shared-name": "two levels on one track's ladder have the same title and no code tells them apart",
    "empty-track": "a track has no level of its own",
    "track-mismatch": "an example names a track whose ladder has none of the example's levels",
    "one-sided-standard": "a standard says what is above the line but not below it, or the other way round",
    "few-key-steps": "an example has fewer than 3 key steps",
    "many-key-steps": "an example has more than 6 key steps",
    "vague-wording": "an example uses a phrase from lint.vague_phrases",
    "schema-line": "a file's first line does not point editors at its schema",
    "ignored-file": "a YAML file that is in no folder Ladder reads",
}
MIN_KEY_STEPS = 3
MAX_KEY_STEPS = 6
SCHEMA_LINE = "# yaml-language-server: $schema="


def _warn(document: Document, path: tuple[str | int, ...], message: str, code: str, *, at_key: bool = False) -> Problem:
    return document.problem(path, message, code=code, severity=Severity.WARNING, at_key=at_key)


def check_documents(documents: list[Document], root: Path, vague_phrases: list[str]) -> list[Problem]:
    """Warnings that need only one file at a time."""
    patterns = [_phrase_pattern(phrase) for phrase in vague_phrases]
    problems: list[Problem] = []
    for document in documents:
        problems += _schema_line(document, root)
        if document.kind.name == "standard":
            problems += _standard_sides(document)
        elif document.kind.name == "example":
            problems += _key_step_count(document)
            problems += _vague_wording(document, vague_phrases, patterns)
    return problems


def expected_schema_line(document: Document, root: Path) -> str:
    schema = root / SCHEMA_FOLDER / document.kind.schema
    return SCHEMA_LINE + Path(os.path.relpath(schema, document.path.parent)).as_posix()


def _schema_line(document: Document, root: Path) -> Iterator[Problem]:
    expected = expected_schema_line(document, root)
    if document.first_line.replace(" ", "") == expected.replace(" ", ""):
        return
    if document.first_line.startswith(SCHEMA_LINE):
        message = f"the first line points editors at the wrong schema; it should be: {expected}"
    else:
        message = f"the first line should be `{expected}` so that editors check the file as you type"
    yield Problem(document.shown, 1, 1, document.label, message, Severity.WARNING, "schema-line")


def _standard_sides(document: Document) -> Iterator[Problem]:
    for side, words in (("above_the_line", "above the line"), ("below_the_line", "below the line")):
        if not document.data[side]:
            yield _warn(
                document,
                (side,),
                f"no statement says what is {words}; a standard needs both sides to be usable in feedback",
                "one-sided-standard",
                at_key=True,
            )


def _key_step_count(document: Document) -> Iterator[Problem]:
    steps = len(document.data["key_steps"])
    if steps < MIN_KEY_STEPS:
        yield _warn(
            document,
            ("key_steps",),
            f"has {steps} key step{'s' if steps != 1 else ''}; give at least "
            f"{MIN_KEY_STEPS} so the expectation has a plan",
            "few-key-steps",
            at_key=True,
        )
    elif steps > MAX_KEY_STEPS:
        yield _warn(
            document,
            ("key_steps",),
            f"has {steps} key steps; keep to {MAX_KEY_STEPS} or fewer, or split the expectation",
            "many-key-steps",
            at_key=True,
        )


def _phrase_pattern(phrase: str) -> re.Pattern[str]:
    words = r"\s+".join(re.escape(word) for word in phrase.split())
    return re.compile(rf"(?<!\w){words}(?!\w)", re.IGNORECASE)


def _vague_wording(document: Document, phrases: list[str], patterns: list[re.Pattern[str]]) -> Iterator[Problem]:
    data = document.data
    texts: list[tuple[tuple[str | int, ...], str]] = [
        ((name,), data[name]) for name in ("title", "expectation", "why") if name in data
    ]
    texts += [(("key_steps", position), step) for position, step in enumerate(data["key_steps"])]
    for path, text in texts:
        for phrase, pattern in zip(phrases, patterns, strict=True):
            if pattern.search(text):
                yield _warn(
                    document, path, f"vague wording '{phrase}': say what someone would observe instead", "vague-wording"
                )


def check_framework(framework: Framework, documents: dict[str, Document]) -> list[Problem]:
    """Warnings about how levels relate to each other along each track."""
    problems: list[Problem] = []
    for level in framework.levels:
        document = documents[level.id]
        previous = framework.previous_level(level)
        for dimension in framework.dimensions_for(level):
            cell = level.cells.get(dimension.id)
            if cell is None:
                consequence = (
                    "the handbook will show it as unchanged from the previous level"
                    if framework.cell(level, dimension.id).cell
                    else "no level below it has text for it either, so the handbook will say nothing is written yet"
                )
                problems.append(
                    _warn(
                        document,
                        ("dimensions",),
                        f"says nothing about dimension '{dimension.id}'; {consequence} (say 'same as previous' "
                        "or 'not expected' if that is what you mean)",
                        "missing-dimension",
                        at_key=True,
                    )
                )
                continue
            below = framework.cell(previous, dimension.id).cell if previous else None
            if (
                previous
                and below
                and cell.intent == "written"
                and below.proficiency == cell.proficiency
                and _same(below.texts, cell.texts)
            ):
                problems.append(
                    _warn(
                        document,
                        ("dimensions", dimension.id),
                        f"says the same about '{dimension.id}' as the level below it, '{previous.id}': say what "
                        "changes, or write 'same as previous' if that is meant",
                        "same-as-previous",
                        at_key=True,
                    )
                )
    for track in framework.tracks:
        seen: dict[str, str] = {}
        named: dict[str, Level] = {}
        for level in framework.ladder(track.id):
            if level.code and seen.setdefault(level.code.casefold(), level.id) != level.id:
                problems.append(
                    _warn(
                        documents[level.id],
                        ("code",),
                        f"level '{seen[level.code.casefold()]}' on the {track.id} track has the code "
                        f"'{level.code}' too, so the code does not say which level is meant",
                        "shared-code",
                    )
                )
            elif (namesake := named.setdefault(compared(level.name), level)) is not level:
                problems.append(
                    _warn(
                        documents[level.id],
                        ("title",),
                        f"level '{namesake.id}' on the {track.id} track is called '{namesake.name}' as well, "
                        "so menus, worksheets and links cannot tell them apart: give one another title or a code",
                        "shared-name",
                    )
                )
    for track in framework.tracks:
        if not framework.own_levels(track.id):
            problems.append(_warn(documents[track.id], ("id",), "no level belongs to this track", "empty-track"))
    for example in framework.examples:
        for track_id in example.tracks:
            ladder = {level.id for level in framework.ladder(track_id)}
            if not ladder.intersection(example.levels):
                problems.append(
                    _warn(
                        documents[example.id],
                        ("tracks",),
                        f"track '{track_id}' has none of this example's levels, so it will never be suggested there",
                        "track-mismatch",
                        at_key=True,
                    )
                )
    return problems


def _same(first: tuple[str, ...], second: tuple[str, ...]) -> bool:
    def normal(texts: tuple[str, ...]) -> list[str]:
        return [" ".join(text.split()).lower() for text in texts]

    return normal(first) == normal(second)


def ignored(problems: list[Problem], settings: list[Any]) -> list[Problem]:
    """The problems without the warnings `lint.ignore` switches off: a code alone everywhere,
    {code, items} for those items (the item is the second part of a problem's location,
    `levels.senior.dimensions`)."""
    everywhere = {entry for entry in settings if isinstance(entry, str)}
    for_items = {
        (entry["code"], item) for entry in settings if isinstance(entry, dict) for item in entry.get("items", [])
    }

    def silenced(problem: Problem) -> bool:
        item = problem.location.split(".")[1] if "." in problem.location else ""
        return problem.code in everywhere or (problem.code, item) in for_items

    return [problem for problem in problems if problem.is_error or not silenced(problem)]


def check_ignore(document: Document, settings: list[Any]) -> list[Problem]:
    """An error for each code in framework.yaml's lint.ignore that names no warning (a typo would
    silently switch off nothing)."""
    problems = []
    for position, entry in enumerate(settings):
        code = entry if isinstance(entry, str) else entry.get("code") if isinstance(entry, dict) else None
        if isinstance(code, str) and code not in CODES:
            path = ("lint", "ignore", position) if isinstance(entry, str) else ("lint", "ignore", position, "code")
            problems.append(
                document.problem(
                    path, f"no warning has the code '{code}'{did_you_mean(code, CODES)}", code="unknown-lint-code"
                )
            )
    return problems
