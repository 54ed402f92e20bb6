"""Expectation worksheets: the framework turned into documents an engineer and manager fill in together.

The pipeline, one module per step:
    request   what was asked for (level, track, kind, names), checked against the framework
    kinds     the content of each kind of worksheet, built with `content` from the framework
              and the words in `text/*.yaml`, as the format-neutral model in `document`
    to_markdown, to_html, to_docx   one renderer per format
    naming, roster, batch           file names, the roster CSV, writing many files safely
"""

from __future__ import annotations

import os
from datetime import UTC, date, datetime

from ladder.model import Framework
from ladder.worksheet.document import Worksheet
from ladder.worksheet.kinds import build
from ladder.worksheet.request import FORMATS, KINDS, InputError, Request, Subject, resolve

__all__ = ["FORMATS", "KINDS", "InputError", "Request", "Subject", "build", "made_on", "make", "render", "resolve"]


def render(worksheet: Worksheet, fmt: str) -> bytes:
    """The worksheet in one format, as the bytes of the file."""
    if fmt == "md":
        from ladder.worksheet import to_markdown

        return to_markdown.render(worksheet).encode("utf-8")
    if fmt == "html":
        from ladder.worksheet import to_html

        return to_html.render(worksheet).encode("utf-8")
    if fmt == "docx":
        from ladder.worksheet import to_docx  # python-docx loads only when a DOCX is asked for

        return to_docx.render(worksheet)
    raise ValueError(f"unknown format {fmt!r}")


def make(framework: Framework, request: Request, made: date, fmt: str) -> bytes:
    """One worksheet, checked and rendered: InputError if the request does not fit the framework."""
    return render(build(resolve(framework, request, made)), fmt)


def made_on(text: str | None) -> date:
    """The date a worksheet says it was made: `--date`, else SOURCE_DATE_EPOCH, else today.

    SOURCE_DATE_EPOCH is the reproducible-builds convention, so a site build or test run
    pinned to one moment makes byte-identical worksheets.
    """
    if text:
        try:
            return date.fromisoformat(text)
        except ValueError:
            raise InputError("--date", f"'{text}' is not a date like 2025-01-31") from None
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch:
        try:
            return datetime.fromtimestamp(int(epoch), UTC).date()
        except (ValueError, OverflowError, OSError):
            raise InputError("SOURCE_DATE_EPOCH", f"'{epoch}' is not a number of seconds since 1970") from None
    return date.today()
