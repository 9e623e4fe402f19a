"""The Thai word dictionary (pythainlp's thai_words) as a word set and a prefix trie, loaded once.

Sorting the 62,000 words and building pythainlp's Trie took most of a second of every
program start. The sorted words are kept in the cache folder, named by the pythainlp version
and a hash of its word file, so a changed dictionary is never read stale; a missing or
damaged cache file is rebuilt from pythainlp. The trie is a SortedTrie over them: the same
words and the same walks as pythainlp's, with nodes made only where a text reaches.
"""

from __future__ import annotations

import contextlib
import hashlib
from functools import lru_cache
from importlib.resources import files
from pathlib import Path

from ita_desktop.paths import cache_dir
from ita_desktop.thai.sorted_trie import SortedTrie, trie_words
from ita_desktop.thai.word_cache import read_words, write_words

WORD_FILE = "words_th.txt"  # inside the package pythainlp.corpus: what thai_words() reads
CACHE_PREFIX = "thai-words-"


@lru_cache(maxsize=1)
def words() -> frozenset[str]:
    """Every dictionary word."""
    return frozenset(sorted_words())


@lru_cache(maxsize=1)
def trie() -> SortedTrie:
    """The same words as words(), as the prefix trie pythainlp's segmenters walk (pass it as
    their custom_dict so that their own default trie is never built)."""
    return SortedTrie(sorted_words())


@lru_cache(maxsize=1)
def sorted_words() -> tuple[str, ...]:
    """The dictionary's words, sorted: from the cache when it holds this dictionary's."""
    path = cache_path()
    cached = read_words(path) if path is not None else None
    if cached is not None:
        return cached
    from pythainlp.corpus import thai_words

    built = trie_words(thai_words())
    if path is not None:
        _store(path, built)
    return built


def cache_path() -> Path | None:
    """The cache file for the installed dictionary; None when its word file cannot be read
    (a pythainlp whose files are laid out otherwise is then simply read every time)."""
    import pythainlp

    try:
        source = files("pythainlp.corpus").joinpath(WORD_FILE).read_bytes()
    except OSError:
        return None
    digest = hashlib.sha256(source).hexdigest()[:16]
    try:
        folder = cache_dir()
    except OSError:  # a data folder that cannot be created: no cache
        return None
    return folder / f"{CACHE_PREFIX}{pythainlp.__version__}-{digest}.bin"


def _store(path: Path, built: tuple[str, ...]) -> None:
    """Write the cache and remove the files of other dictionaries; a folder that cannot be
    written (read-only disk) only means the next start sorts the words again."""
    try:
        write_words(path, built)
    except OSError:
        return
    for old in path.parent.glob(f"{CACHE_PREFIX}*.bin"):
        if old != path:
            with contextlib.suppress(OSError):
                old.unlink()
