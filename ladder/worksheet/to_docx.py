"""A worksheet as a Word document, which also imports cleanly into Google Docs and LibreOffice.

Real structure, so the document is navigable and restyles as a whole: the title and parts
use Heading 1/2/3, tables are Word tables with a repeating header row, links are real
hyperlinks. Checkboxes are Word checkbox content controls (click to tick in Word) whose
content is the ☐ character, so Google Docs, LibreOffice and plain-text copies still show
a box.

python-docx provides the package: styles, page set-up, relationships for the links,
document properties and the running footer. The body is laid out by a template
(templates/worksheet.docx.xml.j2) and parsed in one go, because building it element by
element through python-docx took 40 ms a worksheet, too slow for a roster of a thousand.
The bytes are reproducible: the same input and date give the same file.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from datetime import UTC, datetime, time
from functools import cache
from typing import Any

import jinja2
from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Mm, Pt, RGBColor
from markupsafe import Markup

from ladder.worksheet import layout
from ladder.worksheet.document import Facts, Inline, Section, Span, Table, Worksheet, spans

HINT_STYLE = "Worksheet Hint"
LINK_STYLE = "Hyperlink"
CHECKBOX_FONT = "MS Gothic"  # what Word itself uses for checkbox controls; others fall back to any font with ☐
PAGE_WIDTH, PAGE_HEIGHT, MARGIN = Mm(210), Mm(297), Mm(18)  # A4; Word fits it to Letter when printing
QUIET = RGBColor(0x57, 0x60, 0x6A)
INK = RGBColor(0x1F, 0x23, 0x28)
# One font for the whole document, metric-compatible everywhere it opens: Word and Google Docs have
# Arial, and LibreOffice lays it out with Liberation Sans, the same widths, so pages break alike.
BODY_FONT = "Arial"
# Heading spacing as the HTML worksheet's (space before, space after, size).
HEADINGS = {
    "Heading 1": (Pt(0), Pt(8), Pt(17)),
    "Heading 2": (Pt(16), Pt(5), Pt(13)),
    "Heading 3": (Pt(11), Pt(3), Pt(11)),
}
LINK_BLUE = RGBColor(0x0B, 0x5C, 0xAD)
TWIPS_PER_MM = 1440 / 25.4
SIZE = {
    "text": round((210 - 2 * 18) * TWIPS_PER_MM),  # the width between the margins
    "line": round(8 * TWIPS_PER_MM),  # one handwritten line in a field or table row
    "fact": round(7 * TWIPS_PER_MM),  # a row of the header (name, manager, level...): room to write a name
    "indent": round(2 * TWIPS_PER_MM),
    "box_inset": 80,  # a field's box sits this far inside the margins, so its side borders show
}
RULE, FAINT = "8C959F", "D0D7DE"  # a field's box and the lines inside it, as in the HTML worksheet
FACTS_WIDTHS = (1, 3)
# The styles a worksheet uses (with the character styles linked to them). python-docx's
# template carries some 160 more, mostly table designs, which made every file 800 KB of
# XML to parse and compress; dropping them takes a worksheet from 40 to about 15 ms.
KEEP_STYLES = {
    "Normal",
    "Default Paragraph Font",
    "Normal Table",
    "No List",
    "Table Grid",
    "List Bullet",
    "List Paragraph",
    "Header",
    "Header Char",
    "Footer",
    "Footer Char",
    *(f"Heading {depth}" for depth in (1, 2, 3)),
    *(f"Heading {depth} Char" for depth in (1, 2, 3)),
}
# Parts of python-docx's template a worksheet has no use for: a legacy copy of the styles,
# a bibliography store and a thumbnail picture of some other document.
DROP_PARTS = ("stylesWithEffects", "customXml", "thumbnail")


def _one_font(style: Any) -> None:
    """The style in BODY_FONT, named outright: python-docx's template gives the body and the headings
    two theme fonts, which LibreOffice and Google Docs resolve to a serif body under sans headings."""
    fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
    for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(theme), None)
    for script in ("w:ascii", "w:hAnsi", "w:cs"):
        fonts.set(qn(script), BODY_FONT)


@cache
def _base() -> bytes:
    """An empty document with Ladder's page and styles, made once and reopened for each worksheet."""
    document = Document()
    for style in list(document.styles):
        if style.name not in KEEP_STYLES:
            style.delete()
    for rels in (document.part.rels, document.part.package.rels):
        for ident, relationship in list(rels.items()):
            if relationship.reltype.rsplit("/", 1)[-1] in DROP_PARTS:
                rels.pop(ident)
    document.sections[0].footer.paragraphs[0].text = ""  # create the footer part once, here
    section = document.sections[0]
    section.page_width, section.page_height = PAGE_WIDTH, PAGE_HEIGHT
    section.left_margin = section.right_margin = section.top_margin = section.bottom_margin = MARGIN
    styles = document.styles
    styles["Normal"].font.size = Pt(10.5)
    for name, (before, after, size) in HEADINGS.items():
        heading = styles[name]
        heading.font.size, heading.font.color.rgb, heading.font.bold = size, INK, True
        heading.paragraph_format.space_before, heading.paragraph_format.space_after = before, after
        heading.paragraph_format.keep_with_next = True
    for name in ("Normal", *HEADINGS, "Header", "Footer"):
        _one_font(styles[name])
    hint = styles.add_style(HINT_STYLE, WD_STYLE_TYPE.PARAGRAPH)
    hint.base_style = styles["Normal"]
    hint.font.italic = True
    hint.font.size = Pt(9.5)
    hint.font.color.rgb = QUIET
    link = styles.add_style(LINK_STYLE, WD_STYLE_TYPE.CHARACTER)
    link.font.color.rgb = LINK_BLUE
    link.font.underline = True
    stream = io.BytesIO()
    document.save(stream)
    return stream.getvalue()


