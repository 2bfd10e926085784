"""The extractor: text (and optionally a publication date) in, an Extraction out.

Steps: fold the text and match every known phrase in one pass; split sentences; settle names
into actors and places; resolve places; find back-references; classify event sentences and
merge mentions of one incident; find relations; mark certainty. Deterministic and free of I/O.
"""
from __future__ import annotations

import gc
import re
from typing import ClassVar, Final

from cartelscope import knowledge
from cartelscope.extract import actors as actors_mod
from cartelscope.extract import certainty as cert
from cartelscope.extract import events as events_mod
from cartelscope.extract import lexicon
from cartelscope.extract import places as places_mod
from cartelscope.extract import relations as relations_mod
from cartelscope.extract.context import DocContext
from cartelscope.extract.dates import HISTORY_YEARS, counts_years_later, find_pub_date, parse_pub_date, reference_year
from cartelscope.extract.misspelt import MisspeltNames
from cartelscope.extract.sentences import split
from cartelscope.extract.textmatch import Match, fold, in_text_order, word_starts
from cartelscope.ingest.text import (FUNCTION_WORD_LANGUAGE, LANG_SAMPLE_CHARS, LANGUAGES,
                                     language_of_counted_sample, language_of_sample)
from cartelscope.knowledge import norm
from cartelscope.model import ActorMention, Candidate, Extraction

EXTRACTOR_VERSION: Final = "cartelscope-rules/0.1"
PRINTED_DATE_REACH: Final = 400  # characters from the top in which a printed publication date is read
# Group-like names, known or not: "Cártel de ...", "Grupo ...", "Los/Las ..." (each must start a
# word). Scanned as three patterns, each starting with its own literal, which the regex engine
# skips to fast; one alternation of them makes it test every character (see group_names).
_GROUP_NAME_TAIL: Final = r"\s+(?:de\s+|del\s+)?(?:[A-ZÁÉÍÓÚÑ][\wáéíóúñ]+)(?:\s+(?:de\s+|del\s+)?[A-ZÁÉÍÓÚÑ][\wáéíóúñ]+){0,2}"
_CANDIDATE_PARTS: Final = (
    r"C(?:[aá]rtel|artel|artel de los|[aá]rtel de los)" + _GROUP_NAME_TAIL,
    r"Grupo" + _GROUP_NAME_TAIL,
    r"L(?:os|as)\s+[A-ZÁÉÍÓÚÑ][\wáéíóúñ]{2,}(?:\s+[A-ZÁÉÍÓÚÑ][\wáéíóúñ]+)?",
)
_CANDIDATE: Final = re.compile("|".join(_CANDIDATE_PARTS))  # what group_names finds, in one pattern
_CANDIDATES: Final = tuple(re.compile(part) for part in _CANDIDATE_PARTS)


def group_names(text: str) -> list[re.Match]:
    """``list(textmatch.word_starts(_CANDIDATE, text))``: the group-like names, left to right,
    none inside another. Each part is scanned on its own and the leftmost match taken; a part
    whose next match starts before where the scan stands is searched again from there. The
    parts begin with different letters, so at most one matches at a place, as the alternation."""
    found: list[re.Match] = []
    pos = 0
    ahead: list[re.Match | None] = [_at_word(p, text, 0) for p in _CANDIDATES]
    while True:
        best: re.Match | None = None
        for k in range(len(ahead)):
            m = ahead[k]
            if m is not None and m.start() < pos:
                m = ahead[k] = _at_word(_CANDIDATES[k], text, pos)
            if m is not None and (best is None or m.start() < best.start()):
                best = m
        if best is None:
            return found
        found.append(best)
        pos = best.end()


def _at_word(pattern: re.Pattern, text: str, pos: int) -> re.Match | None:
    return next(word_starts(pattern, text, pos), None)


# a person's name of two to five capitalised words after a title (the pack's ``person_titles``
# cues: "Gov. Marina del Pilar Ávila", "el gobernador Cuitláhuac García")
_NAME_WORD: Final = r"[A-ZÁÉÍÓÚÑ][a-záéíóúñü]+"
_NAME_AFTER_TITLE: Final = re.compile(rf"\.?\s+({_NAME_WORD}(?:\s+(?:de\s+la\s+|del\s+|de\s+)?{_NAME_WORD}){{1,4}})")
_PLACE_NAMES: Final = frozenset({"place", "ambiguous"})


