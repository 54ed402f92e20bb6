"""The framework's `ratings` (framework.yaml): whether levels are cumulative, the ratings, and the
rule that combines them; shown on the Levels page and cited by guides through {{ ratings() }}."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from ladder.cli import main
from ladder.render.pages import render_pages
from ladder.validate import load_framework, validate
from tests.conftest import BASE

RATINGS = {
    "cumulative": True,
    "scale": [
        {"id": "short", "name": "Short of it", "summary": "Some of the level is missing."},
        {"id": "there", "name": "There", "summary": "All of the level, all period."},
    ],
    "combining": "Any dimension *short of it* makes the whole short of it.",
}


def with_ratings(tmp_path: Path, ratings: object) -> Path:
    root = tmp_path / "framework"
    shutil.copytree(BASE, root)
    top = root / "framework.yaml"
    data = yaml.safe_load(top.read_text(encoding="utf-8"))
    data["ratings"] = ratings
    top.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    return root


def test_the_levels_page_says_how_a_level_is_judged(tmp_path: Path) -> None:
    page = render_pages(load_framework(with_ratings(tmp_path, RATINGS)))["levels/index.md"]
    judged = page.split("## How a level is judged", 1)[1]
    assert "Levels are cumulative" in judged
    assert "- **Short of it**: Some of the level is missing." in judged
    assert judged.index("Short of it") < judged.index("**There**")  # lowest first, as written
    assert "Any dimension <em>short of it</em> makes the whole short of it." in judged  # its Markdown, made safe


def test_each_part_shows_only_when_written(tmp_path: Path) -> None:
    page = render_pages(load_framework(with_ratings(tmp_path, {"cumulative": False})))["levels/index.md"]
    judged = page.split("## How a level is judged", 1)[1]
    assert (
        "Each level stands on its own" in judged
        and "lowest first" not in judged
        and "From the dimensions" not in judged
    )


def test_without_ratings_the_page_has_no_such_section() -> None:
    assert "How a level is judged" not in render_pages(load_framework(BASE))["levels/index.md"]


@pytest.mark.parametrize(
    ("ratings", "words"),
    [
        ({"cumulative": "yes"}, "ratings.cumulative"),
        ({"scale": [{"id": "only", "name": "Only", "summary": "One rating is no scale."}]}, "ratings.scale"),
        ({"combining": "x", "weights": [1, 2]}, "weights"),
    ],
)
def test_a_malformed_ratings_is_an_error_naming_it(tmp_path: Path, ratings: object, words: str) -> None:
    errors = [str(problem) for problem in validate(with_ratings(tmp_path, ratings)).problems if problem.is_error]
    assert errors and all("framework.yaml" in error for error in errors) and any(words in error for error in errors), (
        errors
    )


def test_a_level_page_of_a_cumulative_framework_names_the_levels_below_that_still_apply(tmp_path: Path) -> None:
    root = with_ratings(tmp_path, {"cumulative": True})
    second = (root / "levels" / "second.yaml").read_text(encoding="utf-8")
    third = second.replace("id: second", "id: third").replace("code: L2", "code: L3").replace("order: 2", "order: 3")
    (root / "levels" / "third.yaml").write_text(third.replace("title: Second Level", "title: Third Level"))
    pages = render_pages(load_framework(root))
    assert (
        "Levels are cumulative, so this level also expects what [L1 First Level](first.md) and "
        "[L2 Second Level](second.md) expect: this page lists what it adds."
    ) in pages["levels/third.md"]
    assert "also expects what [L1 First Level](first.md) expects:" in pages["levels/second.md"]
    assert "Levels are cumulative" not in pages["levels/first.md"]  # nothing below it
    plain = render_pages(load_framework(with_ratings(tmp_path / "each", {"cumulative": False})))
    assert "Levels are cumulative" not in plain["levels/second.md"]
    assert "Levels are cumulative" not in render_pages(load_framework(BASE))["levels/second.md"]
    # The worksheets say it too, where they set out what the level expects.
    site = "https://handbook.example.org/levels/"
    for level, words in (
        ("third", f"this level also expects what the levels from [L1 First Level]({site}first/) to "),
        ("second", f"this level also expects what [L1 First Level]({site}first/) expects."),
    ):
        sheet = CliRunner().invoke(main, ["worksheet", str(root), "--level", level, "--format", "md", "-o", "-"])
        assert sheet.exit_code == 0, sheet.output
        assert f"Levels are cumulative: {words}" in sheet.output
