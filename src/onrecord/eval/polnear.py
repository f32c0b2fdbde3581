"""Score extraction against a PolNeAR-layout corpus.

The layout is ``ROOT/SPLIT/text/NAME.txt`` (the articles) and
``ROOT/SPLIT/attributions/NAME_ANNOTATOR.ann`` (one brat file per annotator
of the article). Each (article, annotator) pair is one *document*: an
article annotated by two annotators is extracted once and scored twice.

Roles are compared as :mod:`onrecord.eval.matching` explains (by the words
they cover; punctuation, quotation marks and whitespace never count). A
predicted quote gives a *source* (``speaker.span``: the mention as written),
a *cue* (``cue.span``) and a *content* (all of ``spans``). Within a
document, a role's mentions are counted once each however many attributions
share them (one source often has several contents).

Each role is also scored *sentence* by sentence, as published results on
PolNeAR are: every mention is cut at sentence boundaries
(:mod:`onrecord.eval.sentences`) and the pieces are matched exactly.

Whole attributions are scored too: *exact* when every role agrees (a role
absent from the gold must be absent from the prediction), *partial* when
every role the gold has overlaps the predicted one by at least a word (roles
the gold lacks are ignored). Gold relations without any role are ignored.

All figures are micro-averaged over the documents, in percent.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from ..errors import ReadError
from ..records import Article, Extraction, Offsets, Quote
from .brat import ROLES, Annotation, read_ann, split_ann_name
from .matching import MATCHERS, Mention, Score, Words, by_sentence, exact, max_matching
from .sentences import sentence_starts

#: The ways roles are matched, in the order they are reported: the matchers, then *sentence*
#: (exact match of each mention's piece in each sentence, as published PolNeAR results count).
KINDS = (*MATCHERS, "sentence")
#: The ways whole attributions are matched.
ATTRIBUTION_KINDS = ("exact", "partial")

Triple = tuple[Mention | None, Mention | None, Mention | None]
"""An attribution's source, cue and content mentions (None when absent)."""


class SupportsPipe(Protocol):
    """What :func:`evaluate` needs of an extractor (:class:`onrecord.api.Extractor` has it)."""

    def pipe(self, articles: Iterable[Article | ReadError]) -> Iterator[Extraction | ReadError]:
        """Extract the articles, in order."""
        ...


@dataclass
class Counts:
    """The scores of one document, or summed over many."""

    roles: dict[str, dict[str, Score]] = field(
        default_factory=lambda: {kind: {role: Score() for role in ROLES} for kind in KINDS}
    )
    attribution: dict[str, Score] = field(default_factory=lambda: {kind: Score() for kind in ATTRIBUTION_KINDS})

    def __add__(self, other: Counts) -> Counts:
        return Counts(
            roles={k: {r: self.roles[k][r] + other.roles[k][r] for r in ROLES} for k in KINDS},
            attribution={k: self.attribution[k] + other.attribution[k] for k in ATTRIBUTION_KINDS},
        )

    def to_dict(self) -> dict[str, Any]:
        """The ``eval polnear --json`` shape: exact role scores at the top level."""
        result: dict[str, Any] = {role: self.roles["exact"][role].to_dict() for role in ROLES}
        for kind in KINDS:
            if kind != "exact":
                result[kind] = {role: self.roles[kind][role].to_dict() for role in ROLES}
        result["attribution"] = {kind: self.attribution[kind].to_dict() for kind in ATTRIBUTION_KINDS}
        return result


