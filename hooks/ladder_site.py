"""MkDocs hooks: build the handbook's generated pages from the framework's YAML (see ladder.render.site)."""

from __future__ import annotations

from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files

from ladder.render import site


@event_priority(100)  # before mkdocs-macros, whose macros need the framework loaded and checked
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    return site.configure(config)


@event_priority(-100)  # after hooks/worksheets.py, so level pages link the worksheets it publishes
def on_files(files: Files, config: MkDocsConfig) -> Files:
    return site.add_files(files, config)


def on_serve(server: Any, config: MkDocsConfig, builder: Any) -> None:
    server.watch(site.watched(config))  # a YAML edit rebuilds the handbook
