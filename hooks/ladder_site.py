"""MkDocs hooks: build the handbook's generated pages from the framework's YAML (see ladder.render.site)."""

from __future__ import annotations

from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files

from ladder.render import site

site.fork_early()  # MkDocs is loading its configuration: the framework's worker can get ready meanwhile


def on_startup(command: str, dirty: bool) -> None:
    site.startup(command)


@event_priority(100)  # first, so the framework's work starts as early as it can
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    return site.configure(config)


@event_priority(50)  # before mkdocs-redirects reads the pages and its redirect map
def on_files(files: Files, config: MkDocsConfig) -> Files:
    return site.add_files(files, config)


@event_priority(-100)  # last, once every plugin has added its files
def on_nav(nav: Any, config: MkDocsConfig, files: Files) -> Any:
    site.send_converter(files, config)  # the worker converts the generated pages while MkDocs does the rest
    return nav


def on_post_build(config: MkDocsConfig) -> None:
    site.write_after_build(config)  # framework.json and the worksheets, made while MkDocs built the pages


def on_serve(server: Any, config: MkDocsConfig, builder: Any) -> None:
    server.watch(site.watched(config))  # a YAML edit rebuilds the handbook


def on_build_error(error: Exception) -> None:
    site.finish()
