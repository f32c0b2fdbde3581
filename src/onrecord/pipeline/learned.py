"""The learned span tagger as a spaCy component: attribution spans the rules may miss.

``onrecord_tagger`` runs :class:`onrecord.model.tagger.SpanTagger` (MiniLM-L6,
int8, onnxruntime) over the text and puts what it finds on
``doc._.onrecord_tagged``, one :class:`Tagged` per attribution, as character
pieces. It decides nothing on its own: :mod:`.attribution` merges these spans
with the rules' attributions (see :data:`PREFER` there) and resolves their
speakers with the same salience model.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from spacy.tokens import Doc

from ..errors import Errors
from ..records import Offsets
from .paragraphs import text_of

if not Doc.has_extension("onrecord_tagged"):
    Doc.set_extension("onrecord_tagged", default=None)


@dataclass
class Tagged:
    """One attribution as the tagger sees it: the character pieces of each role (empty when absent)."""

    source: list[Offsets] = field(default_factory=list)
    cue: list[Offsets] = field(default_factory=list)
    content: list[Offsets] = field(default_factory=list)
    score: float = 1.0  # the model's confidence: the lowest of its roles' mean label probabilities


class TaggerComponent:
    """Sets ``doc._.onrecord_tagged`` from the learned tagger.

    :param weights: folder with the exported model; None for the one shipped with onrecord.
    :param threads: onnxruntime threads (0: let onnxruntime decide).
    """

    def __init__(self, weights: str | Path | None = None, threads: int = 1) -> None:
        from ..model.tagger import WEIGHTS_DIR, SpanTagger

        folder = Path(weights) if weights else WEIGHTS_DIR
        if not SpanTagger.available(folder):
            raise FileNotFoundError(Errors.E014.format(path=folder))
        self.tagger = SpanTagger(folder, threads=threads)

    def __call__(self, doc: Doc) -> Doc:
        doc._.onrecord_tagged = [Tagged(**found) for found in self.tagger.attributions(text_of(doc))]
        return doc
