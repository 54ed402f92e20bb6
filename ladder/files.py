"""Writing files without losing anyone's edits or leaving half a file behind; telling when inputs change."""

from __future__ import annotations

import hashlib
import os
import tempfile
from functools import cache
from pathlib import Path

# The distributions whose versions change what Ladder makes from a framework (see engine_digest).
OUTPUT_LIBRARIES = ("Jinja2", "markdown-it-py", "nh3", "PyYAML", "python-docx")


class FileExists(Exception):
    """The target exists and may hold someone's edits; pass force=True to replace it."""

    def __init__(self, path: Path):
        self.path = path
        super().__init__(f"{path} already exists (use --force to replace it)")


def write_atomic(path: Path, content: str | bytes, *, force: bool = False, durable: bool = True) -> None:
    """Write `content` to `path` all at once: an interrupted run leaves the old file or none, never a part.

    Refuses (FileExists) to replace an existing file unless `force` is given. An OSError names
    `path`, not the temporary file the content passed through. `durable=False` skips waiting for
    the disk (fsync), for a file that can be made again (a cache, a roster's worksheets), as MkDocs
    writes the site itself.
    """
    if path.exists() and not force:
        raise FileExists(path)
    data = content.encode("utf-8") if isinstance(content, str) else content
    temporary = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
        # mkstemp makes the file private (0600); give it the mode a plain open() would.
        os.chmod(temporary, 0o666 & ~_umask())
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            if durable:
                stream.flush()
                os.fsync(stream.fileno())
        if not force and path.exists():  # appeared while we wrote: still never clobber it
            raise FileExists(path)
        os.replace(temporary, path)
    except OSError as error:
        raise OSError(error.errno, error.strerror, str(path)) from None
    finally:
        if temporary is not None:
            Path(temporary).unlink(missing_ok=True)


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


def digest(root: Path) -> str:
    """A hash of every file under `root`, names and contents: it changes whenever any file does."""
    hashed = hashlib.sha256()
    for folder, folders, names in os.walk(root):
        folders.sort()
        for name in sorted(names):
            path = Path(folder, name)
            try:
                content = path.read_bytes()
            except OSError:  # unreadable or vanished: its name still counts
                content = b""
            hashed.update(path.relative_to(root).as_posix().encode("utf-8", "surrogateescape") + b"\0")
            hashed.update(hashlib.sha256(content).digest())
    return hashed.hexdigest()


@cache
def engine_digest() -> str:
    """A hash of Ladder's own code, templates and words, and of the libraries that shape its output:
    anything made from a framework and kept in a cache is made again after an upgrade. The libraries'
    versions come from their installed metadata, which MkDocs has already read to find its plugins:
    importing markdown-it only for its version would cost a build that renders no inline Markdown
    a twentieth of a second."""
    from importlib.metadata import version

    package = Path(__file__).resolve().parent
    hashed = hashlib.sha256()
    for path in sorted(package.rglob("*")):
        if path.is_file() and path.suffix in (".py", ".j2", ".yaml", ".css", ".js", ".json", ".html"):
            hashed.update(path.relative_to(package).as_posix().encode() + b"\0" + path.read_bytes())
    for library in OUTPUT_LIBRARIES:
        hashed.update(f"{library}=={version(library)}".encode())
    return hashed.hexdigest()
