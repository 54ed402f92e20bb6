"""What changes in a dimension from one level to the next: statements matched by id, words, then wording."""

from __future__ import annotations

from ladder.differences import between
from ladder.model import Cell, LevelStatement


def cell(level: str, *texts: str | tuple[str, str], intent: str = "written") -> Cell:
    """A cell of `level` for dimension "craft"; a statement is its text, or (id, text)."""
    statements = tuple(
        LevelStatement(text, level, "craft", position)
        if isinstance(text, str)
        else LevelStatement(text[1], level, "craft", position, text[0])
        for position, text in enumerate(texts, start=1)
    )
    return Cell("craft", statements, intent=intent)  # type: ignore[arg-type]


def test_the_same_words_carry_over_and_only_new_ones_are_listed() -> None:
    lower = cell("l3", "Writes tests for every change.", "Reviews code the same day.")
    upper = cell("l4", "Writes  tests for every change.", "Designs the team's services.")
    difference = between(lower, upper)
    assert [statement.text for statement in difference.added] == ["Designs the team's services."]
    assert difference.kept == 1 and not difference.reworded
    assert [statement.text for statement in difference.dropped] == ["Reviews code the same day."]
    assert difference.summary() == "1 new"


def test_close_wording_is_a_rewording_and_an_id_follows_any_rewording() -> None:
    lower = cell("l3", "Reviews code from their own team the same day.", ("ship", "Ships small changes."))
    upper = cell("l4", "Reviews code from any team the same day.", ("ship", "Owns the release train."))
    difference = between(lower, upper)
    assert [(old.text, new.text) for old, new in difference.reworded] == [
        ("Ships small changes.", "Owns the release train."),  # the same id, however different the words
        ("Reviews code from their own team the same day.", "Reviews code from any team the same day."),
    ]
    assert not difference.added and not difference.dropped
    assert difference.summary() == "2 reworded"


def test_unrelated_wording_is_new_and_fewer_statements_say_so() -> None:
    assert between(cell("l3", "Fixes bugs."), cell("l4", "Sets the architecture.")).summary() == "1 new"
    fewer = between(cell("l3", "Fixes bugs.", "Pairs weekly."), cell("l4", "Fixes bugs."))
    assert fewer.summary() == "1 no longer listed" and fewer.changed
    assert not between(cell("l3", "Fixes bugs."), cell("l4", "Fixes bugs.")).changed


def test_a_cell_that_is_not_written_has_no_statements_to_compare() -> None:
    difference = between(cell("l1", intent="not_expected"), cell("l2", "Mentors one engineer."))
    assert difference.summary() == "1 new"
    assert between(None, None).summary() == ""


def test_likeness_is_the_share_of_words_in_common_whatever_their_order() -> None:
    from ladder.differences import REWORDED_AT, _alike

    assert _alike("Writes tests for every change.", "Chairs the architecture review.") == 0.0
    close = _alike("Reviews code from their own team the same day.", "Reviews code from any team the same day.")
    assert close == 7 / 9  # 7 words shared; the longer wording has 9
    assert _alike("Ships small changes daily.", "Daily, ships changes that are small.") == 4 / 6 >= REWORDED_AT
    # The words a reader sees: a link's address is not part of the wording.
    assert _alike("Reads [the guide](https://docs.example.org/guide).", "Reads the guide.") == 1.0


def test_the_compare_page_counts_a_rewording_at_the_same_likeness() -> None:
    """The level pages' summaries and the compare page's marks must not disagree about a statement."""
    import re
    from pathlib import Path

    import ladder
    from ladder.differences import REWORDED_AT

    script = (Path(ladder.__file__).parent / "assets" / "ladder.js").read_text(encoding="utf-8")
    found = re.search(r"const REWORDED_AT = ([0-9.]+);", script)
    assert found is not None and float(found.group(1)) == REWORDED_AT
