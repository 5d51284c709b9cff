"""Broken rows of a delimited export fail by their line, and the rows around them are read
(ingest.csv_rows; QA pass 21b, 01: a row cut after an opening quote swallowed the next row, and a
comma file stored a garbage article whose outlet was a sentence); tab-separated exports are read
as tables (QA pass 21b, 06: a .tsv or Excel's "Unicode Text" .txt was stored as one article)."""

from __future__ import annotations

from storydiff.ingest import read_bytes, read_inputs, sniff_format
from storydiff.records import Failure, RawItem

HEADER = ["id", "title", "text", "outlet", "url", "published"]
ROWS = [
    ("5101", "Ремонт мосту в Ужгороді завершили", "Ужгород, 3 грудня. Міст через Уж відкрили після ремонту.\n"
     "Роботи коштували 9 млн гривень.\nДжерело: Укрінформ", "Закарпаття онлайн", "https://zak.example/5101",
     "03.12.2026 09:10"),
    ("5102", "У Луцьку відкрили ковзанку", "Луцьк, 3 грудня. На Театральному майдані залили ковзанку.\n"
     "Вхід безкоштовний до кінця тижня.", "Волинь пост", "https://volyn.example/5102", "03.12.2026 10:20"),
    ("5103", "Тернопіль отримав нові тролейбуси", "Тернопіль, 3 грудня. Місто отримало шість тролейбусів.\n"
     "Вони вийдуть на маршрут №9.", "Тернопіль вечірній", "https://te.example/5103", "03.12.2026 11:30"),
]


def _line(values, sep: str) -> str:
    return sep.join('"' + v.replace('"', '""') + '"' if any(c in v for c in (sep, '"', "\n")) else v for v in values)


def _export(sep: str, rows, eol: str = "\n", cut_after: int | None = None, cut: str = "") -> str:
    """An export with ``cut`` (a row cut short after an opening quote) put after row ``cut_after``."""
    lines = [_line(HEADER, sep)]
    for n, row in enumerate(rows):
        lines.append(_line(row, sep))
        if n == cut_after:
            lines.append(cut)
    return eol.join(lines) + eol


def _read(name: str, data: bytes):
    results = list(read_bytes(name, data))
    return [r for r in results if isinstance(r, RawItem)], [r for r in results if isinstance(r, Failure)]


def test_a_row_cut_after_an_opening_quote_fails_by_its_line_and_the_row_it_swallowed_is_read():
    text = _export(";", ROWS, cut_after=0, cut='5199;"Рядок обрізано після лапок і тут кінець')
    items, failures = _read("export.csv", text.encode("cp1251"))
    assert [i.meta["id"] for i in items] == ["5101", "5102", "5103"]
    assert [i.meta["outlet"] for i in items] == ["Закарпаття онлайн", "Волинь пост", "Тернопіль вечірній"]
    assert "Вхід безкоштовний" in items[1].content
    (failure,) = failures
    assert failure.source.endswith("#row3 (id 5199)")
    assert "line 5" in failure.reason and "line 6" in failure.reason and "cut short" in failure.reason


def test_in_a_comma_file_the_cut_row_stores_no_garbage_article():
    # the comma variant parsed into the header's six fields by chance: a sentence as the outlet,
    # the next row's raw CSV in the title (UTF-8 with BOM, CRLF records, LF inside fields)
    text = _export(",", ROWS, eol="\r\n", cut_after=1, cut='5199,"Рядок без тексту')
    items, failures = _read("export.csv", b"\xef\xbb\xbf" + text.encode())
    assert [i.meta["id"] for i in items] == ["5101", "5102", "5103"]
    assert {i.meta["outlet"] for i in items} == {r[3] for r in ROWS}
    assert all("\n" not in i.meta["title"] for i in items)
    assert len(failures) == 1 and failures[0].source.endswith("(id 5199)")


def test_a_line_of_article_text_that_starts_like_a_row_is_no_row():
    # "2024, ..." and "5104; ..." inside a quoted text: too few fields, or the closing quote in a bare value
    rows = [*ROWS[:1], ("5104", "Підсумки року", "Львів, 3 грудня. Підсумки.\n2024, 2025 та 2026 роки порівняли.\n"
                        "5104, як і 5105, важливі числа", "Варта", "https://varta.example/5104", "03.12.2026 12:00"),
            *ROWS[1:]]
    for sep in (",", ";"):
        items, failures = _read("export.csv", _export(sep, rows).encode())
        assert not failures and [i.meta["id"] for i in items] == ["5101", "5104", "5102", "5103"]
        assert items[1].content.endswith("важливі числа")


