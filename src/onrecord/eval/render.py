"""Show evaluation reports on a terminal."""

from __future__ import annotations

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from .brat import ROLES
from .matching import Score
from .polnear import ATTRIBUTION_KINDS, KINDS, Report

_KIND_NAMES = {
    "exact": "exact span", "begin": "same first word", "overlap": "token overlap", "sentence": "exact, per sentence",
}


def report_table(report: Report) -> Table:
    """A table of every score of ``report``: one row per (match kind, role)."""
    table = Table(title=f"PolNeAR {report.split}: {report.articles} articles, {len(report.documents)} documents")
    table.add_column("match")
    table.add_column("role")
    for name in ("P", "R", "F1", "gold", "predicted"):
        table.add_column(name, justify="right")
    for kind in KINDS:
        for role in ROLES:
            table.add_row(_KIND_NAMES[kind], role, *_cells(report.total.roles[kind][role]))
        table.add_section()
    for kind in ATTRIBUTION_KINDS:
        table.add_row(kind, "attribution", *_cells(report.total.attribution[kind]))
    return table


def print_report(report: Report, console: Console, *, errors: bool = False) -> None:
    """Print the table, then (with ``errors``) what each document missed and invented."""
    console.print(report_table(report))
    if not errors:
        return
    for doc in report.documents:
        if not doc.errors:
            continue
        console.print(f"\n[bold]{escape(doc.article)}[/bold] (annotator {escape(doc.annotator)})")
        for error in doc.errors:
            spans = ";".join(f"{s}-{e}" for s, e in error.pieces)
            mark = "red" if error.status == "missed" else "yellow"
            console.print(
                f"  [{mark}]{error.status:8}[/{mark}] {error.role:7} {spans:<11} "
                f"[dim]{escape(error.before.lstrip())}[/dim][bold {mark}]{escape(error.middle)}[/bold {mark}]"
                f"[dim]{escape(error.after.rstrip())}[/dim]",
                highlight=False,
            )


def _cells(score: Score) -> list[str]:
    return [f"{score.p:.1f}", f"{score.r:.1f}", f"{score.f1:.1f}", str(score.gold), str(score.predicted)]
