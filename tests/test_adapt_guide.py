"""The guide "Adapt this framework" (docs/adapt.md), followed step by step as a new organisation would.

The test copies the repository's files into a fresh git repository (the fork, as cloned),
then walks the guide's blocks in order: each `sh` block's commands run with `.venv/bin` first
on PATH, and each titled YAML block is written to its file (a block that starts with the
schema line is the whole file; a shorter one replaces only the top-level settings it lists).
If a command in the guide stops working, or a YAML block no longer gives a valid framework,
this test fails. At the end it checks that the built handbook shows the guide's edits.
"""

from __future__ import annotations

import csv
import io
import os
import re
import shutil
import subprocess
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import material
import pytest
import yaml

from ladder.validate import load_framework
from tests.citations import citations, page_url, plain, shown_instead, words
from tests.conftest import ROOT

GUIDE = ROOT / "docs" / "adapt.md"
FENCE = re.compile(r"^```(\w+)([^\n]*)\n(.*?)^```[ \t]*$", re.MULTILINE | re.DOTALL)
SCHEMA_LINE = "# yaml-language-server: $schema="

# Commands of the guide this test does not run as written, each with why, and what runs instead (if anything).
NOT_AS_WRITTEN: dict[str, tuple[str, str | None]] = {
    "git clone https://github.com/acme-robotics/ladder.git": (
        "needs the network; the fork is this test's copy of the repository",
        None,
    ),
    "cd ladder": ("the folder the clone made; the test runs every command at the top of its copy", None),
    "make serve": ("serves until stopped; `make build` builds the same site", None),
    "git push origin main --tags": ("needs the network and a GitHub repository", None),
    "pre-commit install": (
        "pre-commit is not part of the project's virtualenv and installing it needs the network",
        None,
    ),
    "git remote add upstream https://github.com/ORIGINAL-OWNER/ladder.git": (
        "needs the network: the upstream is a local repository made from the same files",
        "git remote add upstream {upstream}",
    ),
    "git fetch upstream": ("needs the network", "git fetch -q upstream"),
}


@dataclass(frozen=True)
class Block:
    language: str
    title: str | None
    text: str


def guide_blocks() -> list[Block]:
    found = []
    for language, info, text in FENCE.findall(GUIDE.read_text(encoding="utf-8")):
        title = re.search(r'title="([^"]+)"', info)
        found.append(Block(language, title.group(1) if title else None, text))
    return found


def commands(block: Block) -> Iterator[str]:
    for line in block.text.replace("\\\n", " ").splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            yield line.strip()


# The fork ----------------------------------------------------------------------------------------


def git(cwd: Path, *args: str, env: dict[str, str]) -> str:
    done = subprocess.run(["git", *args], cwd=cwd, env=env, capture_output=True, text=True, check=False)
    assert done.returncode == 0, f"git {' '.join(args)}:\n{done.stdout}{done.stderr}"
    return done.stdout


def copy_repository(target: Path) -> None:
    """The repository's tracked files, as a fresh clone of the fork would have them."""
    listed = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, text=True, check=True)
    for name in listed.stdout.split("\0"):
        source = ROOT / name
        if name and source.is_file():  # a tracked file someone is deleting right now is not copied
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target / name)
            shutil.copymode(source, target / name)


def with_virtualenv(fork: Path) -> None:
    """The project's virtualenv, as `make` would have made it: its programs, and a stamp newer than the pins."""
    (fork / ".venv").mkdir()
    (fork / ".venv" / "bin").symlink_to(ROOT / ".venv" / "bin")
    (fork / ".venv" / ".ready").touch()


def upstream_with_changes(fork: Path, work: Path, env: dict[str, str]) -> Path:
    """A bare upstream repository: the fork's first commit plus later changes to the engine side
    (README.md) and to the example framework (a level the fork deleted and one it never had)."""
    upstream = work / "upstream.git"
    git(work, "clone", "-q", "--bare", str(fork), str(upstream), env=env)
    scratch = work / "upstream-work"
    git(work, "clone", "-q", str(upstream), str(scratch), env=env)
    with (scratch / "README.md").open("a", encoding="utf-8") as readme:
        readme.write("\nUpstream added this line after the fork.\n")
    level = sorted((scratch / "framework" / "levels").glob("*.yaml"))[0]  # whatever framework/ holds
    text = level.read_text(encoding="utf-8")
    level.write_text(re.sub(r"(?m)^title: (.*)$", r"title: \1 (renamed upstream)", text, count=1), "utf-8")
    git(scratch, "add", "-A", env=env)
    git(scratch, "commit", "-q", "-m", f"Upstream: renamed the example's {level.stem} level", env=env)
    git(scratch, "push", "-q", "origin", "HEAD", env=env)
    return upstream