def test_rows_with_more_or_fewer_fields_than_the_header_fail_by_line_and_the_others_are_read():
    text = (_line(HEADER, ",") + "\n" + _line(ROWS[0], ",") + "\n"
            + _line(ROWS[1][:4] + ("03.12.2026 10:20",), ",") + "\n"  # no url: the time lands in the url column
            + _line((ROWS[2][0], ROWS[2][1], ROWS[2][3], ROWS[2][4], ROWS[2][5]), ",") + "\n"  # no text: outlet read as text
            + _line(ROWS[2], ",") + ",x,y\n"  # two values too many
            + _line(("5105", "Ще один", "Текст рядка з порожнім полем у кінці.", "Варта", "https://v.example/5105",
                     "03.12.2026 13:00"), ",") + ",\n")  # a trailing delimiter: an empty field past the header is no problem
    items, failures = _read("export.csv", text.encode())
    assert [i.meta["id"] for i in items] == ["5101", "5105"]
    assert [f.source.rsplit("#", 1)[1] for f in failures] == ["row3 (id 5102)", "row4 (id 5103)", "row5 (id 5103)"]
    assert ["line 5:" in failures[0].reason, "line 7:" in failures[1].reason, "line 8:" in failures[2].reason] == [True] * 3
    assert "5 field(s) where the header has 6" in failures[0].reason and "8 fields" in failures[2].reason


def test_a_cut_last_row_fails_by_its_line():
    text = _export(";", ROWS) + '5199;"Останній рядок обрізано\nпосеред тексту'
    items, failures = _read("export.csv", text.encode())
    assert [i.meta["id"] for i in items] == ["5101", "5102", "5103"]
    (failure,) = failures
    assert failure.source.endswith("#row5 (id 5199)") and "line 9" in failure.reason
    assert "never closed" in failure.reason


def test_tab_separated_exports_are_read_as_tables_whatever_their_name(tmp_path):
    tsv = _export("\t", ROWS)
    for name, data in (("export.tsv", tsv.encode()), ("export.tsv", tsv.encode("utf-16")),
                       ("excel_unicode_text.txt", tsv.encode("utf-16")), ("export.txt", tsv.encode())):
        items, failures = _read(name, data)
        assert not failures and [i.meta["outlet"] for i in items] == [r[3] for r in ROWS], name
    (tmp_path / "delivery").mkdir()
    (tmp_path / "delivery" / "week.tsv").write_text(tsv)
    assert [r.meta["id"] for r in read_inputs([str(tmp_path / "delivery")])] == ["5101", "5102", "5103"]


def test_page_text_whose_first_line_holds_tabs_or_commas_stays_page_text():
    for first in ("Ужгород\tЛуцьк\tТернопіль: міста, де відкрили ковзанки, мости і тролейбуси",
                  "Новини, події, text: що відбулося в Луцьку за тиждень",
                  "id\ttitle\tsummary",  # a table, but of no article text
                  # review 21c #3: a headline with commas and one text field's name is no header
                  "Content, context, consequences: the new media law",
                  "Body, mind, spirit: veterans return to sport"):
        assert sniff_format("page.txt", (first + "\nЛуцьк, 3 грудня. На майдані залили ковзанку.\n").encode()) == "text"


def _csv_writer_export(rows, sep: str = ",") -> bytes:
    import csv
    import io
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=sep, lineterminator="\r\n")
    writer.writerow(HEADER)
    writer.writerows(rows)
    return b"\xef\xbb\xbf" + buf.getvalue().encode()


def test_a_well_formed_quoted_text_whose_line_looks_like_a_row_is_read_whole():
    # review 21c #1: a line of a quoted text that opens with a number and holds as many delimiters
    # as the header was taken for a swallowed row: the real row failed, the line became an article
    for sep, line in ((",", "10, 20, 30 and 40 families, police said, were moved overnight, officials confirmed."),
                      (";", "2026; 2027; 2028; 2029; 2030; 2031: the plan's six stages.")):
        text = ROWS[0][2].replace("\n", "\n" + line + "\n", 1)
        data = _csv_writer_export([(ROWS[0][0], ROWS[0][1], text, *ROWS[0][3:]), *ROWS[1:]], sep)
        items, failures = _read("export.csv", data)
        assert not failures, sep
        assert [i.meta["id"] for i in items] == ["5101", "5102", "5103"]
        assert line in items[0].content and items[0].meta["outlet"] == ROWS[0][3]


