"""`ladder render`: the handbook on disk, for Zensical or any other generator that reads Markdown files.

Two forms:

- `write_pages`: the generated pages alone, into a folder.
- `write_project`: a whole site project that needs no hooks and no Ladder plugin: a copy of
  the handbook's mkdocs.yml (its navigation expanded, hooks and macros taken out, the redirects
  of renamed items written into the redirects plugin's map) beside a `docs/` folder with the
  hand-written pages (their macros expanded), the generated pages and every file the hooks
  would publish; every page's sections end with the search spellings the hooks would add
  (ladder.render.spellings). Zensical, which reads mkdocs.yml but runs no hooks and no
  third-party plugins, builds it as it is; so does plain MkDocs.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from importlib.resources import files as package_files
from pathlib import Path
from typing import Any

import jinja2
import pathspec
import yaml
from mkdocs.structure.files import File, file_sort_key
from mkdocs.utils import nest_paths

from ladder import urls
from ladder.engines.publish import REQUIRED_EXTENSIONS, SCRIPT, STYLESHEET, Published, site_sources
from ladder.engines.settings import Settings
from ladder.files import FileExists, write_atomic
from ladder.macros import Macros, SafeView, functions
from ladder.render import nav
from ladder.render.spellings import markdown_with_spellings

CONFIG_FILE = "mkdocs.yml"
DOCS = "docs"
OVERRIDES = "overrides"  # the theme's custom_dir in the project: Ladder's main.html (see ladder/overrides/)
SITE = "site"
MACROS_PLUGIN = "macros"
REDIRECTS_PLUGIN = "redirects"
FRONT_MATTER = "---\n"


class ProjectError(Exception):
    """The configuration cannot be turned into a project (a message naming the file and the setting)."""


@dataclass
class Outcome:
    written: list[Path] = field(default_factory=list)
    skipped: list[Path] = field(default_factory=list)  # existed already, and --force was not given
    otherwise: list[str] = field(default_factory=list)  # citations that showed their `otherwise` words


def write_pages(pages: dict[str, str], out_dir: Path, *, force: bool = False) -> Outcome:
    """Write each page under out_dir; a file already there is skipped (it may hold edits) unless force."""
    outcome = Outcome()
    for source, markdown in pages.items():
        _write(out_dir / source, markdown, force, outcome)
    return outcome


def _write(path: Path, content: str | bytes, force: bool, outcome: Outcome) -> None:
    try:
        write_atomic(path, content, force=force)
    except FileExists:
        outcome.skipped.append(path)
    else:
        outcome.written.append(path)


# A whole project ----------------------------------------------------------------------------------


def read_config(path: Path) -> dict[str, Any]:
    """mkdocs.yml as data, keeping tags such as `!!python/name:` and `!ENV` as they are written."""
    try:
        loaded = yaml.load(path.read_text(encoding="utf-8"), Loader=_TagKeepingLoader)
    except (OSError, UnicodeDecodeError) as error:
        raise ProjectError(f"{path}: cannot read it: {error}") from None
    except yaml.YAMLError as error:
        raise ProjectError(f"{path}: not valid YAML: {error}") from None
    if not isinstance(loaded, dict):
        raise ProjectError(f"{path}: expected the settings of a site, got {type(loaded).__name__}")
    return loaded


def docs_folder(config_path: Path, config: dict[str, Any]) -> Path:
    """The configuration's docs_dir (ProjectError when there is no such folder)."""
    docs_dir = config_path.resolve().parent / str(config.get("docs_dir", DOCS))
    if not docs_dir.is_dir():
        raise ProjectError(f"{config_path}: docs_dir: no such folder {docs_dir}")
    return docs_dir


def left_out(config: dict[str, Any]) -> str:
    """The configuration's patterns for hand-written files a build does not publish (`exclude_docs`,
    and `draft_docs`, which only `mkdocs serve` shows)."""
    return "\n".join(value for key in ("exclude_docs", "draft_docs") if isinstance(value := config.get(key), str))


