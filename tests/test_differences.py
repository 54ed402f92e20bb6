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


def test_wordings_with_few_words_in_common_are_not_alike() -> None:
    """difflib's cheap upper bounds rule a pair out; a pair that passes them gets the full ratio."""
    from ladder.differences import REWORDED_AT, _alike

    assert _alike("Writes tests for every change.", "Chairs the architecture review.") == 0.0
    close = _alike("Reviews code from their own team the same day.", "Reviews code from any team the same day.")
    assert REWORDED_AT <= close < 1.0
