"""Which statement each published place (`#craft--2`) names once a list has changed (ladder.places)."""

from __future__ import annotations

from ladder.model import LevelStatement
from ladder.places import entry, extra_anchors, fingerprint, moved, pinned


def listed(*statements: tuple[str, str]) -> tuple[LevelStatement, ...]:
    """(id, text) pairs as a level's craft list; an empty id is a statement known by its place."""
    return tuple(
        LevelStatement(text, "senior", "craft", position, ident)
        for position, (ident, text) in enumerate(statements, start=1)
    )


def named(places: dict[int, LevelStatement]) -> dict[int, str]:
    return {place: statement.id for place, statement in places.items()}


def test_a_fingerprint_ignores_case_and_spacing_but_not_words() -> None:
    assert fingerprint("Reviews  designs.") == fingerprint("reviews designs.")
    assert fingerprint("Reviews designs.") != fingerprint("Reviews plans.")
    assert entry(listed(("", "Reviews designs."))[0]) == fingerprint("Reviews designs.")
    assert entry(listed(("reviews", "Reviews designs."))[0]) == "reviews"


def test_a_reworded_statement_keeps_its_place_and_a_moved_one_takes_its_place_along() -> None:
    now = listed(("pairs", "Pairs with newcomers."), ("reviews", "Reviews every design."), ("designs", "Designs."))
    recorded = [fingerprint("Designs."), fingerprint("Reviews designs.")]  # the second since reworded
    assert named(pinned(now, recorded)) == {1: "designs", 2: "reviews", 3: "designs"}


def test_a_place_whose_statement_cannot_be_found_names_nothing_rather_than_another_published_statement() -> None:
    # Swapped and the reviewing statement reworded: place 2 cannot be traced, and the statement
    # now second is the one published at place 1.
    recorded = [fingerprint("Designs."), fingerprint("Reviews designs.")]
    now = listed(("reviews", "Reviews every design."), ("designs", "Designs."))
    assert named(pinned(now, recorded)) == {1: "designs"}
    # By id, the record follows a reworded statement anywhere; an id the list lost names nothing.
    assert named(pinned(now, ["designs", "reviews"])) == {1: "designs", 2: "reviews"}
    assert named(pinned(now, ["gone", "reviews"])) == {2: "reviews"}


def test_in_a_list_known_by_places_only_a_statement_found_at_another_place_has_moved() -> None:
    recorded = [fingerprint("Designs."), fingerprint("Reviews designs.")]
    appended = listed(("", "Designs."), ("", "Reviews designs."), ("", "Pairs."))
    assert list(moved(appended, recorded)) == []
    reworded = listed(("", "Designs well."), ("", "Reviews designs."))
    assert list(moved(reworded, recorded)) == []
    inserted = listed(("", "Pairs."), ("", "Designs."), ("", "Reviews designs."))
    assert [(place, statement.position) for place, statement in moved(inserted, recorded)] == [(1, 2), (2, 3)]
    every_id = listed(("pairs", "Pairs."), ("designs", "Designs."), ("reviews", "Reviews designs."))
    assert list(moved(every_id, recorded)) == []  # pinned instead


def test_a_dimension_renamed_keeps_its_former_id_in_every_place_anchor() -> None:
    by_place = listed(("", "Designs."), ("", "Reviews designs."))
    assert extra_anchors(by_place, [], ["crafting"]) == {"craft--1": ("crafting--1",), "craft--2": ("crafting--2",)}
    assert extra_anchors(by_place, []) == {}  # each is known by its place already
    named = listed(("reviews", "Reviews designs."), ("designs", "Designs."))
    assert extra_anchors(named, ["designs", "reviews"], ["crafting"]) == {
        "designs": ("craft--1", "crafting--1"),
        "reviews": ("craft--2", "crafting--2"),
    }
