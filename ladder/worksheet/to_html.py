"""A worksheet as one self-contained, printable HTML page (templates/worksheet.html.j2 and worksheet.css)."""

from __future__ import annotations

import base64
import hashlib
import re
from functools import cache, lru_cache
from importlib import resources

import jinja2
from markupsafe import Markup, escape

from ladder.worksheet import layout
from ladder.worksheet.document import Block, Inline, Section, Worksheet, plain_text

_BLANK_LINES = re.compile(r"\n\s*\n+")


def inline(content: Inline) -> Markup:
    """A run of spans as HTML: each text escaped; links, bold and checkboxes as their elements.
    (A Python function rather than a template macro: it is called thousands of times a build.)"""
    parts = []
    for span in content:
        text = str(escape(span.text))
        if span.box:
            ticked = " checked" if span.checked else ""
            parts.append(f'<label class="choice"><input type="checkbox"{ticked}> {text}</label>')
            continue
        if span.strong:
            text = f"<strong>{text}</strong>"
        parts.append(f'<a href="{escape(span.url)}">{text}</a>' if span.url else text)
    return Markup("".join(parts))


@cache
def _templates() -> tuple[jinja2.Template, jinja2.Template]:
    """The page (worksheet.html.j2) and one block of it (worksheet_block.html.j2)."""
    environment = layout.environment(autoescape=True)
    environment.globals["html_inline"] = inline
    environment.globals["plain_text"] = plain_text
    environment.globals["block"] = block
    return environment.get_template("worksheet.html.j2"), environment.get_template("worksheet_block.html.j2")


# The same blocks recur from worksheet to worksheet: the guidance is the same on every level's, and a
# level's dimensions appear in each of its kinds. In a site's blank worksheets about one block in six
# is new, so each distinct block is laid out once (blocks are frozen, so equal blocks give equal HTML).
@lru_cache(maxsize=16384)
def block(content: Block | Section, blank_label: str) -> Markup:
    """One block as HTML, a section with the blocks inside it; `blank_label` names a blank line to
    screen readers."""
    return Markup(_templates()[1].render(b=content, blank_label=blank_label))


@cache
def _script() -> tuple[Markup, str]:
    """worksheet.js, and its hash for the Content-Security-Policy (the one script the page may run)."""
    source = resources.files("ladder.worksheet").joinpath("templates", "worksheet.js").read_text(encoding="utf-8")
    source = _BLANK_LINES.sub("\n", source)  # as render() leaves it: the hash must match the page's bytes
    digest = base64.b64encode(hashlib.sha256(source.encode("utf-8")).digest()).decode("ascii")
    return Markup(source), f"sha256-{digest}"


def _screen_words(worksheet: Worksheet) -> dict[str, str]:
    """The words the worksheet's script shows (the template writes them with Jinja's `tojson`,
    which escapes what could end the <script> element they sit in)."""
    growth = worksheet.common["growth"]
    return {
        **worksheet.common["on_screen"],
        "assessed": growth["assessed"],
        "assessed_joiner": growth["assessed_joiner"],
    }


def render(worksheet: Worksheet) -> str:
    script, script_hash = _script()
    html = _templates()[0].render(
        ws=worksheet,
        blank_label=worksheet.common["blank_line"],
        script=script,
        script_hash=script_hash,
        screen_words=_screen_words(worksheet),
    )
    return _BLANK_LINES.sub("\n", html).strip() + "\n"
