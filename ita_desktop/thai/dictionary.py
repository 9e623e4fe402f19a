"""The Thai word dictionary (pythainlp's thai_words) as a word set and a prefix trie, loaded once."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pythainlp.util.trie import Trie


@lru_cache(maxsize=1)
def words() -> frozenset[str]:
    """Every dictionary word."""
    from pythainlp.corpus import thai_words

    return frozenset(thai_words())


@lru_cache(maxsize=1)
def trie() -> Trie:
    """The same words as words(), as the prefix trie pythainlp's segmenters walk."""
    from pythainlp.tokenize import word_dict_trie

    return word_dict_trie()
