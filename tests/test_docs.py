"""The README cannot drift from the code: every command is documented and has help text."""

from __future__ import annotations

import re

import click

from ladder.cli import main
from ladder.lint import CODES
from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_every_command_has_help_and_is_in_the_readme() -> None:
    assert isinstance(main, click.Group)
    for name, command in main.commands.items():
        assert command.help, f"ladder {name} has no help text"
        assert f"ladder {name}" in README, f"README.md never shows `ladder {name}`"


def test_the_readme_lists_every_warning_code_as_the_code_describes_it() -> None:
    table = README.split("| Code | Warns when |\n", 1)[1].split("\n\n", 1)[0]
    rows = re.findall(r"^\| `([a-z-]+)` \| (.+) \|$", table, re.MULTILINE)
    assert rows == list(CODES.items())


def test_readme_shows_the_make_targets_ci_runs() -> None:
    ci = (ROOT / ".ci" / "run").read_text()
    command = re.search(r"make [a-z-]+", ci)
    assert command is not None
    assert command.group(0) in README


def test_every_make_target_the_readme_names_exists() -> None:
    makefile = (ROOT / "Makefile").read_text()
    for target in set(re.findall(r"`make ([a-z-]+)", README)):
        assert re.search(rf"^{target}:", makefile, re.MULTILINE), f"README mentions make {target}"
