"""The command line: a thin layer over the library API."""

from __future__ import annotations

import json
import sys
from datetime import date as _date

import click

from .errors import Errors, ReadError
from .options import rules_only_option, scope_option

EXIT_OK, EXIT_INPUT_ERRORS, EXIT_USAGE = 0, 1, 2


def validate_date(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """A click callback accepting only YYYY-MM-DD."""
    if value is None:
        return None
    try:
        return _date.fromisoformat(value).isoformat()
    except ValueError:
        raise click.BadParameter(Errors.E009.format(value=value)) from None


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="onrecord")
def main() -> None:
    """Who said what, to whom, and when: attributions in news articles."""


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--json", "as_json", is_flag=True, help="One JSON object per article per line.")
@click.option("--date", callback=validate_date, help="Date (YYYY-MM-DD) of articles that carry none.")
@click.option("--model", default=None, help="spaCy pipeline to use (default: the bundled English one).")
@rules_only_option
@scope_option
def extract(
    paths: tuple[str, ...], as_json: bool, date: str | None, model: str | None, rules_only: bool, scope: str
) -> None:
    """Print the attributions of the articles in PATHS (files, directories or -)."""
    from .api import DEFAULT_MODEL, Extractor
    from .readers import iter_articles
    from .render import print_extraction

    extractor = Extractor(model or DEFAULT_MODEL, learned=not rules_only, scope=scope)
    failed = 0
    stdin = sys.stdin.buffer if "-" in paths else None
    for item in extractor.pipe(iter_articles(paths, stdin=stdin, default_date=date)):
        if isinstance(item, ReadError):
            failed += 1
            click.echo(f"onrecord: {item}", err=True)
            continue
        if as_json:
            click.echo(json.dumps(item.to_dict(), ensure_ascii=False))
        else:
            print_extraction(item)
    sys.exit(EXIT_INPUT_ERRORS if failed else EXIT_OK)


def _register_subsystems() -> None:
    """Attach the commands each layer defines in its own ``commands`` module."""
    from importlib import import_module

    for module_name in ("onrecord.store.commands", "onrecord.eval.commands", "onrecord.web.commands",
                        "onrecord.spark.commands"):
        try:
            module = import_module(module_name)
        except ModuleNotFoundError as err:
            if err.name != module_name:
                raise
            continue
        for command in getattr(module, "COMMANDS", ()):
            main.add_command(command)


_register_subsystems()