@dataclass
class SpanError:
    """A gold mention no prediction matched exactly, or a prediction matching none."""

    role: str
    status: str  # "missed" or "spurious"
    pieces: list[Offsets]
    text: str  # the pieces' text, joined by " … "
    # The sentence(s) around it, each whitespace run made one space:
    before: str  # what precedes the first piece,
    middle: str  # the text from the first piece's start to the last one's end,
    after: str  # and what follows.

    @property
    def context(self) -> str:
        """The sentence(s) holding the mention, on one line."""
        return (self.before + self.middle + self.after).strip()

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready form."""
        return {"role": self.role, "status": self.status, "spans": [list(p) for p in self.pieces],
                "text": self.text, "context": self.context}


@dataclass
class DocumentResult:
    """The scores of one (article, annotator) document."""

    article: str
    annotator: str
    counts: Counts
    errors: list[SpanError] = field(default_factory=list)


@dataclass
class Report:
    """The result of :func:`evaluate`."""

    split: str
    articles: int
    documents: list[DocumentResult]
    total: Counts
    #: Summed counts per article group (the publisher: what precedes the first ``_`` of the name).
    groups: dict[str, Counts]
    #: Annotation quirks and unusable files, one line each (the rest was still scored).
    problems: list[str] = field(default_factory=list)
    #: Articles the extractor failed on (scored as predicting nothing), one line each.
    failures: list[str] = field(default_factory=list)

    def to_dict(self, *, errors: bool = False) -> dict[str, Any]:
        """The ``onrecord eval polnear --json`` object."""
        result: dict[str, Any] = {"articles": self.articles, "documents": len(self.documents), "split": self.split}
        result.update(self.total.to_dict())
        result["groups"] = {name: counts.to_dict() for name, counts in sorted(self.groups.items())}
        if errors:
            result["errors"] = [
                {
                    "article": doc.article,
                    "annotator": doc.annotator,
                    "errors": [error.to_dict() for error in doc.errors],
                }
                for doc in self.documents
                if doc.errors
            ]
        return result


def evaluate(
    root: str | Path,
    split: str,
    extractor: SupportsPipe,
    *,
    limit: int | None = None,
    errors: bool = False,
) -> Report:
    """Extract the articles of ``ROOT/SPLIT`` and score them against their annotations.

    :param root: the corpus folder (holding ``SPLIT/text`` and ``SPLIT/attributions``).
    :param split: the compartment, e.g. ``"dev"``.
    :param extractor: anything with :meth:`onrecord.api.Extractor.pipe`.
    :param limit: score only the first ``limit`` articles (by file name), with all their annotators.
    :param errors: also list, per document, the mentions missed and the spurious ones.
    :raises FileNotFoundError: when ``ROOT/SPLIT/text`` or ``ROOT/SPLIT/attributions`` is missing.
    """
    text_dir, ann_dir = _split_dirs(root, split)
    names, annotators, problems = _index(text_dir, ann_dir)
    failures: list[str] = []
    if limit is not None:
        names = names[:limit]

    def articles() -> Iterator[Article]:
        for name in names:
            path = text_dir / f"{name}.txt"
            yield Article(text=path.read_bytes().decode("utf-8"), id=name, source=str(path))

    documents: list[DocumentResult] = []
    groups: dict[str, Counts] = {}
    for article, result in _paired(articles(), extractor):
        name = article.id or ""
        extraction = result if isinstance(result, Extraction) else None
        if isinstance(result, ReadError):
            failures.append(str(result))
        words = Words(article.text)
        sentence_of = words.sentence_ids(sentence_starts(article.text))  # once per article, not per annotator
        for ann_path in annotators[name]:
            annotation = read_ann(ann_path)
            problems.extend(f"{ann_path}: {problem}" for problem in annotation.problems)
            counts, found = score_document(words, annotation, extraction, errors=errors, sentence_of=sentence_of)
            documents.append(DocumentResult(name, split_ann_name(ann_path)[1], counts, found))
            group = name.split("_", 1)[0]
            groups[group] = groups.get(group, Counts()) + counts
    total = sum((d.counts for d in documents), Counts())
    return Report(split, len(names), documents, total, groups, problems, failures)


def _index(text_dir: Path, ann_dir: Path) -> tuple[list[str], dict[str, list[Path]], list[str]]:
    """The annotated articles (sorted), each one's annotation files, and the files left out."""
    problems: list[str] = []
    annotators: dict[str, list[Path]] = {}
    for ann_path in sorted(ann_dir.glob("*.ann")):
        try:
            article_name, _ = split_ann_name(ann_path)
        except ValueError as err:
            problems.append(f"{ann_path}: {err}")
            continue
        annotators.setdefault(article_name, []).append(ann_path)
    names = sorted(p.stem for p in text_dir.glob("*.txt") if p.stem in annotators)
    problems.extend(
        f"{ann_dir / name}_*.ann: annotations without {text_dir / (name + '.txt')}"
        for name in sorted(set(annotators) - set(names))
    )
    return names, annotators, problems


