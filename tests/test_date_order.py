"""An export's slash dates read in the order its own rows prove (ingest.date_order; QA pass 18b, 2:
a Warsaw vendor's "05/12/2026" rows were stored as May 12th)."""

from __future__ import annotations

import gzip
import io
import json

import pytest
from typer.testing import CliRunner

from storydiff.ingest import read_bytes, read_path
from storydiff.ingest.date_order import file_date_order, vote, with_date_order
from storydiff.serve.cli import app as cli_app

DRONES = ("Polish air defence tracked eight drones over the Lublin region on Saturday morning, the army "
          "said. No damage was reported, officials added in a statement published later.")
FARMERS = ("Farmers blocked the border crossing at Dorohusk for the third day on Wednesday, the police "
           "said. Trucks queued for twelve kilometres, drivers told reporters at the scene.")


def _jsonl(rows: list[dict]) -> bytes:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows).encode()


def _rows(first: str, second: str) -> list[dict]:
    return [{"id": "a1", "title": "Drones over Lublin", "published": first, "outlet": "PAP", "text": DRONES},
            {"id": "a2", "title": "Farmers block border", "published": second, "outlet": "PAP", "text": FARMERS}]


def _published(results) -> list[str | None]:
    return [r.meta.get("published") for r in results if hasattr(r, "meta")]


def test_the_vote_needs_evidence_one_way_only():
    assert vote(1, 0) == "DMY" and vote(0, 3) == "MDY"
    assert vote(0, 0) is None and vote(2, 1) is None  # nothing proves it, or the file is mixed


@pytest.mark.parametrize("first, second, expected", [
    ("05/12/2026 09:10", "25/11/2026 14:00", ["2026-12-05 09:10", "2026-11-25 14:00"]),  # day first
    ("05/12/2026 09:10", "11/25/2026 14:00", ["2026-05-12 09:10", "2026-11-25 14:00"]),  # month first
    ("05/12/2026", "06/12/2026", ["05/12/2026", "06/12/2026"]),  # nothing tells: as written
    ("25/11/2026", "11/25/2026", ["25/11/2026", "11/25/2026"]),  # both ways: as written
])
def test_a_files_rows_are_read_in_the_order_its_rows_prove(tmp_path, first, second, expected):
    path = tmp_path / "export.jsonl"
    path.write_bytes(_jsonl(_rows(first, second)))
    assert _published(read_path(str(path))) == expected
    assert _published(read_bytes("upload.jsonl", path.read_bytes())) == expected  # an upload, as a file
    gz = tmp_path / "export.jsonl.gz"
    gz.write_bytes(gzip.compress(path.read_bytes()))
    assert _published(read_path(str(gz))) == expected


def test_a_semicolon_csv_votes_by_its_fields_and_a_date_in_the_text_does_not(tmp_path):
    path = tmp_path / "export.csv"
    path.write_text("id;title;published;outlet;text\n"
                    f'c1;Drones;05/12/2026 09:10;Onet;"{DRONES}"\n'
                    f'c2;Farmers;25/11/2026;Onet;"{FARMERS}"\n', encoding="utf-8")
    assert _published(read_path(str(path))) == ["2026-12-05 09:10", "2026-11-25"]
    # "13/05/2026" inside an article's sentence is the article's, not the file's time column
    quoted = _rows("05/12/2026", "06/12/2026")
    quoted[0]["text"] = "The minister said on 13/05/2026 that " + DRONES
    assert file_date_order(io.BytesIO(_jsonl(quoted))) is None


def test_with_date_order_rewrites_only_a_slash_date():
    assert with_date_order("5/12/26 9:10 PM", "DMY") == "2026-12-05 9:10 PM"
    assert with_date_order("12/05/2026", "MDY") == "2026-12-05"
    assert with_date_order("2026-12-05T09:10:00Z", "DMY") == "2026-12-05T09:10:00Z"
    assert with_date_order("05/13/2026", "DMY") == "05/13/2026"  # no 13th month: left to the reader
    assert with_date_order(1764900000, "DMY") == 1764900000 and with_date_order("05/12/2026", None) == "05/12/2026"


