"""`ladder changelog`: a known set of edits between two revisions is reported exactly."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from ladder.cli import main
from ladder.history import ordered, recent
from ladder.validate import load_framework
from tests.conftest import BASE, FIXTURES, check_golden, edit, git

GOLDEN = FIXTURES / "changelog"


def make_edits(framework: Path) -> None:
    """The known set of edits: every kind of change the report can name."""
    edit(framework / "framework.yaml", "version: 0.1.0", "version: 0.2.0")
    # A level renamed (old id kept as an alias) whose title changed too.
    edit(framework / "levels/second.yaml", "id: second\n", "id: second-level\naliases: [second]\n")
    edit(framework / "levels/second.yaml", "title: Second Level", "title: Senior Level")
    # A statement added to one level's dimension, and a proficiency raised.
    edit(
        framework / "levels/first.yaml",
        "      - Finishes the tasks given to them.\n",
        "      - Finishes the tasks given to them.\n      - Asks for help when stuck for a day.\n",
    )
    edit(framework / "levels/first.yaml", "proficiency: working", "proficiency: expert")
    # A standard statement moved below the line, and another reworded.
    fixes = "  - id: ownership-fixes-it\n    text: Fixes the build or finds who can.\n"
    edit(
        framework / "standards/ownership.yaml",
        f"above_the_line:\n{fixes}below_the_line:\n",
        f"above_the_line: []\nbelow_the_line:\n{fixes}",
    )
    edit(framework / "standards/ownership.yaml", "Waits for someone else to notice.", "Waits for others to act.")
    # An example removed and another added.
    (framework / "examples/write-tests.yaml").rename(framework / "examples/review-code.yaml")
    edit(framework / "examples/review-code.yaml", "id: write-tests", "id: review-code")


def two_versions(repo: Path) -> Path:
    """A fork's repository at `repo`: the base fixture as version 0.1.0 (tag v1), then the known
    edits as 0.2.0 (tag v2). Returns the repository."""
    shutil.copytree(BASE, repo / "framework")
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "v1")
    git(repo, "tag", "v1")
    make_edits(repo / "framework")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "v2")
    git(repo, "tag", "v2")
    return repo


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    return two_versions(tmp_path / "repo")


def changelog(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["changelog", *args])
    return result.exit_code, result.output


def test_markdown_report_names_every_edit(repo: Path) -> None:
    code, output = changelog(str(repo / "framework"), "--from", "v1", "--to", "v2")
    assert code == 0, output
    check_golden(GOLDEN / "edits.md", output)


def test_json_report_has_the_same_facts(repo: Path) -> None:
    code, output = changelog(str(repo / "framework"), "--from", "v1", "--to", "v2", "--format", "json")
    assert code == 0, output
    report = json.loads(output)
    summary = sorted((c["kind"], c["change"], c["old_id"] or c["id"], c["id"]) for c in report["changes"])
    assert summary == [
        ("example", "added", "review-code", "review-code"),
        ("example", "removed", "write-tests", "write-tests"),
        ("level", "changed", "first", "first"),
        ("level", "renamed", "second", "second-level"),
        ("statement", "changed", "ownership-fixes-it", "ownership-fixes-it"),
        ("statement", "changed", "ownership-waits", "ownership-waits"),
    ]
    renamed = next(c for c in report["changes"] if c["change"] == "renamed")
    assert renamed["fields"] == [{"field": "title", "old": "Second Level", "new": "Senior Level"}]
    assert (report["from"]["version"], report["to"]["version"]) == ("0.1.0", "0.2.0")


def test_working_tree_is_the_default_target_and_folders_work_too(repo: Path, tmp_path: Path) -> None:
    edit(repo / "framework/levels/first.yaml", "title: First Level", "title: Entry Level")
    code, output = changelog(str(repo / "framework"), "--from", "v2")
    assert code == 0
    assert "- **Changed** `first`: L1 Entry Level\n    - title: “First Level” → “Entry Level”\n" in output
    code, output = changelog(str(repo / "framework"), "--from", str(BASE))
    assert code == 0
    assert "Compared folder " in output


def test_unknown_revision_is_a_one_line_error(repo: Path) -> None:
    code, output = changelog(str(repo / "framework"), "--from", "v9")
    assert code == 2
    assert output.strip() == f"ladder: error: 'v9' is neither a folder nor a revision of {repo}"


def test_versions_are_ordered_as_packaging_orders_them() -> None:
    assert ordered("1.4.0-rc.1") < ordered("1.4.0") < ordered("1.10.0")
    assert ordered("2.0.0+build.5") > ordered("1.99.0")
    assert ordered("1.4.0-alpha.beta") == ordered("1.4.0")  # not a pre-release packaging reads: its release


def test_history_goes_from_a_release_candidate_to_its_release(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    shutil.copytree(BASE, repo / "framework")
    top = repo / "framework" / "framework.yaml"
    edit(top, "version: 0.1.0", "version: 1.4.0-rc.1")
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "rc")
    edit(top, "version: 1.4.0-rc.1", "version: 1.4.0")
    git(repo, "commit", "-q", "-am", "release")
    framework = load_framework(repo / "framework")
    (step,) = recent(repo / "framework", framework)
    assert (step.changelog.old_version, step.changelog.new_version) == ("1.4.0-rc.1", "1.4.0")


# Lineage: history ends where another framework was -----------------------------------------------


def set_header(repo: Path, version: str, first_version: str | None, organisation: str = "Fixture Org") -> None:
    """Give framework.yaml these values and commit it (the repository is made on first use)."""
    top = repo / "framework" / "framework.yaml"
    if not top.exists():
        shutil.copytree(BASE, repo / "framework")
        git(repo, "init", "-q", "-b", "main")
    text = re.sub(r"(?m)^(organisation|version|first_version): .*\n", "", top.read_text("utf-8"))
    header = f"organisation: {organisation}\nversion: {version}\n"
    if first_version is not None:
        header += f"first_version: {first_version}\n"
    top.write_text(text.replace("name: Fixture Framework\n", "name: Fixture Framework\n" + header), "utf-8")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", f"version {version}")


@pytest.mark.parametrize(
    ("first_version", "organisation"),
    [
        ("2.0.0", "Fixture Org"),  # the fork names where it started
        (None, "Forked Org"),  # the fork names no start, but another organisation
    ],
)
def test_a_fork_at_a_higher_version_does_not_show_the_example_as_its_past(
    tmp_path: Path, first_version: str | None, organisation: str
) -> None:
    repo = tmp_path / "repo"
    set_header(repo, "0.9.0", None)  # the example's history: no first version named yet
    set_header(repo, "1.0.0", "1.0.0")
    set_header(repo, "2.0.0", first_version, organisation)  # the fork's own framework
    set_header(repo, "2.1.0", first_version, organisation)
    framework = load_framework(repo / "framework")
    (step,) = recent(repo / "framework", framework)
    assert (step.changelog.old_version, step.changelog.new_version) == ("2.0.0", "2.1.0")
    code, output = changelog(str(repo / "framework"), "--from", "HEAD~2")
    assert code == 2
    assert output.startswith("ladder: error: revision HEAD~2 is not a version of this framework: ")
    assert output.count("\n") == 1
    code, output = changelog(str(repo / "framework"), "--from", "HEAD~2", "--any-framework")
    assert code == 0
    assert "1.0.0" in output


def test_naming_the_first_version_later_keeps_the_history_before_it(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    set_header(repo, "0.1.0", None)
    set_header(repo, "0.2.0", None)
    set_header(repo, "0.3.0", "0.1.0")
    framework = load_framework(repo / "framework")
    steps = recent(repo / "framework", framework)
    assert [(step.changelog.old_version, step.changelog.new_version) for step in steps] == [
        ("0.2.0", "0.3.0"),
        ("0.1.0", "0.2.0"),
    ]


def test_a_level_statement_with_an_id_is_followed_through_rewording_and_moves(tmp_path: Path) -> None:
    shape = FIXTURES / "shapes" / "statement-ids"
    framework = tmp_path / "framework"
    shutil.copytree(shape, framework)
    edit(
        framework / "levels/engineer-2.yaml", "Handles *chargebacks* for their flow", "Handles disputes for their flow"
    )
    code, output = changelog(str(framework), "--from", str(shape))
    assert code == 0, output
    assert "0 added, 1 changed, 0 renamed, 0 removed" in output
    assert "`pc-chargebacks`" in output and "Handles disputes" in output
