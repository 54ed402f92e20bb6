"""Writing output files without ever losing a person's edits or leaving half a file behind."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


class FileExists(Exception):
    """The target exists and may hold someone's edits; pass force=True to replace it."""

    def __init__(self, path: Path):
        self.path = path
        super().__init__(f"{path} already exists (use --force to replace it)")


def write_atomic(path: Path, content: str | bytes, *, force: bool = False) -> None:
    """Write `content` to `path` all at once: an interrupted run leaves the old file or none, never a part.

    Refuses (FileExists) to replace an existing file unless `force` is given.
    """
    if path.exists() and not force:
        raise FileExists(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    data = content.encode("utf-8") if isinstance(content, str) else content
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        # mkstemp makes the file private (0600); give it the mode a plain open() would.
        os.chmod(temporary, 0o666 & ~_umask())
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        if not force and path.exists():  # appeared while we wrote: still never clobber it
            raise FileExists(path)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current
