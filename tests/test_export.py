"""`ladder export`: the framework as JSON and the levels x dimensions matrix as CSV."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from click.testing import CliRunner

from ladder.cli import main
from tests.conftest import BASE, CASES, FIXTURES, assemble_case, check_golden

GOLDEN = FIXTURES / "export"


def export(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["export", *args])
    return result.exit_code, result.output


def test_json_export_of_the_base_fixture_matches_golden() -> None:
    code, output = export(str(BASE), "--format", "json")
    assert code == 0
    check_golden(GOLDEN / "base.json", output)
    data = json.loads(output)
    assert data["levels"][1]["previous"] == "first"
    assert data["standards"][0]["above_the_line"][0]["url"] == (
        "https://handbook.example.org/standards/ownership/#ownership-fixes-it"
    )


def test_csv_export_of_the_base_fixture_matches_golden() -> None:
    code, output = export(str(BASE), "--format", "csv")
    assert code == 0
    check_golden(GOLDEN / "base.csv", output)


def test_csv_fills_a_left_out_dimension_from_the_level_below(tmp_path: Path) -> None:
    framework = assemble_case(CASES / "warn-missing-dimension", tmp_path)
    _, output = export(str(framework), "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(output)))
    assert [row["level"] for row in rows] == ["first", "second"]
    assert rows[1]["Reach"] == "• Finishes the tasks given to them."


def test_csv_cells_never_start_a_spreadsheet_formula(tmp_path: Path) -> None:
    framework = assemble_case(CASES / "valid-subfolders", tmp_path)
    level = framework / "levels/first.yaml"
    level.write_text(level.read_text().replace("summary: Learns the ropes.", 'summary: "=HYPERLINK(\\"x\\")"'))
    _, output = export(str(framework), "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(output)))
    assert rows[0]["summary"] == '\'=HYPERLINK("x")'


def test_export_never_replaces_a_file_without_force(tmp_path: Path) -> None:
    target = tmp_path / "framework.json"
    target.write_text("someone's notes")
    code, output = export(str(BASE), "-o", str(target))
    assert code == 2
    assert "already exists (use --force to replace it)" in output
    assert target.read_text() == "someone's notes"
    assert export(str(BASE), "-o", str(target), "--force")[0] == 0
    assert json.loads(target.read_text())["framework"]["name"] == "Fixture Framework"


def test_export_of_an_invalid_framework_lists_its_errors(tmp_path: Path) -> None:
    framework = assemble_case(CASES / "duplicate-key", tmp_path)
    code, output = export(str(framework))
    assert code == 1
    assert "duplicate key 'craft'" in output
    assert "Traceback" not in output


def test_the_sites_compact_json_holds_the_same_data_as_the_export() -> None:
    from ladder.export import to_json
    from ladder.validate import load_framework

    framework = load_framework(BASE)
    compact, indented = to_json(framework, compact=True), to_json(framework)
    assert json.loads(compact) == json.loads(indented)
    assert len(compact) < len(indented) and "\n" not in compact.rstrip("\n")
