"""Generated pages turned into HTML by the framework's worker, so that MkDocs' process only lays them out.

MkDocs converts every page's Markdown to HTML on one core, and the generated pages are most
of the handbook. On a `mkdocs build` the worker that writes them (ladder.render.preparation)
also converts them, exactly as MkDocs would: a MkDocs `Page` rendered with the site's
Markdown extensions and settings, MkDocs' own link and anchor checks, against the site's
list of files. MkDocs' process adopts the result only while the page's Markdown is still the
one the worker converted (a plugin may change it on the way); otherwise it converts the page
itself. What the conversion logs in the worker is logged again in MkDocs' process, so
warnings show in the same place and `--strict` counts them.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.utils import meta

# The settings a page's conversion reads: Page() (its URLs), Page.render (the extensions) and
# MkDocs' link checks (validation). The rest of the configuration holds plugins and hooks,
# which cannot cross to another process and take no part in converting a page.
SETTINGS = (
    "markdown_extensions",
    "mdx_configs",
    "validation",
    "use_directory_urls",
    "site_url",
    "repo_url",
    "edit_uri",
    "edit_uri_template",
    "docs_dir",
    "site_dir",
)

LogLine = tuple[str, int, str]  # logger name, level, message


def digest(markdown: str) -> bytes:
    return hashlib.blake2b(markdown.encode("utf-8"), digest_size=16).digest()


@dataclass(frozen=True)
class Converted:
    """What MkDocs' Page.render leaves on a page, in a form that crosses a process boundary."""

    digest: bytes  # of the Markdown that was converted
    content: str
    toc: Any  # mkdocs.structure.toc.TableOfContents
    title: str | None  # the first heading, as MkDocs reads it
    anchor_ids: set[str] | None
    links_to_anchors: dict[str, dict[str, str]] | None  # by the linked file's src_uri
    log: list[LogLine]


class Converter:
    """Converts generated pages as MkDocs would; made in MkDocs' process and sent to the worker."""

    def __init__(self, config: MkDocsConfig, files: Files):
        self.config = MkDocsConfig(config_file_path=config.config_file_path)
        self.config.update({name: config[name] for name in SETTINGS})
        self.files = [_portable(file) for file in files]

    def __call__(self, source: str, markdown: str) -> Converted | None:
        """The page's HTML; None when it cannot be made here (MkDocs' process then converts it itself)."""
        try:
            return self._convert(source, markdown)
        except Exception:  # the same conversion in MkDocs' process reports it properly
            return None

    def _convert(self, source: str, markdown: str) -> Converted:
        files = self._site_files
        file = files.get_file_from_path(source)
        if file is None:
            raise LookupError(source)
        page = Page(None, file, self.config)
        page.markdown, page.meta = meta.get_data(markdown)
        with _LogCollector() as collected:
            page.render(self.config, files)
        links = page.links_to_anchors
        return Converted(
            digest=digest(page.markdown),
            content=page.content or "",
            toc=page.toc,
            title=page._title_from_render,  # where MkDocs keeps the title it read from the first heading
            anchor_ids=page.present_anchor_ids,
            links_to_anchors=None if links is None else {target.src_uri: found for target, found in links.items()},
            log=collected.lines,
        )

    @cached_property
    def _site_files(self) -> Files:  # made in the worker, once
        return Files(self.files)


def _portable(file: File) -> File:
    """A plain copy of a site file with what link checks read (paths, URL, inclusion), and no content."""
    copy = File(
        file.src_uri,
        file.src_dir,
        file.dest_dir,
        file.use_directory_urls,
        dest_uri=file.dest_uri,
        inclusion=file.inclusion,
    )
    copy.url = file.url
    copy.generated_by = file.generated_by
    return copy


class _LogCollector(logging.Handler):
    """Takes every log record of a conversion in the worker, instead of printing it there."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.lines: list[LogLine] = []
        self._saved: list[tuple[logging.Logger, list[logging.Handler], bool]] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append((record.name, record.levelno, record.getMessage()))

    def __enter__(self) -> _LogCollector:
        for logger in (logging.getLogger("mkdocs"), logging.getLogger()):
            self._saved.append((logger, logger.handlers, logger.propagate))
            logger.handlers = [self]
        logging.getLogger("mkdocs").propagate = False  # the root logger would take its records twice
        return self

    def __exit__(self, *_: object) -> None:
        for logger, handlers, propagate in self._saved:
            logger.handlers, logger.propagate = handlers, propagate


class ConvertedPage(Page):
    """A generated page whose HTML the worker may have made: `converted` fetches it (None: not made)."""

    converted: Callable[[], Converted | None]

    def render(self, config: MkDocsConfig, files: Files) -> None:
        converted = self.converted()
        if self.markdown is None or converted is None or converted.digest != digest(self.markdown):
            super().render(config, files)
            return
        for name, level, message in converted.log:
            logging.getLogger(name).log(level, message)
        self.content = converted.content
        self.toc = converted.toc
        self._title_from_render = converted.title
        self.present_anchor_ids = converted.anchor_ids
        if converted.links_to_anchors is not None:
            self.links_to_anchors = {
                target: links
                for uri, links in converted.links_to_anchors.items()
                if (target := files.get_file_from_path(uri)) is not None
            }
