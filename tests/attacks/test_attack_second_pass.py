"""The second pass of issue 22: new attacks tried as a user would, each fixed where it broke."""

from __future__ import annotations

import io
import json
import os
import sys
import tarfile
import threading
import zipfile

import attack_inputs as inputs
import pytest
from attack_cli import cli

from storydiff.ingest import read_inputs
from storydiff.records import Failure, RawItem


def _kinds(results) -> list[tuple[str, str]]:
    return [(type(r).__name__, r.source.rsplit(os.sep, 1)[-1] if "#" not in r.source
             else os.path.basename(r.source.split("#")[0]) + "#" + r.source.split("#", 1)[1]) for r in results]


def test_zip_and_tar_archives_are_named_not_read_as_text(tmp_path):
    good = inputs.write_jsonl(tmp_path / "good.jsonl", [inputs.good_row(1)])
    with zipfile.ZipFile(tmp_path / "news.zip", "w") as z:
        z.write(good, "good.jsonl")
    with tarfile.open(tmp_path / "news.tar", "w") as t:
        t.add(good, "good.jsonl")
    with tarfile.open(tmp_path / "news.tar.gz", "w:gz") as t:
        t.add(good, "good.jsonl")
    results = list(read_inputs([str(tmp_path / n) for n in ("news.zip", "news.tar", "news.tar.gz", "good.jsonl")]))
    reasons = {os.path.basename(r.source): r.reason for r in results if isinstance(r, Failure)}
    assert "zip archive" in reasons["news.zip"] and "tar archive" in reasons["news.tar"]
    assert "tar archive" in reasons["news.tar.gz"] and "unpack it" in reasons["news.zip"]
    assert ("RawItem", "good.jsonl#L1 (id row1)") in _kinds(results)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_named_pipe_is_read_as_it_comes(tmp_path):
    fifo = tmp_path / "rows.jsonl"
    os.mkfifo(fifo)
    rows = [inputs.good_row(n) for n in range(3)]

    def write():
        import time

        deadline = time.monotonic() + 30
        while True:  # non-blocking: a reader that never opens the pipe must not hang the test
            try:
                fd = os.open(fifo, os.O_WRONLY | os.O_NONBLOCK)
                break
            except OSError:
                if time.monotonic() > deadline:
                    return
                time.sleep(0.05)
        os.set_blocking(fd, True)
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            for r in rows:
                f.write(json.dumps(r) + "\n")

    writer = threading.Thread(target=write, daemon=True)
    writer.start()
    results = list(read_inputs([str(fifo)]))
    writer.join(60)
    assert [r.meta["id"] for r in results] == ["row0", "row1", "row2"]
    # found in a folder, a pipe is named, not opened: no writer may ever come
    (found,) = list(read_inputs([str(tmp_path)]))
    assert isinstance(found, Failure) and found.source == str(fifo) and "not a regular file" in found.reason


def test_symbolic_link_loops_in_a_folder_are_named_and_the_folder_is_read(tmp_path):
    folder = tmp_path / "news"
    folder.mkdir()
    inputs.write_jsonl(folder / "good.jsonl", [inputs.good_row(1)])
    (folder / "again").symlink_to(folder, target_is_directory=True)  # a folder that holds itself
    (folder / "a.html").symlink_to(folder / "b.html")
    (folder / "b.html").symlink_to(folder / "a.html")
    results = list(read_inputs([str(folder)]))
    reasons = {os.path.basename(r.source): r.reason for r in results if isinstance(r, Failure)}
    assert reasons == {"a.html": "symbolic link loop", "b.html": "symbolic link loop"}
    assert sum(isinstance(r, RawItem) for r in results) == 1


@pytest.mark.parametrize("name", ["sparse.txt", "sparse.jsonl", "sparse.csv", "sparse.rss", "sparse.html"])
def test_a_1_gb_sparse_file_fails_by_name(tmp_path, name):
    path = tmp_path / name
    with open(path, "wb") as f:
        f.truncate(1 << 30)  # a gigabyte of NULs that takes no disk
    (result,) = list(read_inputs([str(path)]))
    assert isinstance(result, Failure) and os.path.basename(result.source).startswith(name)


