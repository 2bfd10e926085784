"""The bundled pack: every file loads and validates, and its contents meet the issue's list."""
from __future__ import annotations

import json
from collections import defaultdict

import pytest
from typer.testing import CliRunner

from cartelscope.cli import app
from cartelscope.knowledge import models as m
from cartelscope.knowledge import norm
from cartelscope.knowledge.loader import DATA
from cartelscope.knowledge.pack import KNOWN_FILES, KnowledgePack

runner = CliRunner()


def test_every_bundled_file_is_read(pack):
    read = {p.replace(str(DATA) + "/", "") for p in pack.sources}
    assert read == set(KNOWN_FILES)
    on_disk = {p.relative_to(DATA).as_posix() for p in DATA.rglob("*") if p.is_file()}
    assert on_disk == set(KNOWN_FILES), "a data file is neither loaded nor listed"


def test_fresh_load_validates_and_counts(pack):
    fresh = KnowledgePack.load()
    assert len(fresh.actors) == len(pack.actors) >= 150
    assert len(fresh.municipalities) == 2469
    assert len(fresh.localities) > 16000
    kinds = {a.kind for a in pack.actors.values()}
    assert {"cartel", "faction", "cell", "armed_wing", "gang", "self_defense", "state_force",
            "foreign_group", "person", "coalition"} <= kinds


def test_the_32_states_have_iso_and_inegi_codes(pack):
    assert len(pack.states) == 32
    assert sorted(s.inegi for s in pack.states.values()) == [f"{i:02d}" for i in range(1, 33)]
    for s in pack.states.values():
        assert m.ISO_STATE.match(s.iso) and s.name and s.name_en and s.capital
        assert 14 < s.lat < 33 and -118 < s.lon < -86
    assert pack.states["MX-JAL"].inegi == "14"
    for variant, iso in [("Michoacan", "MX-MIC"), ("Edomex", "MX-MEX"), ("Estado de México", "MX-MEX"),
                         ("CDMX", "MX-CMX"), ("Mexico City", "MX-CMX"), ("Nuevo Leon", "MX-NLE")]:
        assert pack.resolve_state(variant) == iso, variant


def test_municipalities_belong_to_their_state(pack):
    inegi_to_iso = {s.inegi: s.iso for s in pack.states.values()}
    for mu in pack.municipalities.values():
        assert inegi_to_iso[mu.inegi[:2]] == mu.state_iso, mu.inegi


def test_municipality_names_shared_by_several_states_list_every_candidate(pack):
    states_by_name = defaultdict(set)
    for mu in pack.municipalities.values():
        states_by_name[norm(mu.name)].add(mu.state_iso)
    shared = {name: st for name, st in states_by_name.items() if len(st) > 1}
    assert len(shared) >= 87
    assert pack.stats()["municipality_names_in_several_states"] == len(shared)
    for name, states in shared.items():
        found = {r["state"] for r in pack.lookup(name) if r["kind"] == "municipality"}
        assert states <= found, name


def test_juarez_lists_the_cartel_and_municipalities_in_several_states(pack):
    rows = pack.lookup("Juárez")
    assert rows[0]["id"] == "juarez-cartel" or "juarez-cartel" in [r["id"] for r in rows]
    municipal_states = {r["state"] for r in rows if r["kind"] == "municipality"}
    assert {"MX-CHH", "MX-MIC", "MX-NLE", "MX-CHP", "MX-COA"} <= municipal_states
    amb = pack.ambiguous_index[norm("Juarez")]
    assert amb.rule and {c.id for c in amb.candidates} >= {"juarez-cartel", "08037", "16046"}


@pytest.mark.parametrize("name, actors, place_states", [
    ("Santa Rosa de Lima", {"csrl"}, {"MX-GUA"}),
    ("Golfo", {"gulf-cartel"}, set()),
    ("La Línea", {"la-linea"}, set()),
    ("Los Zetas", {"los-zetas", "zetas-vieja-escuela", "cartel-del-noreste"}, set()),
])
def test_ambiguous_names_list_all_candidates(pack, name, actors, place_states):
    rows = pack.lookup(name)
    assert actors <= {r["id"] for r in rows if r["type"] == "actor"}
    assert place_states <= {r["state"] for r in rows if r["type"] == "place"}
    amb = pack.ambiguous_index[norm(name)]
    assert amb.rule and all(c.when for c in amb.candidates)


def test_longer_zetas_name_is_its_own_group(pack):
    assert pack.resolve_actor("Zetas Vieja Escuela") == "zetas-vieja-escuela"
    assert pack.resolve_actor("Los Zetas") == "los-zetas"


def test_informal_names_acronyms_and_misspellings(pack):
    for alias, actor in [("Las Cuatro Letras", "cjng"), ("CNJG", "cjng"), ("CGNJ", "cjng"), ("CDS", "sinaloa-cartel"),
                         ("CDG", "gulf-cartel"), ("CDN", "cartel-del-noreste"), ("CSRL", "csrl"),
                         ("La Chapiza", "los-chapitos"), ("Los Menores", "los-chapitos"), ("La Mayiza", "la-mayiza"),
                         ("El Mencho", "nemesio-oseguera-cervantes"), ("SEDENA", "mexican-army"),
                         ("Tren de Aragua", "tren-de-aragua")]:
        assert pack.resolve_actor(alias) == actor, alias
    assert any("Halisco" in a for a in pack.actors["cjng"].aliases.misspellings)


def test_persons_carry_only_public_names_and_groups_led(pack):
    persons = [a for a in pack.actors.values() if a.kind == "person"]
    assert persons
    for p in persons:
        assert p.leads, p.id
        assert not p.members and not p.lineage and p.parent is None, p.id
        for lead in p.leads:
            assert pack.actors[lead.actor].kind != "person", p.id


