"""A fork's own test suite stays green whatever its framework/ holds.

The test copies the repository as a fork would have it, replaces framework/ with a fixture of a
very different shape (three tracks sharing level codes, a dimension for one track only), commits
it, and runs the whole suite there except the browser tests (which build a fixture of their own
already) and this test. A test that reads the project's framework/ and assumes the example's ids,
counts or shape fails here.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from ladder.schema import BUNDLED
from tests.conftest import FIXTURES, git
from tests.test_adapt_guide import copy_repository, with_virtualenv

FORK_FRAMEWORK = FIXTURES / "shapes" / "shared-codes"

pytestmark = pytest.mark.fork


def test_the_suite_passes_in_a_fork_whose_framework_is_its_own(tmp_path: Path) -> None:
    fork = tmp_path / "fork"
    copy_repository(fork)
    with_virtualenv(fork)
    shutil.rmtree(fork / "framework")
    shutil.copytree(FORK_FRAMEWORK, fork / "framework")
    shutil.copytree(BUNDLED, fork / "framework" / "schema", ignore=shutil.ignore_patterns("README.md"))
    git(fork, "init", "-q", "-b", "main")
    git(fork, "add", "-A")
    git(fork, "commit", "-q", "-m", "Our own framework")
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-x", "-p", "no:cacheprovider", "-m", "not browser and not fork"],
        cwd=fork,
        env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"},
        capture_output=True,
        text=True,
        timeout=1800,
    )
    summary = done.stdout.strip().splitlines()[-1] if done.stdout.strip() else done.stderr
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-2000:]
    passed = re.search(r"(\d+) passed", summary)
    assert passed and int(passed.group(1)) > 200 and "failed" not in summary, summary  # the suite ran, not a few
