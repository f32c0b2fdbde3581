"""The ``onrecord eval`` commands: a thin layer over :mod:`onrecord.eval`.

The extractor is built from ``--model``, unless the click context object
(a dict) already holds one under ``"extractor"``, which is how tests run
the commands without loading a model.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import click
from rich.console import Console

from ..errors import ReadError
from ..pipeline.tables import SCOPES
from ..records import Extraction
from .gold import GoldReport, load_gold, score_gold
from .polnear import SupportsPipe, evaluate
from .render import print_report

EXIT_OK, EXIT_FAILED = 0, 1


@click.group("eval")
def eval_group() -> None:
    """Measure extraction against annotated articles."""


@eval_group.command("polnear")
@click.argument("root", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--split", required=True, help="The compartment to score: ROOT/SPLIT/text and ROOT/SPLIT/attributions.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
@click.option("--errors", is_flag=True, help="Also show, per article, what was missed and what was spurious.")
@click.option("--limit", type=click.IntRange(min=1), default=None, help="Score only the first N articles.")
@click.option("--model", default=None, help="spaCy pipeline to use (default: the bundled English one).")
@click.option("--rules-only", is_flag=True, help="Score the rules alone, without the learned span tagger.")
@click.option(
    "--scope", type=click.Choice(SCOPES), default="all", show_default=True,
    help="What to extract: 'all' attributions as PolNeAR counts them, or 'speech' as extract does by default.",
)
@click.pass_context
def polnear(
    ctx: click.Context, root: Path, split: str, as_json: bool, errors: bool, limit: int | None, model: str | None,
    rules_only: bool, scope: str,
) -> None:
    """Score extraction against the PolNeAR-layout corpus at ROOT.

    Precision, recall and F1 in percent of source, cue and content, by exact
    span, same first word and word overlap, and of whole attributions (exact,
    partial); punctuation never counts. An article annotated by several
    annotators is scored against each one's file. Exit 1 when some article
    could not be extracted (it then counts as predicting nothing). PolNeAR
    counts acts and stances ("declined to", "unveiled a plan") as
    attributions, so the default scope here is 'all'.
    """
    try:
        extractor = _extractor(ctx, model, learned=not rules_only, scope=scope)
        report = evaluate(root, split, extractor, limit=limit, errors=errors)
    except FileNotFoundError as err:
        raise click.UsageError(str(err)) from None
    for problem in report.problems:
        click.echo(f"onrecord: warning: {problem}", err=True)
    for failure in report.failures:
        click.echo(f"onrecord: {failure}", err=True)
    if as_json:
        click.echo(json.dumps(report.to_dict(errors=errors), ensure_ascii=False))
    else:
        print_report(report, Console(), errors=errors)
    sys.exit(EXIT_FAILED if report.failures else EXIT_OK)


@eval_group.command("gold")
@click.argument("gold_path", metavar="GOLD.json", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.argument("path", type=click.Path(exists=True, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
@click.option("--model", default=None, help="spaCy pipeline to use (default: the bundled English one).")
@click.pass_context
def gold(ctx: click.Context, gold_path: Path, path: Path, as_json: bool, model: str | None) -> None:
    """Score the article at PATH against GOLD.json, as shared/tools/score_gold.py does.

    Exit 1 unless every required quote is found with the right speakers,
    nothing is spurious and no person is missing.
    """
    from ..readers import iter_articles

    try:
        data = load_gold(gold_path)
    except ValueError as error:
        raise click.ClickException(str(error)) from error
    extractions: list[Extraction] = []
    for item in _extractor(ctx, model).pipe(iter_articles([str(path)])):
        if isinstance(item, ReadError):
            click.echo(f"onrecord: {item}", err=True)
        else:
            extractions.append(item)
    extraction = _pick(extractions, str(data.get("id")))
    if extraction is None:
        raise click.ClickException(f"{path}: no article with id {data.get('id')!r} among {len(extractions)}")
    report = score_gold(data, extraction)
    _print_gold(report, as_json)
    sys.exit(EXIT_OK if report.ok else EXIT_FAILED)


def _extractor(ctx: click.Context, model: str | None, learned: bool = True, scope: str = "speech") -> SupportsPipe:
    obj: Any = ctx.find_object(dict)
    if obj is not None and obj.get("extractor") is not None:
        extractor: SupportsPipe = obj["extractor"]
        return extractor
    from ..api import DEFAULT_MODEL, Extractor

    return Extractor(model or DEFAULT_MODEL, learned=learned, scope=scope)


def _pick(extractions: list[Extraction], gold_id: str) -> Extraction | None:
    """The extraction with the gold's id, else the only one (as ``score_gold.py`` does)."""
    for extraction in extractions:
        if extraction.article.id == gold_id:
            return extraction
    return extractions[0] if len(extractions) == 1 else None


def _print_gold(report: GoldReport, as_json: bool) -> None:
    if as_json:
        click.echo(json.dumps(report.to_dict(), ensure_ascii=False))
        return
    for line in report.lines():
        click.echo(line)


COMMANDS = (eval_group,)
