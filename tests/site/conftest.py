"""Built handbooks for the site tests: each is built once per test session, in a temporary folder."""

from __future__ import annotations

import functools
import http.server
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from ladder.model import Framework
from ladder.validate import load_framework
from tests.conftest import ROOT, assemble_case

SITE_FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "site"


@dataclass(frozen=True)
class Built:
    root: Path  # the built site
    framework: Framework
    output: str  # what mkdocs printed

    def html(self, url: str) -> str:
        """The HTML of a site URL such as `levels/senior/`."""
        path = url.partition("#")[0]
        return (self.root / path / "index.html").read_text(encoding="utf-8")


def mkdocs_build(config: Path, site_dir: Path) -> subprocess.CompletedProcess[str]:
    """`mkdocs build --strict`, as `make build` runs it."""
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config), "-d", str(site_dir)],
        capture_output=True,
        text=True,
        cwd=config.parent,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        check=False,
    )


# The home page and the generated sections, as a fork's mkdocs.yml lists them.
GENERATED_NAV: list[object] = [
    {"Home": "index.md"},
    {"Levels": "levels/index.md"},
    {"Dimensions": "dimensions/index.md"},
    {"Standards": "standards/index.md"},
    {"Examples": "examples/index.md"},
    {"Compare": "compare/index.md"},
]


def fixture_config(work: Path, framework_dir: Path, docs: dict[str, str], nav: list[object] | None = None) -> Path:
    """A copy of the project's mkdocs.yml that builds `framework_dir` with the given hand-written pages."""
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    docs_dir = work / "docs"
    for name, text in docs.items():
        (docs_dir / name).parent.mkdir(parents=True, exist_ok=True)
        (docs_dir / name).write_text(text, encoding="utf-8")
    config["docs_dir"] = str(docs_dir)
    config["extra"]["ladder"]["framework_dir"] = str(framework_dir)
    config["nav"] = nav or GENERATED_NAV
    config["hooks"] = [str(ROOT / hook) for hook in config.get("hooks", [])]
    for plugin in config["plugins"]:
        if isinstance(plugin, dict) and "macros" in plugin:
            plugin["macros"]["module_name"] = str(ROOT / plugin["macros"]["module_name"])
    path = work / "mkdocs.yml"
    path.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return path


def built(config: Path, site_dir: Path, framework_dir: Path) -> Built:
    result = mkdocs_build(config, site_dir)
    assert result.returncode == 0, f"mkdocs build --strict failed:\n{result.stderr}"
    return Built(site_dir, load_framework(framework_dir), result.stderr)


@pytest.fixture(scope="session")
def handbook(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """The bundled handbook: the project's mkdocs.yml, docs/ and framework/."""
    return built(ROOT / "mkdocs.yml", tmp_path_factory.mktemp("handbook") / "site", ROOT / "framework")


TRICKY_HOME = """\
---
render_macros: true
---

# {{ framework.meta.name }}

A link: {{ link('ownership-fixes-it') }}. A former id: {{ link('beginner', 'the first level') }}.
One section: {{ link('second', dimension='reach') }}.
Not in this framework: {{ link('staff-engineer', otherwise='a staff engineer') }}.
{{ example('no-such', otherwise='') }}

{{ quote('ownership-keeps-latency') }}

{{ example('write-tests') }}

{{ levels_list('ic') }}
"""


@pytest.fixture(scope="session")
def tricky(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """A small framework whose YAML text holds template syntax, HTML and former ids."""
    work = tmp_path_factory.mktemp("tricky")
    framework = assemble_case(SITE_FIXTURES / "tricky", work)
    return built(fixture_config(work, framework, {"index.md": TRICKY_HOME}), work / "site", framework)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="session")
def serve() -> Iterator[object]:
    """serve(site_root) -> base URL of that site on 127.0.0.1 (an ephemeral port), for the session."""
    servers: list[http.server.ThreadingHTTPServer] = []

    def start(root: Path) -> str:
        handler = functools.partial(_QuietHandler, directory=str(root))
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return f"http://127.0.0.1:{server.server_address[1]}/"

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()


class _Unsafe(HTMLParser):
    """Finds what would run in a page: event-handler attributes, script-like link targets, and
    script elements whose code mentions `alert` (the payloads the injection fixtures carry)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append(f"<{tag} {name}=...>")
            if name in ("href", "src", "action", "formaction") and value is not None:
                scheme = "".join(value.split()).lower().split(":", 1)[0]
                if ":" in value and scheme in ("javascript", "vbscript", "data"):
                    self.found.append(f"<{tag} {name}={value!r}>")
        self._in_script = tag == "script"

    def handle_endtag(self, tag: str) -> None:
        self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script and "alert" in data:
            self.found.append(f"<script>{data[:60]}")


def unsafe_markup(html: str) -> list[str]:
    parser = _Unsafe()
    parser.feed(html)
    return parser.found
