"""A worksheet as Markdown: pastes into any wiki, README or document editor that reads Markdown."""

from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import Any
from urllib.parse import quote

import jinja2
from markupsafe import Markup

from ladder.render.text import WHITESPACE, literal
from ladder.worksheet import layout
from ladder.worksheet.document import Block, Inline, Section, Worksheet

_BLANK_LINES = re.compile(r"\n{3,}")


def escape(value: object) -> str:
    """Text made literal in Markdown (one line: a newline in a name must not start a new block)."""
    if isinstance(value, Markup):
        return value
    return literal(WHITESPACE.sub(" ", str(value)))


def url(value: str) -> Markup:
    """A URL safe inside `(...)` of a Markdown link: spaces and brackets percent-encoded."""
    return Markup(quote(value, safe=":/?#@!$&'*+,;=%-._~"))


def inline(content: Inline) -> Markup:
    """A run of spans as Markdown: text escaped; links, bold and checkboxes written as Markdown.
    (A Python function rather than a template macro: it is called thousands of times a roster.)"""
    parts = []
    for index, span in enumerate(content):
        text = escape(span.text)
        if span.box:
            parts.append(f"{'☒' if span.checked else '☐'} {text}" + (" " if index < len(content) - 1 else ""))
            continue
        if span.strong:
            text = f"**{text}**"
        parts.append(f"[{text}]({url(span.url)})" if span.url else text)
    return Markup("".join(parts))


@cache
def _templates() -> tuple[jinja2.Template, jinja2.Template]:
    """The worksheet (worksheet.md.j2) and one block of it (worksheet_block.md.j2)."""
    environment = layout.environment(autoescape=False, finalize=escape, keep_trailing_newline=True)
    environment.filters["url"] = url
    environment.globals["md_inline"] = inline
    environment.globals["block"] = block
    return environment.get_template("worksheet.md.j2"), environment.get_template("worksheet_block.md.j2")


@lru_cache(maxsize=16384)  # the same blocks recur from worksheet to worksheet: see to_html.block
def block(content: Block | Section, blank: Markup) -> Markup:
    """One block as Markdown, a section with the blocks inside it; `blank` is a line to write on."""
    return Markup(_templates()[1].render(b=content, blank=blank))


def render(worksheet: Worksheet) -> str:
    context: dict[str, Any] = {"ws": worksheet, "blank": Markup(worksheet.common["blank_item"])}
    text = _templates()[0].render(context)
    return _BLANK_LINES.sub("\n\n", text).strip() + "\n"
