"""Roster mode: one worksheet per CSV row, bad rows reported, hostile names tamed, nothing overwritten."""

from __future__ import annotations

import csv
import io
import os
import pty
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from ladder.validate import load_framework
from ladder.worksheet import batch
from ladder.worksheet.naming import MAX_CHARACTERS, UniqueNames, safe_name
from ladder.worksheet.request import KINDS
from ladder.worksheet.roster import SAMPLE_PEOPLE, read, sample
from tests.conftest import FIXTURES, ROOT
from tests.test_worksheet_golden import fixture_framework

LADDER = str(Path(sys.executable).parent / "ladder")
FRAMEWORK = str(ROOT / "tests" / "fixtures" / "worksheets" / "framework")
SHAPES = sorted(path for path in (FIXTURES / "shapes").iterdir() if (path / "framework.yaml").is_file())


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [LADDER, "worksheet", FRAMEWORK, "--date", "2025-01-15", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
    )


def files(folder: Path) -> list[str]:
    return sorted(str(path.relative_to(folder)) for path in folder.rglob("*") if path.is_file())


ROSTER = """name,manager,level,track,kind,period
Ada Okafor,Priya,second,,expectations,2025 H1
,Priya,second,,,2025 H1
Ben Stone,Priya,secnd,,,
Cleo Park,Priya,first,managr,,
Dev Rao,Priya,third,,promotion,
Eve Moss,Priya,first,,review,
Sam Lee,Priya,first,,,
Sam Lee,Omar,lead,,,
sam lee,Omar,lead,,,
Sam Lee,Omar,second,,pip,
"""


def test_good_rows_are_written_and_bad_rows_reported_with_their_row_number(tmp_path: Path) -> None:
    (tmp_path / "team.csv").write_text(ROSTER, encoding="utf-8")
    result = run("--roster", "team.csv", "-o", "out", cwd=tmp_path)
    assert result.returncode == 1
    problems = [line for line in result.stderr.splitlines() if line.startswith("team.csv:")]
    assert problems == [
        "team.csv:3: name: missing; every worksheet needs the person's name",
        "team.csv:4: level: unknown level 'secnd' (did you mean 'second'?)",
        "team.csv:5: track: unknown track 'managr' (did you mean 'manager'?)",
        "team.csv:6: kind: L3 Third Level is the highest level of the Individual contributor track: "
        "there is no level to propose",
        "team.csv:7: kind: unknown kind 'review'; choose from expectations, onboarding, promotion, pip",
        "team.csv: wrote 5 worksheets to out, skipped 0 existing, 5 rows failed",
    ]
    # Three people called Sam Lee (one in lower case) each get their own file, in roster order.
    assert files(tmp_path / "out") == [
        "Ada-Okafor-expectations.md",
        "Sam-Lee-expectations-2.md",
        "Sam-Lee-expectations.md",
        "Sam-Lee-pip.md",
        "sam-lee-expectations-3.md",
    ]
    assert "[M1 Team Lead]" in (tmp_path / "out" / "Sam-Lee-expectations-2.md").read_text(encoding="utf-8")
    assert "Traceback" not in result.stderr


def test_existing_worksheets_are_skipped_and_named_unless_forced(tmp_path: Path) -> None:
    (tmp_path / "team.csv").write_text("name,level\nAda,first\nBen,second\n", encoding="utf-8")
    assert run("--roster", "team.csv", "-o", "out", cwd=tmp_path).returncode == 0
    notes = tmp_path / "out" / "Ada-expectations.md"
    notes.write_text("Ada's notes from our 1:1\n", encoding="utf-8")
    (tmp_path / "out" / "Ben-expectations.md").unlink()
    again = run("--roster", "team.csv", "-o", "out", cwd=tmp_path)
    assert again.returncode == 0
    assert f"skipped {Path('out') / 'Ada-expectations.md'}: it already exists and may hold notes" in again.stderr
    assert "wrote 1 worksheet to out, skipped 1 existing, 0 rows failed" in again.stderr
    assert notes.read_text(encoding="utf-8") == "Ada's notes from our 1:1\n"
    assert (tmp_path / "out" / "Ben-expectations.md").exists()
    forced = run("--roster", "team.csv", "-o", "out", "--force", cwd=tmp_path)
    assert forced.returncode == 0
    assert notes.read_text(encoding="utf-8").startswith("# Expectations worksheet")
    assert files(tmp_path / "out") == ["Ada-expectations.md", "Ben-expectations.md"]  # no temporary files


