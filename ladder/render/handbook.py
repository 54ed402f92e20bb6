"""The generated part of the handbook for one framework folder: its pages, and where old addresses lead.

Both engines build from this: the MkDocs hooks (ladder.engines.mkdocs) hand the pages to
MkDocs in memory, and `ladder render` (ladder.engines.files) writes them to disk for any
other Markdown site generator.
"""

from __future__ import annotations

from collections.abc import Container
from dataclasses import dataclass
from pathlib import Path

from ladder.history import recent
from ladder.lock import Published, published, published_places, read_lock
from ladder.model import Framework
from ladder.places import Places
from ladder.render.pages import Context, page_sources, render_pages
from ladder.render.redirects import moved_anchors, old_addresses
from ladder.revisions import Version


@dataclass(frozen=True)
class Handbook:
    framework: Framework
    pages: dict[str, str]  # Markdown by source path (levels/senior.md), in reading order
    redirects: dict[str, str]  # old page source -> current page source, for renamed items


def build(
    root: Path,
    framework: Framework,
    *,
    worksheets: Container[str] = (),
    versions: list[Version] | None = None,
    record: dict[str, Published] | None = None,
    places: Places | None = None,
) -> Handbook:
    """Every generated page of the framework at `root` (already validated as `framework`).

    `worksheets`: the blank worksheet files the site publishes, which level pages link.
    `versions`: the framework's versions in git (ladder.revisions.history), when read already.
    `record` and `places`: the published ids and places (ladder.lock), when validation has read
    the lock file.
    """
    if record is None or places is None:
        lock = read_lock(root)[0]  # read and checked with the framework
        record, places = published(lock), published_places(lock)
    old = old_addresses(framework, record, page_sources(framework))
    pages = render_pages(framework, Context(worksheets, recent(root, framework, versions=versions), places))
    for source, moved in old.moved.items():  # anchors at old places that send the reader on
        pages[source] = pages[source].rstrip("\n") + "\n\n" + moved_anchors(source, moved) + "\n"
    return Handbook(framework, pages, old.redirects)
