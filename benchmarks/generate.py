"""Synthetic frameworks of any size, written as a fork would write them, for benchmarks and scale tests."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

from ladder.schema import BUNDLED

WORDS = [
    "designs",
    "reviews",
    "ships",
    "measures",
    "mentors",
    "documents",
    "automates",
    "monitors",
    "simplifies",
    "migrates",
    "estimates",
    "negotiates",
    "prototypes",
    "refactors",
    "secures",
    "tests",
    "explains",
    "plans",
    "delegates",
    "coaches",
]


@dataclass(frozen=True)
class Shape:
    tracks: int = 2
    levels_per_track: int = 50
    dimensions: int = 10
    statements_per_cell: int = 8
    standards: int = 20
    statements_per_side: int = 25
    examples: int = 200

    @property
    def statements(self) -> int:
        cells = self.tracks * self.levels_per_track * self.dimensions * self.statements_per_cell
        return cells + self.standards * self.statements_per_side * 2 + self.examples * 5


def sentence(seed: int, words: int = 12) -> str:
    return " ".join(WORDS[(seed * 7 + step * 3) % len(WORDS)] for step in range(words)).capitalize() + f" ({seed})."


def write_framework(root: Path, shape: Shape) -> Path:
    """Write a valid framework of the given shape at `root` (replacing what is there)."""
    shutil.rmtree(root, ignore_errors=True)
    (root / "schema").mkdir(parents=True)
    for schema in BUNDLED.glob("*.json"):
        shutil.copyfile(schema, root / "schema" / schema.name)
    (root / "framework.yaml").write_text(
        "# yaml-language-server: $schema=schema/framework.schema.json\n"
        "name: Generated Framework\norganisation: Bench Org\nversion: 1.0.0\n"
        "description: A large generated framework.\nsite_url: https://bench.example.org/\nlicense: CC-BY-4.0\n",
        encoding="utf-8",
    )
    seed = 0
    for track in range(shape.tracks):
        _file(
            root / "tracks" / f"track-{track}.yaml",
            "track",
            f"id: track-{track}\nname: Track {track}\nsummary: {sentence(track)}\norder: {track}\n",
        )
    for dimension in range(shape.dimensions):
        _file(
            root / "dimensions" / f"dimension-{dimension}.yaml",
            "dimension",
            f"id: dimension-{dimension}\nname: Dimension {dimension}\nsummary: {sentence(dimension)}\n"
            f"covers:\n  - {sentence(dimension + 1)}\norder: {dimension}\n",
        )
    for track in range(shape.tracks):
        for level in range(shape.levels_per_track):
            lines = [
                f"id: t{track}-level-{level}",
                f"code: T{track}L{level}",
                f"title: Level {level} of track {track}",
                f"track: track-{track}",
                f"order: {level}",
                f"summary: {sentence(level)}",
                f"scope: {sentence(level + 1)}",
                "dimensions:",
            ]
            for dimension in range(shape.dimensions):
                lines += [f"  dimension-{dimension}:", "    statements:"]
                for _ in range(shape.statements_per_cell):
                    seed += 1
                    lines.append(f"      - {sentence(seed)}")
            _file(root / "levels" / f"t{track}-level-{level}.yaml", "level", "\n".join(lines) + "\n")
    for standard in range(shape.standards):
        lines = [
            f"id: standard-{standard}",
            f"name: Standard {standard}",
            f"question: {sentence(standard)}",
            f"scenario: {sentence(standard + 1)}",
            f"order: {standard}",
        ]
        for side in ("above_the_line", "below_the_line"):
            lines.append(f"{side}:")
            for statement in range(shape.statements_per_side):
                seed += 1
                lines += [f"  - id: s{standard}-{side[:5]}-{statement}", f"    text: {sentence(seed)}"]
        _file(root / "standards" / f"standard-{standard}.yaml", "standard", "\n".join(lines) + "\n")
    levels = shape.tracks * shape.levels_per_track
    for example in range(shape.examples):
        level = example % levels
        dimensions = sorted({f"dimension-{(example + step) % shape.dimensions}" for step in (0, 1)})
        lines = [
            f"id: example-{example}",
            f"title: Example {example}",
            f"expectation: {sentence(example)}",
            "orientation: outcome",
            f"levels: [t{level // shape.levels_per_track}-level-{level % shape.levels_per_track}]",
            f"dimensions: [{', '.join(dimensions)}]",
            "key_steps:",
        ]
        for _ in range(5):
            seed += 1
            lines.append(f"  - {sentence(seed)}")
        _file(root / "examples" / f"example-{example}.yaml", "example", "\n".join(lines) + "\n")
    return root


def _file(path: Path, kind: str, body: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"# yaml-language-server: $schema=../schema/{kind}.schema.json\n{body}", encoding="utf-8")
