"""``--assume-tz ZONE``: the zone of times written without one, for every command that reads
articles (``extract``, ``compare``, ``cluster``, ``ingest``, ``watch``, ``serve``; or the
``STORYDIFF_ASSUME_TZ`` environment variable)."""

from __future__ import annotations

import os
from functools import partial
from typing import Annotated

import typer

from storydiff.dates import ASSUME_TZ_ENV, zone_named


def assume_tz(ctx: typer.Context, name: str | None) -> str | None:
    """--assume-tz: checked here (a mistyped zone is a usage error, not a failure per item), then
    put where every stage, worker process and thread reads it (dates.ASSUME_TZ_ENV) for the
    command's run; what was there before is put back when it ends, so a later command or library
    call in the same process reads times as it would have (review 17 #7)."""
    if name is None:
        return None
    try:
        zone_named(name)
    except ValueError as e:
        raise typer.BadParameter(str(e)) from None
    ctx.call_on_close(partial(_put_back, os.environ.get(ASSUME_TZ_ENV)))
    os.environ[ASSUME_TZ_ENV] = name
    return name


def _put_back(before: str | None) -> None:
    if before is None:
        os.environ.pop(ASSUME_TZ_ENV, None)
    else:
        os.environ[ASSUME_TZ_ENV] = before


AssumeTzOpt = Annotated[
    str | None,
    typer.Option("--assume-tz", envvar=ASSUME_TZ_ENV, callback=assume_tz, metavar="ZONE",
                 help="the zone of times written without one, an IANA name (Europe/Kyiv); default UTC"),
]
