"""Writing files without losing edits, and the hashes that tell a cache its inputs changed."""

from __future__ import annotations

import importlib.metadata
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from ladder import files


def test_write_atomic_keeps_an_existing_file_unless_told(tmp_path: Path) -> None:
    target = tmp_path / "notes.md"
    target.write_text("a person's edits", encoding="utf-8")
    with pytest.raises(files.FileExists):
        files.write_atomic(target, "generated")
    assert target.read_text(encoding="utf-8") == "a person's edits"
    files.write_atomic(target, "generated", force=True)
    assert target.read_text(encoding="utf-8") == "generated"
    assert [path.name for path in tmp_path.iterdir()] == ["notes.md"]  # no temporary file left behind


def test_digest_changes_with_a_name_or_a_byte(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text("id: a\n", encoding="utf-8")
    first = files.digest(tmp_path)
    (tmp_path / "a.yaml").write_text("id: b\n", encoding="utf-8")
    second = files.digest(tmp_path)
    (tmp_path / "a.yaml").rename(tmp_path / "b.yaml")
    assert len({first, second, files.digest(tmp_path)}) == 3


@pytest.fixture
def fresh_engine_digest() -> Iterator[None]:
    files.engine_digest.cache_clear()
    yield
    files.engine_digest.cache_clear()


@pytest.mark.parametrize("library", files.OUTPUT_LIBRARIES)
def test_engine_digest_changes_when_a_library_that_shapes_output_is_upgraded(
    library: str, monkeypatch: pytest.MonkeyPatch, fresh_engine_digest: None
) -> None:
    installed = files.engine_digest()
    files.engine_digest.cache_clear()
    real_version = importlib.metadata.version
    monkeypatch.setattr(importlib.metadata, "version", lambda name: "99.0" if name == library else real_version(name))
    assert files.engine_digest() != installed


def test_engine_digest_reads_versions_without_importing_markdown_it() -> None:
    """A build whose framework has no inline Markdown never needs markdown-it: the cache key must not
    import it just to read its version (a fresh interpreter, so no other test has imported it)."""
    check = "import sys; from ladder import files; files.engine_digest(); print('markdown_it' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", check], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"
