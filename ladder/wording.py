"""The worksheets' words: Ladder's defaults, and a framework's own in its `worksheets/` folder.

The defaults are the YAML files in `ladder/worksheet/text/` (common.yaml, then one per kind).
A fork that words its worksheets its own way puts files of the same names in the framework
folder's `worksheets/` and writes only what it changes: each file is laid over the default of
its name, key by key, so everything it leaves out keeps Ladder's words, and an upstream merge
(which changes only `ladder/`) never touches a file the fork has edited.

What a fork writes is checked like the rest of its framework, with the file, line and key
named: a key Ladder has no use for (a misspelling would otherwise be silently ignored), a
value of the wrong shape, and a {placeholder} Ladder does not fill are errors.
"""

from __future__ import annotations

import string
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from ladder.load import WORDING_FOLDER, YAML_SUFFIXES, file_problem
from ladder.model import Framework
from ladder.problems import Problem, did_you_mean
from ladder.urls import WORKSHEET_KINDS
from ladder.yaml_source import YamlDocument, parse

NAMES: tuple[str, ...] = ("common", *WORKSHEET_KINDS)
CODE = "worksheet-text"


@cache
def defaults(name: str) -> dict[str, Any]:
    """Ladder's words for one file (common, or a kind), as plain data."""
    source = resources.files("ladder").joinpath("worksheet", "text", f"{name}.yaml").read_text(encoding="utf-8")
    loaded: dict[str, Any] = yaml.load(source, Loader=yaml.CSafeLoader)  # libyaml: ten times PyYAML's own speed
    return loaded


def words(name: str, framework: Framework | None = None) -> dict[str, Any]:
    """The text file `<name>.yaml` (common, or a kind) as plain data: the framework's own words,
    laid over Ladder's when validation read a `worksheets/<name>.yaml` in its folder."""
    if framework is not None:
        own = framework.worksheet_words.get(name)
        if own is not None:
            return dict(own)
    return defaults(name)


def read(root: Path) -> tuple[dict[str, dict[str, Any]], list[Problem]]:
    """The framework's own words, each file already laid over Ladder's (only the files it has), and
    the problems found in them. A file with a problem is left out: its worksheets keep the defaults."""
    folder = root / WORDING_FOLDER
    if not folder.is_dir():
        return {}, []
    own: dict[str, dict[str, Any]] = {}
    problems: list[Problem] = []
    for path in sorted(folder.iterdir()):
        if path.suffix not in YAML_SUFFIXES or not path.is_file():
            continue
        if path.stem not in NAMES:
            known = ", ".join(f"{name}.yaml" for name in NAMES)
            message = f"not a worksheet text file{did_you_mean(path.stem, NAMES)}; the files are {known}"
            problems.append(file_problem(path, message, CODE))
            continue
        found = _file(path)
        problems += found[1]
        if found[0] is not None and not found[1]:
            own[path.stem] = laid_over(defaults(path.stem), found[0])
    return own, problems


def _file(path: Path) -> tuple[dict[str, Any] | None, list[Problem]]:
    document, issues = parse(path.read_text(encoding="utf-8"))
    if document is None or issues:
        return None, [file_problem(path, issue.message, CODE, issue.mark) for issue in issues]
    if not isinstance(document.data, dict):
        return None, [file_problem(path, "expected keys and values, as in Ladder's own file of this name", CODE)]
    problems = list(_check(document.data, defaults(path.stem), path, document, ()))
    return document.data, problems


def _check(given: Any, default: Any, path: Path, document: YamlDocument, at: tuple[str | int, ...]) -> list[Problem]:
    """Problems where `given` does not fit the shape of Ladder's `default` at the same place."""
    where = ".".join(str(part) for part in at) or path.stem

    def problem(message: str, key: bool = False) -> Problem:
        return file_problem(path, message, CODE, document.mark(at, key=key), location=where)

    if isinstance(default, dict):
        if not isinstance(given, dict):
            return [problem(f"expected keys and values here, as Ladder's `{where}` has")]
        found = []
        for key, value in given.items():
            if key not in default:
                hint = did_you_mean(str(key), default, f"; this part has {', '.join(map(str, default))}")
                found.append(
                    file_problem(
                        path,
                        f"`{key}` is not a worksheet text{hint}",
                        CODE,
                        document.mark((*at, key), key=True),
                        location=f"{where}.{key}" if at else str(key),
                    )
                )
            else:
                found += _check(value, default[key], path, document, (*at, key))
        return found
    if isinstance(default, list):
        if not isinstance(given, list):
            return [problem("expected a list here, as Ladder's has")]
        model = default[0] if default else ""
        return [
            problem for index, item in enumerate(given) for problem in _check(item, model, path, document, (*at, index))
        ]
    if isinstance(default, bool) or not isinstance(default, (int, str)):
        return []
    if isinstance(default, int):
        if isinstance(given, bool) or not isinstance(given, int) or given < 0:
            return [problem("expected a whole number here")]
        return []
    if not isinstance(given, str):
        return [problem("expected text here (put it in quotes if YAML reads it as something else)")]
    try:
        list(string.Formatter().parse(given))
    except ValueError:
        return [problem("a single { or } here: Ladder fills {placeholders}, so write {{ or }} for the brace itself")]
    unknown = sorted(placeholders(given) - placeholders(default))
    if unknown:
        offered = ", ".join(f"{{{name}}}" for name in sorted(placeholders(default))) or "none"
        return [problem(f"Ladder does not fill {{{unknown[0]}}} here; the placeholders this text may use: {offered}")]
    return []


def placeholders(text: str) -> set[str]:
    """The {names} a text has Ladder fill in; a text that is not a valid format string has none."""
    try:
        return {name for _, name, _, _ in string.Formatter().parse(text) if name}
    except ValueError:
        return set()


def laid_over(default: Any, given: Any) -> Any:
    """`given` over `default`: keys it has replace the default's (nested keys one by one), the rest stay."""
    if isinstance(default, dict) and isinstance(given, dict):
        return {key: laid_over(default[key], given[key]) if key in given else default[key] for key in default}
    return given