def test_cluster_reads_the_file_as_ingest_does(tmp_path):
    # read month first, the PAP report (5 December) was seven months from TVN24's and its own story
    rows = [{"id": "p1", "title": "Farmers block border", "published": "25/11/2026 14:00", "outlet": "PAP",
             "text": FARMERS},
            {"id": "p2", "title": "Drones over Lublin", "published": "05/12/2026 09:10", "outlet": "PAP", "text": DRONES},
            {"id": "p3", "title": "Drones over Lublin region", "published": "2026-12-05T10:00:00Z", "outlet": "TVN24",
             "text": DRONES.replace("the army said", "the military said")}]
    path = tmp_path / "rows.jsonl"
    path.write_bytes(_jsonl(rows))
    result = CliRunner().invoke(cli_app, ["cluster", str(path), "--workers", "0"])
    assert result.exit_code == 0, result.output
    story = {r["id"]: r["story_id"] for r in map(json.loads, result.stdout.splitlines())}
    assert story["p2"] == story["p3"] != story["p1"]


def test_only_time_fields_vote_not_a_text_that_opens_with_a_date(tmp_path):
    # review 19 #4: one row's text opening "25/11/2026 is the date the court set..." made a US
    # export's "12/05/2026" (5 December) May 12th for every row
    rows = _rows("12/05/2026 09:10", "12/05/2026 11:30")
    rows[1]["text"] = "25/11/2026 is the date the court set for the hearing. " + FARMERS
    path = tmp_path / "us.jsonl"
    path.write_bytes(_jsonl(rows))
    assert _published(read_path(str(path))) == ["12/05/2026 09:10", "12/05/2026 11:30"]
    csv_path = tmp_path / "us.csv"
    csv_path.write_text("id,title,published,text\n"
                        f'a1,Budget,12/05/2026 09:10,"{DRONES}"\n'
                        f'a2,Court,12/05/2026 11:30,"25/11/2026 is the date the court set. {FARMERS}"\n', encoding="utf-8")
    assert _published(read_path(str(csv_path))) == ["12/05/2026 09:10", "12/05/2026 11:30"]


def test_a_vendors_time_field_votes_too(tmp_path):
    rows = [{"id": "v1", "headline": "Drones", "pub_date": "05/12/2026", "text": DRONES},
            {"id": "v2", "headline": "Farmers", "pub_date": "25/11/2026", "text": FARMERS}]
    path = tmp_path / "vendor.jsonl"
    path.write_bytes(_jsonl(rows))
    assert _published(read_path(str(path))) == ["2026-12-05", "2026-11-25"]


# A week of a Ukrainian export, 2-6 November: every slash date reads both ways (QA pass 21b, 08:
# "07/12/2026" was stored as 12 July, silently, beside a dateline "7 грудня")
UK_ROWS = [("Харків", "У Харкові відкрили підземну школу", "на Салтівці відкрили третю підземну школу на 900 учнів"),
           ("Львів", "У Львові без світла 40 тисяч абонентів", "унаслідок нічної атаки без світла лишилися 40 тисяч абонентів"),
           ("Полтава", "Рада Полтави ухвалила бюджет", "міська рада затвердила бюджет на наступний рік у 6,2 млрд гривень")]


def _uk_export(tmp_path, dateline: bool, fmt: str = "csv"):
    rows = []
    for day, (city, title, lede) in zip((2, 4, 6), UK_ROWS):
        text = (f"{city}, {day} листопада. " if dateline else "") + f"{lede[0].upper()}{lede[1:]}, повідомили в міськраді."
        rows.append({"id": f"u{day}", "title": title, "text": text, "outlet": "Вісті", "published": f"0{day}/11/2026 10:05"})
    path = tmp_path / f"week.{fmt}"
    if fmt == "csv":
        path.write_bytes(("id;title;text;outlet;published\n" + "".join(
            f'{r["id"]};{r["title"]};"{r["text"]}";{r["outlet"]};{r["published"]}\n' for r in rows)).encode("cp1251"))
    else:
        path.write_bytes(_jsonl(rows))
    return path


