"""Old addresses that keep working: every former id, and every URL in published-ids.lock.

A link pasted into last year's feedback must still land on the right section. Two kinds of
old address need help:
- a page that no longer exists (a level, dimension, standard or example renamed, its old id
  kept in `aliases`): a redirect page at the old address, made by the mkdocs-redirects plugin,
  which carries the `#fragment` along to the new page;
- a fragment that is no longer on the page it lands on (a statement moved to another
  standard): an extra anchor at the old place that ladder.js follows to the new one.
A former id that is still on the same page needs neither: the page carries an anchor for
each alias (see `heading` in ladder.render.environment).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from markupsafe import Markup, escape

from ladder import urls
from ladder.lock import Published
from ladder.model import Framework


@dataclass(frozen=True)
class OldAddresses:
    redirects: dict[str, str] = field(default_factory=dict)  # old page source -> current page source
    moved: dict[str, dict[str, str]] = field(default_factory=dict)  # page source -> {old fragment: site URL}


def old_addresses(framework: Framework, published: dict[str, Published], pages: Iterable[str]) -> OldAddresses:
    """Where every former address should now lead. `pages`: the source paths the site builds."""
    existing = set(pages)
    result = OldAddresses()
    for item in framework.items():
        if urls.anchor(item) is None:  # the item is a page: its former ids were pages too
            for alias in item.aliases:
                old = urls.source(urls.page(replace(item, id=alias)))
                if old not in existing:
                    result.redirects.setdefault(old, urls.source(urls.page(item)))
    for ident, record in sorted(published.items()):
        try:
            item = framework.get(ident)
        except KeyError:
            continue  # `ladder validate` reports a published id that is gone
        current = urls.url(item)
        anchors = {urls.anchor(item), *item.aliases} - {None}
        for address in record.urls:
            page, _, fragment = address.partition("#")
            landing = _landing(urls.source(page), urls.source(urls.page(item)), existing, result.redirects)
            on_item_page = landing == urls.source(urls.page(item))
            if fragment and not (on_item_page and fragment in anchors):
                result.moved.setdefault(landing, {}).setdefault(fragment, current)
    return result


def _landing(old: str, now: str, existing: set[str], redirects: dict[str, str]) -> str:
    """The page a reader of the old page address ends up on (adding a redirect if none leads on)."""
    if old in existing:
        return old
    return redirects.setdefault(old, now)


def moved_anchors(page: str, moved: dict[str, str]) -> str:
    """HTML for the end of a page: one empty element per old fragment, saying where it went."""
    elements = [
        f'<span id="{escape(fragment)}" class="ladder-moved" data-ladder-moved="{escape(_relative(page, target))}">'
        "</span>"
        for fragment, target in sorted(moved.items())
    ]
    return str(Markup("\n".join(elements)))


def _relative(source: str, target: str) -> str:
    """A link from the page built from `source` (levels/senior.md is levels/senior/) to a site URL."""
    return urls.from_page(urls.page_url(source), target)
