"""The MkDocs adapter: what the hooks in `hooks/` call, so that they hold no logic.

Everything happens in MkDocs' own process, through MkDocs' public API, as Material's blog
plugin does it: at `on_files` the generated pages join the site as `File.generated` files,
with Ladder's stylesheet and script, the JSON Schemas, framework.json and the blank
worksheets. The framework is validated and its pages rendered once per change of its
files, so a `mkdocs serve` rebuild after an edit in `docs/` reuses them; the worksheets are
kept in a cache folder under a hash of their inputs, so a rebuild copies them.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date
from importlib.resources import files as package_files
from pathlib import Path
from typing import Any

from mkdocs.config.config_options import ExtraScriptValue
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files, InclusionLevel

from ladder import export, urls
from ladder.files import digest
from ladder.load import FrameworkNotFound, published_files
from ladder.macros import NAMES as MACRO_NAMES
from ladder.macros import Macros, SafeView
from ladder.model import Framework
from ladder.problems import FrameworkError, plural
from ladder.render import handbook, nav
from ladder.render.environment import Links
from ladder.validate import load_framework
from ladder.worksheet import site as worksheet_site

log = logging.getLogger("mkdocs.plugins.ladder")  # where MkDocs expects hooks and plugins to log

ASSETS = "assets/ladder/"
STYLESHEET = ASSETS + "ladder.css"
SCRIPT = ASSETS + "ladder.js"
FRAMEWORK_JSON = "framework.json"
SCHEMAS = "schema/"
REDIRECTS_PLUGIN = "redirects"
# Markdown extensions the generated pages are written for: {#id} attribute lists on headings and
# paragraphs, Markdown inside the matrix's <div>, tables.
REQUIRED_EXTENSIONS = ("attr_list", "md_in_html", "tables", "toc")


@dataclass(frozen=True)
class Settings:
    """`extra.ladder` in mkdocs.yml, paths resolved against the folder mkdocs.yml is in."""

    framework_dir: Path
    nav_limit: int
    worksheet_formats: tuple[str, ...]
    cache_dir: Path


DEFAULTS: dict[str, Any] = {
    "framework_dir": "framework",
    "nav_limit": 20,  # a section lists its pages in the navigation only up to this many
    "worksheets": ["html"],  # the blank worksheets' formats (see README: Performance)
    "cache_dir": ".cache/ladder",
}


def settings(config: MkDocsConfig) -> Settings:
    """`extra.ladder`, checked: a PluginError names the setting and what it takes."""
    extra_config: dict[str, Any] = dict(config.extra or {})
    given: dict[str, Any] = extra_config.get("ladder") or {}
    extra = {**DEFAULTS, **given}
    unknown = sorted(set(extra) - set(DEFAULTS))
    if unknown:
        _setting_error(config, unknown[0], f"unknown setting; Ladder's settings are {', '.join(DEFAULTS)}")
    base = Path(config.config_file_path or ".").resolve().parent
    limit = extra["nav_limit"]
    if not isinstance(limit, int) or isinstance(limit, bool) or limit < 0:
        _setting_error(config, "nav_limit", f"expected a whole number, got {limit!r}")
    chosen = extra["worksheets"]
    if isinstance(chosen, list) and "md" in chosen:
        _setting_error(
            config,
            "worksheets",
            "md: the site cannot publish Markdown worksheets (MkDocs would build them as pages); "
            "the HTML worksheet saves a Markdown copy, and `ladder worksheet --format md` makes one",
        )
    if not isinstance(chosen, list) or any(fmt not in worksheet_site.SITE_FORMATS for fmt in chosen):
        formats = ", ".join(worksheet_site.SITE_FORMATS)
        _setting_error(
            config, "worksheets", f"expected a list of formats from {formats} (or [] for none), got {chosen!r}"
        )
    for name in ("framework_dir", "cache_dir"):
        if not isinstance(extra[name], str) or not extra[name]:
            _setting_error(config, name, f"expected a folder, got {extra[name]!r}")
    return Settings(
        framework_dir=base / extra["framework_dir"],
        nav_limit=limit,
        worksheet_formats=tuple(fmt for fmt in worksheet_site.SITE_FORMATS if fmt in chosen),
        cache_dir=base / extra["cache_dir"],
    )


def _setting_error(config: MkDocsConfig, name: str, message: str) -> None:
    raise PluginError(f"{config.config_file_path}: extra.ladder.{name}: {message}")


# The framework's share of the site, once per change ----------------------------------------------


@dataclass(frozen=True)
class Content:
    handbook: handbook.Handbook
    worksheets: dict[str, Path]  # site path -> the file in the cache folder
    framework_json: str


_last: tuple[tuple[Any, ...], Content] | None = None  # reused while its key is the same


def content(config: MkDocsConfig) -> Content:
    """This build's framework, pages and worksheets (see `refresh`, which on_config runs)."""
    return _last[1] if _last is not None else refresh(config)


