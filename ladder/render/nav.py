"""The generated part of the site navigation, sized so that no page's navigation grows with the framework.

Material writes the navigation into every page. A section lists its pages in the navigation
only while it has at most `limit` of them; a bigger one keeps just its index page, which
links everything in it. With `navigation.prune`, a page then carries the top level plus its
own small section, so build time and page size stay flat as a framework grows.
"""

from __future__ import annotations

from pathlib import PurePath
from typing import Any

from ladder import urls
from ladder.model import Framework
from ladder.render.text import plain

NavEntry = str | dict[str, Any]


def sections(framework: Framework, limit: int) -> dict[str, list[NavEntry]]:
    """For each generated index page, the navigation entries to list under it (maybe none)."""

    def listed(items: list[Any], name: Any) -> list[NavEntry]:
        if len(items) > limit:
            return []
        return [{plain(name(item)): urls.source(urls.page(item))} for item in items]

    levels: list[NavEntry] = []
    for track in framework.tracks:
        own = listed(list(framework.own_levels(track.id)), lambda level: level.name)
        if own:
            levels.append({plain(track.name): own})
    if len(framework.tracks) == 1 and levels:
        levels = next(iter(levels[0].values()))
    return {
        urls.source(urls.LEVELS): levels,
        urls.source(urls.DIMENSIONS): listed(list(framework.dimensions), lambda item: item.name),
        urls.source(urls.STANDARDS): listed(list(framework.standards), lambda item: item.name),
        urls.source(urls.EXAMPLES): listed(list(framework.examples), lambda item: item.title),
    }


def expand(nav: list[NavEntry], framework: Framework, limit: int) -> list[NavEntry]:
    """The site's nav with each entry that points at a generated index page turned into its section."""
    children = sections(framework, limit)

    def walk(entries: list[NavEntry]) -> list[NavEntry]:
        result: list[NavEntry] = []
        for entry in entries:
            if isinstance(entry, dict) and len(entry) == 1:
                ((title, value),) = entry.items()
                if isinstance(value, str) and children.get(value):
                    result.append({title: [value, *children[value]]})
                elif isinstance(value, list):
                    result.append({title: walk(value)})
                else:
                    result.append(entry)
            else:
                result.append(entry)
        return result

    return walk(nav)


def pages_in(nav: list[NavEntry] | None) -> set[str]:
    """Every page path the navigation names."""
    found: set[str] = set()
    for entry in nav or []:
        values = entry.values() if isinstance(entry, dict) else [entry]
        for value in values:
            if isinstance(value, str):
                found.add(value)
            elif isinstance(value, list):
                found |= pages_in(value)
    return found


def titles(nav: list[NavEntry] | None) -> dict[str, str | None]:
    """Each page path the navigation names, with the title it gives it (None: the page's own), as MkDocs reads it."""
    found: dict[str, str | None] = {}
    for entry in nav or []:
        items = entry.items() if isinstance(entry, dict) else [(None, entry)]
        for title, value in items:
            if isinstance(value, str) and "://" not in value:  # a page, not a link to another site
                found.setdefault(PurePath(value).as_posix(), title)  # as MkDocs looks the file up
            elif isinstance(value, list):
                for path, inner in titles(value).items():
                    found.setdefault(path, inner)
    return found
