"""Compiles a knowledge pack into one phrase matcher (see :mod:`textmatch`).

Each phrase becomes an :class:`Entry` with a category:

``actor`` (key: actor id), ``place`` (key: normalised name, looked up in the pack's place index),
``ambiguous`` (key: normalised name), ``trigger`` (key: "Event type|Sub-event type"),
``group`` (a codebook trigger group), ``notevent``, ``tactic`` (key: tactic id), ``cue`` (key:
cue list name, e.g. ``hedging``, ``attribution:officials``), ``rel`` (key: relation kind),
``num`` (key: integer value), ``vague`` (key: integer value),
``fatal``, ``injury``, ``fatalverb``, ``onedeath``, ``year`` (key: a year from 1900 to 2099 written as a word),
``dateword`` (key: a word some date pattern needs, see ``dates.DATE_WORDS``).
Language detection's function words are counted in the same pass, not matched.
"""
from __future__ import annotations

from typing import Final

from cartelscope.extract.dates import DATE_WORDS, MONTHS
from cartelscope.extract.textmatch import Entry, PhraseMatcher, fold_phrase
from cartelscope.ingest.text import FUNCTION_WORD_LANGUAGE, LANGUAGES
from cartelscope.knowledge import KnowledgePack, norm

# Locality names that are everyday words in news text; they still resolve through states,
# municipalities and explicit "Name, State" patterns, but never on their own.
MIN_LOCALITY_CHARS: Final = 4

_CACHE: Final[dict[int, tuple[KnowledgePack, PhraseMatcher]]] = {}


def _lang_lists(value) -> list[tuple[str | None, list[str]]]:
    if isinstance(value, dict):
        return [(lang if lang in ("en", "es") else None, list(v or [])) for lang, v in value.items()
                if isinstance(v, list)]
    if isinstance(value, list):
        return [(None, value)]
    return []


def _case_sensitive_acronym(alias: str) -> bool:
    return len(alias) <= 3 or not alias.isupper()


def _with_contractions(phrases) -> list[str]:
    """Spanish relation cues that end in "a" or "de" also in their contracted form before a
    masculine name ("combate a" -> "combate al", "aliado de" -> "aliado del"), so the list
    need not spell both."""
    out = list(phrases)
    for p in phrases:
        if p.endswith((" a", " de")):
            out.append(p + "l")
    return out


def _translated_cartel_names(pack: KnowledgePack) -> dict[str, str]:
    """"Cartel of the Gulf", "Cartel New Plaza": Spanish word order carried into English by
    machine translation, for every "X Cartel" name the pack knows and no other actor already
    uses."""
    out: dict[str, str] = {}
    for actor in pack.actors.values():
        for alias, _ in actor.names():
            words = alias.split()
            named = words[:-1]
            if len(words) >= 2 and words[-1].lower() == "cartel" and "'" not in alias and all(
                    w[0].isupper() or w in ("de", "del", "la", "las", "los") for w in named):
                place = " ".join(named)
                for phrase in (f"Cartel of {place}", f"Cartel of the {place}", f"Cartel {place}"):
                    if norm(phrase) not in pack.actor_index:
                        out.setdefault(phrase, actor.id)
    return out


def build(pack: KnowledgePack) -> PhraseMatcher:
    """The matcher for ``pack``; cached for the pack's lifetime."""
    hit = _CACHE.get(id(pack))
    if hit and hit[0] is pack:
        return hit[1]
    pm = PhraseMatcher()
    for actor in pack.actors.values():
        for alias, kind in actor.names():
            if kind == "acronyms" and _case_sensitive_acronym(alias):
                pm.add(alias, Entry("actor", actor.id, None, alias))
            else:
                pm.add(alias, Entry("actor", actor.id))
    for phrase, actor_id in _translated_cartel_names(pack).items():
        pm.add(phrase, Entry("actor", actor_id))
    for amb in pack.ambiguous:
        pm.add(amb.name, Entry("ambiguous", norm(amb.name)))
    stop = {fold_phrase(w) for w in pack.cues.get("place_stopwords", [])}
    for key, refs in pack.place_index.items():
        if key in stop:
            continue
        kinds = {r.kind for r in refs}
        if kinds == {"locality"} and len(key) < MIN_LOCALITY_CHARS:
            continue
        pm.add(key, Entry("place", key))
    for t in pack.event_types:
        for lang, phrases in _lang_lists(t.triggers):
            pm.add_all(phrases, Entry("trigger", f"{t.event_type}|{t.sub_event_type}", lang))
    for name, group_phrases in pack.trigger_groups.items():
        for lang, ps in _lang_lists(group_phrases):
            for phrase in ps:
                # "march" the protest, not "March 14": a word that is also a month is matched
                # only as written in lower case
                exact = phrase if phrase in MONTHS else None
                pm.add(phrase, Entry("group", name, lang, exact))
    for lang, ps in _lang_lists(pack.not_event_cues):
        pm.add_all(ps, Entry("notevent", "", lang))
    for lang, ps in _lang_lists(pack.false_friends):
        pm.add_all(ps, Entry("falsefriend", "", lang))
    for tactic in pack.tactics:
        for lang, ps in _lang_lists(tactic.triggers):
            pm.add_all(ps, Entry("tactic", tactic.id, lang))
    for name, value in pack.cues.items():
        if name == "relations":
            for kind, kind_phrases in value.items():
                for lang, ps in _lang_lists(kind_phrases):
                    pm.add_all(_with_contractions(ps) if lang == "es" else ps, Entry("rel", kind, lang))
        elif name == "attribution" and isinstance(value, list):
            for item in value:
                for lang, ps in _lang_lists({k: v for k, v in item.items() if k in ("en", "es")}):
                    pm.add_all(ps, Entry("cue", f"attribution:{item.get('kind', 'other')}", lang))
        elif name != "place_stopwords":
            for lang, ps in _lang_lists(value):
                for p in ps:
                    # a modal that is also a month ("may", "In May 2024") matches only in lower case
                    exact = p if p in MONTHS else None
                    pm.add(p, Entry("cue", name, lang, exact))
    nums = pack.numbers
    for lang, table in (nums.get("number_words") or {}).items():
        for word, value in (table or {}).items():
            pm.add(str(word), Entry("num", str(value), lang))
    for lang, table in (nums.get("vague_quantities") or {}).items():
        for word, value in (table or {}).items():
            pm.add(str(word), Entry("vague", str(value), lang))
    # numbers.yaml's ``bounds`` ("at least", "more than") record how a count is coded; the count
    # is the number stated either way, so they are not matched
    for year in range(1900, 2100):  # years as words, for dates and for telling history from news
        pm.add(str(year), Entry("year", str(year)))
    for word in DATE_WORDS:  # month and weekday names, "ayer", "week": which date patterns can match
        pm.add(word, Entry("dateword", word))
    for cat, key in (("fatal", "fatality_nouns"), ("injury", "injury_nouns"), ("fatalverb", "fatality_verbs"),
                     ("onedeath", "single_death")):
        for lang, ps in _lang_lists(nums.get(key)):
            pm.add_all(ps, Entry(cat, "", lang))
    # language detection's function words, counted by language in the same pass
    pm.count_words({word: LANGUAGES.index(lang) for word, lang in FUNCTION_WORD_LANGUAGE.items()})
    pm.build()
    _CACHE[id(pack)] = (pack, pm)
    return pm
