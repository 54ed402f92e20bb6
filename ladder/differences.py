"""What changes in one dimension from one level to another: the statements a reader must look at.

A level page says what the next level adds, and an engineer asking "what does the next level
take?" wants the differences, not both levels in full. Statements are matched in three
passes: by id (a statement with an id keeps it through rewording), then by the same words,
then by close wording (most of their words in common), so a statement that was edited reads
as reworded, not as one removed and one added. The compare page's script marks statements
with the same measure (`alike` in ladder/assets/ladder.js), so both say "reworded" alike.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ladder.model import Cell, LevelStatement, compared
from ladder.render.text import plain

# How alike two wordings must be (`_alike`, 0 to 1) to count as one statement reworded; the
# compare page's script (ladder/assets/ladder.js) holds the same figure.
REWORDED_AT = 0.5
# A word, as the compare page's script splits text into words: a run of letters and digits.
WORD = re.compile(r"[^\W_]+")


@dataclass(frozen=True)
class Difference:
    """One dimension between a lower and an upper level."""

    added: tuple[LevelStatement, ...] = ()
    reworded: tuple[tuple[LevelStatement, LevelStatement], ...] = ()  # (lower's, upper's)
    dropped: tuple[LevelStatement, ...] = ()  # the lower level's, no longer listed
    kept: int = 0  # statements both levels have, word for word

    @property
    def changed(self) -> bool:
        return bool(self.added or self.reworded or self.dropped)

    def summary(self) -> str:
        """In a few words: "2 new, 1 reworded"; "" when no statement changed. Statements the upper
        level no longer lists are named only when it adds none: a ladder whose levels each say
        everything in their own words would otherwise report every lower statement as dropped."""
        parts = [
            f"{len(self.added)} new" if self.added else "",
            f"{len(self.reworded)} reworded" if self.reworded else "",
        ]
        if not any(parts) and self.dropped:
            return f"{len(self.dropped)} no longer listed"
        return ", ".join(part for part in parts if part)


@lru_cache(maxsize=4096)  # each pair of levels is compared on both their pages and in worksheets
def between(lower: Cell | None, upper: Cell | None) -> Difference:
    """The statements that differ between what two levels say about one dimension."""
    before = list(lower.statements if lower is not None and lower.intent == "written" else ())
    after = list(upper.statements if upper is not None and upper.intent == "written" else ())
    reworded: list[tuple[LevelStatement, LevelStatement]] = []
    kept = 0
    for statement in list(after):  # the same id: the same statement, perhaps reworded
        twin = next((old for old in before if statement.id and old.id == statement.id), None)
        if twin is not None:
            before.remove(twin)
            after.remove(statement)
            if _words(twin.text) == _words(statement.text):
                kept += 1
            else:
                reworded.append((twin, statement))
    for statement in list(after):  # the same words
        twin = next((old for old in before if _words(old.text) == _words(statement.text)), None)
        if twin is not None:
            before.remove(twin)
            after.remove(statement)
            kept += 1
    for statement in list(after):  # close wording: the most alike of what is left, if alike enough
        scored = [(_alike(old.text, statement.text), old) for old in before]
        best = max(scored, key=lambda pair: pair[0], default=None)
        if best is not None and best[0] >= REWORDED_AT:
            before.remove(best[1])
            after.remove(statement)
            reworded.append((best[1], statement))
    return Difference(tuple(after), tuple(reworded), tuple(before), kept)


@lru_cache(maxsize=65536)  # a statement is compared with several others, on several pages
def _words(text: str) -> str:
    return compared(text)


def _alike(before: str, after: str) -> float:
    """How alike two wordings are, 0 to 1: the distinct words they share, over the distinct words
    of the longer one. Word order is left out on purpose: a statement whose words were moved
    around is the same statement reworded."""
    first, second = _word_set(before), _word_set(after)
    return len(first & second) / max(len(first), len(second), 1)


@lru_cache(maxsize=65536)  # a statement is compared with several others, on several pages
def _word_set(text: str) -> frozenset[str]:
    """The words a reader sees (a link's words, not its address), in lower case."""
    return frozenset(WORD.findall(plain(text).casefold()))
