"""fetch: URLs in, bytes out, as a good citizen of the web (the stage before ``ingest``).

``client.Fetcher`` does the HTTP (robots.txt, User-Agent, conditional requests, per-host limits
and delay, timeouts, retries, size caps, redirects, content types); ``sources`` reads what a
feed, a sitemap or an OPML export lists; ``round.Round`` is one round of ``storydiff watch``
over them, yielding ``RawItem`` and ``Failure`` for the ingest stage. Thresholds:
``settings.FetchSettings`` and ``settings.WatchSettings``.
"""

from storydiff.fetch.client import Fetched, Fetcher, FetchError, Validators, user_agent

__all__ = ["Fetched", "FetchError", "Fetcher", "Validators", "user_agent"]
