"""A worksheet as one self-contained, printable HTML page (templates/worksheet.html.j2 and worksheet.css)."""

from __future__ import annotations

import re
from functools import cache

import jinja2

from ladder.worksheet import layout
from ladder.worksheet.document import Worksheet
from ladder.worksheet.text import words

_BLANK_LINES = re.compile(r"\n\s*\n+")


@cache
def _template() -> jinja2.Template:
    environment = layout.environment(autoescape=True)
    return environment.get_template("worksheet.html.j2")


def render(worksheet: Worksheet) -> str:
    html = _template().render(ws=worksheet, blank_label=words("common")["blank_line"])
    return _BLANK_LINES.sub("\n", html).strip() + "\n"
