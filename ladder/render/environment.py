"""The Jinja environment that lays out generated pages, and the link helpers its templates use.

YAML text only ever arrives in a template as a *value*, and reaches the page through
ladder.render.text: `finalize` shows every plain string as the literal text it is
(`text.name`), and prose fields go through the `prose` filter (`{{ level.summary | prose }}`),
which renders their inline Markdown safely. Values the code builds itself (links, attribute
lists) are `Markup` and go into the page as they are. So text is safe by default: a template
that forgets the filter shows Markdown characters, never HTML.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import Any
from urllib.parse import quote

from jinja2 import Environment, FileSystemBytecodeCache, PackageLoader, StrictUndefined, pass_context
from jinja2.runtime import Context
from markupsafe import Markup

from ladder import urls
from ladder.model import Dimension, Framework, Level, LevelStatement
from ladder.render import text, titles

# A label for the table of contents may hold only words and plain punctuation: Python-Markdown reads
# a heading's attribute list as Markdown before it reads it as attributes, so a bracket or a quote in
# it could end the list early or make a link of the rest.
TOC_LABEL = re.compile(r"[\w .,;:?!…-]+")


def _finalize(value: Any) -> Any:
    if isinstance(value, str) and not isinstance(value, Markup):
        return text.name(value)
    return value


@pass_context
def _prose(context: Context, value: str) -> Markup:
    """Prose with its inline Markdown, for the page being rendered (its links inside the handbook
    are made relative to that page)."""
    links: Links = context["links"]
    return _prose_at(value, links.depth)


@pass_context
def _statement(context: Context, value: str) -> Markup:
    """A level's statement, which may hold a list (see text.statement); for a list item."""
    links: Links = context["links"]
    return _statement_at(value, links.depth)


@lru_cache(maxsize=65536)  # the same statement on the same kind of page: made once
def _prose_at(value: str, depth: int) -> Markup:
    return text.relative_links(text.prose(value), depth)


@lru_cache(maxsize=65536)
def _statement_at(value: str, depth: int) -> Markup:
    return text.relative_links(text.statement(value), depth)


@cache
def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("ladder", "templates"),
        # Compiled templates are kept (in Jinja's folder under the temp directory, checked against
        # each template's source) like Python's own .pyc files, so a build does not recompile them.
        bytecode_cache=FileSystemBytecodeCache(),
        auto_reload=False,  # Ladder's own templates: no need to look at their files on every page
        autoescape=True,  # with finalize above: Markdown escaping for text, nothing for Markup
        finalize=_finalize,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.globals.update(
        urls=urls, heading=heading, block=block, alias_anchors=alias_anchors, statement_anchor=statement_anchor
    )
    env.filters["prose"] = _prose
    env.filters["statement"] = _statement
    env.filters["plain"] = text.plain
    return env


@dataclass(frozen=True)
class Links:
    """Links from one generated page (its Markdown source path) to anything in the handbook."""

    framework: Framework
    source: str
    depth: int = field(init=False)  # folders between the page's URL and the site root

    def __post_init__(self) -> None:
        object.__setattr__(self, "depth", urls.page_url(self.source).count("/"))

    def href(self, target: str) -> Markup:
        """A relative `.md` link to a site URL (`levels/senior/#scope-of-impact`)."""
        return Markup(urls.link_from(self.source, target))

    def to(self, item: urls.Item, text: str | None = None) -> Markup:
        """`[title](relative link)` to an item, titled with its own name unless told otherwise."""
        return self.markdown(text if text is not None else titles.title(self.framework, item), urls.url(item))

    def cell(self, level: Level, dimension: Dimension, text: str | None = None) -> Markup:
        label = text if text is not None else titles.cell_title(level, dimension)
        return self.markdown(label, urls.cell(level, dimension))

    def markdown(self, label: str, target: str) -> Markup:
        return Markup(f"[{text.name(label)}]({self.href(target)})")

    def file(self, label: str, target: str) -> Markup:
        """A link to a file the site publishes as it is (a worksheet), not to a page."""
        return Markup(f"[{text.name(label)}]({'../' * self.source.count('/')}{target})")


# Percent-encoding for text that is all ASCII (nearly every citation): one str.translate in C,
# where urllib's quote goes byte by byte in Python. Letters, digits and `-.` stay as they are.
# Every ASCII character has an entry, those that stay too: a character missing from the table
# costs str.translate a failed lookup, which doubles its time.
_ASCII_PERCENT = {
    code: char if char.isalnum() or char in "-." else f"%{code:02X}" for code, char in enumerate(map(chr, range(128)))
}


@lru_cache(maxsize=65536)
def attribute(value: str) -> str:
    """A value for a Markdown attribute list, which cannot hold quotes, braces or spaces safely.

    Percent-encoded; the page's script decodes it. Letters, digits and `-.` stay readable.
    """
    if value.isascii():
        return value.translate(_ASCII_PERCENT)
    return quote(value, safe="").replace("_", "%5F").replace("~", "%7E")


def alias_anchors(former: tuple[str, ...]) -> Markup:
    """Extra anchors for an item's former ids, so old links land in the same place (and the
    stylesheet marks the statement one of them names, as it marks the statement's own)."""
    return Markup("".join(f'<a class="ladder-alias" id="{alias}"></a>' for alias in former))


def statement_anchor(statement: LevelStatement, cite: str | None = None, places: tuple[str, ...] = ()) -> Markup:
    """An anchor where a level's statement starts (its id, or its dimension and place), with one
    for each former id: a link can name exactly this statement. With `cite`, the page's script
    gives the statement a Copy link control.

    `places`: the places (`<dimension>--<n>`) the statement also answers to, in a list where every
    statement has an id (ladder.places), so a link made before the list had ids still lands on
    the statement it was made for."""
    data = f' data-cite="{attribute(cite)}"' if cite is not None else ""
    extra = alias_anchors((*statement.aliases, *places))
    return Markup(f'<span class="ladder-anchor" id="{statement.anchor}"{data}></span>{extra}')


def block(ident: str, *classes: str) -> Markup:
    """The attribute list written on the line after a paragraph: its id and classes."""
    return Markup(f"{{: {' '.join([f'#{ident}', *(f'.{name}' for name in classes)])} }}")


def heading(
    ident: str,
    *classes: str,
    cite: str | None = None,
    aliases: tuple[str, ...] = (),
    toc: str | None = None,
    searched: bool = True,
) -> Markup:
    """The attribute list that ends a heading: its id (the anchor), classes and copy-link data.

    Former ids become extra anchors on the same heading, so old links land in the same place.
    `toc` is a shorter label for the table of contents (a statement's first words). With
    `searched=False` the section stays out of the search index (Material's search skips a
    section whose heading says `data-search-exclude`): one that repeats another page's text,
    so that the page that defines the text ranks first.
    """
    parts = [f"#{ident}", *(f".{name}" for name in classes)]
    if not searched:
        parts.append("data-search-exclude")
    if cite is not None:
        parts.append(f'data-cite="{attribute(cite)}"')
    label = text.excerpt(toc, 6) if toc is not None else ""
    if label and TOC_LABEL.fullmatch(label):  # otherwise the contents show the whole heading
        parts.append(f'data-toc-label="{label}"')
    attributes = f"{{ {' '.join(parts)} }}"
    return Markup(f"{alias_anchors(aliases)} {attributes}" if aliases else attributes)
