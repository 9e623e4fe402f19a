"""A pythainlp Trie over a sorted word list whose nodes are made the first time they are reached.

pythainlp's Trie(words) creates every node of every word up front (about 240,000 nodes for its
62,000-word dictionary, half a second); a document reaches a few thousand of them. Here the
words stay in one sorted tuple and a node is the range of the words sharing its prefix: its
children are found by bisection when first asked for and kept. The nodes are Trie.Node objects
whose `children` and `end` read as pythainlp's do, so the segmenters (custom_dict) and the
line breaker walk it unchanged, and every Trie method that reads works on it (it cannot be
changed: membership is a bisection of the word list).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from operator import itemgetter
from typing import Any

from pythainlp.util.trie import Trie


class _LazyNode(Trie.Node):
    """The node of the prefix words[lo][:depth]; words[lo:hi] are the words starting with it."""

    __slots__ = ("_depth", "_hi", "_lo", "_words")

    def __init__(self, words: Sequence[str], lo: int, hi: int, depth: int) -> None:
        # Trie.Node.__init__ is not called: `children` stays unset until first read
        self._words = words
        self._lo = lo
        self._hi = hi
        self._depth = depth
        self.end = len(words[lo]) == depth

    def __getattr__(self, name: str) -> Any:
        if name != "children":
            raise AttributeError(name)
        words, hi, depth = self._words, self._hi, self._depth
        key = itemgetter(depth)
        i = self._lo + 1 if self.end else self._lo  # the word equal to the prefix sorts first
        children: dict[str, Trie.Node] = {}
        while i < hi:
            ch = words[i][depth]
            j = bisect_right(words, ch, i, hi, key=key)
            children[ch] = _LazyNode(words, i, j, depth + 1)
            i = j
        self.children = children or None  # stored in the slot: later reads skip __getattr__
        return self.children


class SortedTrie(Trie):
    """The Trie of `words`, which must be sorted, distinct and stripped (trie_words)."""

    def __init__(self, words: Sequence[str]) -> None:
        self._word_count = len(words)
        self._words = words
        self.root = _LazyNode(words, 0, len(words), 0) if words else Trie.Node()

    def __contains__(self, key: object) -> bool:
        """Is `key` a word: one bisection of the sorted words, not a walk making nodes
        (pythainlp's longest-matching segmenter asks this for every prefix of every
        position)."""
        if not isinstance(key, str):
            return False
        words = self._words
        i = bisect_left(words, key)
        return i < len(words) and words[i] == key

    def add(self, word: str) -> None:
        raise TypeError("a SortedTrie is read-only: build another from the changed words")

    def remove(self, word: str) -> None:
        raise TypeError("a SortedTrie is read-only: build another from the changed words")


def trie_words(words: Iterable[str]) -> tuple[str, ...]:
    """`words` as Trie(words) keeps them: stripped, once each; sorted."""
    return tuple(sorted({w.strip() for w in words}))
