"""Everything the handbook publishes from the framework, whichever engine builds it.

The generated pages (ladder.render.handbook), and the files that go with them as they are:
Ladder's stylesheet and script, the JSON Schemas, framework.json and the blank worksheets.
The MkDocs hooks hand these to MkDocs in memory; `ladder render --config` writes them to disk.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib.resources import files as package_files
from pathlib import Path

from ladder import export
from ladder.engines.settings import Settings
from ladder.files import digest
from ladder.load import published_files
from ladder.model import Framework
from ladder.render import handbook
from ladder.validate import load_framework
from ladder.worksheet import site as worksheet_site

ASSETS = "assets/ladder/"
STYLESHEET = ASSETS + "ladder.css"
SCRIPT = ASSETS + "ladder.js"
FRAMEWORK_JSON = "framework.json"
SCHEMAS = "schema/"
# Markdown extensions the generated pages are written for: {#id} attribute lists on headings and
# paragraphs, Markdown inside the matrix's <div>, tables, and anchors on headings.
REQUIRED_EXTENSIONS = ("attr_list", "md_in_html", "tables", "toc")


@dataclass(frozen=True)
class Published:
    inputs: str  # a hash of the framework folder's files (ladder.files.digest)
    handbook: handbook.Handbook
    files: dict[str, bytes | Path]  # site path -> its bytes, or the file to copy

    @property
    def framework(self) -> Framework:
        return self.handbook.framework


def publish(settings: Settings, inputs: str | None = None) -> Published:
    """The validated framework's pages and files. FrameworkNotFound or FrameworkError when there is
    no framework or it is invalid. `inputs`: the framework folder's digest, when known already."""
    inputs = inputs or digest(settings.framework_dir)
    framework = load_framework(settings.framework_dir)
    worksheets: dict[str, Path] = {}
    if settings.worksheet_formats:
        worksheets = worksheet_site.cached(framework, settings.worksheet_formats, settings.cache_dir, inputs)
    pages = handbook.build(settings.framework_dir, framework, worksheets=worksheets)
    files: dict[str, bytes | Path] = {FRAMEWORK_JSON: export.to_json(framework).encode("utf-8")}
    for name in ("ladder.css", "ladder.js"):
        files[ASSETS + name] = package_files("ladder").joinpath("assets", name).read_bytes()
    for name, path in published_files(settings.framework_dir).items():  # a fork's own (maybe stricter) schemas
        files[SCHEMAS + name] = path
    files.update(worksheets)
    return Published(inputs, pages, files)
