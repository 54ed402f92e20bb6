"""The model that rendering and worksheets use: ladders, shared levels, inherited cells."""

from __future__ import annotations

from pathlib import Path

import pytest

from ladder.model import Framework, LevelStatement, kind_of
from ladder.problems import FrameworkError
from ladder.validate import load_framework
from tests.conftest import ROOT, assemble_case

SHAPES = ROOT / "tests" / "fixtures" / "shapes"


@pytest.fixture(scope="module")
def split() -> Framework:
    """Eight engineering levels; the management track shares them up to senior-2, then has its own."""
    return load_framework(SHAPES / "eight-levels-split")


@pytest.fixture(scope="module")
def kestrel() -> Framework:
    """Statements with ids, a managers-only dimension, 'same as previous'."""
    return load_framework(SHAPES / "statement-ids")


def test_a_branching_track_shares_the_lower_levels_and_splits(split: Framework) -> None:
    engineering = [level.id for level in split.ladder("engineering")]
    management = [level.id for level in split.ladder("management")]
    assert engineering == [
        "associate",
        "engineer",
        "engineer-2",
        "senior",
        "senior-2",
        "staff",
        "senior-staff",
        "principal",
    ]
    assert management == [*engineering[:5], "engineering-manager", "senior-engineering-manager"]


def test_previous_and_next_levels_follow_the_split(split: Framework) -> None:
    fork = split.level("senior-2")
    assert [level.id for level in split.next_levels(fork)] == ["staff", "engineering-manager"]
    assert split.previous_level(split.level("engineering-manager")) == fork
    assert split.previous_level(split.level("associate")) is None
    assert split.next_levels(split.level("principal")) == ()
    assert [track.id for track in split.tracks_of(fork)] == ["engineering", "management"]
    assert [track.id for track in split.tracks_of(split.level("staff"))] == ["engineering"]


def test_items_are_found_by_id_and_kind(kestrel: Framework) -> None:
    assert kestrel.level("engineer-2").code == "K2"
    with pytest.raises(KeyError):
        kestrel.level("payments-craft")  # a dimension, not a level
    statement = kestrel.standards[0].above_the_line[0]
    assert kestrel.statement(statement.id) is statement
    assert kestrel.get(statement.id) is statement
    own = kestrel.get("pc-ledger-reconcile")
    assert isinstance(own, LevelStatement) and kestrel.get("pc-reconciles") is own  # its former id
    assert (own.level, own.dimension, own.position, own.anchor) == ("engineer-1", "payments-craft", 2, own.id)
    unnamed = load_framework(SHAPES / "shared-codes").level("data-l4").cells["data-modelling"].statements[0]
    assert (unnamed.id, unnamed.anchor) == ("", "data-modelling--1")  # known by its place
    assert kind_of(own) == "level-statement"


def test_examples_take_their_tracks_from_their_levels(split: Framework) -> None:
    tracks = {example.id: example.tracks for example in split.examples}
    assert tracks["grow-a-team-lead"] == ("management",)
    assert tracks["lead-the-design-review"] == ("engineering", "management")  # senior-2 is on both
    assert tracks["retire-the-legacy-queue"] == ("engineering",)


def test_a_dimension_for_one_track_applies_to_that_tracks_own_levels_only(kestrel: Framework) -> None:
    people = kestrel.dimension("people-leadership")
    assert [level.id for level in kestrel.levels if kestrel.applies(people, level)] == ["manager"]
    assert people not in kestrel.dimensions_for(kestrel.level("engineer-2"))  # shared by management, not its own
    assert people in kestrel.dimensions_of_track("management")
    assert people not in kestrel.dimensions_of_track("engineering")


def test_same_as_previous_and_not_expected_read_through_the_ladder(kestrel: Framework) -> None:
    manager = kestrel.level("manager")
    assert manager.cells["payments-craft"].intent == "same"
    found = kestrel.cell(manager, "payments-craft")
    assert found.source == kestrel.level("engineer-2")
    assert found.cell is kestrel.level("engineer-2").cells["payments-craft"]
    rubric = load_framework(SHAPES / "rubric")
    testing = rubric.dimension("testing")
    lead = rubric.cell(rubric.level("lead"), "testing")
    assert lead.source == rubric.level("senior") and lead.cell is not None and lead.cell.statements == ()
    assert (
        rubric.proficiency("proficient", testing).summary == "Keeps a service's suite fast enough to run on every push."
    )
    gaps = load_framework(SHAPES / "cumulative-gaps")
    second = gaps.cell(gaps.level("engineer-2"), "leadership")
    assert second.source == gaps.level("engineer-1") and second.cell is not None
    assert second.cell.intent == "not_expected"


def test_a_level_that_leaves_out_a_dimension_inherits_it(tmp_path: Path) -> None:
    framework_dir = assemble_case(ROOT / "tests/fixtures/cases/warn-missing-dimension", tmp_path)
    framework = load_framework(framework_dir)
    second = framework.level("second")
    inherited = framework.cell(second, "reach")
    assert inherited.source == framework.level("first")
    assert inherited.cell is not None and inherited.cell.texts == ("Finishes the tasks given to them.",)
    own = framework.cell(second, "craft")
    assert own.source is None


def test_aliases_resolve_to_the_renamed_item(tmp_path: Path) -> None:
    framework_dir = assemble_case(ROOT / "tests/fixtures/cases/renamed-reference", tmp_path)
    (framework_dir / "examples/write-tests.yaml").unlink()
    framework = load_framework(framework_dir)
    assert framework.level("beginner").id == "first"


def test_load_framework_raises_with_every_error(tmp_path: Path) -> None:
    framework_dir = assemble_case(ROOT / "tests/fixtures/cases/unknown-references", tmp_path)
    with pytest.raises(FrameworkError) as raised:
        load_framework(framework_dir)
    assert len(raised.value.problems) == 6
    assert all(problem.is_error for problem in raised.value.problems)


def test_a_short_name_is_the_code_only_where_no_other_level_has_that_code() -> None:
    rubric = load_framework(SHAPES / "rubric")
    assert rubric.short_name(rubric.level("senior")) == "A3"
    shared = load_framework(SHAPES / "shared-codes")  # L3, L4 and L5 on three tracks each
    assert shared.short_name(shared.level("data-l3")) == "L3 Data Engineer"
    assert shared.short_name(shared.level("data-l4")) == "L4 Senior Engineer (Data)"  # the title repeats too
