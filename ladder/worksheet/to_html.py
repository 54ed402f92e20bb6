"""A worksheet as one self-contained, printable HTML page (templates/worksheet.html.j2 and worksheet.css)."""

from __future__ import annotations

import re
from functools import cache

import jinja2
from markupsafe import Markup, escape

from ladder.worksheet import layout
from ladder.worksheet.document import Inline, Worksheet
from ladder.worksheet.text import words

_BLANK_LINES = re.compile(r"\n\s*\n+")


def inline(content: Inline) -> Markup:
    """A run of spans as HTML: each text escaped; links, bold and checkboxes as their elements.
    (A Python function rather than a template macro: it is called thousands of times a build.)"""
    parts = []
    for span in content:
        text = str(escape(span.text))
        if span.box:
            parts.append(f'<label class="choice"><input type="checkbox"> {text}</label>')
            continue
        if span.strong:
            text = f"<strong>{text}</strong>"
        parts.append(f'<a href="{escape(span.url)}">{text}</a>' if span.url else text)
    return Markup("".join(parts))


@cache
def _template() -> jinja2.Template:
    environment = layout.environment(autoescape=True)
    environment.globals["html_inline"] = inline
    return environment.get_template("worksheet.html.j2")


def render(worksheet: Worksheet) -> str:
    html = _template().render(ws=worksheet, blank_label=words("common")["blank_line"])
    return _BLANK_LINES.sub("\n", html).strip() + "\n"
