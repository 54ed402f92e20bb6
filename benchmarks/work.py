"""Work, not time: the machine instructions one cold build of the bundled handbook executes, counted
by Valgrind, beside plain Material's.

This machine's speed drifts by a third over minutes, so two timings of one build differ by more
than most changes to Ladder save. An instruction count does not drift: the same build counts the
same to a tenth of a percent, on a busy machine as on an idle one. So it shows whether a change
does less work, where the timed ratios (site.py) cannot. It is not the goal: time is, and the
time ratio comes out higher, because Ladder's Python runs fewer instructions a second than the
Markdown conversion that makes up most of plain Material's build. Under Valgrind a build runs
about 25 times slower, so `make bench` counts only the bundled handbook, once per build; the
1,000-page count (bench_work_scale) takes about twenty minutes and runs when asked for by name.
Valgrind counts the build's own process: the `git` commands mkdocs-macros and Ladder run are not
in the count.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

from benchmarks.generate import write_framework
from benchmarks.site import (
    BUNDLED_GOAL,
    QUIET,
    ROOT,
    SCALE_GOAL,
    SHAPE_1000,
    SHIPPED_GOAL,
    build_command,
    ladder_config,
    plain_project,
    with_macros_plugin,
)

COUNT = re.compile(r"I\s+refs:\s+([\d,]+)")  # cachegrind's summary line: "I   refs:  10,742,279,227"


def valgrind_missing() -> bool:
    """True, with a line saying the count is skipped, when Valgrind is not installed."""
    if shutil.which("valgrind") is not None:
        return False
    print("  skipped: Valgrind is not installed (make bench installs it; or apt-get install valgrind)")
    return True


def instructions(config: Path, site_dir: Path, *, warm: bool = False) -> int:
    """The instructions of one cold `mkdocs build` (cache folder emptied first; kept, with `warm`)."""
    build = build_command(config, site_dir, warm=warm)
    counter = ["valgrind", "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null"]
    result = subprocess.run([*counter, *build], capture_output=True, text=True, env=QUIET, check=False)
    found = COUNT.search(result.stderr)
    if result.returncode != 0 or found is None:
        raise SystemExit(f"{' '.join(counter + build)} failed:\n{result.stderr[-3000:]}")
    return int(found.group(1).replace(",", ""))


def bench_work(work: Path) -> bool:
    """The instruction ratios of the bundled handbook's builds, for the same pairs as the timed goals."""
    print("work: the bundled handbook, machine instructions of one cold build each (Valgrind: no drift)")
    if valgrind_missing():
        return True
    work = work / "work"
    work.mkdir()
    bare = ladder_config(work, ROOT / "framework", ROOT / "docs", worksheets=[])
    plain = plain_project(bare, work / "plain")
    shipped, files = "as mkdocs.yml ships it", "plain Material publishing the same files"
    without, pages = "without worksheets", "plain Material over the same pages"
    macros = "plain Material with mkdocs-macros on"
    builds = {
        shipped: (ROOT / "mkdocs.yml", work / "shipped-site"),
        without: (bare, work / "bare-site"),
        pages: (plain, work / "plain-site"),
        files: (plain_project(ROOT / "mkdocs.yml", work / "plain-files"), work / "plain-files-site"),
        macros: (with_macros_plugin(plain), work / "macros-site"),
    }
    count = {name: instructions(config, site_dir) for name, (config, site_dir) in builds.items()}
    for name, counted in count.items():
        print(f"  {name}: {counted / 1e9:.2f} billion")
    for label, ours, theirs, goal in (
        ("without worksheets / plain", without, pages, BUNDLED_GOAL),
        ("as shipped / plain with the same files", shipped, files, SHIPPED_GOAL),
        ("the floor: plain with mkdocs-macros / plain", macros, pages, None),
    ):
        beside = f" (the time goal: <= {goal:g}x)" if goal is not None else ""
        print(f"  {label}: {count[ours] / count[theirs]:.3f}x the instructions{beside}")
    return True  # time decides the goals (site.py); this shows how much work lies behind them


def bench_work_scale(work: Path) -> bool:
    """The instructions of the 1,000-page shape (site.SHAPE_1000), empty cache and with the cache the
    build before left, against plain Material over the same pages: whether the time ratio of
    `site-scale` is work or the machine, and how much of the work the cache saves."""
    print("work-scale: the 1,000-page shape, machine instructions of one build each (Valgrind)")
    if valgrind_missing():
        return True
    folder = work / "work-scale"
    config = ladder_config(folder, write_framework(folder / "framework", SHAPE_1000), worksheets=[])
    plain = plain_project(config, folder / "plain")
    empty = instructions(config, folder / "site")
    cached = instructions(config, folder / "site", warm=True)  # the cache the build above left
    theirs = instructions(plain, folder / "plain-site")
    for label, count in (("empty cache", empty), ("with cache", cached), ("plain Material", theirs)):
        print(f"  {label}: {count / 1e9:.2f} billion")
    goal = f"(the time goal: <= {SCALE_GOAL:g}x)"
    print(f"  1,000 pages / plain, empty cache: {empty / theirs:.3f}x the instructions {goal}")
    print(f"  with cache / plain: {cached / theirs:.3f}x the instructions")
    print(f"  checking, laying out and exporting, the work the cache saves: {(empty - cached) / theirs:.1%} of plain")
    return True  # time decides the goal (site.py)
