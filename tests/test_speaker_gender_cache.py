"""A long article's quotes read the gender of each person once, not once a quote: every pronoun
("a-t-il", "a-t-elle", "dodała") asks it, and each asking read every mention of the name, which
made an article's quote attribution quadratic in its length."""

from __future__ import annotations

from storydiff.analyze import speakers_multilingual
from storydiff.analyze.quotes import find_quotes


def test_a_persons_gender_is_read_once_per_article():
    para = ("Viktor Orbán a de nouveau menacé de bloquer le paquet. « Nous ne céderons pas », a-t-il lancé. "
            "« La Hongrie ne paiera pas », a-t-elle ajouté, avant de conclure : « Jamais. »\n")
    speakers_multilingual._gender.cache_clear()
    quotes = find_quotes(para * 60, language="fr")
    assert len(quotes) == 120 and quotes[0].speaker == "Viktor Orbán"
    info = speakers_multilingual._gender.cache_info()
    assert info.misses <= 5 and info.hits >= 100
