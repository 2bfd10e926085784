"""The knowledge pack: actors, places, codebook, tactics, cues and numbers, indexed for lookup."""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cartelscope.errors import KnowledgeError
from cartelscope.knowledge import models as m
from pydantic import ValidationError

from cartelscope.knowledge.loader import DATA, _describe, merge, parse_entries, read_csv, read_yaml
from cartelscope.knowledge.normalize import norm

PLACES = "places"


def _split(value: str | None) -> list[str]:
    return [v.strip() for v in (value or "").split("|") if v.strip()]


def _float(row: dict, col: str, required: bool = False) -> float | None:
    value = (row.get(col) or "").strip()
    if not value:
        if required:
            raise ValueError(f"{col} is empty")
        return None
    try:
        return float(value)
    except ValueError:
        raise ValueError(f"{col} {value!r} is not a number") from None


def _municipality(row: dict) -> m.Municipality:
    data = {"inegi": (row["inegi"] or "").strip(), "name": (row["name"] or "").strip(),
            "state_iso": (row["state_iso"] or "").strip(), "lat": _float(row, "lat"), "lon": _float(row, "lon"),
            "variants": _split(row.get("variants"))}
    if not data["name"]:
        raise ValueError("name is empty")
    try:
        return m.Municipality.model_validate(data)
    except ValidationError as exc:
        raise ValueError(_describe(exc)) from None


def _locality(row: dict) -> m.Locality:
    ident, name = (row["id"] or "").strip(), (row["name"] or "").strip()
    if not ident or not name:
        raise ValueError("id and name must not be empty")
    muni = m.inegi_municipality(row["municipality_inegi"].strip()) if row.get("municipality_inegi") else None
    state = m.iso_state(row["state_iso"].strip()) if row.get("state_iso") else None
    pop = (row.get("population") or "0").strip() or "0"
    if not pop.isdigit():
        raise ValueError(f"population {pop!r} is not a whole number")
    return m.Locality(ident, name, muni, state, _float(row, "lat", True), _float(row, "lon", True), int(pop),
                      (row.get("source") or "").strip() or None)


MUNICIPALITY_COLUMNS = ("inegi", "name", "state_iso", "lat", "lon")
LOCALITY_COLUMNS = ("id", "name", "municipality_inegi", "state_iso", "lat", "lon")
# The files a knowledge folder may hold; anything else ending in .yaml/.yml/.csv is a mistake.
KNOWN_FILES = frozenset({"actors.yaml", "ambiguous.yaml", "codebook.yaml", "tactics.yaml", "cues.yaml",
                         "numbers.yaml", f"{PLACES}/states.yaml", f"{PLACES}/municipalities.csv",
                         f"{PLACES}/localities.csv", f"{PLACES}/regions.yaml", f"{PLACES}/foreign.yaml"})


@dataclass
class PlaceRef:
    """An index entry: a place a name can mean."""

    kind: str  # state | municipality | locality | region | foreign
    id: str
    name: str
    state: str | None
    country: str
    weight: float = 0.0


