"""The Jinja environment every worksheet template (Markdown, HTML, DOCX body, site table) is read with."""

from __future__ import annotations

from typing import Any

import jinja2


def environment(*, autoescape: bool, **options: Any) -> jinja2.Environment:
    """Templates from `templates/`, with tidy whitespace and an error for any misspelt variable."""
    return jinja2.Environment(
        loader=jinja2.PackageLoader("ladder.worksheet", "templates"),
        autoescape=autoescape,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
        **options,
    )