# Applying the guide's YAML blocks -----------------------------------------------------------------


def top_level_settings(text: str) -> dict[str, str]:
    """Each top-level key of a YAML text with the lines that set it (its own line and those indented below)."""
    settings: dict[str, str] = {}
    key = None
    for line in text.splitlines(keepends=True):
        match = re.match(r"([A-Za-z_][\w-]*):", line)
        if match:
            key = match.group(1)
            settings[key] = line
        elif key is not None and (line.startswith((" ", "\t")) or not line.strip()):
            settings[key] += line
    return settings


def apply_yaml(fork: Path, block: Block) -> None:
    assert block.title, f"a YAML block in {GUIDE.name} names no file:\n{block.text}"
    path = fork / block.title
    if block.text.startswith(SCHEMA_LINE) or not path.exists():
        assert block.text.startswith(SCHEMA_LINE) or path.name == "mkdocs.yml", f"{block.title}: no schema line"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(block.text, encoding="utf-8")
        return
    # Only the settings listed: replace each top-level key's lines, keep every other line (and comment).
    text = path.read_text(encoding="utf-8")
    current = top_level_settings(text)
    for key, lines in top_level_settings(block.text).items():
        assert key in current, f"{block.title}: the guide changes '{key}', which the file does not have"
        text = text.replace(current[key].rstrip("\n") + "\n", lines.rstrip("\n") + "\n", 1)
    path.write_text(text, encoding="utf-8")


# Walking the guide --------------------------------------------------------------------------------


@dataclass
class Walk:
    fork: Path
    env: dict[str, str]
    upstream: Path
    outputs: dict[str, list[str]] = field(default_factory=dict)
    expected_failures: list[str] = field(default_factory=list)

    def run(self, command: str) -> subprocess.CompletedProcess[str]:
        done = subprocess.run(
            ["bash", "-c", command], cwd=self.fork, env=self.env, capture_output=True, text=True, timeout=600
        )
        self.outputs.setdefault(command, []).append(done.stdout + done.stderr)
        return done

    def step(self, command: str) -> None:
        if command in NOT_AS_WRITTEN:
            _, instead = NOT_AS_WRITTEN[command]
            if instead:
                done = self.run(instead.format(upstream=self.upstream))
                assert done.returncode == 0, f"{instead}:\n{done.stdout}{done.stderr}"
            return
        done = self.run(command)
        if done.returncode != 0 and command in FAILS_AS_THE_GUIDE_SAYS and command not in self.expected_failures:
            self.expected_failures.append(command)
            if not FAILS_AS_THE_GUIDE_SAYS[command](self, done):
                return  # the guide's next block finishes the job
            done = self.run(command)
        assert done.returncode == 0, f"`{command}` failed:\n{done.stdout}{done.stderr}"


def conflicts_only_in_the_framework(walk: Walk, failed: subprocess.CompletedProcess[str]) -> bool:
    """Step 11: merging upstream stops with conflicts in framework/, and nowhere else; the guide's
    next commands resolve them."""
    assert "Automatic merge failed" in failed.stdout + failed.stderr
    unmerged = walk.run("git diff --name-only --diff-filter=U").stdout.split()
    assert unmerged and all(path.startswith("framework/") for path in unmerged), unmerged
    return False


# Commands the guide says fail the first time they run, and what the reader does then (True: run it again).
FAILS_AS_THE_GUIDE_SAYS: dict[str, Callable[[Walk, subprocess.CompletedProcess[str]], bool]] = {
    "git merge upstream/main": conflicts_only_in_the_framework,
}


@pytest.fixture(scope="module")
def walked(tmp_path_factory: pytest.TempPathFactory) -> Walk:
    work = tmp_path_factory.mktemp("adapt")
    fork = work / "fork"
    fork.mkdir()
    env = {
        **os.environ,
        "PATH": f"{fork / '.venv' / 'bin'}{os.pathsep}{os.environ['PATH']}",
        "GIT_AUTHOR_NAME": "Acme Robotics",
        "GIT_AUTHOR_EMAIL": "handbook@acme-robotics.example",
        "GIT_COMMITTER_NAME": "Acme Robotics",
        "GIT_COMMITTER_EMAIL": "handbook@acme-robotics.example",
        "GIT_CONFIG_GLOBAL": os.devnull,  # nobody's own git settings change what the guide does
        "NO_MKDOCS_2_WARNING": "1",
    }
    copy_repository(fork)
    git(fork, "-c", "init.defaultBranch=main", "init", "-q", env=env)
    git(fork, "add", "-A", env=env)
    git(fork, "commit", "-q", "-m", "The fork, as cloned", env=env)
    with_virtualenv(fork)  # after the commit: .venv is ignored, as in a real clone
    walk = Walk(fork, env, upstream_with_changes(fork, work, env))
    for block in guide_blocks():
        if block.language == "sh":
            for command in commands(block):
                walk.step(command)
        elif block.language == "yaml":
            apply_yaml(fork, block)
        else:
            assert block.language == "text", f"a ```{block.language} block in {GUIDE.name}: sh, yaml or text only"
    return walk