@dataclass
class KnowledgePack:
    actors: dict[str, m.Actor] = field(default_factory=dict)
    ambiguous: list[m.Ambiguity] = field(default_factory=list)
    states: dict[str, m.State] = field(default_factory=dict)
    municipalities: dict[str, m.Municipality] = field(default_factory=dict)
    localities: list[m.Locality] = field(default_factory=list)
    regions: dict[str, m.Region] = field(default_factory=dict)
    foreign: dict[str, m.ForeignPlace] = field(default_factory=dict)
    event_types: list[m.EventType] = field(default_factory=list)
    rules: list[m.Rule] = field(default_factory=list)
    trigger_groups: dict[str, dict[str, list[str]]] = field(default_factory=dict)
    not_event_cues: dict[str, list[str]] = field(default_factory=dict)
    # phrases that contain a trigger word but are no incident ("captured on video")
    false_friends: dict[str, list[str]] = field(default_factory=dict)
    tactics: list[m.Tactic] = field(default_factory=list)
    cues: dict[str, Any] = field(default_factory=dict)
    numbers: dict[str, Any] = field(default_factory=dict)
    sources: list[str] = field(default_factory=list)
    # indexes
    actor_index: dict[str, list[str]] = field(default_factory=dict)
    acronym_index: dict[str, list[str]] = field(default_factory=dict)
    place_index: dict[str, list[PlaceRef]] = field(default_factory=dict)
    ambiguous_index: dict[str, m.Ambiguity] = field(default_factory=dict)
    _loc_by_id: dict[str, m.Locality] = field(default_factory=dict, repr=False)

    # -- building ------------------------------------------------------------------------
    @classmethod
    def load(cls, user: Path | None = None) -> "KnowledgePack":
        pack = cls()
        for folder in [DATA, user] if user else [DATA]:
            pack._load_folder(folder, override=folder is not DATA)
        pack._validate()
        pack._index()
        return pack

    def _load_folder(self, folder: Path, override: bool) -> None:
        def exists(name: str) -> Path | None:
            p = folder / name
            return p if p.exists() else None

        if override:
            _check_file_names(folder)
        if p := exists("actors.yaml"):
            new = parse_entries(p, read_yaml(p), m.Actor, "actor")
            self.actors = {a.id: a for a in merge(list(self.actors.values()), new, "id", p)}
            self.sources.append(str(p))
        if p := exists("ambiguous.yaml"):
            new = parse_entries(p, read_yaml(p), m.Ambiguity, "ambiguous name")
            self.ambiguous = merge(self.ambiguous, new, "name", p)
            self.sources.append(str(p))
        if p := exists(f"{PLACES}/states.yaml"):
            new = parse_entries(p, read_yaml(p), m.State, "state")
            self.states = {s.iso: s for s in merge(list(self.states.values()), new, "iso", p)}
            self.sources.append(str(p))
        if p := exists(f"{PLACES}/municipalities.csv"):
            new = read_csv(p, MUNICIPALITY_COLUMNS, self._known_state(_municipality))
            self.municipalities = {x.inegi: x for x in merge(list(self.municipalities.values()), new, "inegi", p)}
            self.sources.append(str(p))
        if p := exists(f"{PLACES}/localities.csv"):
            self.localities = merge(self.localities, read_csv(p, LOCALITY_COLUMNS, self._known_state(_locality)),
                                    "id", p)
            self.sources.append(str(p))
        if p := exists(f"{PLACES}/regions.yaml"):
            new = parse_entries(p, read_yaml(p), m.Region, "region")
            self.regions = {r.id: r for r in merge(list(self.regions.values()), new, "id", p)}
            self.sources.append(str(p))
        if p := exists(f"{PLACES}/foreign.yaml"):
            new = parse_entries(p, read_yaml(p), m.ForeignPlace, "foreign place")
            self.foreign = {f.id: f for f in merge(list(self.foreign.values()), new, "id", p)}
            self.sources.append(str(p))
        if p := exists("codebook.yaml"):
            data = read_yaml(p) or {}
            if not isinstance(data, dict):
                raise KnowledgeError(f"{p}: expected a mapping with event_types, rules, trigger_groups")
            types = parse_entries(p, data.get("event_types"), m.EventType, "event type")
            for et in types:
                try:
                    m.check_acled(et.event_type, et.sub_event_type)
                except ValueError as exc:
                    raise KnowledgeError(f"{p}:{et.line}: {exc}") from None
            key = lambda t: (t.event_type, t.sub_event_type)  # noqa: E731
            merged = {key(t): t for t in self.event_types}
            merged.update({key(t): t for t in types})
            self.event_types = list(merged.values())
            self.rules = merge(self.rules, parse_entries(p, data.get("rules"), m.Rule, "rule"), "id", p)
            for name, phrases in (data.get("trigger_groups") or {}).items():
                if name == "__line__":
                    continue
                self.trigger_groups[name] = _phrases(p, name, phrases)
            if data.get("not_event_cues"):
                self.not_event_cues = _phrases(p, "not_event_cues", data["not_event_cues"])
            if data.get("false_friends"):
                self.false_friends = _phrases(p, "false_friends", data["false_friends"])
            self.sources.append(str(p))
        if p := exists("tactics.yaml"):
            data = read_yaml(p) or {}
            self.tactics = merge(self.tactics, parse_entries(p, data.get("tactics"), m.Tactic, "tactic"), "id", p)
            self.sources.append(str(p))
        for name, target in (("cues.yaml", self.cues), ("numbers.yaml", self.numbers)):
            if p := exists(name):
                data = read_yaml(p) or {}
                if not isinstance(data, dict):
                    raise KnowledgeError(f"{p}: expected a mapping")
                for k, v in data.items():
                    if k in ("__line__", "version"):
                        continue
                    target[k] = _strip(v)
                self.sources.append(str(p))
        stop = self.cues.get("place_stopwords")
        if isinstance(stop, dict):  # en/es lists in the file; one flat list for matching
            self.cues["place_stopwords"] = [w for words in stop.values() for w in (words or [])]

    def _known_state(self, build):
        """Wrap a CSV row builder so a state code the pack does not know is a row error."""
        def checked(row: dict):
            entry = build(row)
            if self.states and entry.state_iso and entry.state_iso not in self.states:
                raise ValueError(f"state_iso {entry.state_iso!r} is not one of the 32 states")
            return entry
        return checked

    def _validate(self) -> None:
        def where(obj) -> str:
            return f"{obj.__dict__.get('_file', 'actors.yaml')}:{getattr(obj, 'line', '?')}"

        for a in self.actors.values():
            refs = [a.parent] if a.parent else []
            refs += [x.actor for x in a.lineage] + [x.actor for x in a.leads] + list(a.members)
            for ref in refs:
                if ref not in self.actors:
                    raise KnowledgeError(f"{where(a)}: actor {a.id!r} refers to unknown actor {ref!r}")
            if a.parent and not a.parent_relation:
                raise KnowledgeError(f"{where(a)}: actor {a.id!r} has a parent but no parent_relation")
            if a.kind == "coalition" and not a.members:
                raise KnowledgeError(f"{where(a)}: coalition {a.id!r} lists no members")
            if self.states:
                for s in a.states:
                    if s not in self.states:
                        raise KnowledgeError(f"{where(a)}: actor {a.id!r} names unknown state {s!r}")
        ambiguous = {norm(x.name) for x in self.ambiguous}
        owner: dict[str, str] = {}
        for a in self.actors.values():
            for alias, _kind in a.names():
                key = norm(alias)
                if not key:
                    raise KnowledgeError(f"{where(a)}: actor {a.id!r} has an empty alias")
                prev = owner.get(key)
                if prev and prev != a.id and key not in ambiguous:
                    raise KnowledgeError(
                        f"{where(a)}: alias {alias!r} of {a.id!r} already belongs to {prev!r};"
                        " list it in ambiguous.yaml if both are meant"
                    )
                owner.setdefault(key, a.id)
        for amb in self.ambiguous:
            for c in amb.candidates:
                if c.type == "actor" and c.id not in self.actors:
                    raise KnowledgeError(f"{where(amb)}: ambiguous {amb.name!r} names unknown actor {c.id!r}")
                if c.type == "place" and not self._place_ref(c.id):
                    raise KnowledgeError(f"{where(amb)}: ambiguous {amb.name!r} names unknown place {c.id!r}")
        seen_rules = {(t.event_type, t.sub_event_type) for t in self.event_types}
        for r in self.rules:
            if (r.event_type, r.sub_event_type) not in seen_rules:
                raise KnowledgeError(f"{where(r)}: rule {r.id!r} maps to unknown type "
                                     f"{r.event_type} / {r.sub_event_type}")
            for g in [*r.requires_all, *r.requires_none]:
                if g not in self.trigger_groups:
                    raise KnowledgeError(f"{where(r)}: rule {r.id!r} needs unknown trigger group {g!r}")

    def _index(self) -> None:
        actor_index: dict[str, list[str]] = defaultdict(list)
        acronym_index: dict[str, list[str]] = defaultdict(list)
        for a in self.actors.values():
            for alias, kind in a.names():
                target = acronym_index if kind == "acronyms" else actor_index
                key = alias if kind == "acronyms" else norm(alias)
                if a.id not in target[key]:
                    target[key].append(a.id)
                if kind == "acronyms" and a.id not in actor_index[norm(alias)]:
                    actor_index[norm(alias)].append(a.id)
        self.actor_index = dict(actor_index)
        self.acronym_index = dict(acronym_index)
        index: dict[str, list[PlaceRef]] = defaultdict(list)
        for s in self.states.values():
            ref = PlaceRef("state", s.iso, s.name, s.iso, "MX", 3.0)
            for n in {s.name, s.name_en or s.name, *s.variants}:
                index[norm(n)].append(ref)
        for mu in self.municipalities.values():
            ref = PlaceRef("municipality", mu.inegi, mu.name, mu.state_iso, "MX", 2.0)
            for n in {mu.name, *mu.variants}:
                index[norm(n)].append(ref)
        for loc in self.localities:
            ref = PlaceRef("locality", loc.id, loc.name, loc.state_iso, "MX", 1.0 + min(loc.population, 10**7) / 10**7)
            index[norm(loc.name)].append(ref)
        for r in self.regions.values():
            ref = PlaceRef("region", r.id, r.name, r.states[0] if len(r.states) == 1 else None, "MX", 2.5)
            for n in {r.name, *r.variants}:
                index[norm(n)].append(ref)
        for f in self.foreign.values():
            ref = PlaceRef("foreign", f.id, f.name, None, f.country, 2.0)
            for n in {f.name, *f.variants}:
                index[norm(n)].append(ref)
        self.place_index = dict(index)
        self.ambiguous_index = {norm(a.name): a for a in self.ambiguous}

    # -- queries -------------------------------------------------------------------------
    def actor(self, actor_id: str) -> m.Actor:
        return self.actors[actor_id]

    def resolve_actor(self, name: str) -> str | None:
        """Best actor id for a name, id or alias (for CLI filters); None when unknown."""
        if name in self.actors:
            return name
        ids = self.acronym_index.get(name) or self.actor_index.get(norm(name))
        return ids[0] if ids else None

    def resolve_state(self, name: str) -> str | None:
        if name.upper() in self.states:
            return name.upper()
        for ref in self.place_index.get(norm(name), []):
            if ref.kind == "state":
                return ref.id
        return None

    def lookup(self, name: str) -> list[dict]:
        """Every actor or place the string can mean, best first."""
        key = norm(name)
        results: list[tuple[float, dict]] = []
        seen = set()
        ids = list(self.acronym_index.get(name.strip(), [])) + list(self.actor_index.get(key, []))
        amb = self.ambiguous_index.get(key)
        if amb:
            ids += [c.id for c in amb.candidates if c.type == "actor"]
        for i, actor_id in enumerate(ids):
            if actor_id in seen:
                continue
            seen.add(actor_id)
            a = self.actors[actor_id]
            results.append((10.0 - i * 0.01, {"id": a.id, "name": a.name, "kind": a.kind, "type": "actor",
                                              "parent": a.parent}))
        refs = list(self.place_index.get(key, []))
        if amb:
            for c in amb.candidates:
                if c.type == "place":
                    refs.extend(self._place_ref(c.id))
        for ref in refs:
            if (ref.kind, ref.id) in seen:
                continue
            seen.add((ref.kind, ref.id))
            results.append((ref.weight, {"id": ref.id, "name": ref.name, "kind": ref.kind, "type": "place",
                                         "state": ref.state, "country": ref.country}))
        results.sort(key=lambda x: -x[0])
        return [r for _, r in results]

    def _place_ref(self, place_id: str) -> list[PlaceRef]:
        """The index entry of a place id: municipality, state, foreign place, region or locality."""
        if place_id in self.municipalities:
            mu = self.municipalities[place_id]
            return [PlaceRef("municipality", mu.inegi, mu.name, mu.state_iso, "MX", 2.0)]
        if place_id in self.states:
            s = self.states[place_id]
            return [PlaceRef("state", s.iso, s.name, s.iso, "MX", 3.0)]
        if place_id in self.foreign:
            f = self.foreign[place_id]
            return [PlaceRef("foreign", f.id, f.name, None, f.country, 2.0)]
        if place_id in self.regions:
            r = self.regions[place_id]
            return [PlaceRef("region", r.id, r.name, r.states[0] if len(r.states) == 1 else None, "MX", 2.5)]
        loc = self._locality_ids().get(place_id)
        if loc is not None:
            return [PlaceRef("locality", loc.id, loc.name, loc.state_iso, "MX", 1.0)]
        return []

    def _locality_ids(self) -> dict[str, m.Locality]:
        if len(self._loc_by_id) != len(self.localities):
            self._loc_by_id = {loc.id: loc for loc in self.localities}
        return self._loc_by_id

    def locality(self, locality_id: str) -> m.Locality | None:
        """The locality with this GeoNames id, or None."""
        return self._locality_ids().get(locality_id)

    def stats(self) -> dict[str, Any]:
        by_kind = Counter(a.kind for a in self.actors.values())
        alias_lang = Counter()
        for a in self.actors.values():
            for _alias, kind in a.aliases.all():
                alias_lang[kind] += 1
        triggers = {}
        for t in self.event_types:
            triggers[f"{t.event_type} / {t.sub_event_type}"] = {lang: len(v) for lang, v in t.triggers.items()}
        shared = defaultdict(set)
        for mu in self.municipalities.values():
            shared[norm(mu.name)].add(mu.state_iso)
        return {
            "actors": len(self.actors),
            "actors_by_kind": dict(sorted(by_kind.items())),
            "aliases": sum(alias_lang.values()),
            "aliases_by_list": dict(sorted(alias_lang.items())),
            "ambiguous_names": len(self.ambiguous),
            "states": len(self.states),
            "municipalities": len(self.municipalities),
            "municipality_names_in_several_states": sum(1 for v in shared.values() if len(v) > 1),
            "localities": len(self.localities),
            "regions": len(self.regions),
            "foreign_places": len(self.foreign),
            "event_types": len(self.event_types),
            "rules": len(self.rules),
            "triggers": triggers,
            "tactics": len(self.tactics),
            "files": len(self.sources),
        }


def _strip(v: Any) -> Any:
    if isinstance(v, dict):
        return {k: _strip(x) for k, x in v.items() if k != "__line__"}
    if isinstance(v, list):
        return [_strip(x) for x in v]
    return v


def _phrases(path: Path, name: str, value: Any) -> dict[str, list[str]]:
    value = _strip(value)
    if not isinstance(value, dict) or not all(isinstance(v, list) for v in value.values()):
        raise KnowledgeError(f"{path}: trigger group {name!r} must map languages to phrase lists")
    return {lang: [str(p) for p in phrases] for lang, phrases in value.items()}


def _check_file_names(folder: Path) -> None:
    """A user folder may only hold the pack's file names: a misspelt file would be silently ignored."""
    for p in sorted(folder.rglob("*")):
        rel = p.relative_to(folder).as_posix()
        if p.is_file() and p.suffix.lower() in (".yaml", ".yml", ".csv") and rel not in KNOWN_FILES:
            raise KnowledgeError(f"{p}: not a knowledge file name; expected one of {', '.join(sorted(KNOWN_FILES))}")
