"""Text normalisation, language detection, content hashes and near-duplicate fingerprints.

Language detection counts function words: they make up a large, stable share of any article and
hardly overlap between languages, so a ratio test is deterministic, fast and needs no model.

Near-duplicates (``dedupe.v2``). A syndicated or lightly rewritten copy keeps the story's names,
places and figures and most of its vocabulary, but its sentences are reworded, so word n-grams
(v1 used bigrams) miss it. :func:`shingles` therefore returns a *feature set*:

* every content word (function words dropped), accent-folded and cut to its first five letters,
  so "detenido"/"detención" or "capturado"/"captura" meet;
* every *anchor* — a token written with a capital or a digit (names, places, outlets, dates,
  tolls) — three times, as three distinct features.

Weighting the anchors is what keeps two different incidents written from the same template
("a clash between A and B left N dead in M") apart: the wording matches, the names and numbers
do not. The store compares these sets with exact Jaccard after a MinHash LSH candidate search
(:func:`minhash_bands`).
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import Counter
from collections.abc import Mapping
from operator import itemgetter

import ahocorasick

_WORD = re.compile(r"\w+", re.UNICODE)

DEDUPE_VERSION = "dedupe.v2"
STEM_LETTERS = 5
ANCHOR_WEIGHT = 3


def strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


# Frequent function words per language. Portuguese, French, Italian and German are listed so that
# their text is called "other" rather than the nearest of English or Spanish; words that two of
# the languages share (after accent folding) are dropped, so each hit is evidence for one language.
_FUNCTION_WORDS = {
    "en": "the of and to in is was for that on with as by at from are were has have had it its this be "
          "which an or their they but not after who been said will would about also",
    "es": "el la los las del que y en un una por con para se su sus al es lo como más pero fue son ha "
          "han sobre este esta entre cuando también donde según sin tras hasta muy",
    "pt": "o os do da dos das em no na nos nas um uma ao pelo pela não foi são mais também segundo quando "
          "onde com é",
    "fr": "le les des du et est une dans pour pas sur au aux sont été avec qui ce cette il ils selon",
    "it": "il gli della delle di che è per non sono nel nella anche dopo secondo questo",
    "de": "der die das und ist nicht mit von den dem ein eine zu auf für sich wurde nach auch",
}


def _build_lang_index() -> dict[str, str]:
    seen: dict[str, set[str]] = {}
    for lang, words in _FUNCTION_WORDS.items():
        for w in words.split():
            seen.setdefault(strip_accents(w), set()).add(lang)
    return {w: next(iter(langs)) for w, langs in seen.items() if len(langs) == 1}


_LANG_OF = _build_lang_index()
# the function words (accent-folded) by language, and the languages in a fixed order: the
# extractor's phrase matcher counts these words in its own pass (see language_of_counted_sample)
FUNCTION_WORD_LANGUAGE: dict[str, str] = dict(_LANG_OF)
LANGUAGES: tuple[str, ...] = tuple(_FUNCTION_WORDS)
_LANG_OF_BYTES = {w.encode("latin-1"): lang for w, lang in _LANG_OF.items()}

# Latin-1 byte -> itself if a regex word character (letter, digit, underscore), else a space
_WORD_BYTES = bytes(b if chr(b).isalnum() or b == 0x5F else 0x20 for b in range(256))
# common punctuation outside Latin-1, made spaces so that a text using it stays on the fast path
_WIDE_PUNCTUATION = "\u2018\u2019\u201c\u201d\u2013\u2014\u2026\u2022\u00a0\u200b"


def _latin1_bytes(sample: str) -> bytes | None:
    """``sample`` as Latin-1 bytes, the common punctuation beyond Latin-1 made spaces; None
    when it has other characters beyond Latin-1."""
    if sample.isascii():
        return sample.encode("ascii")
    for ch in _WIDE_PUNCTUATION:
        if ch in sample:
            sample = sample.replace(ch, " ")
    try:
        return sample.encode("latin-1")
    except UnicodeEncodeError:
        return None


def _latin1_words(sample: str) -> list[bytes] | None:
    """The ``\\w+`` words of ``sample`` as Latin-1 bytes, found with a byte table in C (about
    three times faster than the regex); None when the text has other characters, which then
    take the regex path."""
    raw = _latin1_bytes(sample)
    return None if raw is None else raw.translate(_WORD_BYTES).split()


# Latin-1 byte -> "a" if a word character, else a space: words are counted as " a" pairs
_WORD_MASK = bytes(0x61 if chr(b).isalnum() or b == 0x5F else 0x20 for b in range(256))


def _function_word_automaton() -> ahocorasick.Automaton:
    """Every function word, spaced on both sides, with its language: one pass over a sample
    spaced the same way counts them all."""
    auto = ahocorasick.Automaton()
    for word, lang in _LANG_OF.items():
        auto.add_word(f" {word} ", lang)
    auto.make_automaton()
    return auto


_FUNCTION_WORDS_FOUND = _function_word_automaton()
_STOPWORDS = frozenset(strip_accents(w) for words in _FUNCTION_WORDS.values() for w in words.split())


LANG_SAMPLE_CHARS = 3000
# accent folding for the function-word test only (one character for one, fast)
_ACCENTS = list(zip("áàâäãéèêëíìîïóòôöõúùûüç", "aaaaaeeeeiiiiooooouuuuc"))


def clean_text(text: str) -> str:
    """Normalise Unicode (NFC), line endings and runs of blank lines; keep paragraphs."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u00a0", " ").replace("\ufeff", "")
    lines = [re.sub(r"[ \t]+", " ", line).strip() for line in text.split("\n")]
    out = re.sub(r"\n{3,}", "\n\n", "\n".join(lines))
    return out.strip()


