"""The `ladder` command. Each subcommand parses options and calls the package; no logic lives here.

Each command imports what it uses when it runs, so that `ladder validate` (which pre-commit runs
on every commit) starts without loading the renderers and the worksheet writers.
"""

from __future__ import annotations

import json
import sys
import tempfile
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

import click

from ladder import __version__, characters
from ladder.characters import printable
from ladder.files import FileExists, write_atomic
from ladder.load import FrameworkNotFound
from ladder.problems import FrameworkError, as_json, as_text, plural
from ladder.urls import WORKSHEET_FORMATS, WORKSHEET_KINDS

if TYPE_CHECKING:
    from ladder.engines.files import Outcome
    from ladder.engines.publish import Published
    from ladder.engines.settings import Settings
    from ladder.model import Framework
    from ladder.worksheet import InputError

EXIT_INVALID = 1
EXIT_CANNOT_RUN = 2

framework_argument = click.argument(
    "framework_dir", default="framework", type=click.Path(path_type=Path, file_okay=False)
)


def fail(message: str, code: int = EXIT_CANNOT_RUN) -> NoReturn:
    say(f"ladder: error: {message}")
    sys.exit(code)


def say(message: str) -> None:
    """One line on stderr, with any control character in a name or value shown as an escape."""
    click.echo(printable(message), err=True)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="ladder")
def main() -> None:
    """Ladder: an engineering levels framework kept as YAML, checked, and rendered into a handbook."""


@main.command()
@framework_argument
@click.option(
    "--format",
    "output",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="text: one line per problem; json: the same facts for machines.",
)
@click.option("--strict", is_flag=True, help="Fail on warnings too.")
def validate(framework_dir: Path, output: str, strict: bool) -> None:
    """Check FRAMEWORK_DIR (default: ./framework) and report every problem at once.

    Each problem is one line, `file:line:column: location: message`. Exit status: 0 valid,
    1 invalid (or warnings with --strict), 2 could not run.
    """
    from ladder.validate import validate as validate_framework

    try:
        report = validate_framework(framework_dir)
    except FrameworkNotFound as error:
        fail(str(error))
    ok = report.ok(strict=strict)
    if output == "json":
        click.echo(as_json(report.problems, valid=ok, files=report.files))
    else:
        if report.problems:
            click.echo(as_text(report.problems))
        verdict = "valid" if ok else "invalid"
        say(
            f"{framework_dir}: {verdict}: {plural(report.errors, 'error')}, "
            f"{plural(report.warnings, 'warning')} in {plural(report.files, 'file')}",
        )
    sys.exit(0 if ok else EXIT_INVALID)


def load_or_exit(framework_dir: Path) -> Framework:
    """The framework, or its errors printed one per line and exit 1 (2 if there is no such folder)."""
    from ladder.validate import load_framework

    try:
        return load_framework(framework_dir)
    except FrameworkNotFound as error:
        fail(str(error))
    except FrameworkError as error:
        click.echo(as_text(error.problems))
        fail(f"{framework_dir} is invalid: {plural(len(error.problems), 'error')}; see `ladder validate`", EXIT_INVALID)


@main.command()
@framework_argument
@click.option("--check", is_flag=True, help="Change nothing; exit 1 if the lock file is missing ids or URLs.")
def lock(framework_dir: Path, check: bool) -> None:
    """Record every id and URL the framework publishes in FRAMEWORK_DIR/published-ids.lock.

    Run it before publishing and commit the file: from then on `ladder validate` fails if a
    published id disappears without becoming an alias, and the site redirects its old URLs.
    """
    from ladder import lock as locking

    framework = load_or_exit(framework_dir)
    refresh = locking.refreshed(framework, locking.read_lock(framework_dir)[0])
    path = framework_dir / locking.LOCK_FILE
    lists = sum(len(lists) for lists in refresh.places.values())
    if check:
        if refresh.missing:
            say(
                f"{path}: not up to date: {refresh.missing_words} to record ({', '.join(refresh.missing[:10])}"
                f"{', ...' if len(refresh.missing) > 10 else ''}); "
                "run `ladder lock` and commit the file",
            )
            sys.exit(EXIT_INVALID)
        on_record = plural(len(refresh.record), "id") + (
            f" and {plural(lists, 'statement list')}" if refresh.records_places and lists else ""
        )
        say(f"{path}: up to date ({on_record})")
        if not refresh.records_places and lists:
            say(f"{path}: run `ladder lock` once more to record statement places too, so that moving one is caught")
        return
    try:
        write_atomic(path, refresh.text, force=True)
    except OSError as error:
        fail(f"cannot write {path}: {error.strerror}")
    say(
        f"{path}: {plural(len(refresh.record), 'id')} and {plural(lists, 'statement list')} recorded, "
        f"{len(refresh.new_ids) + len(refresh.new_lists)} new or changed"
    )


