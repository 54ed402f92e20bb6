"""Site build benchmarks: the handbook against plain Material, at three sizes, cold and under `mkdocs serve`.

Every build is a cold `mkdocs build` in a new process with an empty cache folder, as a person
or CI runs it the first time. The plain Material build gets the same site on disk, made by
`ladder render --config` (the same configuration without hooks or macros, the same pages, the
guides' macros expanded, and the same files published beside them), so the ratio is what
building from YAML costs. The two are run in turn, so both see the same load on this shared
machine, whose speed drifts by a third over minutes: each time is the fastest of several runs
(the least disturbed), and each ratio, which a goal judges, is the median of the ratios of the
runs taken in pairs, back to back (see ratio_line).
"""

from __future__ import annotations

import os
import resource
import shutil
import socket
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import yaml

from benchmarks.generate import Shape, write_framework

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
RUNS_SMALL = 7
RUNS_LARGE = 5
RUNS_SERVE = 7
QUIET = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}

# About 1,000 pages: 8 tracks of 12 levels, 8 dimensions, 24 standards and 850 examples
# (a large organisation's library), and twice that for 2,000 (dimensions stay 8).
SHAPE_1000 = Shape(
    tracks=8,
    levels_per_track=12,
    dimensions=8,
    statements_per_cell=4,
    standards=24,
    statements_per_side=6,
    examples=850,
)
SHAPE_2000 = replace(SHAPE_1000, tracks=16, standards=48, examples=1700)
GENERATED_SECTIONS = ("levels/", "dimensions/", "standards/", "examples/", "compare/", "changes/")
PAGE_LIMIT = 100_000  # bytes: no page of the handbook may be heavier than this
# The time goals, as ratios to plain Material (issue 10); work.py prints its counts beside them.
BUNDLED_GOAL = 1.25  # the bundled handbook without worksheets / plain Material over the same pages
SHIPPED_GOAL = 1.35  # as shipped, with its blank worksheets / plain Material publishing the same files
SCALE_GOAL = 1.1  # about 1,000 pages / plain Material over the same pages


@dataclass(frozen=True)
class Timing:
    wall: float  # seconds, the fastest run
    cpu: float  # user + system seconds, the least of the runs