def gold_triples(words: Words, annotation: Annotation) -> list[Triple]:
    """The annotated attributions as word sets; relations without any role are left out."""
    triples = []
    for attribution in annotation.attributions:
        triple = _triple(words, [attribution.role(role) for role in ROLES])
        if any(m is not None for m in triple):
            triples.append(triple)
    return triples


def predicted_triples(words: Words, extraction: Extraction) -> list[Triple]:
    """The extracted quotes as word sets (source = speaker mention, cue, content)."""
    return [_triple(words, pieces) for pieces in (_quote_pieces(q) for q in extraction.quotes)]


def score_document(
    words: Words,
    annotation: Annotation,
    extraction: Extraction | None,
    *,
    errors: bool = False,
    sentence_of: list[int] | None = None,
) -> tuple[Counts, list[SpanError]]:
    """Score one document: an article's extraction against one annotator's file.

    :param words: the words of the article's text.
    :param extraction: the predictions, or None when extraction failed (nothing predicted).
    :param errors: also list the mentions missed and the spurious ones (exact match).
    :param sentence_of: each word's sentence number (computed from the text when not given).
    :returns: the counts, and the errors (empty unless ``errors``).
    """
    gold = gold_triples(words, annotation)
    predicted = predicted_triples(words, extraction) if extraction is not None else []
    counts = Counts()
    found: list[SpanError] = []
    if sentence_of is None:
        sentence_of = words.sentence_ids(sentence_starts(words.text))
    for index, role in enumerate(ROLES):
        gold_mentions = _distinct(t[index] for t in gold)
        predicted_mentions = _distinct(t[index] for t in predicted)
        for kind, matcher in MATCHERS.items():
            counts.roles[kind][role] = matcher(gold_mentions, predicted_mentions)
        counts.roles["sentence"][role] = exact(
            by_sentence(gold_mentions, sentence_of), by_sentence(predicted_mentions, sentence_of)
        )
        if errors:
            pieces = _original_pieces(words, role, annotation, extraction)
            found.extend(_role_errors(words, role, gold_mentions, predicted_mentions, pieces))
    exact_pairs = max_matching(gold, predicted, lambda g, p: g == p)
    partial_pairs = max_matching(gold, predicted, _partial)
    counts.attribution["exact"] = Score(len(exact_pairs), len(gold), len(predicted))
    counts.attribution["partial"] = Score(len(partial_pairs), len(gold), len(predicted))
    found.sort(key=lambda e: e.pieces[0])
    return counts, found


def corpus_sha256(root: str | Path, split: str, folder: str = "attributions") -> str:
    """A digest of ``ROOT/SPLIT/FOLDER``: every file's name and bytes, in name order.

    The CI gate pins it so that floors always refer to the same annotations.
    """
    digest = hashlib.sha256()
    for path in sorted(Path(root, split, folder).iterdir()):
        if path.is_file():
            digest.update(path.name.encode("utf-8") + b"\0")
            digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()


