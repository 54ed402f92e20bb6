"""The handbook as MkDocs sees it: what the hooks in `hooks/` call, so that they hold no logic.

The framework's work (see ladder.render.preparation) is done once per change of its files (a
`mkdocs serve` rebuild after a docs edit reuses it), the generated pages are served from
memory, and `framework.json` and the JSON Schemas are published next to them.
"""

from __future__ import annotations

import itertools
import logging
import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import partial
from importlib.resources import files as package_files
from pathlib import Path
from typing import Any

from mkdocs.config.config_options import ExtraScriptValue
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files, InclusionLevel

from ladder import urls
from ladder.load import BUNDLED_SCHEMAS, FrameworkNotFound
from ladder.model import Framework
from ladder.problems import FrameworkError, plural
from ladder.render import nav, preparation
from ladder.render.conversion import ConvertedPage, Converter
from ladder.render.preparation import Job, Preparation

log = logging.getLogger("mkdocs.plugins.ladder")  # where MkDocs expects hooks and plugins to log

DEFAULT_FRAMEWORK_DIR = "framework"
DEFAULT_NAV_LIMIT = 20
ASSETS = "assets/ladder/"
STYLESHEET = ASSETS + "ladder.css"
SCRIPT = ASSETS + "ladder.js"
FRAMEWORK_JSON = "framework.json"
SCHEMAS = "schema/"
COMPARE_PAGE = urls.source(urls.COMPARE)
REDIRECTS_PLUGIN = "redirects"
WORKSHEETS_SETTING = "worksheets"
BACKGROUND_COMMANDS = ("build", "gh-deploy")  # `serve` runs threads, and rebuilds in-process
# Markdown extensions the generated pages are written for: {#id} attribute lists on headings and
# paragraphs, Markdown inside the matrix's <div>, tables.
REQUIRED_EXTENSIONS = ("attr_list", "md_in_html", "tables", "toc")


class GeneratedPage(File):
    """A generated page whose Markdown is fetched when MkDocs first reads it: on a `mkdocs build`
    the worker is still rendering the later pages while MkDocs reads the first ones."""

    markdown: Callable[[], str]
    _replaced: str | None = None  # another plugin may set the content

    @property  # type: ignore[override]
    def content_string(self) -> str:
        return self._replaced if self._replaced is not None else self.markdown()

    @content_string.setter
    def content_string(self, value: str) -> None:
        self._replaced = value

    @property  # type: ignore[override]
    def content_bytes(self) -> bytes:
        return self.content_string.encode("utf-8")

    @content_bytes.setter
    def content_bytes(self, value: bytes) -> None:
        self._replaced = value.decode("utf-8")


class WrittenAfterBuild(File):
    """A file the site publishes as it is (a Markdown worksheet is a download, not a page), whose
    bytes the worker makes while MkDocs builds the pages: MkDocs does not copy it with the other
    static files; `write_after_build` puts it in the site at on_post_build."""

    def is_documentation_page(self) -> bool:
        return False

    def is_static_page(self) -> bool:
        return False

    def copy_file(self, dirty: bool = False) -> None:
        pass


@dataclass(frozen=True)
class Settings:
    """`extra.ladder` in mkdocs.yml."""

    framework_dir: Path
    nav_limit: int


def worksheet_formats(config: MkDocsConfig) -> tuple[str, ...]:
    """The blank worksheets' formats `extra.ladder.worksheets` asks for, in the order the site offers them."""
    extra: dict[str, Any] = (config.extra or {}).get("ladder") or {}
    chosen = extra.get(WORKSHEETS_SETTING, list(urls.WORKSHEET_FORMATS))
    if not isinstance(chosen, list) or any(fmt not in urls.WORKSHEET_FORMATS for fmt in chosen):
        raise PluginError(
            f"{config.config_file_path}: extra.ladder.{WORKSHEETS_SETTING}: expected a list of formats from "
            f"{', '.join(urls.WORKSHEET_FORMATS)} (or [] for none), got {chosen!r}"
        )
    return tuple(fmt for fmt in urls.WORKSHEET_FORMATS if fmt in chosen)


