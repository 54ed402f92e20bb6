"""A worksheet as plain, format-neutral data: what the Markdown, HTML and DOCX renderers lay out.

The content builders decide *what* a worksheet says; the renderers decide only how it
looks. Keeping the middle as frozen dataclasses means every format shows the same
words, links and checkboxes, and tests can compare formats against one model.
"""

from __future__ import annotations

import string
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import Any, ClassVar


@dataclass(frozen=True)
class Span:
    """A run of text: plain, bold, a link, or a checkbox followed by its label."""

    text: str
    url: str | None = None
    strong: bool = False
    box: bool = False
    checked: bool = False  # a box already ticked (from a self-assessment)
    written: bool = False  # words written into a blank, which the person may still change


Inline = tuple[Span, ...]


@dataclass(frozen=True)
class Paragraph:
    tag: ClassVar[str] = "paragraph"
    content: Inline
    hint: bool = False  # guidance for the people filling it in, shown smaller and quieter


@dataclass(frozen=True)
class Bullets:
    tag: ClassVar[str] = "bullets"
    items: tuple[Inline, ...]


@dataclass(frozen=True)
class Checklist:
    """A list of boxes to tick; an empty item is a blank line to write a new one on."""

    tag: ClassVar[str] = "checklist"
    items: tuple[Inline, ...]


@dataclass(frozen=True)
class Field:
    """A labelled space to write in, sized in lines of handwriting."""

    tag: ClassVar[str] = "field"
    label: str
    hint: str = ""
    lines: int = 2


@dataclass(frozen=True)
class Table:
    """Columns with a header row; empty cells are space to write in."""

    tag: ClassVar[str] = "table"
    columns: tuple[str, ...]
    rows: tuple[tuple[Inline, ...], ...]
    widths: tuple[int, ...] = ()  # relative column widths; equal when empty
    name: str = ""  # what the table is, for the HTML worksheet's script ("growth": the growth grid)


@dataclass(frozen=True)
class Facts:
    """Label and value pairs, such as the worksheet's header; an empty value is a blank to fill in."""

    tag: ClassVar[str] = "facts"
    rows: tuple[tuple[str, Inline], ...]
    # Per row, the name of the person's detail it holds (engineer, manager, period), or "": the
    # HTML worksheet makes those rows fields, and fills them from its address (?engineer=...).
    names: tuple[str, ...] = ()


Block = Paragraph | Bullets | Checklist | Field | Table | Facts


@dataclass(frozen=True)
class Section:
    tag: ClassVar[str] = "section"
    title: Inline
    blocks: tuple[Block | Section, ...]
    depth: int = 2  # 2: a main part of the worksheet; 3: one item inside it (a slot, a dimension)
    keep_together: bool = False  # print on one page when it fits


@dataclass(frozen=True)
class Worksheet:
    kind: str
    title: str
    facts: Facts
    intro: tuple[Block, ...]
    sections: tuple[Section, ...]
    footer: Inline
    made: date
    framework: str = ""  # "<name> <version>", for document properties
    subject: str = field(default="")  # who it is for, or the level when blank
    # The shared words (common.yaml, the framework's own where it has them) the renderers need.
    common: Mapping[str, Any] = field(default_factory=dict, compare=False)


@lru_cache(maxsize=16384)  # the same sentence with the same links recurs across a build's worksheets
def spans(template: str, **values: str | Span | Inline) -> Inline:
    """Fill `{placeholders}` in a sentence from the text files, keeping links as their own spans.

    `spans("What {level} expects", level=Span("L4 Senior", url))` gives three spans, the
    middle one a link, so every format can render the link natively.
    """
    result: list[Span] = []
    for literal, name in _parsed(template):
        if literal:
            result.append(Span(literal))
        if name is not None:
            value = values[name]
            if isinstance(value, tuple):
                result.extend(value)
            else:
                result.append(value if isinstance(value, Span) else Span(str(value)))
    return _merge(result)


@lru_cache(maxsize=4096)  # the same few hundred sentences fill every worksheet of a build
def _parsed(template: str) -> tuple[tuple[str, str | None], ...]:
    return tuple((literal, name) for literal, name, _spec, _conversion in string.Formatter().parse(template))


def _merge(parts: list[Span]) -> Inline:
    """Join neighbouring plain spans, so renderers and golden files see whole sentences."""
    merged: list[Span] = []
    for part in parts:
        if not part.text and not part.box:
            continue
        previous = merged[-1] if merged else None
        if previous and _plain(previous) and _plain(part):
            merged[-1] = Span(previous.text + part.text)
        else:
            merged.append(part)
    return tuple(merged)


def _plain(part: Span) -> bool:
    return part.url is None and not part.strong and not part.box and not part.written


def plain_text(content: Inline) -> str:
    return "".join(part.text for part in content)
