"""Writing worksheets to disk: one for a person, or one per roster row, never losing anyone's notes.

Each file is written atomically (a temporary file in the same folder, then a rename), so
an interrupted run leaves whole worksheets or none; an existing file is skipped unless
`force` is given, because it may already hold a manager's notes.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from ladder.files import FileExists, write_atomic
from ladder.model import Framework
from ladder.worksheet import build, render, resolve
from ladder.worksheet.naming import UniqueNames, worksheet_stem
from ladder.worksheet.request import DEFAULT_KIND, FORMATS, InputError, Request, Subject
from ladder.worksheet.roster import Row, RowProblem

DEFAULT_FORMAT = "md"


def choose_format(fmt: str | None, output: Path | None) -> str:
    """--format if given, else the output file's suffix when it is a worksheet format, else Markdown."""
    suffix = output.suffix.lstrip(".").lower() if output and output.suffix else ""
    if fmt and suffix in FORMATS and suffix != fmt:
        raise InputError("--format", f"'{fmt}' does not match the output file {output} (a .{suffix} file)")
    return fmt or (suffix if suffix in FORMATS else DEFAULT_FORMAT)


def default_file_name(subject: Subject, fmt: str) -> str:
    return f"{worksheet_stem(subject.name, subject.level.id, subject.kind)}.{fmt}"


def single_target(subject: Subject, fmt: str, output: Path | None) -> Path:
    """Where one worksheet goes: the -o file, a safe name inside the -o folder, or in the current folder."""
    if output is None:
        return Path(default_file_name(subject, fmt))
    if output.is_dir():
        return output / default_file_name(subject, fmt)
    if not output.parent.is_dir():
        raise InputError("--output", f"{output.parent} is not a folder")
    return output


@dataclass
class Outcome:
    written: list[Path] = field(default_factory=list)
    skipped: list[Path] = field(default_factory=list)  # already there, and no --force
    problems: list[RowProblem] = field(default_factory=list)
    write_errors: list[str] = field(default_factory=list)  # the disk refused: full, read-only, ...


def write_roster(
    framework: Framework,
    rows: Iterable[Row],
    folder: Path,
    *,
    fmt: str,
    made: date,
    force: bool,
    source: str,
) -> Outcome:
    """One worksheet per row into `folder`; a bad row is recorded and every other row still written."""
    outcome = Outcome()
    names = UniqueNames()
    folder.mkdir(parents=True, exist_ok=True)
    for row in rows:
        request = row.request
        # Every named row claims its file name, valid or not, so fixing one bad row later
        # never moves another person's worksheet to a different file.
        kind = request.kind.strip().lower() or DEFAULT_KIND
        file_name = names.claim(worksheet_stem(request.name, request.level, kind), fmt)
        try:
            subject = resolve(framework, request, made)
        except InputError as error:
            outcome.problems.append(RowProblem(source, row.line, error.field, error.message))
            continue
        target = folder / file_name
        try:  # not durable: a roster's files are made again by running it again, and a thousand
            # waits for the disk would double the time it takes
            write_atomic(target, render(build(subject), fmt), force=force, durable=False)
        except FileExists:
            outcome.skipped.append(target)
        except OSError as error:
            outcome.write_errors.append(f"{target}: cannot write: {error.strerror}")
        else:
            outcome.written.append(target)
    return outcome


def write_one(
    framework: Framework, request: Request, *, fmt: str, made: date, output: Path | None, force: bool
) -> Path:
    """One worksheet to its target; InputError for bad options, FileExists when it would replace a file."""
    subject = resolve(framework, request, made)
    target = single_target(subject, fmt, output)
    write_atomic(target, render(build(subject), fmt), force=force)
    return target
