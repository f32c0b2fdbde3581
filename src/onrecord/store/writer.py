"""Writing extractions: articles, people, quotations and their provenance groups.

Every function here takes an open :class:`~sqlalchemy.engine.Connection`
inside a write transaction; :class:`~onrecord.store.core.Store` decides where
transactions begin and end.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date as Date
from datetime import datetime, timezone
from typing import Literal

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from ..errors import Errors, ReadError
from ..records import Article, Extraction, Quote
from . import people as names
from . import provenance
from .schema import (
    articles,
    failures,
    people,
    person_articles,
    quotation_speakers,
    quotations,
    quote_groups,
    quote_shingles,
)

AddResult = Literal["added", "replaced", "skipped"]
#: At most this many shingles of one quotation are looked up, and candidates verified.
_MAX_LOOKUP = 400
_MAX_CANDIDATES = 20

# Statements built once (they are immutable), executed with parameters.
_ARTICLE_HASH = sa.select(articles.c.content_hash).where(articles.c.id == sa.bindparam("article_id"))
_CLEAR_FAILURE = failures.delete().where(failures.c.path == sa.bindparam("path"), failures.c.location == "")
_PEOPLE_NAMED = (
    sa.select(people.c.id, people.c.roles)
    .where(people.c.name_key == sa.bindparam("key"), people.c.single_token.is_(False))
    .order_by(people.c.id)
)
_NEW_PERSON = people.insert().returning(people.c.id)
_SET_ROLES = people.update().where(people.c.id == sa.bindparam("person_id")).values(roles=sa.bindparam("new_roles"))
_ADD_QUOTATIONS = people.update().where(people.c.id == sa.bindparam("person_id")).values(
    quotation_count=people.c.quotation_count + sa.bindparam("n"))
_NEW_GROUPS = quote_groups.insert().returning(quote_groups.c.id, sort_by_parameter_order=True)
_INSERT_QUOTES = quotations.insert().returning(quotations.c.id, sort_by_parameter_order=True)
_SET_FIRST = quote_groups.update().where(quote_groups.c.id == sa.bindparam("group_id")).values(
    first_quotation_id=sa.bindparam("first_id"))
_FIRST_OF_GROUP = (
    sa.select(quotations.c.id).where(quotations.c.group_id == sa.bindparam("group_id"))
    .order_by(quotations.c.date.is_(None), quotations.c.date, quotations.c.id).limit(1)
)
_shared = sa.func.count().label("shared")
# The stored quotations sharing most shingles (an index-only scan of quote_shingles), then their words.
_CANDIDATES = (
    sa.select(quote_shingles.c.quotation_id)
    .where(quote_shingles.c.shingle.in_(sa.bindparam("shingles", expanding=True)))
    .group_by(quote_shingles.c.quotation_id)
    .order_by(_shared.desc(), quote_shingles.c.quotation_id)
    .limit(_MAX_CANDIDATES)
)
_CANDIDATE_WORDS = (
    sa.select(quotations.c.id, quotations.c.group_id, quotations.c.norm_text)
    .where(quotations.c.id.in_(sa.bindparam("ids", expanding=True)))
)


def content_hash(article: Article, settings: str = "") -> str:
    """A digest of what makes an article's content: its text, date, title, url and outlet, and the
    extraction ``settings`` that are not the default ones ("scope=all"), so that a run with others
    extracts the article again."""
    fields = [article.text, article.date, article.title, article.url, article.outlet]
    payload = json.dumps(fields + [settings] if settings else fields, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def article_id(article: Article) -> str:
    """The article's id, or the stable id onrecord gives an article known only by its text."""
    if article.id:
        return article.id
    from ..api import text_id  # imported late: it loads spaCy

    return text_id(article.text)


def parse_date(value: str | None) -> Date | None:
    """An ISO date, or ``None``; :class:`ValueError` with E009 for anything else."""
    if value is None or value == "":
        return None
    try:
        return Date.fromisoformat(value)
    except (TypeError, ValueError):
        raise ValueError(Errors.E009.format(value=value)) from None


def add_extraction(conn: Connection, extraction: Extraction, settings: str = "") -> AddResult:
    """Store one extraction: skip it if its article is stored unchanged (and was extracted with the same
    ``settings``, see :func:`content_hash`), else add or replace it."""
    article = extraction.article
    art_id = article_id(article)
    day = parse_date(article.date)
    digest = content_hash(article, settings)
    stored = conn.execute(_ARTICLE_HASH, {"article_id": art_id}).scalar_one_or_none()
    if stored == digest:
        return "skipped"
    if stored is not None:
        delete_article(conn, art_id)
    conn.execute(articles.insert(), {
        "id": art_id, "content_hash": digest, "date": day, "title": article.title, "url": article.url,
        "outlet": article.outlet, "source": article.source, "text": article.text,
        "organizations": list(extraction.organizations), "added_at": datetime.now(timezone.utc),
    })
    if article.source:
        conn.execute(_CLEAR_FAILURE, {"path": article.source})
    person_ids = _link_people(conn, art_id, extraction)
    _insert_quotes(conn, art_id, day, extraction.quotes, person_ids)
    return "added" if stored is None else "replaced"


