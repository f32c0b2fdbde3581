"""spaCy's attribute ruler, with its one-token patterns checked on arrays instead of by the Matcher.

The English pipelines' ``attribute_ruler`` maps each fine-grained tag to a part of speech and
morphology, one Matcher pattern per tag (``[{"TAG": "NNS"}]``: 171 of the 179 patterns of
``en_core_web_sm``), and fixes a few cases with patterns on other attributes
(``[{"LOWER": "it", "DEP": {"IN": ["dobj", "pobj"]}}]``). The Matcher calls a Python function per token
for every ``IN`` or ``NOT_IN``, which makes the ruler cost about as much as the parser.

:class:`TagTableAttributeRuler` finds the same matches another way: a tag-only pattern by one table
lookup per token, any other one-token pattern on plain attributes by comparing the document's arrays
(:data:`ARRAY_ATTRS`), and what is left (patterns of several tokens, other attributes or operators)
with a Matcher as before. The matches are applied in spaCy's order, so every token gets the same
attributes as from spaCy's own ruler.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import numpy as np
from spacy.attrs import IDS, TAG
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler
from spacy.strings import get_string_id
from spacy.tokens import Doc
from spacy.vocab import Vocab

#: Attributes held as string ids, compared on ``Doc.to_array`` as the Matcher compares them.
STRING_ATTRS = frozenset({"ORTH", "LOWER", "NORM", "TAG", "DEP", "LEMMA"})
#: Token flags, 0 or 1 on ``Doc.to_array``.
FLAG_ATTRS = frozenset({"IS_SPACE", "IS_PUNCT", "IS_ALPHA", "IS_DIGIT", "IS_LOWER", "IS_UPPER", "IS_TITLE"})
ARRAY_ATTRS = STRING_ATTRS | FLAG_ATTRS
#: Set operators checked on arrays.
SET_OPERATORS = frozenset({"IN", "NOT_IN"})


@dataclass(frozen=True)
class Condition:
    """One attribute's test in a one-token pattern: equal to ``values[0]``, or (not) in ``values``."""

    attr: str
    operator: str  # "==", "IN" or "NOT_IN"
    values: tuple[int, ...]


class TagTableAttributeRuler(AttributeRuler):
    """An :class:`spacy.pipeline.AttributeRuler` that matches one-token patterns without the Matcher."""

    def __init__(self, vocab: Vocab, name: str = "attribute_ruler", *, validate: bool = False) -> None:
        super().__init__(vocab, name, validate=validate)
        self._clear_tables()

    def clear(self) -> None:
        super().clear()
        self._clear_tables()

    def _clear_tables(self) -> None:
        #: tag id -> (pattern number, match key) of each pattern that asks for that tag and nothing else
        self._by_tag: dict[int, list[tuple[int, int]]] = {}
        #: (pattern number, match key, conditions) of the other one-token patterns on array attributes
        self._by_array: list[tuple[int, int, tuple[Condition, ...]]] = []
        self._array_attrs: list[str] = []
        self._others = Matcher(self.vocab, validate=self.validate)

    def add(self, patterns: Iterable[list[dict[Any, Any]]], attrs: dict, index: int = 0) -> None:
        patterns = list(patterns)
        number = len(self.attrs)
        super().add(patterns, attrs, index)
        key = self.vocab.strings[str(number)]
        tests = [_conditions(p) for p in patterns]
        if any(t is None for t in tests):
            self._others.add(key, patterns)
            return
        for conditions in tests:
            if len(conditions) == 1 and conditions[0].attr == "TAG" and conditions[0].operator == "==":
                entries = self._by_tag.setdefault(conditions[0].values[0], [])
                if (number, key) not in entries:
                    entries.append((number, key))
            else:
                self._by_array.append((number, key, conditions))
                self._array_attrs.extend(c.attr for c in conditions if c.attr not in self._array_attrs)

    def match(self, doc: Doc) -> list[tuple[int, int, int, int]]:
        """``(pattern number, match key, start, end)`` for every match, sorted as spaCy's ruler sorts them."""
        matches: set[tuple[int, int, int, int]] = set()
        if len(self._others):
            for key, start, end in self._others(doc, allow_missing=True, as_spans=False):
                matches.add((int(self.vocab.strings[key]), key, start, end))
        by_tag = self._by_tag
        for i, tag in enumerate(doc.to_array(TAG).tolist()):
            for number, key in by_tag.get(tag, ()):
                matches.add((number, key, i, i + 1))
        if self._by_array and len(doc):
            columns = doc.to_array([IDS[a] for a in self._array_attrs]).reshape(len(doc), -1)
            arrays = {a: columns[:, j] for j, a in enumerate(self._array_attrs)}
            for number, key, conditions in self._by_array:
                for i in np.flatnonzero(_mask(conditions, arrays)).tolist():
                    matches.add((number, key, i, i + 1))
        return sorted(matches)


def _conditions(pattern: list[dict[Any, Any]]) -> tuple[Condition, ...] | None:
    """A one-token pattern's tests, or None where they cannot all be checked on arrays."""
    if len(pattern) != 1 or not pattern[0]:
        return None
    conditions = []
    for attr, value in pattern[0].items():
        if attr not in ARRAY_ATTRS:
            return None
        if isinstance(value, dict):
            if len(value) != 1 or next(iter(value)) not in SET_OPERATORS:
                return None
            operator, members = next(iter(value.items()))
            if attr not in STRING_ATTRS or not all(isinstance(m, str) for m in members):
                return None
            conditions.append(Condition(attr, operator, tuple(get_string_id(m) for m in members)))
        elif attr in STRING_ATTRS and isinstance(value, str):
            conditions.append(Condition(attr, "==", (get_string_id(value),)))
        elif attr in FLAG_ATTRS and isinstance(value, bool):
            conditions.append(Condition(attr, "==", (int(value),)))
        else:
            return None
    return tuple(conditions)


def _mask(conditions: tuple[Condition, ...], arrays: dict[str, np.ndarray]) -> np.ndarray:
    """Which tokens pass every condition."""
    result = np.ones(len(next(iter(arrays.values()))), dtype=bool)
    for c in conditions:
        column = arrays[c.attr]
        if c.operator == "==":
            result &= column == np.uint64(c.values[0])
        else:
            inside = np.isin(column, np.array(c.values, dtype=np.uint64))
            result &= inside if c.operator == "IN" else ~inside
    return result


def use_tag_table(nlp: Language, name: str = "attribute_ruler") -> None:
    """Put a :class:`TagTableAttributeRuler` with the same patterns in place of the pipeline's ruler ``name``.

    Does nothing where the pipeline has no such component, or it is not spaCy's own attribute ruler.
    """
    if name not in nlp.pipe_names:
        return
    ruler = nlp.get_pipe(name)
    if type(ruler) is not AttributeRuler:
        return
    patterns = ruler.patterns
    table = nlp.replace_pipe(name, "onrecord_attribute_ruler", config={"validate": ruler.validate})
    table.add_patterns(patterns)


@Language.factory("onrecord_attribute_ruler", default_config={"validate": False})
def make_tag_table(nlp: Language, name: str, validate: bool) -> TagTableAttributeRuler:
    return TagTableAttributeRuler(nlp.vocab, name, validate=validate)
