"""`mkdocs serve` re-renders the handbook when a YAML file of the framework changes."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from tests.conftest import BASE
from tests.site.conftest import fixture_config

WAIT_SECONDS = 60


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def wait_for(url: str, text: str) -> str:
    deadline = time.monotonic() + WAIT_SECONDS
    page = None
    while time.monotonic() < deadline:
        page = fetch(url)
        if page is not None and text in page:
            return page
        time.sleep(0.3)
    raise AssertionError(f"{url} never showed {text!r} within {WAIT_SECONDS} s; last page: {(page or '')[:300]}")


def test_editing_a_level_yaml_rebuilds_its_page(tmp_path: Path) -> None:
    framework = tmp_path / "framework"
    shutil.copytree(BASE, framework)
    config = fixture_config(tmp_path, framework, {"index.md": "# Home\n"})
    port = free_port()
    log = (tmp_path / "serve.log").open("w")
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-f", str(config), "--dev-addr", f"127.0.0.1:{port}"],
        stdout=log,
        stderr=subprocess.STDOUT,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        cwd=tmp_path,
    )
    try:
        url = f"http://127.0.0.1:{port}/levels/first/"
        wait_for(url, "Learns the ropes.")
        level = framework / "levels" / "first.yaml"
        level.write_text(level.read_text().replace("Learns the ropes.", "Ships small changes with care."))
        page = wait_for(url, "Ships small changes with care.")
        assert "Learns the ropes." not in page
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()
