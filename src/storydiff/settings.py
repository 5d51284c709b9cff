"""Every tunable threshold of storydiff, in one place.

Each stage reads its own frozen dataclass below; benchmarks in ``bench/`` say where the
numbers came from (tuned on the development sets named there, never on test splits).
"""

from __future__ import annotations

import os
from dataclasses import dataclass


@dataclass(frozen=True)
class IngestSettings:
    max_item_bytes: int = 20 * 1024 * 1024  # larger items are refused with a reason, not read
    max_records_per_file: int = 10_000_000


# -- extract (owned by the extraction work, issue 3) ------------------------------------
@dataclass(frozen=True)
class ExtractSettings:
    min_body_chars: int = 1  # an extraction shorter than this is a failure, not an article


# -- match (owned by the clustering work, issue 4) ---------------------------------------
@dataclass(frozen=True)
class MatchSettings:
    window_days: float = 7.0


# -- analyze / compare (issue 5) ---------------------------------------------------------
@dataclass(frozen=True)
class QuoteSettings:
    min_quote_words: int = 3


@dataclass(frozen=True)
class CompareSettings:
    pass


def default_db_url() -> str:
    """``STORYDIFF_DB`` (a path or an SQLAlchemy URL), else ``storydiff.db`` here."""
    value = os.environ.get("STORYDIFF_DB", "storydiff.db")
    return value if "://" in value else f"sqlite:///{value}"
