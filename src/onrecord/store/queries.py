"""Reading the store: quotations with filters and paging, people, articles, statistics.

Each function takes an open :class:`~sqlalchemy.engine.Connection` and
returns plain dicts shaped like the contract JSON (see CONTRACT.md).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date as Date
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Row
from sqlalchemy.sql.elements import ColumnElement

from .people import name_key
from .schema import articles, failures, people, person_articles, quotation_speakers, quotations, quote_groups

#: How many of a person's newest quotations are searched for the people they mention.
MENTIONS_WITHIN = 2000
_FTS_TOKEN = re.compile(r'"([^"]*)"|([^\s"]+)')
_FTS_WORD = re.compile(r"[^\W_]+", re.UNICODE)


@dataclass(frozen=True)
class QuoteFilter:
    """What :func:`quote_rows` selects; every field left ``None`` selects everything."""

    speaker: str | None = None
    query: str | None = None
    since: Date | None = None
    until: Date | None = None
    outlet: str | None = None
    person_id: int | None = None
    first_seen: bool = False


def query_terms(text: str) -> list[str]:
    """The terms of a search: each word, or each "quoted phrase" as its words joined by spaces."""
    terms = []
    for phrase, word in _FTS_TOKEN.findall(text):
        words = _FTS_WORD.findall(phrase or word)
        if words:
            terms.append(" ".join(words))
    return terms


def fts5_query(text: str) -> str | None:
    """A safe FTS5 MATCH expression: every term required, operators taken as plain words."""
    return " AND ".join(f'"{term}"' for term in query_terms(text)) or None


def _speaker_rows(speaker: str | None, person_id: int | None = None) -> sa.Select[Any] | sa.CompoundSelect[Any] | None:
    """``(id, date)`` of the quotations of one person (by id), or of everyone with this full name or
    surname, or whose unresolved speaker mention reads so; ``None`` when the name has no words."""
    qs = quotation_speakers
    if person_id is not None:
        return sa.select(qs.c.quotation_id.label("id"), qs.c.date).where(qs.c.person_id == person_id).distinct()
    key = name_key(speaker or "")
    if not key:
        return None
    matching = sa.select(people.c.id).where(sa.or_(people.c.name_key == key, people.c.surname_key == key))
    by_person = sa.select(qs.c.quotation_id.label("id"), qs.c.date).where(qs.c.person_id.in_(matching))
    mentioned = quotations.alias("mentioned")
    by_mention = sa.select(mentioned.c.id, mentioned.c.date).where(mentioned.c.mention_key == key)
    return sa.union(by_person, by_mention)


def _who(rows: sa.Select[Any] | sa.CompoundSelect[Any] | None) -> ColumnElement[bool]:
    if rows is None:
        return sa.false()
    found = rows.subquery()
    return quotations.c.id.in_(sa.select(found.c.id))


def _conditions(conn: Connection, flt: QuoteFilter) -> list[ColumnElement[bool]]:
    q = quotations.c
    where: list[ColumnElement[bool]] = []
    # Speakers go through one IN over a UNION: an OR of two conditions sends PostgreSQL to a full scan.
    if flt.speaker is not None:
        where.append(_who(_speaker_rows(flt.speaker)))
    if flt.person_id is not None:
        where.append(_who(_speaker_rows(None, flt.person_id)))
    if flt.query is not None and flt.query.strip():
        where.append(_text_match(conn, flt.query))
    if flt.since is not None:
        where.append(q.date >= flt.since)
    if flt.until is not None:
        where.append(q.date <= flt.until)
    if flt.outlet is not None:
        where.append(q.article_id.in_(
            sa.select(articles.c.id).where(sa.func.lower(articles.c.outlet) == flt.outlet.strip().lower())))
    if flt.first_seen:
        firsts = quote_groups.alias("first_of_group")
        where.append(sa.exists(sa.select(firsts.c.id).where(firsts.c.first_quotation_id == q.id)))
    return where


def _text_match(conn: Connection, text: str) -> ColumnElement[bool]:
    """Every term of ``text`` in the quotation, stemmed alike on both backends."""
    terms = query_terms(text)
    if not terms:
        return sa.false()
    if conn.dialect.name == "postgresql":
        config: ColumnElement[Any] = sa.literal_column("'onrecord_english'::regconfig")
        tsquery: ColumnElement[Any] = sa.func.phraseto_tsquery(config, terms[0])
        for term in terms[1:]:
            tsquery = tsquery.op("&&")(sa.func.phraseto_tsquery(config, term))
        return sa.literal_column("quotations.text_tsv").op("@@")(tsquery)
    fts = sa.text("SELECT rowid FROM quotations_fts WHERE quotations_fts MATCH :fts").bindparams(
        fts=fts5_query(text))
    return quotations.c.id.in_(fts.columns(sa.column("rowid", sa.Integer)))


def _order(conn: Connection, day: Any = None, ident: Any = None) -> list[Any]:
    """Newest first, undated last, then the latest stored first."""
    day = quotations.c.date if day is None else day
    ident = quotations.c.id if ident is None else ident
    if conn.dialect.name == "postgresql":
        return [day.desc().nulls_last(), ident.desc()]
    return [day.desc(), ident.desc()]  # SQLite sorts NULL first, so last here


def _quote_select() -> sa.Select[Any]:
    q = quotations.c
    return (
        sa.select(q.id, q.article_id, q.position, q.date, q.kind, q.text, q.spans, q.cue_text, q.cue_start,
                  q.cue_end, q.speaker_text, q.speaker_start, q.speaker_end, q.speaker_people,
                  q.speaker_organizations, q.addressee_text, q.addressee_start, q.addressee_end, q.confidence,
                  q.group_id, articles.c.title, articles.c.url, articles.c.outlet,
                  quote_groups.c.first_quotation_id)
        .select_from(quotations.join(articles, articles.c.id == q.article_id)
                     .join(quote_groups, quote_groups.c.id == q.group_id))
    )


def quote_rows(conn: Connection, flt: QuoteFilter, limit: int, offset: int) -> tuple[list[dict[str, Any]], int]:
    """One page of matching quotations, newest first, and how many match in all."""
    limit, offset = max(0, limit), max(0, offset)
    if flt == QuoteFilter(speaker=flt.speaker, person_id=flt.person_id) and (flt.speaker is None) != (
            flt.person_id is None):
        ids, total = _who_page(conn, flt.speaker, flt.person_id, limit, offset)
    else:
        where = _conditions(conn, flt)
        total = conn.execute(sa.select(sa.func.count()).select_from(quotations).where(*where)).scalar_one()
        page = (sa.select(quotations.c.id).where(*where).order_by(*_order(conn))
                .limit(limit).offset(offset))
        ids = list(conn.execute(page).scalars())
    # The page's rows are joined to their articles only now: a planner joining first would read them all.
    rows = conn.execute(_quote_select().where(quotations.c.id.in_(ids)).order_by(*_order(conn))).all() if ids else []
    return _to_dicts(conn, rows), int(total)


def _who_page(conn: Connection, speaker: str | None, person_id: int | None, limit: int,
              offset: int) -> tuple[list[int], int]:
    """A page of quotation ids of one speaker (by name) or person (by id), and their number.

    Served from the speaker index alone. When the name is one person's and no
    unresolved mention reads so (the usual case), the number is that person's
    stored count and the page an index range: no quotation is read.
    """
    qs = quotation_speakers.c
    key = name_key(speaker or "")
    if person_id is None and not key:
        return [], 0
    persons = [person_id] if person_id is not None else list(conn.execute(
        sa.select(people.c.id).where(sa.or_(people.c.name_key == key, people.c.surname_key == key))).scalars())
    mentions = 0 if person_id is not None else conn.execute(
        sa.select(sa.func.count()).select_from(quotations).where(quotations.c.mention_key == key)).scalar_one()
    if len(persons) == 1 and not mentions:
        total = conn.execute(sa.select(people.c.quotation_count).where(people.c.id == persons[0])).scalar() or 0
        page = (sa.select(qs.quotation_id, qs.date).where(qs.person_id == persons[0]).distinct()
                .order_by(*_order(conn, qs.date, qs.quotation_id)).limit(limit).offset(offset))
        return [row.quotation_id for row in conn.execute(page)], int(total)
    found = _speaker_rows(speaker, person_id)
    if found is None:
        return [], 0
    sub = found.subquery()
    total = conn.execute(sa.select(sa.func.count()).select_from(sub)).scalar_one()
    page = sa.select(sub.c.id).order_by(*_order(conn, sub.c.date, sub.c.id)).limit(limit).offset(offset)
    return list(conn.execute(page).scalars()), int(total)


def iter_all_quotes(conn: Connection, batch: int = 1000) -> Iterator[dict[str, Any]]:
    """Every stored quotation in id order, fetched ``batch`` at a time."""
    last = 0
    while True:
        rows = conn.execute(
            _quote_select().where(quotations.c.id > last).order_by(quotations.c.id).limit(batch)).all()
        if not rows:
            return
        yield from _to_dicts(conn, rows)
        last = rows[-1].id


def _span(start: int | None, end: int | None) -> list[int] | None:
    return None if start is None or end is None else [start, end]


def _to_dicts(conn: Connection, rows: Sequence[Row[Any]]) -> list[dict[str, Any]]:
    speakers: dict[int, dict[int, int]] = defaultdict(dict)
    ids = [row.id for row in rows]
    if ids:
        for quote_id, position, person_id in conn.execute(
            sa.select(quotation_speakers.c.quotation_id, quotation_speakers.c.position,
                      quotation_speakers.c.person_id).where(quotation_speakers.c.quotation_id.in_(ids))
        ):
            speakers[quote_id][position] = person_id
    out = []
    for row in rows:
        speaker = None
        if row.speaker_text is not None:
            speaker = {
                "text": row.speaker_text, "span": _span(row.speaker_start, row.speaker_end),
                "people": list(row.speaker_people), "organizations": list(row.speaker_organizations),
                "person_ids": [speakers[row.id].get(i) for i in range(len(row.speaker_people))],
            }
        out.append({
            "id": row.id,
            "kind": row.kind,
            "text": row.text,
            "spans": [list(span) for span in row.spans],
            "cue": None if row.cue_text is None else {"text": row.cue_text, "span": _span(row.cue_start, row.cue_end)},
            "speaker": speaker,
            "addressee": None if row.addressee_text is None
            else {"text": row.addressee_text, "span": _span(row.addressee_start, row.addressee_end)},
            "confidence": round(row.confidence, 3),
            "article_id": row.article_id,
            "date": None if row.date is None else row.date.isoformat(),
            "title": row.title,
            "url": row.url,
            "outlet": row.outlet,
            "group_id": row.group_id,
            "first_seen": row.first_quotation_id == row.id,
        })
    return out


def people_rows(conn: Connection, limit: int, offset: int, query: str | None) -> tuple[list[dict[str, Any]], int]:
    """One page of people, most quoted first, and how many there are in all."""
    where = []
    if query is not None and query.strip():
        where.append(people.c.name_key.contains(name_key(query), autoescape=True))
    total = conn.execute(sa.select(sa.func.count()).select_from(people).where(*where)).scalar_one()
    count = people.c.quotation_count.label("quotations")
    rows = conn.execute(
        sa.select(people.c.id, people.c.name, people.c.roles, count).where(*where)
        .order_by(count.desc(), people.c.name, people.c.id).limit(max(0, limit)).offset(max(0, offset))
    ).all()
    return _person_dicts(conn, rows), int(total)


def _person_dicts(conn: Connection, rows: Sequence[Row[Any, Any, Any, Any]]) -> list[dict[str, Any]]:
    ids = [row.id for row in rows]
    outlets: dict[int, set[str]] = defaultdict(set)
    spread: dict[int, tuple[int, Date | None, Date | None]] = {}
    if ids:
        link = person_articles.join(articles, articles.c.id == person_articles.c.article_id)
        for person_id, n, first, last in conn.execute(
            sa.select(person_articles.c.person_id, sa.func.count(), sa.func.min(articles.c.date),
                      sa.func.max(articles.c.date)).select_from(link)
            .where(person_articles.c.person_id.in_(ids)).group_by(person_articles.c.person_id)
        ):
            spread[person_id] = (n, first, last)
        for person_id, outlet in conn.execute(
            sa.select(person_articles.c.person_id, articles.c.outlet).select_from(link).distinct()
            .where(person_articles.c.person_id.in_(ids), articles.c.outlet.is_not(None))
        ):
            outlets[person_id].add(outlet)
    out = []
    for row in rows:
        n_articles, first, last = spread.get(row.id, (0, None, None))
        out.append({
            "id": row.id, "name": row.name, "roles": list(row.roles), "quotations": int(row.quotations),
            "articles": int(n_articles), "outlets": sorted(outlets[row.id]),
            "first_date": None if first is None else first.isoformat(),
            "last_date": None if last is None else last.isoformat(),
        })
    return out


def person_detail(conn: Connection, person_id: int, quote_limit: int) -> dict[str, Any] | None:
    """A person with their newest quotations and the people their quotations mention."""
    row = conn.execute(
        sa.select(people.c.id, people.c.name, people.c.roles, people.c.quotation_count.label("quotations"))
        .where(people.c.id == person_id)
    ).first()
    if row is None:
        return None
    detail = _person_dicts(conn, [row])[0]
    detail["quotes"], _total = quote_rows(conn, QuoteFilter(person_id=person_id), quote_limit, 0)
    detail["mentioned"] = _mentioned(conn, person_id)
    return detail


def _mentioned(conn: Connection, person_id: int) -> list[dict[str, Any]]:
    """Other people named inside this person's newest :data:`MENTIONS_WITHIN` quotations, and how often."""
    spoken = conn.execute(
        sa.select(quotations.c.id, quotations.c.article_id, quotations.c.spans)
        .where(quotations.c.id.in_(sa.select(quotation_speakers.c.quotation_id)
                                   .where(quotation_speakers.c.person_id == person_id)
                                   .order_by(*_order(conn, quotation_speakers.c.date,
                                                     quotation_speakers.c.quotation_id))
                                   .limit(MENTIONS_WITHIN)))
    ).all()
    by_article: dict[str, list[tuple[int, list[list[int]]]]] = defaultdict(list)
    for quote_id, art_id, spans in spoken:
        by_article[art_id].append((quote_id, spans))
    counts: Counter[int] = Counter()
    for start in range(0, len(by_article), 500):
        chunk = list(by_article)[start:start + 500]
        for other, art_id, mentions in conn.execute(
            sa.select(person_articles.c.person_id, person_articles.c.article_id, person_articles.c.mentions)
            .where(person_articles.c.article_id.in_(chunk), person_articles.c.person_id != person_id)
        ):
            for _quote_id, spans in by_article[art_id]:
                if any(s <= m0 and m1 <= e for m0, m1 in mentions for s, e in spans):
                    counts[other] += 1
    if not counts:
        return []
    names = dict(conn.execute(sa.select(people.c.id, people.c.name).where(people.c.id.in_(list(counts)))).all())
    return [{"id": pid, "name": names[pid], "quotations": n}
            for pid, n in sorted(counts.items(), key=lambda item: (-item[1], names[item[0]], item[0]))]


