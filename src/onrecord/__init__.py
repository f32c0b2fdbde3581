"""onrecord: who said what, to whom, and when, in news."""

from .api import Extractor, default_extractor, extract, load_nlp
from .errors import ReadError
from .records import Addressee, Article, Cue, Extraction, Person, Quote, Speaker

__version__ = "0.1.0"

__all__ = [
    "Addressee",
    "Article",
    "Cue",
    "Extraction",
    "Extractor",
    "Person",
    "Quote",
    "ReadError",
    "Speaker",
    "default_extractor",
    "extract",
    "load_nlp",
]