@main.command()
@click.argument("old", metavar="OLD")
@click.argument("new", metavar="NEW")
@framework_argument
@click.option(
    "--docs",
    "docs_dir",
    default="docs",
    show_default=True,
    type=click.Path(path_type=Path, file_okay=False),
    help="The hand-written pages whose macro citations of OLD should name NEW.",
)
def rename(old: str, new: str, framework_dir: Path, docs_dir: Path) -> None:
    """Give the item OLD (any kind: level, dimension, track, standard, statement, example) the id NEW.

    Every reference in FRAMEWORK_DIR and every macro citation in the docs follows; OLD stays
    as an alias, so published links keep working, and the lock file (if any) records NEW.
    Nothing is changed unless the result validates.
    """
    from ladder.rename import RenameError
    from ladder.rename import rename as renaming

    if not framework_dir.is_dir():
        fail(f"{framework_dir}: no such folder")
    try:
        result = renaming(framework_dir, old, new, docs_dir)
    except RenameError as error:
        fail(str(error), EXIT_INVALID)
    except OSError as error:
        fail(f"cannot write {error.filename}: {error.strerror}")
    if result.moved is not None:
        say(f"moved {result.moved[0]} to {result.moved[1]}")
    for path in result.changed:
        say(f"updated {path}")
    say(f"renamed the {result.kind.replace('-', ' ')} '{old}' to '{new}'; '{old}' stays as its alias")


def emit(text: str, output: Path | None, force: bool) -> None:
    """Print to stdout, or write to a file that must not already exist unless --force."""
    if output is None:
        click.echo(text, nl=False)
        return
    try:
        write_atomic(output, text, force=force)
    except FileExists as error:
        fail(str(error))
    except OSError as error:
        fail(f"cannot write {output}: {error.strerror}")
    say(f"wrote {output}")


output_option = click.option(
    "-o", "--output", type=click.Path(path_type=Path, dir_okay=False), help="Write to this file instead of stdout."
)
force_option = click.option("--force", is_flag=True, help="Replace the output file if it exists.")


@main.command()
@framework_argument
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["json", "csv"]),
    default="json",
    show_default=True,
    help="json: the whole framework; csv: the levels x dimensions matrix for spreadsheets and HR tools.",
)
@output_option
@force_option
def export(framework_dir: Path, fmt: str, output: Path | None, force: bool) -> None:
    """Export FRAMEWORK_DIR for other tools, as JSON (everything) or CSV (one row per level and track)."""
    from ladder import export as exporting

    framework = load_or_exit(framework_dir)
    emit(exporting.to_json(framework) if fmt == "json" else exporting.to_csv(framework), output, force)


