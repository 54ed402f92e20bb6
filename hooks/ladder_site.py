"""MkDocs hooks: build the handbook's generated pages from the framework's YAML (see ladder.engines.mkdocs)."""

from __future__ import annotations

from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files

from ladder.engines import mkdocs as site
from ladder.render.spellings import with_spellings


def on_startup(command: str, dirty: bool) -> None:
    site.start(command)


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    return site.configure(config)


@event_priority(50)  # before mkdocs-redirects reads the pages and its redirect map
def on_files(files: Files, config: MkDocsConfig) -> Files:
    return site.add_files(files, config)


def on_page_content(html: str, **_: Any) -> str:
    return with_spellings(html)  # "oncall" finds "on-call": see ladder.render.spellings


def on_env(env: Any, config: MkDocsConfig, files: Files) -> Any:
    return site.escape_stripped_tags(env)  # page titles from the YAML stay text in <title>


def on_serve(server: Any, config: MkDocsConfig, builder: Any) -> None:
    server.watch(site.watched(config))  # a YAML edit rebuilds the handbook
