"""Patterns that must end where a name or trigger starts, matched backwards.

Many rules ask what stands right before a mention: "para " before a trigger, "colonia " before
a place, "former ally of the " before a group. Written as ``words\\s+$`` and searched in a
window before the mention, each costs a regex attempt at every position of the window. Here
the pattern is reversed once and tried a single time, anchored, on the reversed folded text,
which gives the same yes/no several times faster.

Only what these rules use is supported: literals, classes, alternation, groups (not captured),
greedy and lazy repeats, ``\\b``/``\\B``, fixed-width look-arounds, and a final ``$``. Anything
else is refused when the pattern is built, so a rule cannot silently change meaning.
"""
from __future__ import annotations

import re
from typing import Final, Iterable, TYPE_CHECKING

from cartelscope.extract.textmatch import is_at, is_space_at

if TYPE_CHECKING:  # typed, so that compiled code reads ``ctx.folded`` natively
    from cartelscope.extract.context import DocContext

try:  # Python 3.11+
    import re._constants as _c
    import re._parser as _parser
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as _c  # type: ignore[no-redef]
    import sre_parse as _parser  # type: ignore[no-redef]

_CATEGORY: Final = {
    _c.CATEGORY_DIGIT: r"\d", _c.CATEGORY_NOT_DIGIT: r"\D",
    _c.CATEGORY_SPACE: r"\s", _c.CATEGORY_NOT_SPACE: r"\S",
    _c.CATEGORY_WORD: r"\w", _c.CATEGORY_NOT_WORD: r"\W",
}


class EndingAt:
    """A regex that must match a stretch of text ending exactly at a given position.

    ``before(ctx, end, reach)`` answers as ``pattern.search(folded, end - reach, end)`` would
    (assertions may look before the window); with ``sliced=True`` as
    ``pattern.search(folded[end - reach:end])`` would (nothing outside the window is seen).
    """

    def __init__(self, pattern: str, flags: int = 0):
        self.forward = re.compile(pattern, flags)
        items = _without_end(list(_parser.parse(pattern, flags)))
        if items is None:
            raise ValueError(f"every branch of an EndingAt pattern must end with '$': {pattern!r}")
        self.backward = re.compile(_reverse(items), flags)
        self._match = self.backward.match
        self.pattern = pattern
        # how far before its window a forward search may look (a ``\\b``: one character; a
        # look-behind: its width); the reversed match may see that far, and a match that then
        # reaches into it is settled forwards
        self._margin = max([1] + _lookbehind_widths(items))
        # the literal endings a match must have once its trailing whitespace is stripped ("para",
        # "colonia", "colonias"), or None when the pattern can end in anything; most calls find
        # none of them before ``end`` and are answered without a regex
        runs = None if flags & re.IGNORECASE else _runs(items)
        tails = None if runs is None else {word for word, _, _ in runs}
        self.tails: tuple[str, ...] | None = tuple(sorted(tails)) if tails and "" not in tails else None
        # the same endings as a gate (see _Endings), with the words that must come before them
        # as far as WORDS_BEFORE words back; None when there are no literal endings
        self._endings: _Endings | None = None
        if runs is not None and self.tails is not None:
            self._endings = _endings(runs, WORDS_BEFORE)
        # a pattern that may end in anything ("allegedly ... <up to four words>") may still
        # have to begin with one of a few literal words: one of them must be in the window
        heads = None if flags & re.IGNORECASE or self.tails is not None else _heads(items)
        self.heads: tuple[str, ...] | None = tuple(sorted(heads)) if heads and "" not in heads else None

    def before(self, ctx: DocContext, end: int, reach: int, sliced: bool = False) -> bool:
        """True when the pattern matches a stretch of ``ctx.folded`` ending at ``end`` and starting
        at most ``reach`` characters before it (``ctx.backward`` is the folded text reversed)."""
        folded = ctx.folded
        lo = end - reach if end > reach else 0
        endings = self._endings
        if endings is not None:
            k = end
            while k > lo and is_space_at(folded, k - 1):
                k -= 1
            if k == lo or not endings.fit(folded, lo, k):
                return False
        heads = self.heads
        if heads is not None:
            window = folded[lo:end]
            for head in heads:
                if head in window:
                    break
            else:
                return False
        n = len(folded)
        # backward[n - end:] reads folded from ``end`` towards the start; it is cut there so that,
        # as forwards, nothing after ``end`` is seen, and at the window's start (plus a margin for
        # look-behinds when the forward search could see before the window)
        stop = n - lo if sliced or not lo else n - lo + self._margin
        segment = ctx.backward[n - end:stop]
        m = self._match(segment)
        if m is None and end > lo and folded[end - 1] == "\n":
            m = self._match(segment, 1)  # '$' also matches before a final newline
        if m is None:
            return False
        if m.end() <= end - lo:
            return True
        # the match reached into the look-behind margin: settle it forwards, exactly
        return bool(self.forward.search(folded[lo:end]) if sliced else self.forward.search(folded, lo, end))


