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


def test_compare_reads_the_cached_model_not_py3langids_archive(tmp_path, monkeypatch):
    """The facts' negation check and same-fact's fallback ask the cached identifier: py3langid's
    own loader (68 MB of LZMA, ~0.5 s of CPU a process) is never run, and the answers are its own."""
    import py3langid.langid

    from storydiff import language as storydiff_language
    from storydiff.compare import meaning, same_fact

    expected = [py3langid.classify(s)[0] for s in SAMPLES[:6]]
    monkeypatch.setenv("STORYDIFF_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(py3langid.langid, "IDENTIFIER", None)

    def no_archive(*args, **kwargs):
        raise AssertionError("py3langid decompressed its own model")

    monkeypatch.setattr(py3langid.langid, "_load_identifier", no_archive)
    monkeypatch.setattr(storydiff_language, "_model", lambda: None)  # fastText missing: py3langid answers
    language._identifier.cache_clear()
    try:
        assert [meaning._language_of(s) for s in SAMPLES[4:6]] == [
            lang if lang in meaning.NEGATION_CUES else "en" for lang in expected[4:6]]
        assert [same_fact.language_of(s) for s in SAMPLES[:6]] == expected
    finally:
        language._identifier.cache_clear()
