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

try:  # Python 3.11+
    import re._constants as _c
    import re._parser as _parser
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as _c  # type: ignore[no-redef]
    import sre_parse as _parser  # type: ignore[no-redef]

_CATEGORY = {
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
        # none of them before ``end`` and are answered by one ``str.endswith`` in C
        tails = None if flags & re.IGNORECASE else _tails(items)
        self.tails = tuple(sorted(tails)) if tails and "" not in tails else None
        # a pattern that may end in anything ("allegedly ... <up to four words>") may still
        # have to begin with one of a few literal words: one of them must be in the window
        heads = None if flags & re.IGNORECASE or self.tails is not None else _heads(items)
        self.heads = tuple(sorted(heads)) if heads and "" not in heads else None

    def before(self, ctx, end: int, reach: int, sliced: bool = False) -> bool:
        """True when the pattern matches a stretch of ``ctx.folded`` ending at ``end`` and starting
        at most ``reach`` characters before it (``ctx.backward`` is the folded text reversed)."""
        folded = ctx.folded
        lo = end - reach if end > reach else 0
        tails = self.tails
        if tails is not None:
            j = end - 1  # usually the one space before a word: test the ending without copying
            if j > lo and folded[j] == " " and not folded[j - 1].isspace():
                if not folded.endswith(tails, lo, j):
                    return False
            elif not folded[lo:end].rstrip().endswith(tails):
                return False
        if self.heads is not None and not any(map(folded[lo:end].__contains__, self.heads)):
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


MAX_TAILS = 400  # beyond this many literal endings the gate is not worth building


def _tails(items: list) -> set[str] | None:
    r"""Every literal ending a match of ``items`` can have once the whitespace it ends with is
    stripped, each the last run of literal characters up to a space (for ``(?:in|cerca de)\s+``:
    "in", "de"); "" when a match may end with no literal there, None when it may end in a
    character class or wildcard. Zero-width items (``\b``, look-arounds) are skipped."""
    items = list(items)
    while items:
        op, av = items[-1]
        rest = items[:-1]
        if op is _c.AT or op in (_c.ASSERT, _c.ASSERT_NOT) or _is_space(op, av):
            items = rest
            continue
        if op is _c.LITERAL:
            word = ""
            while items and items[-1][0] is _c.LITERAL and not chr(items[-1][1]).isspace():
                word = chr(items[-1][1]) + word
                items = items[:-1]
            return {word}
        if op is _c.IN:
            chars = _class_literals(av)
            return None if chars is None else _union(_tails(rest + [(_c.LITERAL, c)]) for c in chars)
        if op is _c.BRANCH:
            return _union(_tails(rest + list(alt)) for alt in av[1])
        if op is _c.SUBPATTERN:
            return _tails(rest + list(av[3]))
        if op in (_c.MAX_REPEAT, _c.MIN_REPEAT):
            low, _, sub = av
            last = _tails(rest + list(sub))  # the last repetition's ending (earlier ones come before it)
            return last if low else _union([_tails(rest), last])
        return None
    return {""}


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