def detect_language(text: str) -> str:
    """'en', 'es' or 'other'.

    Counts function words of six languages over the first 3,000 characters; the language with
    most hits wins if they make up at least 8 % of the words. Fewer than five words is 'other'.
    """
    sample = text[:LANG_SAMPLE_CHARS].lower()
    for accented, plain in _ACCENTS:
        if accented in sample:
            sample = sample.replace(accented, plain)
    return language_of_sample(sample)


def language_of_sample(sample: str) -> str:
    """:func:`detect_language` for a sample already lower-cased and stripped of accents (the
    extractor's folded text, cut to ``LANG_SAMPLE_CHARS``, gives the same answer).

    A Latin-1 sample with no underscore (nearly all) is read without making its words into
    objects: its words are counted off a byte mask, its function words found by one pass of an
    automaton, which gives the counts that splitting and counting every word gives."""
    raw = _latin1_bytes(sample)
    if raw is not None and b"_" not in raw:
        n_words = _words_in(raw)
        if n_words < 5:
            return "other"
        spaced = " " + raw.translate(_WORD_BYTES).decode("latin-1") + " "
        return _verdict(Counter(map(itemgetter(1), _FUNCTION_WORDS_FOUND.iter(spaced))), n_words)
    return _language_by_counting(sample)


