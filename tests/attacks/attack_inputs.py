"""Hostile inputs, built on the fly (nothing big is ever committed): the cases of issue 22 and
the second pass. Each builder writes one file under the folder it is given and returns its path;
``tests/attacks`` and ``bench/torture.py`` share them."""

from __future__ import annotations

import gzip
import io
import json
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path

PARAGRAPH = (
    "The harbour authority of Port Velm said on Tuesday that the new breakwater, after four years of "
    "work, had been finished two months early and under budget, chief engineer Hana Lestrade said."
)
MB = 1_000_000


def good_row(n: int, outlet: str = "Velm Gazette") -> dict:
    """An export row that extracts to an article of its own."""
    text = (
        f"Report {n}: " + PARAGRAPH.replace("Tuesday", f"Tuesday ({n})") + " "
        f"Local fishermen in district {n} welcomed the project but asked for lower mooring fees. "
        f"The breakwater is {n % 9 + 1}.2 kilometres long and protects the fishing fleet of quay {n}."
    )
    return {"id": f"row{n}", "title": f"Breakwater report {n}", "text": text, "outlet": outlet,
            "url": f"https://velm.example/news/{n}"}


def write_jsonl(path: Path, rows: Iterable[dict], encoding: str = "utf-8") -> Path:
    with open(path, "w", encoding=encoding) as f:
        for r in rows:
            f.write(json.dumps(r) + "\n")
    return path


def gzip_stream(path: Path, pieces: Iterable[bytes], level: int = 9) -> Path:
    """A gzip file written from pieces with zlib streaming: a bomb of gigabytes costs no memory."""
    z = zlib.compressobj(level, zlib.DEFLATED, 31)  # 31: a gzip header and trailer
    with open(path, "wb") as f:
        for piece in pieces:
            f.write(z.compress(piece))
        f.write(z.flush())
    return path


def gzip_bomb(path: Path, head: bytes, unit: bytes, size: int, tail: bytes) -> Path:
    """``head``, ``unit`` repeated to ``size`` bytes, ``tail``, as a multi-member gzip file (as
    valid as one member): the repeated part is one member of 10 MB compressed once and written
    again and again, so a 2 GB bomb is built in milliseconds."""
    block = unit * max(1, 10_000_000 // len(unit))
    member = gzip.compress(block, 9)
    with open(path, "wb") as f:
        f.write(gzip.compress(head))
        for _ in range(max(1, size // len(block))):
            f.write(member)
        f.write(gzip.compress(tail))
    return path


def repeat(unit: bytes, total: int) -> Iterator[bytes]:
    block = unit * max(1, (1 << 20) // len(unit))
    done = 0
    while done < total:
        yield block
        done += len(block)


# -- 1. big files that used to be cut at 160 MB ---------------------------------------------

def big_csv(path: Path, size: int = 170 * MB) -> tuple[Path, int]:
    """A CSV export over ``size`` bytes: (path, rows). Each row's text (several lines, in quotes)
    ends with "row N END"."""
    body = ((PARAGRAPH + "\n") * 12).replace('"', '""')
    n, written = 0, 0
    with open(path, "w", newline="", encoding="utf-8") as f:
        f.write("id,title,text\r\n")
        while written < size:
            row = f'r{n},Title {n},"{body}row {n} END"\r\n'
            f.write(row)
            written += len(row)
            n += 1
    return path, n


def big_rss(path: Path, size: int = 170 * MB, entry_bytes: int = 150_000) -> tuple[Path, int]:
    """An RSS feed over ``size`` bytes: (path, entries); each entry's text ends with "END"."""
    body = (PARAGRAPH + " ") * max(1, entry_bytes // (len(PARAGRAPH) + 1))
    n, written = 0, 0
    with open(path, "w", encoding="utf-8") as f:
        f.write('<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel>'
                "<title>Velm Gazette - News</title><link>https://velm.example/</link>\n")
        while written < size:
            item = (f"<item><title>Item {n}</title><link>https://velm.example/{n}</link>"
                    f"<description><![CDATA[<p>{body}</p><p>entry {n} END</p>]]></description></item>\n")
            f.write(item)
            written += len(item)
            n += 1
        f.write("</channel></rss>\n")
    return path, n


def big_utf16_jsonl(path: Path, size: int = 170 * MB) -> tuple[Path, int]:
    """JSON Lines in UTF-16 (as Excel and PowerShell write it) over ``size`` bytes: (path, lines)."""
    text = (PARAGRAPH + " ") * 10
    n, written = 0, 0
    with open(path, "w", encoding="utf-16") as f:
        while written < size:
            line = json.dumps({"id": f"u{n}", "title": f"t{n}", "text": text + f"line {n} END"}) + "\n"
            f.write(line)
            written += 2 * len(line)
            n += 1
    return path, n


# -- 2. one bad item among good ones --------------------------------------------------------

def feed_with_references(path: Path, reference: str) -> Path:
    """An RSS feed whose entry holds a numeric reference to no character (or to a control)."""
    path.write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Tidewater Post</title>'
        "<link>https://tide.example/</link><item><title>Harbour " + reference + " news</title>"
        "<link>https://tide.example/a</link><description>" + PARAGRAPH + " " + reference +
        " And the council approved it.</description></item></channel></rss>",
        encoding="utf-8",
    )
    return path


def deep_jsonl(path: Path, depth: int = 200_000) -> Path:
    path.write_text("[" * depth + "]" * depth + "\n")
    return path


def long_int_jsonl(path: Path, digits: int = 5000) -> Path:
    path.write_text('{"id": ' + "9" * digits + ', "text": "' + PARAGRAPH + '"}\n')
    return path


# -- 5. decompression bombs -----------------------------------------------------------------

def bomb_jsonl_one_line(path: Path, size: int = 2_000 * MB) -> Path:
    """A .jsonl.gz holding one line of ``size`` bytes (2 GB in about 2 MB)."""
    return gzip_bomb(path, b'{"id": "x", "text": "', b"a", size, b'"}\n')


def bomb_jsonl_blank_lines(path: Path, size: int = 200 * MB) -> Path:
    """A .jsonl.gz of ``size`` bytes of newlines (about 200 KB compressed)."""
    return gzip_stream(path, repeat(b"\n", size))


def bomb_rss(path: Path, size: int = 2_000 * MB) -> Path:
    head = (b'<?xml version="1.0"?><rss version="2.0"><channel><title>Bomb</title>'
            b"<item><title>x</title><description>")
    return gzip_bomb(path, head, b"a", size, b"</description></item></channel></rss>")


def bomb_csv(path: Path, size: int = 2_000 * MB) -> Path:
    return gzip_bomb(path, b"id,text\nr1,", b"a", size, b"\n")


# -- 6. a plain WARC cut short --------------------------------------------------------------

def warc_bytes(pages: list[tuple[str, str]]) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=False)
    for url, html in pages:
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(html.encode()),
                                                      http_headers=headers))
    return buf.getvalue()


def page(n: int, extra: str = "") -> str:
    row = good_row(n)
    paragraphs = "".join(f"<p>{s}.</p>" for s in row["text"].split(". "))
    return (f"<html><head><meta charset='utf-8'><title>{row['title']}</title></head><body>"
            f"<nav>Home | News</nav><article><h1>{row['title']}</h1>{extra}{paragraphs}</article></body></html>")


def gz(data: bytes) -> bytes:
    return gzip.compress(data)
