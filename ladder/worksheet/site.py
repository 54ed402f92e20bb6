"""The handbook's blank worksheets: every kind, for every level, in each format, built with the site.

The site (ladder.engines) publishes them at `urls.worksheet(level, kind, fmt)`, where level pages
and docs/worksheets.md link them. `extra.ladder.worksheets` in mkdocs.yml lists the formats to
publish. They are kept in a cache folder (see `cached`), so a build copies the ones whose
content has not changed instead of making them again.
"""

from __future__ import annotations

import hashlib
import shutil
from collections.abc import Iterator, Sequence
from dataclasses import replace
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from ladder import urls
from ladder.files import engine_digest, write_atomic
from ladder.model import Framework, Level
from ladder.wording import words
from ladder.worksheet import KINDS, Request, build, layout, made_on, render, resolve
from ladder.worksheet.document import Worksheet

SITE_FORMATS = urls.SITE_WORKSHEET_FORMATS


def _sheets(framework: Framework) -> Iterator[tuple[Level, str]]:
    """Each (level, kind) the site publishes, in the order they are made: a promotion case is
    left out for a level with nothing above it."""
    for level in framework.levels:
        for kind in KINDS:
            if published(framework, level, kind):
                yield level, kind


def paths(framework: Framework, chosen: Sequence[str]) -> Iterator[str]:
    """The site path of every blank worksheet the site publishes, in the order they are made."""
    for level, kind in _sheets(framework):
        for fmt in chosen:
            yield urls.worksheet(level, kind, fmt)


def _addresses(level: Level, kind: str, fmt: str) -> Iterator[str]:
    """Where the site publishes a level's blank worksheet: under its id, and under each former id
    too, so a link to it from before a rename still opens it (as the level's page does)."""
    for ident in (level.id, *level.aliases):
        yield urls.worksheet(replace(level, id=ident), kind, fmt)


def _blank(framework: Framework, level: Level, kind: str, made: date, site_pages: frozenset[str] | None) -> Worksheet:
    """A blank worksheet: no name, no track chosen; linking only the guides among `site_pages`."""
    return build(replace(resolve(framework, Request(level.id, kind), made), site_pages=site_pages))


def blank_worksheets(
    framework: Framework, chosen: Sequence[str], site_pages: frozenset[str] | None = None
) -> Iterator[tuple[str, bytes]]:
    """(site path, file bytes) of every blank worksheet, dated today (or SOURCE_DATE_EPOCH)."""
    made = made_on(None)
    for level, kind in _sheets(framework):
        worksheet = _blank(framework, level, kind, made, site_pages)
        for fmt in chosen:
            yield urls.worksheet(level, kind, fmt), render(worksheet, fmt)


def cached(
    framework: Framework, chosen: Sequence[str], cache_dir: Path, site_pages: frozenset[str] | None = None
) -> dict[str, Path]:
    """Every blank worksheet as a file in `cache_dir`, by site path; each made only when not there.
    `site_pages`: the page URLs of the site they are published with (see Subject.site_pages).

    A worksheet is kept under a hash of its document (ladder.worksheet.document: everything a
    format renders, the date it was made included), its format and Ladder's own code. Building
    the document is cheap and exact; rendering it is the cost this saves. So after an edit of
    one level, `mkdocs serve` renders only the worksheets that edit changed. Files no worksheet
    of this framework uses any more are removed.
    """
    made = made_on(None)
    folder = cache_dir / "worksheets"
    found: dict[str, Path] = {}
    engine = engine_digest()  # python-docx's version among the rest: it shapes the Word files
    for level, kind in _sheets(framework):
        worksheet = _blank(framework, level, kind, made, site_pages)
        identity = hashlib.sha256(f"{worksheet!r}\n{engine}".encode())
        for fmt in chosen:
            kept = folder / f"{identity.hexdigest()[:24]}.{fmt}"
            if not kept.is_file():
                write_atomic(kept, render(worksheet, fmt), force=True, durable=False)
            for address in _addresses(level, kind, fmt):
                found[address] = kept
    used = set(found.values())
    for stale in folder.iterdir() if folder.is_dir() else ():
        if stale in used:
            continue
        if stale.is_dir() and not stale.is_symlink():  # left by an older Ladder
            shutil.rmtree(stale)
        else:
            stale.unlink(missing_ok=True)
    return found


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
    text = words("common", framework)["site"]
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


@cache
def _maker_template() -> jinja2.Template:
    return layout.environment(autoescape=True).get_template("worksheet_maker.html.j2")


def maker(framework: Framework, chosen: Sequence[str], depth: int) -> str:
    """The form that makes a worksheet with a person's details from the published blank HTML ones;
    nothing when the site publishes no HTML worksheets. `depth`: folders between the page and the root."""
    if "html" not in chosen:
        return ""
    common = words("common", framework)
    kinds_of = {level.id: [kind for kind in KINDS if published(framework, level, kind)] for level in framework.levels}
    html = _maker_template().render(
        text={**common["facts"], **common["maker"]},
        levels=framework.levels,
        kinds=[(kind, common["site"]["kinds"][kind]) for kind in KINDS],
        kinds_of=kinds_of,
        root="../" * depth,
    )
    return "\n".join(line for line in html.splitlines() if line.strip()) + "\n"  # one HTML block for Markdown
