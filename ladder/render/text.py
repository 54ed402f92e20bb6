"""YAML text on its one way into a page: parsed as CommonMark, sanitized, then made inert for Markdown.

A framework repository takes pull requests from a whole organisation, and its handbook is
published on the organisation's own domain, so no text from the YAML may ever act as HTML,
script or template. Two kinds of text reach pages:

- Prose (summaries, statements, scenarios, key steps...; `PROSE_FIELDS`) may use inline
  Markdown: emphasis, code, links. It is parsed by a CommonMark parser (markdown-it-py)
  with raw HTML off, images off and a link allow-list (http, https, mailto, and paths
  inside the handbook, written from its root). Each text is parsed on its own, so a
  reference definition (`[a]: ...`) in one statement never turns text in another into a
  link: reference links simply stay text. The HTML is then cleaned by an allow-list
  sanitizer (nh3, bindings to Rust's ammonia), which keeps only `a`, `em`, `strong` and
  `code` and the `href` of a link.
- Names (titles, codes, names of tracks and standards, the organisation) are plain text:
  shown exactly as typed, never interpreted.

Either way the result is HTML that goes inside a Markdown page, which Python-Markdown reads
once more; so every character Markdown (or a common extension) would act on is escaped in
the text between the tags. The browser then shows exactly the characters the author typed.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import TYPE_CHECKING

import nh3
from markupsafe import Markup, escape

if TYPE_CHECKING:
    from markdown_it import MarkdownIt

ALLOWED_TAGS = {"a", "code", "em", "strong"}
ALLOWED_ATTRIBUTES = {"a": {"href"}}
LINK_SCHEMES = ("http", "https", "mailto")
# A scheme, as a browser would read one: letters first, then letters, digits, + - .
SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:", re.IGNORECASE)

# Characters Markdown acts on wherever they stand: Python-Markdown turns a backslash before one of
# these into the character itself. `(` and `!` act only beside `[` and `]`, escaped already.
BACKSLASHED = frozenset("\\`*_{}[]#")
# Characters that common extensions act on (tables, pymdownx's tilde, caret and mark): entities.
AS_ENTITY = frozenset("|~^=")
ESCAPES = {ord(char): "\\" + char for char in BACKSLASHED} | {ord(char): f"&#{ord(char)};" for char in AS_ENTITY}
# At the very start of a line, a list marker: "- ", "+ ", "1. ", "2) ".
LIST_MARKER = re.compile(r"^(?:[-+]|\d+[.)])")
TAG_OR_TEXT = re.compile(r"(<[^>]*>)")
ENTITY_LIKE = re.compile(r"&(?=#?\w+;)")
# Anything `literal` would change: a character it escapes, or a list marker at the start.
LITERAL_WORK = re.compile(r"[\\`*_{}\[\]#<>&|~^=]|^(?:[-+]|\d+[.)])")
# Characters without which CommonMark's inline rules find nothing to do: emphasis, code, links,
# autolinks, entities, backslash escapes.
INLINE_MARKUP = re.compile(r"[*_`\[\]<>&\\]")
WHITESPACE = re.compile(r"\s+")


def _is_allowed(url: str) -> bool:
    """http, https and mailto links, and paths inside the handbook (no scheme of any kind)."""
    target = url.strip()
    scheme = SCHEME.match(target)
    if scheme is not None:
        return scheme.group(0)[:-1].lower() in LINK_SCHEMES
    head = re.split(r"[/?#]", target, maxsplit=1)[0]
    return ":" not in head and not target.startswith("//")  # no hidden scheme, no other host


@cache
def parser() -> MarkdownIt:
    """The CommonMark parser, made on first use: most text has no inline markup (see `prose`), and a
    framework with none at all never loads markdown-it."""
    from markdown_it import MarkdownIt

    made = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
    made.disable(["image", "html_inline"])  # an image would fetch from wherever it points
    made.validateLink = _is_allowed  # type: ignore[method-assign]
    return made


def one_line(value: str) -> str:
    """The text with every run of whitespace (YAML block scalars' line breaks too) as one space."""
    return " ".join(value.split())  # str.split() splits at what `\s` matches, and is quicker


@lru_cache(maxsize=65536)  # a statement appears on several pages: parse it once per build
def prose(value: str) -> Markup:
    """Prose as sanitized HTML, ready to place in a Markdown page (see the module's docstring)."""
    if not INLINE_MARKUP.search(value):  # most text: CommonMark would give it back as it is
        return name(value)
    rendered = parser().renderInline(one_line(value))
    clean = nh3.clean(rendered, tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES, url_schemes=set(LINK_SCHEMES))
    return Markup(_inert(clean))


# A line of a multi-line text that starts a list item: "1. ", "2) ", "- ", "* ", "+ ".
LIST_LINE = re.compile(r"\n[ \t]*(?:\d{1,9}[.)]|[-*+])[ \t]")
LIST_TAGS = ALLOWED_TAGS | {"ol", "ul", "li", "p"}
LIST_ATTRIBUTES = ALLOWED_ATTRIBUTES | {"ol": {"start"}}
BETWEEN_TAGS = re.compile(r">\s*\n\s*<")
PARAGRAPH_TAG = re.compile(r"</?p>")


@lru_cache(maxsize=65536)
def statement(value: str) -> Markup:
    """A level's statement, which may hold a list (a competency's numbered steps): prose, plus
    `ol`/`ul`/`li`, on one line so it stays inside the list item or table cell it is placed in.
    Text before the list stays as a line of text (its paragraph tags are dropped)."""
    if not LIST_LINE.search(value):
        return prose(value)
    rendered = BETWEEN_TAGS.sub("><", parser().render(value.strip()))
    clean = nh3.clean(rendered, tags=LIST_TAGS, attributes=LIST_ATTRIBUTES, url_schemes=set(LINK_SCHEMES))
    return Markup(_inert(one_line(PARAGRAPH_TAG.sub(" ", clean.replace("</p><p>", " ")))))


@lru_cache(maxsize=65536)
def name(value: str) -> Markup:
    """A plain-text field (a title, a code, a name), escaped for HTML and for Markdown."""
    if isinstance(value, Markup):  # made safe already (a macro's argument, say)
        return value
    return Markup(literal(one_line(value)))


def literal(value: str) -> str:
    """Text as Markdown that shows exactly these characters, both in Python-Markdown (the handbook's
    pages) and in any CommonMark reader (a Markdown worksheet pasted into a wiki): `<` and `>` as
    entities, `&` too where it would start one, Markdown's own characters escaped."""
    if not LITERAL_WORK.search(value):  # most text: nothing to escape
        return value
    return _inert(ENTITY_LIKE.sub("&amp;", value).replace("<", "&lt;").replace(">", "&gt;"))


def _inert(markup: str) -> str:
    """HTML whose text Python-Markdown will leave as it is: its Markdown characters escaped.

    `markup` is sanitizer output or escaped text: `<` only ever starts a tag and attribute values
    hold no `>` (links are percent-encoded), so tags and text can be told apart by `<...>`.
    """
    parts = TAG_OR_TEXT.split(markup)
    for index in range(0, len(parts), 2):  # even parts are text between tags
        parts[index] = parts[index].translate(ESCAPES)
    # Text placed at the start of a line (a summary's paragraph) must not begin a list.
    parts[0] = LIST_MARKER.sub(lambda marker: marker.group(0)[:-1] + "\\" + marker.group(0)[-1], parts[0])
    return "".join(parts)


def relative_links(markup: str, depth: int) -> Markup:
    """Prose HTML for a page `depth` folders below the site root: links to paths inside the
    handbook are written from its root in the YAML, so each page prefixes them with `../`s."""
    if 'href="' not in markup:
        return Markup(markup)
    return Markup(INSIDE_LINK.sub(lambda match: match.group(1) + "../" * depth, markup))


# An href that is a path inside the handbook: not a scheme, not a fragment of the same page.
INSIDE_LINK = re.compile(r'(<a href=")(?![a-z][a-z0-9+.-]*:|#)/*', re.IGNORECASE)


def plain(value: str) -> str:
    """The text a reader sees, without markup: for link titles, labels and search excerpts."""
    return "".join(words for words, _, _ in runs(value))


Run = tuple[str, str | None, bool]  # words, the link they are (None: no link), bold


@lru_cache(maxsize=65536)  # a statement is in many worksheets: parse it once
def runs(value: str) -> tuple[Run, ...]:
    """Prose as runs of words, for formats that are not HTML (worksheets): parsed by the same parser
    with the same link allow-list; bold and links kept, other markup shown as its words."""
    if not INLINE_MARKUP.search(value):
        return ((one_line(value), None, False),)
    found: list[Run] = []
    strong, href = 0, None
    tokens = parser().parseInline(one_line(value))
    for token in tokens[0].children or [] if tokens else []:
        if token.type == "strong_open":
            strong += 1
        elif token.type == "strong_close":
            strong -= 1
        elif token.type == "link_open":
            href = str(token.attrs.get("href", ""))
        elif token.type == "link_close":
            href = None
        elif token.type in ("text", "code_inline"):
            found.append((token.content, href, strong > 0))
        elif token.type in ("softbreak", "hardbreak"):
            found.append((" ", href, strong > 0))
    return tuple(found)


def excerpt(value: str, words: int = 8) -> str:
    """The first few words of a text, with an ellipsis when there is more."""
    parts = plain(value).split()
    if len(parts) <= words:
        return " ".join(parts)
    return " ".join(parts[:words]).rstrip(",;:.") + "…"


def nav_title(value: str) -> str:
    """A navigation title from a plain-text field: MkDocs and Material print it as HTML, so it is escaped."""
    return str(escape(one_line(value)))
