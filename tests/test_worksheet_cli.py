"""`ladder worksheet` for one person, run the way a user runs it: the installed command, in a folder."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from ladder.assessment import levels_key
from ladder.validate import load_framework
from tests.conftest import CASES, ROOT, assemble_case

LADDER = str(Path(sys.executable).parent / "ladder")
FRAMEWORK = str(ROOT / "tests" / "fixtures" / "worksheets" / "framework")
FIXED = {"SOURCE_DATE_EPOCH": "1736899200"}  # 2025-01-15


def run(*args: str, cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    environment = {"PATH": "/usr/bin:/bin", "HOME": str(cwd), **(env or {})}
    return subprocess.run(
        [LADDER, "worksheet", *args], cwd=cwd, capture_output=True, text=True, timeout=60, env=environment
    )


def test_writes_a_safely_named_file_in_the_current_folder(tmp_path: Path) -> None:
    result = run(FRAMEWORK, "--level", "second", "--name", "Zoë Ødegård", cwd=tmp_path, env=FIXED)
    assert result.returncode == 0, result.stderr
    assert result.stderr == "wrote Zoë-Ødegård-expectations.md\n"
    text = (tmp_path / "Zoë-Ødegård-expectations.md").read_text(encoding="utf-8")
    assert text.startswith("# Expectations worksheet\n")
    assert "- **Made on:** 2025-01-15" in text


def test_never_overwrites_without_force(tmp_path: Path) -> None:
    target = tmp_path / "notes.md"
    target.write_text("my manager's notes\n")
    result = run(FRAMEWORK, "--level", "second", "-o", "notes.md", cwd=tmp_path)
    assert result.returncode == 2
    assert "skipped notes.md: it already exists and may hold notes; use --force" in result.stderr
    assert target.read_text() == "my manager's notes\n"
    assert run(FRAMEWORK, "--level", "second", "-o", "notes.md", "--force", cwd=tmp_path).returncode == 0
    assert target.read_text().startswith("# Expectations worksheet")
    assert sorted(path.name for path in tmp_path.iterdir()) == ["notes.md"]  # no temporary files left


def test_format_follows_the_output_suffix(tmp_path: Path) -> None:
    assert run(FRAMEWORK, "--level", "second", "-o", "sheet.html", cwd=tmp_path).returncode == 0
    assert (tmp_path / "sheet.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    result = run(FRAMEWORK, "--level", "second", "-o", "sheet.docx", "--format", "md", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr == "ladder: error: --format: 'md' does not match the output file sheet.docx (a .docx file)\n"


def test_output_folder_gets_a_default_name(tmp_path: Path) -> None:
    (tmp_path / "out").mkdir()
    result = run(FRAMEWORK, "--level", "lead", "--kind", "pip", "-o", "out", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "out" / "lead-pip.md").exists()


def test_stdout_with_dash(tmp_path: Path) -> None:
    result = run(FRAMEWORK, "--level", "first", "--kind", "onboarding", "-o", "-", "--date", "2025-02-01", cwd=tmp_path)
    assert result.returncode == 0
    assert result.stdout.startswith("# Onboarding worksheet, the first 90 days\n")
    assert "2025-02-01" in result.stdout
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--level", "secnd"], "--level: unknown level 'secnd' (did you mean 'second'?)"),
        (["--level", "first", "--track", "managr"], "--track: unknown track 'managr' (did you mean 'manager'?)"),
        (
            ["--level", "third", "--track", "manager"],
            "--track: L3 Third Level is not on track 'manager' (its tracks: ic)",
        ),
        (
            ["--level", "third", "--kind", "promotion"],
            "--kind: L3 Third Level is the highest level of the Individual contributor track: "
            "there is no level to propose",
        ),
        (["--level", "first", "--date", "15/01/2025"], "--date: '15/01/2025' is not a date like 2025-01-31"),
        (["--level", "first", "-o", "missing/x.md"], "--output: missing is not a folder"),
        (["--name", "Sam"], "give --level for one worksheet, or --roster for a whole team"),
    ],
)
def test_bad_options_are_one_line_and_exit_2(tmp_path: Path, args: list[str], message: str) -> None:
    result = run(FRAMEWORK, *args, cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr == f"ladder: error: {message}\n"
    assert list(tmp_path.iterdir()) == []


def test_level_code_and_former_ids_are_accepted(tmp_path: Path) -> None:
    result = run(FRAMEWORK, "--level", "m1", "-o", "-", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "[M1 Team Lead]" in result.stdout


def test_unknown_kind_is_a_usage_error(tmp_path: Path) -> None:
    result = run(FRAMEWORK, "--level", "first", "--kind", "review", cwd=tmp_path)
    assert result.returncode == 2
    assert "Invalid value for '--kind'" in result.stderr


def test_invalid_framework_prints_its_problems_and_exits_1(tmp_path: Path) -> None:
    assemble_case(CASES / "unknown-references", tmp_path)
    result = run("framework", "--level", "first", cwd=tmp_path)
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert lines and all(line.startswith("framework/") for line in lines)
    assert "Traceback" not in result.stderr
    assert not list(tmp_path.glob("*.md"))


def test_docx_goes_to_stdout_when_it_is_a_pipe(tmp_path: Path) -> None:
    result = subprocess.run(
        [LADDER, "worksheet", FRAMEWORK, "--level", "first", "--format", "docx", "-o", "-"],
        cwd=tmp_path,
        capture_output=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(b"PK\x03\x04")  # a ZIP container, as every DOCX is


def test_an_assessment_of_another_level_is_one_line(tmp_path: Path) -> None:
    address = "https://handbook.example.org/assess/?level=first&m=333"
    result = run(FRAMEWORK, "--level", "second", "--assessment", address, cwd=tmp_path)
    assert result.returncode == 2
    assert (
        result.stderr.count("\n") == 1
        and "the self-assessment is of L1 First Level, not L2 Second Level" in result.stderr
    )


def test_an_assessment_ticks_where_the_person_stands_and_writes_the_counts(tmp_path: Path) -> None:
    # second's own statements first, then the next level's, dimension by dimension (as the page lists them)
    result = run(
        FRAMEWORK,
        "--level",
        "second",
        "--track",
        "ic",
        "--assessment",
        "?level=second&m=3333333333",
        "-o",
        "-",
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    grid = result.stdout.split("## Where you stand", 1)[1].split("\n## ", 1)[0]
    assert "☒" in grid and "consistently" in grid


def test_an_assessment_of_a_rubric_counts_a_step_given_alone_as_one_thing_to_mark(tmp_path: Path) -> None:
    """In the rubric shape, Senior gives clinical safety a step and one statement (the statement is
    marked), and systems design only its step (the step is marked): m=3 0 3 is the statement, then
    Lead's clinical safety step, then Senior's systems design step."""
    rubric = str(ROOT / "tests" / "fixtures" / "shapes" / "rubric")
    result = run(rubric, "--level", "senior", "--assessment", "?level=senior&m=303", "-o", "-", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    grid = result.stdout.split("## Where you stand", 1)[1].split("\n## ", 1)[0]
    rows = {line.split("|")[1].strip(): line for line in grid.splitlines() if line.startswith("| [")}
    design = next(line for name, line in rows.items() if name.startswith("[Systems design]"))
    assert "A3: 1 of 1 consistently" in design, design


BRANCHING = str(ROOT / "tests" / "fixtures" / "shapes" / "statement-ids")


def where_you_stand(worksheet: str) -> dict[str, str]:
    """The growth grid's rows of a Markdown worksheet, by the dimension's name."""
    grid = worksheet.split("## Where you stand", 1)[1].split("\n## ", 1)[0]
    return {line.split("](")[0].lstrip("| ["): line for line in grid.splitlines() if line.startswith("| [")}


def test_where_tracks_split_a_promotion_case_covers_the_dimensions_only_one_track_asks(tmp_path: Path) -> None:
    """In the statement-ids shape, engineer-2 is where the management track branches off, and only
    managers are judged on people leadership: a blank promotion case proposing either next level
    asks for evidence on it too, with what the manager level asks, and its growth grid has the row."""
    result = run(BRANCHING, "--level", "engineer-2", "--kind", "promotion", "-o", "-", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    evidence = result.stdout.split("## Evidence for each dimension", 1)[1].split("\n## ", 1)[0]
    sections = {part.split("\n", 1)[0]: part for part in evidence.split("\n### ")[1:]}
    people = sections["[People leadership](https://competencies.kestrel.example/levels/manager/#people-leadership)"]
    assert "*What M1 Engineering Manager asks:*" in people
    assert "- Holds a one-to-one with each report every week." in people
    assert "Staff Engineer" not in people  # the engineering level is not judged on it
    assert "*What K3 Staff Engineer asks:*" in sections["Payments craft"]
    row = where_you_stand(result.stdout)["People leadership"]
    assert "(https://competencies.kestrel.example/dimensions/people-leadership/)" in row  # not a missing anchor
    assert "| nothing asked | M1 Engineering Manager: 2 new |" in row


def test_an_assessment_toward_a_managers_level_counts_the_dimension_it_adds(tmp_path: Path) -> None:
    """Every statement marked consistently, toward the manager level: the people leadership row (which
    engineer-2 does not ask) is ticked toward the next level and counts the manager's two statements."""
    address = "?level=engineer-2&track=management&m=" + "3" * 12
    result = run(
        BRANCHING, "--level", "engineer-2", "--track", "management", "--assessment", address, "-o", "-", cwd=tmp_path
    )
    assert result.returncode == 0, result.stderr
    row = where_you_stand(result.stdout)["People leadership"]
    assert "☒ Toward the next" in row
    assert "M1: 2 of 2 consistently, 0 sometimes" in row and "K2:" not in row


