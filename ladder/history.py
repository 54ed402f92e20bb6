"""The framework's recent versions and what changed between them, read from git for the site.

A version is a value of `version` in framework.yaml. The newest is the framework as it is
now (the working tree); each earlier one is the last commit that still had that value. A
version that cannot be read (no git, a shallow clone, a file that no longer validates under
today's schemas) is left out rather than failing the build: history is a courtesy.

History stops at the first earlier version that is another framework (see `another_framework`): a
fork that put its own framework where the example was does not show the example as its past,
whatever version numbers the two use.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path

from packaging.version import InvalidVersion, Version

from ladder import revisions
from ladder.changelog import Changelog, compare
from ladder.model import Framework, Meta
from ladder.problems import FrameworkError

RECENT_VERSIONS = 5  # how many steps back the "What changed" page goes


@dataclass(frozen=True)
class Step:
    """What changed from one version to the next."""

    changelog: Changelog
    date: str | None  # the day the newer version was introduced; None while it is not committed


def recent(
    framework_dir: Path,
    current: Framework,
    limit: int = RECENT_VERSIONS,
    versions: list[revisions.Version] | None = None,
) -> list[Step]:
    """Newest first: the working tree against the version before it, then further back.

    `versions`: `revisions.history(framework_dir)`, when it was read already.
    """
    from ladder.validate import load_framework  # only when there is history to read

    if versions is None:
        versions = revisions.history(framework_dir)
    earlier = [version for version in versions if version.version != current.meta.version]
    steps: list[Step] = []
    # The current version's date is the day it was committed; None while it is only in the working tree.
    newer, newer_date = current, next((v.date for v in versions if v.version == current.meta.version), None)
    with tempfile.TemporaryDirectory(prefix="ladder-history-") as work:
        for position, version in enumerate(earlier[:limit]):
            try:
                folder = revisions.export(framework_dir, version.revision, Path(work) / str(position))
                older = load_framework(folder)
            except (revisions.RevisionError, FrameworkError):
                break  # anything further back is unreadable too, or unrelated
            if another_framework(older.meta, newer.meta) or ordered(older.meta.version) >= ordered(newer.meta.version):
                break  # not this framework's past, or the framework was started over at a lower version
            steps.append(Step(compare(older, newer), newer_date))
            newer, newer_date = older, version.date
    return steps


def another_framework(older: Meta, newer: Meta) -> str | None:
    """Why `older` is not a version of the framework `newer` is, or None when it may be.

    It is another framework when it names another organisation, when both name their first
    version and the two differ, or when it is older than the first version `newer` names. A
    framework that has never named its first version keeps its history: the field can be added
    at any time.
    """
    if older.organisation != newer.organisation:
        return f"it belongs to '{older.organisation}', not '{newer.organisation}'"
    if (
        older.first_version is not None
        and newer.first_version is not None
        and older.first_version != newer.first_version
    ):
        return f"it started at version {older.first_version}, this framework at {newer.first_version}"
    if newer.first_version is not None and ordered(older.version) < ordered(newer.first_version):
        return f"its version {older.version} is before this framework's first version, {newer.first_version}"
    return None


def ordered(version: str) -> Version:
    """A framework version as `packaging` orders it: 1.4.0-rc.1 comes before 1.4.0. A pre-release
    that is not one `packaging` reads (1.4.0-alpha.beta) counts as its release, 1.4.0."""
    try:
        return Version(version)
    except InvalidVersion:
        return Version(version.split("-")[0].split("+")[0])