@main.command()
@click.argument("out_dir", type=click.Path(path_type=Path, file_okay=False))
@click.argument("framework_dir", required=False, type=click.Path(path_type=Path, file_okay=False))
@click.option(
    "--config",
    "config_file",
    type=click.Path(path_type=Path, dir_okay=False),
    help="A site's mkdocs.yml: write a whole project (that config without hooks, and docs/) for Zensical or MkDocs.",
)
@click.option("--force", is_flag=True, help="Replace what OUT_DIR holds already (a project is written anew).")
def render(out_dir: Path, framework_dir: Path | None, config_file: Path | None, force: bool) -> None:
    """Write the handbook's generated pages from FRAMEWORK_DIR (default: ./framework) into OUT_DIR.

    The same pages `mkdocs build` serves (levels, dimensions, standards, examples, compare, changes),
    for another Markdown site generator. With --config mkdocs.yml, OUT_DIR gets a whole site
    project instead: OUT_DIR/mkdocs.yml and OUT_DIR/docs/ with the hand-written pages (macros
    expanded), the generated pages and every file the handbook publishes, which Zensical (or
    MkDocs, with no hooks) builds as it is: `zensical build -f OUT_DIR/mkdocs.yml`. The framework
    is then the one mkdocs.yml names. A file that already exists is skipped, and named, unless --force.
    """
    from ladder.engines import files as rendering
    from ladder.render import handbook

    if config_file is not None:
        if framework_dir is not None:
            fail("--config: the framework is the one mkdocs.yml names (extra.ladder.framework_dir); leave it out")
        outcome = render_project(config_file, out_dir, force)
        what = "files"
    else:
        framework_dir = framework_dir or Path("framework")
        framework = load_or_exit(framework_dir)
        try:
            outcome = rendering.write_pages(handbook.build(framework_dir, framework).pages, out_dir, force=force)
        except OSError as error:
            fail(f"cannot write to {out_dir}: {error.strerror}")
        what = "pages"
    for path in outcome.skipped:
        say(f"skipped {path}: it already exists (use --force to replace it)")
    if outcome.otherwise:
        say(f"{plural(len(outcome.otherwise), 'citation')} showed their `otherwise` words:")
        for citation in outcome.otherwise:
            say(f"  {citation}")
    say(f"{out_dir}: wrote {len(outcome.written)} {what}, skipped {len(outcome.skipped)} existing")


def render_project(config_file: Path, out_dir: Path, force: bool) -> Outcome:
    """`ladder render --config`: the whole project, or one line saying what stopped it."""
    from ladder.engines import files as rendering
    from ladder.engines.settings import SettingError
    from ladder.engines.settings import read as read_settings

    try:
        config = rendering.read_config(config_file)
        chosen = read_settings(config.get("extra"), config_file.resolve().parent)
        docs_dir = rendering.docs_folder(config_file, config)
    except (rendering.ProjectError, SettingError) as error:
        fail(f"{config_file}: {error}" if isinstance(error, SettingError) else str(error))
    made = publish_or_exit(chosen, docs_dir, rendering.left_out(config))
    try:
        if force:
            rendering.clear(out_dir)
        return rendering.write_project(config_file, config, chosen, made, out_dir, force=force)
    except rendering.ProjectError as error:
        fail(str(error), EXIT_INVALID)
    except OSError as error:
        fail(f"cannot write to {out_dir}: {error.strerror}")


def publish_or_exit(chosen: Settings, docs_dir: Path, left_out: str) -> Published:
    from ladder.engines.publish import publish, site_pages

    try:
        return publish(chosen, docs_pages=site_pages(docs_dir, left_out))
    except FrameworkNotFound as error:
        fail(str(error))
    except FrameworkError as error:
        click.echo(as_text(error.problems))
        fail(f"{chosen.framework_dir} is invalid: {plural(len(error.problems), 'error')}; see `ladder validate`", 1)


@main.command()
@framework_argument
@click.option("--from", "old", required=True, metavar="REF", help="A git revision (tag, branch, commit) or a folder.")
@click.option("--to", "new", metavar="REF", help="A git revision or a folder. Default: FRAMEWORK_DIR as it is now.")
@click.option("--format", "fmt", type=click.Choice(["md", "json"]), default="md", show_default=True)
@click.option(
    "--any-framework",
    is_flag=True,
    help="Compare even when the two sides are different frameworks (another organisation or first_version).",
)
@output_option
@force_option
def changelog(
    framework_dir: Path, old: str, new: str | None, fmt: str, any_framework: bool, output: Path | None, force: bool
) -> None:
    """Report what was added, changed, removed or renamed in FRAMEWORK_DIR between two revisions.

    Each side is a git revision of the repository holding FRAMEWORK_DIR, or another framework folder.
    """
    from ladder import changelog as changes
    from ladder import revisions
    from ladder.history import another_framework

    with tempfile.TemporaryDirectory(prefix="ladder-changelog-") as work:
        try:
            old_dir, old_label = revisions.resolve(framework_dir, old, Path(work) / "old")
            new_dir, new_label = (framework_dir, "the working tree")
            if new is not None:
                new_dir, new_label = revisions.resolve(framework_dir, new, Path(work) / "new")
        except revisions.RevisionError as error:
            fail(str(error))
        older, newer = _side(old_dir, old_label, work), _side(new_dir, new_label, work)
        reason = another_framework(older.meta, newer.meta)
        if reason and not any_framework:
            fail(f"{old_label} is not a version of this framework: {reason} (--any-framework compares them anyway)")
        log = changes.compare(older, newer)
    if fmt == "json":
        text = json.dumps(changes.as_data(log, old_label, new_label), indent=2, ensure_ascii=False) + "\n"
    else:
        text = changes.as_markdown(log, old_label, new_label)
    emit(text, output, force)


