"""The DOCX worksheets laid out by LibreOffice (headless, `soffice --convert-to pdf`), page by page.

Word, LibreOffice and Google Docs each break pages their own way; LibreOffice is the one that
runs here. Each worksheet is converted to PDF and read back with pypdf: every section meant to
print on one page (an expectation slot, a dimension, a milestone) has its heading and its last
part on the same page, and the whole is one font.
"""

from __future__ import annotations

import shutil
import subprocess
import unicodedata
from itertools import takewhile
from pathlib import Path

import pytest
from pypdf import PdfReader

from ladder.worksheet import KINDS, Request, build, make, resolve
from ladder.worksheet.document import Bullets, Checklist, Field, Paragraph, Section, Table, plain_text
from tests.test_worksheet_golden import MADE, fixture_framework

SOFFICE = shutil.which("soffice") or "/usr/bin/soffice"
pytestmark = pytest.mark.browser  # a real layout engine, installed by `make test` like Chromium


def flat(text: str) -> str:
    """Text without any whitespace: PDF text puts spaces where the layout had gaps (around a link)."""
    return "".join(unicodedata.normalize("NFKC", text).split())


def kept_together(section: Section) -> list[Section]:
    found = [section] if section.keep_together else []
    for child in section.blocks:
        if isinstance(child, Section):
            found += kept_together(child)
    return found


def last_words(section: Section) -> str | None:
    """Words the section's last part prints, to find on the page: a field's label, a list's first item."""
    last = section.blocks[-1]
    if isinstance(last, Field):
        return last.label
    if isinstance(last, Table):
        return last.columns[0]
    if isinstance(last, Paragraph):  # the words before its first checkbox, if it has any
        return plain_text(tuple(takewhile(lambda span: not span.box, last.content)))[:30]
    if isinstance(last, (Bullets, Checklist)) and last.items and last.items[0]:
        return plain_text(last.items[0])[:30]
    return None


# Fonts LibreOffice falls back to for symbols alone: the checkbox (☐) and the bullet.
SYMBOL_FONTS = {"DejaVuSans", "OpenSymbol"}


def pdf_of(docx: bytes, work: Path) -> PdfReader:
    source = work / "worksheet.docx"
    source.write_bytes(docx)
    subprocess.run(
        [
            SOFFICE,
            "--headless",
            f"-env:UserInstallation=file://{work}/profile",
            "--convert-to",
            "pdf",
            "--outdir",
            str(work),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    return PdfReader(work / "worksheet.pdf")


def font_families(pdf: PdfReader) -> set[str]:
    """The families of the fonts the PDF embeds ("ABCDEF+LiberationSans-Bold" is LiberationSans)."""
    names = {
        str(font.get_object()["/BaseFont"]).split("+")[-1]
        for page in pdf.pages
        for font in (page["/Resources"].get("/Font") or {}).values()
    }
    return {name.split("-")[0] for name in names}


@pytest.mark.parametrize("kind", KINDS)
def test_no_slot_splits_across_pages_in_libreoffice(tmp_path: Path, kind: str) -> None:
    framework = fixture_framework()
    request = Request("second", kind, name="Zoë Ødegård", manager="Sam Lee", period="2025 H1")
    worksheet = build(resolve(framework, request, MADE))
    pdf = pdf_of(make(framework, request, MADE, "docx"), tmp_path)
    pages = [flat(page.extract_text() or "") for page in pdf.pages]
    # One font for all the text: Arial, or Liberation Sans, its metric twin, where Arial is not installed.
    text_fonts = font_families(pdf) - SYMBOL_FONTS
    assert text_fonts and text_fonts <= {"Arial", "LiberationSans"}, font_families(pdf)
    sections = [kept for section in worksheet.sections for kept in kept_together(section)]
    assert sections
    for section in sections:
        heading, last = flat(plain_text(section.title)), last_words(section)
        starts = [index for index, text in enumerate(pages) if heading in text]
        assert starts, f"{heading!r} not printed"
        if last is None:
            continue
        last = flat(last)
        assert any(last in pages[index][pages[index].index(heading) :] for index in starts), (
            f"{kind}: '{heading}' is split across pages"
        )
