"""The `ladder` command. Each subcommand parses options and calls the package; no logic lives here."""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

import click

from ladder import __version__, revisions
from ladder import changelog as changes
from ladder import export as exporting
from ladder import lock as locking
from ladder import new as starting
from ladder.files import FileExists, write_atomic
from ladder.load import FrameworkNotFound
from ladder.model import Framework
from ladder.problems import FrameworkError, as_json, as_text, plural
from ladder.validate import load_framework
from ladder.validate import validate as validate_framework

EXIT_INVALID = 1
EXIT_CANNOT_RUN = 2

framework_argument = click.argument(
    "framework_dir", default="framework", type=click.Path(path_type=Path, file_okay=False)
)


def fail(message: str, code: int = EXIT_CANNOT_RUN) -> None:
    click.echo(f"ladder: error: {message}", err=True)
    sys.exit(code)


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
        click.echo(
            f"{framework_dir}: {verdict}: {plural(report.errors, 'error')}, "
            f"{plural(report.warnings, 'warning')} in {plural(report.files, 'file')}",
            err=True,
        )
    sys.exit(0 if ok else EXIT_INVALID)


def load_or_exit(framework_dir: Path) -> Framework:
    """The framework, or its errors printed one per line and exit 1 (2 if there is no such folder)."""
    try:
        return load_framework(framework_dir)
    except FrameworkNotFound as error:
        fail(str(error))
    except FrameworkError as error:
        click.echo(as_text(error.problems))
        fail(f"{framework_dir} is invalid: {plural(len(error.problems), 'error')}; see `ladder validate`", EXIT_INVALID)
    raise AssertionError("unreachable")


@main.command()
@framework_argument
@click.option("--check", is_flag=True, help="Change nothing; exit 1 if the lock file is missing ids or URLs.")
def lock(framework_dir: Path, check: bool) -> None:
    """Record every id and URL the framework publishes in FRAMEWORK_DIR/published-ids.lock.

    Run it before publishing and commit the file: from then on `ladder validate` fails if a
    published id disappears without becoming an alias, and the site redirects its old URLs.
    """
    framework = load_or_exit(framework_dir)
    document, _ = locking.read_lock(framework_dir)
    recorded = locking.published(document)
    record = locking.updated(framework, recorded)
    path = framework_dir / locking.LOCK_FILE
    new = [ident for ident in record if record[ident] != recorded.get(ident)]
    if check:
        if new:
            click.echo(
                f"{path}: not up to date: {plural(len(new), 'id')} to record ({', '.join(sorted(new)[:10])}"
                f"{', ...' if len(new) > 10 else ''}); run `ladder lock` and commit the file",
                err=True,
            )
            sys.exit(EXIT_INVALID)
        click.echo(f"{path}: up to date ({plural(len(record), 'id')})", err=True)
        return
    write_atomic(path, locking.render(record), force=True)
    click.echo(f"{path}: {plural(len(record), 'id')} recorded, {len(new)} new or moved", err=True)


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
    click.echo(f"wrote {output}", err=True)


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
    framework = load_or_exit(framework_dir)
    emit(exporting.to_json(framework) if fmt == "json" else exporting.to_csv(framework), output, force)


@main.command()
@framework_argument
@click.option("--from", "old", required=True, metavar="REF", help="A git revision (tag, branch, commit) or a folder.")
@click.option("--to", "new", metavar="REF", help="A git revision or a folder. Default: FRAMEWORK_DIR as it is now.")
@click.option("--format", "fmt", type=click.Choice(["md", "json"]), default="md", show_default=True)
@output_option
@force_option
def changelog(framework_dir: Path, old: str, new: str | None, fmt: str, output: Path | None, force: bool) -> None:
    """Report what was added, changed, removed or renamed in FRAMEWORK_DIR between two revisions.

    Each side is a git revision of the repository holding FRAMEWORK_DIR, or another framework folder.
    """
    with tempfile.TemporaryDirectory(prefix="ladder-changelog-") as work:
        try:
            old_dir, old_label = revisions.resolve(framework_dir, old, Path(work) / "old")
            new_dir, new_label = (framework_dir, "the working tree")
            if new is not None:
                new_dir, new_label = revisions.resolve(framework_dir, new, Path(work) / "new")
        except revisions.RevisionError as error:
            fail(str(error))
        log = changes.compare(load_or_exit(old_dir), load_or_exit(new_dir))
    if fmt == "json":
        text = json.dumps(changes.as_data(log, old_label, new_label), indent=2, ensure_ascii=False) + "\n"
    else:
        text = changes.as_markdown(log, old_label, new_label)
    emit(text, output, force)


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
    if not starting.SITE_URL.match(site_url):
        raise click.BadParameter(
            "must be an absolute http(s) URL, e.g. https://handbook.example.com/", param_hint="--site-url"
        )
    try:
        written = starting.create(target, name=name, organisation=organisation, site_url=site_url)
    except starting.TargetNotEmpty as error:
        fail(str(error))
    except OSError as error:
        fail(f"cannot write {target}: {error.strerror}")
    click.echo(f"created {target} ({plural(len(written), 'file')}). Next:", err=True)
    click.echo(f"  ladder validate --strict {target}    # check it (it is valid now)", err=True)
    click.echo("  then edit the YAML: see the guide 'Adapt this framework' in the handbook", err=True)
