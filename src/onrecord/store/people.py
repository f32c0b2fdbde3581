"""Who is who across articles: name keys and the rules for merging people.

A person of one article is the same as a stored person when both have the
same full name (compared case-insensitively, ignoring punctuation and extra
whitespace) of at least two words, and their roles do not conflict. A
single-word name ("Andrew") is never merged with anyone, not even another
"Andrew": each article's "Andrew" stays a person of their own.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence

_WORD = re.compile(r"[^\W_]+(?:['’.-][^\W_]+)*", re.UNICODE)
_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv", "v", "phd", "md", "esq"})
_ROLE_NOISE = frozenset({"a", "an", "the", "former", "then", "ex", "late", "current", "acting", "interim", "of"})


def name_words(name: str) -> list[str]:
    """The words of a name, case-folded and stripped of accents and punctuation."""
    decomposed = unicodedata.normalize("NFKD", name)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return [w.replace("’", "'").replace(".", "") for w in _WORD.findall(plain.casefold())]


def name_key(name: str) -> str:
    """The key under which equal full names meet: ``"Andrew  SCOTT."`` -> ``"andrew scott"``."""
    return " ".join(name_words(name))


def surname_key(name: str) -> str:
    """The case-folded surname: the last word that is not a suffix such as "Jr."."""
    words = name_words(name)
    while len(words) > 1 and words[-1] in _SUFFIXES:
        words.pop()
    return words[-1] if words else ""


def is_single_token(name: str) -> bool:
    """Whether the name is one word (or empty), and therefore never merged."""
    return len(name_words(name)) < 2


def _role_words(role: str) -> list[str]:
    return [w for w in name_words(role) if w not in _ROLE_NOISE]


def roles_compatible(left: Iterable[str], right: Iterable[str]) -> bool:
    """Whether two lists of roles can describe the same person.

    Either list empty: compatible. Otherwise some role of one must match a
    role of the other: equal, one's words contained in the other's ("senator"
    and "Democratic senator"), or the same head (last) word ("US senator" and
    "state senator"). Words like "former" and "the" are ignored.
    """
    left_words = [w for w in (_role_words(r) for r in left) if w]
    right_words = [w for w in (_role_words(r) for r in right) if w]
    if not left_words or not right_words:
        return True
    for a in left_words:
        for b in right_words:
            if a[-1] == b[-1] or set(a) <= set(b) or set(b) <= set(a):
                return True
    return False


def merge_roles(*role_lists: Sequence[str]) -> list[str]:
    """The union of role lists, in first-seen order, without case-insensitive repeats."""
    seen: set[str] = set()
    merged: list[str] = []
    for roles in role_lists:
        for role in roles:
            key = " ".join(name_words(role))
            if role.strip() and key not in seen:
                seen.add(key)
                merged.append(role.strip())
    return merged
