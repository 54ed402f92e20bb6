"""`ladder rename OLD NEW`: give an item a new id everywhere, keeping the old one as an alias.

Every place that names the item (`references.references`: a level's track and dimensions, a
track's branch, a dimension's tracks, an example's levels, dimensions and tracks, lint
settings) is rewritten at the exact line and column the YAML reader recorded, so comments,
quoting and layout stay as they were. The item's own file is renamed when it is named after
the id, the old id joins its `aliases` (so every published link keeps working), the lock
file records the new id, and macro citations in the hand-written pages follow.

Nothing is written until the whole result has been checked: the edits are made in a copy
of the framework folder first, and only a copy that validates with no new problem replaces
the files.
"""

from __future__ import annotations

import re
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from ladder import lock
from ladder.files import write_atomic
from ladder.load import load
from ladder.problems import did_you_mean
from ladder.references import Entry, entries, references
from ladder.validate import validate
from ladder.yaml_source import Mark

ID = re.compile(r"[a-z][a-z0-9]*(-[a-z0-9]+)*")
MAX_ID = 64
KINDS_WITH_FILES = frozenset({"track", "dimension", "level", "standard", "example"})
# A macro call in a hand-written page: {{ link('senior', ...) }}, and its arguments.
MACRO_CALL = re.compile(r"\{\{\s*(?:link|quote|example|levels_list)\((.*?)\)\s*\}\}", re.DOTALL)


class RenameError(Exception):
    """The rename cannot be made; nothing was changed."""


@dataclass
class Result:
    kind: str
    changed: list[Path] = field(default_factory=list)  # files written, in the framework and docs
    moved: tuple[Path, Path] | None = None  # the item's file, renamed after its new id


@dataclass
class _File:
    """One YAML file's lines, edited in place at recorded positions."""

    path: Path
    bom: bool
    lines: list[str]

    @classmethod
    def read(cls, path: Path) -> _File:
        raw = path.read_bytes()
        text = raw.decode("utf-8-sig")
        return cls(path, raw.startswith(b"\xef\xbb\xbf"), text.splitlines(keepends=True))

    def text(self) -> str:
        return ("\ufeff" if self.bom else "") + "".join(self.lines)

    def replace_id(self, mark: Mark, old: str, new: str) -> None:
        """The id `old` written at `mark` (plain or quoted) becomes `new`."""
        line = self.lines[mark.line - 1]
        start = mark.column - 1
        for quote in ("", "'", '"'):
            token = f"{quote}{old}{quote}"
            if line.startswith(token, start):
                self.lines[mark.line - 1] = line[:start] + f"{quote}{new}{quote}" + line[start + len(token) :]
                return
        raise RenameError(f"{self.path}:{mark.line}: expected '{old}' here; the file changed while reading it")

    def add_alias(self, entry: Entry, alias: str) -> None:
        """`alias` at the end of the item's `aliases`, or a new `aliases: [alias]` under its id."""
        marks = entry.document.yaml
        if entry.aliases:
            first = marks.mark((*entry.path, "aliases"))
            line = self.lines[first.line - 1]
            if line[first.column - 1] == "[":  # a flow list on one line: aliases: [a, b]
                end = line.find("]", first.column - 1)
                if end < 0:
                    raise RenameError(f"{self.path}:{first.line}: write this item's aliases on one line to rename it")
                self.lines[first.line - 1] = line[:end] + f", {alias}" + line[end:]
                return
            last = marks.mark((*entry.path, "aliases", len(entry.aliases) - 1))
            self.lines.insert(last.line, " " * (first.column - 1) + f"- {alias}\n")
            return
        key = marks.mark((*entry.path, "id"), key=True)
        line = self.lines[key.line - 1]
        before = line[: key.column - 1].rstrip()
        if before.endswith(("{", ",")):
            raise RenameError(f"{self.path}:{key.line}: write this item in block style (one field a line) to rename it")
        newline = "\r\n" if line.endswith("\r\n") else "\n"
        self.lines.insert(key.line, " " * (key.column - 1) + f"aliases: [{alias}]{newline}")