def write_project(
    config_path: Path, config: dict[str, Any], chosen: Settings, made: Published, out_dir: Path, *, force: bool
) -> Outcome:
    """The site project for `config` (read from `config_path`) into out_dir: mkdocs.yml and docs/."""
    outcome = Outcome()
    address, given = made.framework.meta.site_url, config.get("site_url")
    if given and str(given).rstrip("/") != address.rstrip("/"):
        raise ProjectError(
            f"{config_path}: site_url is {given} but the framework's is {address}: pages would give one "
            "address and Copy link the other; remove site_url from it (Ladder uses the framework's) or make "
            "the two the same"
        )
    base = config_path.resolve().parent
    docs_dir = docs_folder(config_path, config)
    docs = out_dir / DOCS
    for page in sorted(path for path in docs_dir.rglob("*") if path.is_file() and not path.is_symlink()):
        relative = page.relative_to(docs_dir).as_posix()
        if relative in made.handbook.pages or relative in made.files:
            raise ProjectError(f"{docs_dir}: Ladder generates {relative}; rename or remove the hand-written file")
        content: str | bytes = page.read_bytes()
        if page.suffix == ".md":
            expanded = expand_macros(page.read_text(encoding="utf-8"), relative, made, chosen, outcome)
            content = markdown_with_spellings(expanded)
        _write(docs / relative, content, force, outcome)
    for source, markdown in made.handbook.pages.items():  # Zensical runs no hooks: spellings here
        _write(docs / source, markdown_with_spellings(markdown), force, outcome)
    for site_path, data in made.files.items():
        _write(docs / site_path, data.read_bytes() if isinstance(data, Path) else data, force, outcome)
    theme = config.get("theme") if isinstance(config.get("theme"), dict) else None
    own = theme.get("custom_dir") if theme else None
    if isinstance(own, str):  # the site's own overrides come along; its own main.html wins
        for path in sorted(item for item in (base / own).rglob("*") if item.is_file() and not item.is_symlink()):
            _write(out_dir / OVERRIDES / path.relative_to(base / own), path.read_bytes(), force, outcome)
    if not (out_dir / OVERRIDES / "main.html").exists():
        main = package_files("ladder").joinpath("overrides", "main.html").read_bytes()
        _write(out_dir / OVERRIDES / "main.html", main, force, outcome)
    _write(out_dir / CONFIG_FILE, _dump(project_config(config, chosen, made, docs_dir)), force, outcome)
    return outcome


def project_config(config: dict[str, Any], chosen: Settings, made: Published, docs_dir: Path) -> dict[str, Any]:
    """mkdocs.yml for the project: no hooks, no macros, Ladder's navigation, files and redirects.
    `docs_dir`: the hand-written pages, for the navigation Ladder makes when `config` has none."""
    result = {key: value for key, value in config.items() if key not in ("hooks", "docs_dir", "site_dir")}
    result["docs_dir"] = DOCS
    theme = result.get("theme")
    result["theme"] = {**(theme if isinstance(theme, dict) else {"name": theme}), "custom_dir": OVERRIDES}
    result["site_dir"] = SITE
    result.setdefault("site_url", made.framework.meta.site_url)
    if config.get("nav") is not None:
        result["nav"] = nav.expand(config["nav"], made.framework, chosen.nav_limit)
    else:  # as the hooks make it (ladder.engines.mkdocs.add_files), from the pages MkDocs would list
        result["nav"] = nav.default(_listed(docs_dir, config), made.framework, chosen.nav_limit)
    in_nav = nav.pages_in(result["nav"])
    # Generated pages the navigation leaves out are meant to be reached by links, not a warning:
    # one pattern per folder of them (a page in the navigation stays in it all the same).
    folders = sorted({page.rpartition("/")[0] for page in made.handbook.pages if page not in in_nav})
    result["not_in_nav"] = _Lines(f"/{folder}/*.md" if folder else "/*.md" for folder in folders)
    extensions = list(result.get("markdown_extensions") or [])
    named = {next(iter(entry)) if isinstance(entry, dict) else entry for entry in extensions}
    result["markdown_extensions"] = extensions + [name for name in REQUIRED_EXTENSIONS if name not in named]
    result["extra_css"] = [*(config.get("extra_css") or []), STYLESHEET]
    result["extra_javascript"] = [*(config.get("extra_javascript") or []), SCRIPT]
    extra = {key: value for key, value in (config.get("extra") or {}).items() if key != "ladder"}
    if extra:
        result["extra"] = extra
    else:
        result.pop("extra", None)
    result["plugins"] = _plugins(config.get("plugins"), made.handbook.redirects)
    return result


def _listed(docs_dir: Path, config: dict[str, Any]) -> list[nav.NavEntry]:
    """The hand-written pages as MkDocs nests them in a navigation it makes: those it publishes, less
    those mkdocs.yml's `not_in_nav` names, folder by folder with each folder's index page first."""
    hidden = config.get("not_in_nav")
    unlisted = pathspec.GitIgnoreSpec.from_lines(hidden.splitlines() if isinstance(hidden, str) else [])
    pages = [File(source, str(docs_dir), SITE, True) for source in site_sources(docs_dir, left_out(config))]
    return as_mkdocs_lists([page for page in pages if not unlisted.match_file(page.src_uri)])


def as_mkdocs_lists(pages: Iterable[File]) -> list[nav.NavEntry]:
    """Pages nested as MkDocs nests them in a navigation it makes (folder by folder, each folder's
    index page first), by MkDocs' own functions."""
    listed = sorted(pages, key=file_sort_key)
    nested: list[nav.NavEntry] = nest_paths(page.src_uri for page in listed)  # type: ignore[no-untyped-call]
    return nested


