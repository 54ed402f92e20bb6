"""The Jinja environment every worksheet template (Markdown, HTML, DOCX body, site table) is read with."""

from __future__ import annotations

import hashlib
from typing import Any

import jinja2


def environment(*, autoescape: bool, **options: Any) -> jinja2.Environment:
    """Templates from `templates/`, with tidy whitespace and an error for any misspelt variable."""
    settings = {"autoescape": autoescape, **options}
    described = sorted(
        (name, f"{value.__module__}.{value.__qualname__}" if callable(value) else repr(value))
        for name, value in settings.items()
    )
    cache_key = hashlib.sha1(repr(described).encode()).hexdigest()[:12]
    return jinja2.Environment(
        loader=jinja2.PackageLoader("ladder.worksheet", "templates"),
        # Compiled templates are kept like Python's .pyc files (see ladder.render.environment), apart
        # for each setting: Jinja's cache knows a template by its file, not by how it was compiled.
        bytecode_cache=jinja2.FileSystemBytecodeCache(pattern=f"__jinja2_ladder_worksheet_{cache_key}_%s.cache"),
        autoescape=autoescape,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
        **options,
    )
