"""Check each document against its JSON Schema and say what is wrong in plain words.

The schemas that ship with Ladder (`ladder/schemas/`) are the contract the code relies
on. A framework's own `schema/` folder, which editors use, may make them stricter; where
a file there differs from the bundled one it is applied too.

Two libraries share the work. jsonschema, the reference implementation of JSON Schema
2020-12, says what is wrong and where, and applies a fork's own schemas. For Ladder's own
schemas, whose keywords mean the same in the draft fastjsonschema implements, a validator
compiled by fastjsonschema first says whether a document is valid at all, about fifteen
times faster; jsonschema is loaded and run only for a document that is not.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import fastjsonschema

from ladder.load import BUNDLED_SCHEMAS, SCHEMA_FOLDER, Document, Kind, file_problem
from ladder.problems import Problem, did_you_mean
from ladder.yaml_source import Mark
from ladder.yaml_source import Path as DataPath

if TYPE_CHECKING:
    from jsonschema.exceptions import ValidationError

BUNDLED = BUNDLED_SCHEMAS

TYPE_NAMES = {
    "string": "text",
    "array": "a list",
    "object": "a mapping of fields",
    "integer": "a whole number",
    "number": "a number",
    "boolean": "true or false",
    "null": "nothing",
}


def value_kind(value: Any) -> str:
    """A person's name for what YAML read a value as."""
    if value is None:
        return "nothing (an empty value)"
    if isinstance(value, bool):
        return "a boolean (true/false)"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, date):
        return "a date"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping of fields"
    return type(value).__name__


def short(value: Any, limit: int = 60) -> str:
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 3] + "..."


class SchemaFolder:
    """Validators for every kind from one folder of schemas, each built when first needed."""

    def __init__(self, schemas: dict[str, dict[str, Any]], *, compiled: bool = False):
        self.schemas = schemas
        self._compiled = compiled  # Ladder's own schemas: a compiled validator answers "valid?" first
        self._fast: dict[str, Callable[[Any], Any]] = {}
        self._validators: dict[str, Any] = {}

    def errors(self, kind: Kind, data: Any) -> list[ValidationError]:
        if kind.schema not in self.schemas or (self._compiled and self._valid(kind.schema, data)):
            return []
        return list(self._validator(kind.schema).iter_errors(data))

    def _valid(self, name: str, data: Any) -> bool:
        if name not in self._fast:  # use_default=False: the data is read, never filled in
            self._fast[name] = fastjsonschema.compile(
                self._inlined(name), use_default=False, use_formats=False, detailed_exceptions=False
            )
        try:
            self._fast[name](data)
        except fastjsonschema.JsonSchemaException:
            return False
        return True

    def _validator(self, name: str) -> Any:
        if name not in self._validators:
            from jsonschema import Draft202012Validator  # loaded only when something is wrong
            from referencing import Registry
            from referencing.jsonschema import DRAFT202012

            # The schemas refer to each other by file name ("common.schema.json#/$defs/id"),
            # which is also how editors resolve them next to the data files.
            registry: Registry[Any] = Registry().with_resources(
                (other, DRAFT202012.create_resource(schema)) for other, schema in self.schemas.items()
            )
            self._validators[name] = Draft202012Validator(self._inlined(name), registry=registry)
        return self._validators[name]

    def _inlined(self, name: str) -> dict[str, Any]:
        return inline_refs(self.schemas[name], self.schemas)


def inline_refs(
    schema: dict[str, Any], schemas: dict[str, dict[str, Any]], cycles: list[str] | None = None
) -> dict[str, Any]:
    """The schema with each `$ref` replaced by what it points at, so validating never looks one up.

    Half of jsonschema's time went on resolving `$ref`s (one per id, text and list in every
    file). The result means the same: a `$ref` beside other keywords applies both, as here.
    A reference that cannot be inlined (a cycle, another host) stays for the registry; each
    one that leads back to itself is added to `cycles`, when given.
    """

    def resolve(node: Any, document: dict[str, Any], seen: tuple[str, ...]) -> Any:
        if isinstance(node, list):
            return [resolve(item, document, seen) for item in node]
        if not isinstance(node, dict):
            return node
        reference = node.get("$ref")
        here = {key: resolve(value, document, seen) for key, value in node.items() if key != "$ref"}
        if not isinstance(reference, str):
            return here
        name, _, pointer = reference.partition("#")
        target_document = schemas.get(name) if name else document
        target = _pointer(target_document, pointer) if target_document is not None else None
        if reference in seen and cycles is not None:
            cycles.append(reference)
        if target is None or target_document is None or reference in seen:
            return {**here, "$ref": reference}
        resolved = resolve(target, target_document, (*seen, reference))
        if here.keys() & resolved.keys() - {"description", "title"}:
            return {**here, "allOf": [resolved]}
        return {**resolved, **here}

    inlined: dict[str, Any] = resolve(schema, schema, ())
    return inlined


