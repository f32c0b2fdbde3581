"""Readable output of extractions for the terminal (rich)."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from .records import Extraction


def extraction_table(extraction: Extraction) -> Table:
    """A table of one article's quotations: speaker, cue, kind, words."""
    article = extraction.article
    title = " · ".join(x for x in (article.id, article.date, article.title) if x)
    table = Table(title=title, show_lines=False, expand=True)
    table.add_column("speaker", style="bold cyan", ratio=2, overflow="fold")
    table.add_column("as written", style="dim", ratio=1, overflow="fold")
    table.add_column("cue", style="magenta", ratio=1, overflow="fold")
    table.add_column("to", ratio=2, overflow="fold")
    table.add_column("kind", width=8)
    table.add_column("words", ratio=7)
    for quote in extraction.quotes:
        speaker = quote.speaker
        who = ", ".join(speaker.people or speaker.organizations) if speaker else ""
        table.add_row(
            who or "?",
            speaker.text if speaker else "",
            quote.cue.text if quote.cue else "",
            quote.addressee.text if quote.addressee else "",
            quote.kind,
            quote.text,
        )
    return table


def print_extraction(extraction: Extraction, console: Console | None = None) -> None:
    """Print one article's quotations as a table."""
    console = console or Console()
    console.print(extraction_table(extraction))
    if extraction.people:
        people = "; ".join(
            p.name + (f" ({', '.join(p.roles)})" if p.roles else "") for p in extraction.people
        )
        console.print(f"[bold]people:[/bold] {people}")
