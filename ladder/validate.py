"""The whole check of a framework folder: read, schema, references, then content warnings.

Every stage runs even when an earlier one found problems, so one run reports everything
that can be known; only the checks that need a sound model wait for the errors to go.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ladder import lint, lock, references, schema, wording
from ladder.load import FRAMEWORK, Document, load
from ladder.model import Framework, build
from ladder.problems import FrameworkError, Problem, counts, sort_unique


@dataclass(frozen=True)
class Report:
    root: Path
    files: int
    problems: list[Problem]
    framework: Framework | None  # None while there are errors
    data: dict[str, Any] | None = None  # the checked plain data the framework was built from
    lock: Document | None = None  # the lock file of published ids, when the framework has one

    @property
    def errors(self) -> int:
        return counts(self.problems)[0]

    @property
    def warnings(self) -> int:
        return counts(self.problems)[1]

    def ok(self, *, strict: bool = False) -> bool:
        return self.errors == 0 and not (strict and self.warnings)


def validate(root: Path, *, warnings: bool = True) -> Report:
    """Check the framework at `root`. Raises load.FrameworkNotFound if there is no such folder.

    `warnings=False` leaves out the content warnings (ladder.lint), which never stop a build: a
    site build, which reports errors only, does not spend time finding them."""
    loaded = load(root)
    documents, problems = loaded.documents, loaded.problems
    lock_document, lock_problems = lock.read_lock(root)
    problems += lock_problems
    checked = documents + ([lock_document] if lock_document else [])
    schema_problems, passed_indexes = schema.check(checked, root)
    problems += schema_problems
    passed = [document for index, document in enumerate(documents) if index in passed_indexes]
    problems += references.check(documents, loaded.unread)
    if lock_document is not None and len(documents) in passed_indexes:
        problems += lock.check(lock_document, documents, loaded.unread)
        if warnings:
            problems += lint.check_documents([lock_document], root, [])
    top_document = next((document for document in passed if document.kind is FRAMEWORK), None)
    top: dict[str, Any] = top_document.data if top_document is not None else {}
    settings = top.get("lint", {})
    if warnings:
        problems += lint.check_documents(passed, root, settings.get("vague_phrases", []))
    worksheet_words, wording_problems = wording.read(root)
    problems += wording_problems
    if top_document is not None:
        problems += lint.check_ignore(top_document, settings.get("ignore", []))
    framework = data = None
    if top_document is not None and not any(problem.is_error for problem in problems):
        data = {**_plain_data(passed), "worksheet_words": worksheet_words}
        built = build(data)
        problems += references.check_model(built, _by_id(passed), top_document)
        if lock_document is not None:
            problems += lock.check_places(lock_document, built, _by_id(passed))
        if not any(problem.is_error for problem in problems):
            framework = built
            if warnings:
                problems += lint.check_framework(framework, _by_id(passed))
        else:
            data = None
    kept = lint.ignored(problems, settings.get("ignore", []))
    return Report(root, len(documents), sort_unique(kept), framework, data, lock_document)


def load_framework(root: Path) -> Framework:
    """The framework at `root`, or FrameworkError listing every error (warnings are fine here)."""
    report = validate(root)
    if report.framework is None:
        raise FrameworkError(problem for problem in report.problems if problem.is_error)
    return report.framework


def _plain_data(documents: list[Document]) -> dict[str, Any]:
    data: dict[str, Any] = {"framework": {}}
    for document in documents:
        if document.kind is FRAMEWORK:
            data["framework"] = document.data
        else:
            data.setdefault(str(document.kind.folder), []).append(document.data)
    return data


def _by_id(documents: list[Document]) -> dict[str, Document]:
    return {document.data["id"]: document for document in documents if document.kind is not FRAMEWORK}
