"""A fork's own worksheet words (framework/worksheets/*.yaml), laid over Ladder's (ladder.wording).

The fixture is the worksheet fixture framework with a `worksheets/` folder that changes a few
words of the expectations worksheet and of the shared file; everything else keeps Ladder's
words. Mistakes in those files are errors naming the file, line and key, never a traceback.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from ladder.validate import load_framework, validate
from ladder.wording import defaults, laid_over
from ladder.worksheet import Request, make
from tests.conftest import ROOT
from tests.docx_dump import dump
from tests.test_worksheet_golden import MADE

WORKSHEETS = ROOT / "tests" / "fixtures" / "worksheets"
LADDER = str(Path(sys.executable).parent / "ladder")


def fork(tmp_path: Path, files: dict[str, str] | None = None) -> Path:
    """The worksheet fixture framework with its own words: the fixture's, or `files` (name: YAML text)."""
    root = tmp_path / "framework"
    shutil.copytree(WORKSHEETS / "framework", root)
    if files is None:
        shutil.copytree(WORKSHEETS / "wording" / "worksheets", root / "worksheets")
    else:
        (root / "worksheets").mkdir()
        for name, text in files.items():
            (root / "worksheets" / name).write_text(text, encoding="utf-8")
    return root


def test_a_forks_words_replace_ladders_and_the_rest_stay(tmp_path: Path) -> None:
    framework = load_framework(fork(tmp_path))
    request = Request("second", name="Ada")
    text = make(framework, request, MADE, "md").decode("utf-8")
    assert text.startswith("# Growth plan\n")
    assert "## Goals for the half" in text and "### Goal 1" in text and "### Goal 5 (if there is room)" in text
    assert "- **Team member:** Ada" in text
    assert "☐ Not yet ☐ Solidly ☐ Beyond" in text
    assert "**Why it matters**" in text  # not in the fork's file: Ladder's words
    assert "## At the end of the period" in text
    assert "[Heading 3] Goal 2" in dump(make(framework, request, MADE, "docx"))
    html = make(framework, request, MADE, "html").decode("utf-8")
    assert '"print": "Print this plan"' in html and "<title>Growth plan: Ada</title>" in html


def test_without_a_worksheets_folder_the_words_are_ladders(tmp_path: Path) -> None:
    root = fork(tmp_path, {})
    text = make(load_framework(root), Request("second"), MADE, "md").decode("utf-8")
    assert text.startswith(f"# {defaults('expectations')['title']}\n")


def test_laying_over_replaces_only_what_is_given() -> None:
    default = {"a": "A", "b": {"c": "C", "d": ["x"]}, "e": 3}
    assert laid_over(default, {"b": {"c": "new"}}) == {"a": "A", "b": {"c": "new", "d": ["x"]}, "e": 3}


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        (
            "expectations.yaml",
            "titel: Plan\n",
            "expectations.yaml:1:1: titel: `titel` is not a worksheet text (did you mean 'title'?)",
        ),
        ("expectations.yaml", "slots: Goals\n", "expectations.yaml:1:8: slots: expected keys and values here"),
        (
            "expectations.yaml",
            "slots:\n  title: 'Goal {nmber}'\n",
            "expectations.yaml:2:10: slots.title: Ladder does not fill {nmber} here; the placeholders this text "
            "may use: {number}",
        ),
        (
            "expectations.yaml",
            "slots:\n  count: many\n",
            "expectations.yaml:2:10: slots.count: expected a whole number here",
        ),
        ("expectations.yaml", "title: 'Plan {'\n", "expectations.yaml:1:8: title: a single { or } here"),
        ("expectations.yaml", "guidance:\n  points: one\n", "guidance.points: expected a list here"),
        (
            "expectation.yaml",
            "title: Plan\n",
            "expectation.yaml:1:1: expectation: not a worksheet text file (did you mean 'expectations'?)",
        ),
        ("common.yaml", "- a list\n", "common.yaml:1:1: common: expected keys and values"),
        ("common.yaml", "facts: [\n", "common.yaml:"),
    ],
)
def test_a_mistake_in_a_forks_words_is_one_line_naming_file_line_and_key(
    tmp_path: Path, name: str, text: str, expected: str
) -> None:
    root = fork(tmp_path, {name: text})
    errors = [str(problem) for problem in validate(root).problems if problem.is_error]
    assert len(errors) == 1 and expected in errors[0], errors
    result = subprocess.run(
        [LADDER, "worksheet", str(root), "--level", "second", "-o", str(tmp_path / "w.md")],
        capture_output=True,
        text=True,
        timeout=60,
    )
    # One line that sends the reader to `ladder validate`, which names the file, line and key.
    assert result.returncode != 0 and result.stderr.count("\n") == 1 and "ladder validate" in result.stderr
    assert not (tmp_path / "w.md").exists()


def test_the_bundled_framework_words_nothing_of_its_own() -> None:
    """Upstream ships no framework/worksheets/: a fork's files there never meet an upstream change."""
    assert not (ROOT / "framework" / "worksheets").exists()
