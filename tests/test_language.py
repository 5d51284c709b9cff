"""The language identifier read from the decompressed model kept in the user's cache gives
py3langid's own answers (storydiff.extract.language)."""

from __future__ import annotations

import py3langid

from storydiff.extract import language

SAMPLES = [
    "The council met on Tuesday to discuss the new bridge over the river.",
    "Der Stadtrat hat am Dienstag über die neue Brücke über den Fluss beraten.",
    "Le conseil municipal s'est réuni mardi pour discuter du nouveau pont.",
    "El consejo se reunió el martes para hablar del nuevo puente sobre el río.",
    "Міська рада у вівторок обговорила новий міст через річку.",
    "Городской совет во вторник обсудил новый мост через реку.",
    "市议会星期二讨论了河上的新桥。",
    "12 34 56 !!! ??? ... ---",
]


def test_cached_model_gives_py3langids_answers(tmp_path, monkeypatch):
    monkeypatch.delenv("STORYDIFF_CACHE_DIR", raising=False)  # the tests' own cache folder: XDG's rule here
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    language._identifier.cache_clear()
    try:
        got = [language.classify(s) for s in SAMPLES]  # decompresses into the cache
        assert list((tmp_path / "storydiff").glob("py3langid-*.npz"))
        assert not list((tmp_path / "storydiff").glob("*.part"))
        language._identifier.cache_clear()
        again = [language.classify(s) for s in SAMPLES]  # reads the cache
    finally:
        language._identifier.cache_clear()
    assert got == again == [py3langid.classify(s)[0] for s in SAMPLES]
    assert got[:6] == ["en", "de", "fr", "es", "uk", "ru"]


def test_an_unwritable_cache_falls_back_to_py3langid(tmp_path, monkeypatch):
    blocked = tmp_path / "file"
    blocked.write_text("not a directory")
    monkeypatch.setenv("STORYDIFF_CACHE_DIR", str(blocked))
    language._identifier.cache_clear()
    try:
        assert [language.classify(s) for s in SAMPLES] == [py3langid.classify(s)[0] for s in SAMPLES]
    finally:
        language._identifier.cache_clear()
