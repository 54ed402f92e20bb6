"""The model that rendering and worksheets use: ladders, shared levels, inherited cells."""

from __future__ import annotations

from pathlib import Path

import pytest

from ladder.model import Framework
from ladder.problems import FrameworkError
from ladder.validate import load_framework
from tests.conftest import ROOT, assemble_case


@pytest.fixture(scope="module")
def default() -> Framework:
    return load_framework(ROOT / "framework")


def test_manager_track_shares_the_lower_levels_and_splits_at_senior(default: Framework) -> None:
    ic = [level.id for level in default.ladder("ic")]
    manager = [level.id for level in default.ladder("manager")]
    assert ic == ["junior", "engineer", "mid-level", "senior", "staff", "principal"]
    assert manager[:3] == ic[:3]
    assert manager[3:] == ["engineering-manager", "senior-engineering-manager", "director-of-engineering"]


def test_previous_and_next_levels_follow_the_split(default: Framework) -> None:
    mid = default.level("mid-level")
    assert [level.id for level in default.next_levels(mid)] == ["senior", "engineering-manager"]
    assert default.previous_level(default.level("engineering-manager")) == mid
    assert default.previous_level(default.level("junior")) is None
    assert default.next_levels(default.level("principal")) == ()
    assert [track.id for track in default.tracks_of(mid)] == ["ic", "manager"]
    assert [track.id for track in default.tracks_of(default.level("staff"))] == ["ic"]


def test_items_are_found_by_id_and_kind(default: Framework) -> None:
    assert default.level("senior").code == "L4"
    with pytest.raises(KeyError):
        default.level("technical-skill")  # a dimension, not a level
    statement = default.standards[0].above_the_line[0]
    assert default.statement(statement.id) is statement
    assert default.get(statement.id) is statement


def test_every_level_has_examples_and_derived_tracks(default: Framework) -> None:
    for level in default.levels:
        assert len(default.examples_for(level)) >= 3, level.id
    for example in default.examples:
        assert example.tracks, example.id


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