def settings(config: MkDocsConfig) -> Settings:
    extra: dict[str, Any] = (config.extra or {}).get("ladder") or {}
    base = Path(config.config_file_path or ".").resolve().parent
    limit = extra.get("nav_limit", DEFAULT_NAV_LIMIT)
    if not isinstance(limit, int) or limit < 0:
        raise PluginError(f"{config.config_file_path}: extra.ladder.nav_limit: expected a whole number, got {limit!r}")
    return Settings(base / str(extra.get("framework_dir", DEFAULT_FRAMEWORK_DIR)), limit)


# The framework's work, once per change -----------------------------------------------------------

_command: str | None = None  # "build", "serve" or "gh-deploy", from on_startup
_prepared: tuple[tuple[Any, ...], Preparation] | None = None


def startup(command: str) -> None:
    """on_startup: remember the command; only a one-off build does the framework's work in a worker."""
    global _command
    _command = command
    if command not in BACKGROUND_COMMANDS:
        preparation.dismiss_early()


def fork_early() -> None:
    """At the hook's import, while MkDocs loads its configuration (see preparation.fork_early)."""
    preparation.fork_early()


def prepared(config: MkDocsConfig) -> Preparation:
    """The framework's share of this build (made by `refresh` at the start of the build)."""
    return _prepared[1] if _prepared is not None else refresh(config)


def refresh(config: MkDocsConfig) -> Preparation:
    """A new share of the work, unless the last build's is still good: `mkdocs serve` reuses it
    until a framework file, the worksheet formats or the day change."""
    global _prepared
    root = settings(config).framework_dir
    # The day is part of it: blank worksheets say when they were made.
    key = (root, _signature(root), worksheet_formats(config), date.today())
    if _prepared is None or _prepared[0] != key:
        if _prepared is not None:
            _prepared[1].close()
        job = Job(root, worksheet_formats(config))
        _prepared = (key, Preparation(job, background=_command in BACKGROUND_COMMANDS))
    return _prepared[1]


def framework(config: MkDocsConfig) -> Framework:
    """The validated framework the site is built from; PluginError listing every error when invalid."""
    try:
        return prepared(config).framework()
    except FrameworkNotFound as error:
        raise PluginError(f"{error} (set extra.ladder.framework_dir in {config.config_file_path})") from None
    except FrameworkError as error:
        lines = "\n".join(str(problem) for problem in error.problems)
        raise PluginError(
            f"the framework in {prepared(config).job.root} has {plural(len(error.problems), 'error')}; "
            f"`ladder validate` reports the same:\n{lines}"
        ) from None


def _signature(root: Path) -> tuple[Any, ...]:
    """Name, size and modification time of every file under root: changes whenever a file does."""
    entries = []
    for folder, _, names in os.walk(root):
        for name in names:
            path = os.path.join(folder, name)
            try:
                status = os.stat(path)
            except OSError:
                continue
            entries.append((path, status.st_size, status.st_mtime_ns))
    return tuple(sorted(entries))


# MkDocs events ------------------------------------------------------------------------------------


def configure(config: MkDocsConfig) -> MkDocsConfig:
    """on_config: check the settings Ladder relies on, add its stylesheet and script, and start the
    framework's work (in a worker on a `mkdocs build`: nothing here waits for it)."""
    if not config.use_directory_urls:
        raise PluginError(
            f"{config.config_file_path}: use_directory_urls must stay true: "
            "Ladder's published links (levels/senior/) are directory URLs"
        )
    for extension in REQUIRED_EXTENSIONS:  # the generated pages' anchors and tables need these
        if extension not in config.markdown_extensions:
            config.markdown_extensions.append(extension)
    if STYLESHEET not in config.extra_css:
        config.extra_css.append(STYLESHEET)
    if SCRIPT not in [str(script) for script in config.extra_javascript]:
        config.extra_javascript.append(ExtraScriptValue(SCRIPT))
    refresh(config)
    return config


