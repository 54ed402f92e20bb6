"""The README's screenshots, taken from a freshly built handbook so they show what the code makes today.

    python -m benchmarks.screenshots [OUT]    (`make screenshots`; OUT defaults to screenshots/)

Builds the handbook of this checkout (its mkdocs.yml and framework/) into a temporary folder,
serves it on 127.0.0.1 and photographs four views with Debian's Chromium: the levels matrix,
what changes at a level's next step, the self-assessment with some marks, and a worksheet.
Which level is shown is chosen from the framework itself (the first one with a next level and
a previous one), so a fork gets pictures of its own framework.
"""

from __future__ import annotations

import functools
import http.server
import os
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from playwright.sync_api import Page, sync_playwright

from ladder import urls
from ladder.model import Framework, Level
from ladder.validate import load_framework

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
VIEWPORT = {"width": 1440, "height": 900}
# One photograph per README view: its file name and what it shows (the image's alt text).
SHOTS = {
    "matrix.png": "The levels matrix: every level against every dimension, with a legend of the steps",
    "what-changes.png": "A level page: what changes from the level below, in a line per dimension",
    "assess.png": "Where I stand: an engineer's marks against their level and the next, with a chart per dimension",
    "worksheet.png": "An expectations worksheet, ready to fill in",
}


SCROLL_BELOW_HEADER = "s => scrollTo(0, document.querySelector(s).getBoundingClientRect().top + scrollY - 72)"


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@contextmanager
def served(root: Path) -> Iterator[str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(root)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def shown_level(framework: Framework) -> Level:
    """A level in the middle of a ladder: one below it (so "what changes" says something) and one above."""
    middle = [
        level
        for level in framework.levels
        if framework.previous_level(level) is not None and framework.next_levels(level)
    ]
    return (middle or list(framework.levels))[0]


def build(config: Path, site: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", str(config), "-d", str(site)],
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        check=False,
    )
    if result.returncode != 0:
        raise SystemExit(f"mkdocs build failed:\n{result.stderr}")


def assessment_address(level: Level) -> str:
    """The self-assessment of `level` with a mix of marks, in the form its own links take: a digit
    per statement (ladder.js ignores digits past the last statement, so the run is simply long)."""
    marks = "33231230" * 40
    return f"{urls.ASSESS}?level={level.id}&m={marks}"


def photograph(page: Page, base: str, framework: Framework, out: Path) -> list[Path]:
    level = shown_level(framework)
    taken: list[Path] = []

    def shot(name: str, address: str, selector: str | None = None) -> None:
        page.goto(base + address)
        page.wait_for_load_state("networkidle")
        if selector:
            page.locator(selector).first.wait_for()
            # One scroll, to just below Material's header (scrolling back up would show "Back to top").
            page.evaluate(SCROLL_BELOW_HEADER, selector)
            page.wait_for_timeout(300)
        page.screenshot(path=out / name)
        taken.append(out / name)

    shot("matrix.png", urls.LEVELS, ".ladder-matrix")
    shot("what-changes.png", urls.url(level), "#level--changes")
    shot("assess.png", assessment_address(level), ".ladder-assess")
    shot("worksheet.png", urls.worksheet(level, "expectations", "html"))
    return taken


def main(out: Path) -> None:
    framework = load_framework(ROOT / "framework")
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as work:
        site = Path(work) / "site"
        build(ROOT / "mkdocs.yml", site)
        with served(site) as base, sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM)
            page = browser.new_page(viewport=VIEWPORT)  # type: ignore[arg-type]
            for path in photograph(page, base, framework, out):
                print(f"{path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}: {SHOTS[path.name]}")
            browser.close()


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "screenshots")
