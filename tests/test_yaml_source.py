"""Reading YAML: positions, and the inputs PyYAML's own loaders get wrong or die on."""

from __future__ import annotations

import time
from datetime import date

from ladder.yaml_source import MAX_DEPTH, Mark, parse


def test_values_and_their_positions() -> None:
    document, issues = parse("id: senior\nlevels:\n  - one\n  - two\nmeta: {a: 1}\n")
    assert issues == []
    assert document is not None
    assert document.data == {"id": "senior", "levels": ["one", "two"], "meta": {"a": 1}}
    assert document.mark(("levels", 1)) == Mark(4, 5)
    assert document.mark(("meta", "a")) == Mark(5, 11)
    assert document.mark(("meta",), key=True) == Mark(5, 1)
    # A path below a scalar falls back to the nearest position known.
    assert document.mark(("levels", 1, "deeper")) == Mark(4, 5)


def test_duplicate_key_is_reported_and_the_first_value_kept() -> None:
    document, issues = parse("a: 1\nb: 2\na: 3\n")
    assert document is not None and document.data == {"a": 1, "b": 2}
    assert [(issue.mark, issue.code) for issue in issues] == [(Mark(3, 1), "duplicate-key")]
    assert "first defined at line 1" in issues[0].message


def test_yaml_11_words_are_remembered_so_messages_can_quote_them() -> None:
    document, _ = parse("a: no\nb: 'no'\nc: 2024-01-31\nd: 1.0\ne: on\n")
    assert document is not None
    assert document.data == {"a": False, "b": "no", "c": date(2024, 1, 31), "d": 1.0, "e": True}
    assert document.plain_scalars == {("a",): "no", ("c",): "2024-01-31", ("d",): "1.0", ("e",): "on"}


def test_plain_text_that_only_starts_like_a_keyword_stays_text() -> None:
    document, _ = parse("a: no way\nb: Yesterday\nc: 12 weeks\nd: ~tilde\n")
    assert document is not None
    assert document.data == {"a": "no way", "b": "Yesterday", "c": "12 weeks", "d": "~tilde"}


def test_alias_bomb_is_refused_quickly() -> None:
    lines = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for previous, name in zip("abcdefgh", "bcdefghi", strict=True):
        lines.append(f"{name}: &{name} [{', '.join([f'*{previous}'] * 9)}]")
    started = time.perf_counter()
    document, issues = parse("\n".join(lines))
    assert time.perf_counter() - started < 1.0
    assert document is None
    assert [issue.code for issue in issues] == ["alias-bomb"]


def test_modest_aliases_are_fine() -> None:
    document, issues = parse("base: &steps [one, two]\nagain: *steps\n")
    assert issues == []
    assert document is not None and document.data["again"] == ["one", "two"]


def test_very_deep_nesting_is_refused_not_a_crash() -> None:
    # libyaml's own composer overflows the C stack on input like this and kills Python.
    document, issues = parse("a: " + "[" * 100_000 + "]" * 100_000)
    assert document is None
    assert issues[0].code == "yaml-depth"
    assert f"deeper than {MAX_DEPTH}" in issues[0].message


def test_empty_and_comment_only_files_are_empty() -> None:
    for text in ("", "\n\n", "# a comment\n"):
        document, issues = parse(text)
        assert document is None
        assert [issue.code for issue in issues] == ["empty-file"]


def test_syntax_error_points_at_the_problem() -> None:
    document, issues = parse("a: [1, 2\nb: 3\n")
    assert document is None
    assert issues[0].code == "yaml-syntax"
    assert issues[0].mark.line == 2


def test_tabs_for_indentation_are_a_syntax_error() -> None:
    document, issues = parse("a:\n\t- b\n")
    assert document is None and issues[0].code == "yaml-syntax"


def test_merge_keys_and_unknown_tags_are_refused() -> None:
    document, issues = parse("base: &b {x: 1}\nitem:\n  <<: *b\nother: !!python/object:os.system ls\n")
    assert document is not None
    assert sorted(issue.code for issue in issues) == ["yaml-merge", "yaml-tag"]
