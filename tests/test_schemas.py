"""The JSON Schemas: valid, in step with the copies editors use, and applied when a fork tightens them."""

from __future__ import annotations

import json
from pathlib import Path

from jsonschema import Draft202012Validator

from ladder.load import KINDS, load
from ladder.schema import BUNDLED, SchemaFolder, bundled
from ladder.validate import validate
from tests.conftest import BASE, CASES, ROOT, assemble_case

FRAMEWORK_SCHEMAS = ROOT / "framework" / "schema"


def test_every_schema_is_valid_draft_2020_12() -> None:
    for path in BUNDLED.glob("*.json"):
        schema = json.loads(path.read_text())
        assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
        Draft202012Validator.check_schema(schema)


def test_every_kind_has_a_schema() -> None:
    assert {kind.schema for kind in KINDS} <= {path.name for path in BUNDLED.glob("*.json")}


def test_editor_copies_match_the_bundled_schemas() -> None:
    bundled = {path.name: path.read_text() for path in BUNDLED.glob("*.json")}
    copies = {path.name: path.read_text() for path in FRAMEWORK_SCHEMAS.glob("*.json")}
    assert copies == bundled, "framework/schema/ and ladder/schemas/ differ: copy ladder/schemas/*.json over"


def test_every_data_file_names_its_schema_on_the_first_line() -> None:
    for path in (ROOT / "framework").rglob("*.yaml"):
        first = path.read_text().split("\n", 1)[0]
        assert first.startswith("# yaml-language-server: $schema="), path
        schema = (path.parent / first.split("=", 1)[1]).resolve()
        assert schema.is_file(), f"{path} points at {schema}, which does not exist"


def test_a_fork_can_tighten_a_schema(tmp_path: Path) -> None:
    framework_dir = assemble_case(tmp_path / "none", tmp_path)
    (framework_dir / "schema").mkdir()
    for path in BUNDLED.glob("*.json"):
        (framework_dir / "schema" / path.name).write_text(path.read_text())
    level_schema = json.loads((BUNDLED / "level.schema.json").read_text())
    level_schema["properties"]["code"]["pattern"] = "^L[0-9]+$"
    level_schema["properties"]["code"]["patternErrorMessage"] = "must be L and a number, e.g. L4"
    (framework_dir / "schema" / "level.schema.json").write_text(json.dumps(level_schema))
    (framework_dir / "levels" / "second.yaml").write_text(
        (framework_dir / "levels" / "second.yaml").read_text().replace("code: L2", "code: X2")
    )
    report = validate(framework_dir)
    assert [(p.location, p.message) for p in report.problems] == [
        ("levels.second.code", "'X2' must be L and a number, e.g. L4")
    ]


def test_a_broken_schema_file_is_reported_not_a_crash(tmp_path: Path) -> None:
    framework_dir = assemble_case(tmp_path / "none", tmp_path)
    (framework_dir / "schema").mkdir()
    (framework_dir / "schema" / "level.schema.json").write_text('{"type": "object",\n  "required": [}')
    report = validate(framework_dir)
    assert [(p.line, p.code) for p in report.problems] == [(2, "schema-invalid")]


def test_the_compiled_validators_agree_with_jsonschema_on_every_fixture(tmp_path: Path) -> None:
    """The fast check (fastjsonschema) may only say "valid" where jsonschema (2020-12) says so too."""
    folder = bundled()
    reference = SchemaFolder(folder.schemas)  # jsonschema alone
    frameworks = [BASE] + [
        assemble_case(case, tmp_path / case.name) for case in sorted(CASES.iterdir()) if case.is_dir()
    ]
    checked = 0
    for framework in frameworks:
        for document in load(framework).documents:
            assert bool(folder.errors(document.kind, document.data)) == bool(
                reference.errors(document.kind, document.data)
            ), document.shown
            checked += 1
    assert checked > 100