def add_files(files: Files, config: MkDocsConfig) -> Files:
    """on_files: the generated pages, Ladder's assets, the JSON Schemas, framework.json and the
    blank worksheets; and, now that the framework is at hand, its navigation and (when
    mkdocs.yml has none) site_url."""
    loaded = framework(config)
    work = prepared(config)
    if not config.site_url:
        config.site_url = loaded.meta.site_url
    if config.nav is not None:
        config.nav = nav.expand(config.nav, loaded, settings(config).nav_limit)
    # Without a nav in mkdocs.yml, MkDocs lists every page; keep that list to the section index pages.
    in_nav = nav.pages_in(config.nav) if config.nav is not None else set(nav.sections(loaded, 0)) | {COMPARE_PAGE}
    pages = work.page_sources()
    static: dict[str, bytes] = {}
    for name in ("ladder.css", "ladder.js"):
        static[ASSETS + name] = package_files("ladder").joinpath("assets", name).read_bytes()
    schema_dir = settings(config).framework_dir / "schema"  # a fork's own (maybe stricter) schemas
    for schema in sorted((schema_dir if schema_dir.is_dir() else BUNDLED_SCHEMAS).glob("*.json")):
        static[SCHEMAS + schema.name] = schema.read_bytes()
    later = [FRAMEWORK_JSON, *sorted(work.worksheet_paths())]
    clashes = [path for path in [*pages, *static, *later] if files.get_file_from_path(path) is not None]
    if clashes:
        raise PluginError(
            f"{config.docs_dir}: Ladder generates {', '.join(clashes)}; "
            "rename or remove the hand-written file of the same name"
        )
    _redirect(config, work.redirects(), files)
    for path, content in static.items():
        files.append(File.generated(config, path, content=content))
    for path in later:
        files.append(WrittenAfterBuild.generated(config, path, content=b""))
    titles = nav.titles(config.nav)
    for path in pages:
        inclusion = InclusionLevel.UNDEFINED if path in in_nav else InclusionLevel.NOT_IN_NAV
        file = GeneratedPage.generated(config, path, content="", inclusion=inclusion)
        file.markdown = partial(work.page, path)
        files.append(file)
        if work.awaits_converter:  # the worker can convert the page too (see send_converter)
            page = ConvertedPage(titles.get(path), file, config)
            page.converted = partial(work.converted, path)
    return files


def send_converter(files: Files, config: MkDocsConfig) -> None:
    """on_nav, once every plugin has added its files: let the worker convert the generated pages
    to HTML as it makes them (see ladder.render.conversion)."""
    work = prepared(config)
    if work.awaits_converter:
        work.convert_with(Converter(config, files))


def _redirect(config: MkDocsConfig, redirects: dict[str, str], files: Files) -> None:
    """Hand the old page addresses to the mkdocs-redirects plugin (which runs after this hook)."""
    wanted = {old: new for old, new in redirects.items() if files.get_file_from_path(old) is None}
    if not wanted:
        return
    plugin = config.plugins.get(REDIRECTS_PLUGIN)
    if plugin is None:
        raise PluginError(
            f"{config.config_file_path}: renamed items leave old addresses ({', '.join(sorted(wanted)[:3])}...) "
            f"that need redirect pages: add `- {REDIRECTS_PLUGIN}` to plugins (the mkdocs-redirects plugin)"
        )
    maps = plugin.config["redirect_maps"]
    for old, new in wanted.items():
        maps.setdefault(old, new)  # a redirect written in mkdocs.yml wins


def write_after_build(config: MkDocsConfig) -> None:
    """on_post_build: framework.json and the blank worksheets, made while MkDocs built the pages."""
    work = prepared(config)
    made = [(FRAMEWORK_JSON, work.framework_json().encode("utf-8"))]
    for path, content in itertools.chain(made, work.worksheets()):  # each worksheet as soon as it is made
        target = Path(config.site_dir, path)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)
    if work.pages_converted:
        total = len(work.page_sources())
        log.debug(f"Ladder: the worker converted {work.pages_converted} of the {total} generated pages")


def finish() -> None:
    """on_build_error: stop the framework's worker, which may still be busy."""
    if _prepared is not None:
        _prepared[1].close()


def watched(config: MkDocsConfig) -> str:
    """on_serve: the folder whose edits rebuild the handbook."""
    return str(settings(config).framework_dir)