@cache
def _style_ids() -> dict[str, str]:
    document = Document(io.BytesIO(_base()))
    return {style.name: style.style_id for style in document.styles if style.name}


@cache
def _template() -> jinja2.Template:
    environment = layout.environment(autoescape=True)  # XML needs the escaping HTML gets
    return environment.get_template("worksheet.docx.xml.j2")


def render(worksheet: Worksheet) -> bytes:
    document = Document(io.BytesIO(_base()))
    links = {
        url: document.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True) for url in _urls(worksheet)
    }
    body = parse_xml(
        _template().render(
            ws=worksheet,
            title=spans(worksheet.title),
            style=_style_ids(),
            link=links,
            size=SIZE,
            quiet=str(QUIET),
            rule=RULE,
            faint=FAINT,
            hint_style=HINT_STYLE,
            box_font=CHECKBOX_FONT,
            widths=_widths,
            facts_rows=_facts_rows,
            namespaces=Markup(nsdecls("w", "w14", "r")),
        )
    )
    section_properties = document.element.body[-1]  # sectPr: page size and margins, must stay last
    for element in list(body):
        section_properties.addprevious(element)
    _page_footer(document, worksheet)
    _properties(document, worksheet)
    return _save(document, worksheet)


def _urls(worksheet: Worksheet) -> Iterator[str]:
    for content in _inlines(worksheet):
        for span in content:
            if span.url:
                yield span.url


def _inlines(worksheet: Worksheet) -> Iterator[Inline]:
    def walk(block: object) -> Iterator[Inline]:
        if isinstance(block, Section):
            yield block.title
            for child in block.blocks:
                yield from walk(child)
        elif isinstance(block, Table):
            for row in block.rows:
                yield from row
        elif isinstance(block, Facts):
            for _, value in block.rows:
                yield value
        else:
            yield getattr(block, "content", ())
            yield from getattr(block, "items", ())

    yield from walk(worksheet.facts)
    for block in (*worksheet.intro, *worksheet.sections):
        yield from walk(block)
    yield worksheet.footer


def _widths(block: Table | Facts) -> list[int]:
    """Column widths in twips, in proportion to the block's weights, filling the text width."""
    weights = FACTS_WIDTHS if isinstance(block, Facts) else (block.widths or tuple(1 for _ in block.columns))
    total = sum(weights)
    return [SIZE["text"] * weight // total for weight in weights]


def _facts_rows(facts: Facts) -> list[tuple[Inline, Inline]]:
    return [((Span(label, strong=True),), value) for label, value in facts.rows]


def _page_footer(document: DocxDocument, worksheet: Worksheet) -> None:
    paragraph = document.sections[0].footer.paragraphs[0]
    paragraph.text = worksheet.common["page_footer"].format(
        title=worksheet.title, subject=worksheet.subject, framework=worksheet.framework, date=worksheet.made.isoformat()
    )
    paragraph.style = document.styles[HINT_STYLE]


def _properties(document: DocxDocument, worksheet: Worksheet) -> None:
    made = datetime.combine(worksheet.made, time(0, 0), tzinfo=UTC)
    properties = document.core_properties
    properties.title = f"{worksheet.title}: {worksheet.subject}"
    properties.subject = worksheet.framework
    properties.author = properties.last_modified_by = "Ladder"
    properties.keywords = worksheet.kind
    properties.created = properties.modified = made
    properties.revision = 1


def _save(document: DocxDocument, worksheet: Worksheet) -> bytes:
    """The document as python-docx's public `save` writes it, then its ZIP written again with every
    entry dated the day the worksheet was made instead of the moment it was saved, so the same
    input and date always give the same bytes (reproducible builds, golden files, the site's cache)."""
    saved = io.BytesIO()
    document.save(saved)
    stamp = (max(worksheet.made.year, 1980), worksheet.made.month, worksheet.made.day, 0, 0, 0)
    result = io.BytesIO()
    with zipfile.ZipFile(saved) as source, zipfile.ZipFile(result, "w", zipfile.ZIP_DEFLATED) as target:
        for entry in source.infolist():
            dated = zipfile.ZipInfo(entry.filename, date_time=stamp)
            dated.compress_type = zipfile.ZIP_DEFLATED
            dated.external_attr = 0o644 << 16
            target.writestr(dated, source.read(entry))
    return result.getvalue()