def test_codebook_has_every_acled_type_and_subtype(pack):
    have = {(t.event_type, t.sub_event_type) for t in pack.event_types}
    want = {(t, s) for t, subs in m.ACLED_TYPES.items() for s in subs}
    assert have == want
    for t in pack.event_types:
        assert t.triggers.get("en") and t.triggers.get("es"), t.sub_event_type
    es = [norm(w) for t in pack.event_types for w in t.triggers["es"]]
    es += [norm(w) for group in pack.trigger_groups.values() for w in group.get("es", [])]
    for phrase in ["enfrentamiento", "balacera", "tiroteo", "emboscada", "ataque con drones", "artefacto explosivo",
                   "mina terrestre", "narcomanta", "levantón", "privación de la libertad", "detienen", "capturan",
                   "abatido", "aseguramiento", "fosa clandestina", "quema de vehículos", "bloqueo carretero"]:
        assert any(_matches(p, norm(phrase)) for p in es), phrase
    rules = {r.id: r for r in pack.rules}
    assert "leader_killed" in rules and rules["leader_killed"].sub_event_type == "Armed clash"
    assert rules["narco_message"].sub_event_type == "Other" and "narco_message" in rules["narco_message"].tags


def _matches(pattern: str, phrase: str) -> bool:
    """The codebook's pattern rule: plain words, a trailing * matches any word ending."""
    if pattern.endswith("*"):
        return phrase.startswith(pattern[:-1]) and " " not in phrase[len(pattern) - 1:]
    return pattern == phrase


def test_tactics_cover_weapons_and_criminal_economy(pack):
    ids = {t.id for t in pack.tactics}
    assert {"drone", "fiber_optic_drone", "ied", "landmine", "grenade", "car_bomb", "armored_vehicle",
            "anti_materiel_rifle", "rpg", "mercenaries", "arson", "blockade", "extortion", "fuel_theft",
            "illegal_mining", "fentanyl", "migrant_smuggling", "arms_trafficking"} <= ids
    words = {t.id: {norm(w) for ws in t.triggers.values() for w in ws} for t in pack.tactics}
    assert "monstruo" in " ".join(words["armored_vehicle"])
    assert "cobro de piso" in words["extortion"]
    assert any("huachicol" in w for w in words["fuel_theft"])


def test_cues_have_every_key_the_extractor_reads(pack):
    for key in ["hedging", "speculation", "forecast", "negation", "denial", "past_relation", "example_list",
                "generic_group_nouns", "faction_nouns", "causes", "clause_joins", "same_time", "presence", "aims", "aims_object", "charges", "blame", "designation", "history"]:
        assert pack.cues[key]["en"] and pack.cues[key]["es"], key
    assert {a["kind"] for a in pack.cues["attribution"]} >= {"officials", "media", "witness"}
    assert set(pack.cues["relations"]) == {"alliance", "rivalry", "faction_of", "split", "leader_of",
                                           "ceasefire", "supplies"}
    for kind, langs in pack.cues["relations"].items():
        assert langs["en"] and langs["es"], kind


def test_speculation_is_modal_and_hedging_is_evidential(pack):
    hedging = {lang: {norm(w) for w in ws} for lang, ws in pack.cues["hedging"].items()}
    speculation = {lang: {norm(w) for w in ws} for lang, ws in pack.cues["speculation"].items()}
    assert {"may", "might", "could", "would", "is expected to"} <= speculation["en"]
    assert {"podria", "podrian", "pudiera", "posiblemente", "es posible que"} <= speculation["es"]
    assert {"reportedly", "allegedly"} <= hedging["en"]
    assert {"presuntamente", "al parecer", "habria", "supuestamente"} <= hedging["es"]
    for lang in ("en", "es"):
        assert not hedging[lang] & speculation[lang], hedging[lang] & speculation[lang]


def test_place_stopwords_are_gazetteer_names_but_no_state_city_or_foreign_place(pack):
    stop = pack.cues["place_stopwords"]
    assert isinstance(stop, list) and len(stop) > 50
    assert {"Reforma", "Progreso", "Libertad", "Esperanza"} <= set(stop)
    assert "Victoria" not in stop
    for word in stop:
        refs = pack.place_index.get(norm(word))
        assert refs, f"{word!r} is not a place name in the pack"
        assert not {r.kind for r in refs} & {"state", "foreign", "region"}, word


def test_numbers_cover_both_languages(pack):
    words = pack.numbers["number_words"]
    assert words["en"]["five"] == 5 and words["es"]["cinco"] == 5
    vague = pack.numbers["vague_quantities"]
    assert "decenas" in vague["es"] and any("dozen" in k for k in vague["en"])
    assert pack.numbers["bounds"]["at_least"]["en"]
    assert "muertos" in [norm(w) for w in pack.numbers["fatality_nouns"]["es"]]


def test_cli_stats_prints_integer_counts():
    result = runner.invoke(app, ["knowledge", "stats", "--format", "json"])
    assert result.exit_code == 0, result.output
    stats = json.loads(result.output)
    for key in ("actors", "states", "municipalities", "localities"):
        assert isinstance(stats[key], int) and stats[key] > 0, key
    assert stats["states"] == 32 and stats["municipalities"] == 2469


def test_cli_lookup_prints_candidates_best_first():
    result = runner.invoke(app, ["knowledge", "lookup", "Juárez", "--format", "json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)
    assert isinstance(rows, list) and len(rows) >= 6
    for r in rows:
        assert {"id", "name", "kind"} <= set(r)
        if r["type"] == "place":
            assert "state" in r
    assert rows[0]["id"] == "juarez-cartel"
    assert runner.invoke(app, ["knowledge", "lookup", "Zzyzx Nowhere", "--format", "json"]).exit_code == 1
