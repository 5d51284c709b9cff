"""One vendor row exported as HTML and as plain text is one article: the credit line closing it is
kept apart from the text on both paths (QA pass 21b, 02: the HTML body kept "Джерело: Укрінформ" as
a paragraph, the plain text moved it to credit_lines, and the second export was stored as a
revision, "paragraph removed: Джерело: Укрінформ")."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from storydiff.extract import extract_items
from storydiff.ingest import read_path
from storydiff.records import Article
from storydiff.serve.cli import app as cli_app

PARAS = ["Луцьк, 3 грудня. Уранці російський дрон влучив у складське приміщення на околиці Луцька, "
         "повідомив міський голова Ігор Поліщук.",
         "Постраждалих немає, пожежу загасили рятувальники ДСНС за дві години.",
         "«Усі служби відпрацювали швидко», — написав Поліщук."]
ROW = {"id": "v-1", "outlet": "Волинь пост", "url": "https://volyn.example/v-1", "title": "Дрон влучив у склад",
       "published": "2026-12-03T09:10:00+02:00"}


def _files(tmp_path, credit="Джерело: Укрінформ", field="text"):
    # the vendor's JSONL carries the body as HTML in its "text" field (or in "html")
    html = tmp_path / "export_html.jsonl"
    html.write_text(json.dumps({**ROW, field: "".join(f"<p>{p}</p>" for p in [*PARAS, credit])},
                               ensure_ascii=False) + "\n", encoding="utf-8")
    plain = tmp_path / "export_plain.csv"
    text = "\n".join([*PARAS, credit]).replace('"', '""')
    plain.write_bytes(("id;outlet;url;title;published;text\n"
                       f'{ROW["id"]};{ROW["outlet"]};{ROW["url"]};{ROW["title"]};{ROW["published"]};"{text}"\n')
                      .encode())
    return html, plain


def test_the_html_and_the_plain_export_of_a_row_extract_alike(tmp_path):
    for credit in ("Джерело: Укрінформ", "Źródło: PAP", "Quelle: dpa"):
        for field in ("text", "html"):
            html, plain = _files(tmp_path, credit, field)
            (a,) = [x for x in extract_items(read_path(str(html))) if isinstance(x, Article)]
            (b,) = [x for x in extract_items(read_path(str(plain))) if isinstance(x, Article)]
            assert a.text == b.text and credit not in a.text
            # (an "html" field's page path drops the line as a field before any split: not kept apart)
            assert b.credit_lines == [credit] and a.credit_lines == ([credit] if field == "text" else [])


def test_the_second_export_of_a_row_is_already_stored_in_either_order(tmp_path):
    html, plain = _files(tmp_path)
    for n, order in enumerate(((html, plain), (plain, html))):
        db = tmp_path / f"s{n}.db"
        first = CliRunner().invoke(cli_app, ["ingest", str(order[0]), "--db", str(db)])
        second = CliRunner().invoke(cli_app, ["ingest", str(order[1]), "--db", str(db)])
        assert first.exit_code == 0 and second.exit_code == 0, second.output
        assert "1 already stored" in second.output and "revision" not in second.output