def _pointer(document: Any, pointer: str) -> Any:
    for part in filter(None, pointer.split("/")):
        part = part.replace("~1", "/").replace("~0", "~")
        if not isinstance(document, dict) or part not in document:
            return None
        document = document[part]
    return document


@cache
def bundled() -> SchemaFolder:
    schemas = {path.name: json.loads(path.read_text("utf-8")) for path in BUNDLED.glob("*.json")}
    return SchemaFolder(schemas, compiled=True)


def own_schemas(root: Path) -> tuple[SchemaFolder | None, list[Problem]]:
    """The framework's own schema folder, when it says something the bundled one does not."""
    folder = root / SCHEMA_FOLDER
    if not folder.is_dir():
        return None, []
    base = bundled().schemas
    schemas: dict[str, dict[str, Any]] = dict(base)
    problems: list[Problem] = []
    differs = False
    files = sorted(folder.glob("*.json"))
    names = {path.name for path in files} | set(base)
    for path in files:
        try:
            schema = _read(path)
        except SchemaUnreadable as error:
            problems.append(file_problem(path, str(error), "schema-invalid", error.mark))
            continue
        if schema == base.get(path.name):
            continue  # an unchanged copy of a bundled schema, which is known to be valid
        wrong = _not_a_schema(schema) or _references_problem(schema, names, {**schemas, path.name: schema})
        if wrong is not None:
            problems.append(file_problem(path, wrong, "schema-invalid"))
            continue
        schemas[path.name] = schema
        differs = True
    if problems or not differs:
        return None, problems
    return SchemaFolder(schemas), []


MAX_SCHEMA_DEPTH = 64  # far beyond any real schema; deeper would exhaust Python's stack


class SchemaUnreadable(Exception):
    def __init__(self, message: str, mark: Mark | None = None):
        self.mark = mark
        super().__init__(message)


def _read(path: Path) -> dict[str, Any]:
    """A schema file as data; SchemaUnreadable saying why not, in one line."""
    if not path.is_file():
        raise SchemaUnreadable("a folder, not a schema file: rename it or move it out of schema/")
    try:
        schema = json.loads(path.read_text("utf-8"))
    except OSError as error:
        raise SchemaUnreadable(f"cannot read it: {error.strerror}") from None
    except UnicodeDecodeError:
        raise SchemaUnreadable("not UTF-8 text") from None
    except json.JSONDecodeError as error:
        raise SchemaUnreadable(f"not valid JSON: {error.msg}", Mark(error.lineno, error.colno)) from None
    except RecursionError:
        raise SchemaUnreadable(f"nests deeper than {MAX_SCHEMA_DEPTH} levels") from None
    if not isinstance(schema, dict):
        raise SchemaUnreadable("a JSON Schema is an object ({...})")
    if _depth(schema) > MAX_SCHEMA_DEPTH:
        raise SchemaUnreadable(f"nests deeper than {MAX_SCHEMA_DEPTH} levels")
    return schema


def _depth(value: Any) -> int:
    deepest, stack = 0, [(value, 1)]
    while stack:
        node, depth = stack.pop()
        deepest = max(deepest, depth)
        if deepest > MAX_SCHEMA_DEPTH:
            break
        children = node.values() if isinstance(node, dict) else node if isinstance(node, list) else ()
        stack.extend((child, depth + 1) for child in children)
    return deepest


def _references_problem(schema: dict[str, Any], names: set[str], schemas: dict[str, dict[str, Any]]) -> str | None:
    """A `$ref` to anything but this folder's schemas (Ladder fetches nothing), or one that leads back
    to itself (validating would never end)."""
    stack: list[Any] = [schema]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            reference = node.get("$ref")
            if isinstance(reference, str) and reference.partition("#")[0] not in ("", *names):
                return f"$ref {reference!r} is not a schema in this folder: Ladder fetches no schema from elsewhere"
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
    cycles: list[str] = []
    inline_refs(schema, schemas, cycles)
    if cycles:
        return f"$ref {cycles[0]!r} leads back to itself: a schema for a framework file needs no cycle"
    return None


def _not_a_schema(schema: Any) -> str | None:
    """What makes `schema` not a JSON Schema (2020-12), or None when it is one."""
    from jsonschema import Draft202012Validator, SchemaError

    try:
        Draft202012Validator.check_schema(schema)
    except SchemaError as error:
        where = "/".join(str(part) for part in error.path) or "top level"
        return f"not a valid JSON Schema at {where}: {error.message}"
    return None


def check(documents: list[Document], root: Path) -> tuple[list[Problem], set[int]]:
    """Schema problems, and the indexes of the documents that passed."""
    own, problems = own_schemas(root)
    folders = [bundled()] + ([own] if own is not None else [])
    passed = set()
    for index, document in enumerate(documents):
        found = [
            problem
            for folder in folders
            for error in folder.errors(document.kind, document.data)
            for problem in describe(document, error)
        ]
        problems.extend(found)
        if not found:
            passed.add(index)
    return problems, passed


