"""Parts every kind of worksheet shares, built from the framework: header, level, standards, examples.

Links are absolute (the framework's `site_url` plus the path `ladder.urls` decides), so a
worksheet pasted into a wiki or printed to PDF still points at the right handbook page.
"""

from __future__ import annotations

from collections import Counter
from functools import lru_cache
from typing import Any

from ladder import differences, urls
from ladder.assessment import Standing
from ladder.model import Cell, Dimension, Example, Level, Standard, Track
from ladder.render.text import SCHEME, runs
from ladder.render.titles import title
from ladder.wording import words
from ladder.worksheet.document import (
    Block,
    Bullets,
    Checklist,
    Facts,
    Field,
    Inline,
    Paragraph,
    Section,
    Span,
    Table,
    spans,
)
from ladder.worksheet.request import Subject


class Links:
    """Absolute handbook URLs for a subject's framework."""

    def __init__(self, subject: Subject):
        self.framework = subject.framework
        self.site = subject.framework.meta.site_url

    def to(self, relative: str) -> str:
        return urls.absolute(self.site, relative)

    def item(self, item: urls.Item) -> Span:
        """A link to any item, named as the handbook names it (ladder.render.titles)."""
        return Span(title(self.framework, item), self.to(urls.url(item)))

    def level(self, level: Level) -> Span:
        return self.item(level)

    def cell(self, level: Level, dimension: Dimension) -> Span:
        return Span(title(self.framework, dimension), self.to(urls.cell(level, dimension)))

    def standard(self, standard: Standard) -> Span:
        return self.item(standard)

    def example(self, example: Example) -> Span:
        return self.item(example)

    def track(self, track: Track) -> Span:
        return self.item(track)

    def worksheet(self, level: Level, kind: urls.WorksheetKind, text: str) -> Span:
        return Span(text, self.to(urls.worksheet(level, kind, "html")))

    def prose(self, value: str) -> Inline:
        """Prose from the YAML with its inline Markdown, through the same parser as the handbook's
        pages (ladder.render.text.runs): bold stays bold, links become links (a path inside the
        handbook made absolute), and emphasis and code show as their words."""
        return _prose(value, self.site)


@lru_cache(maxsize=65536)  # a statement is in several worksheets of a build: its spans are made once
def _prose(value: str, site: str) -> Inline:
    found = [
        Span(words, None if href is None else href if SCHEME.match(href) else urls.absolute(site, href), strong=strong)
        for words, href, strong in runs(value)
    ]
    return spans("{text}", text=tuple(found))


def plain(value: str) -> Inline:
    """A name or other text a person typed, as it is: never read as a sentence with {placeholders}."""
    return (Span(value),) if value else ()


def common(subject: Subject) -> dict[str, Any]:
    """The words every kind shares: the framework's own where it has them, else Ladder's."""
    return words("common", subject.framework)


def facts(subject: Subject, *extra: tuple[str, Inline]) -> Facts:
    """The header: who, which level and track, the period, and which framework made it, when."""
    text = common(subject)["facts"]
    links = Links(subject)
    meta = subject.framework.meta
    framework = spans(
        common(subject)["framework_value"], name=Span(meta.name, links.to(urls.HOME)), version=meta.version
    )
    rows: list[tuple[str, Inline]] = [
        (text["engineer"], plain(subject.name)),
        (text["manager"], plain(subject.manager)),
        (text["level"], (links.level(subject.level),)),
        (text["track"], track_value(subject)),
        *extra,
        (text["period"], plain(subject.period)),
        (text["framework"], framework),
        (text["made"], plain(subject.made.isoformat())),
    ]
    names = ("engineer", "manager", "", "", *("" for _ in extra), "period", "", "")
    return Facts(tuple(rows), names)


def track_value(subject: Subject) -> Inline:
    links = Links(subject)
    if subject.track is not None:
        return (links.track(subject.track),)
    listed: list[Span] = []
    for track in subject.tracks:
        listed += [Span(", "), links.track(track)]
    return spans(common(subject)["track_any"], tracks=tuple(listed[1:]))


def footer(subject: Subject) -> Inline:
    meta = subject.framework.meta
    return spans(
        common(subject)["footer"],
        framework=meta.name,
        version=meta.version,
        date=subject.made.isoformat(),
        site=Span(meta.site_url, meta.site_url),
    )