def language_of_counted_sample(sample: str, hits: Mapping[str, int]) -> str | None:
    """:func:`language_of_sample`'s answer for ``sample`` when its function words
    (:data:`FUNCTION_WORD_LANGUAGE`, each a whole word) were already counted by language into
    ``hits``; None when the sample needs the slower path there (characters beyond Latin-1 other
    than common punctuation, or an underscore, which joins words), where the caller must call
    :func:`language_of_sample` itself."""
    raw = _latin1_bytes(sample)
    if raw is None or b"_" in raw:
        return None
    found = {lang: n for lang, n in hits.items() if n}
    if not found:
        return "other"  # (whatever the number of words)
    if sum(found.values()) >= 5:  # so at least five words
        # Words need a character between them, so the sample holds at most half its length
        # plus one; a language whose hits reach 8 % of that reaches 8 % of the true count, and
        # the words need not be counted (nearly every article: function words are a third of
        # running text).
        verdict = _verdict(found, (len(raw) + 1) // 2)
        if verdict != "other":
            return verdict
    n_words = _words_in(raw)
    if n_words < 5:
        return "other"
    return _verdict(found, n_words)


def _words_in(raw: bytes) -> int:
    """The number of words of a Latin-1 sample: runs of word characters, counted off a mask."""
    mask = raw.translate(_WORD_MASK)
    return mask.count(b" a") + mask.startswith(b"a")


def _language_by_counting(sample: str) -> str:
    """:func:`language_of_sample` by splitting the sample into words and counting them all."""
    words = _latin1_words(sample)
    if words is None:
        words, lang_of = _WORD.findall(sample), _LANG_OF
    else:
        lang_of = _LANG_OF_BYTES
    n_words = len(words)
    if n_words < 5:
        return "other"
    # count words in C, then visit in Python only the few distinct function words present
    counts = Counter(words)
    hits: dict[str, int] = {}
    for w in lang_of.keys() & counts.keys():
        lang = lang_of[w]
        hits[lang] = hits.get(lang, 0) + counts[w]
    return _verdict(hits, n_words)


def _verdict(hits: Mapping[str, int], n_words: int) -> str:
    """The language with most function-word hits, if they make up 8 % of the words."""
    if not hits:
        return "other"
    best = max(sorted(hits), key=hits.__getitem__)
    if hits[best] / n_words < 0.08:
        return "other"
    return best if best in ("en", "es") else "other"


def sha256_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def shingles(text: str) -> set[str]:
    """The near-duplicate feature set described in the module docstring (``dedupe.v2``)."""
    features: set[str] = set()
    for match in _WORD.finditer(text):
        raw = match.group()
        word = strip_accents(raw.lower())
        if word in _STOPWORDS or (len(word) < 2 and not word.isdigit()):
            continue
        features.add(word[:STEM_LETTERS])
        if raw[0].isupper() or raw[0].isdigit():
            features.update(f"{k}#{word}" for k in range(ANCHOR_WEIGHT))
    return features


def _word_trigrams(text: str) -> list[str]:
    words = [w for w in _WORD.findall(strip_accents(text.lower())) if len(w) > 1]
    if len(words) < 3:
        return [" ".join(words)] if words else []
    return [" ".join(words[i : i + 3]) for i in range(len(words) - 2)]


def simhash(text: str) -> int:
    """64-bit SimHash over word 3-shingles, as a signed integer (fits BIGINT)."""
    weights = [0] * 64
    for sh in _word_trigrams(text):
        h = int.from_bytes(hashlib.blake2b(sh.encode("utf-8"), digest_size=8).digest(), "big")
        for bit in range(64):
            weights[bit] += 1 if h >> bit & 1 else -1
    value = 0
    for bit in range(64):
        if weights[bit] > 0:
            value |= 1 << bit
    return value - (1 << 64) if value >= 1 << 63 else value


def hamming(a: int, b: int) -> int:
    return ((a ^ b) & ((1 << 64) - 1)).bit_count()


# 42 bands of 3 rows over 126 MinHash values: a pair with Jaccard 0.5 shares a band with
# probability 0.996, a pair at 0.3 with 0.68, an unrelated pair (~0.05) with 0.005, so few
# candidates need the exact check the store runs afterwards.
_ROWS = 3
_BANDS = 42
_PERMS = _ROWS * _BANDS
_PARAMS = None


def _perm_params():
    import numpy as np

    rng = np.random.default_rng(20261125)
    # multiply-shift hashing (Dietzfelbinger): odd 64-bit multipliers, keep the high 32 bits
    a = rng.integers(0, 1 << 63, size=_PERMS, dtype=np.uint64) * np.uint64(2) + np.uint64(1)
    b = rng.integers(0, 1 << 63, size=_PERMS, dtype=np.uint64)
    return a[:, None], b[:, None]


def minhash_bands(grams: set[str]) -> list[int]:
    """LSH band hashes (non-negative 63-bit ints), one per band, of a feature set's MinHash."""
    import numpy as np

    global _PARAMS
    if not grams:
        return []
    if _PARAMS is None:
        _PARAMS = _perm_params()
    a, b = _PARAMS
    xs = np.fromiter(
        (int.from_bytes(hashlib.blake2b(g.encode(), digest_size=8).digest(), "big") for g in sorted(grams)),
        dtype=np.uint64,
        count=len(grams),
    )
    with np.errstate(over="ignore"):
        sig = ((a * xs[None, :] + b) >> np.uint64(32)).min(axis=1)
    out = []
    for band in range(_BANDS):
        chunk = sig[band * _ROWS : (band + 1) * _ROWS].tobytes()
        out.append(int.from_bytes(hashlib.blake2b(chunk, digest_size=8).digest(), "big") >> 1)
    return out


def jaccard(a: set[str], b: set[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


def containment(a: set[str], b: set[str]) -> float:
    """Share of the smaller set found in the larger: catches a short excerpt of a long story."""
    if not a or not b:
        return 0.0
    small, large = (a, b) if len(a) <= len(b) else (b, a)
    return len(small & large) / len(small)
