"""Macros for hand-written pages (`render_macros: true`): link to framework data instead of repeating it.

    {{ link('senior') }}                 [L4 Senior Engineer](../levels/senior.md)
    {{ link('senior', 'the next level') }}
    {{ link('senior', dimension='leadership') }}    [L4 Senior Engineer: Leadership](../levels/senior.md#leadership)
    {{ quote('ownership-closes-the-loop') }}   the statement as a block quote, with its link
    {{ example('senior-halve-paging') }}       an example expectation with its key steps
    {{ levels_list('ic') }}                    the track's levels, lowest first
    {{ framework.meta.name }}                  any value of the framework, escaped (see SafeView)

An unknown id is reported as an error naming the page and the id (the strict build fails)
and shows up in the page as a marked placeholder, so `mkdocs serve` keeps running. With
`otherwise='...'` the words given show instead, quietly: a guide written for one framework
still builds for a fork whose framework is different.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Sequence
from typing import Any

from markupsafe import Markup

from ladder.model import PROSE_FIELDS, Dimension, Example, Framework, Level, Statement, Track
from ladder.problems import did_you_mean, plural
from ladder.render import text
from ladder.render.environment import Links, environment
from ladder.render.titles import describe

log = logging.getLogger("mkdocs.plugins.ladder.macros")
# Text that means the same in HTML, in Markdown and as an id: lower-case words joined by hyphens.
IDENTIFIER = re.compile(r"[a-z][a-z0-9]*(-[a-z0-9]+)*")


class Macros:
    """The macros, bound to a framework (fetched when a page first uses one) and to the current page."""

    def __init__(self, framework: Callable[[], Framework], current_page: Callable[[], str]):
        self._framework = framework
        self.current_page = current_page  # () -> the page's source path, e.g. "guides/calibration.md"
        self.used_otherwise: list[str] = []  # "page: link('x')", each citation that showed its words
        self.unknown: list[str] = []  # each error reported: an id without `otherwise` the framework lacks

    @property
    def framework(self) -> Framework:
        return self._framework()

    @property
    def ids(self) -> list[str]:
        return sorted({alias for item in self.framework.items() for alias in (item.id, *item.aliases)})

    def link(
        self, ident: str, text: str | None = None, dimension: str | None = None, otherwise: str | None = None
    ) -> str:
        if dimension is not None:  # one dimension's section of a level page
            level = self._find(ident, "link", Level, otherwise)
            found = self._find(dimension, "link", Dimension, otherwise) if level is not None else None
            if level is None or found is None:
                return _missing(ident if level is None else dimension, otherwise)
            return str(self.links().cell(level, found, text))
        item = self._find(ident, "link", None, otherwise)
        if item is None:
            return _missing(ident, otherwise)
        return str(self.links().to(item, text))

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

    def ratings(self, otherwise: str | None = None) -> str:
        """{{ ratings() }}: whether levels are cumulative, the ratings and how they combine, as the
        framework's `ratings` says; the `otherwise` words for a framework that has none."""
        if self.framework.ratings is None:
            if otherwise is not None:
                self.used_otherwise.append(f"{self.current_page()}: ratings()")
                return otherwise
            self._error(f"{self.current_page()}: ratings(): framework.yaml has no `ratings`")
            return _missing("ratings", None)
        return self._render("macros/ratings.md.j2", ratings=self.framework.ratings)

    def levels_list(self, ident: str, otherwise: str | None = None) -> str:
        track = self._find(ident, "levels_list", Track, otherwise)
        if track is None:
            return _missing(ident, otherwise)
        return self._render("macros/levels_list.md.j2", levels=self.framework.ladder(track.id))

    def _find(self, ident: str, macro: str, kind: type | None, otherwise: str | None) -> Any:
        page = f"{self.current_page()}: {macro}({ident!r})"
        try:
            item = self.framework.get(ident)
        except (KeyError, TypeError):
            if otherwise is not None:
                self.used_otherwise.append(page)
                log.debug(f"ladder: {page}: not in this framework; showing the text given as `otherwise`")
                return None
            self._error(f"{page}: no item in the framework has the id '{ident}'{did_you_mean(str(ident), self.ids)}")
            return None
        if kind is not None and not isinstance(item, kind):
            message = f"{page}: '{ident}' is a {describe(item)}; {macro}() needs a {kind.__name__.lower()} id"
            if otherwise is None:
                self._error(message)
            else:
                self.used_otherwise.append(page)
                log.debug(f"ladder: {message}; showing the text given as `otherwise`")
            return None
        return item

    def _error(self, message: str) -> None:
        self.unknown.append(message)
        log.error(message)

    def links(self) -> Links:
        return Links(self.framework, self.current_page())

    def _render(self, template: str, **context: Any) -> str:
        return environment().get_template(template).render(links=self.links(), **context)

    def summary(self) -> str | None:
        """One line about the citations that showed their `otherwise` words, if any did."""
        if not self.used_otherwise:
            return None
        pages = len({citation.partition(":")[0] for citation in self.used_otherwise})
        return (
            f"Ladder: {plural(len(self.used_otherwise), 'citation')} on {plural(pages, 'page')} name items this "
            "framework does not have and show their `otherwise` words instead (`mkdocs build -v` lists them)"
        )