HOSTILE = [
    ("../../x", "x-expectations.html"),
    ("<script>alert(1)</script>", "script-alert-1-script-expectations.html"),
    ('Quote "Q" O\'Neil', "Quote-Q-O-Neil-expectations.html"),
    ("Zoë Ødegård", "Zoë-Ødegård-expectations.html"),
    ("李小龍", "李小龍-expectations.html"),
    ("محمد", "محمد-expectations.html"),
    ("/etc/passwd", "etc-passwd-expectations.html"),
    ("..", "worksheet-expectations.html"),
    ("CON", "CON-worksheet-expectations.html"),
    ("A" * 300, "A" * MAX_CHARACTERS + "-expectations.html"),
]


def test_hostile_names_become_safe_files_inside_the_folder(tmp_path: Path) -> None:
    rows = "".join(f'"{name.replace(chr(34), chr(34) * 2)}",first\n' for name, _ in HOSTILE)
    (tmp_path / "team.csv").write_text("name,level\n" + rows, encoding="utf-8")
    result = run("--roster", "team.csv", "-o", "out", "--format", "html", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert files(tmp_path) == sorted(["team.csv", *(f"out/{expected}" for _, expected in HOSTILE)])
    page = (tmp_path / "out" / "script-alert-1-script-expectations.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<script>alert" not in page and page.count("<script") == 2  # the worksheet's own two only


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Ana María", "Ana-María"),
        (
            "\uff3a\uff4f\uff45\u3000\uff2c\uff45\uff45",
            "Zoe-Lee",
        ),  # full-width letters and space, as some keyboards type them
        ("e\u0301mile", "émile"),  # a combining accent joins its letter
        ("Line\nbreak\x00null", "Line-break-null"),
        ("  spaced   out  ", "spaced-out"),
        ("\u202eevil\u202c", "evil"),  # bidirectional overrides that could disguise a name
        ("😀", "worksheet"),
        ("", "worksheet"),
        ("ééé" * 40, "ééé" * 20),
        ("中" * 70, "中" * 50),  # 150 bytes of UTF-8 at most
    ],
)
def test_safe_name(name: str, expected: str) -> None:
    assert safe_name(name) == expected
    assert "/" not in expected and "\\" not in expected and ".." not in expected


def test_unique_names_ignore_case_and_keep_roster_order() -> None:
    names = UniqueNames()
    assert [names.claim(stem, "md") for stem in ["Ana", "ana", "ANA", "Ben"]] == [
        "Ana.md",
        "ana-2.md",
        "ANA-3.md",
        "Ben.md",
    ]


def test_roster_file_problems(tmp_path: Path) -> None:
    missing = run("--roster", "nope.csv", cwd=tmp_path)
    assert (missing.returncode, missing.stderr) == (2, "ladder: error: nope.csv: no such roster file\n")
    (tmp_path / "cols.csv").write_text("person,level\nAda,first\n", encoding="utf-8")
    columns = run("--roster", "cols.csv", cwd=tmp_path)
    assert columns.returncode == 1
    assert columns.stderr == (
        "ladder: error: cols.csv:1: missing column 'name' "
        "(found: person, level; expected: name, level, manager, track, kind, period)\n"
    )
    (tmp_path / "latin1.csv").write_bytes("name,level\nAda,first\nZo\xeb,first\n".encode("latin-1"))
    encoding = run("--roster", "latin1.csv", cwd=tmp_path)
    assert (encoding.returncode, encoding.stderr) == (
        1,
        "ladder: error: latin1.csv:3: not UTF-8 text; save the roster as 'CSV UTF-8'\n",
    )
    (tmp_path / "empty.csv").write_text("name,level\n\n", encoding="utf-8")
    assert run("--roster", "empty.csv", cwd=tmp_path).returncode == 1
    mixed = run("--roster", "cols.csv", "--level", "first", cwd=tmp_path)
    assert mixed.returncode == 2
    assert not (tmp_path / "worksheets").exists()


