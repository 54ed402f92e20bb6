"""Where every item lives in the handbook: the one place URLs and anchors are decided.

The site, worksheets and exports all link through these functions, so a link written
into feedback, a worksheet or a spreadsheet always matches the page that was built.
URLs and anchors come from ids only, never from titles, so renaming a title breaks
nothing. Anchors that are not ids contain "--", which no id may contain, so the two
can never collide.
"""

from __future__ import annotations

import posixpath
from functools import lru_cache
from typing import Literal

from ladder.model import Dimension, Example, Level, LevelStatement, Standard, Statement, Track

WorksheetKind = Literal["expectations", "onboarding", "promotion", "pip"]
WORKSHEET_KINDS: tuple[WorksheetKind, ...] = ("expectations", "onboarding", "promotion", "pip")
WorksheetFormat = Literal["md", "html", "docx"]
WORKSHEET_FORMATS: tuple[WorksheetFormat, ...] = ("md", "html", "docx")
# The formats the site can publish, in the order it offers them. A Markdown worksheet cannot be one:
# MkDocs would build a .md file as a page; `ladder worksheet --format md` makes one.
SITE_WORKSHEET_FORMATS: tuple[WorksheetFormat, ...] = ("html", "docx")

HOME = ""
LEVELS = "levels/"
DIMENSIONS = "dimensions/"
STANDARDS = "standards/"
EXAMPLES = "examples/"
COMPARE = "compare/"
ASSESS = "assess/"  # where an engineer marks each statement of their level and the next
CHANGES = "changes/"
WORKSHEETS = "worksheets/"
SAMPLE_ROSTER = "samples/roster.csv"  # a roster to start from, made from the framework's own levels

Item = Track | Level | LevelStatement | Dimension | Standard | Statement | Example


def page(item: Item) -> str:
    """The page (a directory URL relative to the site root) that holds the item."""
    if isinstance(item, Track):
        return LEVELS
    if isinstance(item, Level):
        return f"{LEVELS}{item.id}/"
    if isinstance(item, LevelStatement):
        return f"{LEVELS}{item.level}/"
    if isinstance(item, Dimension):
        return f"{DIMENSIONS}{item.id}/"
    if isinstance(item, Standard):
        return f"{STANDARDS}{item.id}/"
    if isinstance(item, Statement):
        return f"{STANDARDS}{item.standard}/"
    if isinstance(item, Example):
        return f"{EXAMPLES}{item.id}/"
    raise TypeError(f"no page for {item!r}")


def anchor(item: Item) -> str | None:
    """The fragment that points at the item on its page, or None when the item is the page."""
    if isinstance(item, (Track, Statement)):
        return item.id
    if isinstance(item, LevelStatement):
        return item.anchor
    return None


def url(item: Item) -> str:
    """Site-relative URL of the item: page plus anchor."""
    fragment = anchor(item)
    return page(item) + (f"#{fragment}" if fragment else "")


def cell(level: Level, dimension: Dimension | str) -> str:
    """The section of a level page about one dimension."""
    ident = dimension if isinstance(dimension, str) else dimension.id
    return f"{page(level)}#{ident}"


def worksheet(level: Level, kind: str, fmt: str) -> str:
    """The blank worksheet of a kind for a level, built with the site."""
    return f"{WORKSHEETS}{level.id}/{kind}.{fmt}"


def absolute(site_url: str, relative: str) -> str:
    """An absolute URL under the framework's site_url, e.g. for worksheets pasted elsewhere."""
    return site_url.rstrip("/") + "/" + relative.lstrip("/")


def from_page(current_page: str, target: str) -> str:
    """A relative link from one site-relative page URL to another, as MkDocs pages need."""
    depth = current_page.count("/") if current_page else 0
    return "../" * depth + target if target or depth else "./"


@lru_cache(maxsize=65536)
def source(target: str) -> str:
    """The Markdown source of a page URL, keeping any query and anchor, as Ladder lays out its pages.

    The home page is `index.md`, a section (`levels/`) is `levels/index.md`, and a page inside it
    (`levels/senior/`) is `levels/senior.md`. A URL that is a file (a worksheet) stays as it is.
    """
    path, hash_, fragment = target.partition("#")
    path, question, query = path.partition("?")
    if not path:
        path = "index.md"
    elif path.endswith("/"):
        folder = path.rstrip("/")
        path = f"{folder}/index.md" if "/" not in folder else f"{folder}.md"
    return path + question + query + hash_ + fragment


def page_url(current_source: str) -> str:
    """The page URL a Markdown source is published at (the inverse of `source`): `levels/senior.md`
    is `levels/senior/`, `levels/index.md` is `levels/`, `index.md` is the home page."""
    page = current_source.removesuffix(".md")
    if page == "index" or page.endswith("/index"):
        page = page.removesuffix("index")
    return page + "/" if page and not page.endswith("/") else page


@lru_cache(maxsize=65536)  # pages link the same places over and over
def link_from(current_source: str, target: str) -> str:
    """A relative link from one Markdown source (`levels/senior.md`) to a site URL, written as the
    `.md` path that MkDocs resolves and checks (`../standards/ownership.md#ownership-closes-the-loop`)."""
    destination = source(target)
    here = posixpath.dirname(current_source)
    if here and destination.startswith(here + "/"):
        return destination[len(here) + 1 :]
    return "../" * current_source.count("/") + destination
