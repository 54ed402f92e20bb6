"""The closed-up forms of hyphenated words that go into the search index (ladder.render.spellings)."""

from __future__ import annotations

from ladder.render.spellings import closed_up, markdown_with_spellings, with_spellings


def test_hyphenated_words_are_closed_up_once_each_and_numbers_are_left_alone() -> None:
    text = "Joins the on-call rotation, then leads on-call for 2-3 teams; a day-to-day p95-latency Follow-Up."
    assert closed_up(text) == ["oncall", "daytoday", "followup"]


def test_each_section_ends_with_the_forms_of_its_own_words() -> None:
    page = (
        '<h1 id="senior">Senior</h1><p>Leads the on-call rotation.</p>'
        '<h2 id="delivery">Delivery</h2><p>Plans <code>pre-commit</code> hooks with <a href="/x-y/">the team</a>.</p>'
        '<h2 id="scope">Scope</h2><ul><li>Cross-team work &amp; well-kept docs.</li></ul>'
    )
    sections = with_spellings(page).split("<h2")
    assert sections[0].endswith('<p class="ladder-spellings" hidden>oncall</p>\n')
    assert "ladder-spellings" not in sections[1]  # code and link targets are not prose
    assert sections[2].endswith('<p class="ladder-spellings" hidden>crossteam wellkept</p>\n')


def test_a_page_without_hyphenated_words_is_unchanged() -> None:
    page = '<h1 id="a">A</h1><p>Nothing joined here, not even 2-3 or <code>a-b</code>.</p>'
    assert with_spellings(page) == page


def test_markdown_sections_end_with_the_same_hidden_paragraph_for_engines_without_hooks() -> None:
    page = (
        '---\ntags: ["Follow-up"]\n---\n# Senior {: #senior }\n\nLeads the on-call rotation.\n\n'
        "```sh\n# not-a-heading\npre-commit run\n```\n\n"
        "## Delivery\n\nRuns `pre-commit` with [the team](x-y/) and [follow-up](a/) work.\n"
        "- Cross-team work\n"
    )
    written = markdown_with_spellings(page)
    front_matter = written.split("\n---\n", 1)[0]
    assert front_matter == '---\ntags: ["Follow-up"]'  # left as it is: not a section, not prose
    first, second = written.split("## Delivery")
    assert first.count("ladder-spellings") == 1  # the fence's "# not-a-heading" starts no section
    assert first.endswith('```\n\n<p class="ladder-spellings" hidden>oncall</p>\n\n')
    assert second.endswith('- Cross-team work\n\n<p class="ladder-spellings" hidden>followup crossteam</p>\n\n')
    assert markdown_with_spellings("# A\n\nNothing joined, not `a-b` nor [link](x-y/).\n").count("ladder") == 0


def test_attribute_lists_are_not_prose() -> None:
    """The class names of a generated page's attribute lists are not words a reader searches for."""
    page = (
        '# L4 Senior { #senior .ladder-level data-cite="x" }\n\nLeads on-call.\n{: .ladder-summary }\n\n'
        "## Delivery {.ladder-dimension}\n\nShips {:.no-class} nothing joined.\n"
    )
    first, second = markdown_with_spellings(page).split("## Delivery")
    assert first.endswith('{: .ladder-summary }\n\n<p class="ladder-spellings" hidden>oncall</p>\n\n')
    assert "ladder-spellings" not in second