# A guide listed by its full address, on the org's own wiki say: linked as it is. Only these two
# schemes: any other text is a path inside the handbook, so it can never become a script link.
WEB_ADDRESSES = ("https://", "http://")


def guides(subject: Subject, entries: list[dict[str, str]]) -> Paragraph | None:
    """Links to the guides on this step; `entries` come from the kind's text file. A path is a
    page of the handbook (`guides/new-hires/`) or a web address of the org's own (`https://...`).
    None when the site the worksheet is published with has none of them."""
    links = Links(subject)
    listed: list[Span] = []
    for entry in entries:
        path = entry["path"]
        if path.startswith(WEB_ADDRESSES):
            listed += [Span(", "), Span(entry["title"], path)]
        elif _on_site(subject, path):
            listed += [Span(", "), Span(entry["title"], links.to(path))]
    if not listed:
        return None
    return Paragraph(spans(common(subject)["guides"], guides=tuple(listed[1:])), hint=True)


def _on_site(subject: Subject, path: str) -> bool:
    """Whether a handbook page (`guides/new-hires/`, with or without its last slash or an
    `#anchor`) is on the site the worksheet is published with; always, for one made on its own."""
    if subject.site_pages is None:
        return True
    page = path.partition("#")[0].strip("/")
    return (page + "/" if page else "") in subject.site_pages


def field(spec: dict[str, Any]) -> Field:
    """A write-in field from its text-file entry: label, optional hint, lines."""
    return Field(spec["label"], spec.get("hint", ""), int(spec.get("lines", 2)))


def choices(label: str, options: list[str]) -> Paragraph:
    """A line of boxes to tick one of, such as Yes / Partly / No."""
    return Paragraph((Span(label + " "), *(Span(option, box=True) for option in options)))


def blank_rows(columns: int, rows: int) -> tuple[tuple[Inline, ...], ...]:
    return tuple(tuple(() for _ in range(columns)) for _ in range(rows))


def table(spec: dict[str, Any], rows: tuple[tuple[Inline, ...], ...] | None = None) -> Table:
    """A table from its text-file entry; without rows, `spec["rows"]` blank rows to write in."""
    columns = tuple(spec["columns"])
    if rows is None:
        rows = blank_rows(len(columns), int(spec["rows"]))
    return Table(columns, rows, tuple(spec.get("widths", ())))


def hint(text: str) -> Paragraph:
    return Paragraph(spans(text), hint=True)


def level_section(subject: Subject, *, heading: str | None = None, next_levels: bool = True) -> Section:
    """What the level expects, dimension by dimension, with the standards everyone is held to."""
    text = common(subject)["level"]
    links = Links(subject)
    framework, level = subject.framework, subject.level
    blocks: list[Block | Section] = []
    if level.summary:
        blocks.append(Paragraph(spans(text["summary"], summary=links.prose(level.summary))))
    if level.scope:
        blocks.append(Paragraph(spans(text["scope"], scope=links.prose(level.scope))))
    below = framework.expected_below(level)
    if len(below) == 1:
        blocks.append(Paragraph(spans(text["cumulative_one"], previous=links.level(below[0]))))
    elif below:
        blocks.append(
            Paragraph(spans(text["cumulative"], lowest=links.level(below[0]), previous=links.level(below[-1])))
        )
    for dimension in framework.dimensions_for(level):
        blocks.append(dimension_section(subject, level, dimension))
    if next_levels:
        blocks.extend(next_level_paragraphs(subject))
    if framework.standards:  # a framework without standards gets no empty heading
        blocks.append(standards_section(subject))
    title = spans(heading or text["heading"], level=links.level(level))
    return Section(title, tuple(blocks))


def dimension_section(subject: Subject, level: Level, dimension: Dimension) -> Section:
    """One dimension at one level: its proficiency and statements, inherited from below when left out."""
    text = common(subject)["level"]
    links = Links(subject)
    inherited = subject.framework.cell(level, dimension.id)
    blocks: list[Block] = []
    if inherited.cell is None:
        blocks.append(hint(text["empty"]))
    elif inherited.cell.intent == "not_expected":
        blocks.append(hint(text["not_expected"]))
    else:
        if inherited.source is not None:
            blocks.append(
                Paragraph(spans(text["inherited"], level=level.name, source=links.level(inherited.source)), hint=True)
            )
        if inherited.cell.proficiency:
            step = subject.framework.proficiency(inherited.cell.proficiency, dimension)
            summary = links.prose(_lower_first(step.summary))
            blocks.append(Paragraph(spans(text["proficiency"], name=step.name, summary=summary)))
        blocks.append(Bullets(tuple(links.prose(statement.text) for statement in inherited.cell.statements)))
    return Section((links.cell(level, dimension),), tuple(blocks), depth=3, keep_together=True)