WORDS_BEFORE: Final = 3  # how many words back from ``end`` the ending gate reads at most


class _Endings:
    """The literal endings a stretch of text may have where a match ends (its trailing
    whitespace stripped): "free" ones, which may end a longer word, and "bound" ones, which the
    pattern puts right after whitespace, each with the endings of the word that must come before
    it ("de" only after "alcaldia" or "delegacion"). Built by :func:`_endings`."""

    __slots__ = ("free", "bound", "before", "lasts")

    def __init__(self, free: set[str], before: dict[str, _Endings]) -> None:
        self.free = _ByLast(free)
        self.bound = _ByLast(before)
        self.before = before
        # by ASCII code: whether some ending ends with that character
        self.lasts = [bool(self.free.ascii[code] or self.bound.ascii[code]) for code in range(128)]

    def fit(self, text: str, lo: int, k: int) -> bool:
        """Whether ``text[lo:k]``, which ends with a character that is no whitespace, has one of
        these endings (and the words before them), all inside the window."""
        code = ord(text[k - 1])
        if code < 128 and not self.lasts[code]:
            return False  # no ending ends with that character: half the calls stop here
        if _ends_with(text, lo, k, self.free.ending(text, k - 1)):
            return True
        for tail in self.bound.ending(text, k - 1):
            s = k - len(tail)
            if s > lo and is_space_at(text, s - 1) and is_at(text, s, tail):
                j = s - 1
                while j > lo and is_space_at(text, j - 1):
                    j -= 1
                if j > lo and self.before[tail].fit(text, lo, j):
                    return True
        return False

    def words(self) -> dict[str, object]:
        """The endings as plain data, for the tests: a free ending maps to "", a bound one to
        the same for the word before it."""
        out: dict[str, object] = dict.fromkeys(self.free.words(), "")
        for tail, before in self.before.items():
            out[tail] = before.words()
        return out


class _ByLast:
    """Words filed by their last character: a list serves the ASCII ones, the most frequent,
    without making a one-character string, a dict the others."""

    __slots__ = ("ascii", "other")

    def __init__(self, words: Iterable[str]) -> None:
        self.ascii: list[tuple[str, ...]] = [()] * 128
        self.other: dict[str, tuple[str, ...]] = {}
        for word in sorted(words):
            code = ord(word[-1])
            if code < 128:
                self.ascii[code] += (word,)
            else:
                self.other[word[-1]] = self.other.get(word[-1], ()) + (word,)

    def ending(self, text: str, i: int) -> tuple[str, ...]:
        """The words that end with the character ``text[i]``; empty when there are none."""
        code = ord(text[i])
        return self.ascii[code] if code < 128 else self.other.get(text[i], ())

    def words(self) -> list[str]:
        """All the words, sorted."""
        return sorted([word for words in self.ascii + list(self.other.values()) for word in words])


def _ends_with(text: str, lo: int, k: int, words: tuple[str, ...]) -> bool:
    """``text[lo:k].endswith(words)``, without making the slice."""
    for word in words:
        i = k - len(word)
        if i >= lo and is_at(text, i, word):
            return True
    return False


