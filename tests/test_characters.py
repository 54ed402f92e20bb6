"""Characters no text may hold (ladder.characters): named with their place, whatever else the text holds."""

from __future__ import annotations

import pytest

from ladder.characters import SUSPECT, problem


def test_no_character_the_check_names_passes_as_printable() -> None:
    """problem() lets text through on str.isprintable() before searching it: that is only right while
    every character SUSPECT matches is one Python does not count as printable."""
    printable = [hex(code) for code in range(0x110000) if SUSPECT.match(chr(code)) and chr(code).isprintable()]
    assert printable == []


@pytest.mark.parametrize(
    ("value", "long_text", "expected"),
    [
        ("Leads the on-call rotation.", False, None),
        ("No\u00a0break and a zero\u200dwidth joiner", False, None),  # not printable to Python, but showable
        ("Bell\x07here", False, "holds the control character U+0007 at character 5; remove it"),
        ("Two\nlines", False, "holds a line break U+000A at character 4; remove it"),
        ("Two\nlines\tand a tab", True, None),
        ("Half \ud800 a pair", False, "holds a lone surrogate U+D800 at character 6; remove it"),
        ("End\ufffe", False, "holds the non-character U+FFFE at character 4; remove it"),
        ("Plane two \U0002fffe", True, "holds the non-character U+2FFFE at character 11; remove it"),
    ],
)
def test_each_unshowable_character_is_named_with_its_place(value: str, long_text: bool, expected: str | None) -> None:
    assert problem(value, long_text=long_text) == expected