def test_a_feed_entry_with_50_mb_of_content_fails_alone(tmp_path):
    path = tmp_path / "feed.rss"
    huge = "<p>" + "word " * 10_000_000 + "</p>"
    entries = [inputs.PARAGRAPH, huge, inputs.PARAGRAPH.replace("Tuesday", "Friday")]
    with open(path, "w", encoding="utf-8") as f:
        f.write('<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">'
                "<channel><title>Velm Gazette</title><link>https://velm.example/</link>")
        for n, body in enumerate(entries):
            f.write(f"<item><title>Item {n}</title><link>https://velm.example/{n}</link>"
                    f"<content:encoded><![CDATA[{body}]]></content:encoded></item>")
        f.write("</channel></rss>")
    results = list(read_inputs([str(path)]))
    assert _kinds(results) == [("RawItem", "feed.rss#https://velm.example/0"), ("Failure", "feed.rss#entry2"),
                               ("RawItem", "feed.rss#https://velm.example/2")]
    assert "over the" in results[1].reason


def test_nul_bytes_in_a_csv_cost_no_row(tmp_path):
    rows = [inputs.good_row(n) for n in range(1, 4)]
    text = "id,title,text\r\n" + "".join(f'{r["id"]},{r["title"]},"{r["text"]}"\r\n' for r in rows)
    data = text.encode().replace(b"Port Velm", b"Port\x00Velm", 1)  # in the first row, in the head
    (tmp_path / "nul.csv").write_bytes(data)
    results = list(read_inputs([str(tmp_path / "nul.csv")]))
    assert [type(r).__name__ for r in results] == ["RawItem"] * 3
    assert "\x00" not in results[0].content and "Port\ufffdVelm" in results[0].content


def test_utf32_with_its_mark_is_read(tmp_path):
    path = tmp_path / "rows.jsonl"
    path.write_bytes("".join(json.dumps(inputs.good_row(n)) + "\n" for n in range(2)).encode("utf-32"))
    assert [r.meta["id"] for r in read_inputs([str(path)])] == ["row0", "row1"]


def test_a_utf8_page_that_claims_utf16_in_its_meta_is_read_as_utf8(tmp_path):
    page = inputs.page(1).replace("<meta charset='utf-8'>", "<meta charset='utf-16'>").replace("Report", "Réport")
    (tmp_path / "page.html").write_bytes(page.encode("utf-8"))
    result = cli("extract", tmp_path / "page.html", "--json")
    assert result.exit_code == 0
    assert "Réport" in json.loads(result.stdout)["text"]


def test_a_megabyte_long_id_fails_its_row(tmp_path):
    rows = [dict(inputs.good_row(1), id="x" * 1_000_000), inputs.good_row(2)]
    results = list(read_inputs([str(inputs.write_jsonl(tmp_path / "ids.jsonl", rows))]))
    assert isinstance(results[0], Failure) and "bytes long in UTF-8" in results[0].reason
    assert len(results[0].source) < 200 and isinstance(results[1], RawItem)


def test_entity_expansion_and_external_entities_in_a_feed_do_nothing(tmp_path):
    lol = "".join(f'<!ENTITY l{i} "{"&l" + str(i - 1) + ";" * 1 if i else "lol"}' + (f'&l{i - 1};' * 9 if i else "") + '">'
                  for i in range(10))
    feed = (f'<?xml version="1.0"?><!DOCTYPE rss [{lol}<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
            '<rss version="2.0"><channel><title>T</title><item><title>x &xxe;</title>'
            f"<description>&l9; {inputs.PARAGRAPH}</description></item></channel></rss>")
    (tmp_path / "lol.rss").write_text(feed)
    (item,) = list(read_inputs([str(tmp_path / "lol.rss")]))
    assert len(item.content) < 10_000 and "root:" not in item.content + item.meta.get("title", "")


@pytest.mark.skipif(not os.path.exists("/dev/zero") or sys.platform != "linux", reason="a Linux device")
def test_a_device_is_read_as_a_stream_and_bounded():
    (result,) = list(read_inputs(["/dev/zero"]))
    assert isinstance(result, Failure) and result.source == "/dev/zero"


def test_in_memory_bytes_go_through_the_same_bounds():
    data = io.BytesIO()
    inputs_rows = [inputs.good_row(1)]
    data.write(("".join(json.dumps(r) + "\n" for r in inputs_rows)).encode())
    from storydiff.ingest import read_bytes

    (item,) = list(read_bytes("upload.jsonl", data.getvalue()))
    assert item.meta["id"] == "row1"
