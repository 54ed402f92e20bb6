"""Content warnings: the mistakes reviewers of a leveling framework keep catching.

None of these stop the handbook from building; `ladder validate --strict` makes them fail.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path

from ladder.load import SCHEMA_FOLDER, Document
from ladder.model import Framework
from ladder.problems import Problem, Severity

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
        for dimension in framework.dimensions:
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
                        f"says nothing about dimension '{dimension.id}'; {consequence}",
                        "missing-dimension",
                        at_key=True,
                    )
                )
                continue
            below = previous.cells.get(dimension.id) if previous else None
            if previous and below and _same(below.texts, cell.texts):
                problems.append(
                    _warn(
                        document,
                        ("dimensions", dimension.id),
                        f"has the same text for "
                        f"'{dimension.id}' as the level below it, '{previous.id}': say what "
                        "changes, or leave the dimension out",
                        "same-as-previous",
                        at_key=True,
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
