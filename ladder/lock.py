"""The record of every id the framework has published, and of what each place of a level's
statement lists held (ladder.places), so that no published link ever breaks.

`ladder lock` writes `published-ids.lock` next to `framework.yaml`; it is committed with the
framework. `ladder validate` fails when a recorded id is neither an id nor an alias any more,
or a statement known by its place has moved from it, and the site answers every recorded URL
with the item's current place.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from pathlib import Path

from ladder import places, urls
from ladder.load import Document, Kind, read
from ladder.model import Framework, kind_of
from ladder.places import Places, moved, own_lists, recorded_list
from ladder.problems import Problem, plural
from ladder.references import entries

LOCK = Kind("published", None, "lock.schema.json")
LOCK_FILE = "published-ids.lock"
HEADER = """\
# yaml-language-server: $schema=schema/lock.schema.json
# Every id this framework has published, with the URLs it was published at (oldest first).
# Written by `ladder lock`: commit it, and do not edit it by hand. `ladder validate` fails
# when one of these ids disappears without becoming an alias of another item, and the
# handbook answers each of these URLs with the item's current place.
"""

PLACES_HEADER = """\
# For each level and dimension, what was published at each place of its statement list (#craft--2
# is the second): the statement's id, or ~ and a fingerprint of its words when it has none.
"""


@dataclass(frozen=True)
class Published:
    id: str
    kind: str
    urls: tuple[str, ...]


def read_lock(root: Path) -> tuple[Document | None, list[Problem]]:
    """The lock file as a document, or None when the framework has none (nothing published yet)."""
    path = root / LOCK_FILE
    if not path.is_file():
        return None, []
    return read(path, LOCK)


def published(document: Document | None) -> dict[str, Published]:
    if document is None:
        return {}
    return {
        ident: Published(ident, entry["kind"], tuple(entry["urls"])) for ident, entry in document.data["ids"].items()
    }


def published_places(document: Document | None) -> Places:
    """What was published at each place of each level's statement lists (ladder.places)."""
    if document is None:
        return {}
    recorded: Places = document.data.get("places", {})
    return recorded


def check_places(document: Document, framework: Framework, levels: Mapping[str, Document]) -> list[Problem]:
    """An error for each statement published at one place of a list that is now at another, where
    the list's places are counted afresh (some statement has no id): links to the old place
    would name another statement. `levels`: each level's file, by id."""
    recorded = published_places(document)
    problems = []
    for level in framework.levels:
        for dimension, statements in own_lists(framework, level):
            for place, statement in moved(statements, recorded_list(recorded, level, dimension)):
                problems.append(_moved_place(levels[level.id], dimension.id, place, statement.position))
    return problems


def _moved_place(level: Document, dimension: str, place: int, position: int) -> Problem:
    return level.problem(
        ("dimensions", dimension, "statements", position - 1),
        f"this statement was published as #{dimension}--{place} and is now number {position}, so links to "
        f"#{dimension}--{place} would name another statement: add new statements at the end of the list, "
        "or give every statement in the list an id (Ladder then keeps each published place on its statement)",
        code="published-place-moved",
    )


def check(document: Document, documents: list[Document], unread: Collection[str] = ()) -> list[Problem]:
    """An error for each published id that is now neither an id nor an alias. An id of a kind whose
    file could not be read (`unread`: a YAML syntax error, say) may well be in that file, so it
    is not reported until the file reads again."""
    known: set[str] = set()
    for entry in entries(documents):
        known.add(entry.ident)
        known.update(entry.aliases)
    return [
        document.problem(
            ("ids", ident),
            f"the published {item.kind} '{ident}' ({item.urls[-1]}) no longer exists: add '{ident}' to the "
            "aliases of the item that replaces it, so that links to it keep working",
            code="published-id-gone",
            at_key=True,
        )
        for ident, item in published(document).items()
        if ident not in known and FILE_KIND.get(item.kind, item.kind) not in unread
    ]


# The kind of file each recorded kind is written in, where the two differ.
FILE_KIND = {"statement": "standard", "level-statement": "level"}


def updated(framework: Framework, recorded: dict[str, Published]) -> dict[str, Published]:
    """The record with every current id and URL added; nothing is ever removed."""
    result = dict(recorded)
    for item in framework.items():
        kind = kind_of(item)
        url = urls.url(item)
        before = result.get(item.id)
        if before is None:
            result[item.id] = Published(item.id, kind, (url,))
        elif url not in before.urls:
            result[item.id] = Published(item.id, kind, (*before.urls, url))
    return result


@dataclass(frozen=True)
class Refresh:
    """The lock file as `ladder lock` writes it, and what that adds to the one on disk."""

    record: dict[str, Published]
    places: Places
    new_ids: list[str]
    new_lists: list[str]  # "<level>#<dimension>" of each statement list recorded anew or changed
    # The file on disk records places already. One from before Ladder recorded them fails
    # `ladder lock --check` only on ids, so a fork's CI stays green when it takes in this change.
    records_places: bool

    @property
    def text(self) -> str:
        return render(self.record, self.places)

    @property
    def missing(self) -> list[str]:
        """What `ladder lock --check` fails on."""
        return [*self.new_ids, *(self.new_lists if self.records_places else [])]

    @property
    def missing_words(self) -> str:
        """How much is missing, in words: "1 id", "2 ids and 1 statement list"."""
        lists = len(self.missing) - len(self.new_ids)
        counted = [plural(len(self.new_ids), "id")] if self.new_ids else []
        return " and ".join([*counted, *([plural(lists, "statement list")] if lists else [])])


def refreshed(framework: Framework, document: Document | None) -> Refresh:
    recorded, recorded_places = published(document), published_places(document)
    record, record_places = updated(framework, recorded), places.updated(framework, recorded_places)
    return Refresh(
        record,
        record_places,
        new_ids=sorted(ident for ident in record if record[ident] != recorded.get(ident)),
        new_lists=[
            f"{level}#{dimension}"
            for level, lists in record_places.items()
            for dimension, entries in lists.items()
            if list(recorded_places.get(level, {}).get(dimension, ())) != entries
        ],
        records_places=document is not None and "places" in document.data,
    )


def render(record: dict[str, Published], lists: Places) -> str:
    lines = [HEADER.rstrip("\n"), "ids:"]
    for ident in sorted(record):
        item = record[ident]
        addresses = ", ".join(json.dumps(url) for url in item.urls)
        lines.append(f"  {ident}: {{kind: {item.kind}, urls: [{addresses}]}}")
    if not record:
        lines[-1] = "ids: {}"
    if lists:
        lines += [*PLACES_HEADER.rstrip("\n").splitlines(), "places:"]
        for level in sorted(lists):
            lines.append(f"  {level}:")
            for dimension in sorted(lists[level]):
                lines.append(f"    {dimension}: [{', '.join(json.dumps(entry) for entry in lists[level][dimension])}]")
    return "\n".join(lines) + "\n"
