"""What a person asked for (a level, track, kind, names), checked against the framework.

The command line and the roster reader both build a `Request` and call `resolve`; a bad
value raises `InputError` naming the field, so either can report it in one line.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

from ladder import assessment, characters
from ladder.assessment import Standing
from ladder.model import Framework, Level, Track
from ladder.problems import did_you_mean
from ladder.urls import WORKSHEET_FORMATS, WORKSHEET_KINDS, WorksheetFormat, WorksheetKind

KINDS: tuple[WorksheetKind, ...] = WORKSHEET_KINDS
FORMATS: tuple[WorksheetFormat, ...] = WORKSHEET_FORMATS
DEFAULT_KIND: WorksheetKind = "expectations"


class InputError(Exception):
    """One bad value: `field` is the option or column it came from."""

    def __init__(self, field: str, message: str):
        self.field = field
        self.message = message
        super().__init__(f"{field}: {message}")


@dataclass(frozen=True)
class Request:
    level: str
    kind: str = DEFAULT_KIND
    track: str = ""
    name: str = ""
    manager: str = ""
    period: str = ""
    assessment: str = ""  # a Where I stand address, to start the growth grid from (ladder.assessment)


@dataclass(frozen=True)
class Subject:
    """A request resolved against the framework: everything a worksheet is built from."""

    framework: Framework
    level: Level
    track: Track | None  # None: the level is on several tracks and none was chosen
    kind: WorksheetKind
    name: str
    manager: str
    period: str
    made: date
    standings: Mapping[str, Standing] = field(default_factory=dict)  # by dimension, from a self-assessment
    # The page URLs of the site a blank worksheet is published with: it links only the guides
    # among them (a fork may delete a guide). None: a worksheet made on its own links them all.
    site_pages: frozenset[str] | None = None

    @property
    def tracks(self) -> tuple[Track, ...]:
        return (self.track,) if self.track else self.framework.tracks_of(self.level)

    def next_levels(self) -> tuple[Level, ...]:
        """The level(s) after this one: on the chosen track, or on every track it is on."""
        if self.track is None:
            return self.framework.next_levels(self.level)
        ladder = self.framework.ladder(self.track.id)
        position = ladder.index(self.level)
        return ladder[position + 1 : position + 2]


def resolve(framework: Framework, request: Request, made: date) -> Subject:
    """The Subject for a request, or InputError for the first value the framework does not know."""
    kind = request.kind.strip().lower() or DEFAULT_KIND
    if kind not in KINDS:
        raise InputError("kind", f"unknown kind '{request.kind}'; choose from {', '.join(KINDS)}")
    chosen = find_track(framework, request.track) if request.track.strip() else None
    level = find_level(framework, request.level, chosen)
    tracks = framework.tracks_of(level)
    track: Track | None = tracks[0] if len(tracks) == 1 else None
    if chosen is not None:
        track = chosen
        if track not in tracks:
            names = ", ".join(t.id for t in tracks)
            raise InputError("track", f"{level.name} is not on track '{track.id}' (its tracks: {names})")
    name, manager, period = (
        _shown("name", request.name),
        _shown("manager", request.manager),
        _shown("period", request.period),
    )
    standings: Mapping[str, Standing] = {}
    if request.assessment.strip():
        try:
            standings = assessment.read(framework, request.assessment.strip(), level)
        except assessment.AssessmentError as error:
            raise InputError("assessment", str(error)) from None
    subject = Subject(framework, level, track, kind, name, manager, period, made, standings)
    if kind == "promotion" and not subject.next_levels():
        on = f" of the {track.name} track" if track else ""
        raise InputError("kind", f"{level.name} is the highest level{on}: there is no level to propose")
    return subject


def _shown(field: str, text: str) -> str:
    """A name or period as the worksheet shows it (see `clean`); InputError for text that no
    format can hold at all (a non-character such as U+FFFF, a lone surrogate)."""
    cleaned = clean(text)
    wrong = characters.problem(cleaned)
    if wrong is not None:
        raise InputError(field, wrong)
    return cleaned


def clean(text: str) -> str:
    """Text without control characters (tabs, newlines, NUL) and with single spaces: no format can show
    a control character, and XML (so DOCX) cannot even hold most of them."""
    return " ".join("".join(" " if unicodedata.category(ch) == "Cc" else ch for ch in text).split())


def find_level(framework: Framework, text: str, track: Track | None = None) -> Level:
    """A level by id, former id or code (such as L4), ignoring case. A code several levels share
    (L4 on three tracks) names the one on `track`."""
    wanted = text.strip()
    if not wanted:
        raise InputError("level", "missing; give a level id such as " + framework.levels[0].id)
    try:
        return framework.level(wanted.casefold())  # ids are lower case; "Senior" means senior
    except KeyError:
        pass
    matches = [level for level in framework.levels if level.code and wanted.casefold() == level.code.casefold()]
    if track is not None and len(matches) > 1:
        matches = [level for level in matches if track in framework.tracks_of(level)] or matches
    if len(matches) == 1:
        return matches[0]
    if matches:
        shared = ", ".join(level.id for level in matches)
        on = f" on track '{track.id}'" if track is not None else ""
        raise InputError(
            "level", f"code '{wanted}' belongs to several levels{on} ({shared}); give the level id, or its track too"
        )
    known = [level.id for level in framework.levels]
    raise InputError("level", f"unknown level '{wanted}'{_did_you_mean(wanted, known)}")


def find_track(framework: Framework, text: str) -> Track:
    wanted = text.strip()
    try:
        return framework.track(wanted)
    except KeyError:
        known = [track.id for track in framework.tracks]
        raise InputError("track", f"unknown track '{wanted}'{_did_you_mean(wanted, known)}") from None


def _did_you_mean(wanted: str, known: list[str]) -> str:
    return did_you_mean(wanted.casefold(), known, otherwise=f"; known: {', '.join(known)}")
