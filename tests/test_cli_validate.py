"""`ladder validate` run the way a user runs it: the installed command, in a shell, in a checkout."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.conftest import CASES, ROOT, assemble_case

LADDER = str(Path(sys.executable).parent / "ladder")


def run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run([LADDER, *args], cwd=cwd, capture_output=True, text=True, timeout=60)


def test_default_framework_is_valid_in_strict_mode() -> None:
    result = run("validate", "--strict")
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout == ""
    assert "framework: valid: 0 errors, 0 warnings" in result.stderr


def test_invalid_framework_exits_1_with_one_line_per_problem(tmp_path: Path) -> None:
    assemble_case(CASES / "unknown-references", tmp_path)
    result = run("validate", "framework", cwd=tmp_path)
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert len(lines) == 6
    assert all(line.startswith("framework/") and line.count(":") >= 4 for line in lines)
    assert "Traceback" not in result.stderr
    assert "invalid: 6 errors, 0 warnings" in result.stderr


def test_warnings_fail_only_with_strict(tmp_path: Path) -> None:
    assemble_case(CASES / "warn-key-steps", tmp_path)
    assert run("validate", "framework", cwd=tmp_path).returncode == 0
    assert run("validate", "--strict", "framework", cwd=tmp_path).returncode == 1


def test_json_format_gives_the_same_facts(tmp_path: Path) -> None:
    assemble_case(CASES / "duplicate-key", tmp_path)
    result = run("validate", "--format", "json", "framework", cwd=tmp_path)
    assert result.returncode == 1
    report = json.loads(result.stdout)
    assert report["valid"] is False
    assert report["errors"] == 1
    assert report["problems"] == [
        {
            "file": "framework/levels/second.yaml",
            "line": 17,
            "column": 3,
            "location": "levels.second.dimensions.craft",
            "message": "duplicate key 'craft' (first defined at line 10); YAML would silently keep only the last one",
            "severity": "error",
            "code": "duplicate-key",
        }
    ]


def test_missing_framework_folder_exits_2(tmp_path: Path) -> None:
    result = run("validate", "no-such-folder", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.strip() == "ladder: error: no-such-folder: no such framework folder"


def test_run_inside_the_framework_folder_it_says_which_folder_to_name(tmp_path: Path) -> None:
    (tmp_path / "framework.yaml").write_text("name: Ours\n", encoding="utf-8")
    result = run("validate", cwd=tmp_path)  # the default, ./framework, is not there
    assert result.returncode == 2
    assert result.stderr.strip() == (
        "ladder: error: framework: no such framework folder; . holds framework.yaml: give . as the framework folder"
    )


def test_bad_option_exits_2_with_usage() -> None:
    result = run("validate", "--format", "xml")
    assert result.returncode == 2
    assert "Invalid value for '--format'" in result.stderr


def test_no_case_ever_prints_a_traceback(tmp_path: Path) -> None:
    for case in sorted(CASES.iterdir()):
        target = tmp_path / case.name
        assemble_case(case, target)
        result = run("validate", "framework", cwd=target)
        assert result.returncode in (0, 1), case.name
        assert "Traceback" not in result.stderr, case.name


def test_a_site_build_check_leaves_out_only_the_warnings(tmp_path: Path) -> None:
    """The site checks with warnings=False (they never stop a build): the same errors and framework."""
    from ladder.validate import validate

    warned = assemble_case(CASES / "warn-key-steps", tmp_path / "warned")
    full, quick = validate(warned), validate(warned, warnings=False)
    assert full.warnings > 0 and quick.warnings == 0
    assert quick.framework == full.framework and quick.data == full.data
    broken = assemble_case(CASES / "bad-ids", tmp_path / "broken")
    assert [str(p) for p in validate(broken, warnings=False).problems if p.is_error] == [
        str(p) for p in validate(broken).problems if p.is_error
    ]


def test_a_file_outside_the_working_folder_is_named_as_given(tmp_path: Path) -> None:
    """Not as a climb of ../../ out of the folder the command runs in."""
    framework = assemble_case(CASES / "bad-values", tmp_path / "elsewhere")
    here = tmp_path / "here"
    here.mkdir()
    result = run("validate", str(framework), cwd=here)
    assert result.returncode == 1
    assert result.stdout.startswith(f"{framework}/"), result.stdout
    inside = run("validate", "framework", cwd=framework.parent)
    assert inside.stdout.startswith("framework/"), inside.stdout
