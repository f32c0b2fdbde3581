"""Learned attribution tagging (see :mod:`onrecord.model.tagger`)."""

from .tagger import SpanTagger, TaggerExtractor

__all__ = ["SpanTagger", "TaggerExtractor"]
