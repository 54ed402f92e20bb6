"""The record of every id the framework has published, so that no published link ever breaks.

`ladder lock` writes `published-ids.lock` next to `framework.yaml`; it is committed with the
framework. `ladder validate` fails when a recorded id is neither an id nor an alias any more,
and the site answers every recorded URL with the item's current place.
"""

from __future__ import annotations

import json
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path

from ladder import urls
from ladder.load import Document, Kind, read
from ladder.model import Framework, kind_of
from ladder.problems import Problem
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


def render(record: dict[str, Published]) -> str:
    lines = [HEADER.rstrip("\n"), "ids:"]
    for ident in sorted(record):
        item = record[ident]
        addresses = ", ".join(json.dumps(url) for url in item.urls)
        lines.append(f"  {ident}: {{kind: {item.kind}, urls: [{addresses}]}}")
    if not record:
        lines[-1] = "ids: {}"
    return "\n".join(lines) + "\n"
