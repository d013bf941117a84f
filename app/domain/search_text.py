"""Text folded for searching: case and accents do not matter.

"nguyen" finds Nguyễn, "Zoe" finds Zoé, "lodz" finds Łódź. Folding is Unicode
decomposition (NFKD) with the combining marks dropped, then case folding; the few Latin
letters that carry their mark inside the letter itself (đ, ł, ø, ħ, ı …) are mapped by
hand because decomposition leaves them as they are.
"""

from __future__ import annotations

import unicodedata

# Letters with a built-in stroke or dot that NFKD does not separate.
_SINGLE_LETTERS = str.maketrans({
    "đ": "d", "Đ": "d", "ł": "l", "Ł": "l", "ø": "o", "Ø": "o", "ħ": "h", "Ħ": "h",
    "ı": "i", "ŧ": "t", "Ŧ": "t", "ð": "d", "Ð": "d", "þ": "th", "Þ": "th", "æ": "ae",
    "Æ": "ae", "œ": "oe", "Œ": "oe",
})


def fold(text: str) -> str:
    """``text`` without case or accents, for comparing what is typed with what is stored."""
    if text.isascii():  # most names: nothing to take off (10,000 rows fold in milliseconds)
        return text.casefold()
    decomposed = unicodedata.normalize("NFKD", text.translate(_SINGLE_LETTERS))
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return bare.casefold()


def fold_all(texts: list[str]) -> list[str]:
    """``fold`` of each text; ASCII texts (most) without a Python call each."""
    return [text.casefold() if text.isascii() else fold(text) for text in texts]


def search_words(text: str) -> list[str]:
    """The folded words of a search box: every one must match."""
    return fold(text).split()