def next_level_paragraphs(subject: Subject) -> list[Paragraph]:
    text = common(subject)["level"]
    links = Links(subject)
    following = subject.next_levels()
    if not following:
        track = subject.track or subject.framework.track(subject.level.track)
        return [Paragraph(spans(text["top"], level=subject.level.name, track=track.name))]
    return [
        Paragraph(
            spans(
                text["next"],
                track=subject.framework.track(upper.track).name,
                level=links.level(upper),
                summary=links.prose(upper.summary),
            )
        )
        for upper in following
    ]


def standards_section(subject: Subject) -> Section:
    text = common(subject)["standards"]
    links = Links(subject)
    items = tuple(
        spans(text["item"], standard=links.standard(standard), question=links.prose(standard.question))
        for standard in subject.framework.standards
    )
    return Section(spans(text["heading"]), (hint(text["intro"]), Bullets(items)), depth=3, keep_together=True)


def suggestions(subject: Subject) -> tuple[Example, ...]:
    track = subject.track.id if subject.track else None
    return subject.framework.examples_for(subject.level, track)


def examples_section(subject: Subject) -> Section | None:
    """Example expectations from the library for this level and track, to adapt rather than copy.

    None when the framework has no examples at all: there is no library to point at.
    """
    if not subject.framework.examples:
        return None
    text = common(subject)["examples"]
    links = Links(subject)
    library = Span(text["library"], links.to(urls.EXAMPLES))
    examples = suggestions(subject)
    if not examples:
        return Section(spans(text["heading"]), (Paragraph(spans(text["none"], link=library)),))
    limit = int(text["limit"])
    # One line each, linked: the key steps and the reasons are on the example's own page.
    blocks: list[Block | Section] = [
        hint(text["intro"]),
        Bullets(tuple(example_line(subject, e) for e in examples[:limit])),
    ]
    if len(examples) > limit:
        blocks.append(Paragraph(spans(text["more"], count=str(len(examples) - limit), link=library)))
    return Section(spans(text["heading"]), tuple(blocks))


def example_line(subject: Subject, example: Example) -> Inline:
    """An example in one line: its title linked to its page, what it expects, its kind and dimensions."""
    text = common(subject)["examples"]
    links = Links(subject)
    dimensions = ", ".join(subject.framework.dimension(ident).name for ident in example.dimensions)
    details = text["details"].format(orientation=text["orientation"][example.orientation], dimensions=dimensions)
    return spans(
        text["line"], title=links.example(example), expectation=links.prose(example.expectation), details=details
    )


def orientation(subject: Subject) -> str:
    """How this level's examples are phrased: activity, outcome, mixed, or unknown when it has none."""
    counted = Counter(example.orientation for example in suggestions(subject))
    if not counted:
        return "unknown"
    return next(iter(counted)) if len(counted) == 1 else "mixed"


def slots(spec: dict[str, Any], subject: Subject, parts: list[str]) -> Section:
    """Numbered sections to fill in (expectations, gaps): each made of the fields named in `parts`.

    A part is a field entry from the text file, or `key_steps`: a checklist of blank lines.
    """
    sections: list[Block | Section] = []
    if spec.get("intro"):
        sections.append(hint(spec["intro"]))
    for number in range(1, int(spec["count"]) + 1):
        title = spec["title"] if number <= int(spec["required"]) else spec["optional_title"]
        blocks: list[Block] = []
        for part in parts:
            entry = spec[part]
            if part == "key_steps":
                blocks.append(Paragraph((Span(entry["label"], strong=True),)))
                blocks.append(Checklist(tuple(() for _ in range(int(entry["count"])))))
            else:
                blocks.append(field(entry))
        sections.append(Section(spans(title, number=str(number)), tuple(blocks), depth=3, keep_together=True))
    return Section(spans(spec["heading"]), tuple(sections))