def _without_end(items: list) -> list | None:
    """``items`` with the final ``$`` of every branch removed; None if some branch lacks it."""
    if not items:
        return None
    op, av = items[-1]
    if (op, av) == (_c.AT, _c.AT_END):
        return items[:-1]
    if op is _c.BRANCH:
        alts = [_without_end(list(alt)) for alt in av[1]]
        if any(a is None for a in alts):
            return None
        return items[:-1] + [(_c.BRANCH, (None, alts))]
    if op is _c.SUBPATTERN:
        group, add, delete, sub = av
        inner = _without_end(list(sub))
        return None if inner is None else items[:-1] + [(_c.SUBPATTERN, (group, add, delete, inner))]
    return None


MAX_TAILS: Final = 400  # beyond this many literal endings the gate is not worth building


def _runs(items: list, spaced: bool = False) -> list[tuple[str, list, bool]] | None:
    r"""Every way a match of ``items`` can end once the whitespace it ends with is stripped: the
    last run of literal characters up to a space (for ``(?:in|cerca de)\s+``: "in", "de"), the
    items before that run, and whether that whitespace must be at least one character (or
    ``spaced`` already said so). The run is "" when a match may end with no literal there; None
    when it may end in a character class or wildcard. Zero-width items (``\b``, look-arounds) are
    skipped."""
    items = list(items)
    while items:
        op, av = items[-1]
        rest = items[:-1]
        if op is _c.AT or op in (_c.ASSERT, _c.ASSERT_NOT):
            items = rest
            continue
        if _is_space(op, av):
            spaced = spaced or op not in (_c.MAX_REPEAT, _c.MIN_REPEAT) or av[0] > 0
            items = rest
            continue
        if op is _c.LITERAL:
            word = ""
            while items and items[-1][0] is _c.LITERAL and not chr(items[-1][1]).isspace():
                word = chr(items[-1][1]) + word
                items = items[:-1]
            return [(word, items, spaced)]
        if op is _c.IN:
            chars = _class_literals(av)
            return None if chars is None else _concat([_runs(rest + [(_c.LITERAL, c)], spaced) for c in chars])
        if op is _c.BRANCH:
            return _concat([_runs(rest + list(alt), spaced) for alt in av[1]])
        if op is _c.SUBPATTERN:
            return _runs(rest + list(av[3]), spaced)
        if op in (_c.MAX_REPEAT, _c.MIN_REPEAT):
            low, high, sub = av
            # the last repetition's ending; an earlier one, if any, is not literal text to run on into
            last = rest + list(sub) if high == 1 else rest + [(_c.ANY, None)] + list(sub)
            return _concat([_runs(last, spaced)] + ([] if low else [_runs(rest, spaced)]))
        return None
    return [("", [], spaced)]


def _endings(runs: list[tuple[str, list, bool]], words: int) -> _Endings:
    """The gate on the endings ``runs`` (see :func:`_runs`), reading up to ``words`` words back.
    An ending is bound when the pattern puts at least one whitespace character and then a
    literal right before it in every match (so the word before it must end with that literal);
    otherwise, or past the last word read, it is free."""
    free: set[str] = set()
    bound: dict[str, list[tuple[str, list, bool]]] = {}
    for tail, items, _ in runs:
        before = _runs(items) if words > 1 else None
        if before is None or any(not word or not spaced for word, _, spaced in before):
            free.add(tail)
        else:
            bound.setdefault(tail, []).extend(before)
    return _Endings(free, {tail: _endings(before, words - 1) for tail, before in bound.items() if tail not in free})


def _concat(parts: list) -> list | None:
    out: list = []
    for p in parts:
        if p is None:
            return None
        out += p
        if len(out) > MAX_TAILS:
            return None
    return out


def _heads(items: list) -> set[str] | None:
    """The literal beginnings a match of ``items`` must have: for each branch the run of literal
    characters it starts with ("allegedly", "linked to", "ligad"); None when some branch starts
    with a class, wildcard or look-around, or with nothing literal at all."""
    while items and (items[0][0] is _c.AT or items[0][0] in (_c.ASSERT, _c.ASSERT_NOT)):
        items = items[1:]  # zero-width: "\\b", look-arounds
    if not items:
        return None
    op, av = items[0]
    if op is _c.LITERAL:
        run = ""
        for op2, av2 in items:
            if op2 is not _c.LITERAL:
                break
            run += chr(av2)
        return {run}
    if op is _c.BRANCH:
        return _union(_heads(list(alt)) for alt in av[1])
    if op is _c.SUBPATTERN:
        # a group's own literal run is enough, though an all-literal group runs on into what follows
        return _heads(list(av[3]))
    return None