def timed(command: list[str], cwd: Path | None = None) -> tuple[float, float]:
    """(wall, CPU) seconds of one command in a new process; stops the benchmark if it fails."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    result = subprocess.run(command, capture_output=True, text=True, env=QUIET, cwd=cwd, check=False)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{(result.stdout + result.stderr)[-3000:]}")
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def build_command(config: Path, site_dir: Path, *, warm: bool = False) -> list[str]:
    """The `mkdocs build` command for `config`, its cache folder emptied first (kept, with `warm`)."""
    if not warm:
        shutil.rmtree(config.parent / ".cache", ignore_errors=True)
    return [str(BIN / "mkdocs"), "build", "-q", "-f", str(config), "-d", str(site_dir)]


def mkdocs_build(config: Path, site_dir: Path, *, strict: bool = True, warm: bool = False) -> tuple[float, float]:
    """One build (cold unless `warm`); (wall seconds, CPU seconds)."""
    command = build_command(config, site_dir, warm=warm)
    return timed([*command, "--strict"] if strict else command)


def zensical_build(config: Path) -> tuple[float, float]:
    shutil.rmtree(config.parent / ".cache", ignore_errors=True)
    return timed([str(BIN / "zensical"), "build", "--strict", "-f", str(config)], cwd=config.parent)


def ladder_config(work: Path, framework_dir: Path, docs_dir: Path | None = None, *, worksheets: list[str]) -> Path:
    """The project's mkdocs.yml building `framework_dir`: with the project's docs/, or only a home page."""
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    if docs_dir is None:
        docs_dir = work / "docs"
        docs_dir.mkdir(parents=True, exist_ok=True)
        (docs_dir / "index.md").write_text("# Generated handbook\n", encoding="utf-8")
        config["nav"] = [{"Home": "index.md"}] + [
            {section.rstrip("/").title(): f"{section}index.md"} for section in GENERATED_SECTIONS
        ]
    config["docs_dir"] = str(docs_dir)
    config["extra"]["ladder"]["framework_dir"] = str(framework_dir)
    config["extra"]["ladder"]["worksheets"] = worksheets
    config["hooks"] = [str(ROOT / hook) for hook in config.get("hooks", [])]
    for plugin in config["plugins"]:
        if isinstance(plugin, dict) and "macros" in plugin:
            plugin["macros"]["module_name"] = str(ROOT / plugin["macros"]["module_name"])
    path = work / f"mkdocs-{'-'.join(worksheets) or 'no-worksheets'}.yml"
    path.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return path


def plain_project(config: Path, out: Path) -> Path:
    """The same site for plain Material, on disk (`ladder render --config`); its mkdocs.yml."""
    timed([str(BIN / "ladder"), "render", str(out), "--config", str(config), "--force"])
    return out / "mkdocs.yml"


def with_macros_plugin(plain: Path) -> Path:
    """The plain project's configuration with the mkdocs-macros plugin switched on, rendering no page:
    the share of the time limit the plugin Ladder builds on takes before Ladder does anything."""
    config = yaml.safe_load(plain.read_text(encoding="utf-8"))
    config["plugins"] = [*config.get("plugins", []), {"macros": {"render_by_default": False}}]
    path = plain.with_name("mkdocs-macros.yml")
    path.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return path


def race(builds: dict[str, Callable[[], tuple[float, float]]], runs: int) -> dict[str, list[tuple[float, float]]]:
    """Each build `runs` times, taking turns, so that all of them see the same load."""
    results: dict[str, list[tuple[float, float]]] = {name: [] for name in builds}
    for _ in range(runs):
        for name, build in builds.items():
            results[name].append(build())
    return results


def best(runs: list[tuple[float, float]]) -> Timing:
    return Timing(min(wall for wall, _ in runs), min(cpu for _, cpu in runs))


def ratio_line(name: str, ours: list[tuple[float, float]], theirs: list[tuple[float, float]], goal: float) -> bool:
    """The median of the runs' pairwise ratios against its goal, with the ratio of the fastest runs.

    The pairs decide: this machine's speed drifts by a third over minutes, so the fastest run of
    each build can come from different minutes (plain Material publishing more files has come out
    faster than plain Material publishing fewer), while the two builds of a pair run back to back."""
    paired = statistics.median(a / b for (a, _), (b, _) in zip(ours, theirs, strict=True))
    fastest = best(ours).wall / best(theirs).wall
    ok = paired <= goal
    verdict = "ok" if ok else "MISSED"
    print(f"  {name}: {paired:.2f}x, median of pairs (goal <= {goal:g}x) {verdict}; fastest runs {fastest:.2f}x")
    return ok


def seconds_line(name: str, timing: Timing, goal: float | None = None) -> bool:
    ok = goal is None or timing.wall <= goal
    target = f" (goal < {goal:g} s) {'ok' if ok else 'MISSED'}" if goal is not None else ""
    print(f"  {name}: {timing.wall:.2f} s wall, {timing.cpu:.2f} s CPU{target}")
    return ok


def largest_page(site_dir: Path) -> tuple[int, str]:
    pages = list(site_dir.rglob("*.html"))
    biggest = max(pages, key=lambda page: page.stat().st_size)
    return biggest.stat().st_size, str(biggest.relative_to(site_dir))


# The bundled handbook --------------------------------------------------------------------------------


def bench_site(work: Path) -> bool:
    """The bundled handbook, cold: at most 1.25x plain Material over the same pages, and at most
    1.35x with the blank worksheets against plain Material publishing the same files."""
    work = work / "site"
    work.mkdir()
    bare = ladder_config(work, ROOT / "framework", ROOT / "docs", worksheets=[])
    shipped = ROOT / "mkdocs.yml"
    plain = plain_project(bare, work / "plain")
    plain_files = plain_project(shipped, work / "plain-files")
    plain_macros = with_macros_plugin(plain)
    # The handbook as shipped, with the cache a previous build left (in a folder of its own): the
    # blank worksheets are the part of a build the cache folder keeps.
    (work / "warm").mkdir()
    warm = ladder_config(work / "warm", ROOT / "framework", ROOT / "docs", worksheets=["html"])
    mkdocs_build(warm, work / "warm-site")
    runs = race(
        {
            "shipped": lambda: mkdocs_build(shipped, work / "shipped-site"),
            "bare": lambda: mkdocs_build(bare, work / "bare-site"),
            "plain": lambda: mkdocs_build(plain, work / "plain-site", strict=False),
            "plain_files": lambda: mkdocs_build(plain_files, work / "plain-files-site", strict=False),
            "warm": lambda: mkdocs_build(warm, work / "warm-site", warm=True),
            "plain_macros": lambda: mkdocs_build(plain_macros, work / "plain-macros-site", strict=False),
        },
        RUNS_SMALL,
    )
    pages = len(list((work / "shipped-site").rglob("*.html")))
    print(f"site: the bundled handbook, {pages} HTML pages, fastest of {RUNS_SMALL} cold builds (empty cache) each")
    ok = seconds_line("handbook as mkdocs.yml ships it (blank HTML worksheets)", best(runs["shipped"]), 3.0)
    seconds_line("handbook without worksheets (extra.ladder.worksheets: [])", best(runs["bare"]))
    seconds_line("plain Material over the same pages", best(runs["plain"]))
    seconds_line("plain Material publishing the same pages and worksheet files", best(runs["plain_files"]))
    ok &= ratio_line("without worksheets / plain", runs["bare"], runs["plain"], BUNDLED_GOAL)
    ok &= ratio_line("as shipped / plain with the same files", runs["shipped"], runs["plain_files"], SHIPPED_GOAL)
    print("  with the cache folder a previous build left (every build after the first):")
    ratio_line("  as shipped / plain with the same files", runs["warm"], runs["plain_files"], SHIPPED_GOAL)
    # The floor costs more by time than by instructions (work.py): mkdocs-macros 1.5 imports
    # `requests` and runs a dozen `git` commands on every build, slow start-up work Valgrind
    # counts little of (the commands are other processes), and every Ladder build pays it.
    print("  the floor: plain Material with the mkdocs-macros plugin on, rendering no page:")
    ratio_line("  plain with mkdocs-macros / plain", runs["plain_macros"], runs["plain"], BUNDLED_GOAL)
    return ok


# Generated frameworks of about 1,000 and 2,000 pages ------------------------------------------------


def bench_site_scale(work: Path) -> bool:
    """About 1,000 pages: at most 1.1x plain Material; with the blank worksheets the site publishes by
    default, at most 1.3x plain Material publishing the same files; 2,000 pages at most 2.1x the
    time of 1,000; no page over 100 KB at either size."""
    ok = True
    sizes = {1000: SHAPE_1000, 2000: SHAPE_2000}
    configs = {}
    for size, shape in sizes.items():
        folder = work / f"site-{size}"
        framework = write_framework(folder / "framework", shape)
        configs[size] = ladder_config(folder, framework, worksheets=[])
    folder = configs[1000].parent
    shipped = ladder_config(folder, folder / "framework", folder / "docs", worksheets=["html"])
    plain = plain_project(configs[1000], folder / "plain")
    plain_files = plain_project(shipped, folder / "plain-files")
    (folder / "warm").mkdir()  # the worksheets' cache folder, kept from a build before the timed ones
    warm = ladder_config(folder / "warm", folder / "framework", folder / "docs", worksheets=["html"])
    mkdocs_build(warm, warm.parent / "site")
    runs = race(
        {
            "1000": lambda: mkdocs_build(configs[1000], folder / "site"),
            "plain": lambda: mkdocs_build(plain, folder / "plain-site", strict=False),
            "2000": lambda: mkdocs_build(configs[2000], configs[2000].parent / "site"),
        },
        RUNS_LARGE,
    )
    with_files = race(
        {
            "shipped": lambda: mkdocs_build(shipped, folder / "shipped-site"),
            "plain_files": lambda: mkdocs_build(plain_files, folder / "plain-files-site", strict=False),
            "warm": lambda: mkdocs_build(warm, warm.parent / "site", warm=True),
        },
        RUNS_LARGE,
    )
    for size, shape in sizes.items():
        site_dir = configs[size].parent / "site"
        pages = len(list(site_dir.rglob("*.html")))
        print(
            f"site-scale: {size:,}-page shape ({shape.tracks} tracks x {shape.levels_per_track} levels, "
            f"{shape.dimensions} dimensions, {shape.standards} standards, {shape.examples} examples): "
            f"{pages} HTML pages, fastest of {RUNS_LARGE}"
        )
        seconds_line("build", best(runs[str(size)]))
        size_bytes, page = largest_page(site_dir)
        within = size_bytes <= PAGE_LIMIT
        print(f"  largest page: {size_bytes / 1000:.0f} KB ({page}) (goal <= 100 KB) {'ok' if within else 'MISSED'}")
        ok &= within
    seconds_line("plain Material over the 1,000 pages", best(runs["plain"]))
    ok &= ratio_line("1,000 pages / plain", runs["1000"], runs["plain"], SCALE_GOAL)
    ok &= ratio_line("2,000 / 1,000 pages", runs["2000"], runs["1000"], 2.1)
    worksheets = len(list((folder / "shipped-site" / "worksheets").rglob("*.html")))
    seconds_line(
        f"1,000 pages with the {worksheets} blank HTML worksheets published by default", best(with_files["shipped"])
    )
    seconds_line("plain Material publishing the same pages and files", best(with_files["plain_files"]))
    ok &= ratio_line(
        "with worksheets / plain with the same files", with_files["shipped"], with_files["plain_files"], 1.3
    )
    ratio_line("the same with the cache a previous build left", with_files["warm"], with_files["plain_files"], 1.3)
    return ok


# mkdocs serve: from saving a file to the page that shows the change ---------------------------------


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            page: str = response.read().decode("utf-8")
            return page
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return ""


def wait_for(url: str, text: str, timeout: float = 120) -> float:
    """Seconds until the page at `url` holds `text` (polled every 20 ms)."""
    started = time.perf_counter()
    while time.perf_counter() - started < timeout:
        if text in fetch(url):
            return time.perf_counter() - started
        time.sleep(0.02)
    raise SystemExit(f"{url} never showed {text!r} within {timeout:g} s")


class Server:
    """A `mkdocs serve` (or `zensical serve`) in the background, for the duration of a `with`."""

    def __init__(self, command: list[str], cwd: Path):
        self.port = free_port()
        self.command = [*command, "--dev-addr", f"127.0.0.1:{self.port}"]
        self.cwd = cwd
        self.process: Any = None

    def __enter__(self) -> Server:
        self.process = subprocess.Popen(
            self.command, cwd=self.cwd, env=QUIET, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        return self

    def __exit__(self, *_: object) -> None:
        self.process.terminate()
        self.process.wait(timeout=30)

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}/{path}"


EDITED = "Designs systems and major changes"  # the start of a statement of the bundled senior level


class Edits:
    """One-line edits of `source` (words added after EDITED), each timed until `page` on `server` shows it."""

    def __init__(self, server: Server, page: str, source: Path):
        self.url = server.url(page)
        self.source = source
        self.current = EDITED
        self.count = 0
        wait_for(self.url, EDITED)

    def timed(self) -> tuple[float, float]:
        """Seconds from saving the next edit to the page showing it (twice: as wall and as CPU time,
        for `race`; only the wall time of a server is known)."""
        marker = f"(edit {self.count})"
        text = self.source.read_text(encoding="utf-8")
        assert self.current in text, f"{self.current!r} is not in {self.source}"
        self.source.write_text(text.replace(self.current, f"{EDITED} {marker}", 1), encoding="utf-8")
        seconds = wait_for(self.url, marker)
        self.current = f"{EDITED} {marker}"
        self.count += 1
        time.sleep(0.5)  # let the server settle before the next edit
        return seconds, seconds


def bench_serve(work: Path) -> bool:
    """`mkdocs serve` of the bundled handbook, after a one-line edit of a level's YAML: the time until
    the rebuilt page is served, at most 1.2x plain Material's after the same edit of the same page.
    Both servers run at once and are edited in turn, so that both see the same load."""
    work = work / "serve"
    shutil.copytree(ROOT / "framework", work / "framework")
    config = ladder_config(work, work / "framework", ROOT / "docs", worksheets=["html"])
    plain = plain_project(config, work / "plain")
    level = work / "framework" / "levels" / "senior.yaml"
    with (
        Server([str(BIN / "mkdocs"), "serve", "-f", str(config)], work) as ladder,
        Server([str(BIN / "mkdocs"), "serve", "-f", str(plain)], plain.parent) as server,
    ):
        ours = Edits(ladder, "levels/senior/", level)
        theirs = Edits(server, "levels/senior/", plain.parent / "docs" / "levels" / "senior.md")
        runs = race({"ours": ours.timed, "theirs": theirs.timed}, RUNS_SERVE)
    print(f"serve: the bundled handbook under `mkdocs serve`, one-line edit to served page, best of {RUNS_SERVE}")
    walls = {name: [wall for wall, _ in timings] for name, timings in runs.items()}
    median = statistics.median(walls["ours"])
    print(f"  after editing levels/senior.yaml: {min(walls['ours']):.2f} s (median {median:.2f} s)")
    print(f"  plain Material, the same edit in levels/senior.md: {min(walls['theirs']):.2f} s")
    return ratio_line("serve rebuild / plain", runs["ours"], runs["theirs"], 1.2)


def bench_zensical(work: Path) -> bool:
    """The same handbook built by Zensical (from `ladder render --config`), beside MkDocs: reported, no goal."""
    work = work / "zensical"
    work.mkdir()
    config = plain_project(ROOT / "mkdocs.yml", work / "project")
    runs = race(
        {
            "render": lambda: timed(
                [str(BIN / "ladder"), "render", str(work / "project"), "--config", str(ROOT / "mkdocs.yml"), "--force"]
            ),
            "zensical": lambda: zensical_build(config),
            "mkdocs": lambda: mkdocs_build(ROOT / "mkdocs.yml", work / "mkdocs-site"),
        },
        RUNS_SMALL // 2 + 1,
    )
    print("zensical: the bundled handbook, cold (empty caches)")
    seconds_line("ladder render --config (the project Zensical builds)", best(runs["render"]))
    seconds_line("zensical build --strict of that project", best(runs["zensical"]))
    seconds_line("mkdocs build --strict with Ladder's hooks, for comparison", best(runs["mkdocs"]))
    level = work / "project" / "docs" / "levels" / "senior.md"
    with Server([str(BIN / "zensical"), "serve", "-f", str(config)], config.parent) as server:
        edits = Edits(server, "levels/senior/", level)
        times = [edits.timed()[0] for _ in range(RUNS_SERVE)]
    print(f"  zensical serve, one-line edit of levels/senior.md to served page: {min(times):.2f} s")
    return True
