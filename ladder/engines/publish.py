"""Everything the handbook publishes from the framework, whichever engine builds it.

The generated pages (ladder.render.handbook), and the files that go with them as they are:
Ladder's stylesheet and script, the JSON Schemas, framework.json, the blank worksheets and a
sample roster in the framework's own terms.
The MkDocs hooks hand these to MkDocs in memory; `ladder render --config` writes them to disk.

Checking the framework and rendering its pages is kept in the cache folder under a hash of
everything it is made from: the framework's files, its versions in git (the "What changed"
page reads them), Ladder's own code and the libraries that shape its output. So a build whose
inputs have not changed since the last one (the usual case on a laptop, and in CI with the
cache folder kept between runs) reads the result instead of making it again.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from dataclasses import asdict, dataclass, replace
from importlib.resources import files as package_files
from pathlib import Path
from typing import Any

import pathspec

from ladder import export, urls
from ladder.engines.settings import Settings
from ladder.files import digest, engine_digest, write_atomic
from ladder.load import published_files
from ladder.lock import published, published_places
from ladder.model import Framework, build
from ladder.problems import FrameworkError
from ladder.render import handbook
from ladder.revisions import history
from ladder.validate import validate

ASSETS = "assets/ladder/"
STYLESHEET = ASSETS + "ladder.css"
SCRIPT = ASSETS + "ladder.js"
FRAMEWORK_JSON = "framework.json"
SCHEMAS = "schema/"
# Markdown extensions the generated pages are written for: {#id} attribute lists on headings and
# paragraphs, Markdown inside the matrix's <div>, tables, and anchors on headings.
REQUIRED_EXTENSIONS = ("attr_list", "md_in_html", "tables", "toc")
CACHED = "site"  # the cache folder's subfolder for checked frameworks and their pages
# What MkDocs and Zensical leave out of a site whatever mkdocs.yml says: hidden files and templates/.
ALWAYS_LEFT_OUT = (".*", "/templates/")


@dataclass(frozen=True)
class Published:
    inputs: str  # a hash of the framework folder's files (ladder.files.digest)
    handbook: handbook.Handbook
    files: dict[str, bytes | Path]  # site path -> its bytes, or the file to copy

    @property
    def framework(self) -> Framework:
        return self.handbook.framework


def site_pages(docs_dir: Path, left_out: str = "") -> frozenset[str]:
    """The page URL of each hand-written Markdown page in `docs_dir` that a build publishes
    (`guides/calibration/`). `left_out`: as in `site_sources`."""
    sources = site_sources(docs_dir, left_out)
    return frozenset(urls.page_url(_as_mkdocs_reads(source, sources)) for source in sources)


def site_sources(docs_dir: Path, left_out: str = "") -> set[str]:
    """The source path in `docs_dir` of each hand-written Markdown page a build publishes
    (`guides/calibration.md`). `left_out`: mkdocs.yml's `exclude_docs` and `draft_docs` patterns,
    read as MkDocs and Zensical read them (gitignore's syntax, by pathspec, MkDocs' own library)."""
    leave_out = pathspec.GitIgnoreSpec.from_lines([*ALWAYS_LEFT_OUT, *left_out.splitlines()])
    sources = {page.relative_to(docs_dir).as_posix() for page in docs_dir.rglob("*.md")}
    return {source for source in sources if not leave_out.match_file(source)}


def _as_mkdocs_reads(source: str, sources: set[str]) -> str:
    """MkDocs publishes a folder's README.md as the folder's page when it has no index.md."""
    folder, _, name = source.rpartition("/")
    index = f"{folder}/index.md" if folder else "index.md"
    return index if name == "README.md" and index not in sources else source


def publish(settings: Settings, inputs: str | None = None, docs_pages: frozenset[str] | None = None) -> Published:
    """The validated framework's pages and files, blank worksheets included. FrameworkNotFound or
    FrameworkError when there is no framework or it is invalid. `inputs`: the framework folder's
    digest, when known already. `docs_pages`: the site's hand-written pages (site_pages); the blank
    worksheets link only the guides among them, so a fork that deletes a guide publishes no
    worksheet linking it."""
    return with_worksheets(publish_without_worksheets(settings, inputs), settings, docs_pages)


def publish_without_worksheets(settings: Settings, inputs: str | None = None) -> Published:
    """As `publish`, before the worksheets: what does not depend on the site's other pages (MkDocs
    makes it at on_config, and the worksheets at on_files, once it has listed the pages)."""
    inputs = inputs or digest(settings.framework_dir)
    pages, framework_json = _pages(settings, inputs)
    from ladder.worksheet.roster import sample

    files: dict[str, bytes | Path] = {
        FRAMEWORK_JSON: framework_json.encode("utf-8"),
        urls.SAMPLE_ROSTER: sample(pages.framework).encode("utf-8"),
    }
    for name in ("ladder.css", "ladder.js"):
        files[ASSETS + name] = package_files("ladder").joinpath("assets", name).read_bytes()
    for name, path in published_files(settings.framework_dir).items():  # a fork's own (maybe stricter) schemas
        files[SCHEMAS + name] = path
    return Published(inputs, pages, files)


def with_worksheets(made: Published, settings: Settings, docs_pages: frozenset[str] | None) -> Published:
    """`made` with the blank worksheets of the formats the settings choose (from the cache folder
    when their inputs are unchanged), linking only the guides among `docs_pages`."""
    if not settings.worksheet_formats:
        return made
    from ladder.worksheet import site as worksheet_site  # loaded only when worksheets are published

    worksheets = worksheet_site.cached(made.framework, settings.worksheet_formats, settings.cache_dir, docs_pages)
    return replace(made, files={**made.files, **worksheets})


def _pages(settings: Settings, inputs: str) -> tuple[handbook.Handbook, str]:
    """The checked framework, its pages and framework.json: from the cache, or made and kept there."""
    root = settings.framework_dir
    versions = history(root)
    key = hashlib.sha256(
        json.dumps(
            [inputs, engine_digest(), [asdict(version) for version in versions], settings.worksheet_formats]
        ).encode("utf-8")
    ).hexdigest()[:24]
    folder = settings.cache_dir / CACHED
    kept = folder / f"{key}.json"
    try:
        saved: dict[str, Any] = json.loads(kept.read_text(encoding="utf-8"))
    except (OSError, ValueError):  # not made yet, or unreadable: made again
        pass
    else:
        framework = build(saved["data"])
        return handbook.Handbook(framework, saved["pages"], saved["redirects"]), saved["framework_json"]
    report = validate(root, warnings=False)  # the site reports errors; `ladder validate` gives the warnings
    if report.framework is None or report.data is None:
        raise FrameworkError(problem for problem in report.problems if problem.is_error)
    worksheets: set[str] = set()
    if settings.worksheet_formats:
        from ladder.worksheet import site as worksheet_site

        worksheets = set(worksheet_site.paths(report.framework, settings.worksheet_formats))
    lock = report.lock
    made = handbook.build(
        root,
        report.framework,
        worksheets=worksheets,
        versions=versions,
        record=published(lock),
        places=published_places(lock),
    )
    framework_json = export.to_json(report.framework, compact=True)
    saved = {"data": report.data, "pages": made.pages, "redirects": made.redirects, "framework_json": framework_json}
    try:
        shutil.rmtree(folder, ignore_errors=True)  # the folder holds one result: the newest
        write_atomic(kept, json.dumps(saved, ensure_ascii=False), force=True, durable=False)
    except OSError:  # a read-only checkout still builds; it only cannot keep the result
        pass
    return made, framework_json