def article_detail(conn: Connection, art_id: str) -> dict[str, Any] | None:
    """An article with its text, its quotations in order and its people."""
    row = conn.execute(sa.select(articles).where(articles.c.id == art_id)).first()
    if row is None:
        return None
    quote_page = conn.execute(
        _quote_select().where(quotations.c.article_id == art_id).order_by(quotations.c.position)).all()
    linked = conn.execute(
        sa.select(people.c.id, people.c.name, people.c.roles, person_articles.c.name.label("local_name"),
                  person_articles.c.roles.label("local_roles"), person_articles.c.mentions)
        .join(person_articles, person_articles.c.person_id == people.c.id)
        .where(person_articles.c.article_id == art_id).order_by(person_articles.c.id)
    ).all()
    return {
        "id": row.id, "content_hash": row.content_hash,
        "date": None if row.date is None else row.date.isoformat(),
        "title": row.title, "url": row.url, "outlet": row.outlet, "source": row.source, "text": row.text,
        "organizations": list(row.organizations), "quotes": _to_dicts(conn, quote_page),
        "people": [{"id": p.id, "name": p.name, "roles": list(p.roles), "name_in_article": p.local_name,
                    "roles_in_article": list(p.local_roles), "mentions": [list(m) for m in p.mentions]}
                   for p in linked],
    }


