"""The learned span tagger: decoding always; the exported model when its weights are present."""

from __future__ import annotations

import importlib.util

import pytest

from onrecord.model.tagger import WEIGHTS_DIR, decode, link, pieces, tokenize

TEXT = "“We won,” said Jane Roe, “and we will win again.”"


def _labels(text: str, tags: dict[str, str]) -> tuple[list, list[str]]:
    tokens = tokenize(text)
    return tokens, [tags.get(text[t.start:t.end], "O") for t in tokens]


def test_decode_joins_the_pieces_of_a_discontinuous_content() -> None:
    tags = {"We": "B-CONTENT", "won": "I-CONTENT", "said": "B-CUE", "Jane": "B-SOURCE", "Roe": "I-SOURCE",
            "and": "I-CONTENT", "we": "I-CONTENT", "will": "I-CONTENT", "win": "I-CONTENT", "again": "I-CONTENT"}
    tokens, labels = _labels(TEXT, tags)
    mentions = decode(labels, tokens)
    assert [m.role for m in mentions] == ["CONTENT", "CUE", "SOURCE"]
    (source, cue, content), = link(mentions)
    assert [TEXT[s:e] for s, e in pieces(content, tokens)] == ["We won", "and we will win again"]
    assert [TEXT[s:e] for s, e in pieces(source, tokens)] == ["Jane Roe"]
    assert [TEXT[s:e] for s, e in pieces(cue, tokens)] == ["said"]


_RUNTIME = importlib.util.find_spec("onnxruntime") is not None and importlib.util.find_spec("tokenizers") is not None


@pytest.mark.skipif(not (WEIGHTS_DIR / "tagger.int8.onnx").exists(),
                    reason="no exported tagger weights (run train/train_tagger.py)")
@pytest.mark.skipif(not _RUNTIME, reason="onnxruntime and tokenizers are not installed")
def test_exported_model_tags_a_tiny_sentence() -> None:
    from onrecord.model import SpanTagger

    text = "The senator said on Tuesday that the bill would pass."
    tagger = SpanTagger()
    tokens, labels = tagger.label_tokens(text)
    assert len(tokens) == len(labels)
    quotes = tagger.quotes(text)
    assert any(q.cue is not None and q.cue.text == "said" for q in quotes)
    assert any(q.speaker is not None and q.speaker.text == "The senator" for q in quotes)
    assert any("the bill would pass" in q.text for q in quotes)
