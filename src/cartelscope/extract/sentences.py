"""Sentence splitting for English and Spanish news text, aware of abbreviations."""
from __future__ import annotations

import re
from dataclasses import dataclass

# Tokens that end with a period but do not end a sentence (compared lower-cased, with the period).
ABBREVIATIONS = frozenset(
    """
    dr. dra. sr. sra. srta. lic. ing. gral. gen. col. cap. cmdte. mr. mrs. ms. prof. st. mt. sen. rep. gov.
    jan. feb. mar. apr. jun. jul. aug. sep. sept. oct. nov. dec. ene. abr. ago. dic.
    u.s. u.s.a. u.k. u.n. ee.uu. ee. uu. e.u. edo. méx. mex. mich. sin. jal. gto. gro. tamps. chih. son.
    coah. dgo. zac. oax. chis. tab. ver. pue. qro. mor. hgo. nay. col. camp. yuc. tlax. ags. bc. bcs. n.l.
    q.roo. s.l.p. slp. cd. av. no. núm. num. vol. p.m. a.m. etc. vs. approx. aprox. fig. inc. corp. ltd. co.
    """.split()
)

_BOUNDARY = re.compile(r"[.!?…]+[\"'”’»)]*(?=\s+[\"'“‘«(¿¡]?[A-ZÁÉÍÓÚÑÜ0-9])|\n\s*\n|\n(?=\s*[-•*]\s)|\n")


@dataclass(frozen=True, slots=True)
class Sentence:
    index: int
    start: int
    end: int
    text: str
    paragraph: int


def split(text: str) -> list[Sentence]:
    """Sentences with their character spans; newlines always end a sentence."""
    out: list[Sentence] = []
    start = 0
    paragraph = 0
    pending_par = False
    for m in _BOUNDARY.finditer(text):
        cut = m.end()
        chunk_end = m.start() if m.group().startswith("\n") else m.end()
        if not m.group().startswith("\n"):
            token = text[max(start, text.rfind(" ", start, m.start() + 1) + 1) : m.start() + 1].lower()
            token = token.lstrip("(\"'“«")
            if token in ABBREVIATIONS or re.fullmatch(r"[a-záéíóúñ]\.", token):
                continue
        _emit(text, start, chunk_end, out, paragraph)
        if "\n" in m.group():
            if m.group().count("\n") >= 2 or pending_par:
                paragraph += 1
            else:
                paragraph += 1
        start = cut
    _emit(text, start, len(text), out, paragraph)
    return out


def _emit(text: str, start: int, end: int, out: list[Sentence], paragraph: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append(Sentence(len(out), start, end, text[start:end], paragraph))
