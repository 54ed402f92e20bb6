"""What changed between two versions of a framework: per item, added, changed, removed or renamed.

An item whose old id is now an alias of another item of the same kind was renamed (and may
also have changed). Statements are compared as items of their own, so moving one to another
standard or to the other side of the line shows as a change of that statement.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any, Literal

from ladder.model import (
    NOT_EXPECTED,
    SAME_AS_PREVIOUS,
    Cell,
    Dimension,
    Example,
    Framework,
    Level,
    LevelStatement,
    Standard,
    Statement,
    Track,
    kind_of,
)
from ladder.render.titles import title

ChangeType = Literal["added", "changed", "renamed", "removed"]
KINDS: tuple[tuple[str, str], ...] = (
    ("track", "Tracks"),
    ("level", "Levels"),
    ("level-statement", "Level statements with an id"),
    ("dimension", "Dimensions"),
    ("standard", "Standards"),
    ("statement", "Standard statements"),
    ("example", "Example expectations"),
)
# Fields compared for each kind, in the order reports list them. Levels' cells are compared separately.
FIELDS: dict[type, tuple[str, ...]] = {
    Track: ("name", "summary", "order", "branches_from"),
    Level: ("code", "title", "track", "order", "summary", "scope"),
    LevelStatement: ("text", "level", "dimension"),
    Dimension: ("name", "summary", "covers", "order"),
    Standard: ("name", "question", "scenario", "scenarios", "order"),
    Statement: ("text", "standard", "side"),
    Example: ("title", "expectation", "why", "orientation", "levels", "dimensions", "tracks", "key_steps"),
}


@dataclass(frozen=True)
class FieldChange:
    field: str  # e.g. "title", or "dimensions.technical-skill" for a level's cell
    old: Any
    new: Any


@dataclass(frozen=True)
class Change:
    kind: str
    change: ChangeType
    id: str  # the id now (the old id for a removed item)
    title: str
    old_id: str | None = None  # for renamed items
    fields: tuple[FieldChange, ...] = ()


@dataclass(frozen=True)
class Changelog:
    old_version: str
    new_version: str
    changes: tuple[Change, ...]

    def of(self, kind: str) -> list[Change]:
        return [change for change in self.changes if change.kind == kind]

    def for_item(self, ident: str) -> Change | None:
        return next((change for change in self.changes if change.id == ident), None)


def _items(framework: Framework, kind: str) -> list[Any]:
    return [item for item in framework.items() if kind_of(item) == kind]


def compare(old: Framework, new: Framework) -> Changelog:
    changes: list[Change] = []
    for kind, _ in KINDS:
        changes.extend(_compare_kind(old, new, kind))
    return Changelog(old.meta.version, new.meta.version, tuple(changes))


def _compare_kind(old: Framework, new: Framework, kind: str) -> Iterator[Change]:
    old_items, new_items = _items(old, kind), _items(new, kind)
    new_by_id = {item.id: item for item in new_items}
    new_by_alias = {alias: item for item in new_items for alias in item.aliases}
    matched: set[str] = set()
    for before in old_items:
        after = new_by_id.get(before.id) or new_by_alias.get(before.id)
        if after is None:
            yield Change(kind, "removed", before.id, title(old, before))
            continue
        matched.add(after.id)
        fields = tuple(_field_changes(before, after, new))
        if after.id != before.id:
            yield Change(kind, "renamed", after.id, title(new, after), before.id, fields)
        elif fields:
            yield Change(kind, "changed", after.id, title(new, after), None, fields)
    for after in new_items:
        if after.id not in matched:
            yield Change(kind, "added", after.id, title(new, after))


def _field_changes(before: Any, after: Any, new: Framework) -> Iterator[FieldChange]:
    for name in FIELDS[type(before)]:
        old, now = _current(new, getattr(before, name)), getattr(after, name)
        if old != now:
            yield FieldChange(name, old, now)
    if isinstance(before, Level):
        # A level's cells are keyed by dimension: a dimension renamed since counts under its new id.
        old_cells = {_current(new, key): cell for key, cell in before.cells.items()}
        for dimension in sorted(set(old_cells) | set(after.cells)):
            old_cell, new_cell = old_cells.get(dimension), after.cells.get(dimension)
            old_text, new_text = _cell_text(old_cell), _cell_text(new_cell)
            if old_text != new_text:
                yield FieldChange(f"dimensions.{dimension}", old_text, new_text)
            old_step = old_cell.proficiency if old_cell else None
            new_step = new_cell.proficiency if new_cell else None
            if old_step != new_step:
                yield FieldChange(f"dimensions.{dimension}.proficiency", old_step, new_step)


def _cell_text(cell: Cell | None) -> list[str] | str:
    """What a cell says, for comparing: its statements without an id (those with one are compared
    as items of their own, so rewording one is one change), or what it says instead of statements."""
    if cell is None:
        return []
    if cell.intent != "written":
        return SAME_AS_PREVIOUS if cell.intent == "same" else NOT_EXPECTED
    return [statement.text for statement in cell.statements if not statement.id]


def _current(new: Framework, value: Any) -> Any:
    """A reference (an id, or a list of ids) as the newer framework knows it: a former id becomes the
    id that replaced it, so a rename shows once, as a rename, not as a change everywhere it is used."""
    if isinstance(value, str):
        try:
            return new.get(value).id
        except KeyError:
            return value
    if isinstance(value, tuple) and all(isinstance(part, str) for part in value):
        return tuple(_current(new, part) for part in value)
    return value


# Reports ---------------------------------------------------------------------------------


def as_data(log: Changelog, old_label: str, new_label: str) -> dict[str, Any]:
    return {
        "from": {"revision": old_label, "version": log.old_version},
        "to": {"revision": new_label, "version": log.new_version},
        "changes": [
            {
                "kind": change.kind,
                "change": change.change,
                "id": change.id,
                "old_id": change.old_id,
                "title": change.title,
                "fields": [
                    {"field": item.field, "old": _plain(item.old), "new": _plain(item.new)} for item in change.fields
                ],
            }
            for change in log.changes
        ],
    }


def _plain(value: Any) -> Any:
    return list(value) if isinstance(value, tuple) else value


def describe(change: FieldChange) -> list[str]:
    """Lines of Markdown saying what happened to one field."""
    if isinstance(change.old, list) and isinstance(change.new, list):
        added = [text for text in change.new if text not in change.old]
        removed = [text for text in change.old if text not in change.new]
        lines = [f"{change.field}: added “{text}”" for text in added]
        lines += [f"{change.field}: removed “{text}”" for text in removed]
        return lines or [f"{change.field}: reordered"]
    return [f"{change.field}: {_show(change.old)} → {_show(change.new)}"]


def _show(value: Any) -> str:
    if value is None:
        return "(none)"
    if isinstance(value, str):
        return f"“{value}”"
    return str(value).lower() if isinstance(value, bool) else str(value)


def as_markdown(log: Changelog, old_label: str, new_label: str) -> str:
    counts = {
        kind: sum(1 for c in log.changes if c.change == kind) for kind in ("added", "changed", "renamed", "removed")
    }
    lines = [
        f"# What changed from {log.old_version} to {log.new_version}",
        "",
        f"Compared {old_label} (version {log.old_version}) with {new_label} (version {log.new_version}): "
        + ", ".join(f"{count} {kind}" for kind, count in counts.items())
        + ".",
    ]
    if not log.changes:
        lines += ["", "Nothing changed."]
    for kind, heading in KINDS:
        changes = log.of(kind)
        if changes:
            lines += ["", f"## {heading}", ""]
            lines += [line for change in changes for line in _change_lines(change)]
    return "\n".join(lines) + "\n"


def _change_lines(change: Change) -> Iterable[str]:
    if change.change == "renamed":
        yield f"- **Renamed** `{change.old_id}` → `{change.id}`: {change.title}"
    else:
        yield f"- **{change.change.capitalize()}** `{change.id}`: {change.title}"
    for field in change.fields:
        for line in describe(field):
            yield f"    - {line}"