def rename(framework_dir: Path, old: str, new: str, docs_dir: Path | None = None) -> Result:
    """Rename the item `old` to `new` in the framework at `framework_dir` (and in `docs_dir`'s
    macro citations). RenameError, with nothing changed, when it cannot be done."""
    before = validate(framework_dir)
    if before.errors:
        raise RenameError(f"{framework_dir} has errors; fix them first (`ladder validate {framework_dir}`)")
    documents = load(framework_dir).documents
    found = {entry.ident: entry for entry in entries(documents)}
    entry = found.get(old)
    if entry is None:
        owner = next((each for each in found.values() if old in each.aliases), None)
        if owner is not None:
            raise RenameError(f"'{old}' is a former id of the {owner.described} '{owner.ident}'; rename that")
        raise RenameError(f"no item has the id '{old}'{did_you_mean(old, list(found))}")
    if not ID.fullmatch(new) or len(new) > MAX_ID:
        raise RenameError(f"'{new}' is not an id: lower-case letters and digits in words joined by hyphens")
    taken = next((each for each in found.values() if new == each.ident or new in each.aliases), None)
    if taken is not None:
        what = "id" if taken.ident == new else "former id"
        raise RenameError(f"'{new}' is already the {what} of the {taken.described} '{taken.ident}'")

    files: dict[Path, _File] = {}

    def edited(path: Path) -> _File:
        return files.setdefault(path, _File.read(path))

    # Every id is replaced where it stands (no line moves), right to left within a line so that
    # columns stay true; then the alias is added, which may insert a line.
    replacements = [(entry.document.path, entry.document.yaml.mark((*entry.path, "id")))]
    for document in documents:
        for reference in references(document):
            if reference.ident == old and reference.kind in (entry.kind, None):
                replacements.append((document.path, document.yaml.mark(reference.path, key=reference.at_key)))
    for path, mark in sorted(replacements, key=lambda place: (str(place[0]), place[1].line, -place[1].column)):
        edited(path).replace_id(mark, old, new)
    edited(entry.document.path).add_alias(entry, old)

    result = Result(entry.kind)
    moved = entry.document.path.with_name(f"{new}{entry.document.path.suffix}")
    renames_file = entry.kind in KINDS_WITH_FILES and entry.document.path.stem == old
    if renames_file and moved.exists():
        raise RenameError(f"{moved} already exists; move it away to rename '{old}'")
    _check(framework_dir, files, entry.document.path, moved if renames_file else None)

    for path, content in files.items():
        write_atomic(path, content.text(), force=True)
        result.changed.append(path)
    if renames_file:
        entry.document.path.rename(moved)
        result.moved = (entry.document.path, moved)
        result.changed = [moved if path == entry.document.path else path for path in result.changed]
    _record(framework_dir, result)
    if docs_dir is not None and docs_dir.is_dir():
        result.changed += _cite_new_id(docs_dir, old, new)
    return result


def _check(framework_dir: Path, files: dict[Path, _File], own: Path, moved: Path | None) -> None:
    """The edited framework, in a copy, validates with no error: else RenameError and nothing written."""
    with tempfile.TemporaryDirectory(prefix="ladder-rename-") as work:
        copy = Path(work) / framework_dir.name
        shutil.copytree(framework_dir, copy, symlinks=True)
        for path, content in files.items():
            (copy / path.relative_to(framework_dir)).write_text(content.text(), encoding="utf-8")
        if moved is not None:
            (copy / own.relative_to(framework_dir)).rename(copy / moved.relative_to(framework_dir))
        report = validate(copy)
        if report.errors:
            first = next(problem for problem in report.problems if problem.is_error)
            raise RenameError(f"the renamed framework would not validate, so nothing was changed: {first}")


def _record(framework_dir: Path, result: Result) -> None:
    """The lock file, when there is one, records the new id (the old one stays on record)."""
    document, _ = lock.read_lock(framework_dir)
    if document is None:
        return
    framework = validate(framework_dir).framework
    if framework is None:
        return
    write_atomic(framework_dir / lock.LOCK_FILE, lock.refreshed(framework, document).text, force=True)
    result.changed.append(framework_dir / lock.LOCK_FILE)


def _cite_new_id(docs_dir: Path, old: str, new: str) -> list[Path]:
    """Macro citations of `old` in the hand-written pages name `new` instead (an alias would keep
    them working, but the page's source should say what the framework says)."""
    quoted = re.compile(rf"""(['"]){re.escape(old)}\1""")

    def cite(match: re.Match[str]) -> str:
        return match.group(0).replace(match.group(1), quoted.sub(rf"\g<1>{new}\g<1>", match.group(1)))

    changed = []
    for page in sorted(docs_dir.rglob("*.md")):
        text = page.read_text(encoding="utf-8")
        updated = MACRO_CALL.sub(cite, text)
        if updated != text:
            write_atomic(page, updated, force=True)
            changed.append(page)
    return changed
