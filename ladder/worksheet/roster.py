"""The roster: a CSV with one row per worksheet to make, as exported from a spreadsheet or HR tool.

Columns (header row required, any order, case ignored): name and level are required;
manager, track, kind and period are optional. Other columns (email, team, ...) are
ignored with one warning, so an export can be used as it is. Blank rows are skipped.
Problems name the file, the row (as the spreadsheet numbers it: the header is row 1)
and the column.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ladder.model import Framework
from ladder.worksheet.request import KINDS, Request, clean

REQUIRED = ("name", "level")
OPTIONAL = ("manager", "track", "kind", "period")
COLUMNS = REQUIRED + OPTIONAL
_DELIMITERS = ",;\t"  # spreadsheets in many locales save ";"-separated "CSV"
# The people of the sample roster: invented, with names from several scripts so that a fork's
# first try shows its worksheets handle them.
SAMPLE_PEOPLE = (
    ("Ada Okafor", "Priya Raman"),
    ("Tomás Ferreira", "Priya Raman"),
    ("Mei Lin", "Priya Raman"),
    ("Jonas Berg", "Sam Lee"),
    ("Zoë Ødegård", "Sam Lee"),
    ("李小龍", "Sam Lee"),
    ("محمد علي", "Sam Lee"),
)
SAMPLE_PERIOD = "Spring review"


class RosterUnreadable(Exception):
    """The file as a whole cannot be used: not found, not UTF-8, no header, a required column missing."""

    def __init__(self, message: str, *, could_not_run: bool = False):
        self.could_not_run = could_not_run  # True for I/O problems (exit 2), False for bad content (exit 1)
        super().__init__(message)


@dataclass(frozen=True)
class Row:
    line: int  # the spreadsheet's row number
    request: Request


@dataclass(frozen=True)
class RowProblem:
    file: str
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.field}: {self.message}"


@dataclass(frozen=True)
class Roster:
    rows: list[Row]
    problems: list[RowProblem]
    warnings: list[str]


def read(path: Path, *, default_kind: str = "", default_period: str = "") -> Roster:
    """Every usable row of the roster, and one problem for each row that is not."""
    shown = str(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise RosterUnreadable(f"{shown}: no such roster file", could_not_run=True) from None
    except OSError as error:
        raise RosterUnreadable(f"{shown}: cannot read: {error.strerror}", could_not_run=True) from None
    try:
        text = raw.decode("utf-8-sig")  # Excel's "CSV UTF-8" starts with a byte-order mark
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise RosterUnreadable(f"{shown}:{line}: not UTF-8 text; save the roster as 'CSV UTF-8'") from None
    # strict: a quote that is never closed is an error, not the rest of the file read as one cell
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text), strict=True)
    started = [1]  # the row the record being read starts on
    try:
        return _rows(reader, shown, default_kind, default_period, started)
    except csv.Error as error:  # the rows after a broken one cannot be told apart any more
        raise RosterUnreadable(f"{shown}:{started[0]}: {_csv_problem(error)}") from None


def _csv_problem(error: csv.Error) -> str:
    message = str(error)
    if "field larger than field limit" in message:
        return f"a cell is longer than {csv.field_size_limit():,} characters; no roster needs one that long"
    if "unexpected end of data" in message:
        return 'a quote (") opened in a cell is never closed; close it, or remove it'
    return f"not valid CSV: {message}"


def _rows(reader: Any, shown: str, default_kind: str, default_period: str, started: list[int]) -> Roster:
    header = next(reader, None)
    if not header or not any(cell.strip() for cell in header):
        raise RosterUnreadable(f"{shown}:1: empty roster; the first row must name the columns: {', '.join(COLUMNS)}")
    columns = [cell.strip().casefold() for cell in header]
    twice = sorted({name for name in columns if name in COLUMNS and columns.count(name) > 1})
    if twice:
        raise RosterUnreadable(f"{shown}:1: column '{twice[0]}' appears more than once; keep one")
    missing = [name for name in REQUIRED if name not in columns]
    if missing:
        raise RosterUnreadable(
            f"{shown}:1: missing column {', '.join(repr(name) for name in missing)} "
            f"(found: {', '.join(cell.strip() for cell in header)}; expected: {', '.join(COLUMNS)})"
        )
    warnings = []
    ignored = [cell.strip() for cell, name in zip(header, columns, strict=True) if name not in COLUMNS]
    if ignored:
        warnings.append(f"{shown}:1: ignoring column(s) {', '.join(repr(name) for name in ignored)}")
    rows: list[Row] = []
    problems: list[RowProblem] = []
    line = started[0] = reader.line_num + 1
    for record in reader:
        values = {name: clean(cell) for name, cell in zip(columns, record, strict=False) if name in COLUMNS}
        if any(values.values()):
            if len(record) > len(columns):
                problems.append(RowProblem(shown, line, "row", f"{len(record)} cells but {len(columns)} columns"))
            elif not values.get("name"):
                problems.append(RowProblem(shown, line, "name", "missing; every worksheet needs the person's name"))
            else:
                request = Request(
                    level=values.get("level", ""),
                    kind=values.get("kind") or default_kind,
                    track=values.get("track", ""),
                    name=values["name"],
                    manager=values.get("manager", ""),
                    period=values.get("period") or default_period,
                )
                rows.append(Row(line, request))
        line = started[0] = reader.line_num + 1
    if not rows and not problems:
        raise RosterUnreadable(f"{shown}: no rows after the header; add one row per worksheet")
    return Roster(rows, problems, warnings)


def _delimiter(text: str) -> str:
    header = text.split("\n", 1)[0]
    return max(_DELIMITERS, key=header.count)


def sample(framework: Framework) -> str:
    """A roster to start from, in this framework's own terms: one row for each of up to seven
    levels spread from the lowest to the highest, taking each kind of worksheet in turn. A level
    on several tracks names one; a level known by a code that other tracks use too is given by
    its code and track, as people tend to write it."""
    levels = framework.levels
    count = min(len(SAMPLE_PEOPLE), len(levels))
    step = (len(levels) - 1) / max(count - 1, 1)  # at least 1: the levels picked are all different
    picked = [levels[round(i * step)] for i in range(count)]
    codes = [level.code.casefold() for level in levels if level.code]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(("name", "manager", "level", "track", "kind", "period"))
    for number, (level, (name, manager)) in enumerate(zip(picked, SAMPLE_PEOPLE, strict=False)):
        kind = KINDS[number % len(KINDS)]
        if kind == "promotion" and not framework.next_levels(level):
            kind = KINDS[0]
        tracks = framework.tracks_of(level)
        given, track = level.id, tracks[0].id if len(tracks) > 1 else ""
        if level.code and codes.count(level.code.casefold()) > 1 and level.code.isalnum():
            given, track = level.code, level.track
        writer.writerow((name, manager, given, track, kind, SAMPLE_PERIOD))
    return out.getvalue()