def describe(document: Document, error: ValidationError) -> list[Problem]:
    """One problem per thing to fix, in words, at the exact key or value."""
    path: DataPath = tuple(error.absolute_path)
    # jsonschema types these as possibly unset; on an error from validation they are always set.
    keyword: Any = error.validator
    instance: Any = error.instance
    value: Any = error.validator_value
    schema: Any = error.schema

    def problem(message: str, at: DataPath = path, *, at_key: bool = False, code: str = "schema") -> Problem:
        return document.problem(at, message, code=code, at_key=at_key)

    if keyword == "anyOf":
        return _describe_alternatives(document, error, path, value, instance)
    if keyword == "required":
        missing = [name for name in value if name not in instance]
        return [problem(f"missing required field '{name}'", code="missing-field") for name in missing]
    if keyword == "additionalProperties" and value is False:
        known = list(schema.get("properties", {}))
        return [
            problem(
                f"unknown field '{name}'{did_you_mean(name, known)}", (*path, name), at_key=True, code="unknown-field"
            )
            for name in instance
            if name not in known
        ]
    if "propertyNames" in error.absolute_schema_path:
        hint = schema.get("patternErrorMessage") or error.message
        return [problem(f"key {short(instance)} {hint}", (*path, instance), at_key=True, code="bad-id")]
    if keyword == "type":
        return [_type_problem(document, path, value, instance)]
    if keyword == "pattern":
        hint = schema.get("patternErrorMessage") or f"must match the pattern {value}"
        code = "bad-id" if path and path[-1] in ("id", "track", "proficiency") else "bad-value"
        if isinstance(instance, str) and not instance.strip():
            return [problem("must not be blank", code="blank")]
        return [problem(f"{short(instance)} {hint}", code=code)]
    if keyword == "enum":
        choices = ", ".join(str(choice) for choice in value)
        return [problem(f"{short(instance)} is not one of: {choices}", code="bad-value")]
    messages: dict[str, Callable[[], str]] = {
        "minItems": lambda: f"needs at least {value} item{'s' if value != 1 else ''}, has {len(instance)}",
        "maxItems": lambda: f"allows at most {value} items, has {len(instance)}",
        "uniqueItems": lambda: "lists the same item more than once",
        "minLength": lambda: "must not be empty",
        "minProperties": lambda: schema.get("minPropertiesErrorMessage") or f"needs at least {value} field(s)",
        "maxLength": lambda: f"is longer than {value} characters",
        "minimum": lambda: f"must be {value} or more, is {instance}",
        "maximum": lambda: f"must be {value} or less, is {instance}",
    }
    message = messages[keyword]() if keyword in messages else str(error.message)
    return [problem(message)]


JSON_TYPES: dict[str, type | tuple[type, ...]] = {
    "string": str,
    "object": dict,
    "array": list,
    "integer": int,
    "number": (int, float),
    "boolean": bool,
}


def _describe_alternatives(
    document: Document, error: ValidationError, path: DataPath, alternatives: list[Any], instance: Any
) -> list[Problem]:
    """A value that may take one of several forms (a statement is text or {id, text}): what is wrong
    with it in the form its type says it is meant to take, or which forms it may take."""

    def takes(schema: Any) -> bool:
        if "enum" in schema:
            return isinstance(instance, str)
        kind = JSON_TYPES.get(schema.get("type", ""))
        return kind is not None and isinstance(instance, kind) and not (isinstance(instance, bool) and kind is int)

    meant = [index for index, schema in enumerate(alternatives) if takes(schema)]
    if len(meant) == 1:
        inner = [sub for sub in error.context or () if sub.relative_schema_path[0] == meant[0]]
        return [problem for sub in inner for problem in describe(document, sub)]
    forms = [schema["type"] for schema in alternatives if "type" in schema]
    words = [f"'{choice}'" for schema in alternatives for choice in schema.get("enum", ())]
    if not words:
        return [_type_problem(document, path, forms, instance)]
    expected = " or ".join([*(TYPE_NAMES.get(form, form) for form in forms), *words])
    return [document.problem(path, f"expected {expected}, got {value_kind(instance)}", code="wrong-type")]


def _type_problem(document: Document, path: DataPath, expected: str | list[str], instance: Any) -> Problem:
    wanted = [expected] if isinstance(expected, str) else list(expected)
    wanted_text = " or ".join(TYPE_NAMES.get(name, name) for name in wanted)
    raw = document.yaml.plain_scalars.get(path)
    if "string" in wanted and raw is not None:
        return document.problem(
            path,
            f'expected text, but YAML reads the unquoted {raw} as {value_kind(instance)}; put it in quotes: "{raw}"',
            code="yaml-surprise",
        )
    return document.problem(path, f"expected {wanted_text}, got {value_kind(instance)}", code="wrong-type")