def functions(macros: Macros, worksheet_formats: Callable[[], Sequence[str]]) -> dict[str, Callable[..., str]]:
    """Every macro by the name pages call it: Ladder's macros, and the table of blank worksheets."""

    def worksheets_table() -> str:
        """{{ worksheets_table() }}: the blank worksheets the site publishes, by level and kind."""
        from ladder.worksheet import site  # the worksheet package loads only for the page that asks

        return site.table(macros.framework, worksheet_formats(), macros.links())

    def worksheet_maker() -> str:
        """{{ worksheet_maker() }}: a form that opens a worksheet with a person's details filled in."""
        from ladder.worksheet import site

        return site.maker(macros.framework, worksheet_formats(), macros.links().depth)

    return {
        "link": macros.link,
        "quote": macros.quote,
        "example": macros.example,
        "levels_list": macros.levels_list,
        "ratings": macros.ratings,
        "worksheets_table": worksheets_table,
        "worksheet_maker": worksheet_maker,
    }


def _missing(ident: str, otherwise: str | None) -> str:
    """The `otherwise` text, or a marked placeholder beside the error already logged."""
    if otherwise is not None:
        return otherwise
    return str(Markup("**[unknown id: {}]**").format(text.name(ident)))


class SafeView:
    """The framework as hand-written pages see it (`{{ framework.meta.name }}`): every text comes out
    as safe HTML, prose with its inline Markdown and names as the literal text they are, so a
    page's template can never be handed raw HTML from the YAML."""

    def __init__(self, value: Any, depth: int, field: str = ""):
        self._value = value
        self._depth = depth  # folders between the page and the site root, for prose's links
        self._field = field

    def _safe(self, value: Any, field: str) -> Any:
        if isinstance(value, (Markup, bool, int, float)) or value is None:
            return value
        if isinstance(value, str):
            if IDENTIFIER.fullmatch(value):  # ids pass as they are: guides call macros with them
                return value
            if field in PROSE_FIELDS:
                return text.relative_links(text.prose(value), self._depth)
            return text.name(value)
        if isinstance(value, (tuple, list)):  # a real tuple, so filters such as sum and length work
            return tuple(self._safe(item, field) for item in value)
        return SafeView(value, self._depth, field)

    def __getattr__(self, name: str) -> Any:
        return self._safe(getattr(self._value, name), name)

    def __getitem__(self, key: Any) -> Any:
        return self._safe(self._value[key], self._field)

    def __iter__(self) -> Any:
        return (self._safe(item, self._field) for item in self._value)

    def __len__(self) -> int:
        return len(self._value)

    def __bool__(self) -> bool:  # `{% if framework.ratings %}`: a dataclass has no length, but is there
        return bool(self._value)

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        return self._safe(self._value(*args, **kwargs), self._field)

    def __str__(self) -> str:
        return str(self._safe(str(self._value), self._field))
