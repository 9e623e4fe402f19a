"""Thai word segmentation behind one function, so the engine can change in one place."""

from __future__ import annotations

from functools import lru_cache

ENGINE = "newmm"


@lru_cache(maxsize=4096)
def _tokenize(text: str) -> tuple[str, ...]:
    from pythainlp.tokenize import word_tokenize

    from ita_desktop.thai.dictionary import trie

    # the shared dictionary trie: pythainlp's default one would be built a second time
    return tuple(word_tokenize(text, engine=ENGINE, custom_dict=trie(), keep_whitespace=True))


def split_words(text: str) -> list[str]:
    """Split text into words as a Thai segmenter sees them; joining the parts gives text back.

    Spaces are kept as their own tokens. Non-Thai runs (Latin, digits) come back whole.
    """
    if not text:
        return []
    parts = list(_tokenize(text))
    if "".join(parts) != text:  # the segmenter must never lose or add characters
        raise AssertionError("word segmentation changed the text")
    return parts
