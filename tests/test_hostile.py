"""Bad and hostile input, command by command: a one-line message and the right exit code, never a traceback.

Each row of `fixtures/hostile.yaml` is one case: how to spoil the base fixture framework (or
which option to pass), the command to run, the exit code it must give and words its message
must hold. A new case is a new row. Every line a command prints must be printable: a name
or value holding terminal escapes or line breaks is shown escaped, never as it is.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner

from ladder.cli import main
from tests.conftest import BASE, FIXTURES, git
from tests.site.conftest import fixture_config

CASES = FIXTURES / "hostile.yaml"
MKDOCS = Path(sys.executable).parent / "mkdocs"


@dataclass
class Case:
    case: str
    command: list[str]  # `ladder` arguments, or ["build"] for a strict `mkdocs build`
    exit: int
    message: list[str] = field(default_factory=list)  # each must be in the output
    absent: list[str] = field(default_factory=list)  # and none of these
    edit: list[dict[str, str]] = field(default_factory=list)  # {file, old, new}: text replaced in a file
    write: dict[str, str] = field(default_factory=dict)  # file -> content ("\\x07" escapes allowed)
    write_hex: dict[str, str] = field(default_factory=dict)  # file -> bytes, as hex
    symlink: dict[str, str] = field(default_factory=dict)  # file -> where the link points
    mkdir: list[str] = field(default_factory=list)
    remove: list[str] = field(default_factory=list)
    git: bool = False  # commit the base framework first, then make the changes above (a later commit)
    commit: bool = False  # with git: commit the changes too
    then: dict[str, str] = field(default_factory=dict)  # with commit: files written after it (the working tree)
    extra: dict[str, Any] = field(default_factory=dict)  # `extra.ladder` settings, for build cases
    written: int | None = None  # files the command must have written under out/


def load_cases() -> list[Case]:
    return [Case(**row) for row in yaml.safe_load(CASES.read_text(encoding="utf-8"))]


LONG = "[LONG]"  # in written content: 140,000 characters, longer than any CSV cell may be


def fill(text: str, framework: Path, work: Path) -> str:
    """A case's text with {framework} and {work} filled in (and every other brace left alone)."""
    return text.replace("{framework}", str(framework)).replace("{work}", str(work))


def prepare(case: Case, work: Path) -> Path:
    """The base framework at work/repo/framework, spoilt as the case says."""
    repo = work / "repo"
    framework = repo / "framework"
    shutil.copytree(BASE, framework)
    if case.git:
        git(repo, "init", "-q", "-b", "main")
        git(repo, "add", ".")
        git(repo, "commit", "-q", "-m", "base")
    for change in case.edit:
        path = work / fill(change["file"], framework, work)
        text = path.read_text(encoding="utf-8")
        assert change["old"] in text, (case.case, change)
        path.write_text(text.replace(change["old"], change["new"], 1), encoding="utf-8", errors="surrogatepass")
    for name in case.mkdir:
        (work / fill(name, framework, work)).mkdir(parents=True)
    for name, content in case.write.items():
        path = work / fill(name, framework, work)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content.replace(LONG, "x" * 140_000).encode("utf-8", "surrogatepass"))
    for name, content in case.write_hex.items():
        path = work / fill(name, framework, work)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(bytes.fromhex(content))
    for name in case.remove:
        path = work / fill(name, framework, work)
        shutil.rmtree(path) if path.is_dir() else path.unlink()
    for name, target in case.symlink.items():
        path = work / fill(name, framework, work)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.symlink_to(fill(target, framework, work))
    if case.git and case.commit:
        git(repo, "add", "-A")
        git(repo, "commit", "-q", "-m", "changes")
    for name, content in case.then.items():
        (work / fill(name, framework, work)).write_text(content, encoding="utf-8")
    return framework


def run(case: Case, work: Path, framework: Path) -> tuple[int, str]:
    arguments = [fill(argument, framework, work) for argument in case.command]
    if arguments[0] == "build":
        config = fixture_config(work, framework, {"index.md": "# Home\n"})
        data = yaml.safe_load(config.read_text(encoding="utf-8"))
        data["extra"]["ladder"].update(case.extra)
        config.write_text(yaml.safe_dump(data), encoding="utf-8")
        done = subprocess.run(
            [str(MKDOCS), "build", "--strict", "-f", str(config), "-d", str(work / "site")],
            capture_output=True,
            text=True,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
            check=False,
        )
        return done.returncode, done.stdout + done.stderr
    previous = Path.cwd()
    os.chdir(work / "repo")  # as a person runs it, from the top of their repository
    try:
        result = CliRunner().invoke(main, arguments)
    finally:
        os.chdir(previous)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception  # a traceback: a bug in Ladder, whatever the input
    return result.exit_code, result.output


@pytest.mark.parametrize("case", load_cases(), ids=lambda case: case.case)
def test_hostile_input_gets_one_clear_line_and_the_right_exit_code(case: Case, tmp_path: Path) -> None:
    framework = prepare(case, tmp_path)
    code, output = run(case, tmp_path, framework)
    assert "Traceback" not in output, output
    assert code == case.exit, output
    for words in case.message:
        assert fill(words, framework, tmp_path) in output, output
    for words in case.absent:
        assert words not in output, output
    if case.command[0] != "build":
        assert all(line.isprintable() for line in output.splitlines()), output
    if case.written is not None:
        out = tmp_path / "out"
        assert len([path for path in out.rglob("*") if path.is_file()]) == case.written


def test_the_table_holds_at_least_a_hundred_cases_across_every_command() -> None:
    cases = load_cases()
    assert len(cases) >= 100
    commands = {"build" if case.command[0] == "build" else case.command[0] for case in cases}
    roster = any("--roster" in case.command for case in cases)
    assert commands >= {"validate", "build", "worksheet", "lock", "changelog", "export", "new", "render"} and roster
    assert len({case.case for case in cases}) == len(cases), "every case needs its own name"