def refresh(config: MkDocsConfig) -> Content:
    """The validated framework, its pages and worksheets: made again only when a framework file,
    the worksheet formats or the day (worksheets say when they were made) have changed."""
    global _last
    chosen = settings(config)
    inputs = digest(chosen.framework_dir)
    key = (chosen.framework_dir, inputs, chosen.worksheet_formats, chosen.cache_dir, date.today())
    if _last is None or _last[0] != key:
        framework = _load(config, chosen.framework_dir)
        worksheets = (
            worksheet_site.cached(framework, chosen.worksheet_formats, chosen.cache_dir, inputs)
            if chosen.worksheet_formats
            else {}
        )
        pages = handbook.build(chosen.framework_dir, framework, worksheets=worksheets)
        _last = (key, Content(pages, worksheets, export.to_json(framework)))
    return _last[1]


def framework(config: MkDocsConfig) -> Framework:
    """The validated framework the site is built from (PluginError listing every error when invalid)."""
    return content(config).handbook.framework


def _load(config: MkDocsConfig, root: Path) -> Framework:
    try:
        return load_framework(root)
    except FrameworkNotFound as error:
        raise PluginError(f"{error} (set extra.ladder.framework_dir in {config.config_file_path})") from None
    except FrameworkError as error:
        lines = "\n".join(str(problem) for problem in error.problems)
        raise PluginError(
            f"the framework in {root} has {plural(len(error.problems), 'error')}; "
            f"`ladder validate` reports the same:\n{lines}"
        ) from None


# MkDocs events ------------------------------------------------------------------------------------


def quiet_macros() -> None:
    """on_startup: mkdocs-macros reports its set-up at INFO on every build; leave that to `-v`."""
    if not logging.getLogger("mkdocs").isEnabledFor(logging.DEBUG):
        logging.getLogger("mkdocs.plugins.mkdocs_macros").setLevel(logging.WARNING)


def configure(config: MkDocsConfig) -> MkDocsConfig:
    """on_config: check the settings Ladder relies on, add its stylesheet and script, and make
    this build's share of the framework's work (or keep the last build's, if nothing changed)."""
    refresh(config)
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
    return config


def add_files(files: Files, config: MkDocsConfig) -> Files:
    """on_files: the generated pages, Ladder's assets, the JSON Schemas, framework.json and the
    blank worksheets; and, now that the framework is at hand, its navigation and (when
    mkdocs.yml has none) site_url."""
    made = content(config)
    loaded = made.handbook.framework
    chosen = settings(config)
    if not config.site_url:
        config.site_url = loaded.meta.site_url
    if config.nav is not None:
        config.nav = nav.expand(config.nav, loaded, chosen.nav_limit)
    # Without a nav in mkdocs.yml, MkDocs lists every page; keep that list to the section index pages.
    in_nav = nav.pages_in(config.nav) if config.nav is not None else nav.index_pages()
    static: dict[str, bytes | Path] = {FRAMEWORK_JSON: made.framework_json.encode("utf-8")}
    for name in ("ladder.css", "ladder.js"):
        static[ASSETS + name] = package_files("ladder").joinpath("assets", name).read_bytes()
    for name, path in published_files(chosen.framework_dir).items():  # a fork's own (maybe stricter) schemas
        static[SCHEMAS + name] = path
    static.update(made.worksheets)
    clashes = [path for path in [*made.handbook.pages, *static] if files.get_file_from_path(path) is not None]
    if clashes:
        raise PluginError(
            f"{config.docs_dir}: Ladder generates {', '.join(clashes)}; "
            "rename or remove the hand-written file of the same name"
        )
    _redirect(config, made.handbook.redirects, files)
    for site_path, data in static.items():
        if isinstance(data, Path):
            files.append(File.generated(config, site_path, abs_src_path=str(data)))
        else:
            files.append(File.generated(config, site_path, content=data))
    for source, markdown in made.handbook.pages.items():
        inclusion = InclusionLevel.UNDEFINED if source in in_nav else InclusionLevel.NOT_IN_NAV
        files.append(File.generated(config, source, content=markdown, inclusion=inclusion))
    return files


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


def watched(config: MkDocsConfig) -> str:
    """on_serve: the folder whose edits rebuild the handbook."""
    return str(settings(config).framework_dir)


# mkdocs-macros (hooks/macros.py) ------------------------------------------------------------------


def define_macros(env: Any) -> None:
    """mkdocs-macros' entry point: Ladder's macros, bound to the site's framework and the page."""
    macros = Macros(lambda: framework(env.conf), lambda: env.page.file.src_uri)
    for name in MACRO_NAMES:
        env.macro(getattr(macros, name), name)

    def worksheets_table() -> str:
        """{{ worksheets_table() }}: the blank worksheets the site publishes, by level and kind."""
        loaded = framework(env.conf)
        links = Links(loaded, env.page.file.src_uri)
        return worksheet_site.table(loaded, settings(env.conf).worksheet_formats, links)

    env.macro(worksheets_table, "worksheets_table")
    env.variables["ladder_macros"] = macros  # for on_post_build's summary


def before_page_macros(env: Any) -> None:
    """Before each page: `{{ framework.meta.name }}` and the like read the framework, escaped."""
    depth = urls.page_url(env.page.file.src_uri).count("/")
    env.variables["framework"] = SafeView(framework(env.conf), depth)


def after_build_macros(env: Any) -> None:
    summary = env.variables["ladder_macros"].summary()
    if summary:
        log.info(summary)
