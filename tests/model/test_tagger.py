"""The learned span tagger: decoding always; the exported model when its weights are present."""

from __future__ import annotations

from onrecord.model.tagger import WEIGHTS_DIR, SpanTagger, decode, link, pieces, tokenize

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


def test_decode_starts_a_new_content_after_a_long_gap() -> None:
    text = "Wages rose, she said, as the bakery on the corner of Main Street closed its doors, prices fell."
    tags = {"Wages": "B-CONTENT", "rose": "I-CONTENT", "said": "B-CUE", "she": "B-SOURCE",
            "prices": "I-CONTENT", "fell": "I-CONTENT"}
    tokens, labels = _labels(text, tags)
    contents = [m for m in decode(labels, tokens) if m.role == "CONTENT"]
    assert [[text[s:e] for s, e in pieces(m, tokens)] for m in contents] == [["Wages rose"], ["prices fell"]]


def test_decode_keeps_apart_the_contents_of_two_cues() -> None:
    # the first content opens right after its own cue: "adding" starts a second attribution
    text = "Jane Roe said the budget is balanced, adding, we will not raise taxes."
    tags = {"Jane": "B-SOURCE", "Roe": "I-SOURCE", "said": "B-CUE", "the": "B-CONTENT", "budget": "I-CONTENT",
            "is": "I-CONTENT", "balanced": "I-CONTENT", "adding": "B-CUE", "we": "I-CONTENT", "will": "I-CONTENT",
            "not": "I-CONTENT", "raise": "I-CONTENT", "taxes": "I-CONTENT"}
    tokens, labels = _labels(text, tags)
    contents = [m for m in decode(labels, tokens) if m.role == "CONTENT"]
    assert [[text[s:e] for s, e in pieces(m, tokens)] for m in contents] == [
        ["the budget is balanced"], ["we will not raise taxes"]]


def test_the_exported_model_ships_with_the_package() -> None:
    assert SpanTagger.available(WEIGHTS_DIR)
    assert {"tagger.int8.onnx", "tokenizer.json", "tagger.json"} <= {p.name for p in WEIGHTS_DIR.iterdir()}


def test_exported_model_tags_a_tiny_sentence() -> None:
    text = "The senator said on Tuesday that the bill would pass."
    tagger = SpanTagger()
    tokens, labels, probs = tagger.label_tokens(text)
    assert len(tokens) == len(labels) == len(probs)
    assert all(0.0 <= p <= 1.0 for p in probs)
    quotes = tagger.quotes(text)
    assert any(q.cue is not None and q.cue.text == "said" for q in quotes)
    assert any(q.speaker is not None and q.speaker.text == "The senator" for q in quotes)
    assert any("the bill would pass" in q.text for q in quotes)
