"""What each item is called when it is linked to: in the handbook, in macros and in copied links."""

from __future__ import annotations

from functools import cache
from importlib.resources import files
from typing import Any

import yaml

from ladder import urls
from ladder.model import Dimension, Example, Framework, Level, LevelStatement, Standard, Statement, Track, kind_of
from ladder.render.text import excerpt, one_line, plain


@cache
def words() -> dict[str, str]:
    """The short labels in `ladder/templates/words.yaml`."""
    source = files("ladder").joinpath("templates/words.yaml").read_text(encoding="utf-8")
    loaded: dict[str, str] = yaml.load(source, Loader=yaml.CSafeLoader)
    return loaded


def side(statement: Statement) -> str:
    return words()["above_the_line" if statement.above else "below_the_line"]


def title(framework: Framework, item: urls.Item) -> str:
    """The item's own name, as plain text: "L4 Senior Engineer", "Ownership, above the line: Acts on…"."""
    if isinstance(item, (Level, Track, Dimension, Standard)):
        return one_line(item.name)
    if isinstance(item, Example):
        return one_line(item.title)
    if isinstance(item, LevelStatement):
        cell = cell_title(framework.level(item.level), framework.dimension(item.dimension))
        return words()["level_statement_title"].format(cell=cell, excerpt=excerpt(item.text))
    if isinstance(item, Statement):
        standard = framework.standard(item.standard)
        return words()["statement_title"].format(
            standard=one_line(standard.name), side=side(item), excerpt=excerpt(item.text)
        )
    raise TypeError(f"no title for {item!r}")


def citation(framework: Framework, item: urls.Item) -> str:
    """The words a citation's link shows: the item's title, with a statement's whole text (a
    title cuts it to its first words): "Ownership, above the line: Acts on every alert"."""
    if isinstance(item, LevelStatement):
        cell = cell_title(framework.level(item.level), framework.dimension(item.dimension))
        return words()["level_statement_title"].format(cell=cell, excerpt=plain(item.text))
    if isinstance(item, Statement):
        standard = framework.standard(item.standard)
        return words()["statement_title"].format(
            standard=one_line(standard.name), side=side(item), excerpt=plain(item.text)
        )
    return title(framework, item)


def cell_title(level: Level, dimension: Dimension) -> str:
    return words()["cell_title"].format(level=one_line(level.name), dimension=one_line(dimension.name))


def cite(title_text: str, site_url: str, target: str) -> str:
    """The Markdown link a manager pastes into written feedback: title and absolute URL."""
    label = title_text.replace("\\", "\\\\").replace("[", "\\[").replace("]", "\\]")
    return f"[{label}]({urls.absolute(site_url, target)})"


def describe(item: Any) -> str:
    """The kind of an item, for messages: "level", "level statement"."""
    return kind_of(item).replace("-", " ")
