"""`ladder render OUT_DIR`: the generated pages written to disk, for other Markdown site generators."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ladder.files import FileExists, write_atomic


@dataclass
class Outcome:
    written: list[Path] = field(default_factory=list)
    skipped: list[Path] = field(default_factory=list)  # existed already, and --force was not given


def write_pages(pages: dict[str, str], out_dir: Path, *, force: bool = False) -> Outcome:
    """Write each page under out_dir; a file already there is skipped (it may hold edits) unless force."""
    outcome = Outcome()
    for source, markdown in pages.items():
        path = out_dir / source
        try:
            write_atomic(path, markdown, force=force)
        except FileExists:
            outcome.skipped.append(path)
        else:
            outcome.written.append(path)
    return outcome
