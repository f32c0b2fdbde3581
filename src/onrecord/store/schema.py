"""The tables of an onrecord database, as SQLAlchemy Core metadata.

The migrations in ``migrations/versions`` create exactly these tables, plus
what only one backend has: on SQLite the FTS5 table ``quotations_fts`` (an
external-content index over ``quotations.text`` kept in sync by triggers), on
PostgreSQL the generated ``quotations.text_tsv`` column with a GIN index.
Offsets are integers; lists of offsets are JSON arrays of integers.
"""

from __future__ import annotations

import sqlalchemy as sa

metadata = sa.MetaData(
    naming_convention={
        "ix": "ix_%(table_name)s_%(column_0_N_name)s",
        "uq": "uq_%(table_name)s_%(column_0_N_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)

articles = sa.Table(
    "articles",
    metadata,
    sa.Column("id", sa.Text, primary_key=True),
    sa.Column("content_hash", sa.String(64), nullable=False),
    sa.Column("date", sa.Date, index=True),
    sa.Column("title", sa.Text),
    sa.Column("url", sa.Text),
    sa.Column("outlet", sa.Text, index=True),
    sa.Column("source", sa.Text),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("organizations", sa.JSON, nullable=False),
    sa.Column("added_at", sa.DateTime(timezone=True), nullable=False),
)

people = sa.Table(
    "people",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("name_key", sa.Text, nullable=False, index=True),
    sa.Column("surname_key", sa.Text, nullable=False, index=True),
    sa.Column("single_token", sa.Boolean, nullable=False),
    sa.Column("roles", sa.JSON, nullable=False),
    # How many quotations they are a speaker of, kept up to date by every write.
    sa.Column("quotation_count", sa.Integer, nullable=False, server_default="0", index=True),
)

person_articles = sa.Table(
    "person_articles",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("person_id", sa.Integer, sa.ForeignKey("people.id", ondelete="CASCADE"), nullable=False, index=True),
    sa.Column("article_id", sa.Text, sa.ForeignKey("articles.id", ondelete="CASCADE"), nullable=False, index=True),
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("roles", sa.JSON, nullable=False),
    sa.Column("mentions", sa.JSON, nullable=False),
    sa.UniqueConstraint("person_id", "article_id"),
)

quote_groups = sa.Table(
    "quote_groups",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    # The earliest member by (date, id); no foreign key, to avoid a cycle with quotations.
    sa.Column("first_quotation_id", sa.Integer, index=True),
)

quotations = sa.Table(
    "quotations",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("article_id", sa.Text, sa.ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    sa.Column("position", sa.Integer, nullable=False),
    sa.Column("date", sa.Date),  # the article's date, repeated here for ordering and filtering
    sa.Column("kind", sa.String(16), nullable=False),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("spans", sa.JSON, nullable=False),
    sa.Column("cue_text", sa.Text),
    sa.Column("cue_start", sa.Integer),
    sa.Column("cue_end", sa.Integer),
    sa.Column("speaker_text", sa.Text),
    sa.Column("speaker_start", sa.Integer),
    sa.Column("speaker_end", sa.Integer),
    sa.Column("mention_key", sa.Text),  # the mention, case-folded, when it names no known person
    sa.Column("speaker_people", sa.JSON, nullable=False),
    sa.Column("speaker_organizations", sa.JSON, nullable=False),
    sa.Column("addressee_text", sa.Text),
    sa.Column("addressee_start", sa.Integer),
    sa.Column("addressee_end", sa.Integer),
    sa.Column("confidence", sa.Float, nullable=False),
    sa.Column("group_id", sa.Integer, sa.ForeignKey("quote_groups.id"), nullable=False, index=True),
    sa.Column("norm_text", sa.Text, nullable=False),
    sa.Column("n_words", sa.Integer, nullable=False),
    sa.UniqueConstraint("article_id", "position"),
    sa.Index("ix_quotations_date_id", "date", "id"),
    sa.Index("ix_quotations_mention_key", "mention_key", sqlite_where=sa.text("mention_key IS NOT NULL"),
             postgresql_where=sa.text("mention_key IS NOT NULL")),
)

quotation_speakers = sa.Table(
    "quotation_speakers",
    metadata,
    sa.Column("quotation_id", sa.Integer, sa.ForeignKey("quotations.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("position", sa.Integer, primary_key=True),
    sa.Column("person_id", sa.Integer, sa.ForeignKey("people.id", ondelete="CASCADE"), nullable=False),
    sa.Column("date", sa.Date),  # the article's date again: a person's newest quotations come from this index
    sa.Index("ix_quotation_speakers_person_id_date", "person_id", "date", "quotation_id"),
)

quote_shingles = sa.Table(
    "quote_shingles",
    metadata,
    sa.Column("shingle", sa.BigInteger, primary_key=True),
    sa.Column("quotation_id", sa.Integer, sa.ForeignKey("quotations.id", ondelete="CASCADE"), primary_key=True,
              index=True),
)

failures = sa.Table(
    "failures",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("path", sa.Text, nullable=False),
    sa.Column("location", sa.Text, nullable=False),  # "" when the whole input failed
    sa.Column("reason", sa.Text, nullable=False),
    sa.Column("time", sa.DateTime(timezone=True), nullable=False),
    sa.UniqueConstraint("path", "location", "reason"),
)
