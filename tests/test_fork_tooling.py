"""The tooling a fork gets: the publishing workflow and the pre-commit hook both run real checks."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import yaml
from click.testing import CliRunner

from ladder.cli import main
from tests.conftest import BASE, ROOT, edit

WORKFLOW = yaml.safe_load((ROOT / ".github/workflows/handbook.yml").read_text())
PRE_COMMIT = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text())
MAKEFILE = (ROOT / "Makefile").read_text()


def make_targets(command: str) -> list[str]:
    return re.findall(r"\bmake ([a-z-]+)", command)


def test_workflow_validates_builds_strictly_and_publishes_main_only() -> None:
    triggers = WORKFLOW[True]  # PyYAML reads the key `on` as the boolean true: the YAML 1.1 surprise
    assert triggers["push"]["branches"] == ["main"]
    assert "pull_request" in triggers
    build = WORKFLOW["jobs"]["build"]["steps"]
    checkout = next(step for step in build if step.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"]["fetch-depth"] == 0
    runs = [step["run"] for step in build if "run" in step]
    assert runs == ["make validate", "make build"]
    upload = next(step for step in build if step.get("uses", "").startswith("actions/upload-pages-artifact@"))
    assert upload["with"]["path"] == "site"
    deploy = WORKFLOW["jobs"]["deploy"]
    assert "refs/heads/main" in deploy["if"] and "pull_request" in deploy["if"]
    assert deploy["steps"][0]["uses"].startswith("actions/deploy-pages@")


def test_make_targets_the_tooling_calls_exist_and_do_what_it_says() -> None:
    commands = [step["run"] for step in WORKFLOW["jobs"]["build"]["steps"] if "run" in step]
    commands += [hook["entry"] for repo in PRE_COMMIT["repos"] for hook in repo["hooks"]]
    targets = {target for command in commands for target in make_targets(command)}
    assert targets == {"validate", "build"}
    for target in targets:
        assert re.search(rf"^{target}:", MAKEFILE, re.MULTILINE)
    assert "mkdocs build --strict" in MAKEFILE
    assert "ladder validate --strict $(FRAMEWORK)" in MAKEFILE and "\nFRAMEWORK ?= framework\n" in MAKEFILE
    assert "ladder lock --check $(FRAMEWORK)" in MAKEFILE


def test_pre_commit_hook_runs_on_framework_files_only() -> None:
    (hook,) = PRE_COMMIT["repos"][0]["hooks"]
    pattern = re.compile(hook["files"])
    assert pattern.search("framework/levels/senior.yaml")
    assert pattern.search("framework/published-ids.lock")
    assert not pattern.search("docs/guides/calibration.md")
    assert hook["pass_filenames"] is False


def test_make_validate_checks_the_framework_and_its_lock(tmp_path: Path) -> None:
    """On a fixture (FRAMEWORK=...), so a fork's suite passes whatever its framework/ holds; its own
    framework is checked by `make validate` itself, in the workflow."""
    framework = tmp_path / "framework"
    shutil.copytree(BASE, framework)

    def make_validate() -> subprocess.CompletedProcess[str]:
        command = ["make", "-s", "validate", f"FRAMEWORK={framework}"]
        return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=600)

    assert CliRunner().invoke(main, ["lock", str(framework)]).exit_code == 0
    done = make_validate()
    assert done.returncode == 0, done.stdout + done.stderr
    assert "up to date" in done.stderr
    edit(framework / "levels/first.yaml", "id: first\n", "id: beginner\n")  # a published id gone
    assert make_validate().returncode != 0
