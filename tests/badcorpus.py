"""Builds the bad-input corpus the ingest tests run on: every kind of input users really send."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

GOOD_BODY = (
    "<p>The harbour authority of Port Velm said on Tuesday that the new breakwater had been finished "
    "two months early and under budget, after four years of work.</p>"
    "<p>\"We expected storms to delay us, and they did not,\" chief engineer Hana Lestrade said at the opening.</p>"
    "<p>The breakwater is 1.2 kilometres long and is meant to protect the fishing fleet from winter swells, "
    "which damaged dozens of boats in 2019 and again in 2021.</p>"
    "<p>Local fishermen welcomed the project but asked the authority to lower mooring fees, "
    "which rose by a third during construction.</p>"
)


def good_html(n: int, title: str | None = None) -> str:
    title = title or f"Port Velm breakwater finished early, report {n}"
    return (
        f"<html><head><meta charset='utf-8'><title>{title}</title></head><body>"
        f"<nav>Home | News | Sport</nav><article><h1>{title}</h1>"
        + GOOD_BODY.replace("Tuesday", f"Tuesday ({n})")
        + "</article><footer>© 2024 Velm Gazette</footer></body></html>"
    )


SCRIPT_BODY_HTML = (
    "<html><head><title>Council votes on budget</title></head><body><article><h1>Council votes on budget</h1>"
    "<p>The city council of Amberly approved next year's budget on Thursday by nine votes to four, "
    "after a debate that ran past midnight.</p>"
    "<p>Councillor Ruth Oyelaran wrote in her statement: &lt;script&gt;alert('xss')&lt;/script&gt; "
    "is what an attacker would paste, she said, to show why the city's website needs an update.</p>"
    "<script>document.write('INJECTED BY SCRIPT')</script>"
    "<p>The budget raises spending on road repairs by 12 percent and freezes hiring in the planning office "
    "until the end of the year, the mayor's office said.</p></article></body></html>"
)


def _warc_record(writer: WARCWriter, url: str, html: str) -> None:
    headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
    writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(html.encode()), http_headers=headers))


def make_warc(path: Path, pages: list[tuple[str, str]], gz: bool = True) -> None:
    with open(path, "wb") as f:
        writer = WARCWriter(f, gzip=gz)
        for url, html in pages:
            _warc_record(writer, url, html)


def build(root: Path, *, big: bool = True) -> dict[str, Path]:
    """Write the corpus under ``root``; returns name → path of every item."""
    root.mkdir(parents=True, exist_ok=True)
    p: dict[str, Path] = {}

    p["good_html"] = root / "good.html"
    p["good_html"].write_text(good_html(1), encoding="utf-8")

    p["empty"] = root / "empty.txt"
    p["empty"].write_bytes(b"")

    p["binary"] = root / "photo.html"
    p["binary"].write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40)

    full = gzip.compress(good_html(2).encode())
    p["truncated_gz"] = root / "cut.html.gz"
    p["truncated_gz"].write_bytes(full[: len(full) // 2])

    warc_ok = root / "ok.warc.gz"
    make_warc(warc_ok, [("https://velm.example/a", good_html(3)), ("https://velm.example/b", good_html(4))])
    p["warc"] = warc_ok
    data = warc_ok.read_bytes()
    p["truncated_warc"] = root / "cut.warc.gz"
    p["truncated_warc"].write_bytes(data[: int(len(data) * 0.7)])

    p["cp1251"] = root / "cyrillic.txt"
    p["cp1251"].write_bytes(
        (
            "Київ • УНН\n"
            "Уряд України схвалив новий план відбудови енергетичної системи до зими, повідомив прем'єр-міністр.\n"
            "За його словами, на ремонт електростанцій спрямують додаткові кошти з резервного фонду.\n"
            "Роботи мають завершитися до листопада, а контроль за ними доручено Міністерству енергетики."
        ).encode("cp1251")
    )

    p["jsonl"] = root / "export.jsonl"
    rows = [
        json.dumps({"id": "r1", "url": "https://gazette.example/r1", "title": "Row one", "text": GOOD_BODY.replace("<p>", "").replace("</p>", "\n")}),
        '{"id": "r2", "text": "broken',  # cut mid-line
        "not json at all",
        json.dumps({"id": "r3", "title": "no body"}),
        json.dumps({"id": "r4", "url": "https://gazette.example/r4", "html": good_html(5)}),
    ]
    p["jsonl"].write_text("\n".join(rows) + "\n", encoding="utf-8")

    p["script_html"] = root / "script-in-body.html"
    p["script_html"].write_text(SCRIPT_BODY_HTML, encoding="utf-8")

    if big:
        p["huge"] = root / "huge.txt"
        with open(p["huge"], "wb") as f:
            line = b"All work and no play makes a very long page that nobody should ingest whole.\n"
            for _ in range(50 * 1024 * 1024 // len(line) + 1):
                f.write(line)
    return p


GOOD_SOURCES = ("good.html", "ok.warc.gz#https://velm.example/a", "ok.warc.gz#https://velm.example/b", "cyrillic.txt", "export.jsonl#L1", "export.jsonl#L5", "script-in-body.html")
BAD_SOURCES = ("empty.txt", "photo.html", "cut.html.gz", "cut.warc.gz", "export.jsonl#L2", "export.jsonl#L3", "export.jsonl#L4", "huge.txt")
