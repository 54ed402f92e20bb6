"""The "What changed" page and each level's changes since the previous version, read from git history."""

from __future__ import annotations

import re
import shutil

import pytest

from tests.conftest import BASE, FIXTURES, edit, git
from tests.site.conftest import Built, built, fixture_config
from tests.test_changelog import two_versions as committed_two_versions

SHAPES = FIXTURES / "shapes"


def text_of(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


@pytest.fixture(scope="module")
def two_versions(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """A fork's repository: version 0.1.0 committed, then 0.2.0 with a known set of edits."""
    repo = committed_two_versions(tmp_path_factory.mktemp("history"))
    return built(fixture_config(repo, repo / "framework", {"index.md": "# Home\n"}), repo / "site", repo / "framework")


def test_what_changed_page_lists_each_edit_with_a_link_to_the_item_now(two_versions: Built) -> None:
    html = two_versions.html("changes/")
    text = text_of(html)
    assert "Version 0.2.0 (" in text and "Compared with version 0.1.0:" in text
    assert 'id="changes--0.2.0"' in html
    assert re.search(
        r'<strong>Renamed</strong> <code>second</code> → <a href="\.\./levels/second-level/">L2 Senior Level</a>', html
    )
    assert "Title: “Second Level” → “Senior Level”" in text
    assert '<strong>Changed</strong> <a href="../levels/first/">L1 First Level</a>' in html
    assert "Reach: added “Asks for help when stuck for a day.”" in text
    assert "Craft proficiency: “working” → “expert”" in text
    assert "Side: “above the line” → “below the line”" in text
    assert "<strong>Removed</strong> Write tests (<code>write-tests</code>)" in html
    assert '<strong>Added</strong> <a href="../examples/review-code/">Write tests</a>' in html


def test_a_level_page_says_what_changed_in_it_since_the_previous_version(two_versions: Built) -> None:
    changed = text_of(two_versions.html("levels/first/"))
    assert "Changes since version 0.1.0" in changed
    assert (
        "Changed in version 0.2.0: Craft proficiency: “working” → “expert” "
        "Reach: added “Asks for help when stuck for a day.”"
    ) in changed
    renamed = text_of(two_versions.html("levels/second-level/"))
    assert "Its id changed from second to second-level in version 0.2.0" in renamed


def test_without_history_the_page_says_so(tricky: Built) -> None:
    text = text_of(tricky.html("changes/"))
    assert "There is no earlier version of" in text
    assert "Changes since version" not in text_of(tricky.html("levels/second/"))


@pytest.fixture(scope="module")
def forked(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """A fork's repository: the example framework (1.0.0) in its history, then the fork's own
    framework put in its place at 3.0.0 and edited as 3.2.0."""
    repo = tmp_path_factory.mktemp("forked")
    framework = repo / "framework"
    shutil.copytree(BASE, framework)
    edit(framework / "framework.yaml", "version: 0.1.0\n", "version: 1.0.0\nfirst_version: 1.0.0\n")
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "the example")
    shutil.rmtree(framework)
    shutil.copytree(SHAPES / "cumulative-gaps", framework)
    edit(framework / "framework.yaml", "version: 3.2.0\n", "version: 3.0.0\n")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "our own framework")
    edit(framework / "framework.yaml", "version: 3.0.0\n", "version: 3.2.0\n")
    edit(framework / "levels/engineer-1.yaml", "with a test for each.", "with a test for each, and a note.")
    git(repo, "commit", "-q", "-am", "3.2.0")
    return built(fixture_config(repo, framework, {"index.md": "# Home\n"}), repo / "site", framework)


def test_a_forks_history_starts_at_its_own_first_version(forked: Built) -> None:
    changes = text_of(forked.html("changes/"))
    assert "Version 3.2.0 (" in changes and "Compared with version 3.0.0:" in changes
    assert "1.0.0" not in changes and "0.1.0" not in changes
    first = text_of(forked.html("levels/engineer-1/"))
    assert "Changes since version 3.0.0" in first and "1.0.0" not in first
    assert "Nothing in this level changed" in text_of(forked.html("levels/principal/"))