def _plugins(plugins: Any, redirects: dict[str, str]) -> list[Any]:
    """The plugins, without macros (expanded already), with the redirects of renamed items."""
    result: list[Any] = []
    has_redirects = False
    entries = plugins if isinstance(plugins, list) else [{name: options} for name, options in (plugins or {}).items()]
    for entry in entries:
        name = entry if isinstance(entry, str) else next(iter(entry))
        if name == MACROS_PLUGIN:
            continue
        if name == REDIRECTS_PLUGIN:
            has_redirects = True
            options = dict((entry[name] or {}) if isinstance(entry, dict) else {})
            options["redirect_maps"] = {**redirects, **(options.get("redirect_maps") or {})}
            entry = {name: options}
        result.append(entry)
    if redirects and not has_redirects:
        result.append({REDIRECTS_PLUGIN: {"redirect_maps": dict(redirects)}})
    return result


def expand_macros(markdown: str, source: str, made: Published, chosen: Settings, outcome: Outcome) -> str:
    """A hand-written page with its macros run, as mkdocs-macros runs them (`render_macros: true`)."""
    front, body = _split_front_matter(markdown)
    if not front.get("render_macros"):
        return markdown
    macros = Macros(lambda: made.framework, lambda: source)
    formats: Callable[[], Sequence[str]] = lambda: chosen.worksheet_formats  # noqa: E731
    environment = jinja2.Environment(undefined=jinja2.StrictUndefined, keep_trailing_newline=True)
    try:
        rendered = environment.from_string(body).render(
            **functions(macros, formats), framework=SafeView(made.framework, urls.page_url(source).count("/"))
        )
    except jinja2.TemplateError as error:
        raise ProjectError(f"{source}: a macro failed: {error}") from None
    if macros.unknown:
        raise ProjectError(f"{source}: {macros.unknown[0]}")
    outcome.otherwise += macros.used_otherwise
    front.pop("render_macros")
    return (FRONT_MATTER + _dump(front) + FRONT_MATTER if front else "") + rendered


def _split_front_matter(markdown: str) -> tuple[dict[str, Any], str]:
    if not markdown.startswith(FRONT_MATTER):
        return {}, markdown
    head, separator, body = markdown[len(FRONT_MATTER) :].partition("\n" + FRONT_MATTER)
    if not separator:
        return {}, markdown
    data = yaml.load(head, Loader=yaml.CSafeLoader)
    return (data if isinstance(data, dict) else {}), body


# YAML that keeps MkDocs' tags ---------------------------------------------------------------------


@dataclass(frozen=True)
class _Tagged:
    tag: str
    value: Any


class _TagKeepingLoader(yaml.SafeLoader):
    pass


def _keep_tag(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> _Tagged:
    if isinstance(node, yaml.ScalarNode):
        value: Any = loader.construct_scalar(node)
    elif isinstance(node, yaml.SequenceNode):
        value = loader.construct_sequence(node, deep=True)
    else:
        value = loader.construct_mapping(node, deep=True)  # type: ignore[arg-type]
    return _Tagged(node.tag, value)


_TagKeepingLoader.add_multi_constructor("!", _keep_tag)
_TagKeepingLoader.add_multi_constructor("tag:yaml.org,2002:python/", _keep_tag)


class _TagKeepingDumper(yaml.SafeDumper):
    pass


def _tagged(dumper: yaml.SafeDumper, tagged: _Tagged) -> yaml.Node:
    if isinstance(tagged.value, list):
        return dumper.represent_sequence(tagged.tag, tagged.value)
    if isinstance(tagged.value, dict):
        return dumper.represent_mapping(tagged.tag, tagged.value)
    return dumper.represent_scalar(tagged.tag, str(tagged.value))


_TagKeepingDumper.add_representer(_Tagged, _tagged)


class _Lines(str):
    """Text of one line per entry, written as a YAML block (`|`), as a person writes not_in_nav."""

    def __new__(cls, lines: Iterable[str]) -> _Lines:
        return super().__new__(cls, "".join(f"{line}\n" for line in lines))


_TagKeepingDumper.add_representer(
    _Lines, lambda dumper, text: dumper.represent_scalar("tag:yaml.org,2002:str", str(text), style="|")
)


def _dump(data: dict[str, Any]) -> str:
    return yaml.dump(data, Dumper=_TagKeepingDumper, sort_keys=False, allow_unicode=True)


def clear(out_dir: Path) -> None:
    """Remove a project written before, so pages of items since removed do not linger."""
    for name in (DOCS, OVERRIDES, CONFIG_FILE):
        target = out_dir / name
        if target.is_dir():
            shutil.rmtree(target)
        elif target.exists():
            target.unlink()
