"""QA pass 24b, 04: one item's Windows-1257 byte in a 50-item POST rejected the whole batch with
a byte offset; the declared charset was ignored. The body is read as file ingest reads an export:
invalid UTF-8 sequences become U+FFFD and the item holding them says so; a declared charset is
used; UTF-16 and a UTF-8 byte-order mark still work; a body no encoding reads is refused by name."""

from __future__ import annotations

import json

import pytest

pytest.importorskip("fastapi")
from fastapi.testclient import TestClient

from storydiff.serve.api import create_app

TOKEN = "t0ken"
AUTH = {"Authorization": f"Bearer {TOKEN}"}


def _item(n: int, title: str) -> dict:
    return {"id": f"lrt-{n}", "outlet": "LRT", "title": title, "published": "2026-12-05T09:00:00+02:00",
            "text": f"Gaisras sandėlyje numeris {n} užgesintas ryte, pranešė ugniagesiai. Nukentėjusių nėra, "
                    f"teigė priešgaisrinės gelbėjimo tarnybos atstovas, kalbėjęs su žurnalistais apie įvykį {n}."}


def _post(client, body: bytes, content_type: str = "application/json"):
    return client.post("/api/articles", content=body, headers={**AUTH, "Content-Type": content_type})


@pytest.fixture()
def client(tmp_path):
    with TestClient(create_app(str(tmp_path / "a.db"), token=TOKEN)) as c:
        yield c


def test_one_items_invalid_byte_fails_no_other_item_and_is_named(client):
    items = [_item(n, f"Gaisras Nr. {n}") for n in range(3)]
    body = json.dumps(items, ensure_ascii=False).encode("utf-8")
    body = body.replace(b"Gaisras Nr. 1", "\u0160iauliai Nr. 1".encode("cp1257"))  # one raw cp1257 byte
    r = _post(client, body)
    assert r.status_code == 200, r.text
    out = r.json()
    assert out["stored"] == 3
    flagged = [i for i, it in enumerate(out["items"]) if any("U+FFFD" in w for w in it["warnings"])]
    assert flagged == [1]


def test_a_declared_charset_is_read(client):
    body = json.dumps([_item(7, "\u0160iauliai: tiltas nr. 5002")], ensure_ascii=False).encode("cp1257")
    r = _post(client, body, "application/json; charset=windows-1257")
    assert r.status_code == 200 and r.json()["stored"] == 1
    assert client.get("/api/articles/lrt-7").json()["title"] == "\u0160iauliai: tiltas nr. 5002"


@pytest.mark.parametrize("encode", [lambda s: s.encode("utf-16"), lambda s: b"\xef\xbb\xbf" + s.encode("utf-8")])
def test_utf16_and_a_byte_order_mark_still_work(client, encode):
    r = _post(client, encode(json.dumps([_item(9, "Vilniaus oro uostas")], ensure_ascii=False)))
    assert r.status_code == 200 and r.json()["stored"] == 1


def test_a_body_no_encoding_reads_is_refused_by_name(client):
    r = _post(client, b"[]", "application/json; charset=x-no-such")
    assert r.status_code == 400 and "x-no-such" in r.json()["detail"]
    row = {"id": "ru-3", "title": "Пожар на складе в Вильнюсе потушен",
           "text": "Пожар на складе в Вильнюсе потушен утром, сообщили пожарные. Пострадавших нет, сказал представитель службы."}
    cyrillic = json.dumps([row], ensure_ascii=False).encode("cp1251")
    r = _post(client, cyrillic)
    assert r.status_code == 400 and "declares no charset" in r.json()["detail"]


def test_a_utf8_body_labelled_latin1_is_read_as_utf8(client):
    # review 24b M2: the declared charset was tried first and latin-1 never fails: mojibake, no warning
    body = json.dumps([_item(11, "Київ: пожежа на складі")], ensure_ascii=False).encode("utf-8")
    assert _post(client, body, "application/json; charset=ISO-8859-1").json()["stored"] == 1
    assert client.get("/api/articles/lrt-11").json()["title"] == "Київ: пожежа на складі"


def test_utf16_with_its_mark_under_a_mark_less_codec_name(client):
    # review 24b M3: charset=utf-16le kept the decoded mark: "Unexpected UTF-8 BOM"
    body = "\ufeff".encode("utf-16-le") + json.dumps([_item(12, "Gaisras")]).encode("utf-16-le")
    assert _post(client, body, "application/json; charset=utf-16le").json()["stored"] == 1


@pytest.mark.parametrize("charset", ["", "; charset=utf-8", "; charset=utf_8", "; charset=UTF-8-sig"])
def test_one_bad_byte_in_a_mostly_ascii_body_is_replaced_whatever_utf8_is_called(client, charset):
    # review 24b M4: no valid non-ASCII letter to outweigh the bad byte: the whole POST was refused
    items = [{"id": f"en-{n}", "outlet": "Wire", "title": f"Fire number {n}",
              "text": f"A warehouse fire number {n} was put out by morning, firefighters said. No one was hurt, a "
                      f"spokesman told reporters at the scene of the fire number {n}."} for n in range(5)]
    body = json.dumps(items).encode().replace(b"Fire number 2", b"Caf\xe9 number 2")  # one cp1252 byte
    r = _post(client, body, "application/json" + charset)
    assert r.status_code == 200 and r.json()["stored"] == 5
    assert [i for i, it in enumerate(r.json()["items"]) if any("U+FFFD" in w for w in it["warnings"])] == [2]
