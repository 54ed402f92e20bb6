"""Other spellings of hyphenated words, for the search index: "on-call" is also found as "oncall".

Material's search splits words at hyphens, both in pages and in what the reader types, so
"on-call" and "on call" already find "on-call"; but "oncall", the same word written closed up,
finds nothing. Each section of a built page (the text from one heading with an id to the next)
that holds a hyphenated word therefore ends with a hidden paragraph listing the closed-up forms.
The search index reads it; readers, screen readers and printouts do not see it.

Under MkDocs it works on the HTML MkDocs has made from a page (a hook), so hand-written guides
gain it as the generated pages do, whatever the framework's words. Zensical runs no hooks, so
`ladder render --config` writes the same paragraphs into the Markdown of every page it writes
(`markdown_with_spellings`), and Zensical's search indexes them as Material's does.
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
# Markdown: a heading starts a section; fenced code, inline code, link targets, HTML tags and
# attribute lists (`{ #id .ladder-level }`, `{: .ladder-summary }`: class names) are not prose.
MARKDOWN_HEADING = re.compile(r"#{1,6}(?:\s|$)")
FENCE = re.compile(r"\s*(`{3,}|~{3,})")
MARKDOWN_NOT_PROSE = re.compile(r"`[^`]*`|\]\([^)]*\)|<[^>]*>|\{(?::|\s*[#.])[^}\n]*\}")


def hyphenated(text: str) -> list[str]:
    """The hyphenated words of plain text, in order. Word by word, with str.split: a regular
    expression tried at every letter of a large page cost a thousand-page handbook seconds."""
    if "-" not in text:  # most sections of most pages: nothing to split
        return []
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
            sections[index] = f"{section}{_hidden(words)}\n"
    return "".join(sections)


def _hidden(words: list[str]) -> str:
    return f'<p class="{HIDDEN_CLASS}" hidden>{html.escape(" ".join(words))}</p>'


def markdown_with_spellings(markdown: str) -> str:
    """The Markdown page with the same hidden paragraph at the end of each section holding
    hyphenated words, as a raw HTML block (front matter and fenced code are left as they are)."""
    if "-" not in markdown:
        return markdown
    front = ""
    if markdown.startswith("---\n"):
        end = markdown.find("\n---\n", 3)
        if end != -1:
            front, markdown = markdown[: end + 5], markdown[end + 5 :]
    sections: list[tuple[list[str], list[str]]] = [([], [])]  # (lines, their prose)
    fence = ""
    for line in markdown.splitlines(keepends=True):
        opening = FENCE.match(line)
        if fence:
            fence = "" if opening and opening.group(1).startswith(fence) else fence
        elif opening:
            fence = opening.group(1)
        elif MARKDOWN_HEADING.match(line) and sections[-1][0]:
            sections.append(([], []))
        lines, prose = sections[-1]
        lines.append(line)
        if not fence and not opening:
            prose.append(line)
    written = [front]
    for lines, prose in sections:
        text = "".join(lines)
        words = closed_up(html.unescape(MARKDOWN_NOT_PROSE.sub(" ", "".join(prose))))
        written.append(f"{text.rstrip()}\n\n{_hidden(words)}\n\n" if words else text)
    return "".join(written)
