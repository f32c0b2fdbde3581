"""spaCy factories of onrecord's components (registered by entry point)."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

if not Doc.has_extension("quotes"):
    Doc.set_extension("quotes", default=[])
if not Doc.has_extension("people"):
    Doc.set_extension("people", default=[])
if not Doc.has_extension("organizations"):
    Doc.set_extension("organizations", default=[])


class Onrecord:
    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        doc._.quotes = []
        doc._.people = []
        doc._.organizations = []
        return doc


@Language.factory("onrecord")
def make_onrecord(nlp: Language, name: str) -> Onrecord:
    return Onrecord(nlp, name)
