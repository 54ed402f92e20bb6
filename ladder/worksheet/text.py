"""The worksheets' words: Ladder's defaults, or the framework's own where it has them (ladder.wording)."""

from __future__ import annotations

from typing import Any

from ladder.model import Framework
from ladder.wording import defaults


def words(name: str, framework: Framework | None = None) -> dict[str, Any]:
    """The text file `<name>.yaml` (common, or a kind) as plain data: the framework's own words,
    laid over Ladder's when validation read a `worksheets/<name>.yaml` in its folder."""
    if framework is not None:
        own = framework.worksheet_words.get(name)
        if own is not None:
            return dict(own)
    return defaults(name)
