"""Cross-file checks: every id is unique, every reference names something that exists.

Runs on documents that passed their schema, so fields have the right types here.
Ids share one namespace across the whole framework because they become anchors and
URLs: a statement id must never clash with a level id.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from ladder.load import FRAMEWORK, Document
from ladder.model import Framework
from ladder.problems import Problem, closest
from ladder.yaml_source import Path as DataPath


@dataclass(frozen=True)
class Entry:
    """One id-bearing item and where its id is written."""

    kind: str
    ident: str
    document: Document
    path: DataPath  # to the item; its id is at path + ("id",)
    aliases: tuple[str, ...]

    @property
    def described(self) -> str:
        """The kind as a message says it: "level statement"."""
        return self.kind.replace("-", " ")

    @property
    def where(self) -> str:
        mark = self.document.yaml.mark((*self.path, "id"))
        return f"{self.document.shown}:{mark.line}"


def entries(documents: list[Document]) -> Iterator[Entry]:
    """Every item with an id, including the statements inside standards and levels."""
    for document in documents:
        data = document.data
        if document.kind is FRAMEWORK or not isinstance(data, dict) or not isinstance(data.get("id"), str):
            continue
        yield Entry(document.kind.name, data["id"], document, (), _aliases(data))
        if document.kind.name == "standard":
            for side in ("above_the_line", "below_the_line"):
                for index, statement in enumerate(_list(data.get(side))):
                    if isinstance(statement, dict) and isinstance(statement.get("id"), str):
                        yield Entry("statement", statement["id"], document, (side, index), _aliases(statement))
        if document.kind.name == "level" and isinstance(data.get("dimensions"), dict):
            for dimension, cell in data["dimensions"].items():
                statements = _list(cell.get("statements")) if isinstance(cell, dict) else []
                for index, statement in enumerate(statements):
                    if isinstance(statement, dict) and isinstance(statement.get("id"), str):
                        path = ("dimensions", dimension, "statements", index)
                        yield Entry("level-statement", statement["id"], document, path, _aliases(statement))


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _aliases(data: dict[str, Any]) -> tuple[str, ...]:
    return tuple(alias for alias in _list(data.get("aliases")) if isinstance(alias, str))


@dataclass(frozen=True)
class Reference:
    """One place a document names an item by id."""

    path: DataPath
    ident: str
    kind: str | None  # None: any kind (a lint setting naming items)
    at_key: bool = False  # the id is a mapping's key (a level's dimensions)


def references(document: Document) -> Iterator[Reference]:
    """Every reference to an item in a document: the one list the checks and `ladder rename` share."""
    data = document.data
    if not isinstance(data, dict):
        return
    kind = document.kind.name
    if document.kind is FRAMEWORK:
        lint = data.get("lint")
        for position, rule in enumerate(_list(lint.get("ignore") if isinstance(lint, dict) else None)):
            for place, ident in _texts(rule, "items"):
                yield Reference(("lint", "ignore", position, "items", place), ident, None)
    elif kind == "level":
        track = _text(data, "track")
        if track is not None:
            yield Reference(("track",), track, "track")
        cells = data.get("dimensions")
        for name in cells if isinstance(cells, dict) else ():
            yield Reference(("dimensions", name), name, "dimension", at_key=True)
    elif kind == "track":
        branch = _text(data, "branches_from")
        if branch is not None:
            yield Reference(("branches_from",), branch, "level")
    elif kind == "dimension":
        for position, ident in _texts(data, "tracks"):
            yield Reference(("tracks", position), ident, "track")
    elif kind == "example":
        for field, named in (("levels", "level"), ("dimensions", "dimension"), ("tracks", "track")):
            for position, ident in _texts(data, field):
                yield Reference((field, position), ident, named)


class Index:
    def __init__(self, documents: list[Document], unread: set[str]):
        self.unread = unread
        self.entries = list(entries(documents))
        self.by_kind: dict[str, dict[str, Entry]] = defaultdict(dict)
        self.alias_of: dict[str, Entry] = {}
        self.framework: Any = next((d.data for d in documents if d.kind is FRAMEWORK), None)
        for entry in self.entries:
            self.by_kind[entry.kind].setdefault(entry.ident, entry)
            for alias in entry.aliases:
                self.alias_of.setdefault(alias, entry)

    def ids(self, kind: str) -> dict[str, Entry]:
        return self.by_kind.get(kind, {})


def check(documents: list[Document], unread: set[str]) -> list[Problem]:
    """Reference problems in every readable document, even one whose schema check failed:
    each check looks only at fields that have the type it needs."""
    index = Index(documents, unread)
    problems = list(_unique_ids(index))
    problems += _reserved_ids(index)
    problems += _framework_has_content(documents, index)
    for document in documents:
        for reference in references(document):
            if reference.kind is not None:
                problems += _reference(document, reference, index)
        checker = _CHECKS.get(document.kind.name)
        if checker is not None and isinstance(document.data, dict):
            problems += checker(document, index)
    problems += _branch_cycles(index)
    problems += _level_orders(documents)
    return problems


def _text(data: Any, key: str) -> str | None:
    value = data.get(key) if isinstance(data, dict) else None
    return value if isinstance(value, str) else None


def _texts(data: Any, key: str) -> Iterator[tuple[int, str]]:
    for position, value in enumerate(_list(data.get(key) if isinstance(data, dict) else None)):
        if isinstance(value, str):
            yield position, value


# Ids that are the site's own paths inside a section (levels/index.md is the levels overview): an
# item with one of them as its id, or a former id, would replace that page.
RESERVED_IDS = frozenset({"index"})
PAGE_KINDS = frozenset({"level", "dimension", "standard", "example"})  # the kinds with a page each


def _reserved_ids(index: Index) -> Iterator[Problem]:
    for entry in index.entries:
        if entry.kind not in PAGE_KINDS:
            continue
        for path, ident in [((*entry.path, "id"), entry.ident)] + [
            ((*entry.path, "aliases", position), alias) for position, alias in enumerate(entry.aliases)
        ]:
            if ident in RESERVED_IDS:
                yield entry.document.problem(
                    path,
                    f"'{ident}' is the name of the section's own overview page, so a {entry.kind} cannot use it "
                    "as an id or former id; choose another",
                    code="reserved-id",
                )


def _unique_ids(index: Index) -> Iterator[Problem]:
    first: dict[str, Entry] = {}
    for entry in index.entries:
        earlier = first.setdefault(entry.ident, entry)
        if earlier is not entry:
            yield entry.document.problem(
                (*entry.path, "id"),
                f"id '{entry.ident}' is already used by the {earlier.described} at {earlier.where}; "
                "ids must be unique across the whole framework",
                code="duplicate-id",
            )
    seen_alias: dict[str, Entry] = {}
    for entry in index.entries:
        for position, alias in enumerate(entry.aliases):
            path = (*entry.path, "aliases", position)
            if alias in first:
                owner = first[alias]
                yield entry.document.problem(
                    path,
                    f"alias '{alias}' is the id of the {owner.described} at {owner.where}; an alias must be a "
                    "former id that nothing uses any more",
                    code="alias-collision",
                )
            elif seen_alias.setdefault(alias, entry) is not entry:
                other = seen_alias[alias]
                yield entry.document.problem(
                    path,
                    f"alias '{alias}' is also an alias of the {other.described} at {other.where}",
                    code="alias-collision",
                )


def _framework_has_content(documents: list[Document], index: Index) -> Iterator[Problem]:
    top = next((document for document in documents if document.kind is FRAMEWORK), None)
    if top is None:
        return
    for kind, folder in (("track", "tracks"), ("dimension", "dimensions"), ("level", "levels")):
        if not index.ids(kind) and kind not in index.unread:
            yield top.problem(
                (), f"the framework has no {kind}s: add one file per {kind} to {folder}/", code="no-content"
            )


def _reference(document: Document, reference: Reference, index: Index) -> Iterator[Problem]:
    ident, kind = reference.ident, str(reference.kind)
    known = index.ids(kind)
    if ident in known or kind in index.unread:
        return
    moved = index.alias_of.get(ident)
    if moved is not None and moved.kind == kind:
        message = f"{kind} '{ident}' was renamed to '{moved.ident}': refer to it by its new id"
    else:
        close = closest(ident, known)
        hint = f"did you mean '{close}'?" if close else f"known {kind}s: {', '.join(sorted(known)) or 'none'}"
        message = f"unknown {kind} '{ident}' ({hint})"
    yield document.problem(reference.path, message, code="unknown-reference", at_key=reference.at_key)


def _level(document: Document, index: Index) -> Iterator[Problem]:
    cells = document.data.get("dimensions")
    for name, cell in cells.items() if isinstance(cells, dict) else ():
        step = _text(cell, "proficiency")
        if step is not None:
            yield from _proficiency(document, ("dimensions", name, "proficiency"), step, index, name)


def _level_orders(documents: list[Document]) -> Iterator[Problem]:
    first: dict[tuple[str, int], Document] = {}
    for document in documents:
        data = document.data
        track, order = _text(data, "track"), data.get("order") if isinstance(data, dict) else None
        if document.kind.name != "level" or track is None or not isinstance(order, int):
            continue
        earlier = first.setdefault((track, order), document)
        if earlier is not document:
            yield document.problem(
                ("order",),
                f"level '{_text(earlier.data, 'id')}' ({earlier.shown}) has the same order {order} on track "
                f"'{track}'; the levels of a track need different orders",
                code="duplicate-order",
            )


def _proficiency(document: Document, path: DataPath, step: str, index: Index, dimension: str) -> Iterator[Problem]:
    """A level names a step of the dimension's own scale when it has one, else of framework.yaml's."""
    entry = index.ids("dimension").get(dimension)
    if entry is None and "dimension" in index.unread:
        return  # the dimension may be in a file that could not be read, with a scale of its own
    own = _steps(entry.document.data.get("scale")) if entry is not None else None
    if own is not None:
        if step not in own:
            message = f"unknown proficiency '{step}' (dimension '{dimension}' has its own scale: {', '.join(own)})"
            yield document.problem(path, message, code="unknown-reference")
        return
    if "framework" in index.unread:
        return
    top = index.framework
    scale = _steps(top.get("proficiency_scale") if isinstance(top, dict) else None)
    if scale is None:
        yield document.problem(
            path,
            f"framework.yaml has no proficiency_scale, and dimension '{dimension}' no scale of its own, "
            "so no proficiency can be given",
            code="unknown-reference",
        )
    elif step not in scale:
        yield document.problem(
            path, f"unknown proficiency '{step}' (the scale is: {', '.join(scale)})", code="unknown-reference"
        )


def _steps(steps: Any) -> list[str] | None:
    if not isinstance(steps, list):
        return None
    return [step["id"] for step in steps if isinstance(step, dict) and isinstance(step.get("id"), str)]


def _track(document: Document, index: Index) -> Iterator[Problem]:
    data = document.data
    branch = _text(data, "branches_from")
    if branch is None:
        return
    parent = index.ids("level").get(branch)
    if parent is None:
        return
    if _text(parent.document.data, "track") == data.get("id"):
        yield document.problem(
            ("branches_from",),
            f"level '{branch}' is on this track; a track branches from a level of another track",
            code="bad-branch",
        )
        return
    orders = [
        entry.document.data["order"]
        for entry in index.ids("level").values()
        if _text(entry.document.data, "track") == data.get("id") and isinstance(entry.document.data.get("order"), int)
    ]
    branch_order = parent.document.data.get("order")
    if orders and isinstance(branch_order, int) and min(orders) <= branch_order:
        yield document.problem(
            ("branches_from",),
            f"level '{branch}' has order {branch_order}, but this track's first level has order {min(orders)}; "
            "the track's own levels must come after the level it branches from",
            code="bad-branch",
        )


def _branch_cycles(index: Index) -> Iterator[Problem]:
    parent_track: dict[str, str] = {}
    for ident, entry in index.ids("track").items():
        branch = _text(entry.document.data, "branches_from")
        level = index.ids("level").get(branch) if branch is not None else None
        track = _text(level.document.data, "track") if level is not None else None
        if track is not None:
            parent_track[ident] = track
    for start, entry in index.ids("track").items():
        seen, current = [start], parent_track.get(start)
        while current is not None and current not in seen:
            seen.append(current)
            current = parent_track.get(current)
        if current == start:
            chain = " -> ".join([*seen, start])
            yield entry.document.problem(
                ("branches_from",), f"tracks branch from each other in a circle: {chain}", code="bad-branch"
            )


_CHECKS = {"level": _level, "track": _track}  # checks besides references


def check_model(framework: Framework, documents: dict[str, Document], top: Document) -> list[Problem]:
    """Errors only the built framework shows: 'same as previous' on a level with nothing below it,
    a level written for a dimension none of its tracks is judged on, and a first version after
    the current one."""
    problems = []
    first = framework.meta.first_version
    if first is not None:
        from ladder.history import ordered

        if ordered(first) > ordered(framework.meta.version):
            problems.append(
                top.problem(
                    ("first_version",),
                    f"is {first}, after this framework's version {framework.meta.version}",
                    code="first-after-version",
                )
            )
    for level in framework.levels:
        document = documents[level.id]
        for dimension, cell in level.cells.items():
            if cell.intent == "same" and framework.previous_level(level) is None:
                problems.append(
                    document.problem(
                        ("dimensions", dimension),
                        f"says 'same as previous' for '{dimension}', but no level comes before it on its track",
                        code="nothing-previous",
                    )
                )
            if not framework.applies(framework.dimension(dimension), level):
                tracks = ", ".join(framework.dimension(dimension).tracks)
                problems.append(
                    document.problem(
                        ("dimensions", dimension),
                        f"dimension '{dimension}' is for levels of the {tracks} track(s) only, "
                        f"and this level is on the {level.track} track",
                        code="dimension-not-on-track",
                        at_key=True,
                    )
                )
    return problems
