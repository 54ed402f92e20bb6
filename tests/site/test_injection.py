"""A framework whose every text field carries script, built strictly and opened in Chromium: nothing runs.

`fixtures/site/injection/` puts a payload in every text field the YAML has (names, titles,
prose, the proficiency scale, the standards' statements, the example's key steps) and every
link form that has got past filters before: raw HTML, `javascript:` in any case, with an
entity or a tab, reference definitions split across texts, a backslash before a bracket or a
backtick, a code span as the destination, `data:` and `vbscript:` links, attribute lists.
Every page is opened with a listener for dialogs; every link written in YAML text is clicked;
and the text still reads exactly as typed.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Browser

from tests.site.conftest import SITE_FIXTURES, Built, assemble_case, built, fixture_config, unsafe_markup

pytestmark = pytest.mark.browser

HOME = """\
---
render_macros: true
---

# {{ framework.meta.name }}

By {{ framework.meta.organisation }}. {{ framework.meta.description }}

{{ quote('ownership-fixes-it') }}

{{ example('write-tests') }}

{{ link('first') }} and {{ link('first', dimension='craft') }}.
"""
SCHEMES_ALLOWED = ("http:", "https:", "mailto:")


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Built:
    work = tmp_path_factory.mktemp("injection")
    framework = assemble_case(SITE_FIXTURES / "injection", work)
    config = fixture_config(work, framework, {"index.md": HOME})
    return built(config, work / "site", framework)


def pages(site: Built) -> list[str]:
    """Every HTML page of the site, as URLs relative to its root (the redirect pages left out)."""
    found = []
    for path in sorted(site.root.rglob("*.html")):
        relative = path.relative_to(site.root).as_posix()
        if relative != "404.html":
            found.append(relative.removesuffix("index.html"))
    return found


def test_no_page_runs_script_and_no_yaml_link_leaves_the_allowed_schemes(
    hostile: Built, browser: Browser, serve: object
) -> None:
    base = serve(hostile.root)  # type: ignore[operator]
    dialogs: list[str] = []
    context = browser.new_context()
    page = context.new_page()
    page.on("dialog", lambda dialog: (dialogs.append(f"{page.url}: {dialog.message}"), dialog.dismiss()))
    clicked = 0
    for url in pages(hostile):
        page.goto(base + url)
        page.wait_for_load_state("load")
        handlers = page.evaluate(
            "() => [...document.querySelectorAll('article *')].flatMap(e => [...e.attributes]"
            ".filter(a => a.name.startsWith('on')).map(a => e.tagName + ' ' + a.name))"
        )
        assert handlers == [], (url, handlers)
        schemes = page.evaluate("() => [...document.querySelectorAll('a[href]')].map(a => a.protocol)")
        assert set(schemes) <= {*SCHEMES_ALLOWED, "file:"} | {base.split("//")[0]}, (url, set(schemes))
        # Links written in YAML text are the ones whose address came from a person: click each.
        written = page.locator("article a[rel~=noopener]")
        for index in range(written.count()):
            link = written.nth(index)
            href = link.get_attribute("href") or ""
            if href.startswith(("http:", "https:", "mailto:")) and not href.startswith(base):
                continue  # another host: this machine's network is closed, and it runs no script of ours
            link.click(no_wait_after=True)
            page.wait_for_timeout(50)
            clicked += 1
            if page.url.split("#")[0] != base + url:
                page.goto(base + url)
    context.close()
    assert not dialogs, dialogs
    assert clicked >= 1


def test_the_text_reads_as_typed(hostile: Built) -> None:
    level = hostile.html("levels/first/")
    text = re.sub(r"<[^>]+>", "", level)
    assert "</title><script>alert('title')</script>" in text.replace("&lt;", "<").replace("&gt;", ">").replace(
        "&#39;", "'"
    )
    assert "{{ 7*7 }} {% raw %}" in text
    assert '<a href="https://tracker.example.com/p.png" rel="noopener noreferrer">pixel</a>' in level
    assert "<strong>bold</strong> <em>em</em> <code>code</code>" in level
    assert "<title>L1 &lt;/title&gt;&lt;script&gt;alert('title')&lt;/script&gt; - " in level.replace("&#39;", "'")
    home = hostile.html("")
    assert "&lt;script&gt;alert(&#39;name&#39;)&lt;/script&gt; Handbook" in home or (
        "&lt;script&gt;alert('name')&lt;/script&gt; Handbook" in home
    )
    for page in hostile.root.rglob("*.html"):
        assert unsafe_markup(page.read_text(encoding="utf-8")) == [], page


def test_every_page_and_the_worksheets_reach_the_site(hostile: Built) -> None:
    assert len(pages(hostile)) >= 12
    worksheet = (hostile.root / "worksheets" / "first" / "expectations.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert" in worksheet and unsafe_markup(worksheet) == []
    assert Path(hostile.root / "framework.json").is_file()


def test_the_checker_sees_what_would_run_and_not_what_is_text() -> None:
    assert unsafe_markup('<img src=x onerror="alert(1)">') == ["<img onerror=...>"]
    assert unsafe_markup('<a href=" JavaScript:alert(1)">x</a>') == ["<a href=' JavaScript:alert(1)'>"]
    assert unsafe_markup("<script>alert(1)</script>") == ["<script>alert(1)"]
    assert unsafe_markup('<p title="&lt;img onerror=alert(1)&gt;">&lt;script&gt;alert(1)</p>') == []


def test_search_results_show_the_names_they_carry_as_text(hostile: Built, browser: Browser, serve: object) -> None:
    """A result's tags (the level it belongs to) are placed by Material as HTML: Ladder escapes them."""
    base = serve(hostile.root)  # type: ignore[operator]
    dialogs: list[str] = []
    page = browser.new_page()
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(base)
    page.get_by_role("textbox", name="Search").click()
    page.keyboard.type("title")  # a word of the level's name, which is the payload
    tag = page.locator(".md-search-result .md-tag", has_text="alert('title')").first
    tag.wait_for()
    assert "</title><script>alert('title')</script>" in tag.inner_text()
    page.close()
    assert not dialogs, dialogs
