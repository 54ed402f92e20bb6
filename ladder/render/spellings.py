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
from itertools import pairwise

# A heading that starts a search section: Material indexes one entry per heading with an id.
SECTION_START = re.compile(r"<h[1-6]\b[^>]*\bid=")
# Letters joined by hyphens (no digits: "2-3 teams" and "p95-latency" are not words written two ways).
COMPOUND = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)+")
# What may stand around a word in running text: "(on-call)," is the word on-call.
AROUND = "\"'()[]{}.,;:!?*«»\u201c\u201d\u2018\u2019\u2026"  # with curly quotes and the ellipsis
TAG = re.compile(r"<[^>]*>")
# Code and the hidden paragraphs themselves are not prose: their hyphens are not spellings.
NOT_PROSE = re.compile(r"<(code|pre|script|style)\b.*?</\1>", re.DOTALL | re.IGNORECASE)
HIDDEN_CLASS = "ladder-spellings"


def hyphenated(text: str) -> list[str]:
    """The hyphenated words of plain text, in order. Word by word, with str.split: a regular
    expression tried at every letter of a large page cost a thousand-page handbook seconds."""
    found = []
    for token in text.split():
        if "-" in token:
            word = token.strip(AROUND)
            if COMPOUND.fullmatch(word):
                found.append(word)
    return found


def closed_up(text: str) -> list[str]:
    """The closed-up forms of the hyphenated words in plain text, each once, in order of appearance."""
    return list(dict.fromkeys(word.replace("-", "").lower() for word in hyphenated(text)))


def with_spellings(page_html: str) -> str:
    """The page's HTML with, at the end of each section holding hyphenated words, their closed-up forms."""
    if "-" not in page_html:
        return page_html
    starts = [0, *(match.start() for match in SECTION_START.finditer(page_html)), len(page_html)]
    sections = [page_html[start:end] for start, end in pairwise(starts) if end > start]
    for index, section in enumerate(sections):
        words = closed_up(html.unescape(TAG.sub(" ", NOT_PROSE.sub(" ", section))))
        if words:
            sections[index] = f'{section}<p class="{HIDDEN_CLASS}" hidden>{html.escape(" ".join(words))}</p>\n'
    return "".join(sections)
