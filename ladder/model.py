"""The validated framework as typed, read-only objects: what rendering and worksheets use.

Built only from data that passed every check, so nothing here needs to defend against
missing fields or unknown references.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from itertools import pairwise
from types import MappingProxyType
from typing import Any, Literal, TypeVar

Orientation = Literal["activity", "outcome"]
# Fields whose text is prose: it may run over several lines and use inline Markdown (emphasis,
# code, links). Every other text field is a name, shown exactly as typed on one line.
PROSE_FIELDS = frozenset(
    {
        "covers",
        "description",
        "expectation",
        "key_steps",
        "question",
        "scenario",
        "scenarios",
        "scope",
        "statements",
        "summary",
        "text",
        "why",
    }
)
T = TypeVar("T")


@dataclass(frozen=True)
class Meta:
    name: str
    organisation: str
    version: str
    description: str
    site_url: str
    license: str
    first_version: str | None = None  # where this framework's history starts (see ladder.history)


@dataclass(frozen=True)
class ProficiencyStep:
    id: str
    name: str
    summary: str


@dataclass(frozen=True)
class Ratings:
    """How people are rated against their level (framework.yaml's `ratings`): all optional."""

    cumulative: bool | None = None  # None: the framework does not say
    scale: tuple[ProficiencyStep, ...] = ()  # the ratings, lowest first
    combining: str = ""  # how the dimensions' ratings make one


@dataclass(frozen=True)
class Track:
    id: str
    name: str
    order: int
    summary: str = ""
    branches_from: str | None = None
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Dimension:
    id: str
    name: str
    order: int
    summary: str = ""
    covers: tuple[str, ...] = ()
    tracks: tuple[str, ...] = ()  # the tracks it applies to; empty: every track
    scale: tuple[ProficiencyStep, ...] = ()  # its own proficiency scale (a rubric); empty: the framework's
    aliases: tuple[str, ...] = ()


# What a level says about a dimension: its own statements, the level below's on purpose, or nothing
# because the dimension is not expected at this level.
Intent = Literal["written", "same", "not_expected"]
SAME_AS_PREVIOUS = "same as previous"
NOT_EXPECTED = "not expected"


@dataclass(frozen=True)
class LevelStatement:
    """One statement a level makes about a dimension. With an id, it is an item of its own: a link
    to it survives rewording and reordering; without, it is known by its place in the list."""

    text: str
    level: str  # the level that writes it
    dimension: str
    position: int  # 1 for the first statement of the list
    id: str = ""  # none: known by its place
    aliases: tuple[str, ...] = ()

    @property
    def anchor(self) -> str:
        """Where it is on its level's page: its id, else `<dimension>--<position>` (ids never hold "--")."""
        return self.id or f"{self.dimension}--{self.position}"


@dataclass(frozen=True)
class Cell:
    """What one level says about one dimension."""

    dimension: str
    statements: tuple[LevelStatement, ...] = ()
    proficiency: str | None = None
    intent: Intent = "written"

    @property
    def texts(self) -> tuple[str, ...]:
        return tuple(statement.text for statement in self.statements)

    @property
    def judged_by_step(self) -> bool:
        """The cell gives a proficiency step and no statements (a rubric per competency): the
        step's description is what the level expects, so a self-assessment marks the step itself."""
        return self.proficiency is not None and not self.statements and self.intent == "written"

    @property
    def all_named(self) -> bool:
        """Every statement has an id of its own, so none is known by its place in the list."""
        return all(statement.id for statement in self.statements)


@dataclass(frozen=True)
class Level:
    id: str
    title: str
    track: str
    order: int
    cells: Mapping[str, Cell]
    code: str = ""
    summary: str = ""
    scope: str = ""
    aliases: tuple[str, ...] = ()
    # Its track's name, when a level of another track has the same code and title (as parallel
    # tracks often do: "Senior Engineer" in Backend and in Data): menus, worksheets and links then
    # still say which one is meant.
    qualifier: str = ""

    @property
    def name(self) -> str:
        called = f"{self.code} {self.title}" if self.code else self.title
        return f"{called} ({self.qualifier})" if self.qualifier else called


@dataclass(frozen=True)
class Statement:
    id: str
    text: str
    standard: str
    above: bool  # above the line (what good looks like) or below it
    aliases: tuple[str, ...] = ()

    @property
    def side(self) -> str:
        return "above the line" if self.above else "below the line"


@dataclass(frozen=True)
class Standard:
    id: str
    name: str
    question: str
    scenario: str
    order: int
    above_the_line: tuple[Statement, ...]
    below_the_line: tuple[Statement, ...]
    aliases: tuple[str, ...] = ()
    scenarios: tuple[str, ...] = ()  # more situations after the first, such as one from a manager's work

    @property
    def statements(self) -> tuple[Statement, ...]:
        return self.above_the_line + self.below_the_line


@dataclass(frozen=True)
class Example:
    id: str
    title: str
    expectation: str
    orientation: Orientation
    levels: tuple[str, ...]
    dimensions: tuple[str, ...]
    tracks: tuple[str, ...]  # as written, or every track whose ladder has one of its levels
    key_steps: tuple[str, ...]
    why: str | None = None
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Inherited:
    """A level's cell for a dimension, and the level it really comes from when left out."""

    cell: Cell | None
    source: Level | None  # None when the level writes the cell itself


@dataclass(frozen=True)
class Framework:
    meta: Meta
    proficiency_scale: tuple[ProficiencyStep, ...]
    tracks: tuple[Track, ...]
    dimensions: tuple[Dimension, ...]
    levels: tuple[Level, ...]
    standards: tuple[Standard, ...]
    examples: tuple[Example, ...]
    vague_phrases: tuple[str, ...] = ()
    ratings: Ratings | None = None
    # The framework's own worksheet words by file (common, a kind), laid over Ladder's (ladder.wording).
    worksheet_words: Mapping[str, Mapping[str, Any]] = field(default_factory=dict, repr=False, compare=False)
    _ladders: Mapping[str, tuple[Level, ...]] = field(default_factory=dict, repr=False, compare=False)
    _by_id: Mapping[str, Any] = field(default_factory=dict, repr=False, compare=False)
    _previous: Mapping[str, Level] = field(default_factory=dict, repr=False, compare=False)
    _next: Mapping[str, tuple[Level, ...]] = field(default_factory=dict, repr=False, compare=False)
    _examples_by_level: Mapping[str, tuple[Example, ...]] = field(default_factory=dict, repr=False, compare=False)

    # Lookups -----------------------------------------------------------------

    def get(self, ident: str) -> Any:
        """The item with this id or former id, whatever its kind; KeyError if none."""
        return self._by_id[ident]

    def track(self, ident: str) -> Track:
        return _typed(self.get(ident), Track, ident)

    def short_name(self, level: Level) -> str:
        """The level in as few words as still tell it from every other: its code where no other
        level has that code (L4), else its name (which says its track where titles repeat)."""
        code = level.code.casefold()
        alone = bool(code) and sum(other.code.casefold() == code for other in self.levels) == 1
        return level.code if alone else level.name

    def level(self, ident: str) -> Level:
        return _typed(self.get(ident), Level, ident)

    def dimension(self, ident: str) -> Dimension:
        return _typed(self.get(ident), Dimension, ident)

    def standard(self, ident: str) -> Standard:
        return _typed(self.get(ident), Standard, ident)

    def statement(self, ident: str) -> Statement:
        return _typed(self.get(ident), Statement, ident)

    def example(self, ident: str) -> Example:
        return _typed(self.get(ident), Example, ident)

    def proficiency(self, ident: str, dimension: Dimension | None = None) -> ProficiencyStep:
        """A step of the dimension's own scale when it has one, else of the framework's."""
        scale = dimension.scale if dimension is not None and dimension.scale else self.proficiency_scale
        return next(step for step in scale if step.id == ident)

    def items(self) -> Iterator[Track | Dimension | Level | LevelStatement | Standard | Statement | Example]:
        """Every item that has an id (and so a URL), in reading order."""
        yield from self.tracks
        yield from self.dimensions
        for level in self.levels:
            yield level
            for cell in level.cells.values():
                yield from (statement for statement in cell.statements if statement.id)
        for standard in self.standards:
            yield standard
            yield from standard.statements
        yield from self.examples

    # The ladder ----------------------------------------------------------------

    def ladder(self, track: str) -> tuple[Level, ...]:
        """Every level a person on this track climbs, lowest first, shared levels included."""
        return self._ladders[track]

    def own_levels(self, track: str) -> tuple[Level, ...]:
        return tuple(level for level in self.levels if level.track == track)

    def tracks_of(self, level: Level) -> tuple[Track, ...]:
        """The tracks whose ladder includes this level (a shared level is on several)."""
        # by id: comparing whole levels field by field would cost more than the rest of the page
        return tuple(track for track in self.tracks if any(step.id == level.id for step in self._ladders[track.id]))

    def previous_level(self, level: Level) -> Level | None:
        return self._previous.get(level.id)

    def expected_below(self, level: Level) -> tuple[Level, ...]:
        """The levels under this one whose expectations it keeps, lowest first: every level below it
        on its ladder where the framework says levels are cumulative (`ratings.cumulative`), else none."""
        if not (self.ratings and self.ratings.cumulative):
            return ()
        below = []
        lower = self.previous_level(level)
        while lower is not None:
            below.append(lower)
            lower = self.previous_level(lower)
        return tuple(reversed(below))

    def next_levels(self, level: Level) -> tuple[Level, ...]:
        """The levels that follow this one; more than one where tracks split."""
        return self._next.get(level.id, ())

    def cell(self, level: Level, dimension: str) -> Inherited:
        """The level's statements for a dimension; a level that leaves it out, or says it is the same
        as the level below, keeps the one below's. A dimension not expected at a level has an empty
        cell there (intent "not_expected")."""
        current: Level | None = level
        while current is not None:
            found = current.cells.get(dimension)
            if found is not None and found.intent != "same":
                return Inherited(found, None if current is level else current)
            current = self.previous_level(current)
        return Inherited(None, None)

    def applies(self, dimension: Dimension, level: Level) -> bool:
        """Whether a level is judged on a dimension: one for every track, or one for the level's own
        track. A managers-only dimension is not asked of the engineering levels a management track
        shares below where it branches off."""
        return not dimension.tracks or level.track in dimension.tracks

    def dimensions_for(self, level: Level) -> tuple[Dimension, ...]:
        return tuple(dimension for dimension in self.dimensions if self.applies(dimension, level))

    def dimensions_for_any(self, levels: Iterable[Level]) -> tuple[Dimension, ...]:
        """The dimensions any of `levels` is judged on, in the framework's order: where tracks split,
        the next levels together may ask for one (people leadership) the level below never did."""
        chosen = tuple(levels)
        return tuple(
            dimension for dimension in self.dimensions if any(self.applies(dimension, level) for level in chosen)
        )

    def dimensions_of_track(self, track: str) -> tuple[Dimension, ...]:
        return tuple(dimension for dimension in self.dimensions if not dimension.tracks or track in dimension.tracks)

    def examples_for(self, level: Level, track: str | None = None) -> tuple[Example, ...]:
        return tuple(
            example for example in self._examples_by_level.get(level.id, ()) if track is None or track in example.tracks
        )


KIND_NAMES: dict[type, str] = {}  # filled below: each kind of item, as records and messages name it


def kind_of(item: Any) -> str:
    """The kind of an item as the lock file records it: "level", "level-statement", "statement"..."""
    return KIND_NAMES[type(item)]


def _typed(item: Any, kind: type[T], ident: str) -> T:
    if not isinstance(item, kind):
        raise KeyError(f"no {kind.__name__.lower()} '{ident}'")
    return item


# Building ----------------------------------------------------------------------


def build(data: Mapping[str, Any]) -> Framework:
    """A Framework from validated plain data: {"framework": {...}, "tracks": [...], ...}."""
    top = data["framework"]
    meta = Meta(**{name: top[name] for name in Meta.__dataclass_fields__ if name in top})
    scale = tuple(ProficiencyStep(**step) for step in top.get("proficiency_scale", ()))
    tracks = _sorted(Track(**_with_aliases(item)) for item in data.get("tracks", ()))
    dimensions = _sorted(
        Dimension(
            **_with_aliases(
                item,
                covers=tuple(item.get("covers", ())),
                tracks=tuple(item.get("tracks", ())),
                scale=tuple(ProficiencyStep(**step) for step in item.get("scale", ())),
            )
        )
        for item in data.get("dimensions", ())
    )
    track_rank = {track.id: position for position, track in enumerate(tracks)}
    levels = _told_apart(
        sorted(
            (_level(item) for item in data.get("levels", ())),
            key=lambda level: (level.order, track_rank[level.track], level.id),
        ),
        tracks,
    )
    standards = _sorted(_standard(item) for item in data.get("standards", ()))
    ladders = _ladders(tracks, levels)
    previous: dict[str, Level] = {}
    following: dict[str, list[Level]] = {}
    for ladder in ladders.values():
        for lower, upper in pairwise(ladder):
            if upper.id not in previous:
                previous[upper.id] = lower
                following.setdefault(lower.id, []).append(upper)
    members = {track: frozenset(level.id for level in ladder) for track, ladder in ladders.items()}
    examples = tuple(
        sorted((_example(item, members) for item in data.get("examples", ())), key=lambda example: example.id)
    )
    framework = Framework(
        meta=meta,
        proficiency_scale=scale,
        tracks=tracks,
        dimensions=dimensions,
        levels=levels,
        standards=standards,
        examples=examples,
        vague_phrases=tuple(top.get("lint", {}).get("vague_phrases", ())),
        ratings=_ratings(top.get("ratings")),
        worksheet_words=MappingProxyType(dict(data.get("worksheet_words", {}))),
        _ladders=MappingProxyType(ladders),
        _previous=MappingProxyType(previous),
        _next=MappingProxyType({ident: tuple(after) for ident, after in following.items()}),
        _examples_by_level=MappingProxyType(_by_level(examples)),
    )
    by_id: dict[str, Any] = {}
    for item in framework.items():
        by_id[item.id] = item
    for item in framework.items():
        for alias in item.aliases:
            by_id.setdefault(alias, item)
    object.__setattr__(framework, "_by_id", MappingProxyType(by_id))
    return framework


def _ratings(given: Mapping[str, Any] | None) -> Ratings | None:
    if not given:
        return None
    scale = tuple(ProficiencyStep(**step) for step in given.get("scale", ()))
    return Ratings(given.get("cumulative"), scale, given.get("combining", ""))


def _by_level(examples: tuple[Example, ...]) -> dict[str, tuple[Example, ...]]:
    found: dict[str, list[Example]] = {}
    for example in examples:
        for ident in example.levels:
            found.setdefault(ident, []).append(example)
    return {ident: tuple(listed) for ident, listed in found.items()}


def _sorted(items: Iterator[Any]) -> tuple[Any, ...]:
    return tuple(sorted(items, key=lambda item: (item.order, item.id)))


def _with_aliases(item: Mapping[str, Any], **overrides: Any) -> dict[str, Any]:
    return {**item, "aliases": tuple(item.get("aliases", ())), **overrides}


def _level(item: Mapping[str, Any]) -> Level:
    cells = {name: _cell(item["id"], name, cell) for name, cell in item["dimensions"].items()}
    fields = {name: value for name, value in item.items() if name != "dimensions"}
    return Level(**_with_aliases(fields, cells=MappingProxyType(cells)))


def _told_apart(levels: list[Level], tracks: tuple[Track, ...]) -> tuple[Level, ...]:
    """The levels, each whose name a level of another track shares qualified by its track's name."""
    track_names = {track.id: track.name for track in tracks}
    tracks_by_name: dict[str, set[str]] = {}
    for level in levels:
        tracks_by_name.setdefault(compared(level.name), set()).add(level.track)
    return tuple(
        replace(level, qualifier=track_names[level.track]) if len(tracks_by_name[compared(level.name)]) > 1 else level
        for level in levels
    )


def compared(text: str) -> str:
    """Text as a reader tells two texts apart: case and spacing aside."""
    return " ".join(text.split()).casefold()


def _cell(level: str, dimension: str, cell: Any) -> Cell:
    if cell == SAME_AS_PREVIOUS:
        return Cell(dimension, intent="same")
    if cell == NOT_EXPECTED:
        return Cell(dimension, intent="not_expected")
    statements = tuple(
        LevelStatement(entry, level, dimension, position)
        if isinstance(entry, str)
        else LevelStatement(entry["text"], level, dimension, position, entry["id"], tuple(entry.get("aliases", ())))
        for position, entry in enumerate(cell.get("statements", ()), start=1)
    )
    return Cell(dimension, statements, cell.get("proficiency"))


def _standard(item: Mapping[str, Any]) -> Standard:
    def statements(side: str, above: bool) -> tuple[Statement, ...]:
        return tuple(
            Statement(entry["id"], entry["text"], item["id"], above, tuple(entry.get("aliases", ())))
            for entry in item[side]
        )

    return Standard(
        **_with_aliases(
            item,
            above_the_line=statements("above_the_line", True),
            below_the_line=statements("below_the_line", False),
            scenarios=tuple(item.get("scenarios", ())),
        )
    )


def _example(item: Mapping[str, Any], members: Mapping[str, frozenset[str]]) -> Example:
    """`members`: each track's level ids; an example without tracks of its own is in each track
    that has one of its levels."""
    levels = tuple(item["levels"])
    tracks = item.get("tracks") or [track for track, ids in members.items() if not ids.isdisjoint(levels)]
    return Example(
        **_with_aliases(
            item,
            levels=levels,
            dimensions=tuple(item["dimensions"]),
            tracks=tuple(tracks),
            key_steps=tuple(item["key_steps"]),
        )
    )


def _ladders(tracks: tuple[Track, ...], levels: tuple[Level, ...]) -> dict[str, tuple[Level, ...]]:
    by_id = {level.id: level for level in levels}
    ladders: dict[str, tuple[Level, ...]] = {}

    def ladder(track: Track) -> tuple[Level, ...]:
        if track.id not in ladders:
            own = tuple(sorted((level for level in levels if level.track == track.id), key=lambda lv: lv.order))
            shared: tuple[Level, ...] = ()
            if track.branches_from is not None:
                branch = by_id[track.branches_from]
                parent = ladder(next(t for t in tracks if t.id == branch.track))
                shared = parent[: parent.index(branch) + 1]
            ladders[track.id] = shared + own
        return ladders[track.id]

    for track in tracks:
        ladder(track)
    return ladders


KIND_NAMES.update(
    {
        Track: "track",
        Dimension: "dimension",
        Level: "level",
        LevelStatement: "level-statement",
        Standard: "standard",
        Statement: "statement",
        Example: "example",
    }
)