def fields_section(spec: dict[str, Any], *before: Block, depth: int = 3) -> Section:
    """A heading, an optional hint, anything in `before`, then the write-in fields listed in the entry."""
    blocks: list[Block] = []
    if spec.get("hint"):
        blocks.append(hint(spec["hint"]))
    blocks.extend(before)
    blocks.extend(field(entry) for entry in spec.get("fields", ()))
    return Section(spans(spec["heading"]), tuple(blocks), depth=depth, keep_together=depth == 3)


def checklist(items: list[str], blank: int = 0) -> Checklist:
    return Checklist(tuple(spans(item) for item in items) + tuple(() for _ in range(blank)))


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def growth_section(subject: Subject) -> Section:
    """The growth grid: per dimension, what this level and the next ask in brief (the step, how many
    statements, what the next level changes), with boxes for where the person is and room for evidence."""
    text = common(subject)["growth"]
    links = Links(subject)
    framework, level = subject.framework, subject.level
    following = subject.next_levels()
    rows = []
    # The level's dimensions, and any the next level starts to ask (where a track for managers
    # branches off): the person stands somewhere on those too.
    for dimension in framework.dimensions_for_any((level, *following)):
        judged_here = framework.applies(dimension, level)
        now = framework.cell(level, dimension.id).cell if judged_here else None
        ahead = [
            _change(subject, dimension, now, upper, several=len(following) > 1)
            for upper in following
            if framework.applies(dimension, upper)
        ]
        standing = subject.standings.get(dimension.id)
        where = tuple(
            Span(option, box=True, checked=standing is not None and index == standing.where)
            for index, option in enumerate(text["options"])
        )
        evidence = _assessed(subject, standing) if standing is not None else ()
        named = links.cell(level, dimension) if judged_here else links.item(dimension)
        rows.append(((named,), _brief(subject, dimension, now), _joined(ahead), where, evidence))
    columns = [column.format(level=level.name) for column in text["columns"]]
    if len(following) == 1:
        columns[2] = following[0].name
    elif not following:
        columns[2] = text["top_column"]
    return Section(
        spans(text["heading"]),
        (hint(text["hint"]), Table(tuple(columns), tuple(rows), tuple(text["widths"]), name="growth")),
    )


def _assessed(subject: Subject, standing: Standing) -> Inline:
    """What a self-assessment says about one dimension, written into the evidence blank: the counts
    of statements marked consistently and sometimes, for the level and the next."""
    text = common(subject)["growth"]
    # A level asks nothing of a dimension the next level starts to ask: no "0 of 0" for it.
    tallies = [tally for tally in (standing.current, standing.following) if tally is not None and tally.total]
    said = text["assessed_joiner"].join(
        text["assessed"].format(
            level=tally.level.code or tally.level.title,
            done=tally.consistently,
            some=tally.sometimes,
            total=tally.total,
        )
        for tally in tallies
    )
    return (Span(said, written=True),) if said else ()


def _brief(subject: Subject, dimension: Dimension, cell: Cell | None) -> Inline:
    """A cell in a few words: its proficiency step, and how many statements it has."""
    text = common(subject)["growth"]
    if cell is None or cell.intent == "not_expected" or not (cell.statements or cell.proficiency):
        return spans(text["nothing"])
    count = len(cell.statements)
    parts = [subject.framework.proficiency(cell.proficiency, dimension).name] if cell.proficiency else []
    if count:
        parts.append(text["statements"]["one" if count == 1 else "other"].format(count=count))
    return spans(" · ".join(parts))


def _change(subject: Subject, dimension: Dimension, now: Cell | None, upper: Level, *, several: bool) -> Inline:
    """What the next level changes in this dimension: its step, and the new and reworded statements."""
    text = common(subject)["growth"]
    after = subject.framework.cell(upper, dimension.id).cell
    difference = differences.between(now, after)
    parts = []
    if after is not None and after.proficiency and (now is None or now.proficiency != after.proficiency):
        parts.append(subject.framework.proficiency(after.proficiency, dimension).name)
    if difference.added:
        parts.append(text["new"].format(count=len(difference.added)))
    if difference.reworded:
        parts.append(text["reworded"].format(count=len(difference.reworded)))
    said = ", ".join(parts) or text["same"]
    return spans(text["per_level"], level=upper.name, change=said) if several else spans(said)


def _joined(parts: list[Inline]) -> Inline:
    joined: list[Span] = []
    for index, part in enumerate(parts):
        if index:
            joined.append(Span("; "))
        joined.extend(part)
    return tuple(joined)