def delete_article(conn: Connection, art_id: str) -> None:
    """Remove an article with its quotations and links; drop people and groups left empty."""
    quote_ids = sa.select(quotations.c.id).where(quotations.c.article_id == art_id).scalar_subquery()
    group_ids = set(conn.execute(sa.select(quotations.c.group_id).where(quotations.c.article_id == art_id)).scalars())
    person_ids = set(conn.execute(
        sa.select(person_articles.c.person_id).where(person_articles.c.article_id == art_id)).scalars())
    conn.execute(quote_shingles.delete().where(quote_shingles.c.quotation_id.in_(quote_ids)))
    conn.execute(quotation_speakers.delete().where(quotation_speakers.c.quotation_id.in_(quote_ids)))
    conn.execute(quotations.delete().where(quotations.c.article_id == art_id))
    conn.execute(person_articles.delete().where(person_articles.c.article_id == art_id))
    conn.execute(articles.delete().where(articles.c.id == art_id))
    for group_id in sorted(group_ids):
        _refresh_group(conn, group_id)
    for person_id in sorted(person_ids):
        _refresh_person(conn, person_id)


def record_failure(conn: Connection, err: ReadError) -> None:
    """Store a failure once per (path, location, reason); a repeat only updates its time."""
    location = err.location or ""
    now = datetime.now(timezone.utc)
    updated = conn.execute(failures.update().where(
        failures.c.path == err.source, failures.c.location == location, failures.c.reason == err.reason,
    ).values(time=now))
    if updated.rowcount == 0:
        conn.execute(failures.insert().values(path=err.source, location=location, reason=err.reason, time=now))


@dataclass
class _LocalPerson:
    name: str
    roles: list[str] = field(default_factory=list)
    mentions: list[list[int]] = field(default_factory=list)


def _local_people(extraction: Extraction) -> dict[str, _LocalPerson]:
    """The article's people by name key: its people list, then speakers it does not list."""
    local: dict[str, _LocalPerson] = {}
    for person in extraction.people:
        key = names.name_key(person.name)
        if not key:
            continue
        entry = local.setdefault(key, _LocalPerson(person.name.strip()))
        entry.roles = names.merge_roles(entry.roles, person.roles)
        entry.mentions.extend([int(s), int(e)] for s, e in person.mentions)
    for quote in extraction.quotes:
        for name in quote.speaker.people if quote.speaker else []:
            key = names.name_key(name)
            if key and key not in local:
                local[key] = _LocalPerson(name.strip())
    return local


def _link_people(conn: Connection, art_id: str, extraction: Extraction) -> dict[str, int]:
    """Merge the article's people into the global people; return person ids by name key."""
    ids: dict[str, int] = {}
    links = []
    for key, local in _local_people(extraction).items():
        single = names.is_single_token(local.name)
        person_id = None if single else _matching_person(conn, key, local.roles)
        if person_id is None:
            person_id = conn.execute(_NEW_PERSON, {
                "name": local.name, "name_key": key, "surname_key": names.surname_key(local.name),
                "single_token": single, "roles": local.roles,
            }).scalar_one()
        links.append({"person_id": person_id, "article_id": art_id, "name": local.name, "roles": local.roles,
                      "mentions": sorted(local.mentions)})
        ids[key] = person_id
    if links:
        conn.execute(person_articles.insert(), links)
    return ids


def _matching_person(conn: Connection, key: str, roles: list[str]) -> int | None:
    """The oldest stored person with this full name whose roles agree; their roles gain ``roles``."""
    for person_id, stored_roles in conn.execute(_PEOPLE_NAMED, {"key": key}):
        if names.roles_compatible(stored_roles, roles):
            merged = names.merge_roles(stored_roles, roles)
            if merged != stored_roles:
                conn.execute(_SET_ROLES, {"person_id": person_id, "new_roles": merged})
            return person_id
    return None


def _refresh_person(conn: Connection, person_id: int) -> None:
    """Drop a person no article mentions any more, else recompute their roles and quotation count."""
    role_lists = conn.execute(
        sa.select(person_articles.c.roles).where(person_articles.c.person_id == person_id)
        .order_by(person_articles.c.id)
    ).scalars().all()
    if not role_lists:
        conn.execute(people.delete().where(people.c.id == person_id))
        return
    count = conn.execute(
        sa.select(sa.func.count(sa.distinct(quotation_speakers.c.quotation_id)))
        .where(quotation_speakers.c.person_id == person_id)
    ).scalar_one()
    conn.execute(people.update().where(people.c.id == person_id).values(
        roles=names.merge_roles(*role_lists), quotation_count=count))


