"""The handbook as MkDocs sees it: what the hooks in `hooks/` call, so that they hold no logic.

The framework is loaded once per change of its files (a `mkdocs serve` rebuild after a docs
edit reuses it), the generated pages are served from memory, and `framework.json` and the
JSON Schemas are published next to them.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from importlib.resources import files as package_files
from pathlib import Path
from typing import Any

from mkdocs.config.config_options import ExtraScriptValue
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files, InclusionLevel

from ladder import export, urls
from ladder.load import FrameworkNotFound
from ladder.model import Framework
from ladder.problems import FrameworkError, plural
from ladder.render import nav
from ladder.render.pages import all_worksheets, render_pages
from ladder.schema import BUNDLED
from ladder.validate import load_framework

DEFAULT_FRAMEWORK_DIR = "framework"
DEFAULT_NAV_LIMIT = 20
ASSETS = "assets/ladder/"
STYLESHEET = ASSETS + "ladder.css"
SCRIPT = ASSETS + "ladder.js"
FRAMEWORK_JSON = "framework.json"
SCHEMAS = "schema/"
COMPARE_PAGE = urls.source(urls.COMPARE)
# Markdown extensions the generated pages are written for: {#id} attribute lists on headings and
# paragraphs, Markdown inside the matrix's <div>, tables.
REQUIRED_EXTENSIONS = ("attr_list", "md_in_html", "tables", "toc")


@dataclass(frozen=True)
class Settings:
    """`extra.ladder` in mkdocs.yml."""

    framework_dir: Path
    nav_limit: int


def settings(config: MkDocsConfig) -> Settings:
    extra: dict[str, Any] = (config.extra or {}).get("ladder") or {}
    base = Path(config.config_file_path or ".").resolve().parent
    limit = extra.get("nav_limit", DEFAULT_NAV_LIMIT)
    if not isinstance(limit, int) or limit < 0:
        raise PluginError(f"{config.config_file_path}: extra.ladder.nav_limit: expected a whole number, got {limit!r}")
    return Settings(base / str(extra.get("framework_dir", DEFAULT_FRAMEWORK_DIR)), limit)


# Loading, once per change ------------------------------------------------------------------------

_loaded: tuple[Path, tuple[Any, ...], Framework] | None = None
_rendered: tuple[Framework, frozenset[str], dict[str, str]] | None = None


def framework(config: MkDocsConfig) -> Framework:
    """The validated framework the site is built from; PluginError listing every error when invalid."""
    global _loaded
    root = settings(config).framework_dir
    signature = _signature(root)
    if _loaded is None or _loaded[0] != root or _loaded[1] != signature:
        try:
            _loaded = (root, signature, load_framework(root))
        except FrameworkNotFound as error:
            raise PluginError(f"{error} (set extra.ladder.framework_dir in {config.config_file_path})") from None
        except FrameworkError as error:
            lines = "\n".join(str(problem) for problem in error.problems)
            raise PluginError(
                f"the framework in {root} has {plural(len(error.problems), 'error')}; "
                f"`ladder validate` reports the same:\n{lines}"
            ) from None
    return _loaded[2]


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


def pages(framework: Framework, worksheets: frozenset[str]) -> dict[str, str]:
    global _rendered
    if _rendered is None or _rendered[0] is not framework or _rendered[1] != worksheets:
        _rendered = (framework, worksheets, render_pages(framework, worksheets=worksheets))
    return _rendered[2]


# MkDocs events ------------------------------------------------------------------------------------


def configure(config: MkDocsConfig) -> MkDocsConfig:
    """on_config: load the framework, add Ladder's stylesheet and script, size the navigation."""
    if not config.use_directory_urls:
        raise PluginError(
            f"{config.config_file_path}: use_directory_urls must stay true: "
            "Ladder's published links (levels/senior/) are directory URLs"
        )
    for extension in REQUIRED_EXTENSIONS:  # the generated pages' anchors and tables need these
        if extension not in config.markdown_extensions:
            config.markdown_extensions.append(extension)
    loaded = framework(config)
    if not config.site_url:
        config.site_url = loaded.meta.site_url
    if STYLESHEET not in config.extra_css:
        config.extra_css.append(STYLESHEET)
    if SCRIPT not in [str(script) for script in config.extra_javascript]:
        config.extra_javascript.append(ExtraScriptValue(SCRIPT))
    if config.nav is not None:
        config.nav = nav.expand(config.nav, loaded, settings(config).nav_limit)
    return config


def add_files(files: Files, config: MkDocsConfig) -> Files:
    """on_files: the generated pages, Ladder's assets, framework.json and the JSON Schemas.

    Runs after other hooks' on_files, so that level pages link exactly the worksheets that
    hooks/worksheets.py publishes.
    """
    loaded = framework(config)
    # Without a nav in mkdocs.yml, MkDocs lists every page; keep that list to the section index pages.
    in_nav = nav.pages_in(config.nav) if config.nav is not None else set(nav.sections(loaded, 0)) | {COMPARE_PAGE}
    worksheets = frozenset(path for path in all_worksheets(loaded) if files.get_file_from_path(path) is not None)
    generated: dict[str, str | bytes] = {}
    for path, markdown in pages(loaded, worksheets).items():
        generated[path] = markdown
    for name in ("ladder.css", "ladder.js"):
        generated[ASSETS + name] = package_files("ladder").joinpath("assets", name).read_bytes()
    generated[FRAMEWORK_JSON] = export.to_json(loaded)
    schema_dir = settings(config).framework_dir / "schema"  # a fork's own (maybe stricter) schemas
    for schema in sorted((schema_dir if schema_dir.is_dir() else BUNDLED).glob("*.json")):
        generated[SCHEMAS + schema.name] = schema.read_bytes()
    clashes = [path for path in generated if files.get_file_from_path(path) is not None]
    if clashes:
        raise PluginError(
            f"{config.docs_dir}: Ladder generates {', '.join(clashes)}; "
            "rename or remove the hand-written file of the same name"
        )
    for path, content in generated.items():
        hidden = path.endswith(".md") and path not in in_nav
        inclusion = InclusionLevel.NOT_IN_NAV if hidden else InclusionLevel.UNDEFINED
        files.append(File.generated(config, path, content=content, inclusion=inclusion))
    return files


def watched(config: MkDocsConfig) -> str:
    """on_serve: the folder whose edits rebuild the handbook."""
    return str(settings(config).framework_dir)
