"""`ladder lock`: the record of published ids, and the validation that keeps their links alive."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from ladder.cli import main
from ladder.lock import LOCK_FILE
from tests.conftest import CASES, assemble_case


def lock(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["lock", *args])
    return result.exit_code, result.output


def rename(path: Path, old: str, new: str) -> None:
    path.write_text(path.read_text().replace(old, new, 1))


def test_lock_records_every_id_with_its_url(tmp_path: Path) -> None:
    framework = assemble_case(CASES / "valid-subfolders", tmp_path)
    code, output = lock(str(framework))
    assert code == 0, output
    text = (framework / LOCK_FILE).read_text()
    assert '  second: {kind: level, urls: ["levels/second/"]}' in text
    assert '  ownership-waits: {kind: statement, urls: ["standards/ownership/#ownership-waits"]}' in text
    assert lock("--check", str(framework))[0] == 0


def test_check_fails_until_a_new_id_is_locked(tmp_path: Path) -> None:
    framework = assemble_case(CASES / "valid-subfolders", tmp_path)
    lock(str(framework))
    rename(framework / "levels/ic/second.yaml", "id: second", "id: second\naliases: []")
    (framework / "examples/more.yaml").write_text(
        (framework / "examples/write-tests.yaml").read_text().replace("id: write-tests", "id: more-tests")
    )
    code, output = lock("--check", str(framework))
    assert code == 1
    assert "1 id to record (more-tests)" in output


def test_renaming_without_an_alias_fails_validation_and_with_one_passes(tmp_path: Path) -> None:
    framework = assemble_case(CASES / "valid-subfolders", tmp_path)
    lock(str(framework))
    level = framework / "levels/ic/second.yaml"
    rename(level, "id: second", "id: second-level")
    result = CliRunner().invoke(main, ["validate", str(framework)])
    assert result.exit_code == 1
    assert "the published level 'second' (levels/second/) no longer exists" in result.output
    rename(level, "id: second-level", "id: second-level\naliases: [second]")
    assert CliRunner().invoke(main, ["validate", "--strict", str(framework)]).exit_code == 0
    # The record keeps the old id and adds the new one: old URLs are never forgotten.
    lock(str(framework))
    text = (framework / LOCK_FILE).read_text()
    assert "  second: {kind: level" in text and "  second-level: {kind: level" in text


def test_a_statement_that_moves_keeps_its_old_url_on_record(tmp_path: Path) -> None:
    framework = assemble_case(CASES / "valid-subfolders", tmp_path)
    lock(str(framework))
    rename(framework / "standards/ownership.yaml", "id: ownership\n", "id: ownership-standard\naliases: [ownership]\n")
    assert lock(str(framework))[0] == 0
    text = (framework / LOCK_FILE).read_text()
    assert (
        '  ownership-waits: {kind: statement, urls: ["standards/ownership/#ownership-waits", '
        '"standards/ownership-standard/#ownership-waits"]}'
    ) in text


def test_lock_refuses_an_invalid_framework(tmp_path: Path) -> None:
    framework = assemble_case(CASES / "unknown-references", tmp_path)
    code, output = lock(str(framework))
    assert code == 1
    assert "unknown track 'individual'" in output
    assert not (framework / LOCK_FILE).exists()
