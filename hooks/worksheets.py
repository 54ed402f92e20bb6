"""MkDocs hook: publish a blank worksheet of each kind for every level (see ladder.worksheet.site)."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files

from ladder.render import site
from ladder.worksheet import site as worksheets


def on_files(files: Files, config: MkDocsConfig) -> Files:
    # Default priority: before hooks/ladder_site.py's on_files, which links the files added here.
    return worksheets.add_files(files, config, site.framework(config))
