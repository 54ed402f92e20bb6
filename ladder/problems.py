"""Problems found in a framework, and the two ways they are reported (text and JSON).

Every stage of the pipeline (load, schema, references, lint) reports through these
types, so a problem always names the file, line, column and place to fix.
"""

from __future__ import annotations

import difflib
import json
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from enum import StrEnum

from ladder.characters import printable


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    line: int
    column: int
    location: str
    message: str
    severity: Severity = Severity.ERROR
    code: str = "invalid"

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def __str__(self) -> str:
        """One line, whatever the file name, id or text it quotes holds (see characters.printable)."""
        where = f"{self.file}:{self.line}:{self.column}: {self.location}"
        if self.is_error:
            return printable(f"{where}: {self.message}")
        # A warning names its code: the word `lint.ignore` in framework.yaml takes to switch it off.
        return printable(f"{where}: warning: {self.message} [{self.code}]")

    def as_dict(self) -> dict[str, object]:
        data = asdict(self)
        data["severity"] = self.severity.value
        return data


class FrameworkError(Exception):
    """Raised when the framework is invalid and a command cannot go on; holds every problem."""

    def __init__(self, problems: Iterable[Problem]):
        self.problems = sorted(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


def sort_unique(problems: Iterable[Problem]) -> list[Problem]:
    """Problems in file and line order, each reported once (two checks may find the same)."""
    return sorted(set(problems))


def counts(problems: Iterable[Problem]) -> tuple[int, int]:
    problems = list(problems)
    errors = sum(1 for p in problems if p.is_error)
    return errors, len(problems) - errors


def closest(word: str, known: Iterable[str]) -> str | None:
    """The known word a person most likely meant by `word`, or None when nothing is close.

    Forks rename by lengthening ids ("senior" -> "senior-engineer"), so a word that begins
    another (or that another begins) comes first; then the closest by spelling.
    """
    candidates = sorted(set(known))
    prefixed = [other for other in candidates if other.startswith(word) or word.startswith(other)]
    close = difflib.get_close_matches(word, prefixed, n=1, cutoff=0) or difflib.get_close_matches(word, candidates, n=1)
    return close[0] if close else None


def did_you_mean(word: str, known: Iterable[str], otherwise: str = "") -> str:
    """ " (did you mean 'x'?)" to end a message with, or `otherwise` when nothing is close."""
    match = closest(word, known)
    return f" (did you mean '{match}'?)" if match is not None else otherwise


def plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def as_text(problems: list[Problem]) -> str:
    return "\n".join(str(p) for p in problems)


def as_json(problems: list[Problem], *, valid: bool, files: int) -> str:
    errors, warnings = counts(problems)
    report = {
        "valid": valid,
        "files": files,
        "errors": errors,
        "warnings": warnings,
        "problems": [p.as_dict() for p in problems],
    }
    return json.dumps(report, indent=2, ensure_ascii=False)
