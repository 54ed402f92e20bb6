"""`ladder lock`: the record of published ids, and the validation that keeps their links alive."""

from __future__ import annotations

import re
from pathlib import Path

from click.testing import CliRunner

from ladder.cli import main
from ladder.lock import LOCK_FILE
from ladder.render import handbook
from ladder.validate import load_framework
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


# Statements known by their place ------------------------------------------------------------------

SECOND = "levels/ic/second.yaml"
CRAFT = re.compile(r"(  craft:\n    proficiency: expert\n    statements:\n)(?:      - .*\n)+")


def with_craft(framework: Path, *statements: str) -> None:
    """The second level's craft statements, in this order."""
    level = framework / SECOND
    listed = "".join(f"      - {statement}\n" for statement in statements)
    text, count = CRAFT.subn(lambda match: match.group(1) + listed, level.read_text())
    assert count == 1
    level.write_text(text)


def validate(framework: Path) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["validate", "--strict", str(framework)])
    return result.exit_code, result.output


def test_lock_records_what_each_place_of_a_statement_list_was_published_for(tmp_path: Path) -> None:
    framework = assemble_case(CASES / "valid-subfolders", tmp_path)
    with_craft(framework, "Designs features other people build on.", "{id: writes-it-down, text: Writes it down.}")
    code, output = lock(str(framework))
    assert code == 0, output
    assert "statement lists recorded" in output
    places = (framework / LOCK_FILE).read_text().split("\nplaces:\n")[1]
    # Known by its words where it has no id, by its id where it has one.
    assert re.search(r'^  second:\n    craft: \["~[0-9a-f]{12}", "writes-it-down"\]$', places, re.MULTILINE), places
    assert lock("--check", str(framework))[0] == 0


def test_a_statement_inserted_above_published_ones_fails_validation_and_one_added_at_the_end_passes(
    tmp_path: Path,
) -> None:
    framework = assemble_case(CASES / "valid-subfolders", tmp_path)
    lock(str(framework))
    with_craft(framework, "Pairs with newcomers.", "Designs features other people build on.")
    code, output = validate(framework)
    assert code == 1
    assert output.splitlines()[0] == (
        f"{framework / SECOND}:14:9: levels.second.dimensions.craft.statements[1]: this statement was published "
        "as #craft--1 and is now number 2, so links to #craft--1 would name another statement: add new statements "
        "at the end of the list, or give every statement in the list an id (Ladder then keeps each published "
        "place on its statement)"
    )
    assert lock(str(framework))[0] == 1  # nothing is recorded over a moved place
    with_craft(framework, "Designs features other people build on.", "Pairs with newcomers.")
    assert validate(framework) == (0, f"{framework}: valid: 0 errors, 0 warnings in 8 files\n")


def test_rewording_a_statement_where_it_stands_keeps_its_place_and_the_lock_learns_the_new_words(
    tmp_path: Path,
) -> None:
    framework = assemble_case(CASES / "valid-subfolders", tmp_path)
    lock(str(framework))
    with_craft(framework, "Designs features that other people build on.")
    assert validate(framework)[0] == 0
    code, output = lock("--check", str(framework))
    assert code == 1
    assert "1 statement list to record (second#craft)" in output
    lock(str(framework))
    assert lock("--check", str(framework))[0] == 0
    with_craft(framework, "Pairs with newcomers.", "Designs features that other people build on.")
    assert validate(framework)[0] == 1  # the new words are what the place is checked against now


def test_a_lock_from_before_places_were_recorded_still_passes_the_check_and_says_how_to_add_them(
    tmp_path: Path,
) -> None:
    framework = assemble_case(CASES / "valid-subfolders", tmp_path)
    lock(str(framework))
    path = framework / LOCK_FILE
    path.write_text(path.read_text().split("# For each level and dimension")[0])
    code, output = lock("--check", str(framework))
    assert code == 0, output
    assert "run `ladder lock` once more to record statement places too" in output


def test_once_every_statement_of_a_list_has_an_id_each_published_place_stays_on_its_statement(
    tmp_path: Path,
) -> None:
    framework = assemble_case(CASES / "valid-subfolders", tmp_path)
    with_craft(framework, "Designs features other people build on.", "Reviews designs.")
    lock(str(framework))
    # Ids for the whole list, a new statement first and the two published ones swapped.
    with_craft(
        framework,
        "{id: pairs, text: Pairs with newcomers.}",
        "{id: reviews, text: Reviews designs.}",
        "{id: designs, text: Designs features other people build on.}",
    )
    assert validate(framework)[0] == 0
    for relocked in (False, True):
        if relocked:
            assert lock(str(framework))[0] == 0
        page = handbook.build(framework, load_framework(framework)).pages["levels/second.md"]
        anchors = {
            statement: re.findall(r'<a class="ladder-alias" id="(craft--\d)"></a>', line)
            for line in page.splitlines()
            for statement in ("pairs", "reviews", "designs")
            if f'id="{statement}"' in line
        }
        # #craft--1 was "Designs features…" and #craft--2 "Reviews designs": they still are. The
        # third place is new, so it names the statement there now.
        assert anchors == {"pairs": [], "reviews": ["craft--2"], "designs": ["craft--1", "craft--3"]}, relocked


def test_a_level_renamed_by_hand_keeps_its_published_places_under_its_former_id(tmp_path: Path) -> None:
    framework = assemble_case(CASES / "valid-subfolders", tmp_path)
    lock(str(framework))
    rename(framework / SECOND, "id: second", "id: second-level\naliases: [second]")
    assert validate(framework)[0] == 0
    with_craft(framework, "Pairs with newcomers.", "Designs features other people build on.")
    code, output = validate(framework)
    assert code == 1
    assert "levels.second-level.dimensions.craft.statements[1]: this statement was published as #craft--1" in output
