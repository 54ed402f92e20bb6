"""The four kinds of worksheet, each a list of sections built from the framework and the text files.

expectations: the start of a review period, with the end-of-period review at the back.
onboarding:   a new hire's first 90 days, agreed in their first two weeks.
promotion:    a case for a step up, built from months of evidence gathered at the next level.
pip:          a performance improvement plan with a weekly check-in log.
"""

from __future__ import annotations

from collections.abc import Callable

from ladder.wording import words
from ladder.worksheet import content
from ladder.worksheet.content import Links, checklist, choices, field, fields_section, hint, table
from ladder.worksheet.document import Block, Bullets, Checklist, Inline, Paragraph, Section, Span, Worksheet, spans
from ladder.worksheet.request import Subject


def build(subject: Subject) -> Worksheet:
    """The worksheet for a resolved request."""
    return BUILDERS[subject.kind](subject)


def _worksheet(subject: Subject, sections: list[Section | None], *extra_facts: tuple[str, Inline]) -> Worksheet:
    """The worksheet; a None section is a part the framework has nothing for (no standards, no examples)."""
    text = words(subject.kind, subject.framework)
    intro: list[Block] = [Paragraph(spans(text["intro"]))]
    guides = content.guides(subject, text.get("guides") or [])
    if guides is not None:
        intro.append(guides)
    meta = subject.framework.meta
    return Worksheet(
        kind=subject.kind,
        title=text["title"],
        facts=content.facts(subject, *extra_facts),
        intro=tuple(intro),
        sections=tuple(section for section in sections if section is not None),
        footer=content.footer(subject),
        made=subject.made,
        framework=f"{meta.name} {meta.version}",
        subject=subject.name or subject.level.name,
        common=content.common(subject),
    )


def expectations(subject: Subject) -> Worksheet:
    text = words("expectations", subject.framework)
    guidance = text["guidance"]
    level = subject.level.name
    oriented = content.orientation(subject)
    writing = Section(
        spans(guidance["heading"]),
        (
            Bullets(tuple(spans(point) for point in guidance["points"])),
            Paragraph(spans(guidance["orientation"][oriented], level=level)),
            Paragraph(spans(guidance["key_steps"][oriented])),
            Paragraph(spans(guidance["sources"])),
        ),
    )
    slots = content.slots(text["slots"], subject, ["statement", "why", "key_steps", "evidence"])
    return _worksheet(
        subject,
        [  # what the two people fill in first; what they read for it after
            slots,
            content.growth_section(subject),
            _end_of_period(subject),
            writing,
            content.level_section(subject),
            content.examples_section(subject),
        ],
    )


def _end_of_period(subject: Subject) -> Section:
    text = words("expectations", subject.framework)["end"]
    self_text = text["self"]
    count = int(words("expectations", subject.framework)["slots"]["count"])
    outcome = tuple(Span(option, box=True) for option in self_text["outcome"])
    rows = tuple(((Span(str(number)),), outcome, (), ()) for number in range(1, count + 1))
    peers = text["peers"]
    development = text["development"]
    return Section(
        spans(text["heading"]),
        (
            hint(text["intro"]),
            Section(spans(self_text["heading"]), (hint(self_text["hint"]), table(self_text, rows)), depth=3),
            Section(
                spans(peers["heading"]),
                (hint(peers["hint"]), Bullets(tuple(spans(p) for p in peers["prompts"])), table(peers)),
                depth=3,
            ),
            fields_section(text["synthesis"]),
            Section(
                spans(development["heading"]),
                (hint(development["hint"]), table(development), checklist([development["next"]])),
                depth=3,
                keep_together=True,
            ),
            fields_section(text["skip"]),
        ),
    )


def onboarding(subject: Subject) -> Worksheet:
    text = words("onboarding", subject.framework)
    links = Links(subject)
    milestones = text["checkpoints"]
    stages = tuple(
        Section(
            spans(stage["title"]),
            (checklist(stage["items"], int(milestones["blank"])),),
            depth=3,
            keep_together=True,
        )
        for stage in milestones["stages"]
    )
    after = spans(text["after"], worksheet=links.worksheet(subject.level, "expectations", text["after_link"]))
    review = fields_section(text["review"], depth=2)
    review = Section(review.title, (*review.blocks, Paragraph(after)), depth=2)
    people = text["people"]
    return _worksheet(
        subject,
        [
            Section(spans(milestones["heading"]), (hint(milestones["hint"]), *stages)),
            content.slots(text["slots"], subject, ["statement", "why", "key_steps", "evidence"]),
            Section(spans(people["heading"]), (hint(people["hint"]), table(people))),
            review,
            content.level_section(subject, next_levels=False),
            content.examples_section(subject),
        ],
        (text["facts"]["start"], ()),
        (text["facts"]["buddy"], ()),
    )


