"""The framework as it was at an earlier git revision, and the history of its versions.

Reads git with the `git` command (no library does this better), always into a temporary
folder: the working tree is never touched.
"""

from __future__ import annotations

import io
import subprocess
from dataclasses import dataclass
from pathlib import Path

from ladder.load import FRAMEWORK_FILE
from ladder.yaml_source import parse


class RevisionError(Exception):
    """The revision cannot be read (not a git checkout, unknown revision, no framework there)."""


@dataclass(frozen=True)
class Version:
    version: str
    revision: str  # the last revision that has this version, e.g. "HEAD" or "<commit>^"
    date: str  # the day the version was introduced, YYYY-MM-DD


def _git(folder: Path, *args: str) -> bytes:
    try:
        done = subprocess.run(["git", *args], cwd=folder, capture_output=True, check=False, timeout=120)
    except FileNotFoundError as error:
        raise RevisionError("git is not installed") from error
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise RevisionError(message[-1] if message else f"git {' '.join(args)} failed")
    return done.stdout


def _locate(framework_dir: Path) -> tuple[Path, str]:
    """The repository's top folder and the framework folder's path inside it."""
    folder = framework_dir.resolve()
    probe = folder if folder.is_dir() else folder.parent
    try:
        top = Path(_git(probe, "rev-parse", "--show-toplevel").decode().strip())
    except RevisionError:
        raise RevisionError(f"{framework_dir} is not in a git repository, so only folders can be compared") from None
    return top, folder.relative_to(top).as_posix()


def export(framework_dir: Path, revision: str, target: Path) -> Path:
    """Write the framework folder as it was at `revision` into `target`; return its path there."""
    top, inside = _locate(framework_dir)
    try:
        _git(top, "rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}")
    except RevisionError:
        raise RevisionError(f"'{revision}' is neither a folder nor a revision of {top}") from None
    archive = _git(top, "archive", "--format=tar", revision, "--", inside)
    import tarfile  # only here: a site build whose framework has no earlier version never loads it

    try:
        with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
            tar.extractall(target, filter="data")  # "data" refuses links and paths that leave target
    except tarfile.TarError as error:
        raise RevisionError(f"{revision}: {error}; Ladder reads no file a link leads out of the framework to") from None
    result = target / inside
    if not (result / FRAMEWORK_FILE).is_file():
        raise RevisionError(f"{inside}/{FRAMEWORK_FILE} does not exist at {revision}")
    return result


def resolve(framework_dir: Path, source: str, workdir: Path) -> tuple[Path, str]:
    """A framework folder for `source`, a folder path or a git revision, and how to name it in reports."""
    if Path(source).is_dir():
        return Path(source), f"folder {source}"
    return export(framework_dir, source, workdir), f"revision {source}"


def history(framework_dir: Path, limit: int = 50) -> list[Version]:
    """Versions of the framework, newest first: one per change of its `version` line in git.

    Each version's revision is its final state: the commit just before the next version was
    introduced (HEAD for the newest committed version).
    """
    try:
        top, inside = _locate(framework_dir)
        path = f"{inside}/{FRAMEWORK_FILE}"
        log = _git(top, "log", f"-{limit}", "-G^version:", "--format=%H %cs", "--", path).decode()
    except RevisionError:
        return []
    versions: list[Version] = []
    final = "HEAD"
    for line in log.splitlines():
        commit, date = line.split(" ", 1)
        try:
            text = _git(top, "show", f"{commit}:{path}").decode("utf-8")
        except (RevisionError, UnicodeDecodeError):
            break
        parsed, _ = parse(text)  # Ladder's own reader: no alias bombs, no stack overflow on deep nesting
        if parsed is None or not isinstance(parsed.data, dict):
            break
        version = str(parsed.data.get("version"))
        if not versions or versions[-1].version != version:
            versions.append(Version(version, final, date))
        final = f"{commit}^"
    return versions