def test_spreadsheet_exports_are_read_as_they_are(tmp_path: Path) -> None:
    # Excel's "CSV UTF-8" adds a byte-order mark; European locales separate with ";";
    # HR exports carry extra columns and trailing blank rows; headers come in any case.
    text = "\ufeffEmail;NAME;Level;Kind\r\nada@example.org;Ada;first;\r\n;;;\r\nben@example.org;Ben;L2;PIP\r\n;;;\r\n"
    (tmp_path / "export.csv").write_text(text, encoding="utf-8")
    roster = read(tmp_path / "export.csv", default_kind="onboarding")
    assert [(row.line, row.request.name, row.request.level, row.request.kind) for row in roster.rows] == [
        (2, "Ada", "first", "onboarding"),
        (4, "Ben", "L2", "PIP"),
    ]
    assert roster.warnings == [f"{tmp_path / 'export.csv'}:1: ignoring column(s) 'Email'"]
    result = run("--roster", "export.csv", "-o", "out", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert files(tmp_path / "out") == ["Ada-expectations.md", "Ben-pip.md"]


@pytest.mark.parametrize("shape", SHAPES, ids=[path.name for path in SHAPES])
def test_the_sample_roster_of_every_shape_makes_a_worksheet_for_each_row(shape: Path, tmp_path: Path) -> None:
    roster = tmp_path / "roster.csv"
    roster.write_text(sample(load_framework(shape)), encoding="utf-8")
    result = subprocess.run(
        [LADDER, "worksheet", str(shape), "--roster", str(roster), "-o", str(tmp_path / "out"), "--format", "md"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(roster.read_text(encoding="utf-8"))))
    assert len(files(tmp_path / "out")) == len(rows) == min(len(SAMPLE_PEOPLE), len(load_framework(shape).levels))
    assert {row["kind"] for row in rows} <= set(KINDS)


def test_an_interrupted_run_leaves_whole_files_only(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    roster = tmp_path / "team.csv"
    roster.write_text("name,level\nAda,first\nBen,first\nCleo,first\n", encoding="utf-8")
    real_replace = os.replace
    calls = 0

    def interrupted_replace(source: str, target: str) -> None:
        nonlocal calls
        calls += 1
        if calls == 2:
            raise KeyboardInterrupt  # Ctrl-C between writing Ben's file and renaming it into place
        real_replace(source, target)

    monkeypatch.setattr(os, "replace", interrupted_replace)
    with pytest.raises(KeyboardInterrupt):
        batch.write_roster(
            fixture_framework(),
            read(roster).rows,
            tmp_path / "out",
            fmt="docx",
            made=date(2025, 1, 15),
            force=False,
            source="team.csv",
        )
    assert files(tmp_path / "out") == ["Ada-expectations.docx"]  # Ben's half-done file is gone, Cleo's never began


def test_progress_bar_shows_on_a_terminal_only(tmp_path: Path) -> None:
    (tmp_path / "team.csv").write_text("name,level\n" + "".join(f"P{n},first\n" for n in range(30)), encoding="utf-8")
    piped = run("--roster", "team.csv", "-o", "piped", cwd=tmp_path)
    assert "[" not in piped.stderr.split("\n", 1)[0]  # just the label, once
    leader, follower = pty.openpty()
    process = subprocess.Popen(
        [LADDER, "worksheet", FRAMEWORK, "--roster", "team.csv", "-o", "tty"],
        cwd=tmp_path,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=follower,
    )
    os.close(follower)
    output = b""
    while True:
        try:
            chunk = os.read(leader, 4096)
        except OSError:
            break
        if not chunk:
            break
        output += chunk
    process.wait(timeout=120)
    os.close(leader)
    assert process.returncode == 0
    assert b"100%" in output and b"#" in output
