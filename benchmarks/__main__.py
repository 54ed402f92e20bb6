"""`make bench`: measure what the issues set goals for, and print each figure beside its goal.

Run one benchmark with `python -m benchmarks NAME`; with no name, all of them run.
"""

from __future__ import annotations

import compileall
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from benchmarks import worksheets
from benchmarks.generate import Shape, write_framework
from benchmarks.site import ROOT, bench_site, bench_site_scale
from ladder.validate import validate


def best_of(runs: int, action: Callable[[], object]) -> float:
    """The fastest of several runs, in seconds: the figure least disturbed by other work."""
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return min(times)


def report(name: str, seconds: float, goal: float) -> bool:
    ok = seconds <= goal
    print(f"  {name}: {seconds:.3f} s (goal <= {goal:g} s, {seconds / goal:.2f}x of goal) {'ok' if ok else 'MISSED'}")
    return ok


def bench_validate(work: Path) -> bool:
    """Validating a generated framework of about 10,000 statements takes under a second."""
    shape = Shape()
    root = write_framework(work / "validate", shape)
    report_ = validate(root)
    assert report_.errors == 0, report_.problems[:5]
    files = report_.files
    print(f"validate: {shape.statements:,} statements in {files} files")
    seconds = best_of(3, lambda: validate(root))
    return report(f"ladder validate ({shape.statements:,} statements)", seconds, 1.0)


BENCHMARKS: dict[str, Callable[[Path], bool]] = {
    "validate": bench_validate,
    "worksheets": lambda work: worksheets.bench_worksheets(work, report),
    "site": bench_site,
    "site-scale": bench_site_scale,
}


def main(names: list[str]) -> int:
    unknown = [name for name in names if name not in BENCHMARKS]
    if unknown:
        print(f"unknown benchmark(s): {', '.join(unknown)}; choose from {', '.join(BENCHMARKS)}", file=sys.stderr)
        return 2
    # Python caches compiled modules in __pycache__ on first import, unless PYTHONDONTWRITEBYTECODE
    # is set, as on the machine this project is built on: compile Ladder once here, so every build
    # is timed as a normal installation runs it, not recompiling Ladder's sources each time.
    for package in ("ladder", "hooks", "benchmarks"):
        compileall.compile_dir(ROOT / package, quiet=1)
    results = []
    with tempfile.TemporaryDirectory(prefix="ladder-bench-") as work:
        for name in names or list(BENCHMARKS):
            results.append(BENCHMARKS[name](Path(work)))
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
