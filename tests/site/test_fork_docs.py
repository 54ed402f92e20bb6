"""The project's own hand-written pages (home, guides, worksheets, adapt) against a fork's framework.

The guides cite the bundled framework's items by id. An organisation that starts from `ladder new`
has none of them, and its handbook must still build strictly with no change to docs/: each
citation shows its `otherwise` words instead. The project's own handbook links every cited item
its framework has.
"""

from __future__ import annotations

import posixpath
import shutil

import pytest
import yaml
from click.testing import CliRunner

from ladder import urls
from ladder.cli import main
from tests.citations import DOCS, RATINGS, citations, counted_instead, page_url, plain, shown_instead, words
from tests.conftest import ROOT
from tests.site.conftest import Built, built, fixture_config


@pytest.fixture(scope="module", params=["as written", "without standards or examples"])
def fresh(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Built:
    """The project's docs/ and navigation, built against the framework `ladder new` writes
    (and against the same with its standard and example deleted, as a fork may start)."""
    work = tmp_path_factory.mktemp("fresh")
    framework = work / "framework"
    created = CliRunner().invoke(main, ["new", str(framework)])
    assert created.exit_code == 0, created.output
    if request.param == "without standards or examples":
        shutil.rmtree(framework / "standards")
        shutil.rmtree(framework / "examples")
    docs = {path.relative_to(DOCS).as_posix(): path.read_text(encoding="utf-8") for path in DOCS.rglob("*.*")}
    nav = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))["nav"]
    return built(fixture_config(work, framework, docs, nav), work / "site", framework)


def test_every_citation_in_the_docs_says_what_to_show_without_its_item() -> None:
    cited = citations()
    assert len(cited) > 50  # the guides lean on the framework; this reads them all
    missing = [f"{each.page}: {each.macro}('{each.ident}')" for each in cited if each.otherwise is None]
    assert not missing, f"citations a fork's framework may lack, with no otherwise='...': {missing}"


def test_the_projects_handbook_links_each_cited_item_its_framework_has(handbook: Built) -> None:
    """Upstream, framework/ is the example the guides were written for, so every citation links and
    the build counts none shown as words; in a fork, those its framework lacks are counted."""
    assert "not in this framework" not in handbook.output
    shown = shown_instead(handbook.framework)
    missing = [each for each in citations() if (each.page, each.macro, each.ident) in shown]
    assert counted_instead(handbook.output) == (len(missing), len({each.page for each in missing}))
    for citation in citations():
        if citation.macro != "link" or (citation.page, citation.macro, citation.ident) in shown:
            continue
        item = handbook.framework.get(citation.ident)
        target = posixpath.relpath(urls.page(item), page_url(citation.page) or ".") + "/"
        assert f'href="{target}' in handbook.html(page_url(citation.page)), citation


def test_the_docs_build_strictly_against_a_new_framework(fresh: Built) -> None:
    assert "WARNING" not in fresh.output and "ERROR" not in fresh.output, fresh.output
    for source in sorted({citation.page for citation in citations()} | {"index.md", "worksheets.md", "adapt.md"}):
        assert (fresh.root / page_url(source) / "index.html").is_file(), source


def test_each_citation_the_new_framework_lacks_shows_its_otherwise_words(fresh: Built) -> None:
    shown = shown_instead(fresh.framework)
    cited = citations()
    assert len(shown) > 30, fresh.output
    missing = [each for each in cited if (each.page, each.macro, each.ident) in shown]
    assert counted_instead(fresh.output) == (len(missing), len({each.page for each in missing})), fresh.output
    assert shown <= {(citation.page, citation.macro, citation.ident) for citation in cited}
    for citation in cited:
        text = words(fresh.html(page_url(citation.page)))
        if (citation.page, citation.macro, citation.ident) in shown:
            assert citation.otherwise is not None
            assert " ".join(plain(citation.otherwise).split()) in text, citation
        elif citation.macro != RATINGS:  # the new framework happens to have this id ('engineer'): it links it
            fresh.framework.get(citation.ident)


def test_the_home_page_counts_what_the_framework_has(fresh: Built) -> None:
    home = words(fresh.html(""))
    if fresh.framework.standards:
        assert "1 standard of excellence applies to everyone" in home
        assert "The example library holds 1 of them" in home
    else:
        assert "(one track) and judged on 2 dimensions." in home
        article = fresh.html("").split("<article", 1)[1].split("</article>", 1)[0]
        assert "standards of excellence" not in words(article).lower()
        assert "the example library is where the ones worth reusing will go" in home


def test_lists_built_from_the_framework_follow_it(fresh: Built, handbook: Built) -> None:
    """Where a guide lists framework items (dimensions, standards, examples by level), it loops over them."""
    for site in (fresh, handbook):
        table = site.html("guides/promotion-cases/")
        assert all(f'href="../../dimensions/{dimension.id}/"' in table for dimension in site.framework.dimensions)
        feedback = site.html("guides/continuous-feedback/")
        assert all(f'href="../../standards/{standard.id}/"' in feedback for standard in site.framework.standards)
        by_level = site.html("guides/setting-expectations/")
        assert all(f'href="../../examples/{example.id}/"' in by_level for example in site.framework.examples[:1])


def test_the_worksheets_page_describes_only_the_parts_the_worksheets_have(fresh: Built) -> None:
    """A worksheet leaves out its standards and examples sections when the framework has none, so the
    page that describes the worksheets does not promise them; one track has no shared levels to explain."""
    page = words(fresh.html("worksheets/").split("<article", 1)[1].split("</article>", 1)[0])
    has = bool(fresh.framework.standards)
    assert ("one above-the-line example per standard" in page) == has
    assert ("ideas from the example library" in page) == bool(fresh.framework.examples)
    assert ("dimension and standard it mentions" in page) == has
    assert "several tracks share list the next level" not in page  # `ladder new` writes one track
