"""A DOCX read back with python-docx as plain text, to compare with a golden file.

One line per paragraph, prefixed with its style (`[Heading 2]`), so a lost heading style
shows up; tables as `| cell | cell |` rows; checkbox content controls as `[☐]`, the
brackets from the control and the box from its content (a box typed as text shows
bare); lines to write on as `________`, and inside a field's box as `[box line]`; a part
kept on one page (a one-cell table whose row may not split) between `<kept on one page>`
and `</kept>`; hyperlinks as `[text](url)` taken from the
document's relationships, so a link that is only blue text does not pass.
"""

from __future__ import annotations

import io
from collections.abc import Iterator

from docx import Document
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.hyperlink import Hyperlink
from docx.text.paragraph import Paragraph

W14_CHECKBOX = "{http://schemas.microsoft.com/office/word/2010/wordml}checkbox"


def dump(data: bytes) -> str:
    document = Document(io.BytesIO(data))
    lines = blocks(document.iter_inner_content())
    footer = document.sections[0].footer.paragraphs[0]
    lines.append(f"<footer> {footer.text}")
    properties = document.core_properties
    lines.append(f"<properties> {properties.title} | {properties.subject} | {properties.created.isoformat()}")
    return "\n".join(lines) + "\n"


def blocks(content: Iterator[Paragraph | Table]) -> list[str]:
    lines: list[str] = []
    for block in content:
        if isinstance(block, Paragraph):
            if block._p.find(f"{qn('w:pPr')}/{qn('w:pBdr')}") is not None:
                lines.append("[box line]")  # a line inside a field's box, to write on
            else:
                lines.append(f"[{block.style.name if block.style else ''}] {paragraph_text(block)}".rstrip())
        elif is_keeper(block):  # a part kept on one page: its content, between markers
            lines.append("<kept on one page>")
            lines.extend(blocks(block.rows[0].cells[0].iter_inner_content()))
            lines.append("</kept>")
        elif isinstance(block, Table):
            lines.append(f"<table {len(block.rows)}x{len(block.columns)}>")
            lines.extend("| " + " | ".join(cell_text(cell) for cell in row.cells) + " |" for row in block.rows)
    return lines


def is_keeper(table: Table) -> bool:
    """The one-cell table, row not to split, that holds a part printed on one page."""
    row = table._tbl.tr_lst[0]
    return (
        len(table.rows) == 1 and len(table.columns) == 1 and row.find(f"{qn('w:trPr')}/{qn('w:cantSplit')}") is not None
    )


def cell_text(cell: object) -> str:
    return " / ".join(paragraph_text(paragraph) for paragraph in cell.paragraphs)  # type: ignore[attr-defined]


def paragraph_text(paragraph: Paragraph) -> str:
    parts: list[str] = []
    for child in paragraph._p:
        if child.tag == qn("w:r"):
            parts.append(run_text(child))
        elif child.tag == qn("w:hyperlink"):
            link = Hyperlink(child, paragraph)
            parts.append(f"[{link.text}]({link.url})")
        elif child.tag == qn("w:sdt"):
            shown = "".join(node.text or "" for node in child.iter(qn("w:t")))
            parts.append(f"[{shown}]" if child.find(f".//{W14_CHECKBOX}") is not None else f"<sdt {shown}>")
    return "".join(parts)


def run_text(run: object) -> str:
    """A run's text: bold as **text**, an underlined tab (a line to write on) as ________."""
    bold = run.find(f"{qn('w:rPr')}/{qn('w:b')}") is not None  # type: ignore[attr-defined]
    underlined = run.find(f"{qn('w:rPr')}/{qn('w:u')}") is not None  # type: ignore[attr-defined]
    text = "".join(
        ("________" if underlined else "\t") if node.tag == qn("w:tab") else (node.text or "")
        for node in run.iter(qn("w:t"), qn("w:tab"))  # type: ignore[attr-defined]
    )
    return f"**{text}**" if bold and text.strip() else text
