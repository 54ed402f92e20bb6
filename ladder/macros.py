"""Macros for hand-written pages (`render_macros: true`): link to framework data instead of repeating it.

    {{ link('senior') }}                 [L4 Senior Engineer](../levels/senior.md)
    {{ link('senior', 'the next level') }}
    {{ link('senior', dimension='leadership') }}    [L4 Senior Engineer: Leadership](../levels/senior.md#leadership)
    {{ quote('ownership-closes-the-loop') }}   the statement as a block quote, with its link
    {{ example('senior-halve-paging') }}       an example expectation with its key steps
    {{ levels_list('ic') }}                    the track's levels, lowest first
    {{ framework.meta.name }}                  any value of the framework

An unknown id is reported as an error naming the page and the id (the strict build fails)
and shows up in the page as a marked placeholder, so `mkdocs serve` keeps running.
"""

from __future__ import annotations

import difflib
from typing import Any

from markupsafe import Markup
from mkdocs.plugins import get_plugin_logger

from ladder.model import Dimension, Example, Framework, Level, Statement, Track
from ladder.render import site
from ladder.render.environment import Links, environment
from ladder.render.titles import describe

log = get_plugin_logger(__name__)


class Macros:
    """The macros, bound to the site's framework (loaded when a page first uses one) and to the page."""

    def __init__(self, config: Any, current_page: Any):
        self.config = config
        self.current_page = current_page  # () -> the page's source path, e.g. "guides/calibration.md"

    @property
    def framework(self) -> Framework:
        return site.framework(self.config)

    @property
    def ids(self) -> list[str]:
        return sorted({alias for item in self.framework.items() for alias in (item.id, *item.aliases)})

    # `otherwise`: what to show when the framework has no such item: a guide written for one
    # framework still builds for a fork whose framework is different. Without it, an unknown
    # id is an error (a typo must fail the strict build).

    def link(
        self, ident: str, text: str | None = None, dimension: str | None = None, otherwise: str | None = None
    ) -> str:
        if dimension is not None:  # one dimension's section of a level page
            level = self._find(ident, "link", Level, otherwise)
            found = self._find(dimension, "link", Dimension, otherwise) if level is not None else None
            if level is None or found is None:
                return _missing(ident if level is None else dimension, otherwise)
            return str(self._links().cell(level, found, text))
        item = self._find(ident, "link", None, otherwise)
        if item is None:
            return _missing(ident, otherwise)
        return str(self._links().to(item, text))

    def quote(self, ident: str, otherwise: str | None = None) -> str:
        statement = self._find(ident, "quote", Statement, otherwise)
        if statement is None:
            return _missing(ident, otherwise)
        return self._render("macros/quote.md.j2", statement=statement)

    def example(self, ident: str, otherwise: str | None = None) -> str:
        found = self._find(ident, "example", Example, otherwise)
        if found is None:
            return _missing(ident, otherwise)
        return self._render("macros/example.md.j2", example=found)

    def levels_list(self, ident: str, otherwise: str | None = None) -> str:
        track = self._find(ident, "levels_list", Track, otherwise)
        if track is None:
            return _missing(ident, otherwise)
        return self._render("macros/levels_list.md.j2", levels=self.framework.ladder(track.id))

    def _find(self, ident: str, macro: str, kind: type | None, otherwise: str | None) -> Any:
        page = f"{self.current_page()}: {macro}({ident!r})"
        report = log.info if otherwise is not None else log.error
        try:
            item = self.framework.get(ident)
        except (KeyError, TypeError):
            if otherwise is not None:
                report(f"{page}: not in this framework; showing the text given as `otherwise`")
                return None
            report(f"{page}: no item in the framework has the id '{ident}'{self._did_you_mean(ident)}")
            return None
        if kind is not None and not isinstance(item, kind):
            report(f"{page}: '{ident}' is a {describe(item)}; {macro}() needs a {kind.__name__.lower()} id")
            return None
        return item

    def _did_you_mean(self, ident: object) -> str:
        text = str(ident)
        # Forks rename by lengthening ids ("senior" -> "senior-engineer"): a prefix match comes first.
        prefixed = [known for known in self.ids if known.startswith(text) or text.startswith(known)]
        close = difflib.get_close_matches(text, prefixed, n=1, cutoff=0) or difflib.get_close_matches(
            text, self.ids, n=1
        )
        return f" (did you mean '{close[0]}'?)" if close else ""

    def _links(self) -> Links:
        return Links(self.framework, self.current_page())

    def _render(self, template: str, **context: Any) -> str:
        return environment().get_template(template).render(links=self._links(), **context)


def _missing(ident: str, otherwise: str | None) -> str:
    """The `otherwise` text, or a marked placeholder beside the error already logged."""
    if otherwise is not None:
        return otherwise
    return str(Markup("**[unknown id: {}]**").format(ident))


def define_env(env: Any) -> None:
    """mkdocs-macros entry point (see hooks/macros.py). Runs at on_config, before the framework is
    needed: nothing here waits for it, so its checking can go on beside MkDocs."""
    macros = Macros(env.conf, lambda: env.page.file.src_uri)
    for name in ("link", "quote", "example", "levels_list"):
        env.macro(getattr(macros, name), name)

    def worksheets_table() -> str:
        """{{ worksheets_table() }}: the blank worksheets the site publishes, by level and kind."""
        from ladder.worksheet import site as worksheet_site

        framework = site.framework(env.conf)
        return worksheet_site.table(
            framework, site.worksheet_formats(env.conf), Links(framework, env.page.file.src_uri)
        )

    env.macro(worksheets_table, "worksheets_table")


def on_pre_page_macros(env: Any) -> None:
    """mkdocs-macros, before each page: `{{ framework.meta.name }}` and the like read the framework."""
    env.variables["framework"] = site.framework(env.conf)