# The guide itself ---------------------------------------------------------------------------------


def test_every_command_not_run_as_written_is_still_in_the_guide() -> None:
    written = {command for block in guide_blocks() if block.language == "sh" for command in commands(block)}
    assert set(NOT_AS_WRITTEN) <= written, set(NOT_AS_WRITTEN) - written
    assert set(FAILS_AS_THE_GUIDE_SAYS) <= written


def test_the_guide_starts_from_ladder_new_and_names_every_file_it_writes() -> None:
    blocks = guide_blocks()
    runs = [command for block in blocks if block.language == "sh" for command in commands(block)]
    assert any(command.startswith(".venv/bin/ladder new framework ") for command in runs)
    assert all(block.title for block in blocks if block.language == "yaml")


def test_the_guides_theme_settings_keep_what_the_project_relies_on() -> None:
    """The guide replaces the whole `theme:` of mkdocs.yml: it must keep everything but the look."""
    project = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))["theme"]
    block = next(block for block in guide_blocks() if block.title == "mkdocs.yml")
    theme = yaml.safe_load(block.text)["theme"]
    assert {key: theme[key] for key in ("name", "font", "language", "features")} == {
        key: project[key] for key in ("name", "font", "language", "features")
    }
    assert [entry["scheme"] for entry in theme["palette"]] == [entry["scheme"] for entry in project["palette"]]


# Following it ------------------------------------------------------------------------------------


def test_following_the_guide_every_command_works(walked: Walk) -> None:
    assert walked.expected_failures == list(FAILS_AS_THE_GUIDE_SAYS), "a step the guide says fails did not"
    assert (walked.fork / "site" / "index.html").is_file()


def page(walked: Walk, url: str) -> str:
    return (walked.fork / "site" / url / "index.html").read_text(encoding="utf-8")


def test_the_site_has_the_name_colours_logo_and_address_the_guide_set(walked: Walk) -> None:
    home = page(walked, "")
    assert "<title>Home - Acme Robotics Engineering Handbook</title>" in home
    assert '<h1 id="acme-robotics-engineering-levels">Acme Robotics Engineering Levels' in home
    assert 'data-md-color-primary="teal"' in home and 'data-md-color-accent="amber"' in home
    assert '<link rel="canonical" href="https://acme-robotics.github.io/ladder/">' in home
    robot = Path(material.__file__).parent / "templates/.icons/material/robot-industrial.svg"
    assert robot.read_text(encoding="utf-8").split("<path")[1][:40] in home  # the logo is that icon


def test_the_site_shows_the_guides_framework_edits(walked: Walk) -> None:
    levels = page(walked, "levels/")
    for ident in ("engineer", "senior-engineer", "lead-engineer", "principal-engineer", "engineering-manager"):
        assert f'href="{ident}/"' in levels, ident
    assert 'href="../dimensions/collaboration/"' in levels
    manager = levels[levels.index('id="manager"') :]
    assert "It shares the ladder up to" in manager and 'href="senior-engineer/"' in manager
    senior = page(walked, "levels/senior-engineer/")
    nexts = senior[senior.index('id="level--next"') :]
    assert 'href="../lead-engineer/"' in nexts and 'href="../engineering-manager/"' in nexts
    lead = page(walked, "levels/lead-engineer/")
    assert re.search(
        r'<h1 [^>]*id="lead-engineer">E3 Lead Engineer <a class="ladder-alias" id="staff-engineer"></a>', lead
    )
    assert 'id="collaboration"' in page(walked, "levels/principal-engineer/")


def test_the_guides_build_unchanged_showing_words_for_the_examples_items(walked: Walk) -> None:
    """Step 6: the first build passes with docs/ as cloned; each guide citation of an item the new
    framework lacks shows its `otherwise` words, and the build names it."""
    first_build = walked.outputs["make build"][0]
    assert "WARNING" not in first_build and "ERROR" not in first_build, first_build
    fallbacks = shown_instead(load_framework(walked.fork / "framework"))
    worded = [
        citation
        for citation in citations()
        if (citation.page, citation.macro, citation.ident) in fallbacks and citation.otherwise
    ]
    assert len(worded) > 10, first_build
    for citation in worded:
        built = words(page(walked, page_url(citation.page)))
        assert " ".join(plain(citation.otherwise or "").split()) in built, citation
    root = git(walked.fork, "rev-list", "--max-parents=0", "HEAD", env=walked.env).split()[0]
    assert not git(walked.fork, "diff", "--name-only", root, "HEAD", "--", "docs", env=walked.env)


