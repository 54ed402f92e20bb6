"""The validated framework for other tools: the whole of it as JSON, the levels x dimensions matrix as CSV."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import asdict, fields
from typing import Any

from ladder import urls
from ladder.assessment import marks_key
from ladder.model import NOT_EXPECTED, Cell, Dimension, Framework, Level
from ladder.render.text import plain

# Bumped when the shape of the JSON changes in a way that breaks a reader. 2: a level's statements are
# objects (text, anchor, url, and id when it has one); a level lists only the dimensions it is judged on.
JSON_FORMAT = 2

# Spreadsheets run a cell that starts with one of these as a formula (CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def as_data(framework: Framework) -> dict[str, Any]:
    """Everything in the framework as plain JSON-ready data, with each item's absolute URL."""
    site = framework.meta.site_url

    def link(item: urls.Item) -> str:
        return urls.absolute(site, urls.url(item))

    return {
        "format": JSON_FORMAT,
        "framework": {**asdict(framework.meta), "proficiency_scale": [asdict(s) for s in framework.proficiency_scale]},
        "tracks": [
            {**asdict(track), "ladder": [level.id for level in framework.ladder(track.id)], "url": link(track)}
            for track in framework.tracks
        ],
        "dimensions": [{**asdict(dimension), "url": link(dimension)} for dimension in framework.dimensions],
        "levels": [_level(framework, level, link(level)) for level in framework.levels],
        "standards": [
            {
                **{key: value for key, value in asdict(standard).items() if key not in _SIDES},
                **{side: [_statement(s, link(s)) for s in getattr(standard, side)] for side in _SIDES},
                "url": link(standard),
            }
            for standard in framework.standards
        ],
        "examples": [{**asdict(example), "url": link(example)} for example in framework.examples],
    }


_SIDES = ("above_the_line", "below_the_line")


def _statement(statement: Any, url: str) -> dict[str, Any]:
    return {"id": statement.id, "text": statement.text, "aliases": list(statement.aliases), "url": url}


def _level(framework: Framework, level: Level, url: str) -> dict[str, Any]:
    data: dict[str, Any] = {
        f.name: getattr(level, f.name) for f in fields(level) if f.name not in ("cells", "qualifier")
    }
    data["name"] = level.name  # as the handbook names it, with its track's name where another level has its title
    data["aliases"] = list(level.aliases)
    data["previous"] = getattr(framework.previous_level(level), "id", None)
    data["next"] = [after.id for after in framework.next_levels(level)]
    data["marks_key"] = marks_key(framework, level)  # Where I stand's addresses carry it (ladder.assessment)
    data["dimensions"] = {}
    for dimension in framework.dimensions_for(level):
        inherited = framework.cell(level, dimension.id)
        cell = inherited.cell
        data["dimensions"][dimension.id] = {
            "statements": [
                {
                    "text": statement.text,
                    "plain": plain(statement.text),  # what a reader sees, without the Markdown
                    "anchor": statement.anchor,
                    **({"id": statement.id, "aliases": list(statement.aliases)} if statement.id else {}),
                    "url": urls.absolute(framework.meta.site_url, urls.url(statement)),
                }
                for statement in (cell.statements if cell else ())
            ],
            "proficiency": cell.proficiency if cell else None,
            "step": _step(framework, level, dimension, cell),
            # Where I stand marks the step itself when it is all the cell gives (a rubric per competency)
            "step_is_expectation": cell is not None and cell.judged_by_step,
            "expected": not (cell is not None and cell.intent == "not_expected"),
            "inherited_from": inherited.source.id if inherited.source else None,
        }
    data["url"] = url
    return data


def _step(framework: Framework, level: Level, dimension: Dimension, cell: Cell | None) -> dict[str, str] | None:
    """The proficiency step a level asks for in a dimension: its name and description, and the
    address of the level's section on the dimension."""
    if cell is None or cell.proficiency is None:
        return None
    step = framework.proficiency(cell.proficiency, dimension)
    address = urls.absolute(framework.meta.site_url, urls.cell(level, dimension))
    return {"id": step.id, "name": step.name, "plain": plain(step.summary), "url": address}


def to_json(framework: Framework, *, compact: bool = False) -> str:
    """The framework as JSON: indented for people (`ladder export`), or `compact` for the site's
    framework.json, which only scripts read (a third smaller, and written by json's C encoder,
    which does not indent)."""
    if compact:
        return json.dumps(as_data(framework), ensure_ascii=False, separators=(",", ":")) + "\n"
    return json.dumps(as_data(framework), indent=2, ensure_ascii=False) + "\n"


def to_csv(framework: Framework) -> str:
    """One row per level on each track's ladder; one column per dimension, and one for its proficiency
    when it has a scale (its own or the framework's). A level not judged on a dimension (one for
    other tracks) has it empty; one where it is not expected says so."""
    scaled = [bool(dimension.scale or framework.proficiency_scale) for dimension in framework.dimensions]
    header = ["track", "level", "code", "title", "order", "summary", "scope", "url"]
    for dimension, with_scale in zip(framework.dimensions, scaled, strict=True):
        header.append(dimension.name)
        if with_scale:
            header.append(f"{dimension.name} proficiency")
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([_safe_cell(name) for name in header])  # dimension names are YAML text too
    for track in framework.tracks:
        for level in framework.ladder(track.id):
            row = [
                track.id,
                level.id,
                level.code,
                level.title,
                str(level.order),
                level.summary,
                level.scope,
                urls.absolute(framework.meta.site_url, urls.url(level)),
            ]
            for dimension, with_scale in zip(framework.dimensions, scaled, strict=True):
                cell = framework.cell(level, dimension.id).cell if framework.applies(dimension, level) else None
                row.append(_statements(cell))
                if with_scale:
                    step = cell.proficiency if cell else None
                    row.append(framework.proficiency(step, dimension).name if step else "")
            writer.writerow([_safe_cell(value) for value in row])
    return buffer.getvalue()


def _statements(cell: Cell | None) -> str:
    if cell is not None and cell.intent == "not_expected":
        return NOT_EXPECTED
    return "\n".join(f"• {text}" for text in cell.texts) if cell else ""


def _safe_cell(value: str) -> str:
    return "'" + value if value.startswith(FORMULA_STARTS) else value
