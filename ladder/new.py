"""`ladder new`: a small, valid framework to start from, with every file pointing at its schema."""

from __future__ import annotations

import json
import re
import shutil
import tempfile
from pathlib import Path

from ladder.files import write_atomic
from ladder.load import SCHEMA_FOLDER
from ladder.schema import BUNDLED

SKELETON = Path(__file__).parent / "skeleton"
SITE_URL = re.compile(r"^https?://[^\s/]+(/\S*)?$")


class TargetNotEmpty(Exception):
    pass


def create(target: Path, *, name: str, organisation: str, site_url: str) -> list[Path]:
    """Write the skeleton framework into `target` (which must not exist or be empty); return the files.

    Everything is written into a temporary folder beside `target` first and moved into place at
    the end, so a failed run leaves nothing half-made.
    """
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise TargetNotEmpty(f"{target} already exists and is not empty; choose a new folder")
    values = {
        # JSON strings are valid YAML strings, quoted safely whatever the text holds.
        "__NAME__": json.dumps(name, ensure_ascii=False),
        "__ORGANISATION_PLAIN__": " ".join(organisation.split()),
        "__ORGANISATION__": json.dumps(organisation, ensure_ascii=False),
        "__SITE_URL__": json.dumps(site_url),
    }
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=target.parent))
    try:
        for source in sorted(SKELETON.rglob("*.yaml")):
            text = source.read_text("utf-8")
            for placeholder, value in values.items():
                text = text.replace(placeholder, value)
            write_atomic(staging / source.relative_to(SKELETON), text)
        for schema in sorted(BUNDLED.glob("*.json")):
            write_atomic(staging / SCHEMA_FOLDER / schema.name, schema.read_bytes())
        if target.exists():
            target.rmdir()  # empty, checked above
        staging.rename(target)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return sorted(path for path in target.rglob("*") if path.is_file())
