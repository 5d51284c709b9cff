"""A text field's two-word sentences (r27-ext's note on QA pass 27b's Telegram posts): "Пожежу
ліквідовано." and "Інформація уточнюється." were under the three words a sentence needs and were
dropped with no warning. Kept when they end on a full stop; otherwise said, never silent."""

import json

from typer.testing import CliRunner

from storydiff.serve.cli import app


def test_two_word_sentences_of_a_text_field_are_kept_or_said(tmp_path):
    text = ("Уночі ворог атакував Дніпро дронами.\nУ Шевченківському районі пошкоджено будинок.\n"
            "Пожежу ліквідовано.\nІнформація уточнюється.\nSubscribe now!\nRead more.")
    src = tmp_path / "posts.jsonl"
    src.write_text(json.dumps({"id": "p1", "outlet": "Лисак", "title": "Пожежа", "text": text}, ensure_ascii=False) + "\n",
                   encoding="utf-8")
    done = CliRunner().invoke(app, ["extract", str(src), "--json"])
    assert done.exit_code == 0, done.stderr
    (row,) = [json.loads(line) for line in done.stdout.splitlines()]
    assert "Пожежу ліквідовано." in row["text"] and "Інформація уточнюється." in row["text"]
    assert "Subscribe now!" not in row["text"] and "Read more." not in row["text"]
    assert any("Subscribe now!" in w for w in row["warnings"])
