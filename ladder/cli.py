"""The `ladder` command. Each subcommand parses options and calls the package; no logic lives here."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ladder import __version__
from ladder.load import FrameworkNotFound
from ladder.problems import as_json, as_text, plural
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
