"""Every folder in tests/fixtures/cases is one framework mistake and the exact report it gets.

A case holds only the files that differ from tests/fixtures/base (plus remove.txt to delete
some), and expected.txt: what `ladder validate framework` prints. Add a case by adding a folder.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from ladder.cli import main
from tests.conftest import CASES, assemble_case, check_golden

CASE_DIRS = sorted(path for path in CASES.iterdir() if path.is_dir())


@pytest.mark.parametrize("case", CASE_DIRS, ids=[path.name for path in CASE_DIRS])
def test_case_reports_exactly_its_expected_problems(case: Path, in_tmp: Path) -> None:
    assemble_case(case, in_tmp)
    result = CliRunner().invoke(main, ["validate", "framework"])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    check_golden(case / "expected.txt", result.stdout)
    expected = (case / "expected.txt").read_text(encoding="utf-8")
    has_errors = any(": warning: " not in line for line in expected.splitlines())
    assert result.exit_code == (1 if has_errors else 0)
    strict = CliRunner().invoke(main, ["validate", "--strict", "framework"])
    assert strict.exit_code == (0 if not expected else 1)


def test_base_fixture_is_valid_with_no_warnings(in_tmp: Path) -> None:
    assemble_case(in_tmp / "no-such-case", in_tmp)
    result = CliRunner().invoke(main, ["validate", "--strict", "framework"])
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
