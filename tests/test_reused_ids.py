"""An outlet's correction of its export row whose id another outlet's row had first (stored as
"101~hash") is a revision of that article in ingest and compare, and another article under the
id stays apart (QA pass 19a, 7); a quarantined invalid line, fixed and stored, leaves `errors`
(QA pass 19a, 12). On SQLite and, when STORYDIFF_TEST_PG_URL is set, PostgreSQL."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from typer.testing import CliRunner

from storydiff.serve.cli import app
from storydiff.store import open_store

sys.path.insert(0, str(Path(__file__).parent))
import test_store

db_url = test_store.db_url  # SQLite, and PostgreSQL when set

runner = CliRunner()

UKRINFORM_101 = {"id": "101", "outlet": "Ukrinform", "title": "Зеленський провів нараду зі Ставкою",
                 "published": "2026-12-06T15:00:00+02:00",
                 "text": "Президент Володимир Зеленський провів засідання Ставки 6 грудня.\n"
                         "\"Обговорили ситуацію на фронті та постачання ППО\", - написав Зеленський.\n"
                         "У нараді взяли участь міністр оборони та головнокомандувач ЗСУ."}


def unn_101(injured: int, *, outlet: str = "UNN") -> dict:
    return {"id": "101", "outlet": outlet, "title": f"У Кривому Розі через атаку дронів поранені {injured} людей",
            "published": "2026-12-06T16:00:00+02:00",
            "text": f"У Кривому Розі внаслідок атаки дронів поранені {injured} людей, повідомив голова "
                    "міської військової адміністрації Олександр Вілкул.\n"
                    "\"Пошкоджено п'ятиповерховий будинок та газогін\", - написав Вілкул.\n"
                    "На місці працюють екстрені служби."}


UNN_OTHER_101 = {"id": "101", "outlet": "UNN", "title": "Верховна Рада ухвалила бюджет на 2027 рік",
                 "published": "2026-12-06T16:00:00+02:00",
                 "text": "Верховна Рада ухвалила державний бюджет на 2027 рік, за рішення проголосували 257 "
                         "депутатів.\nВидатки на оборону становитимуть 2,8 трлн гривень.\nДокумент має підписати президент."}


def write_jsonl(tmp_path: Path, name: str, *rows: dict) -> Path:
    p = tmp_path / name
    p.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows))
    return p


def ingest_said(db: str, path: Path) -> str:
    result = runner.invoke(app, ["ingest", str(path), "--db", db, "--workers", "0"])
    assert result.exit_code == 0, result.output
    return " ".join(result.stderr.split())


def test_a_correction_of_a_row_stored_under_its_scoped_id_is_its_revision(db_url, tmp_path):
    ingest_said(db_url, write_jsonl(tmp_path, "ukrinform.jsonl", UKRINFORM_101))
    ingest_said(db_url, write_jsonl(tmp_path, "unn_v1.jsonl", unn_101(5)))
    said = ingest_said(db_url, write_jsonl(tmp_path, "unn_v2.jsonl", unn_101(8)))
    assert "1 new revision" in said, said
    with open_store(db_url) as s:
        ids = sorted(a.id for a in s.articles())
        assert len(ids) == 2 and ids[0] == "101" and ids[1].startswith("101~"), ids
        unn = s.get_article(ids[1])
        assert "поранені 8" in unn.text
        assert [("поранені 5" in r.article.text) for r in s.revisions(unn.id)] == [True, False]  # nothing lost


def test_another_article_of_the_outlet_reusing_the_id_stays_apart(db_url, tmp_path):
    ingest_said(db_url, write_jsonl(tmp_path, "ukrinform.jsonl", UKRINFORM_101))
    ingest_said(db_url, write_jsonl(tmp_path, "unn_v1.jsonl", unn_101(5)))
    said = ingest_said(db_url, write_jsonl(tmp_path, "unn_budget.jsonl", UNN_OTHER_101))
    assert "stored 1 new article" in said, said
    # and the same text from a third outlet under the id is no revision of UNN's either
    said = ingest_said(db_url, write_jsonl(tmp_path, "other.jsonl", unn_101(8, outlet="Ukrainska Pravda")))
    assert "stored 1 new article" in said, said
    with open_store(db_url) as s:
        assert len(s.articles()) == 4
        assert all(r == 1 for r in s.revision_numbers([a.id for a in s.articles()]).values())


def test_compare_reads_the_scoped_rows_correction_as_one_article_edited(tmp_path):
    paths = [write_jsonl(tmp_path, "ukrinform.jsonl", UKRINFORM_101), write_jsonl(tmp_path, "unn_v1.jsonl", unn_101(5)),
             write_jsonl(tmp_path, "unn_v2.jsonl", unn_101(8))]
    result = runner.invoke(app, ["compare", *map(str, paths)])
    assert result.exit_code == 0, result.output
    assert "3 articles" not in result.stdout and "UNN #2" not in result.stdout, result.stdout
    assert "numbers differ" not in result.stdout
    # another UNN article under the id stays an article of its own
    paths[2] = write_jsonl(tmp_path, "unn_budget.jsonl", UNN_OTHER_101)
    result = runner.invoke(app, ["compare", *map(str, paths)])
    assert "3 articles" in result.stdout, result.stdout


def test_an_upload_keyed_by_its_id_finds_the_scoped_article_too(db_url, tmp_path):
    # the REST API keeps a client's id as its key (scope_reused_ids=False) and goes through the same
    # revision_target: UNN's correction sent under "101" revises the row ingest stored as 101~hash
    from storydiff.ingest import read_inputs
    from storydiff.pipeline import ingest_stream

    ingest_said(db_url, write_jsonl(tmp_path, "ukrinform.jsonl", UKRINFORM_101))
    ingest_said(db_url, write_jsonl(tmp_path, "unn_v1.jsonl", unn_101(5)))
    with open_store(db_url) as s:
        stats = ingest_stream(s, read_inputs(str(write_jsonl(tmp_path, "unn_v2.jsonl", unn_101(8)))),
                              scope_reused_ids=False)
        assert stats["revised"] == 1 and stats["stored"] == 0, stats
        assert len(s.articles()) == 2


# -- the lookup of "<id>~<8 hex>" (review 19b, 2): an index range, the exact shape before the limit --

def _stored(db_url, ids):
    from storydiff.records import Article

    with open_store(db_url) as s:
        for article_id in ids:
            s.add_article(Article(id=article_id, source=f"{article_id}.html", title=article_id,
                                  text=f"Текст статті {article_id}.", outlet="X"))


def test_the_scoped_article_is_found_behind_many_ids_of_its_shape_but_not_its_id(db_url):
    # stored first, each of the scoped length and prefix (or the prefix's case) but not "101" scoped
    near = [f"101~x~{i:06d}" for i in range(25)] + [f"101~{i:07d}~" for i in range(25)]
    _stored(db_url, near + ["1010~abcdef12", "101~abcdef1", "101~feb24162"])
    _stored(db_url, [f"ABC~{i:08d}" for i in range(25)] + ["abc~0000000f"])
    with open_store(db_url) as s:
        assert [a.id for a in s.articles_scoped_from("101")] == ["101~feb24162"]
        assert [a.id for a in s.articles_scoped_from("abc")] == ["abc~0000000f"]
        assert [a.id for a in s.articles_scoped_from("ABC")][:3] == ["ABC~00000000", "ABC~00000001", "ABC~00000002"]
        assert len(s.articles_scoped_from("ABC")) == 20
        assert s.articles_scoped_from("10") == []


def test_the_scoped_lookup_reads_the_id_index(db_url):
    from sqlalchemy import event

    _stored(db_url, [f"row-{i}" for i in range(50)] + ["101~feb24162"])
    with open_store(db_url) as s:
        seen = []
        listen = lambda conn, cursor, statement, params, context, many: seen.append((statement, params))  # noqa: E731
        event.listen(s.engine, "before_cursor_execute", listen)
        try:
            assert [a.id for a in s.articles_scoped_from("101")] == ["101~feb24162"]
        finally:
            event.remove(s.engine, "before_cursor_execute", listen)
        (statement, params), = [(st, p) for st, p in seen if "FROM articles" in st]
        with s.engine.connect() as conn:
            if s.engine.dialect.name == "sqlite":
                plan = " ".join(str(r[-1]) for r in conn.exec_driver_sql("EXPLAIN QUERY PLAN " + statement, params))
                assert "SEARCH articles USING INDEX" in plan and "(id>? AND id<?)" in plan, plan
            else:  # a 51-row table: ask the planner what it does when a scan is not the cheapest
                conn.exec_driver_sql("SET enable_seqscan = off")
                plan = " ".join(r[0] for r in conn.exec_driver_sql("EXPLAIN " + statement, params))
                assert "articles_id_bytes" in plan and "Index Cond" in plan, plan
