"""`ladder new`: a framework to start from that is valid at once and never clobbers a folder."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from ladder.cli import main
from ladder.validate import validate


def new(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["new", *args])
    return result.exit_code, result.output


@pytest.mark.parametrize(
    "organisation", ["Acme", 'Acme "Rockets": & Co # 1', "Zoë Ødegård AS", "no", "line one\nline two"]
)
def test_new_framework_is_valid_with_no_warnings(tmp_path: Path, organisation: str) -> None:
    target = tmp_path / "framework"
    code, output = new(str(target), "--organisation", organisation, "--site-url", "https://hb.example.org/x/")
    assert code == 0, output
    report = validate(target)
    assert report.problems == []
    assert report.framework is not None
    assert report.framework.meta.organisation == " ".join(organisation.split())  # one line, as every name
    assert report.framework.meta.site_url == "https://hb.example.org/x/"
    for path in target.rglob("*.yaml"):
        assert path.read_text().startswith("# yaml-language-server: $schema="), path
    assert (target / "schema" / "level.schema.json").is_file()


def test_new_refuses_a_folder_that_has_files(tmp_path: Path) -> None:
    (tmp_path / "framework").mkdir()
    (tmp_path / "framework" / "notes.md").write_text("mine")
    code, output = new(str(tmp_path / "framework"))
    assert code == 2
    assert "already exists and is not empty" in output
    assert [path.name for path in (tmp_path / "framework").iterdir()] == ["notes.md"]


def test_new_fills_an_empty_folder_and_leaves_nothing_else_behind(tmp_path: Path) -> None:
    (tmp_path / "framework").mkdir()
    assert new(str(tmp_path / "framework"))[0] == 0
    assert sorted(path.name for path in tmp_path.iterdir()) == ["framework"]


def test_bad_site_url_is_a_usage_error(tmp_path: Path) -> None:
    code, output = new(str(tmp_path / "framework"), "--site-url", "handbook")
    assert code == 2
    assert "Invalid value for --site-url" in output
    assert not (tmp_path / "framework").exists()
