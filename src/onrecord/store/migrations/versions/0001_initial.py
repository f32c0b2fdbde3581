"""The initial schema: articles, people, quotations, provenance groups, failures.

Revision ID: 0001
Revises:
Create Date: 2024-06-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

_SQLITE_FTS = [
    """CREATE VIRTUAL TABLE quotations_fts USING fts5(
           text, content='quotations', content_rowid='id',
           tokenize='porter unicode61 remove_diacritics 2')""",
    """CREATE TRIGGER quotations_fts_insert AFTER INSERT ON quotations BEGIN
           INSERT INTO quotations_fts(rowid, text) VALUES (new.id, new.text);
       END""",
    """CREATE TRIGGER quotations_fts_delete AFTER DELETE ON quotations BEGIN
           INSERT INTO quotations_fts(quotations_fts, rowid, text) VALUES ('delete', old.id, old.text);
       END""",
    """CREATE TRIGGER quotations_fts_update AFTER UPDATE OF text ON quotations BEGIN
           INSERT INTO quotations_fts(quotations_fts, rowid, text) VALUES ('delete', old.id, old.text);
           INSERT INTO quotations_fts(rowid, text) VALUES (new.id, new.text);
       END""",
]

# English stemming without a stop list, as SQLite's porter tokenizer: "about the film" stays a phrase.
_POSTGRES_FTS = [
    "CREATE TEXT SEARCH DICTIONARY onrecord_english_stem (TEMPLATE = snowball, Language = english)",
    "CREATE TEXT SEARCH CONFIGURATION onrecord_english (COPY = english)",
    """ALTER TEXT SEARCH CONFIGURATION onrecord_english
           ALTER MAPPING REPLACE english_stem WITH onrecord_english_stem""",
    """ALTER TABLE quotations ADD COLUMN text_tsv tsvector
           GENERATED ALWAYS AS (to_tsvector('onrecord_english'::regconfig, text)) STORED""",
    "CREATE INDEX ix_quotations_text_tsv ON quotations USING gin (text_tsv)",
    "CREATE INDEX ix_quotations_date_desc ON quotations (date DESC NULLS LAST, id DESC)",
    """CREATE INDEX ix_quotation_speakers_person_date_desc
           ON quotation_speakers (person_id, date DESC NULLS LAST, quotation_id DESC)""",
]


def upgrade() -> None:
    op.create_table(
        "articles",
        sa.Column("id", sa.Text, nullable=False),
        sa.Column("content_hash", sa.String(64), nullable=False),
        sa.Column("date", sa.Date),
        sa.Column("title", sa.Text),
        sa.Column("url", sa.Text),
        sa.Column("outlet", sa.Text),
        sa.Column("source", sa.Text),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("organizations", sa.JSON, nullable=False),
        sa.Column("added_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_articles"),
    )
    op.create_index("ix_articles_date", "articles", ["date"])
    op.create_index("ix_articles_outlet", "articles", ["outlet"])

    op.create_table(
        "people",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("name_key", sa.Text, nullable=False),
        sa.Column("surname_key", sa.Text, nullable=False),
        sa.Column("single_token", sa.Boolean, nullable=False),
        sa.Column("roles", sa.JSON, nullable=False),
        sa.Column("quotation_count", sa.Integer, nullable=False, server_default="0"),
        sa.PrimaryKeyConstraint("id", name="pk_people"),
    )
    op.create_index("ix_people_quotation_count", "people", ["quotation_count"])
    op.create_index("ix_people_name_key", "people", ["name_key"])
    op.create_index("ix_people_surname_key", "people", ["surname_key"])

    op.create_table(
        "person_articles",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("person_id", sa.Integer, nullable=False),
        sa.Column("article_id", sa.Text, nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("roles", sa.JSON, nullable=False),
        sa.Column("mentions", sa.JSON, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_person_articles"),
        sa.ForeignKeyConstraint(["person_id"], ["people.id"], ondelete="CASCADE",
                                name="fk_person_articles_person_id_people"),
        sa.ForeignKeyConstraint(["article_id"], ["articles.id"], ondelete="CASCADE",
                                name="fk_person_articles_article_id_articles"),
        sa.UniqueConstraint("person_id", "article_id", name="uq_person_articles_person_id_article_id"),
    )
    op.create_index("ix_person_articles_person_id", "person_articles", ["person_id"])
    op.create_index("ix_person_articles_article_id", "person_articles", ["article_id"])

    op.create_table(
        "quote_groups",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("first_quotation_id", sa.Integer),
        sa.PrimaryKeyConstraint("id", name="pk_quote_groups"),
    )
    op.create_index("ix_quote_groups_first_quotation_id", "quote_groups", ["first_quotation_id"])

    op.create_table(
        "quotations",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("article_id", sa.Text, nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("date", sa.Date),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("spans", sa.JSON, nullable=False),
        sa.Column("cue_text", sa.Text),
        sa.Column("cue_start", sa.Integer),
        sa.Column("cue_end", sa.Integer),
        sa.Column("speaker_text", sa.Text),
        sa.Column("speaker_start", sa.Integer),
        sa.Column("speaker_end", sa.Integer),
        sa.Column("mention_key", sa.Text),
        sa.Column("speaker_people", sa.JSON, nullable=False),
        sa.Column("speaker_organizations", sa.JSON, nullable=False),
        sa.Column("addressee_text", sa.Text),
        sa.Column("addressee_start", sa.Integer),
        sa.Column("addressee_end", sa.Integer),
        sa.Column("confidence", sa.Float, nullable=False),
        sa.Column("group_id", sa.Integer, nullable=False),
        sa.Column("norm_text", sa.Text, nullable=False),
        sa.Column("n_words", sa.Integer, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_quotations"),
        sa.ForeignKeyConstraint(["article_id"], ["articles.id"], ondelete="CASCADE",
                                name="fk_quotations_article_id_articles"),
        sa.ForeignKeyConstraint(["group_id"], ["quote_groups.id"], name="fk_quotations_group_id_quote_groups"),
        sa.UniqueConstraint("article_id", "position", name="uq_quotations_article_id_position"),
    )
    op.create_index("ix_quotations_date_id", "quotations", ["date", "id"])
    not_null = sa.text("mention_key IS NOT NULL")
    op.create_index("ix_quotations_mention_key", "quotations", ["mention_key"],
                    sqlite_where=not_null, postgresql_where=not_null)
    op.create_index("ix_quotations_group_id", "quotations", ["group_id"])

    op.create_table(
        "quotation_speakers",
        sa.Column("quotation_id", sa.Integer, nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("person_id", sa.Integer, nullable=False),
        sa.Column("date", sa.Date),
        sa.PrimaryKeyConstraint("quotation_id", "position", name="pk_quotation_speakers"),
        sa.ForeignKeyConstraint(["quotation_id"], ["quotations.id"], ondelete="CASCADE",
                                name="fk_quotation_speakers_quotation_id_quotations"),
        sa.ForeignKeyConstraint(["person_id"], ["people.id"], ondelete="CASCADE",
                                name="fk_quotation_speakers_person_id_people"),
    )
    op.create_index("ix_quotation_speakers_person_id_date", "quotation_speakers",
                    ["person_id", "date", "quotation_id"])

    op.create_table(
        "quote_shingles",
        sa.Column("shingle", sa.BigInteger, nullable=False),
        sa.Column("quotation_id", sa.Integer, nullable=False),
        sa.PrimaryKeyConstraint("shingle", "quotation_id", name="pk_quote_shingles"),
        sa.ForeignKeyConstraint(["quotation_id"], ["quotations.id"], ondelete="CASCADE",
                                name="fk_quote_shingles_quotation_id_quotations"),
    )
    op.create_index("ix_quote_shingles_quotation_id", "quote_shingles", ["quotation_id"])

    op.create_table(
        "failures",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("path", sa.Text, nullable=False),
        sa.Column("location", sa.Text, nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("time", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_failures"),
        sa.UniqueConstraint("path", "location", "reason", name="uq_failures_path_location_reason"),
    )

    dialect = op.get_bind().dialect.name
    for statement in {"sqlite": _SQLITE_FTS, "postgresql": _POSTGRES_FTS}.get(dialect, []):
        op.execute(statement)


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        op.execute("DROP TABLE IF EXISTS quotations_fts")
    for table in ("failures", "quote_shingles", "quotation_speakers", "quotations", "quote_groups",
                  "person_articles", "people", "articles"):
        op.drop_table(table)
    if dialect == "postgresql":
        op.execute("DROP TEXT SEARCH CONFIGURATION IF EXISTS onrecord_english")
        op.execute("DROP TEXT SEARCH DICTIONARY IF EXISTS onrecord_english_stem")
