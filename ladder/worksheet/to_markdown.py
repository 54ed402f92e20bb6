"""A worksheet as Markdown: pastes into any wiki, README or document editor that reads Markdown."""

from __future__ import annotations

import re
from functools import cache
from typing import Any
from urllib.parse import quote

import jinja2
from markupsafe import Markup

from ladder.render.text import WHITESPACE, literal
from ladder.worksheet import layout
from ladder.worksheet.document import Worksheet
from ladder.worksheet.text import words

_BLANK_LINES = re.compile(r"\n{3,}")


def escape(value: object) -> str:
    """Text made literal in Markdown (one line: a newline in a name must not start a new block)."""
    if isinstance(value, Markup):
        return value
    return literal(WHITESPACE.sub(" ", str(value)))


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
