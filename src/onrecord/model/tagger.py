"""A learned attribution span tagger (source / cue / content), run without torch.

The model is a MiniLM-L6 token classifier (trained by ``train/train_tagger.py``)
exported to ONNX with int8 weights. It tags *words* (maximal ``\\w+`` runs,
the unit :mod:`onrecord.eval.matching` scores by) with BIO labels; the first
word of a later piece of a discontinuous content is tagged ``I-CONTENT``, so
``"X," he said, "Y"`` decodes to one content made of two pieces. Spans are
then grouped into attributions by proximity (:func:`link`).

Inference needs ``onnxruntime``, ``tokenizers`` and ``numpy`` only.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..records import Article, Cue, Extraction, Offsets, Quote, Speaker

#: Where the exported model lives by default.
WEIGHTS_DIR = Path(__file__).resolve().parent / "weights"
MODEL_FILE = "tagger.int8.onnx"
TOKENIZER_FILE = "tokenizer.json"
META_FILE = "tagger.json"

ROLES = ("SOURCE", "CUE", "CONTENT")
ROLE_NAMES = ("source", "cue", "content")
LABELS = ("O",) + tuple(f"{p}-{r}" for r in ROLES for p in ("B", "I"))
LABEL_ID = {label: i for i, label in enumerate(LABELS)}

#: Model tokens: words (scored) and single punctuation characters (context only).
_TOKEN = re.compile(r"\w+|[^\w\s]")
_WORD_START = re.compile(r"\w")
#: Sentence ends: ``.!?`` maybe followed by a closing quotation mark, before whitespace; or a line break.
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’']?\s+|\n+")

MAX_PIECES = 256  # word pieces per window, [CLS] and [SEP] included
CORE_PIECES = 254  # of which predictions are kept (as in training); what is left of the window is context


@dataclass
class Token:
    start: int
    end: int
    is_word: bool


def tokenize(text: str) -> list[Token]:
    """The model tokens of ``text``: ``\\w+`` words and punctuation characters."""
    return [Token(m.start(), m.end(), _WORD_START.match(m.group()) is not None) for m in _TOKEN.finditer(text)]


def sentences(text: str, tokens: Sequence[Token]) -> list[tuple[int, int]]:
    """Sentences as ``[first, last)`` token index ranges."""
    ends = [m.end() for m in _SENTENCE_END.finditer(text)]
    result: list[tuple[int, int]] = []
    first = 0
    e = 0
    for i, tok in enumerate(tokens):
        while e < len(ends) and ends[e] <= tok.start:
            e += 1
            if i > first:
                result.append((first, i))
                first = i
    if first < len(tokens):
        result.append((first, len(tokens)))
    return result


def piece_counts(tokenizer, text: str, tokens: Sequence[Token]) -> list[int]:
    """How many word pieces each token becomes (at least 1)."""
    enc = tokenizer.encode([text[t.start:t.end] for t in tokens], is_pretokenized=True, add_special_tokens=False)
    counts = [0] * len(tokens)
    for wid in enc.word_ids:
        if wid is not None:
            counts[wid] += 1
    return [max(1, c) for c in counts]


def pack(sents: Sequence[tuple[int, int]], counts: Sequence[int], budget: int) -> list[tuple[int, int]]:
    """Consecutive token ranges of whole sentences, each at most ``budget`` pieces (long sentences are cut)."""
    chunks: list[tuple[int, int]] = []
    start = None
    size = 0
    for a, b in sents:
        n = sum(counts[a:b])
        if n > budget:  # cut an over-long sentence
            if start is not None:
                chunks.append((start, a))
                start, size = None, 0
            s, acc = a, 0
            for i in range(a, b):
                if acc + counts[i] > budget and i > s:
                    chunks.append((s, i))
                    s, acc = i, 0
                acc += counts[i]
            chunks.append((s, b))
            continue
        if start is not None and size + n > budget:
            chunks.append((start, a))
            start, size = None, 0
        if start is None:
            start = a
        size += n
    if start is not None:
        chunks.append((start, sents[-1][1]))
    return chunks


def windows(counts: Sequence[int], sents: Sequence[tuple[int, int]], core: int = CORE_PIECES,
            total: int = MAX_PIECES) -> list[tuple[int, int, int, int]]:
    """``(left, core_start, core_end, right)`` token ranges: cores tile the text, context pads them."""
    result = []
    room = total - 2
    for a, b in pack(sents, counts, core):
        n = sum(counts[a:b])
        spare = max(0, room - n)
        left, used = a, 0
        while left > 0 and used + counts[left - 1] <= spare // 2:
            left -= 1
            used += counts[left]
        right, used2 = b, 0
        while right < len(counts) and used + used2 + counts[right] <= spare:
            used2 += counts[right]
            right += 1
        result.append((left, a, b, right))
    return result


# ---------------------------------------------------------------- decoding


@dataclass
class Mention:
    role: str
    words: list[int] = field(default_factory=list)  # indices into the token list (words only)
    score: float = 1.0  # the model's mean probability for the labels of its words

    @property
    def first(self) -> int:
        return self.words[0]

    @property
    def last(self) -> int:
        return self.words[-1]


#: How many words may separate two pieces of one content: a cue and its speaker ("“X,” said Jane Roe,
#: “Y”"), not a sentence of narration (chosen on PolNeAR dev: 5 against 40 gives +0.5 content F1).
CONTENT_GAP = 5
#: Join two content runs only when a cue lies between them (``"X," he said, "Y"``).
GAP_NEEDS_CUE = True


def decode(labels: Sequence[str], tokens: Sequence[Token]) -> list[Mention]:
    """Mentions from per-token labels (punctuation tokens are ignored)."""
    mentions: list[Mention] = []
    open_: dict[str, Mention | None] = {r: None for r in ROLES}
    prev_role: str | None = None
    word_pos = 0  # running count of words, to measure gaps
    positions: dict[int, int] = {}
    after_cue: set[int] = set()  # content mentions that open right after a cue word: its content already
    prev_label = "O"
    for i, (label, tok) in enumerate(zip(labels, tokens)):
        if not tok.is_word:
            continue
        positions[i] = word_pos
        word_pos += 1
        before, prev_label = prev_label, label
        if label == "O":
            prev_role = None
            continue
        bio, role = label.split("-", 1)
        current = open_[role]
        if bio == "I" and current is not None:
            if prev_role == role:
                current.words.append(i)
                continue
            gap = positions[i] - positions[current.last] - 1
            between = {labels[k].split("-", 1)[-1] for k in range(current.last + 1, i) if tokens[k].is_word}
            if (role == "CONTENT" and gap <= CONTENT_GAP and (not GAP_NEEDS_CUE or "CUE" in between)
                    and id(current) not in after_cue):
                # "said X, adding Y": two contents. Even with a speaker between ("said the tax, she stressed,
                # would never rise"), joining them cost 0.3 of content F1 on PolNeAR dev
                current.words.append(i)
                prev_role = role
                continue
        mention = Mention(role, [i])
        if role == "CONTENT" and before.endswith("-CUE"):
            after_cue.add(id(mention))
        mentions.append(mention)
        open_[role] = mention
        prev_role = role
    return mentions


def _distance(a: Mention, b: Mention) -> int:
    if a.last < b.first:
        return b.first - a.last
    if b.last < a.first:
        return a.first - b.last
    return 0


SOURCE_GAP = 20


def link(mentions: Sequence[Mention], max_gap: int = 60, source_gap: int | None = None,
         paragraph: Sequence[int] | None = None,
         ) -> list[tuple[Mention | None, Mention | None, Mention | None]]:
    """Group mentions into ``(source, cue, content)`` attributions by proximity (in token indices).

    Each content goes to its nearest cue (within ``max_gap`` tokens), each cue to its nearest
    source (within ``source_gap``); contents without a cue take the nearest source. With
    ``paragraph`` (each token's paragraph number), mentions are linked within a paragraph only.
    """
    source_gap = SOURCE_GAP if source_gap is None else source_gap
    sources = [m for m in mentions if m.role == "SOURCE"]
    cues = [m for m in mentions if m.role == "CUE"]
    contents = [m for m in mentions if m.role == "CONTENT"]

    def nearest(m: Mention, pool: list[Mention], gap: int = max_gap) -> Mention | None:
        if paragraph is not None:
            pool = [p for p in pool if paragraph[p.first] == paragraph[m.first]]
        best = min(pool, key=lambda p: (_distance(m, p), abs(p.first - m.first)), default=None)
        return best if best is not None and _distance(m, best) <= gap else None

    cue_source = {id(c): nearest(c, sources, source_gap) for c in cues}
    by_cue: dict[int, list[Mention]] = {id(c): [] for c in cues}
    triples: list[tuple[Mention | None, Mention | None, Mention | None]] = []
    used_sources: set[int] = set()
    for content in contents:
        cue = nearest(content, cues)
        if cue is not None:
            by_cue[id(cue)].append(content)
        else:
            source = nearest(content, sources, source_gap)
            if source is not None:
                used_sources.add(id(source))
            triples.append((source, None, content))
    for cue in cues:
        source = cue_source[id(cue)]
        if source is not None:
            used_sources.add(id(source))
        for content in by_cue[id(cue)] or [None]:
            triples.append((source, cue, content))
    triples.extend((s, None, None) for s in sources if id(s) not in used_sources)
    triples.sort(key=lambda t: min(m.first for m in t if m is not None))
    return triples


def paragraph_numbers(text: str, tokens: Sequence[Token]) -> list[int]:
    """Each token's paragraph: how many line breaks come before it."""
    numbers = []
    count = 0
    last = 0
    for token in tokens:
        count += text.count("\n", last, token.start)
        last = token.start
        numbers.append(count)
    return numbers


def pieces(mention: Mention, tokens: Sequence[Token]) -> list[Offsets]:
    """The character pieces of a mention: one per run of consecutive words."""
    result: list[list[int]] = []
    prev = None
    for i in mention.words:
        if prev is not None and _only_punct_between(prev, i, tokens):
            result[-1][1] = tokens[i].end
        else:
            result.append([tokens[i].start, tokens[i].end])
        prev = i
    return [(a, b) for a, b in result]


def _only_punct_between(a: int, b: int, tokens: Sequence[Token]) -> bool:
    return all(not tokens[k].is_word for k in range(a + 1, b))


# ---------------------------------------------------------------- the tagger

#: Added to the logits of the B- labels before the argmax (the model under-predicts span starts).
B_BIAS = 0.0


#: Decode with BIO transition constraints rather than a per-word argmax.
VITERBI = True


def allowed(prev: str, label: str) -> bool:
    """May ``label`` follow ``prev`` (on consecutive words)? ``I-CONTENT`` may resume after a cue or source."""
    if not label.startswith("I-"):
        return True
    role = label[2:]
    if prev[2:] == role:
        return True
    return role == "CONTENT" and prev != "O"


def viterbi(logits, tokens: Sequence[Token], labels: Sequence[str] = LABELS) -> list[str]:
    """The best label sequence over the words under :func:`allowed`, from per-word log-softmax scores."""
    import numpy as np

    words = [i for i, t in enumerate(tokens) if t.is_word]
    out = ["O"] * len(tokens)
    if not words:
        return out
    x = logits[words].astype(np.float64)
    x = x - x.max(axis=1, keepdims=True)
    logp = x - np.log(np.exp(x).sum(axis=1, keepdims=True))
    n, k = logp.shape
    trans = np.array([[0.0 if allowed(a, b) else -1e9 for b in labels] for a in labels])
    start = np.array([0.0 if not lab.startswith("I-") else -1e9 for lab in labels])
    score = start + logp[0]
    back = np.zeros((n, k), dtype=np.int64)
    for t in range(1, n):
        cand = score[:, None] + trans
        back[t] = cand.argmax(axis=0)
        score = cand.max(axis=0) + logp[t]
    best = [int(score.argmax())]
    for t in range(n - 1, 0, -1):
        best.append(int(back[t, best[-1]]))
    best.reverse()
    for i, j in zip(words, best):
        out[i] = labels[j]
    return out


def choose(logits, labels: Sequence[str] = LABELS, b_bias: float = B_BIAS) -> list[str]:
    """Per token label from logits, with ``b_bias`` added to every ``B-`` label."""
    adjusted = logits.copy()
    for j, label in enumerate(labels):
        if label.startswith("B-"):
            adjusted[:, j] += b_bias
    return [labels[int(j)] for j in adjusted.argmax(axis=1)]



class SpanTagger:
    """Tags attribution spans in text with the exported ONNX model.

    :param weights: the folder holding ``tagger.int8.onnx``, ``tokenizer.json`` and ``tagger.json``.
    :param threads: onnxruntime intra-op threads.
    :param core_pieces: word pieces per window whose labels are kept; the rest of the window is context.
    """

    def __init__(self, weights: str | Path = WEIGHTS_DIR, threads: int = 2, model_file: str = MODEL_FILE,
                 core_pieces: int = CORE_PIECES) -> None:
        self.core_pieces = core_pieces
        import numpy as np
        import onnxruntime as ort
        from tokenizers import Tokenizer

        weights = Path(weights)
        self._np = np
        self.tokenizer = Tokenizer.from_file(str(weights / TOKENIZER_FILE))
        self.tokenizer.no_padding()
        self.tokenizer.no_truncation()
        meta_path = weights / META_FILE
        self.meta = json.loads(meta_path.read_text()) if meta_path.exists() else {}
        self.labels = tuple(self.meta.get("labels", LABELS))
        options = ort.SessionOptions()
        options.intra_op_num_threads = threads
        options.inter_op_num_threads = 1
        self.session = ort.InferenceSession(str(weights / model_file), options, providers=["CPUExecutionProvider"])
        self.cls_id = self.tokenizer.token_to_id("[CLS]")
        self.sep_id = self.tokenizer.token_to_id("[SEP]")

    @staticmethod
    def available(weights: str | Path = WEIGHTS_DIR) -> bool:
        return (Path(weights) / MODEL_FILE).exists()

    def token_logits(self, text: str):
        """The model tokens of ``text`` and a ``(tokens, labels)`` array of logits (zeros for punctuation)."""
        np = self._np
        tokens = tokenize(text)
        logits_out = np.zeros((len(tokens), len(self.labels)), dtype=np.float32)
        if not tokens:
            return tokens, logits_out
        enc = self.tokenizer.encode([text[t.start:t.end] for t in tokens], is_pretokenized=True, add_special_tokens=False)
        token_pieces: list[list[int]] = [[] for _ in tokens]
        for pid, wid in zip(enc.ids, enc.word_ids):
            if wid is not None:
                token_pieces[wid].append(pid)
        unk = self.tokenizer.token_to_id("[UNK]")
        token_pieces = [tp or [unk] for tp in token_pieces]
        counts = [len(tp) for tp in token_pieces]
        batch: list[tuple[list[int], list[tuple[int, int]]]] = []
        for left, a, b, right in windows(counts, sentences(text, tokens), core=self.core_pieces):
            seq = [self.cls_id]
            targets = []
            for k in range(left, right):
                if a <= k < b and tokens[k].is_word:
                    targets.append((k, len(seq)))
                seq.extend(token_pieces[k])
            seq = seq[: MAX_PIECES - 1] + [self.sep_id]
            batch.append((seq, [(k, p) for k, p in targets if p < MAX_PIECES - 1]))
        for start in range(0, len(batch), 8):
            chunk = batch[start:start + 8]
            width = max(len(s) for s, _ in chunk)
            input_ids = np.zeros((len(chunk), width), dtype=np.int64)
            mask = np.zeros((len(chunk), width), dtype=np.int64)
            for r, (seq, _) in enumerate(chunk):
                input_ids[r, :len(seq)] = seq
                mask[r, :len(seq)] = 1
            (logits,) = self.session.run(None, {"input_ids": input_ids, "attention_mask": mask})
            for r, (_, targets) in enumerate(chunk):
                for k, p in targets:
                    logits_out[k] = logits[r, p]
        return tokens, logits_out

    def label_tokens(self, text: str) -> tuple[list[Token], list[str], list[float]]:
        """The model tokens of ``text``, each one's label and the model's probability for that label."""
        tokens, logits = self.token_logits(text)
        return (tokens, *self.labels_from_logits(tokens, logits))

    def labels_from_logits(self, tokens: Sequence[Token], logits) -> tuple[list[str], list[float]]:
        """Each token's label (best BIO sequence) and the model's probability for it."""
        np = self._np
        labels = viterbi(logits, tokens, self.labels) if VITERBI else choose(logits, self.labels, self.meta.get("b_bias", B_BIAS))
        x = logits - logits.max(axis=1, keepdims=True)
        probs = np.exp(x) / np.exp(x).sum(axis=1, keepdims=True)
        index = {label: j for j, label in enumerate(self.labels)}
        return labels, [float(probs[i, index[lab]]) for i, lab in enumerate(labels)]

    def mentions(self, text: str) -> tuple[list[Token], list[Mention]]:
        tokens, logits = self.token_logits(text)
        return tokens, self.mentions_from_logits(tokens, logits)

    def mentions_from_logits(self, tokens: Sequence[Token], logits) -> list[Mention]:
        labels, probs = self.labels_from_logits(tokens, logits)
        found = decode(labels, tokens)
        for mention in found:
            mention.score = sum(probs[i] for i in mention.words) / len(mention.words)
        return found

    def attributions(self, text: str) -> list[dict]:
        """``[{"source": [(s, e)...], "cue": [...], "content": [...], "score": p}]``.

        The character pieces of each role (empty when absent), and the lowest of the
        roles' scores (each the model's mean probability for the labels of its words).
        """
        return self.attributions_from_logits(text, *self.token_logits(text))

    def attributions_from_logits(self, text: str, tokens: Sequence[Token], logits) -> list[dict]:
        """:meth:`attributions`, from what :meth:`token_logits` gave."""
        mentions = self.mentions_from_logits(tokens, logits)
        result = []
        for triple in link(mentions, paragraph=paragraph_numbers(text, tokens)):
            found: dict = {role: (pieces(m, tokens) if m is not None else []) for role, m in zip(ROLE_NAMES, triple)}
            found["score"] = round(min(m.score for m in triple if m is not None), 4)
            result.append(found)
        return result

    def quotes(self, text: str) -> list[Quote]:
        """The attributions as :class:`onrecord.records.Quote` objects (speaker people left empty)."""
        result = []
        for attribution in self.attributions(text):
            content = attribution["content"]
            cue = attribution["cue"]
            source = attribution["source"]
            body = " … ".join(text[s:e] for s, e in content)
            kind = "direct" if content and _opens_quote(text, content[0][0]) else "indirect"
            result.append(Quote(
                kind=kind,  # type: ignore[arg-type]
                text=body,
                spans=list(content),
                cue=Cue(text[cue[0][0]:cue[-1][1]], (cue[0][0], cue[-1][1])) if cue else None,
                speaker=Speaker(text[source[0][0]:source[-1][1]], (source[0][0], source[-1][1])) if source else None,
                confidence=0.5,
            ))
        return result


def _opens_quote(text: str, start: int) -> bool:
    before = text[max(0, start - 2):start]
    return any(q in before for q in "\"“'‘")


class TaggerExtractor:
    """An object with :meth:`onrecord.api.Extractor.pipe`'s shape, backed by :class:`SpanTagger`.

    Enough for :func:`onrecord.eval.polnear.evaluate`; people and organizations are not resolved.
    """

    def __init__(self, tagger: SpanTagger | None = None, **kwargs) -> None:
        self.tagger = tagger or SpanTagger(**kwargs)

    def pipe(self, articles: Iterable[Article]) -> Iterator[Extraction]:
        for article in articles:
            yield Extraction(article, self.tagger.quotes(article.text))
