"""The MkDocs adapter: what the hooks in `hooks/` call, so that they hold no logic.

Everything happens in MkDocs' own process, through MkDocs' public API, as Material's blog
plugin does it: at `on_files` the generated pages join the site as `File.generated` files,
with the files that go with them (ladder.engines.publish). The framework is validated and
its pages rendered once per change of its files, so a `mkdocs serve` rebuild after an edit in
`docs/` reuses them. The blank worksheets wait for `on_files`, where MkDocs has listed the
pages it publishes (they link the guides among them); they are kept in a cache folder under a
hash of their inputs, so a rebuild copies them.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup, escape
from mkdocs.config.config_options import ExtraScriptValue
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files, InclusionLevel

from ladder import urls
from ladder.engines.files import as_mkdocs_lists
from ladder.engines.publish import (
    REQUIRED_EXTENSIONS,
    SCRIPT,
    STYLESHEET,
    Published,
    publish_without_worksheets,
    with_worksheets,
)
from ladder.engines.settings import SettingError, Settings
from ladder.engines.settings import read as read_settings
from ladder.files import digest
from ladder.load import FrameworkNotFound
from ladder.macros import Macros, SafeView, functions
from ladder.model import Framework
from ladder.problems import FrameworkError, plural
from ladder.render import nav

log = logging.getLogger("mkdocs.plugins.ladder")  # where MkDocs expects hooks and plugins to log

REDIRECTS_PLUGIN = "redirects"


def settings(config: MkDocsConfig) -> Settings:
    """`extra.ladder`, checked: a PluginError names the setting and what it takes."""
    try:
        return read_settings(config.extra, Path(config.config_file_path or ".").resolve().parent)
    except SettingError as error:
        raise PluginError(f"{config.config_file_path}: {error}") from None


# The framework's share of the site, once per change ----------------------------------------------

# The last result of each stage ("framework" at on_config, "site" at on_files) with the key it was
# made under: a `mkdocs serve` rebuild whose key is unchanged reuses it.
_last: dict[str, tuple[tuple[Any, ...], Published]] = {}


def _reused(stage: str, key: tuple[Any, ...], make: Callable[[], Published]) -> Published:
    kept = _last.get(stage)
    if kept is None or kept[0] != key:
        kept = _last[stage] = (key, make())
    return kept[1]


def content(config: MkDocsConfig) -> Published:
    """This build's framework, pages and files, before the worksheets (see `refresh`, which
    on_config runs)."""
    kept = _last.get("framework")
    return kept[1] if kept is not None else refresh(config)


def refresh(config: MkDocsConfig) -> Published:
    """The validated framework, its pages and files: made again only when a framework file, a
    setting or the day has changed."""
    chosen = settings(config)
    inputs = digest(chosen.framework_dir)
    try:
        return _reused("framework", (chosen, inputs, date.today()), lambda: publish_without_worksheets(chosen, inputs))
    except FrameworkNotFound as error:
        raise PluginError(f"{error} (set extra.ladder.framework_dir in {config.config_file_path})") from None
    except FrameworkError as error:
        lines = "\n".join(str(problem) for problem in error.problems)
        raise PluginError(
            f"the framework in {chosen.framework_dir} has {plural(len(error.problems), 'error')}; "
            f"`ladder validate` reports the same:\n{lines}"
        ) from None


def with_site_worksheets(files: Files, config: MkDocsConfig) -> Published:
    """`content` with the blank worksheets, which link only the guides among the pages MkDocs
    publishes (not those `exclude_docs` or `draft_docs` leave out): made again when the framework's
    share or that list of pages has changed."""
    made = content(config)
    pages = frozenset(page.dest_uri.removesuffix("index.html") for page in files.documentation_pages())
    chosen = settings(config)
    return _reused("site", (made.inputs, chosen, date.today(), pages), lambda: with_worksheets(made, chosen, pages))


def framework(config: MkDocsConfig) -> Framework:
    """The validated framework the site is built from (PluginError listing every error when invalid)."""
    return content(config).framework


# MkDocs events ------------------------------------------------------------------------------------


_serving = False  # `mkdocs serve` puts its own address in site_url: nothing to compare then


def start(command: str) -> None:
    """on_startup: note whether this is `mkdocs serve`, and quieten mkdocs-macros."""
    global _serving
    _serving = command == "serve"
    quiet_macros()


def quiet_macros() -> None:
    """mkdocs-macros reports its set-up at INFO on every build; leave that to `-v`."""
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
    """on_files: the generated pages and the files that go with them; and, now that the framework
    is at hand, its navigation and (when mkdocs.yml has none) site_url."""
    made = with_site_worksheets(files, config)
    address = made.framework.meta.site_url
    if not config.site_url:
        config.site_url = address
    elif not _serving and config.site_url.rstrip("/") != address.rstrip("/"):
        log.warning(
            f"{config.config_file_path}: site_url is {config.site_url} but the framework's is {address}: "
            "pages would give one address and Copy link the other; remove site_url from mkdocs.yml "
            "(Ladder uses the framework's) or make the two the same"
        )
    limit = settings(config).nav_limit
    if config.nav is not None:
        config.nav = nav.expand(config.nav, made.framework, limit)
    else:  # the hand-written pages as MkDocs would list them, with the generated sections by name
        listed = [file for file in files.documentation_pages() if file.inclusion.is_in_nav()]  # type: ignore[no-untyped-call]
        config.nav = nav.default(as_mkdocs_lists(listed), made.framework, limit)
    in_nav = nav.pages_in(config.nav)
    clashes = [path for path in [*made.handbook.pages, *made.files] if files.get_file_from_path(path) is not None]
    if clashes:
        raise PluginError(
            f"{config.docs_dir}: Ladder generates {', '.join(clashes)}; "
            "rename or remove the hand-written file of the same name"
        )
    _redirect(config, made.handbook.redirects, files)
    for site_path, data in made.files.items():
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


def escape_stripped_tags(env: jinja2.Environment) -> jinja2.Environment:
    """on_env: Jinja's `striptags` filter turns `&lt;` back into `<`, and Material puts its result in
    the page's <title> unescaped; so a title such as `</title><script>...` would run. Here the
    filter strips tags as before and escapes the text it leaves."""
    env.filters["striptags"] = lambda value: escape(Markup(str(value)).striptags())
    return env


def watched(config: MkDocsConfig) -> str:
    """on_serve: the folder whose edits rebuild the handbook."""
    return str(settings(config).framework_dir)


# mkdocs-macros (hooks/macros.py) ------------------------------------------------------------------


def define_macros(env: Any) -> None:
    """mkdocs-macros' entry point: Ladder's macros, bound to the site's framework and the page."""
    macros = Macros(lambda: framework(env.conf), lambda: env.page.file.src_uri)
    for name, function in functions(macros, lambda: settings(env.conf).worksheet_formats).items():
        env.macro(function, name)
    env.variables["ladder_macros"] = macros  # for on_post_build's summary


def before_page_macros(env: Any) -> None:
    """Before each page: `{{ framework.meta.name }}` and the like read the framework, escaped."""
    depth = urls.page_url(env.page.file.src_uri).count("/")
    env.variables["framework"] = SafeView(framework(env.conf), depth)


def after_build_macros(env: Any) -> None:
    summary = env.variables["ladder_macros"].summary()
    if summary:
        log.info(summary)
