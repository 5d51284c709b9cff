"""SQLAlchemy Core view of the schema that ``migrations.py`` builds (latest version).

Used for queries only: tables are created by the migrations, never by ``metadata.create_all``.
A test checks the two agree.
"""

from __future__ import annotations

from sqlalchemy import Column, Integer, MetaData, Table, Text

metadata = MetaData()

articles = Table(
    "articles",
    metadata,
    Column("seq", Integer, primary_key=True, autoincrement=True),
    Column("id", Text, nullable=False, unique=True),
    Column("source_key", Text, nullable=False, unique=True),  # codec.item_key(source, raw_digest)
    Column("url_key", Text, unique=True),  # key_hash(canonical_url(url)); NULL when no url
    Column("content_hash", Text, nullable=False, unique=True),  # codec.article_content_hash: text + outlet
    Column("story_id", Text),
    Column("outlet", Text),  # display copies (codec.column_text) for listings
    Column("title", Text),
    Column("published", Text),
    Column("added_at", Text, nullable=False),
    Column("data", Text, nullable=False),  # the exact Article as JSON
)

story_aliases = Table(
    "story_aliases",
    metadata,
    Column("old_id", Text, primary_key=True),
    Column("new_id", Text, nullable=False),
)

stories = Table(
    "stories",
    metadata,
    Column("id", Text, primary_key=True),
    Column("data", Text, nullable=False),  # the Story as JSON
    Column("saved_at", Text),
)

failures = Table(
    "failures",
    metadata,
    Column("seq", Integer, primary_key=True, autoincrement=True),
    Column("key", Text, nullable=False, unique=True),  # key_hash(source) + key_hash(reason)
    Column("source_key", Text, nullable=False),
    Column("source", Text, nullable=False),
    Column("stage", Text, nullable=False),
    Column("reason", Text, nullable=False),
    Column("time", Text, nullable=False),  # first seen
    Column("count", Integer, nullable=False, default=1),
    Column("last_seen", Text),
)
