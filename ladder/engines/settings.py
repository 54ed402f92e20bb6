"""Ladder's settings in a site's configuration (`extra.ladder` in mkdocs.yml), for every engine."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ladder.problems import did_you_mean
from ladder.urls import SITE_WORKSHEET_FORMATS as SITE_FORMATS

DEFAULTS: dict[str, Any] = {
    "framework_dir": "framework",  # the YAML the handbook is built from
    "nav_limit": 20,  # a section lists its pages in the navigation only up to this many
    "worksheets": ["html"],  # the blank worksheets' formats (README: Performance says why)
    "cache_dir": ".cache/ladder",  # where made worksheets are kept, by a hash of their inputs
}


class SettingError(Exception):
    """One setting is wrong: `name` is its key under extra.ladder."""

    def __init__(self, name: str, message: str):
        self.name = name
        super().__init__(f"extra.ladder.{name}: {message}")


@dataclass(frozen=True)
class Settings:
    """`extra.ladder`, with paths resolved against the folder the configuration file is in."""

    framework_dir: Path
    nav_limit: int
    worksheet_formats: tuple[str, ...]
    cache_dir: Path


def read(extra: Mapping[str, Any] | None, base: Path) -> Settings:
    """The settings from a configuration's `extra` mapping; SettingError for the first wrong one."""
    given = (extra or {}).get("ladder") or {}
    if not isinstance(given, Mapping):
        raise SettingError("", f"expected a mapping of settings, got {given!r}")
    chosen = {**DEFAULTS, **given}
    unknown = sorted(set(chosen) - set(DEFAULTS))
    if unknown:
        guess = did_you_mean(unknown[0], DEFAULTS)
        raise SettingError(unknown[0], f"unknown setting{guess}; Ladder's settings are {', '.join(DEFAULTS)}")
    limit = chosen["nav_limit"]
    if not isinstance(limit, int) or isinstance(limit, bool) or limit < 0:
        raise SettingError("nav_limit", f"expected a whole number, got {limit!r}")
    formats = chosen["worksheets"]
    if isinstance(formats, list) and "md" in formats:
        raise SettingError(
            "worksheets",
            "md: the site cannot publish Markdown worksheets (MkDocs would build them as pages); "
            "the HTML worksheet saves a Markdown copy, and `ladder worksheet --format md` makes one",
        )
    if not isinstance(formats, list) or any(fmt not in SITE_FORMATS for fmt in formats):
        allowed = ", ".join(SITE_FORMATS)
        raise SettingError("worksheets", f"expected a list of formats from {allowed} (or [] for none), got {formats!r}")
    for name in ("framework_dir", "cache_dir"):
        if not isinstance(chosen[name], str) or not chosen[name]:
            raise SettingError(name, f"expected a folder, got {chosen[name]!r}")
    return Settings(
        framework_dir=base / chosen["framework_dir"],
        nav_limit=limit,
        worksheet_formats=tuple(fmt for fmt in SITE_FORMATS if fmt in formats),
        cache_dir=base / chosen["cache_dir"],
    )
