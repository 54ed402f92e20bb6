"""Find a framework's YAML files and read each one into a Document.

A framework folder holds `framework.yaml` and one folder per kind of item, one file
per item, so that two people editing two levels never touch the same file.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ladder import characters
from ladder.model import PROSE_FIELDS
from ladder.problems import Problem, Severity
from ladder.yaml_source import Mark, YamlDocument, parse
from ladder.yaml_source import Path as DataPath

MAX_FILE_BYTES = 2_000_000
YAML_SUFFIXES = (".yaml", ".yml")
SCHEMA_FOLDER = "schema"
WORDING_FOLDER = "worksheets"  # the framework's own worksheet words, read by ladder.wording
# The schemas this version of Ladder validates against (framework/schema/ holds copies for editors).
BUNDLED_SCHEMAS = Path(__file__).parent / "schemas"


@dataclass(frozen=True)
class Kind:
    name: str  # as used in locations and messages: "level"
    folder: str | None  # None for the single framework.yaml
    schema: str  # file name in the schema folder


FRAMEWORK = Kind("framework", None, "framework.schema.json")
KINDS: tuple[Kind, ...] = (
    FRAMEWORK,
    Kind("track", "tracks", "track.schema.json"),
    Kind("dimension", "dimensions", "dimension.schema.json"),
    Kind("level", "levels", "level.schema.json"),
    Kind("standard", "standards", "standard.schema.json"),
    Kind("example", "examples", "example.schema.json"),
)
FRAMEWORK_FILE = "framework.yaml"


class FrameworkNotFound(Exception):
    """The framework folder itself is missing: nothing to validate."""


@dataclass
class Document:
    path: Path
    shown: str  # the path as messages show it
    kind: Kind
    yaml: YamlDocument
    first_line: str

    @property
    def data(self) -> Any:
        return self.yaml.data

    @property
    def label(self) -> str:
        """How locations name this document: the item's id when it has a usable one."""
        data = self.data
        ident = data.get("id") if isinstance(data, dict) else None
        if self.kind.folder is None:  # a single file such as framework.yaml
            return self.kind.name
        name = ident if isinstance(ident, str) and ident else self.path.stem
        return f"{self.kind.folder}.{name}"

    def location(self, path: DataPath) -> str:
        text = self.label
        for part in path:
            text += f"[{part}]" if isinstance(part, int) else f".{part}"
        return text

    def problem(
        self,
        path: DataPath,
        message: str,
        *,
        code: str,
        severity: Severity = Severity.ERROR,
        at_key: bool = False,
        mark: Mark | None = None,
    ) -> Problem:
        where = mark or self.yaml.mark(path, key=at_key)
        return Problem(self.shown, where.line, where.column, self.location(path), message, severity, code)


def show_path(path: Path) -> str:
    """A path relative to the working folder when it is inside it (`framework/levels/senior.yaml`);
    otherwise as it was given, rather than a climb of `../../` out of the working folder."""
    absolute = os.path.abspath(path)
    folder = os.path.join(os.getcwd(), "")  # with its trailing separator, so /work/a is not inside /work/ab
    if absolute.startswith(folder):
        return absolute[len(folder) :]
    return str(path)


def file_problem(path: Path, message: str, code: str, mark: Mark | None = None, location: str = "") -> Problem:
    where = mark or Mark(1, 1)
    return Problem(show_path(path), where.line, where.column, location or path.stem, message, Severity.ERROR, code)


def file_label(path: Path, kind: Kind) -> str:
    """How locations name a file that could not be read, so has no id to go by."""
    return kind.name if kind.folder is None else f"{kind.folder}.{path.stem}"


def published_files(root: Path) -> dict[str, Path]:
    """The JSON Schemas the handbook publishes, by file name: the framework's own `schema/` folder
    when it has one, else the bundled copies. Only regular files inside the folder count: a
    symbolic link could publish any file on the machine that builds the site."""
    folder = root / SCHEMA_FOLDER
    if not folder.is_dir() or folder.is_symlink():
        folder = BUNDLED_SCHEMAS
    return {path.name: path for path in sorted(folder.glob("*.json")) if path.is_file() and not path.is_symlink()}


def discover(root: Path) -> tuple[list[tuple[Path, Kind]], list[Problem]]:
    """Every framework file with its kind, and a warning for each YAML file Ladder would ignore."""
    if not root.is_dir():
        message = f"{show_path(root)}: no such framework folder"
        if (root.parent / FRAMEWORK_FILE).is_file():  # run inside the framework folder, which has no ./framework
            parent = show_path(root.parent)
            message += f"; {parent} holds {FRAMEWORK_FILE}: give {parent} as the framework folder"
        raise FrameworkNotFound(message)
    found: list[tuple[Path, Kind]] = []
    problems: list[Problem] = []
    top = root / FRAMEWORK_FILE
    if top.is_file():
        found.append((top, FRAMEWORK))
    else:
        problems.append(
            file_problem(
                top, f"{FRAMEWORK_FILE} is missing: every framework needs one", "missing-file", location="framework"
            )
        )
    problems += _links_out(root)
    folders = {kind.folder: kind for kind in KINDS if kind.folder}
    for entry in sorted(root.iterdir()):
        if entry.is_symlink() and not _inside(entry, root):
            continue  # reported by _links_out, and never read
        if entry.is_dir() and entry.name in folders:
            # Subfolders are allowed (levels/ic/, levels/manager/): the top folder sets the kind.
            found.extend((path, folders[entry.name]) for path in _files(entry, root) if _is_yaml(path))
        elif entry.is_dir() and entry.name not in (SCHEMA_FOLDER, WORDING_FOLDER) and not entry.name.startswith("."):
            problems.extend(_ignored(path) for path in _files(entry, root) if _is_yaml(path))
        elif _is_yaml(entry) and entry.name != FRAMEWORK_FILE:
            problems.append(_ignored(entry))
    return found, problems


