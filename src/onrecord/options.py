"""Command-line options shared by the commands that extract (``extract``, ``ingest``)."""

from __future__ import annotations

import click

from .pipeline.tables import SCOPES

rules_only_option = click.option(
    "--rules-only", is_flag=True, help="Skip the learned span tagger: faster, finds fewer attributions."
)

scope_option = click.option(
    "--scope", type=click.Choice(SCOPES), default="speech", show_default=True,
    help="'speech': what people said, wrote or are said to think; 'all': also the acts and stances "
         "attribution corpora count (\"declined to\", \"unveiled a plan\").",
)