def _union(parts) -> set[str] | None:
    out: set[str] = set()
    for p in parts:
        if p is None:
            return None
        out |= p
        if len(out) > MAX_TAILS:
            return None
    return out


def _is_space(op, av) -> bool:
    r"""The item matches only whitespace (``\s``, ``\s+``, a space)."""
    if op is _c.LITERAL:
        return chr(av).isspace()
    if op is _c.IN:
        return av == [(_c.CATEGORY, _c.CATEGORY_SPACE)]
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT):
        return len(av[2]) == 1 and _is_space(*av[2][0])
    return False


def _class_literals(items) -> list[int] | None:
    """The characters of a small positive class of literals (``[oa]``), else None."""
    if not all(op is _c.LITERAL for op, _ in items) or len(items) > 8:
        return None
    return [av for _, av in items]


def _lookbehind_widths(items) -> list[int]:
    widths = []
    for op, av in items:
        if op in (_c.ASSERT, _c.ASSERT_NOT):
            direction, sub = av
            if direction == -1:
                widths.append(sub.getwidth()[1])
            widths += _lookbehind_widths(sub)
        elif op is _c.BRANCH:
            for alt in av[1]:
                widths += _lookbehind_widths(alt)
        elif op is _c.SUBPATTERN:
            widths += _lookbehind_widths(av[3])
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT):
            widths += _lookbehind_widths(av[2])
    return widths


def _reverse(items) -> str:
    pairs = list(items)
    pairs.reverse()  # not reversed(): mypyc fails on reversed() over a list of Any
    return "".join([_item(pair[0], pair[1]) for pair in pairs])


def _item(op, av) -> str:
    if op is _c.LITERAL:
        return re.escape(chr(av))
    if op is _c.NOT_LITERAL:
        return "[^" + _class_char(av) + "]"
    if op is _c.ANY:
        return "."
    if op is _c.IN:
        return _class(av)
    if op is _c.BRANCH:
        return "(?:" + "|".join(_reverse(alt) for alt in av[1]) + ")"
    if op is _c.SUBPATTERN:
        group, add, delete, sub = av
        if add or delete:
            raise ValueError("EndingAt: inline flags in a group are not supported")
        return "(?:" + _reverse(sub) + ")"
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT):
        lo, hi, sub = av
        body = "(?:" + _reverse(sub) + ")"
        if hi is _c.MAXREPEAT:
            q = "*" if lo == 0 else "+" if lo == 1 else f"{{{lo},}}"
        else:
            q = "?" if (lo, hi) == (0, 1) else f"{{{lo},{hi}}}"
        return body + q + ("?" if op is _c.MIN_REPEAT else "")
    if op is _c.AT:
        if av is _c.AT_BOUNDARY:
            return r"\b"
        if av is _c.AT_NON_BOUNDARY:
            return r"\B"
        raise ValueError(f"EndingAt: anchor {av} is supported only as the final '$'")
    if op in (_c.ASSERT, _c.ASSERT_NOT):
        direction, sub = av
        body = _reverse(sub)
        # a look-ahead forwards is a look-behind backwards, and the other way round
        kind = "(?<" if direction == 1 else "(?"
        sign = "=" if op is _c.ASSERT else "!"
        return f"{kind}{sign}{body})"
    raise ValueError(f"EndingAt: {op} is not supported")


def _class(items) -> str:
    parts = []
    negate = ""
    for op, av in items:
        if op is _c.NEGATE:
            negate = "^"
        elif op is _c.LITERAL:
            parts.append(_class_char(av))
        elif op is _c.RANGE:
            parts.append(_class_char(av[0]) + "-" + _class_char(av[1]))
        elif op is _c.CATEGORY:
            parts.append(_CATEGORY[av])
        else:
            raise ValueError(f"EndingAt: {op} in a character class is not supported")
    return "[" + negate + "".join(parts) + "]"


def _class_char(code: int) -> str:
    ch = chr(code)
    return "\\" + ch if ch in "\\]^-[" else ch
