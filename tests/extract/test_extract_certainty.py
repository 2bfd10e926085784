"""Certainty: speculation is never an event, alleged events are kept and marked, denials give
no event, and the source of a claim is recorded."""
from __future__ import annotations

import pytest

from extract_helpers import only_event


@pytest.mark.parametrize("text", [
    "Analysts warn that the CJNG may adopt drone attacks against the Army in Zacatecas.",
    "El CJNG podría atacar con drones a la Guardia Nacional en Zacatecas, advirtieron especialistas.",
    "The CJNG is expected to expand its drone attacks in Michoacán next year, experts said.",
])
def test_speculation_is_never_an_event(run, text):
    r = run(text)
    assert r["events"] == [] and r["states"] == []
    assert r["hedged"] is True


def test_factual_report_is_not_hedged(run):
    assert run("CJNG gunmen killed four men in Uruapan, Michoacán, on Monday.")["hedged"] is False


@pytest.mark.parametrize("text", [
    "Presuntos integrantes del CJNG asesinaron a cuatro hombres en Uruapan, Michoacán, informó la Fiscalía.",
    "Hombres armados presuntamente del CJNG asesinaron a cuatro hombres en Uruapan, Michoacán.",
    "Sicarios del CJNG habrían asesinado a cuatro hombres en Uruapan, Michoacán.",
    "Reportedly, CJNG gunmen attacked a bar in Uruapan, Michoacán, killing four men.",
])
def test_alleged_events_are_kept_and_marked(run, text):
    e = only_event(run(text))
    assert e["certainty"] == "alleged"
    assert (e["state"], e["place"]) == ("MX-MIC", "Uruapan")


@pytest.mark.parametrize("text", [
    "CJNG gunmen reportedly killed four men in Uruapan, Michoacán, on Monday.",
    "CJNG gunmen allegedly killed four men in Uruapan, Michoacán, on Monday.",
])
def test_hedge_before_the_verb_keeps_the_event(run, text):
    assert only_event(run(text))["certainty"] == "alleged"


@pytest.mark.parametrize("text", [
    "The CJNG denied in a banner that it had attacked a family in Uruapan, Michoacán.",
    "El CJNG negó mediante una manta haber asesinado a una familia en Uruapan, Michoacán.",
    "The Sinaloa Cartel did not attack the convoy in Culiacán, Sinaloa, officials said.",
])
def test_denials_and_negations_give_no_event(run, text):
    assert run(text)["events"] == []


@pytest.mark.parametrize("text, source", [
    ("Presuntos integrantes del CJNG asesinaron a cuatro hombres en Uruapan, Michoacán, informó la Fiscalía.",
     "officials"),
    ("According to local media, CJNG gunmen killed four men in Uruapan, Michoacán.", "media"),
    ("Narco-banners signed by the CJNG appeared on bridges in Celaya, Guanajuato, on Tuesday.", "group"),
])
def test_attribution_is_recorded(run, text, source):
    e = only_event(run(text))
    assert e["attribution"] == source
    assert e["certainty"] in ("reported", "alleged")


def test_attributing_agency_is_not_an_event_actor(run):
    e = only_event(run("Presuntos integrantes del CJNG asesinaron a cuatro hombres en Uruapan, Michoacán, "
                       "informó la Fiscalía."))
    assert e["actor_ids"] == ["cjng"]


@pytest.mark.parametrize("text", [
    # "ataque" and "bloque" end in "que" but are no relative pronoun: the modal still speculates
    "Un ataque podría servir de pretexto para que el CJNG lance una ofensiva con drones contra el Ejército "
    "en Apatzingán, Michoacán.",
    "El bloque podría servir para que el CJNG ataque a soldados en Apatzingán, Michoacán.",
])
def test_modal_after_a_word_ending_in_que_is_speculation(run, text):
    r = run(text)
    assert r["events"] == [] and r["hedged"] is True


def test_what_seized_material_could_be_used_for_does_not_hedge_the_report(run):
    r = run("Soldiers seized drones that could be used to attack towns in Apatzingán, Michoacán.")
    assert only_event(r)["sub_event_type"] == "Disrupted weapons use"
    assert r["hedged"] is False
