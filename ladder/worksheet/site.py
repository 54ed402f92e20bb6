"""The handbook's blank worksheets: every kind, for every level, in each format, built with the site.

`hooks/worksheets.py` calls `add_files` from MkDocs' on_files; the files land at
`urls.worksheet(level, kind, fmt)`, where level pages and docs/worksheets.md link them.
`extra.ladder.worksheets` in mkdocs.yml lists the formats to publish (default: all three;
`[]` publishes none), for a framework so large that DOCX for every level slows the build.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from functools import cache
from typing import Any

import jinja2
from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from ladder import urls
from ladder.model import Framework, Level
from ladder.worksheet import FORMATS, KINDS, InputError, Request, build, layout, made_on, render, resolve
from ladder.worksheet.text import words

SETTING = "worksheets"
SITE_ORDER = ("docx", "html", "md")  # Word first: what most managers open; as the level pages list them


class WorksheetFile(File):
    """A file the site publishes as it is. A Markdown worksheet is a download, not a page to render."""

    def is_documentation_page(self) -> bool:
        return False

    def is_static_page(self) -> bool:
        return False


def formats(config: MkDocsConfig) -> tuple[str, ...]:
    """The formats `extra.ladder.worksheets` asks for, in the order FORMATS lists them."""
    extra: dict[str, Any] = (config.extra or {}).get("ladder") or {}
    chosen = extra.get(SETTING, list(SITE_ORDER))
    if not isinstance(chosen, list) or any(fmt not in FORMATS for fmt in chosen):
        raise PluginError(
            f"{config.config_file_path}: extra.ladder.{SETTING}: expected a list of formats from "
            f"{', '.join(FORMATS)} (or [] for none), got {chosen!r}"
        )
    return tuple(fmt for fmt in SITE_ORDER if fmt in chosen)


def blank_worksheets(framework: Framework, chosen: Sequence[str]) -> Iterator[tuple[str, bytes]]:
    """(site path, file bytes) of every blank worksheet: no name, no track chosen, dated today
    (or SOURCE_DATE_EPOCH). A promotion case is left out for a level with nothing above it."""
    made = made_on(None)
    for level in framework.levels:
        for kind in KINDS:
            try:
                worksheet = build(resolve(framework, Request(level.id, kind), made))
            except InputError:
                continue
            for fmt in chosen:
                yield urls.worksheet(level, kind, fmt), render(worksheet, fmt)  # type: ignore[arg-type]


_cache: tuple[Framework, tuple[str, ...], str, list[tuple[str, bytes]]] | None = None


def add_files(files: Files, config: MkDocsConfig, framework: Framework) -> Files:
    """on_files: publish the blank worksheets; reused across `mkdocs serve` rebuilds until the framework changes."""
    global _cache
    chosen = formats(config)
    today = made_on(None).isoformat()
    if _cache is None or _cache[0] is not framework or _cache[1] != chosen or _cache[2] != today:
        _cache = (framework, chosen, today, list(blank_worksheets(framework, chosen)))
    for path, content in _cache[3]:
        if files.get_file_from_path(path) is not None:
            raise PluginError(f"{config.docs_dir}: Ladder publishes {path}; remove the hand-written file of that name")
        files.append(WorksheetFile.generated(config, path, content=content))
    return files


def published(framework: Framework, level: Level, kind: str) -> bool:
    """Whether the site has a blank worksheet of this kind for this level."""
    return kind != "promotion" or bool(framework.next_levels(level))


@cache
def _table_template() -> jinja2.Template:
    # Markdown, not escaped: every value is already a Markdown link made by the site's link maker.
    environment = layout.environment(autoescape=False)
    return environment.get_template("worksheets_table.md.j2")


def table(framework: Framework, chosen: Sequence[str], links: Any) -> str:
    """A Markdown table of the blank worksheets, a row per level and a column per kind.

    `links` is the site's link maker for the current page: `links.to(level)` and
    `links.file(text, site_path)` give relative Markdown links MkDocs checks in strict mode.
    """
    text = words("common")["site"]
    rows = []
    for track in framework.tracks:
        for level in framework.own_levels(track.id):
            cells = []
            for kind in KINDS:
                if not chosen or not published(framework, level, kind):
                    cells.append(Markup(text["none"]))
                    continue
                files = [links.file(text["formats"][fmt], urls.worksheet(level, kind, fmt)) for fmt in chosen]
                cells.append(Markup(" · ").join(files))
            rows.append((links.to(level), cells))
    return _table_template().render(columns=[text["kinds"][kind] for kind in KINDS], level=text["level"], rows=rows)