def _files(folder: Path, root: Path) -> list[Path]:
    """Every file under `folder`, in order, but none a symbolic link leads out of the framework to."""
    found = []
    for parent, folders, names in os.walk(folder):  # does not follow linked folders
        folders.sort()
        for name in sorted(names):
            path = Path(parent, name)
            if not path.is_symlink() or _inside(path, root):
                found.append(path)
    return found


def _links_out(root: Path) -> list[Problem]:
    """An error for each symbolic link in the framework folder that leads out of it: the site
    publishes the framework's own files, and a link could publish any file on the build machine."""
    problems = []
    for parent, folders, names in os.walk(root):
        folders.sort()
        for name in sorted([*folders, *names]):
            path = Path(parent, name)
            if path.is_symlink() and not _inside(path, root):
                problems.append(
                    file_problem(
                        path,
                        f"a symbolic link to {os.readlink(path)}, outside the framework folder: Ladder reads and "
                        "publishes only the framework's own files; copy the file in instead",
                        "link-outside",
                        location=path.name,
                    )
                )
    return problems


def _inside(path: Path, root: Path) -> bool:
    return path.resolve().is_relative_to(root.resolve())


def _is_yaml(path: Path) -> bool:
    return path.is_file() and path.suffix in YAML_SUFFIXES


def _ignored(path: Path) -> Problem:
    known = ", ".join(f"{kind.folder}/" for kind in KINDS if kind.folder)
    return Problem(
        show_path(path),
        1,
        1,
        path.stem,
        f"Ladder ignores this file: items belong in one of {known}",
        Severity.WARNING,
        "ignored-file",
    )


def read(path: Path, kind: Kind) -> tuple[Document | None, list[Problem]]:
    """Read one file. On failure the document is None and the problems say why."""
    label = file_label(path, kind)
    try:
        raw = path.read_bytes()
    except OSError as error:
        return None, [file_problem(path, f"cannot read the file: {error.strerror}", "unreadable", location=label)]
    if len(raw) > MAX_FILE_BYTES:
        return None, [
            file_problem(path, f"the file is larger than {MAX_FILE_BYTES:,} bytes", "file-too-large", location=label)
        ]
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        return None, [
            file_problem(
                path,
                f"not UTF-8 text: byte 0x{raw[error.start]:02x} cannot be decoded; save the file as UTF-8",
                "not-utf8",
                _byte_mark(raw, error.start),
                label,
            )
        ]
    parsed, issues = parse(text)
    if parsed is None:
        return None, [file_problem(path, issue.message, issue.code, issue.mark, label) for issue in issues]
    if parsed.data is None:
        return None, [file_problem(path, "the file is empty", "empty-file", location=label)]
    first_line = text.split("\n", 1)[0].strip()
    document = Document(path, show_path(path), kind, parsed, first_line)
    problems = [document.problem(issue.path, issue.message, code=issue.code, mark=issue.mark) for issue in issues]
    return document, problems + list(_unshowable(document))


def _unshowable(document: Document) -> Iterator[Problem]:
    """An error for each key or text value holding a character no page or file can show (see
    ladder.characters); prose may keep tabs and line breaks."""
    stack: list[tuple[DataPath, Any, bool]] = [((), document.data, False)]
    while stack:
        path, value, long_text = stack.pop()
        if isinstance(value, str):
            wrong = characters.problem(value, long_text=long_text)
            if wrong is not None:
                yield document.problem(path, f"the text {wrong}", code="bad-character")
        elif isinstance(value, dict):
            for key, item in value.items():
                wrong = characters.problem(key)
                if wrong is not None:
                    yield document.problem((*path, key), f"the key {wrong}", code="bad-character", at_key=True)
                stack.append(((*path, key), item, key in PROSE_FIELDS))
        elif isinstance(value, list):
            stack.extend(((*path, index), item, long_text) for index, item in enumerate(value))


def _byte_mark(raw: bytes, offset: int) -> Mark:
    line_start = raw.rfind(b"\n", 0, offset) + 1
    column = len(raw[line_start:offset].decode("utf-8", errors="replace")) + 1
    return Mark(raw.count(b"\n", 0, offset) + 1, column)


@dataclass
class Loaded:
    documents: list[Document]
    problems: list[Problem]
    # Kinds with a file that could not be read: a reference to an unknown item of such a kind
    # may well be to that file, so it is not reported until the file reads again.
    unread: set[str]


def load(root: Path) -> Loaded:
    """All readable documents of the framework at `root`, and the problems met reading them."""
    files, problems = discover(root)
    loaded = Loaded([], problems, set())
    for path, kind in files:
        document, found = read(path, kind)
        loaded.problems.extend(found)
        if document is None:
            loaded.unread.add(kind.name)
        else:
            loaded.documents.append(document)
    if not any(kind is FRAMEWORK for _, kind in files):
        loaded.unread.add(FRAMEWORK.name)
    return loaded
