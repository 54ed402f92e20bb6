"""The framework's worker converts the generated pages to HTML on a `mkdocs build`; the site must be
exactly the one MkDocs makes when it converts them itself, warnings included.

Without a worker (another thread is running, as under `mkdocs serve`), MkDocs converts every
page itself: that build is the reference each test compares against.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

from tests.conftest import BASE, ROOT, edit
from tests.site.conftest import fixture_config

# `mkdocs build` in a process where another thread runs, so Ladder cannot fork its worker.
WITHOUT_WORKER = (
    "import sys, threading; threading.Thread(target=threading.Event().wait, daemon=True).start(); "
    "from mkdocs.__main__ import cli; cli()"
)
LEVEL_HOOK = """\
def on_page_markdown(markdown, page, config, files):
    if page.file.src_uri == "levels/second.md":
        return markdown + "\\n\\nA note a plugin adds to the page.\\n"
    return markdown
"""


def build(config: Path, site: Path, *, worker: bool = True) -> subprocess.CompletedProcess[str]:
    """`mkdocs build --strict -v`, with Ladder's worker or without it."""
    start = ["-m", "mkdocs"] if worker else ["-c", WITHOUT_WORKER]
    return subprocess.run(
        [sys.executable, *start, "build", "--strict", "-v", "-f", str(config), "-d", str(site)],
        capture_output=True,
        text=True,
        cwd=config.parent,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        check=False,
    )


def converted_by_worker(output: str) -> int:
    """How many generated pages the worker converted, from the build's debug log (0 if none)."""
    for line in output.splitlines():
        if "Ladder: the worker converted" in line:
            return int(line.split("converted", 1)[1].split()[0])
    return 0


def files_of(site: Path) -> dict[str, bytes]:
    return {str(path.relative_to(site)): path.read_bytes() for path in sorted(site.rglob("*")) if path.is_file()}


def test_the_handbook_is_byte_for_byte_the_same_with_or_without_the_worker(tmp_path: Path) -> None:
    with_worker = build(ROOT / "mkdocs.yml", tmp_path / "worker")
    assert with_worker.returncode == 0, with_worker.stderr
    assert converted_by_worker(with_worker.stderr) > 0, "the worker must have converted pages"
    alone = build(ROOT / "mkdocs.yml", tmp_path / "alone", worker=False)
    assert alone.returncode == 0, alone.stderr
    assert converted_by_worker(alone.stderr) == 0
    worker_files, alone_files = files_of(tmp_path / "worker"), files_of(tmp_path / "alone")
    assert worker_files.keys() == alone_files.keys()
    differing = [path for path in worker_files if worker_files[path] != alone_files[path]]
    assert not differing, f"these files differ: {differing[:5]}"


def test_a_broken_link_in_the_yaml_fails_the_strict_build_once_with_mkdocs_own_warning(tmp_path: Path) -> None:
    framework = tmp_path / "framework"
    shutil.copytree(BASE, framework)
    edit(framework / "levels" / "second.yaml", "Works alone on features.", "See [the old guide](../retired.md).")
    config = fixture_config(tmp_path, framework, {"index.md": "# Home\n"})
    warning = "Doc file 'levels/second.md' contains a link '../retired.md', but the target 'retired.md' is not found"
    warnings = {}
    for worker in (True, False):
        result = build(config, tmp_path / "site", worker=worker)
        assert result.returncode != 0
        assert result.stderr.count(warning) == 1, result.stderr
        warnings[worker] = [line for line in result.stderr.splitlines() if line.startswith("WARNING")]
        assert f"Aborted with {len(warnings[worker])} warnings in strict mode" in result.stdout
    assert sorted(warnings[True]) == sorted(warnings[False])


def test_a_page_another_plugin_changed_is_converted_with_the_change(tmp_path: Path) -> None:
    config = fixture_config(tmp_path, BASE, {"index.md": "# Home\n"})
    hook = tmp_path / "level_note.py"
    hook.write_text(LEVEL_HOOK, encoding="utf-8")
    settings = yaml.safe_load(config.read_text(encoding="utf-8"))
    settings["hooks"].append(str(hook))
    config.write_text(yaml.safe_dump(settings, sort_keys=False), encoding="utf-8")
    result = build(config, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    assert converted_by_worker(result.stderr) > 0
    assert "A note a plugin adds to the page." in (tmp_path / "site" / "levels" / "second" / "index.html").read_text()
    assert "A note a plugin adds" not in (tmp_path / "site" / "levels" / "first" / "index.html").read_text()
