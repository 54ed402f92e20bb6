"""Worksheet speed: a 1,000-row roster through the real command, and the site's blank worksheets.

Goals (issue 4): 1,000 worksheets in Markdown or HTML under 5 s each, in DOCX under 30 s,
timed as a user runs it (`ladder worksheet --roster`, start-up and framework check
included, every file written atomically). The site figures show what the site's hook
adds to `mkdocs build`, for the bundled framework and for a generated one of 100 levels.
"""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from benchmarks.generate import Shape, write_framework
from ladder.validate import load_framework
from ladder.worksheet import KINDS
from ladder.worksheet.site import SITE_FORMATS, blank_worksheets

ROOT = Path(__file__).resolve().parent.parent
LADDER = str(Path(sys.executable).parent / "ladder")
ROWS = 1000
GOALS = {"md": 5.0, "html": 5.0, "docx": 30.0}
SITE_GOAL = 1.0  # seconds the blank worksheets may add to building the bundled handbook

Report = Callable[[str, float, float], bool]


def write_roster(path: Path, rows: int) -> None:
    """A roster like a real team's: every level, track where it matters, every kind, repeated names."""
    framework = load_framework(ROOT / "framework")
    lines = ["name,manager,level,track,kind,period"]
    for number in range(rows):
        level = framework.levels[number % len(framework.levels)]
        tracks = framework.tracks_of(level)
        track = tracks[number % len(tracks)].id if len(tracks) > 1 else ""
        kind = KINDS[number % len(KINDS)]
        if kind == "promotion" and not framework.next_levels(level):
            kind = "expectations"
        name = f"Person {number % 900}"  # some names repeat, so clash-free naming is exercised
        lines.append(f"{name},Manager {number % 40},{level.id},{track},{kind},2025 H1")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def roster_run(roster: Path, folder: Path, fmt: str) -> float:
    started = time.perf_counter()
    result = subprocess.run(
        [LADDER, "worksheet", str(ROOT / "framework"), "--roster", str(roster), "--format", fmt, "-o", str(folder)],
        capture_output=True,
        text=True,
    )
    elapsed = time.perf_counter() - started
    assert result.returncode == 0, result.stderr[-2000:]
    assert len(list(folder.iterdir())) == ROWS
    return elapsed


def bench_worksheets(work: Path, report: Report) -> bool:
    roster = work / "roster.csv"
    write_roster(roster, ROWS)
    print(f"worksheets: a roster of {ROWS:,} rows through `ladder worksheet --roster` (best of 2)")
    ok = True
    for fmt in ("md", "html", "docx"):
        seconds = min(roster_run(roster, work / f"{fmt}-{attempt}", fmt) for attempt in range(2))
        ok &= report(f"{ROWS:,} worksheets as {fmt} ({seconds / ROWS * 1000:.1f} ms each)", seconds, GOALS[fmt])
    ok &= bench_site(work, report)
    return ok


def bench_site(work: Path, report: Report) -> bool:
    bundled = load_framework(ROOT / "framework")
    started = time.perf_counter()
    files = list(blank_worksheets(bundled, SITE_FORMATS))
    seconds = time.perf_counter() - started
    ok = report(f"site: {len(files)} blank worksheets for the bundled framework", seconds, SITE_GOAL)
    shape = Shape(levels_per_track=50, examples=200)
    large = load_framework(write_framework(work / "large", shape))
    print(f"site, for information: a generated framework of {len(large.levels)} levels, by format")
    for fmt in SITE_FORMATS:
        started = time.perf_counter()
        count = sum(1 for _ in blank_worksheets(large, (fmt,)))
        seconds = time.perf_counter() - started
        print(f"  {count} blank {fmt} worksheets: {seconds:.2f} s ({seconds / count * 1000:.1f} ms each)")
    print("  (extra.ladder.worksheets in mkdocs.yml lists the formats to publish, e.g. [html, md] to skip DOCX)")
    return ok