def _insert_quotes(conn: Connection, art_id: str, day: Date | None, quotes: list[Quote],
                   person_ids: dict[str, int]) -> None:
    """Insert an article's quotations, each joining the group of its match in another article, if any."""
    if not quotes:
        return
    norms = [provenance.normalize_quote(quote.text) for quote in quotes]
    matches = [_find_group(conn, norm.split()) for norm in norms]
    new_groups = [position for position, group_id in enumerate(matches) if group_id is None]
    joined = {group_id for group_id in matches if group_id is not None}
    created: Iterator[int] = iter(conn.execute(_NEW_GROUPS, [{"first_quotation_id": None}] * len(new_groups)).scalars()
                   if new_groups else [])
    groups: list[int] = [next(created) if group_id is None else group_id for group_id in matches]
    rows = [_quote_row(art_id, day, position, quote, norm, group_id)
            for position, (quote, norm, group_id) in enumerate(zip(quotes, norms, groups, strict=True))]
    quote_ids = list(conn.execute(_INSERT_QUOTES, rows).scalars())
    speaker_rows: list[dict[str, object]] = []
    shingle_rows: list[dict[str, int]] = []
    for quote_id, quote, norm in zip(quote_ids, quotes, norms, strict=True):
        for i, name in enumerate(quote.speaker.people if quote.speaker else []):
            if names.name_key(name) in person_ids:
                speaker_rows.append({"quotation_id": quote_id, "position": i, "date": day,
                                     "person_id": person_ids[names.name_key(name)]})
        shingle_rows.extend({"shingle": shingle, "quotation_id": quote_id}
                            for shingle in sorted(provenance.stored_shingles(norm.split())))
    if speaker_rows:
        conn.execute(quotation_speakers.insert(), speaker_rows)
        quoted = Counter(person for _quote, person in {(r["quotation_id"], r["person_id"]) for r in speaker_rows})
        conn.execute(_ADD_QUOTATIONS, [{"person_id": person, "n": n} for person, n in sorted(quoted.items())])
    if shingle_rows:
        conn.execute(quote_shingles.insert(), shingle_rows)
    if new_groups:
        conn.execute(_SET_FIRST, [{"group_id": groups[p], "first_id": quote_ids[p]} for p in new_groups])
    for group_id in sorted(joined):
        _refresh_group(conn, group_id)


def _quote_row(art_id: str, day: Date | None, position: int, quote: Quote, norm: str,
               group_id: int) -> dict[str, object]:
    speaker, cue, addressee = quote.speaker, quote.cue, quote.addressee
    return {
        "article_id": art_id, "position": position, "date": day, "kind": quote.kind, "text": quote.text,
        "spans": [[int(s), int(e)] for s, e in quote.spans],
        "cue_text": cue.text if cue else None, "cue_start": cue.span[0] if cue else None,
        "cue_end": cue.span[1] if cue else None,
        "speaker_text": speaker.text if speaker else None, "speaker_start": speaker.span[0] if speaker else None,
        "speaker_end": speaker.span[1] if speaker else None,
        "mention_key": names.name_key(speaker.text) if speaker and not _names_someone(speaker.people) else None,
        "speaker_people": list(speaker.people) if speaker else [],
        "speaker_organizations": list(speaker.organizations) if speaker else [],
        "addressee_text": addressee.text if addressee else None,
        "addressee_start": addressee.span[0] if addressee else None,
        "addressee_end": addressee.span[1] if addressee else None,
        "confidence": float(quote.confidence), "group_id": group_id, "norm_text": norm,
        "n_words": len(norm.split()),
    }


def _names_someone(people_names: list[str]) -> bool:
    return any(names.name_key(name) for name in people_names)


def _find_group(conn: Connection, words: list[str]) -> int | None:
    """The group of the most similar stored quotation, if one is similar enough.

    The article's own quotations are not stored yet when this runs, so a
    quotation repeated within one article is never grouped with itself.
    """
    lookup = sorted(provenance.lookup_shingles(words))[:_MAX_LOOKUP]
    if not lookup:
        return None
    ids = list(conn.execute(_CANDIDATES, {"shingles": lookup}).scalars())
    if not ids:
        return None
    best: tuple[float, int] | None = None
    best_group: int | None = None
    for quote_id, group_id, norm_text in conn.execute(_CANDIDATE_WORDS, {"ids": ids}):
        score = provenance.similarity(words, norm_text.split())
        if score >= provenance.MIN_SHARED and (best is None or (score, -quote_id) > best):
            best, best_group = (score, -quote_id), group_id
    return best_group


def _refresh_group(conn: Connection, group_id: int) -> None:
    """Point a group at its earliest quotation (by date, undated last, then id), or drop it if empty."""
    first = conn.execute(_FIRST_OF_GROUP, {"group_id": group_id}).scalar_one_or_none()
    if first is None:
        conn.execute(quote_groups.delete().where(quote_groups.c.id == group_id))
    else:
        conn.execute(_SET_FIRST, {"group_id": group_id, "first_id": first})


def add_all(conn: Connection, extractions: Iterable[Extraction], settings: str = "") -> list[AddResult]:
    """Store many extractions on one connection, in order."""
    return [add_extraction(conn, extraction, settings) for extraction in extractions]
