"""The handbook's blank worksheets: published for every level, linked from the Worksheets page, configurable."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import yaml
from click.testing import CliRunner

from ladder import urls
from ladder.cli import main
from ladder.engines.publish import site_pages
from ladder.validate import load_framework
from ladder.wording import words
from ladder.worksheet import KINDS
from tests.conftest import ROOT
from tests.site.conftest import GENERATED_NAV, Built, built, fixture_config, mkdocs_build

WORKSHEET_FRAMEWORK = ROOT / "tests" / "fixtures" / "worksheets" / "framework"


def test_every_level_has_each_kind_in_each_format_chosen(tmp_path: Path) -> None:
    site = built(site_with(tmp_path, ["docx", "html"]), tmp_path / "site", WORKSHEET_FRAMEWORK)
    framework = site.framework
    published = {str(path.relative_to(site.root)) for path in (site.root / "worksheets").rglob("*.*")}
    expected = {
        urls.worksheet(level, kind, fmt)
        for level in framework.levels
        for kind in KINDS
        for fmt in ("docx", "html")
        if kind != "promotion" or framework.next_levels(level)
    }
    assert expected == published
    tops = [level for level in framework.levels if not framework.next_levels(level)]
    assert tops and all(urls.worksheet(level, "promotion", "html") not in published for level in tops)
    second = site.root / "worksheets" / "second"
    assert (second / "pip.docx").read_bytes().startswith(b"PK\x03\x04")
    assert "<!DOCTYPE html>" in (second / "onboarding.html").read_text(encoding="utf-8")


def test_the_blank_worksheets_are_kept_in_the_cache_and_reused(tmp_path: Path) -> None:
    config = site_with(tmp_path, ["html"])
    built(config, tmp_path / "site", WORKSHEET_FRAMEWORK)
    cached = sorted((tmp_path / ".cache" / "ladder" / "worksheets").rglob("*.html"))
    assert cached, "the first build keeps its worksheets in the cache folder"
    stamps = {path: path.stat().st_mtime_ns for path in cached}
    again = built(config, tmp_path / "site-again", WORKSHEET_FRAMEWORK)
    assert {path: path.stat().st_mtime_ns for path in cached} == stamps  # copied, not made again
    first = (tmp_path / "site" / "worksheets" / "second" / "pip.html").read_bytes()
    assert (again.root / "worksheets" / "second" / "pip.html").read_bytes() == first


def test_worksheets_page_links_every_published_worksheet_and_the_sample_roster(handbook: Built) -> None:
    html = handbook.html("worksheets/")
    links = set(re.findall(r'href="([^"]+\.(?:docx|html|md|csv))"', html))
    worksheets = {link for link in links if not link.endswith(".csv")}
    published = list((handbook.root / "worksheets").rglob("*.*"))
    assert len(worksheets) == len([path for path in published if path.name != "index.html"])
    page = handbook.root / "worksheets"
    for link in links:
        assert (page / link).resolve().is_file(), link
    assert "../samples/roster.csv" in links
    assert handbook.framework.meta.version in html


def site_with(tmp_path: Path, setting: object) -> Path:
    config = fixture_config(tmp_path, WORKSHEET_FRAMEWORK, {"index.md": "# Home\n"})
    data = yaml.safe_load(config.read_text(encoding="utf-8"))
    data["extra"]["ladder"]["worksheets"] = setting
    config.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    return config


def test_the_formats_setting_chooses_what_is_published(tmp_path: Path) -> None:
    site = built(site_with(tmp_path, ["html"]), tmp_path / "site", WORKSHEET_FRAMEWORK)
    suffixes = {path.suffix for path in (site.root / "worksheets").rglob("*.*")}
    assert suffixes == {".html"}
    level_page = site.html("levels/second/")
    assert "../../worksheets/second/pip.html" in level_page
    assert "pip.docx" not in level_page


def test_a_renamed_levels_worksheets_still_open_at_their_old_addresses(tmp_path: Path) -> None:
    framework_dir = tmp_path / "framework"
    shutil.copytree(WORKSHEET_FRAMEWORK, framework_dir)
    renamed = CliRunner().invoke(main, ["rename", "second", "second-level", str(framework_dir)])
    assert renamed.exit_code == 0, renamed.output
    config = fixture_config(tmp_path, framework_dir, {"index.md": "# Home\n"})
    data = yaml.safe_load(config.read_text(encoding="utf-8"))
    data["extra"]["ladder"]["worksheets"] = ["html", "docx"]
    config.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    site = built(config, tmp_path / "site", framework_dir)
    for name in ("pip.html", "pip.docx"):
        now = site.root / "worksheets" / "second-level" / name
        assert (site.root / "worksheets" / "second" / name).read_bytes() == now.read_bytes(), name
    assert "../../worksheets/second-level/pip.html" in site.html("levels/second-level/")  # pages link the new one


def test_an_unknown_format_in_the_setting_fails_the_build_with_its_name(tmp_path: Path) -> None:
    result = mkdocs_build(site_with(tmp_path, ["pdf"]), tmp_path / "site")
    assert result.returncode != 0
    assert "extra.ladder.worksheets: expected a list of formats from html, docx (or [] for none)" in result.stderr
    assert "Traceback" not in result.stderr
    markdown = mkdocs_build(site_with(tmp_path, ["md"]), tmp_path / "site")
    assert "extra.ladder.worksheets: md: the site cannot publish Markdown worksheets" in markdown.stderr


def test_every_guide_a_worksheet_links_is_a_page_of_the_handbook(handbook: Built) -> None:
    for kind in KINDS:
        for guide in words(kind).get("guides", []):
            assert (handbook.root / guide["path"] / "index.html").is_file(), f"text/{kind}.yaml: {guide['path']}"


def test_a_blank_worksheet_links_only_the_guides_the_site_has(tmp_path: Path) -> None:
    """A fork may delete or rename the guides; the worksheets its site publishes then link none
    that is missing (made on their own with `ladder worksheet`, they link every guide)."""
    docs = {"index.md": "# Home\n", "guides/new-hires.md": "# New hires\n"}
    nav = [*GENERATED_NAV, {"New hires": "guides/new-hires.md"}]
    site = built(fixture_config(tmp_path, WORKSHEET_FRAMEWORK, docs, nav), tmp_path / "site", WORKSHEET_FRAMEWORK)
    address = site.framework.meta.site_url
    onboarding = (site.root / "worksheets" / "second" / "onboarding.html").read_text(encoding="utf-8")
    expectations = (site.root / "worksheets" / "second" / "expectations.html").read_text(encoding="utf-8")
    assert f'href="{address}guides/new-hires/"' in onboarding
    opening = words("common")["guides"].split("{")[0]  # "How this step works, in the handbook: "
    assert opening in onboarding and opening not in expectations
    assert f"{address}guides/" not in expectations


def test_a_guide_mkdocs_leaves_out_is_not_linked(tmp_path: Path) -> None:
    """A guide that mkdocs.yml's exclude_docs leaves out of the site is on disk but not published:
    the worksheets link only the pages MkDocs lists."""
    docs = {"index.md": "# Home\n", "guides/new-hires.md": "# New hires\n"}
    config = fixture_config(tmp_path, WORKSHEET_FRAMEWORK, docs)
    data = yaml.safe_load(config.read_text(encoding="utf-8"))
    data["exclude_docs"] = "guides/new-hires.md\n"
    config.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    site = built(config, tmp_path / "site", WORKSHEET_FRAMEWORK)
    assert not (site.root / "guides" / "new-hires").exists()
    onboarding = (site.root / "worksheets" / "second" / "onboarding.html").read_text(encoding="utf-8")
    assert f"{site.framework.meta.site_url}guides/" not in onboarding


def test_the_sites_pages_are_read_as_mkdocs_publishes_them(tmp_path: Path) -> None:
    """A folder's README.md is its page when it has no index.md (as MkDocs has it), so a guide
    written as README.md keeps its worksheet links."""
    for source in ("index.md", "guides/README.md", "guides/new-hires.md", "team/index.md", "team/README.md"):
        (tmp_path / source).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / source).write_text("# A page\n", encoding="utf-8")
    assert site_pages(tmp_path) == {"", "guides/", "guides/new-hires/", "team/", "team/README/"}


def test_the_sites_pages_leave_out_what_mkdocs_and_zensical_leave_out(tmp_path: Path) -> None:
    """Hidden files, templates/ and the patterns of exclude_docs and draft_docs (gitignore's syntax)."""
    for source in ("index.md", ".notes.md", "templates/page.md", "guides/old.md", "guides/wip.md", "guides/kept.md"):
        (tmp_path / source).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / source).write_text("# A page\n", encoding="utf-8")
    assert site_pages(tmp_path, "guides/old.md\n\n*wip*\n") == {"", "guides/kept/"}


def test_ladder_render_leaves_unlinked_the_guides_its_configuration_leaves_out(tmp_path: Path) -> None:
    """The project `ladder render --config` writes (for Zensical) follows the same rule as the site."""
    config = site_with(tmp_path, ["html"])
    (tmp_path / "docs" / "guides").mkdir()
    (tmp_path / "docs" / "guides" / "new-hires.md").write_text("# New hires\n", encoding="utf-8")
    onboarding = Path("docs", "worksheets", "second", "onboarding.html")
    address = load_framework(WORKSHEET_FRAMEWORK).meta.site_url
    for left_out, linked in (("", True), ("guides/new-hires.md\n", False)):
        data = yaml.safe_load(config.read_text(encoding="utf-8"))
        data["draft_docs"] = left_out
        config.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
        project = tmp_path / f"project-{linked}"
        result = CliRunner().invoke(main, ["render", str(project), "--config", str(config)])
        assert result.exit_code == 0, result.output
        text = (project / onboarding).read_text(encoding="utf-8")
        assert (f'href="{address}guides/new-hires/"' in text) is linked
