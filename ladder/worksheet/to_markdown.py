"""A worksheet as Markdown: pastes into any wiki, README or document editor that reads Markdown."""

from __future__ import annotations

import re
from functools import cache
from typing import Any
from urllib.parse import quote

import jinja2
from markupsafe import Markup

from ladder.worksheet import layout
from ladder.worksheet.document import Worksheet
from ladder.worksheet.text import words

# Characters that start Markdown syntax anywhere in a line. Escaping them keeps a name such
# as `<script>` or `*Sam*` as the literal text it is when the Markdown is rendered.
_INLINE = re.compile(r"([\\`*_\[\]<>|~])")
# Characters that start a block (heading, quote, list, numbered list) only at a line's start.
_LINE_START = re.compile(r"^(\s*)([#>+=-]|\d+[.)])")
_ENTITY = re.compile(r"&(?=#?\w+;)")
_BLANK_LINES = re.compile(r"\n{3,}")
_SPACES = re.compile(r"\s+")
# Anything any rule below would change; most text has none of it and is returned as it is.
_NEEDS_WORK = re.compile(r"[\\`*_\[\]<>|~&\n\r\t\f\v]|\s\s|^\s*(?:[#>+=-]|\d+[.)])")


def escape(value: object) -> str:
    """Text made literal in Markdown: inline markers backslash-escaped, block markers too at the start."""
    if isinstance(value, Markup):
        return value
    text = str(value)
    if not _NEEDS_WORK.search(text):
        return text
    text = _SPACES.sub(" ", str(value))  # a newline in a name must not start a new block
    text = _ENTITY.sub("&amp;", _INLINE.sub(r"\\\1", text))
    return _LINE_START.sub(lambda match: match.group(1) + "\\" + match.group(2), text)


def url(value: str) -> Markup:
    """A URL safe inside `(...)` of a Markdown link: spaces and brackets percent-encoded."""
    return Markup(quote(value, safe=":/?#@!$&'*+,;=%-._~"))


@cache
def _template() -> jinja2.Template:
    environment = layout.environment(autoescape=False, finalize=escape, keep_trailing_newline=True)
    environment.filters["url"] = url
    return environment.get_template("worksheet.md.j2")


def render(worksheet: Worksheet) -> str:
    context: dict[str, Any] = {"ws": worksheet, "blank": Markup(words("common")["blank_item"])}
    text = _template().render(context)
    return _BLANK_LINES.sub("\n\n", text).strip() + "\n"
