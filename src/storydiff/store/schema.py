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
    Column("revision", Integer, nullable=False, default=1),  # 1 until the outlet edits it
    Column("revised_at", Text),  # when the current revision was stored (NULL: never revised)
    Column("path_key", Text),  # codec.source_path_key(source) of the current text (indexed)
    Column("headline_key", Text),  # codec.headline_key(outlet, title) of the current text (indexed)
    Column("taken_down_at", Text),  # when its page was first seen answering 404/410 (NULL: it answers)
    Column("taken_down_status", Integer),
)

# Earlier revisions of edited articles (the current one is the articles row).
article_revisions = Table(
    "article_revisions",
    metadata,
    Column("seq", Integer, primary_key=True, autoincrement=True),
    Column("article_id", Text, nullable=False),
    Column("revision", Integer, nullable=False),
    Column("source_key", Text, nullable=False),  # the item key it was read under
    Column("content_hash", Text, nullable=False),
    Column("seen_at", Text),
    Column("data", Text, nullable=False),
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
    Column("members", Text),  # codec.members_key of the articles it compared
)

text_analyses = Table(
    "text_analyses",
    metadata,
    Column("key", Text, primary_key=True),  # codec.analysis_key: the exact text and the analyzer
    Column("data", Text, nullable=False),  # {"quotes": [...], "entities": [...] or null}
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

watch_sources = Table(
    "watch_sources",
    metadata,
    Column("key", Text, primary_key=True),  # key_hash(url)
    Column("url", Text, nullable=False),
    Column("kind", Text),
    Column("added_at", Text, nullable=False),
    Column("last_fetched", Text),
    Column("last_status", Text),
    Column("last_new_item", Text),
    Column("items_listed", Integer, nullable=False, default=0),
    Column("articles_stored", Integer, nullable=False, default=0),
    Column("revisions_stored", Integer, nullable=False, default=0),
    Column("failures", Integer, nullable=False, default=0),
    Column("last_error", Text),
    Column("taken_down", Integer, nullable=False, default=0),  # its pages taken down now (uncounted when one answers again)
)

fetched_urls = Table(
    "fetched_urls",
    metadata,
    Column("key", Text, primary_key=True),  # key_hash(url)
    Column("url", Text, nullable=False),
    Column("source_key", Text),  # key_hash of the watched source that listed it
    Column("etag", Text),
    Column("last_modified", Text),
    Column("first_seen", Text, nullable=False),
    Column("last_checked", Text),
    Column("meta", Text),  # JSON: what the listing said of it
)

# The search index's rows (store/search_index.py). SQLite indexes ``body`` in the FTS5 tables
# search_articles_fts and search_quotes_fts; PostgreSQL adds generated tsvector columns (``tsv``,
# and ``tsv_lead`` on articles, over the text with its diacritics folded as FTS5 folds them:
# migration 7), not mirrored here: SQLite has no such columns.
search_articles = Table(
    "search_articles",
    metadata,
    Column("seq", Integer, primary_key=True, autoincrement=True),
    Column("article_seq", Integer, nullable=False),
    Column("outlet", Text),
    Column("published", Text),
    Column("body", Text, nullable=False),  # title and text
)

search_quotes = Table(
    "search_quotes",
    metadata,
    Column("seq", Integer, primary_key=True, autoincrement=True),
    Column("article_seq", Integer, nullable=False),
    Column("position", Integer, nullable=False, default=0),
    Column("speaker", Text),
    Column("context", Text),  # the paragraph around the quote
    Column("outlet", Text),
    Column("published", Text),
    Column("body", Text, nullable=False),  # the quote
)
