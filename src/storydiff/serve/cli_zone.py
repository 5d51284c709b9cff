"""``--assume-tz ZONE``: the zone of times written without one, for every command that reads
articles (``extract``, ``compare``, ``cluster``, ``ingest``, ``watch``, ``serve``; or the
``STORYDIFF_ASSUME_TZ`` environment variable)."""

from __future__ import annotations

import os
from typing import Annotated

import typer

from storydiff.dates import ASSUME_TZ_ENV, zone_named


def assume_tz(name: str | None) -> str | None:
    """--assume-tz: checked here (a mistyped zone is a usage error, not a failure per item), then
    put where every stage and worker process reads it (dates.ASSUME_TZ_ENV)."""
    if name is None:
        return None
    try:
        zone_named(name)
    except ValueError as e:
        raise typer.BadParameter(str(e)) from None
    os.environ[ASSUME_TZ_ENV] = name
    return name


AssumeTzOpt = Annotated[
    str | None,
    typer.Option("--assume-tz", envvar=ASSUME_TZ_ENV, callback=assume_tz, metavar="ZONE",
                 help="the zone of times written without one, an IANA name (Europe/Kyiv); default UTC"),
]