def _side(folder: Path, label: str, work: str) -> Framework:
    """One side of a changelog: its problems name the revision and the framework's own paths, not
    the temporary folder the revision was read into (which is gone by the time anyone looks)."""
    from ladder.validate import load_framework

    try:
        return load_framework(folder)
    except FrameworkNotFound as error:
        fail(str(error))
    except FrameworkError as error:
        for problem in error.problems:
            shown = Path(problem.file).resolve()
            where = (
                shown.relative_to(Path(work).resolve()).as_posix().split("/", 1)[-1]
                if shown.is_relative_to(Path(work).resolve())
                else problem.file
            )
            click.echo(f"{label}: {replace(problem, file=where)}")
        fail(f"{label}: the framework is invalid ({plural(len(error.problems), 'error')}), so it cannot be compared", 1)


@main.command()
@click.argument("target", type=click.Path(path_type=Path))
@click.option("--name", default="Engineering Framework", show_default=True, help="The framework's name.")
@click.option("--organisation", default="Our Company", show_default=True, help="Who the framework belongs to.")
@click.option(
    "--site-url",
    default="https://handbook.example.com/",
    show_default=True,
    help="Where the handbook will be published; worksheets link there.",
)
def new(target: Path, name: str, organisation: str, site_url: str) -> None:
    """Create a small, valid framework in TARGET to start an organisation's own from scratch."""
    from ladder import new as starting

    if not starting.SITE_URL.fullmatch(site_url):
        raise click.BadParameter(
            "must be an absolute http(s) URL, e.g. https://handbook.example.com/", param_hint="--site-url"
        )
    name, organisation = " ".join(name.split()), " ".join(organisation.split())  # names are one line
    for option, value in (("--name", name), ("--organisation", organisation)):
        wrong = "must not be blank" if not value else characters.problem(value)
        if wrong is not None:
            raise click.BadParameter(wrong, param_hint=option)
    try:
        written = starting.create(target, name=name, organisation=organisation, site_url=site_url)
    except starting.TargetNotEmpty as error:
        fail(str(error))
    except OSError as error:
        fail(f"cannot write {target}: {error.strerror}")
    say(f"created {target} ({plural(len(written), 'file')}). Next:")
    say(f"  ladder validate --strict {target}    # check it (it is valid now)")
    say("  then edit the YAML: see the guide 'Adapt this framework' in the handbook")


