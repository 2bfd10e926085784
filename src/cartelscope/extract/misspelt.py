"""Group names written with one letter wrong: "Cartel de Sinoloa", "Cártel Jalsico Nueva Generación".

Blogs, transcripts and machine translations misspell names the knowledge pack knows. A name
that looks like a group's ("Cártel de X", "Grupo X", "Los X": the candidate pattern of the
pipeline) and is one edit (a letter added, dropped, replaced, or two swapped) away from exactly one group's
alias is read as that group. Short names are left alone: one letter turns "Los Zetas" into
"Los Metas". Lookups use the symmetric-deletion index (every alias with one letter deleted),
so each candidate costs a handful of dictionary probes, not a scan of the aliases.
"""
from __future__ import annotations

from typing import Final


from cartelscope.extract.actors import GROUP_KINDS
from cartelscope.extract.textmatch import Entry, Match, first_at_or_after, fold_phrase, furthest_ends
from cartelscope.knowledge import KnowledgePack

MIN_CHARS: Final = 12  # folded length below which a one-letter difference is another name


class MisspeltNames:
    """Resolves near-miss group names against the pack's group aliases."""

    def __init__(self, pack: KnowledgePack):
        self._exact: dict[str, set[str]] = {}
        self._deleted: dict[str, set[str]] = {}
        self._keys: dict[str, list[str]] = {}  # actor id -> its folded aliases
        for actor in pack.actors.values():
            if actor.kind not in GROUP_KINDS:
                continue
            for alias, _ in actor.names():
                key = fold_phrase(alias)
                if len(key) < MIN_CHARS:
                    continue
                self._exact.setdefault(key, set()).add(actor.id)
                self._keys.setdefault(actor.id, []).append(key)
                for variant in _deletions(key):
                    self._deleted.setdefault(variant, set()).add(actor.id)

    def resolve(self, name: str) -> str | None:
        """The one group ``name`` misspells, or None (exact names are the matcher's business;
        a name one letter away from two groups is not guessed)."""
        text = fold_phrase(name)
        if len(text) < MIN_CHARS or text in self._exact:
            return None
        found: set[str] = set()
        found |= self._deleted.get(text, set())  # a letter dropped
        for j in range(len(text) - 1):  # two letters swapped ("Jalsico")
            found |= self._exact.get(text[:j] + text[j + 1] + text[j] + text[j + 2:], set())
        for variant in _deletions(text):
            found |= self._exact.get(variant, set())  # a letter added
            for actor_id in self._deleted.get(variant, ()):  # a letter replaced (checked)
                if any(_one_substitution(text, key) for key in self._keys[actor_id]):
                    found.add(actor_id)
        return next(iter(found)) if len(found) == 1 else None

    def matches(self, candidates: list[tuple[int, int, str]], taken: list[tuple[int, int]]) -> list[Match]:
        """Actor matches for the candidate names ``(start, end, text)`` that no known name
        already covers (``taken``: spans of actor matches, sorted by start)."""
        out = []
        starts = [s for s, _ in taken]
        reach = furthest_ends([e for _, e in taken])  # furthest end among the first k spans
        for start, end, text in candidates:
            k = first_at_or_after(starts, end)  # the spans that start before the name ends
            if k and reach[k - 1] > start:
                continue  # one of them ends inside or after the name: the name is known
            actor_id = self.resolve(text)
            if actor_id is not None:
                out.append(Match(start, end, Entry("actor", actor_id)))
        return out


def _deletions(word: str) -> list[str]:
    return [word[:j] + word[j + 1:] for j in range(len(word))]


def _one_substitution(a: str, b: str) -> bool:
    return len(a) == len(b) and sum(x != y for x, y in zip(a, b)) == 1
