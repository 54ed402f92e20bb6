"""Other spellings of hyphenated words, for the search index: "on-call" is also found as "oncall".

Material's search splits words at hyphens, both in pages and in what the reader types, so
"on-call" and "on call" already find "on-call"; but "oncall", the same word written closed up,
finds nothing. Each section of a built page (the text from one heading with an id to the next)
that holds a hyphenated word therefore ends with a hidden paragraph listing the closed-up forms.
The search index reads it; readers, screen readers and printouts do not see it.

It works on the HTML MkDocs has made from a page, so hand-written guides gain it as the
generated pages do, whatever the framework's words.
"""

from __future__ import annotations

import html
import re

# A heading that starts a search section: Material indexes one entry per heading with an id.
SECTION_START = re.compile(r"(?=<h[1-6]\b[^>]*\bid=)")
# Letters joined by hyphens (no digits: "2-3 teams" and "p95-latency" are not words written two ways).
HYPHENATED = re.compile(r"(?<![\w-])[^\W\d_]+(?:-[^\W\d_]+)+(?![\w-])")
TAG = re.compile(r"<[^>]*>")
# Code and the hidden paragraphs themselves are not prose: their hyphens are not spellings.
NOT_PROSE = re.compile(r"<(code|pre|script|style)\b.*?</\1>", re.DOTALL | re.IGNORECASE)
HIDDEN_CLASS = "ladder-spellings"


def closed_up(text: str) -> list[str]:
    """The closed-up forms of the hyphenated words in plain text, each once, in order of appearance."""
    forms = (word.replace("-", "").lower() for word in HYPHENATED.findall(text))
    return list(dict.fromkeys(forms))


def with_spellings(page_html: str) -> str:
    """The page's HTML with, at the end of each section holding hyphenated words, their closed-up forms."""
    if "-" not in page_html:
        return page_html
    sections = SECTION_START.split(page_html)
    for index, section in enumerate(sections):
        words = closed_up(html.unescape(TAG.sub(" ", NOT_PROSE.sub(" ", section))))
        if words:
            sections[index] = f'{section}<p class="{HIDDEN_CLASS}" hidden>{html.escape(" ".join(words))}</p>\n'
    return "".join(sections)