def test_the_renamed_levels_old_id_stays_on_record_and_its_old_address_answers(walked: Walk) -> None:
    lock = (walked.fork / "framework" / "published-ids.lock").read_text(encoding="utf-8")
    assert 'staff-engineer: {kind: level, urls: ["levels/staff-engineer/"]}' in lock
    assert 'lead-engineer: {kind: level, urls: ["levels/lead-engineer/"]}' in lock
    plugins = yaml.safe_load((walked.fork / "mkdocs.yml").read_text(encoding="utf-8"))["plugins"]
    if "redirects" in plugins or any(isinstance(plugin, dict) and "redirects" in plugin for plugin in plugins):
        old = page(walked, "levels/staff-engineer/")  # a redirect page, for the old page URL
        assert '<meta http-equiv="refresh" content="0; url=../lead-engineer/">' in old


def test_the_changelog_reports_the_rename_and_the_new_version(walked: Walk) -> None:
    (output,) = walked.outputs[".venv/bin/ladder changelog framework --from v0.1.0"]
    assert "0.1.0" in output and "0.2.0" in output
    assert re.search(r"staff-engineer.*lead-engineer|lead-engineer.*staff-engineer", output), output


def test_the_what_changed_page_starts_with_the_forks_own_first_version(walked: Walk) -> None:
    changes = page(walked, "changes/")
    assert "Version 0.2.0" in changes and "Compared with version 0.1.0" in changes
    assert "1.0.0" not in changes  # the example framework the fork replaced is not its past
    assert "staff-engineer" in changes


def test_the_worksheet_and_the_export_the_guide_makes(walked: Walk) -> None:
    sheet = (walked.fork / "ada-okafor-expectations.md").read_text(encoding="utf-8")
    assert "- **Engineer:** Ada Okafor" in sheet
    assert "(https://acme-robotics.github.io/ladder/levels/senior-engineer/#collaboration)" in sheet
    rows = list(csv.DictReader(io.StringIO((walked.fork / "levels.csv").read_text(encoding="utf-8"))))
    assert [(row["track"], row["level"]) for row in rows] == [
        ("ic", "engineer"),
        ("ic", "senior-engineer"),
        ("ic", "lead-engineer"),
        ("ic", "principal-engineer"),
        ("manager", "engineer"),
        ("manager", "senior-engineer"),
        ("manager", "engineering-manager"),
    ]


def test_merging_upstream_keeps_the_forks_framework_and_takes_the_engine(walked: Walk) -> None:
    fork, env = walked.fork, walked.env
    parents = git(fork, "log", "-1", "--format=%P", env=env).split()
    assert len(parents) == 2  # the merge was committed
    changed = git(fork, "diff", "--name-only", "v0.2.0", "HEAD", env=env).split()
    assert "README.md" in changed
    assert not [path for path in changed if path.startswith("framework/") and not path.startswith("framework/schema/")]
    assert not (fork / "framework" / "levels" / "senior.yaml").exists()
    assert "Upstream added this line after the fork." in (fork / "README.md").read_text(encoding="utf-8")


def shown(start: str) -> str:
    """The guide's one ```text block that starts with these characters: output it shows the reader."""
    (text,) = [block.text for block in guide_blocks() if block.language == "text" and block.text.startswith(start)]
    return text


def test_the_output_the_guide_shows_is_what_the_commands_print(walked: Walk, tmp_path: Path) -> None:
    first_build = walked.outputs["make build"][0].splitlines()
    assert shown("INFO").strip() in first_build
    assert walked.outputs[".venv/bin/ladder changelog framework --from v0.1.0"] == [shown("# What changed")]
    # A typo, and the alias forgotten before the renamed level was recorded: in a copy of the framework.
    framework = tmp_path / "framework"
    shutil.copytree(walked.fork / "framework", framework)
    lock = git(walked.fork, "show", "v0.1.0:framework/published-ids.lock", env=walked.env)
    (framework / "published-ids.lock").write_text(lock, encoding="utf-8")
    lead = framework / "levels" / "lead-engineer.yaml"
    lead.write_text(lead.read_text(encoding="utf-8").replace("aliases: [staff-engineer]\n", ""), encoding="utf-8")
    manager = framework / "levels" / "engineering-manager.yaml"
    manager.write_text(manager.read_text(encoding="utf-8").replace("  collaboration:", "  colaboration:"), "utf-8")
    done = subprocess.run(
        [str(ROOT / ".venv" / "bin" / "ladder"), "validate", "framework"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 1
    printed = done.stdout.splitlines()
    assert shown("framework/levels/").strip() in printed
    assert shown("framework/published-ids.lock").strip() in printed
