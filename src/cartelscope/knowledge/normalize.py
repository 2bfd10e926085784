"""Name normalisation shared by the knowledge pack, extraction and lookups.

Case-, accent- and hyphen-insensitive, like the evaluation scorer: "Arellano-Félix" and
"arellano felix" are the same name.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_SPACES = re.compile(r"\s+")
_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": " ", "\u201d": " ", '"': " ",
                         "-": " ", "\u2013": " ", "\u2014": " "})


def fold(text: str) -> str:
    """Strip accents and lower-case, keeping length-independent spacing."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


@lru_cache(maxsize=4096)
def norm(text: str) -> str:
    """The comparison key for a name (memoised: names recur across articles)."""
    return _SPACES.sub(" ", fold(str(text)).translate(_QUOTES)).strip()
