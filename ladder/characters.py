"""Characters no text of Ladder's may hold: they cannot be shown, printed or saved safely.

A control character (other than a tab or a line break in long text) corrupts a terminal
line, an XML file (so a DOCX worksheet) or a heading; a non-character (U+FFFE, U+FFFF, ...)
or a lone surrogate is not text at all, and XML and UTF-8 refuse both. YAML lets a double-
quoted string spell any of them ("\\x07"), and a roster cell or a command-line option can
carry them too, so every one of those inputs is checked here.
"""

from __future__ import annotations

import re
import unicodedata

LONG_TEXT_ALLOWS = frozenset("\t\n")  # in prose: a tab, and line breaks a YAML block keeps
_NON_CHARACTERS = "".join(f"\\U{plane:04X}FFFE\\U{plane:04X}FFFF" for plane in range(17))
# Any character `problem` would name (control characters, surrogates, non-characters): one scan in C
# finds the rare text that needs a closer look.
SUSPECT = re.compile(f"[\\x00-\\x1f\\x7f-\\x9f\\ud800-\\udfff\\ufdd0-\\ufdef{_NON_CHARACTERS}]")


def problem(value: str, *, long_text: bool = False) -> str | None:
    """What is wrong with `value`, as a phrase ("holds the control character U+0007 at character 12"),
    or None when every character can be shown. `long_text` allows tabs and line breaks."""
    # Every character named here (control, surrogate, non-character) is one str.isprintable() refuses,
    # and that test is a tenth of the search's time: most text stops at it.
    if value.isprintable() or not SUSPECT.search(value):
        return None
    for position, character in enumerate(value, start=1):
        code = ord(character)
        if long_text and character in LONG_TEXT_ALLOWS:
            continue
        if 0xD800 <= code <= 0xDFFF:
            kind = "a lone surrogate"
        elif (0xFDD0 <= code <= 0xFDEF) or (code & 0xFFFE) == 0xFFFE:
            kind = "the non-character"
        elif unicodedata.category(character) == "Cc":
            kind = "a line break" if character in "\n\r" else "the control character"
        else:
            continue
        return f"holds {kind} U+{code:04X} at character {position}; remove it"
    return None


def printable(text: str) -> str:
    """Text safe to print on one terminal line: control and invisible characters written as escapes
    (`\\x1b`, `\\n`), so a name that holds them can neither move the cursor nor forge a new line."""
    if text.isprintable():
        return text
    return "".join(character if character.isprintable() else _escape(character) for character in text)


def _escape(character: str) -> str:
    return character.encode("unicode_escape", "backslashreplace").decode("ascii")