def stats(conn: Connection, top: int = 10) -> dict[str, Any]:
    """Counts, the most-quoted people and quotations per ISO week (undated ones counted apart)."""
    def count(table: sa.Table) -> int:
        return int(conn.execute(sa.select(sa.func.count()).select_from(table)).scalar_one())

    weeks: Counter[str] = Counter()
    undated = 0
    for day, n in conn.execute(sa.select(quotations.c.date, sa.func.count()).group_by(quotations.c.date)):
        if day is None:
            undated += int(n)
        else:
            year, week, _ = day.isocalendar()
            weeks[f"{year}-W{week:02d}"] += int(n)
    repeated = conn.execute(sa.select(sa.func.count()).select_from(
        sa.select(quotations.c.group_id).group_by(quotations.c.group_id).having(sa.func.count() > 1).subquery()
    )).scalar_one()
    top_people, _total = people_rows(conn, top, 0, None)
    return {
        "articles": count(articles), "quotations": count(quotations), "people": count(people),
        "failures": count(failures), "repeated_quotations": int(repeated),
        "top_people": [{"id": p["id"], "name": p["name"], "quotations": p["quotations"]}
                       for p in top_people if p["quotations"] > 0],
        "weeks": [{"week": week, "quotations": n} for week, n in sorted(weeks.items())],
        "undated_quotations": undated,
    }


def failure_rows(conn: Connection) -> list[dict[str, Any]]:
    """Every recorded failure, oldest first."""
    rows = conn.execute(sa.select(failures).order_by(failures.c.time, failures.c.id)).all()
    return [{"path": r.path, "location": r.location or None, "reason": r.reason,
             "time": r.time.isoformat(timespec="seconds")} for r in rows]


def known_hashes(conn: Connection, ids: Sequence[str]) -> dict[str, str]:
    """The content hashes of those of ``ids`` already stored."""
    found: dict[str, str] = {}
    for start in range(0, len(ids), 500):
        chunk = list(ids[start:start + 500])
        found.update(conn.execute(
            sa.select(articles.c.id, articles.c.content_hash).where(articles.c.id.in_(chunk))).all())
    return found