@pytest.mark.parametrize("fmt", ["csv", "jsonl"])
@pytest.mark.parametrize("dateline", [True, False])
def test_slash_dates_that_never_pass_12_follow_the_rows_datelines_or_language_with_one_warning(tmp_path, caplog, fmt, dateline):
    path = _uk_export(tmp_path, dateline, fmt)
    with caplog.at_level("WARNING", logger="storydiff.ingest"):
        assert _published(read_path(str(path))) == ["2026-11-02 10:05", "2026-11-04 10:05", "2026-11-06 10:05"]
    (warning,) = [r.getMessage() for r in caplog.records if "never pass 12" in r.getMessage()]
    assert str(path) in warning and "read day first" in warning
    assert ("datelines of 3 of its 3" in warning) if dateline else ("'uk'" in warning)


def test_english_datelines_decide_and_english_rows_without_them_stay_month_first_with_a_warning(tmp_path, caplog):
    # "LONDON, Nov 3" beside "11/03/2026" is month first; "3 November" beside "03/11/2026" day first
    for published, lede, expected in (("11/03/2026 09:10", "LONDON, Nov 3 (Reuters) - ", "2026-11-03 09:10"),
                                      ("03/11/2026 09:10", "LONDON, 3 November - ", "2026-11-03 09:10"),
                                      ("11/03/2026 09:10", "", "11/03/2026 09:10")):
        rows = [{**r, "published": published, "text": lede + r["text"]} for r in _rows(published, published)]
        path = tmp_path / "en.jsonl"
        path.write_bytes(_jsonl(rows))
        caplog.clear()
        with caplog.at_level("WARNING", logger="storydiff.ingest"):
            assert _published(read_path(str(path))) == [expected, expected]
        assert len([r for r in caplog.records if "never pass 12" in r.getMessage()]) == 1
    assert "month first" in caplog.records[-1].getMessage() and "'en'" in caplog.records[-1].getMessage()


def test_a_file_that_proves_its_order_or_has_no_slash_dates_warns_nothing(tmp_path, caplog):
    for first, second in (("05/11/2026 09:10", "25/11/2026 14:00"), ("2026-11-05T09:10:00Z", "2026-11-06T09:10:00Z")):
        path = tmp_path / "export.jsonl"
        path.write_bytes(_jsonl(_rows(first, second)))
        with caplog.at_level("WARNING", logger="storydiff.ingest"):
            list(read_path(str(path)))
    assert not [r for r in caplog.records if "never pass 12" in r.getMessage()]


def test_the_tie_breaks_second_read_logs_no_warning_again(tmp_path, caplog):
    # review 21c #7: the tie-break read the file again with source "": the invalid-bytes warning was
    # logged twice, once naming no file
    path = _uk_export(tmp_path, dateline=True)
    path.write_bytes(path.read_bytes().decode("cp1251").encode().replace("повідомили".encode(), b"\xff", 1))
    with caplog.at_level("WARNING", logger="storydiff.ingest"):
        assert len(_published(read_path(str(path)))) == 3
    messages = [r.getMessage() for r in caplog.records]
    assert messages and all(m.startswith(str(path)) for m in messages)
    assert len([m for m in messages if "replaced with U+FFFD" in m]) == 1


@pytest.mark.parametrize("second_title", ["Обстріл Харкова: 6 травмованих",  # no month: "травм-" is no "травня"
                                          "Харків, 5 травня. Архів: що було рік тому"])  # one row is no proof
def test_a_word_like_a_month_or_one_rows_dateline_does_not_outvote_the_rows_language(tmp_path, caplog, second_title):
    # review 21c #6: month stems with any ending read a casualty count as a dateline, and one such row
    # flipped a Ukrainian export (4-6 June) to month first
    rows = [{"id": f"u{day}", "title": title, "text": f"{lede[0].upper()}{lede[1:]}, повідомили в міськраді.",
             "outlet": "Вісті", "published": f"0{day}/06/2026 10:05"}
            for day, (_city, title, lede) in zip((4, 5, 6), UK_ROWS)]
    rows[1]["title"] = second_title
    path = tmp_path / "week.jsonl"
    path.write_bytes(_jsonl(rows))
    with caplog.at_level("WARNING", logger="storydiff.ingest"):
        assert _published(read_path(str(path))) == ["2026-06-04 10:05", "2026-06-05 10:05", "2026-06-06 10:05"]
    (warning,) = [r.getMessage() for r in caplog.records if "never pass 12" in r.getMessage()]
    assert "read day first" in warning and "'uk'" in warning