def sentence_around(text: str, start: int, end: int, limit: int = 300) -> Offsets:
    """The span of the sentence(s) holding ``text[start:end]``, at most ``limit`` characters more each side.

    Sentences end at ``.``, ``!`` or ``?`` (maybe followed by a closing
    quotation mark) before whitespace, and at line breaks.
    """
    before = text[max(0, start - limit):start]
    boundaries = list(_SENTENCE_END.finditer(before))
    left = start - len(before) + (boundaries[-1].end() if boundaries else 0)
    after = _SENTENCE_END.search(text, end, min(len(text), end + limit))
    right = after.end() if after else min(len(text), end + limit)
    return left, right


_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’']?\s+|\n")


def _one_line(text: str) -> str:
    return _SPACES.sub(" ", text)


_SPACES = re.compile(r"\s+")


def _split_dirs(root: str | Path, split: str) -> tuple[Path, Path]:
    base = Path(root, split)
    text_dir, ann_dir = base / "text", base / "attributions"
    for folder in (text_dir, ann_dir):
        if not folder.is_dir():
            raise FileNotFoundError(f"{folder}: no such folder (expected ROOT/SPLIT/text and ROOT/SPLIT/attributions)")
    return text_dir, ann_dir


def _paired(articles: Iterable[Article], extractor: SupportsPipe) -> Iterator[tuple[Article, Extraction | ReadError]]:
    """Each article with its extraction; the extractor's pipe keeps the order."""
    pending: list[Article] = []

    def remember() -> Iterator[Article]:
        for article in articles:
            pending.append(article)
            yield article

    for result in extractor.pipe(remember()):
        yield pending.pop(0), result


def _quote_pieces(quote: Quote) -> list[list[Offsets]]:
    source = [_offsets(quote.speaker.span)] if quote.speaker is not None else []
    cue = [_offsets(quote.cue.span)] if quote.cue is not None else []
    return [source, cue, [_offsets(s) for s in quote.spans]]


def _offsets(span: Iterable[int]) -> Offsets:
    start, end = span
    return int(start), int(end)


def _triple(words: Words, pieces: list[list[Offsets]]) -> Triple:
    source, cue, content = (words.mention(p) or None for p in pieces)
    return source, cue, content


def _distinct(mentions: Iterable[Mention | None]) -> list[Mention]:
    return list(dict.fromkeys(m for m in mentions if m is not None))


def _partial(gold: Triple, predicted: Triple) -> bool:
    return all(g is None or (p is not None and bool(g & p)) for g, p in zip(gold, predicted, strict=True))


def _original_pieces(
    words: Words, role: str, annotation: Annotation, extraction: Extraction | None
) -> dict[Mention, list[Offsets]]:
    """Each mention's pieces as first written, gold first, to show them in errors."""
    index = ROLES.index(role)
    pieces: dict[Mention, list[Offsets]] = {}
    sources: list[list[Offsets]] = [a.role(role) for a in annotation.attributions]
    if extraction is not None:
        sources.extend(_quote_pieces(q)[index] for q in extraction.quotes)
    for offsets in sources:
        mention = words.mention(offsets)
        if mention:
            pieces.setdefault(mention, list(offsets))
    return pieces


def _role_errors(
    words: Words, role: str, gold: list[Mention], predicted: list[Mention], pieces: dict[Mention, list[Offsets]]
) -> list[SpanError]:
    errors = []
    for status, mentions in (("missed", [m for m in gold if m not in set(predicted)]),
                             ("spurious", [m for m in predicted if m not in set(gold)])):
        for mention in mentions:
            offsets = pieces.get(mention) or [words.span(mention)]
            start, end = offsets[0][0], offsets[-1][1]
            left, right = sentence_around(words.text, start, end)
            errors.append(SpanError(
                role,
                status,
                offsets,
                text=" … ".join(words.text[s:e] for s, e in offsets),
                before=_one_line(words.text[left:start]),
                middle=_one_line(words.text[start:end]),
                after=_one_line(words.text[end:right]),
            ))
    return errors
