"""The worksheets' words, read once from the YAML files in `text/` beside this module."""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

import yaml


@cache
def words(name: str) -> dict[str, Any]:
    """The text file `text/<name>.yaml` (common, or a kind) as plain data."""
    source = resources.files("ladder.worksheet").joinpath("text", f"{name}.yaml").read_text(encoding="utf-8")
    loaded: dict[str, Any] = yaml.load(source, Loader=yaml.CSafeLoader)  # libyaml: ten times PyYAML's own speed
    return loaded
