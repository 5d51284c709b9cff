"""``storydiff serve``: run the web app with uvicorn (registered on the CLI with ``app.command()(serve)``)."""

from __future__ import annotations

import ipaddress
import os
import sys
from typing import Annotated

import typer

from storydiff.serve.cli_zone import AssumeTzOpt


def is_loopback(host: str) -> bool:
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False  # a hostname: it may resolve to anything


def token_on_command_line(argv: list[str]) -> bool:
    """Whether the write token was given as an argument, where any local user can read it."""
    return any(a == "--token" or a.startswith("--token=") for a in argv[1:])


def server_url(host: str, port: int) -> str:
    """The server's address as a browser takes it: an IPv6 literal in brackets (http://[::]:8000/,
    not http://:::8000/; QA pass 19a)."""
    bare = host.strip("[]")
    try:
        is_v6 = ipaddress.ip_address(bare.split("%", 1)[0]).version == 6
    except ValueError:
        is_v6 = False
    return f"http://[{bare}]:{port}/" if is_v6 else f"http://{host}:{port}/"


def serve(
    host: Annotated[
        str, typer.Option(help="address to listen on; the default is reachable from this machine only")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="TCP port")] = 8000,
    db: Annotated[
        str | None,
        typer.Option(
            "--db", envvar="STORYDIFF_DB", help="SQLite path or SQLAlchemy URL (default: storydiff.db)"
        ),
    ] = None,
    token: Annotated[
        str | None,
        typer.Option(
            envvar="STORYDIFF_TOKEN",
            help="bearer token enabling POST /api/articles (none: writes refused); prefer the env var",
        ),
    ] = None,
    semantic: Annotated[
        bool,
        typer.Option(
            "--semantic", help="align facts by words and MiniLM sentence embeddings (needs storydiff\\[embeddings]), not by words alone"
        ),
    ] = False,
    assume_tz: AssumeTzOpt = None,
    allowed_host: Annotated[
        list[str] | None,
        typer.Option("--allowed-host", help="on loopback, another name the server answers to (a proxy's, an "
                     "/etc/hosts alias); others are refused, as a page rebinding its name to 127.0.0.1 would be"),
    ] = None,
) -> None:
    """Serve stored stories as web pages and a JSON API (docs at /docs)."""
    try:
        import uvicorn

        from storydiff.serve.api import ANY_HOST, LOOPBACK_NAMES, create_app
    except ImportError as e:  # the web app's libraries are an extra
        print(f"error: storydiff serve needs the web app's libraries ({e.name or e} is missing): "
              "install storydiff[serve] (pip install -e '.[serve]')", file=sys.stderr)
        raise typer.Exit(2) from None
    from storydiff.serve.cli import fact_settings_for

    token = token or os.environ.get("STORYDIFF_TOKEN") or None
    token = token if token and token.strip() else None  # a blank token is no token
    if token is not None and token_on_command_line(sys.argv):
        print("warning: --token is readable by every user of this machine while the server runs (ps, "
              "/proc/PID/cmdline): set STORYDIFF_TOKEN instead", file=sys.stderr)
    facts = fact_settings_for(semantic)
    try:
        # on loopback, only the loopback names: a page that rebinds its name to 127.0.0.1 is refused
        hosts = [*LOOPBACK_NAMES, host, *(allowed_host or ())] if is_loopback(host) else [ANY_HOST]
        app = create_app(db, token=token, fact_settings=facts, warm=True, allowed_hosts=hosts)
    except ValueError as e:
        from storydiff.serve.tty import safe

        print(f"error: {safe(e, one_line=True)}", file=sys.stderr)
        raise typer.Exit(2) from None
    if not is_loopback(host):
        where = "anyone who can reach this address can read every stored article"
        if token is None:
            print(
                f"warning: listening on {host} without a token: {where}; writes stay disabled",
                file=sys.stderr,
            )
        else:
            print(
                f"warning: listening on {host}: {where}; the token travels in clear over plain HTTP",
                file=sys.stderr,
            )
    print(f"storydiff: {server_url(host, port)}  (writes {'enabled' if token else 'disabled'})", file=sys.stderr)
    uvicorn.run(app, host=host, port=port, log_level="info", server_header=False)