def test_an_assessment_reads_a_next_level_that_keeps_the_levels_statements_with_the_levels_marks(
    tmp_path: Path,
) -> None:
    """In the cumulative-gaps shape, S2 keeps S1's code craft ("same as previous"). Where I stand asks
    for that statement once; its digit under S2 repeats S1's. An address whose two digits differ (an
    older link) is read as the page shows it: S1's mark, for both levels."""
    gaps = str(ROOT / "tests" / "fixtures" / "shapes" / "cumulative-gaps")
    address = "?level=senior-1&m=31"  # code craft: S1's statement consistently, S2's copy of it "not yet"
    result = run(gaps, "--level", "senior-1", "--assessment", address, "-o", "-", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    row = where_you_stand(result.stdout)["Code craft"]
    assert "☒ Toward the next" in row
    assert "S1: 1 of 1 consistently, 0 sometimes · S2: 1 of 1 consistently, 0 sometimes" in row


def test_an_assessment_made_before_a_statement_was_inserted_is_refused_and_one_after_a_rewording_is_read(
    tmp_path: Path,
) -> None:
    """The address's k= is what the page listed when the marks were made (ladder.assessment)."""
    framework_dir = tmp_path / "framework"
    shutil.copytree(FRAMEWORK, framework_dir)
    framework = load_framework(framework_dir)
    second = framework.level("second")
    key = levels_key(framework, second, framework.next_levels(second)[0])
    address = f"?level=second&track=ic&k={key}&m=3333333333"
    assert (
        run(str(framework_dir), "--level", "second", "--assessment", address, "-o", "-", cwd=tmp_path).returncode == 0
    )
    level_file = next(framework_dir.glob("levels/**/second.yaml"))
    text = level_file.read_text(encoding="utf-8")
    first_statement = re.search(r"^(\s+)- (.+)$", text, re.MULTILINE)
    assert first_statement is not None
    indent, words = first_statement.groups()
    level_file.write_text(text.replace(f"{indent}- {words}", f"{indent}- {words} Reworded.", 1), encoding="utf-8")
    assert (
        run(str(framework_dir), "--level", "second", "--assessment", address, "-o", "-", cwd=tmp_path).returncode == 0
    )
    level_file.write_text(text.replace(f"{indent}- {words}", f"{indent}- Inserted first.\n{indent}- {words}", 1))
    result = run(str(framework_dir), "--level", "second", "--assessment", address, "-o", "-", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1
    assert "a statement of these levels was added, removed or moved since the self-assessment was made" in result.stderr
