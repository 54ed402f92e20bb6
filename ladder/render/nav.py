"""The generated part of the site navigation, sized so that no page's navigation grows with the framework.

Material writes the navigation into every page. A section lists its pages in the navigation
only while it has at most `limit` of them; a bigger one keeps just its index page, which
links everything in it. With `navigation.prune`, a page then carries the top level plus its
own small section, so build time and page size stay flat as a framework grows.

Titles are HTML: MkDocs and Material print navigation titles as they are, so a name from the
YAML is escaped here (see ladder.render.text.nav_title).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ladder import urls
from ladder.model import Framework
from ladder.render.pages import SECTIONS
from ladder.render.text import nav_title
from ladder.render.titles import title

NavEntry = str | dict[str, Any]

# What MkDocs publishes as the site's home page (README.md only where there is no index.md).
HOME_PAGES = ("index.md", "README.md")


def sections(framework: Framework, limit: int) -> dict[str, list[NavEntry]]:
    """For each generated index page, the navigation entries to list under it (maybe none)."""

    def listed(items: Sequence[urls.Item]) -> list[NavEntry]:
        if len(items) > limit:
            return []
        return [{nav_title(title(framework, item)): urls.source(urls.page(item))} for item in items]

    children: dict[str, list[NavEntry]] = {}
    for section in SECTIONS:
        if section.items is None:
            continue
        if section.url == urls.LEVELS and len(framework.tracks) > 1:  # levels listed track by track
            children[urls.source(section.url)] = [
                {nav_title(track.name): own}
                for track in framework.tracks
                if (own := listed(framework.own_levels(track.id)))
            ]
        else:
            children[urls.source(section.url)] = listed(section.items(framework))
    return children


def default(hand_written: list[NavEntry], framework: Framework, limit: int) -> list[NavEntry]:
    """The navigation when mkdocs.yml has none. MkDocs' own would list the generated pages folder by
    folder, named after the folders ("Assess"), in alphabetical order; instead the home page comes
    first, then each generated section under its own name, in the order of SECTIONS, then the other
    hand-written pages as MkDocs lists them. `hand_written`: those pages as MkDocs nests them
    (mkdocs.utils.nest_paths, home page first)."""
    first = hand_written[0] if hand_written else None
    home = [first] if isinstance(first, str) and first in HOME_PAGES else []
    generated: list[NavEntry] = [{section.label: urls.source(section.url)} for section in SECTIONS]
    return expand([*home, *generated, *hand_written[len(home) :]], framework, limit)


def expand(nav: list[NavEntry], framework: Framework, limit: int) -> list[NavEntry]:
    """The site's nav with each entry that points at a generated index page turned into its section."""
    children = sections(framework, limit)

    def walk(entries: list[NavEntry]) -> list[NavEntry]:
        result: list[NavEntry] = []
        for entry in entries:
            if isinstance(entry, dict) and len(entry) == 1:
                ((label, value),) = entry.items()
                if isinstance(value, str) and children.get(value):
                    result.append({label: [value, *children[value]]})
                elif isinstance(value, list):
                    result.append({label: walk(value)})
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