def promotion(subject: Subject) -> Worksheet:
    text = words("promotion", subject.framework)
    links = Links(subject)
    levels_text = text["levels"]
    proposed = subject.next_levels()
    level_blocks: list[Block] = [
        Paragraph(
            spans(levels_text["current"], level=links.level(subject.level), summary=links.prose(subject.level.summary))
        )
    ]
    if len(proposed) == 1:
        level_blocks.append(
            Paragraph(
                spans(levels_text["proposed"], level=links.level(proposed[0]), summary=links.prose(proposed[0].summary))
            )
        )
        proposed_value: Inline = (links.level(proposed[0]),)
    else:
        options = tuple(
            spans(
                levels_text["choice"],
                level=links.level(upper),
                track=subject.framework.track(upper.track).name,
            )
            for upper in proposed
        )
        level_blocks.append(Paragraph((Span(levels_text["choose"], strong=True),)))
        level_blocks.append(Checklist(options))
        proposed_value = ()
    dims = text["dimensions"]
    evidence: list[Block | Section] = [hint(dims["hint"])]
    # Where tracks split, each proposed level's dimensions: one may be asked on one track only.
    for dimension in subject.framework.dimensions_for_any(proposed):
        asking = [upper for upper in proposed if subject.framework.applies(dimension, upper)]
        blocks: list[Block] = []
        for upper in asking:
            cell = content.dimension_section(subject, upper, dimension)
            blocks.append(Paragraph(spans(dims["asks"], level=upper.name), hint=True))
            blocks.extend(block for block in cell.blocks if not isinstance(block, Section))
        title: Inline = (links.cell(asking[0], dimension),) if len(asking) == 1 else content.plain(dimension.name)
        blocks += [field(dims["evidence"]), field(dims["since"]), choices(dims["judgement"], dims["options"])]
        evidence.append(Section(title, tuple(blocks), depth=3, keep_together=True))
    standards = text["standards"]
    standard_rows = tuple(((links.standard(standard),), ()) for standard in subject.framework.standards)
    standards_section = (
        Section(spans(standards["heading"]), (hint(standards["hint"]), table(standards, standard_rows)))
        if standard_rows
        else None
    )
    trajectory = text["trajectory"]
    decision = text["decision"]
    return _worksheet(
        subject,
        [
            Section(spans(levels_text["heading"]), tuple(level_blocks)),
            content.growth_section(subject),
            Section(spans(dims["heading"]), tuple(evidence)),
            standards_section,
            Section(spans(text["peers"]["heading"]), (hint(text["peers"]["hint"]), table(text["peers"]))),
            Section(spans(trajectory["heading"]), (field(trajectory),)),
            Section(
                spans(text["checks"]["heading"]), (hint(text["checks"]["hint"]), checklist(text["checks"]["items"]))
            ),
            Section(
                spans(decision["heading"]),
                (
                    *(field(entry) for entry in decision["fields"]),
                    choices(decision["outcome"], decision["options"]),
                    field(decision["next"]),
                ),
            ),
        ],
        (text["facts"]["proposed"], proposed_value),
        (text["facts"]["time"], ()),
    )


def pip(subject: Subject) -> Worksheet:
    text = words("pip", subject.framework)
    before = text["before"]
    gaps = content.slots(text["gaps"], subject, ["expected", "examples", "criteria"])
    phrases = subject.framework.vague_phrases
    if phrases:
        quoted = ", ".join(f"“{phrase}”" for phrase in phrases)
        gaps = Section(gaps.title, (*gaps.blocks, hint(text["gaps"]["avoid"].format(phrases=quoted))))
    timeline = text["timeline"]
    timeline_rows = tuple(((Span(label),), ()) for label in timeline["rows"])
    support = text["support"]
    consequences = text["consequences"]
    log = text["log"]
    log_rows = tuple(((Span(str(week)),), (), (), ()) for week in range(1, int(log["rows"]) + 1))
    outcome = text["outcome"]
    signatures = outcome["signatures"]
    signature_rows = tuple(((Span(role),), (), (), ()) for role in signatures["rows"])
    return _worksheet(
        subject,
        [
            Section(spans(before["heading"]), (hint(before["hint"]), checklist(before["items"]))),
            gaps,
            Section(spans(support["heading"]), (hint(support["hint"]), table(support))),
            Section(spans(timeline["heading"]), (hint(timeline["hint"]), table(timeline, timeline_rows))),
            Section(spans(log["heading"]), (hint(log["hint"]), table(log, log_rows))),
            Section(spans(consequences["heading"]), (field(consequences),)),
            Section(
                spans(outcome["heading"]),
                (
                    choices(outcome["label"], outcome["options"]),
                    field(outcome["notes"]),
                    table(signatures, signature_rows),
                ),
            ),
            content.level_section(subject, heading=text["reference"], next_levels=False),
        ],
    )


BUILDERS: dict[str, Callable[[Subject], Worksheet]] = {
    "expectations": expectations,
    "onboarding": onboarding,
    "promotion": promotion,
    "pip": pip,
}
