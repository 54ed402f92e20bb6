"""`make bench`: measure what the issues set goals for, and print each figure beside its goal.

Run one benchmark with `python -m benchmarks NAME`; with no name, all of BENCHMARKS run (not those
run ON_REQUEST, which take too long to run every time).
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
from benchmarks.site import BIN, ROOT, bench_serve, bench_site, bench_site_scale, bench_zensical, timed
from benchmarks.work import bench_work, bench_work_scale
from ladder.validate import validate

VALIDATE_PROCESS_GOAL = 0.5  # seconds: `ladder validate` as pre-commit runs it, start-up included


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
    """`ladder validate` of the bundled framework as a whole process under 0.5 s; a generated
    framework of about 10,000 statements validated in under a second."""
    print("validate: the bundled framework, as a whole process (`ladder validate --strict framework`)")
    command = [str(BIN / "ladder"), "validate", "--strict", str(ROOT / "framework")]
    ok = report("ladder validate, start-up included", min(timed(command)[0] for _ in range(5)), VALIDATE_PROCESS_GOAL)
    shape = Shape()
    root = write_framework(work / "validate", shape)
    report_ = validate(root)
    assert report_.errors == 0, report_.problems[:5]
    print(f"validate: a generated framework, {shape.statements:,} statements in {report_.files} files")
    seconds = best_of(3, lambda: validate(root))
    return report(f"ladder validate ({shape.statements:,} statements), in-process", seconds, 1.0) and ok


BENCHMARKS: dict[str, Callable[[Path], bool]] = {
    "validate": bench_validate,
    "worksheets": lambda work: worksheets.bench_worksheets(work, report),
    "site": bench_site,
    "work": bench_work,
    "site-scale": bench_site_scale,
    "serve": bench_serve,
    "zensical": bench_zensical,
}
ON_REQUEST: dict[str, Callable[[Path], bool]] = {
    "work-scale": bench_work_scale,  # about twenty minutes under Valgrind
}


def main(names: list[str]) -> int:
    known = BENCHMARKS | ON_REQUEST
    unknown = [name for name in names if name not in known]
    if unknown:
        print(f"unknown benchmark(s): {', '.join(unknown)}; choose from {', '.join(known)}", file=sys.stderr)
        return 2
    # Python caches compiled modules in __pycache__ on first import, unless PYTHONDONTWRITEBYTECODE
    # is set, as on the machine this project is built on: compile Ladder once here, so every build
    # is timed as a normal installation runs it, not recompiling Ladder's sources each time.
    for package in ("ladder", "hooks", "benchmarks"):
        compileall.compile_dir(ROOT / package, quiet=1)
    results = []
    with tempfile.TemporaryDirectory(prefix="ladder-bench-") as work:
        for name in names or list(BENCHMARKS):
            results.append(known[name](Path(work)))
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
