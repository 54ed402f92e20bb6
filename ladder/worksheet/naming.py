"""File names for worksheets, made from people's names: readable, safe on every system, never clashing.

A roster is typed by people, so a name may hold anything: `../../x`, `<script>`, quotes,
control characters, 300 characters, or a script other than Latin. The file name keeps
the letters and digits of any script (so `李小龍` and `محمد` stay readable), drops
everything else, and can never climb out of the output folder.
"""

from __future__ import annotations

import unicodedata

# Long enough for any real name, short enough that folder + name + suffix stays far below the
# 255-byte limit of common file systems even when every character takes 3 bytes in UTF-8.
MAX_CHARACTERS = 60
MAX_BYTES = 150
FALLBACK = "worksheet"
# Names Windows refuses as files whatever the extension.
_RESERVED = {"con", "prn", "aux", "nul", *(f"com{n}" for n in range(1, 10)), *(f"lpt{n}" for n in range(1, 10))}


def safe_name(text: str) -> str:
    """`text` as a file-name stem: letters, marks and digits of any script, words joined by '-'."""
    normal = unicodedata.normalize("NFKC", text)
    words: list[str] = []
    current: list[str] = []
    for character in normal:
        if unicodedata.category(character)[0] in "LMN":
            current.append(character)
        elif current:
            words.append("".join(current))
            current = []
    if current:
        words.append("".join(current))
    stem = _shorten("-".join(words))
    if not stem:
        return FALLBACK
    if stem.casefold() in _RESERVED:
        stem = f"{stem}-{FALLBACK}"
    return stem


def _shorten(stem: str) -> str:
    stem = stem[:MAX_CHARACTERS]
    while len(stem.encode("utf-8")) > MAX_BYTES:
        stem = stem[:-1]
    # Never end on a combining mark cut from its letter, nor on a joining hyphen.
    while stem and (unicodedata.category(stem[-1]).startswith("M") or stem[-1] == "-"):
        stem = stem[:-1]
    return stem


def worksheet_stem(name: str, level: str, kind: str) -> str:
    """The stem for one worksheet: the person's name (or the level for a blank one) and the kind."""
    return f"{safe_name(name or level)}-{safe_name(kind)}"


class UniqueNames:
    """Hands out file names so that two people with the same name in one run never share a file.

    Names are compared case-insensitively, because macOS and Windows treat `Ana` and `ana`
    as the same file. The first person keeps the plain name; later ones get -2, -3, ...
    in roster order, so a rerun of the same roster gives every row the same file again.
    """

    def __init__(self) -> None:
        self._taken: set[str] = set()

    def claim(self, stem: str, suffix: str) -> str:
        candidate = f"{stem}.{suffix}"
        number = 1
        while candidate.casefold() in self._taken:
            number += 1
            candidate = f"{stem}-{number}.{suffix}"
        self._taken.add(candidate.casefold())
        return candidate
