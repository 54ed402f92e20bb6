"""The framework's recent versions and what changed between them, read from git for the site.

A version is a value of `version` in framework.yaml. The newest is the framework as it is
now (the working tree); each earlier one is the last commit that still had that value. A
version that cannot be read (no git, a shallow clone, a file that no longer validates under
today's schemas) is left out rather than failing the build: history is a courtesy. History
also stops where the version goes backwards: a fork that replaced the example framework with
its own (`ladder new` starts at 0.1.0) does not show the example's versions as its past.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path

from packaging.version import InvalidVersion, Version

from ladder import revisions
from ladder.changelog import Changelog, compare
from ladder.model import Framework
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
            if ordered(older.meta.version) >= ordered(newer.meta.version):
                break  # the version went backwards: the framework was started over (`ladder new` in a fork)
            steps.append(Step(compare(older, newer), newer_date))
            newer, newer_date = older, version.date
    return steps


def ordered(version: str) -> Version:
    """A framework version as `packaging` orders it: 1.4.0-rc.1 comes before 1.4.0. A pre-release
    that is not one `packaging` reads (1.4.0-alpha.beta) counts as its release, 1.4.0."""
    try:
        return Version(version)
    except InvalidVersion:
        return Version(version.split("-")[0].split("+")[0])