def _language(folded: str, counts: list[int]) -> str:
    """``language_of_sample(folded[:LANG_SAMPLE_CHARS])`` from the function words the phrase
    matcher counted by language (``counts``, in the order of LANGUAGES) among the words that end
    before the sample's cut. The sample also ends a word at the cut, whole or cut short ("ella"
    read as "el"), which the matcher saw whole: that one is looked up here."""
    sample = folded[:LANG_SAMPLE_CHARS]
    hits = dict(zip(LANGUAGES, counts))
    if len(folded) >= LANG_SAMPLE_CHARS:
        start = LANG_SAMPLE_CHARS
        while start > 0 and sample[start - 1].isalnum():
            start -= 1
        last = FUNCTION_WORD_LANGUAGE.get(sample[start:])
        if last is not None:
            hits[last] += 1
    found = language_of_counted_sample(sample, hits)
    return found if found is not None else language_of_sample(sample)


class Extractor:
    """Holds the compiled knowledge; ``extract()`` is pure and thread-safe."""

    version: ClassVar[str] = EXTRACTOR_VERSION  # ClassVar: compiled, a plain attribute is per instance

    def __init__(self, pack: knowledge.KnowledgePack | None = None):
        self.pack = pack or knowledge.load()
        self.matcher = lexicon.build(self.pack)
        self.misspelt = MisspeltNames(self.pack)
        self._alias_cache: dict[str, list[str]] = {}

    def __call__(self, doc) -> Extraction:
        """Adapter for ingest: takes a Document."""
        return self.extract(doc.text, published=doc.published, lang=doc.lang)

    def context(self, text: str, published: str | None = None, lang: str | None = None) -> DocContext:
        folded = fold(text)
        sentences = split(text)
        if lang in ("en", "es"):
            matches = self.matcher.find(text, folded)
        else:
            counts = [0] * len(LANGUAGES)
            matches = self.matcher.find(text, folded, counts, LANG_SAMPLE_CHARS)
            lang = _language(folded, counts)
        pub_text = self._printed_date(folded, matches)
        pub = parse_pub_date(published) or parse_pub_date(pub_text)
        ctx = DocContext(text, folded, lang, pub, self.pack, sentences, matches)
        ctx.index_matches()
        if ctx.sentences_with_cue("person_titles"):
            kept = self._outside_titled_names(ctx)
            if len(kept) < len(ctx.matches):
                ctx.matches = kept
                ctx.index_matches()
        names = group_names(text)
        ctx.cache["group_names"] = names
        misspelt = self.misspelt.matches([(m.start(), m.end(), m.group()) for m in names],
                                         [(m.start, m.end) for m in ctx.all_of("actor")])
        if misspelt:  # "Cártel Jalsico Nueva Generación": a known group, one letter off
            ctx.matches = ctx.matches + misspelt
            in_text_order(ctx.matches)
            ctx.index_matches()
        ctx.pub_text = pub_text
        return ctx

    def _outside_titled_names(self, ctx: DocContext) -> list[Match]:
        """The matches less the place and group names inside a person's name after a title
        ("Gov. Marina del Pilar Ávila" is no Navy, "el gobernador Cuitláhuac García" no town of
        Veracruz). The titles are the pack's ``person_titles`` cues; "mayor" in lower case is the
        Spanish adjective."""
        text, matches = ctx.text, ctx.matches
        spans = []
        for i in ctx.sentences_with_cue("person_titles"):
            for t in ctx.cues(i, "person_titles"):
                if text[t.start:t.end] != "mayor":
                    name = _NAME_AFTER_TITLE.match(text, t.end)
                    if name:
                        spans.append(name.span(1))
        if not spans:
            return matches
        actors = self.pack.actors
        return [m for m in matches if not (
            (m.category in _PLACE_NAMES or m.category == "actor" and actors[m.key].kind != "person")
            and any(a <= m.start and m.end <= b for a, b in spans))]

    @staticmethod
    def _printed_date(folded: str, matches: list[Match]) -> str | None:
        """A publication date printed in the first lines (dateline or byline); the date words
        and years there are read off the matches."""
        words = []
        year = False
        for m in matches:
            if m.start >= PRINTED_DATE_REACH:
                break
            if m.end <= PRINTED_DATE_REACH:
                if m.category == "dateword":
                    words.append(m.key)
                elif m.category == "year":
                    year = True
        return find_pub_date(folded[:PRINTED_DATE_REACH], frozenset(words), year)

    def extract(self, text: str, published: str | None = None, lang: str | None = None) -> Extraction:
        """Events, relations, actors, states and candidates of one document.

        The cyclic garbage collector is paused while the document is read: every object made
        here is freed by reference counting when it returns, and collections in between only
        walk the document's own live objects again and again (about a tenth of the machine
        instructions, measured with the rules compiled). The call that paused the collector
        enables it again as it returns, whatever other threads are doing; a caller that had
        paused it keeps it paused."""
        collecting = gc.isenabled()
        if collecting:
            gc.disable()
        try:
            return self._extract(text, published, lang)
        finally:
            if collecting:
                gc.enable()

    def _extract(self, text: str, published: str | None, lang: str | None) -> Extraction:
        ctx = self.context(text, published, lang)
        result = Extraction(lang=ctx.lang, pub_date=published or ctx.pub_text,
                            extractor_version=self.version)
        if not ctx.sentences:
            return result
        actor_ms, place_ms = actors_mod.split_names(ctx)
        ctx.places = places_mod.resolve(ctx, place_ms)
        ctx.actors = actors_mod.mentions(ctx, actor_ms, place_ms)
        events = events_mod.detect(ctx)
        relations = relations_mod.detect(ctx, events)
        result.events = events
        result.relations = relations
        result.actors = self._actor_mentions(ctx, events, relations)
        result.states = self._states(ctx, events)
        result.hedged = cert.document_hedged(ctx)
        result.candidates = self._candidates(ctx)
        return result

    def _actor_mentions(self, ctx: DocContext, events, relations) -> list[ActorMention]:
        involved = {a for e in events for a in e.actors} | {x for r in relations for x in (r.a, r.b)}
        # each actor's spans and spellings, gathered in typed lists before its mention is made
        spans: dict[str, list[tuple[int, int]]] = {}
        surfaces: dict[str, list[str]] = {}
        background = None
        for ref in ctx.actors:
            actor = ctx.known[ref.actor_id]
            if ref.actor_id not in involved:
                if ref.example:
                    continue
                if background is None:
                    background = self._background_sentences(ctx)
                if ref.sentence in background:
                    continue
            if actor.kind == "foreign_group" and ref.actor_id not in involved:
                continue
            if actor.kind == "coalition":
                continue
            found = spans.get(ref.actor_id)
            if found is None:
                spans[ref.actor_id] = [(ref.start, ref.end)]
                surfaces[ref.actor_id] = [ref.surface]
            else:
                found.append((ref.start, ref.end))
                spelt = surfaces[ref.actor_id]
                if ref.surface not in spelt:
                    spelt.append(ref.surface)
        for a in involved:
            if a not in spans:
                spans[a] = []
                surfaces[a] = []
        # by where each is first named (those only involved, last), then by id
        ordered: list[tuple[int, str]] = [(found[0][0] if found else 10**9, a) for a, found in spans.items()]
        ordered.sort()
        out: list[ActorMention] = []
        for _, a in ordered:
            actor = ctx.known[a]
            out.append(ActorMention(a, actor.name, actor.kind, self._aliases(a), spans[a], surfaces[a]))
        return out

    def _aliases(self, actor_id: str) -> list[str]:
        """The actor's sorted alias list (computed once per extractor; a fresh copy each time)."""
        aliases = self._alias_cache.get(actor_id)
        if aliases is None:
            names = self.pack.actors[actor_id].names()
            aliases = self._alias_cache[actor_id] = sorted({alias for alias, _ in names})
        return list(aliases)

    def _background_sentences(self, ctx: DocContext) -> set[int]:
        """Sentences that list groups a government designates, speculate, pass on an unconfirmed
        rumour, only say where a group is ("bastión de Los Chapitos") or recall history ("when the
        Zetas lost their leadership after 2012"): groups named only there are not actors of the
        article."""
        latest: dict[int, int] = {}  # sentence -> latest year it names
        for m in ctx.all_of("year"):
            year = int(m.key)
            if 1950 <= year <= 2049 and year > latest.get(m.sentence, 0):
                latest[m.sentence] = year
        reference = reference_year(ctx)
        out = set()
        for i in ctx.sentences_naming_actors():
            if not ctx.actors_in(i):
                continue  # examples only
            # speculative needs a modal or forecast cue (of any language) in the sentence
            modal = ctx.cues(i, "speculation") or ctx.cues(i, "forecast")
            if ctx.cues(i, "designation"):
                # "designated the Sinaloa Cartel a terrorist organization, alongside the CJNG, the
                # Gulf Cartel and Cárteles Unidos": a government's list, nobody acting there
                out.add(i)
            elif modal and cert.of_sentence(ctx, i).level == "speculative":
                out.add(i)
            elif ctx.cues(i, "unconfirmed") and cert.of_sentence(ctx, i).level in ("alleged", "speculative") \
                    or cert.rumour_debunked(ctx, i) or ctx.cues(i, "nonexistence") \
                    or cert.hearsay_blame(ctx, i):
                # a rumour (hearsay nobody confirms is rumour_debunked's), or a claim said to be false
                # ("Es FALSO que el Cártel de Sinaloa y el CJNG hayan iniciado una guerra"), or a blame
                # passed on from social media
                out.add(i)  # a rumour: "habrían recibido armas del CJNG, aunque nadie lo ha confirmado"
            elif ctx.cues(i, "presence") and all(m.key in _WHO_IS_WHO for m in ctx.of(i, "rel")) \
                    and events_mod.classify(ctx, i) is None:
                # only where a group is: "la zona es bastión de la facción de Los Chapitos", "a
                # stronghold of the faction loyal to El Mayo"
                out.add(i)
            elif reference and i in latest and latest[i] <= reference - HISTORY_YEARS:
                out.add(i)
            elif reference and i not in latest and i - 1 in latest and latest[i - 1] <= reference - HISTORY_YEARS \
                    and counts_years_later(ctx.folded, ctx.sentences[i].start, ctx.sentences[i].end):
                out.add(i)  # "In 2008 ... Two years later the Zetas broke away from the Gulf Cartel"
            elif ctx.cues(i, "history") and events_mod.classify(ctx, i) is None:
                out.add(i)  # "hace una década, cuando los Caballeros Templarios dominaban municipios enteros"
        return out

    def _states(self, ctx: DocContext, events) -> list[str]:
        states = {e.place.state for e in events if e.place and e.place.state and e.place.kind != "foreign"}
        for i in ctx.sentences_naming_places():
            # a state counts where a violent sentence that is not speculation names actors and
            # places; the cheap tests come first
            places = ctx.places_in(i)
            if not ctx.actors_in(i):
                continue
            violent = events_mod.classify(ctx, i) is not None or bool(ctx.of(i, "notevent")) or any(
                m.key == "rivalry" for m in ctx.of(i, "rel"))
            if not violent:
                continue
            c = cert.of_sentence(ctx, i)
            if c.level in ("speculative", "denied") or events_mod.recalls_history(ctx, i) or ctx.cues(i, "history"):
                continue  # (nor where a war of 2008 was fought, nor "where the Gulf Cartel splintered a decade ago")
            # not the city a report is filed from, nor where a road leads or the attackers came from
            for p in events_mod.outside_dateline(ctx, i, events_mod.sentence_places(ctx, i)):
                if p.place.kind != "foreign" and p.place.state and not p.bordering:
                    states.add(p.place.state)
        return sorted(states)

    def _candidates(self, ctx: DocContext) -> list[Candidate]:
        found: dict[str, Candidate] = {}
        names = ctx.cache.get("group_names")
        if names is None:
            names = group_names(ctx.text)
        if not names:
            return []
        for m in names:
            s, e = m.span()
            if _names_known(ctx, s, e):
                continue  # a known actor or place reaches into the name
            name = m.group().strip()
            key = norm(name)
            if key in self.pack.actor_index or key in self.pack.place_index:
                continue
            i = ctx.sentence_of(s)
            c = found.setdefault(key, Candidate(name, key, [], ctx.sentences[i].text if ctx.sentences else ""))
            c.spans.append((s, e))
        return [c for c in found.values() if _looks_like_group(c.normalized)]


def _names_known(ctx: DocContext, start: int, end: int) -> bool:
    """A known actor's or place's mention overlaps ``text[start:end]`` (a few names per article
    against a few dozen mentions: plain loops over typed refs)."""
    for a in ctx.actors:
        if a.start < end and start < a.end:
            return True
    for p in ctx.places:
        if p.start < end and start < p.end:
            return True
    return False


_WHO_IS_WHO: Final = frozenset({"faction_of", "leader_of"})  # relations that say what a group is, not what it does
_GROUP_HINT: Final = re.compile(r"^(?:cartel|grupo)\b")


def _looks_like_group(key: str) -> bool:
    return bool(_GROUP_HINT.match(key)) or key.startswith(("los ", "las "))


_DEFAULT: Extractor | None = None


def extract(text: str, published: str | None = None, lang: str | None = None) -> Extraction:
    """Extract with the default knowledge pack (loaded once per process)."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = Extractor()
    return _DEFAULT.extract(text, published=published, lang=lang)
