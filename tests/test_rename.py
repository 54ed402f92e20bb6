"""`ladder rename OLD NEW`: every reference follows, the old id stays an alias, nothing else moves."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from ladder.cli import main
from ladder.validate import load_framework, validate
from tests.conftest import BASE, FIXTURES

SHAPES = FIXTURES / "shapes"


def copy(source: Path, target: Path) -> Path:
    shutil.copytree(source, target)
    return target


def rename(framework: Path, old: str, new: str, *extra: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["rename", old, new, str(framework), *extra])
    return result.exit_code, result.output


def changed_lines(before: Path, after: Path) -> dict[str, list[tuple[str, str]]]:
    """For each file (by its path under the folder), the lines that differ, as (before, after) pairs;
    a file only on one side is listed with its whole text."""
    found: dict[str, list[tuple[str, str]]] = {}
    names = {p.relative_to(before).as_posix() for p in before.rglob("*.yaml")}
    names |= {p.relative_to(after).as_posix() for p in after.rglob("*.yaml")}
    for name in sorted(names):
        old = (before / name).read_text().splitlines() if (before / name).exists() else []
        new = (after / name).read_text().splitlines() if (after / name).exists() else []
        if old != new:
            found[name] = [(a, b) for a, b in zip(old, new, strict=False) if a != b] or [(str(len(old)), str(len(new)))]
    return found


def test_renaming_a_level_rewrites_its_file_its_branch_and_examples(tmp_path: Path) -> None:
    framework = copy(SHAPES / "eight-levels-split", tmp_path / "framework")
    code, output = rename(framework, "senior-2", "senior-ii")
    assert code == 0, output
    assert output.splitlines()[-1] == "renamed the level 'senior-2' to 'senior-ii'; 'senior-2' stays as its alias"
    assert not (framework / "levels/senior-2.yaml").exists()
    level = (framework / "levels/senior-ii.yaml").read_text()
    assert level.startswith("# yaml-language-server: $schema=../schema/level.schema.json\nid: senior-ii\n")
    assert "\naliases: [senior-2]\n" in level
    assert "branches_from: senior-ii" in (framework / "tracks/management.yaml").read_text()
    assert "levels: [senior-ii]" in (framework / "examples/lead-the-design-review.yaml").read_text()
    renamed = load_framework(framework)
    assert renamed.level("senior-2").id == "senior-ii"
    assert validate(framework).ok(strict=True)
    # Each changed line is the id, the alias, or a reference; nothing else moved.
    original = SHAPES / "eight-levels-split"
    diff = changed_lines(original, framework)
    assert set(diff) == {
        "levels/senior-2.yaml",
        "levels/senior-ii.yaml",
        "tracks/management.yaml",
        "examples/lead-the-design-review.yaml",
    }


def test_renaming_a_dimension_rewrites_every_level_and_the_changelog_reports_one_rename(tmp_path: Path) -> None:
    framework = copy(SHAPES / "statement-ids", tmp_path / "framework")
    assert CliRunner().invoke(main, ["lock", str(framework)]).exit_code == 0
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "guide.md").write_text(
        "See {{ link('engineer-1', dimension='incident-duty') }}, {{ link(\"incident-duty\") }} and incident-duty.\n"
    )
    code, output = rename(framework, "incident-duty", "on-call", "--docs", str(docs))
    assert code == 0, output
    for level in ("engineer-1", "engineer-2", "engineer-3", "manager"):
        text = (framework / "levels" / f"{level}.yaml").read_text()
        assert "  on-call:\n" in text and "incident-duty:" not in text, level
    assert (docs / "guide.md").read_text() == (
        "See {{ link('engineer-1', dimension='on-call') }}, {{ link(\"on-call\") }} and incident-duty.\n"
    )
    assert CliRunner().invoke(main, ["validate", "--strict", str(framework)]).exit_code == 0
    assert CliRunner().invoke(main, ["lock", "--check", str(framework)]).exit_code == 0
    log = CliRunner().invoke(main, ["changelog", str(framework), "--from", str(SHAPES / "statement-ids")])
    assert log.exit_code == 0, log.output
    assert "0 added, 0 changed, 1 renamed, 0 removed" in log.output
    assert "- **Renamed** `incident-duty` → `on-call`: Incident duty" in log.output


@pytest.mark.parametrize(
    ("old", "new", "file", "expected"),
    [
        # A level's statement: the alias goes under its id, at the id's indentation.
        (
            "id-joins-rota",
            "id-first-rota",
            "levels/engineer-1.yaml",
            "      - id: id-first-rota\n        aliases: [id-joins-rota]\n",
        ),
        # One that has former ids already: the new one joins them.
        (
            "pc-ledger-reconcile",
            "pc-ledger-check",
            "levels/engineer-1.yaml",
            "aliases: [pc-reconciles, pc-ledger-reconcile]",
        ),
        # A standard's statement.
        (
            "four-eyes-skip",
            "four-eyes-merges-alone",
            "standards/four-eyes.yaml",
            "  - id: four-eyes-merges-alone\n    aliases: [four-eyes-skip]\n",
        ),
        # A track: its levels and the dimensions limited to it follow.
        ("management", "people-management", "dimensions/people-leadership.yaml", "tracks: [people-management]"),
    ],
)
def test_renaming_any_kind_of_item_keeps_the_old_id_as_its_alias(
    tmp_path: Path, old: str, new: str, file: str, expected: str
) -> None:
    framework = copy(SHAPES / "statement-ids", tmp_path / "framework")
    code, output = rename(framework, old, new)
    assert code == 0, output
    assert expected in (framework / file).read_text()
    renamed = load_framework(framework)
    assert renamed.get(old) is renamed.get(new)
    assert validate(framework).ok(strict=True)


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("seniour", "x", "no item has the id 'seniour'"),
        ("first", "second", "'second' is already the id of the level 'second'"),
        ("first", "Bad Id", "'Bad Id' is not an id: lower-case letters and digits in words joined by hyphens"),
        ("first", "index", "the renamed framework would not validate, so nothing was changed: "),
    ],
)
def test_a_rename_that_cannot_be_made_changes_nothing(tmp_path: Path, old: str, new: str, message: str) -> None:
    framework = copy(BASE, tmp_path / "framework")
    code, output = rename(framework, old, new)
    assert code == 1
    assert output.startswith(f"ladder: error: {message}") and output.count("\n") == 1, output
    assert changed_lines(BASE, framework) == {}
