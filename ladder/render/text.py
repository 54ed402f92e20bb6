"""Text from YAML, made safe to place in a Markdown page, and shortened for link titles.

The schema allows inline Markdown in YAML text (emphasis, code, links), so it is not escaped
wholesale. What it must never do is act: raw HTML (`<script>`), attribute lists
(`{: onclick=...}`), images that fetch from other hosts, `javascript:` links. Those are
shown as the characters the author typed. Template syntax (`{{ }}`, `{% %}`) needs nothing
here: generated pages never pass through Jinja as source.
"""

from __future__ import annotations

import re
from urllib.parse import quote

WHITESPACE = re.compile(r"\s+")
CODE_SPAN = re.compile(r"(`+)(.+?)(?<!`)\1(?!`)")
# A Markdown link or image destination whose scheme is not one a browser only navigates to.
UNSAFE_LINK = re.compile(r"\]\(\s*<?(?!(?:https?|mailto):)[a-zA-Z][a-zA-Z0-9+.-]*:")
MARKUP = re.compile(r"[*_`]|\\(?=[^\w\s])")
LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")


def markdown_text(value: str) -> str:
    """YAML text as one line of inline Markdown that displays what the author wrote.

    Whitespace runs (the line breaks of YAML block scalars too) become one space, so the
    text can sit in a list item or heading. `&`, `<`, `>` become entities and braces are escaped,
    except inside code spans, which Markdown already shows literally.
    """
    value = WHITESPACE.sub(" ", value.strip("\n"))
    pieces: list[str] = []
    position = 0
    for match in CODE_SPAN.finditer(value):
        pieces += [_neutralise(value[position : match.start()]), match.group(0)]
        position = match.end()
    pieces.append(_neutralise(value[position:]))
    return "".join(pieces)


def _neutralise(prose: str) -> str:
    prose = prose.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    prose = prose.replace("{", "\\{").replace("}", "\\}")
    prose = prose.replace("![", "!\\[")  # images would fetch from wherever they point
    return UNSAFE_LINK.sub(lambda match: "\\" + match.group(0), prose)


def plain(value: str) -> str:
    """YAML text without its inline Markdown, for titles, labels and attributes."""
    value = LINK.sub(lambda match: match.group(1), " ".join(value.split()))
    return MARKUP.sub("", value)


def excerpt(value: str, words: int = 8) -> str:
    """The first few words of a text, with an ellipsis when there is more."""
    parts = plain(value).split()
    if len(parts) <= words:
        return " ".join(parts)
    return " ".join(parts[:words]).rstrip(",;:.") + "…"


def link_text(value: str) -> str:
    """Plain text made safe as the text of a Markdown link."""
    return markdown_text(value).replace("[", "\\[").replace("]", "\\]")


def attribute(value: str) -> str:
    """A value for a Markdown attribute list, which cannot hold quotes, braces or spaces safely.

    Percent-encoded; the page's script decodes it. Letters, digits and `-.` stay readable.
    """
    return quote(value, safe="").replace("_", "%5F").replace("~", "%7E")