@main.command()
@framework_argument
@click.option("--level", metavar="ID", help="The person's level: its id, a former id, or its code (such as L4).")
@click.option(
    "--track",
    metavar="ID",
    default="",
    help="The track: for a level shared by several tracks (changes the next level and the examples), or "
    "for a code several tracks use (--level L4 --track backend).",
)
@click.option(
    "--kind", type=click.Choice(WORKSHEET_KINDS, case_sensitive=False), help="Which worksheet  [default: expectations]"
)
@click.option("--name", default="", help="The engineer's name (blank lines to fill in when left out).")
@click.option("--manager", default="", help="The manager's name.")
@click.option("--period", default="", help="The review period, such as '2025 H1'.")
@click.option(
    "--assessment",
    default="",
    metavar="ADDRESS",
    help="The address of the person's Where I stand page: the growth grid starts from its marks.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(WORKSHEET_FORMATS),
    help="md, html or docx  [default: from -o's suffix, else md]",
)
@click.option("--roster", type=click.Path(path_type=Path, dir_okay=False), help="A CSV with one row per worksheet.")
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    help="One worksheet: a file, a folder, or - for stdout [default: a name made from --name, here]. "
    "Roster: a folder [default: worksheets].",
)
@click.option("--date", "made", metavar="YYYY-MM-DD", help="The date the worksheet says it was made [default: today].")
@click.option("--force", is_flag=True, help="Replace worksheets that already exist (they may hold notes).")
def worksheet(
    framework_dir: Path,
    level: str | None,
    track: str,
    kind: str | None,
    name: str,
    manager: str,
    period: str,
    assessment: str,
    fmt: str | None,
    roster: Path | None,
    output: Path | None,
    made: str | None,
    force: bool,
) -> None:
    """Make the worksheet an engineer and manager fill in together, from FRAMEWORK_DIR (default: ./framework).

    One person: --level (and --name, --manager, --period). A whole team: --roster people.csv,
    one worksheet per row into the -o folder. Existing files are never replaced without
    --force. Exit status: 0 done, 1 some roster rows or the framework are invalid, 2 could
    not run (bad option, unknown level, a file in the way).
    """
    from ladder.worksheet import InputError, Request, made_on, make
    from ladder.worksheet import batch as worksheet_batch

    try:
        made_date = made_on(made)
        chosen = worksheet_batch.choose_format(fmt, None if roster else output)
    except InputError as error:
        fail(option_error(error))
    if roster is not None:
        if level or track or name or manager or assessment:
            fail(
                "--roster takes names, levels and tracks from its columns: "
                "leave out --level, --track, --name, --manager and --assessment"
            )
        run_roster(framework_dir, roster, output or Path("worksheets"), chosen, kind, period, made_date, force)
        return
    if not level:
        fail("give --level for one worksheet, or --roster for a whole team")
    framework = load_or_exit(framework_dir)
    request = Request(level, kind or "expectations", track, name, manager, period, assessment)
    if output == Path("-"):
        if chosen == "docx" and sys.stdout.isatty():
            fail("a DOCX file is binary: give -o FILE, or redirect stdout to a file")
        try:
            data = make(framework, request, made_date, chosen)
        except InputError as error:
            fail(option_error(error))
        sys.stdout.buffer.write(data)
        return
    try:
        target = worksheet_batch.write_one(framework, request, fmt=chosen, made=made_date, output=output, force=force)
    except InputError as error:
        fail(option_error(error))
    except FileExists as error:
        fail(f"skipped {error.path}: it already exists and may hold notes; use --force to replace it")
    except OSError as error:
        fail(f"cannot write {error.filename or output}: {error.strerror}")
    say(f"wrote {target}")


def option_error(error: InputError) -> str:
    """An option's problem as `--level: unknown level 'x'`, named the way it was typed."""
    return f"--{error.field.lstrip('-')}: {error.message}" if not error.field.isupper() else str(error)


def run_roster(
    framework_dir: Path,
    roster: Path,
    folder: Path,
    fmt: str,
    kind: str | None,
    period: str,
    made: date,
    force: bool,
) -> None:
    """Roster mode: report every bad row and skipped file, then exit 1 if any row failed."""
    from ladder.worksheet import batch as worksheet_batch
    from ladder.worksheet import roster as worksheet_roster

    try:
        people = worksheet_roster.read(roster, default_kind=kind or "", default_period=period)
    except worksheet_roster.RosterUnreadable as error:
        fail(str(error), EXIT_CANNOT_RUN if error.could_not_run else EXIT_INVALID)
    framework = load_or_exit(framework_dir)
    if folder.exists() and not folder.is_dir():
        fail(f"-o {folder}: not a folder; roster mode writes one file per row into a folder")
    for warning in people.warnings:
        say(f"warning: {warning}")
    try:
        with click.progressbar(people.rows, label=f"Writing to {folder}", file=sys.stderr) as rows:
            outcome = worksheet_batch.write_roster(
                framework, rows, folder, fmt=fmt, made=made, force=force, source=str(roster)
            )
    except OSError as error:
        fail(f"cannot write to {folder}: {error.strerror}")
    problems = sorted(people.problems + outcome.problems, key=lambda problem: problem.line)
    for problem in problems:
        say(str(problem))
    for path in outcome.skipped:
        say(f"skipped {path}: it already exists and may hold notes (use --force to replace it)")
    for message in outcome.write_errors:
        say(message)
    say(
        f"{roster}: wrote {plural(len(outcome.written), 'worksheet')} to {folder}, skipped {len(outcome.skipped)} "
        f"existing, {plural(len(problems), 'row')} failed",
    )
    if outcome.write_errors:
        sys.exit(EXIT_CANNOT_RUN)
    sys.exit(EXIT_INVALID if problems else 0)
