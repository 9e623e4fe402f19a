"""The shared Thai dictionary: the same words and walks as pythainlp's, its sorted words cached
in the data folder (built once, reused, a damaged file ignored and rebuilt, written whole)."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from pythainlp.corpus import thai_words
from pythainlp.tokenize import word_dict_trie, word_tokenize
from pythainlp.util.trie import Trie

from ita_desktop.paths import cache_dir
from ita_desktop.thai import dictionary, word_cache
from ita_desktop.thai.dictionary import cache_path, sorted_words, trie, words
from ita_desktop.thai.segmentation import _tokenize, split_words
from ita_desktop.thai.sorted_trie import SortedTrie, trie_words

DEMO_SEEDS = Path(__file__).resolve().parents[2] / "ita_desktop" / "demo" / "seeds.json"
SAMPLE = (
    "รายงานการวิเคราะห์ผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ"
    " ประจำปีงบประมาณ พ.ศ. ๒๕๖๖ ตัวชี้วัดที่ ๙ การเปิดเผยข้อมูล ได้ 91.25 คะแนน (OIT)"
)


def _clear() -> None:
    for cached in (sorted_words, words, trie):
        cached.cache_clear()


@pytest.fixture(autouse=True)
def _fresh() -> Iterator[None]:
    """Each test loads the dictionary itself, in its own data folder."""
    _clear()
    yield
    _clear()


def _texts() -> list[str]:
    """The sample and every text of the demo's real documents (measures, analyses)."""
    found: list[str] = []

    def walk(value: object) -> None:
        if isinstance(value, str) and len(value) > 20:
            found.append(value)
        elif isinstance(value, dict):
            for v in value.values():
                walk(v)
        elif isinstance(value, list):
            for v in value:
                walk(v)

    walk(json.loads(DEMO_SEEDS.read_text(encoding="utf-8")))
    assert len(found) > 50
    return [SAMPLE, *found]


def test_the_words_are_pythainlps() -> None:
    assert words() == thai_words()
    assert list(sorted_words()) == sorted(thai_words())
    assert len(trie()) == len(word_dict_trie())


def test_the_trie_walks_like_pythainlps() -> None:
    ours, theirs = trie(), word_dict_trie()
    assert isinstance(ours, Trie)
    for text in _texts():
        for start in range(0, len(text), 3):
            assert ours.prefixes(text, start) == theirs.prefixes(text, start)
    for word in ("การประเมิน", "การ", "กการ", "", "ประเมินผล", "x"):
        assert (word in ours) == (word in theirs)


def test_membership_and_longest_matching_are_pythainlps() -> None:
    """`in` is a bisection of the word list (pythainlp's longest matching asks it for every
    prefix at every position): the same answers, and the same segmentation, as its trie."""
    ours, theirs = trie(), word_dict_trie()
    for text in _texts():
        for start in range(0, len(text), 7):
            for end in range(start, min(len(text), start + 12) + 1):
                assert (text[start:end] in ours) == (text[start:end] in theirs)
        assert word_tokenize(text, engine="longest", custom_dict=ours) == word_tokenize(
            text, engine="longest", custom_dict=theirs
        )
    small = SortedTrie(trie_words(["กก", "ข"]))
    with pytest.raises(TypeError):
        small.add("ค")
    with pytest.raises(TypeError):
        small.remove("กก")
    assert "กก" in small and "ค" not in small


def test_a_small_trie_iterates_the_words_it_was_given() -> None:
    given = ["  ก  ", "กก", "กข", "ข", "กก", "", " "]
    small = SortedTrie(trie_words(given))
    assert sorted(small) == sorted(Trie(given)) == ["", "ก", "กก", "กข", "ข"]
    assert len(small) == len(Trie(given)) == 5
    assert small.prefixes("กกข") == ["ก", "กก"]
    assert len(SortedTrie(())) == 0 and SortedTrie(()).prefixes("ก") == []


def test_segmentation_is_the_same_as_with_pythainlps_own_dictionary() -> None:
    for text in _texts():
        assert split_words(text) == word_tokenize(text, engine="newmm", keep_whitespace=True)


def test_segmenting_never_builds_pythainlps_default_trie() -> None:
    word_dict_trie.cache_clear()
    _tokenize.cache_clear()
    assert split_words("ทดสอบการตัดคำภาษาไทยด้วยพจนานุกรมเดียวกัน")
    assert word_dict_trie.cache_info().currsize == 0


def test_the_cache_is_built_once_then_reused(monkeypatch: pytest.MonkeyPatch) -> None:
    path = cache_path()
    assert path is not None and path.parent == cache_dir() and not path.exists()
    first = sorted_words()
    assert word_cache.read_words(path) == first
    _clear()

    def unread() -> frozenset[str]:
        raise AssertionError("the dictionary was read again instead of the cache")

    monkeypatch.setattr("pythainlp.corpus.thai_words", unread)
    assert sorted_words() == first
    assert words() == frozenset(first)


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: b"",
        lambda data: data[: len(data) // 2],  # cut short
        lambda data: data[:-1] + bytes([data[-1] ^ 1]),  # one bit changed
        lambda data: b"not a cache" + data,
        lambda data: word_cache.MAGIC + data[len(word_cache.MAGIC) :][:32] + b"\x00" * 64,
    ],
)
def test_a_damaged_cache_is_ignored_and_rebuilt(damage) -> None:
    path = cache_path()
    assert path is not None
    good = sorted_words()
    data = path.read_bytes()
    path.write_bytes(damage(data))
    assert word_cache.read_words(path) is None
    _clear()
    assert sorted_words() == good
    assert path.read_bytes() == data  # written again, whole


def test_a_cache_of_the_right_format_but_the_wrong_content_is_ignored(tmp_path: Path) -> None:
    path = tmp_path / "w.bin"
    payload = __import__("marshal").dumps(["a list, not a tuple"])
    digest = __import__("hashlib").sha256(payload).digest()
    path.write_bytes(word_cache.MAGIC + digest + payload)
    assert word_cache.read_words(path) is None
    word_cache.write_words(path, ("ก", "ข"))
    assert word_cache.read_words(path) == ("ก", "ข")


def test_the_cache_is_named_by_pythainlp_version_and_word_file(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    path = cache_path()
    assert path is not None
    sorted_words()
    with monkeypatch.context() as patch:
        patch.setattr("pythainlp.__version__", "0.0.0-other")
        other_version = cache_path()
    with monkeypatch.context() as patch:
        patch.setattr(dictionary, "WORD_FILE", "stopwords_th.txt")
        other_words = cache_path()
    assert len({path, other_version, other_words}) == 3
    (path.parent / "thai-words-0.0.0-old.bin").write_bytes(b"stale")
    path.unlink()
    _clear()
    sorted_words()
    assert sorted(p.name for p in path.parent.iterdir()) == [path.name]  # the stale one gone


def test_writing_is_atomic(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "cache").mkdir()
    path = tmp_path / "cache" / "w.bin"
    word_cache.write_words(path, ("ก", "ข"))
    before = path.read_bytes()

    def fail(src: str, dst: str) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(OSError):
        word_cache.write_words(path, ("ค",))
    assert path.read_bytes() == before  # the old file, whole
    assert [p.name for p in path.parent.iterdir()] == ["w.bin"]  # no temporary file left


def test_a_read_only_cache_folder_still_gives_the_words(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(path: Path, words: tuple[str, ...]) -> None:
        raise PermissionError("read-only")

    monkeypatch.setattr(dictionary, "write_words", refuse)
    assert sorted_words() == tuple(sorted(thai_words()))
    path = cache_path()
    assert path is not None and not path.exists()
