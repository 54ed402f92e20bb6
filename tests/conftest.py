"""Shared test helpers: the repository's paths, and framework folders built from fixtures."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, sync_playwright

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
BASE = FIXTURES / "base"
CASES = FIXTURES / "cases"

# Debian's Chromium, never a downloaded browser; without the background-networking flags it
# tries to reach Google's hosts, which this machine's closed network refuses.
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

# Set LADDER_UPDATE_GOLDEN=1 to rewrite golden files from the current output; review the diff.
UPDATE_GOLDEN = os.environ.get("LADDER_UPDATE_GOLDEN") == "1"
CASE_CONTROL_FILES = {"expected.txt", "remove.txt"}


def assemble_case(case: Path, target: Path) -> Path:
    """The base fixture framework with one case's files laid over it, at target/framework."""
    framework = target / "framework"
    shutil.copytree(BASE, framework)
    remove = case / "remove.txt"
    if remove.exists():
        for line in remove.read_text().split():
            (framework / line).unlink()
    for path in sorted(case.rglob("*")):
        relative = path.relative_to(case)
        if path.is_file() and str(relative) not in CASE_CONTROL_FILES:
            (framework / relative).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, framework / relative)
    return framework


def edit(path: Path, old: str, new: str) -> None:
    """Replace the first `old` in a file, as a person editing it would; fail if it is not there."""
    text = path.read_text()
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1))


def git(repo: Path, *args: str) -> None:
    """A git command in `repo`, committing as a test identity."""
    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args], cwd=repo, check=True, capture_output=True
    )


def check_golden(path: Path, actual: str) -> None:
    if UPDATE_GOLDEN or not path.exists():
        path.write_text(actual, encoding="utf-8")
        if not UPDATE_GOLDEN:
            pytest.fail(f"{path} did not exist; wrote it from the current output: review it and run again")
    assert actual == path.read_text(encoding="utf-8")


@pytest.fixture
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Run the test from an empty folder, as a user in their own checkout would."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """One Chromium for the whole session, driven by Playwright (its sync API allows one per thread)."""
    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield instance
        instance.close()
