"""The hand-written pages' citations of framework items, read from their Markdown source.

A citation is a macro call with a literal id, such as `{{ link('senior', otherwise='a senior engineer') }}`
(calls whose id comes from the framework itself, such as `link(level.id)`, are not citations).
The build logs one INFO line counting the citations it shows as their `otherwise` text
(`mkdocs build -v` lists each one).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ladder.model import Framework
from tests.conftest import ROOT

DOCS = ROOT / "docs"
CALL = re.compile(r"\{\{\s*(link|quote|example|levels_list|ratings)\((.*?)\)\s*\}\}", re.DOTALL)
LITERAL_ID = re.compile(r"""\s*'([a-z0-9-]+)'""")
OTHERWISE = re.compile(r"""otherwise=(?:'([^']*)'|"([^"]*)")""")
RATINGS = "ratings"
SHOWN_INSTEAD = re.compile(r"INFO\s+-\s+Ladder: (\d+) citations? on (\d+) pages? name items")


@dataclass(frozen=True)
class Citation:
    page: str  # the page's path under docs/, e.g. "guides/calibration.md"
    macro: str
    ident: str
    otherwise: str | None


def citations(docs: Path = DOCS) -> list[Citation]:
    found = []
    for path in sorted(docs.rglob("*.md")):
        text = path.read_text(encoding="utf-8")
        if "render_macros: true" not in front_matter(text):
            continue  # macros are text here, as in the adapt guide that shows how to write them
        for macro, arguments in CALL.findall(text):
            ident = LITERAL_ID.match(arguments)
            if ident or macro == RATINGS:  # ratings() cites the framework's ratings: no id
                otherwise = OTHERWISE.search(arguments)
                shown = None if otherwise is None else otherwise.group(1) or otherwise.group(2) or ""
                found.append(Citation(path.relative_to(docs).as_posix(), macro, ident.group(1) if ident else "", shown))
    return found


def page_url(source: str) -> str:
    """The site URL of a page under docs/: "guides/calibration.md" -> "guides/calibration/", "index.md" -> ""."""
    return re.sub(r"(^|/)index/$", r"\1", source.removesuffix(".md") + "/")


def front_matter(text: str) -> list[str]:
    if not text.startswith("---\n"):
        return []
    return text[4:].partition("\n---\n")[0].splitlines()


def shown_instead(framework: Framework) -> set[tuple[str, str, str]]:
    """(page, macro, id) of each citation a build against `framework` shows as its `otherwise` text."""
    known = {alias for item in framework.items() for alias in (item.id, *item.aliases)}
    if framework.ratings is not None:
        known.add("")  # ratings() cites the ratings, which this framework has
    return {(each.page, each.macro, each.ident) for each in citations() if each.ident not in known}


def counted_instead(build_output: str) -> tuple[int, int]:
    """(citations, pages) the build's one summary line says showed their `otherwise` words."""
    match = SHOWN_INSTEAD.search(build_output)
    return (int(match.group(1)), int(match.group(2))) if match else (0, 0)


def plain(markdown: str) -> str:
    """What a reader sees of a short Markdown text: the words, without emphasis or link targets."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", markdown)
    return text.replace("**", "").replace("`", "")


def words(html: str) -> str:
    """A page's text with its tags dropped and its white space collapsed, to look for a phrase in."""
    text = re.sub(r"<[^>]+>", "", html).replace("&#39;", "'").replace("&quot;", '"').replace("&amp;", "&")
    return " ".join(text.split())