def test_a_row_without_its_trailing_empty_cells_is_read_with_them_empty():
    # review 21c #2: Excel leaves out the trailing delimiters of a row whose last cells are empty
    header = [*HEADER, "tags"]
    text = "\r\n".join([",".join(header), _line(ROWS[0], ",") + ",війна", _line(ROWS[1], ","),
                         _line(ROWS[2][:5], ",")]) + "\r\n"
    items, failures = _read("export.csv", text.encode())
    assert not failures
    assert [i.meta["id"] for i in items] == ["5101", "5102", "5103"]
    assert items[1].meta["outlet"] == ROWS[1][3] and items[1].url == ROWS[1][4]
    assert not items[2].meta.get("published")


def test_a_cut_row_that_runs_into_an_empty_quoted_field_is_still_found():
    # review 21c #1's leftover: the next row opens with '""' (an empty title), so the cut field reads
    # it as an escaped quote and runs on; the record is still malformed and the row is found
    rows = [ROWS[0], ("5102", "", *ROWS[1][2:]), ROWS[2]]
    text = _export(",", rows, cut_after=0, cut='5199,"Рядок обрізано').replace("5102,,", '5102,"",')
    items, failures = _read("export.csv", text.encode())
    assert [i.meta["id"] for i in items] == ["5101", "5102", "5103"]
    assert len(failures) == 1 and failures[0].source.endswith("(id 5199)")


def test_one_row_saved_in_windows_1251_is_read_as_cyrillic_and_named(caplog):
    # QA pass 23a, 06: a vendor's UTF-8 CSV with one row re-saved by Excel on Windows stored that
    # row's outlet, title and text as U+FFFD, under one warning for the file
    text = _export(";", ROWS)
    lines = text.split("\n")
    at = next(i for i, line in enumerate(lines) if line.startswith("5102"))  # the row's two lines
    data = "\n".join(lines[:at]).encode("utf-8") + b"\n" + "\n".join(lines[at:at + 2]).encode("cp1251") + b"\n" + \
        "\n".join(lines[at + 2:]).encode("utf-8")
    with caplog.at_level("WARNING", logger="storydiff.ingest"):
        items, failures = _read("export.csv", data)
    assert not failures and len(items) == 3
    assert "На Театральному майдані" in items[1].content
    assert (items[1].meta["title"], items[1].meta["outlet"]) == ("У Луцьку відкрили ковзанку", "Волинь пост")
    assert not any("\ufffd" in it.content or "\ufffd" in str(it.meta) for it in items)
    # the warning names the line (the header is line 1, the first row's text holds two lines)
    assert any("2 line(s)" in r.getMessage() and "line 5 (cp1251), 6 (cp1251)" in r.getMessage() for r in caplog.records)


def test_legacy_lines_are_read_in_the_encoding_of_their_letters():
    from storydiff.ingest.decode import legacy_line

    assert legacy_line("Атака на Суми: троє загиблих, є поранені".encode("cp1251")) == (
        "Atака на Суми: троє загиблих, є поранені".replace("Atака", "Атака"), "cp1251")
    assert legacy_line("Zażółć gęślą jaźń, powiedział wójt Łęcznej".encode("cp1250")) == (
        "Zażółć gęślą jaźń, powiedział wójt Łęcznej", "cp1250")
    assert legacy_line(bytes(range(128, 256))) is None  # no script's letters: stays U+FFFD
    # review 23b, F3: a Western row re-saved in cp1252 is no Cyrillic ("cafй", "Mьnchen"), and one
    # stray byte in a Latin line stays U+FFFD ("brutalя" was read)
    for line in ("Le café est très bon, à Paris, dit le maire.", "Die Straße in München war gesperrt, sagte Müller."):
        assert legacy_line(line.encode("cp1252")) == (line, "cp1252")
    assert legacy_line("Příliš žluťoučký kůň úpěl ďábelské ódy".encode("cp1250"))[1] == "cp1250"
    assert legacy_line(b"Zelensky said the attack on Kyiv was brutal\xff and more") is None


def test_a_header_naming_no_text_column_is_said_once_with_the_header_not_for_every_row():
    # QA pass 25b, 9: a Russian header; every row failed "record has no non-empty text or html field"
    export = ("Дата;СМИ;Заголовок;Текст;URL\n"
              "05.12.2026 21:40;Новая газета Европа;Удар по порту;<p>Восемь человек погибли.</p>;https://n.example/1\n"
              "05.12.2026 22:10;Медуза;Удар по Одессе;<p>Девять человек погибли.</p>;https://m.example/2\n")
    (failure,) = list(read_bytes("ru.csv", export.encode("utf-8")))
    assert isinstance(failure, Failure) and failure.source == "ru.csv"
    assert "the header (Дата;СМИ;Заголовок;Текст;URL) names no column" in failure.reason
    assert "(text, body, content, articleBody, html, raw_html)" in failure.reason
