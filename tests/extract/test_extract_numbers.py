"""Fatalities: the lowest credible figure, number words in both languages, vague quantities as
numbers.yaml codes them; injuries are not deaths."""
from __future__ import annotations

import pytest

from extract_helpers import only_event


@pytest.mark.parametrize("text, deaths", [
    ("Un ataque armado en un palenque de Tlajomulco, Jalisco, dejó cinco muertos y siete heridos; "
     "la Fiscalía lo atribuyó al CJNG.", 5),
    ("At least a dozen people were killed when CJNG gunmen opened fire at a party in Irapuato, Guanajuato.", 12),
    ("Decenas de personas murieron en enfrentamientos entre el CJNG y Cárteles Unidos en Apatzingán, Michoacán.", 12),
    ("CJNG gunmen killed at least 12 people at a party in Irapuato, Guanajuato; local media put the toll at 15.", 12),
    ("Gunmen killed 4 people and wounded 9 in Celaya, Guanajuato, on Saturday.", 4),
    ("Hombres armados asesinaron a tres hombres e hirieron a doce en León, Guanajuato.", 3),
    ("Sicarios del Cartel de Sinoloa asesinaron a cinco personas en Guasave, Sinaloa.", 5),
    # "dejó sin transporte a miles de trabajadores" is not a toll; the passive participle's count is
    ("Los taxistas de Acapulco, Guerrero, suspendieron el servicio, lo que dejó sin transporte a miles de "
     "trabajadores, después de que fueran asesinados a balazos al menos tres conductores.", 3),
    ("Un ataque armado dejó 10 muertos, 3 de ellos menores, en un bar de Celaya, Guanajuato.", 10),
])
def test_lowest_credible_death_toll(run, text, deaths):
    assert only_event(run(text))["fatalities"] == deaths


def test_injuries_are_not_deaths(run):
    assert only_event(run("Gunmen wounded eight people in an attack on a bar in Celaya, Guanajuato."))["fatalities"] is None


def test_spanish_injury_count_after_dejo_is_not_deaths(run):
    e = only_event(run("Un ataque armado contra un bar de Celaya, Guanajuato, dejó ocho heridos."))
    assert e["fatalities"] is None


def test_range_takes_the_lower_bound(run):
    e = only_event(run("Between 10 and 14 people were killed in a clash between the Sinaloa Cartel and the CJNG in "
                       "Frontera Comalapa, Chiapas."))
    assert e["fatalities"] == 10


def test_years_and_counts_of_other_things_are_not_deaths(run):
    e = only_event(run("Soldiers seized 2025 rounds and three drones in Apatzingán, Michoacán, in 2024."))
    assert e["fatalities"] is None


def test_article_una_after_the_victims_is_not_a_count(run):
    e = only_event(run("Hombres armados asesinaron a seis jóvenes en una fiesta en Salvatierra, Guanajuato, el domingo."))
    assert e["fatalities"] == 6


def test_a_toll_after_the_verb_that_reports_the_deaths(run):
    r = run("Sicarios emboscaron a una patrulla en Apatzingán, Michoacán; murieron dos elementos.")
    assert [e["fatalities"] for e in r["events"]] == [2]
    r = run("Cinco personas murieron en el ataque a un bar de Celaya, Guanajuato.")
    assert [e["fatalities"] for e in r["events"]] == [5]


@pytest.mark.parametrize("text", [
    "A local reporter was shot dead outside a radio station in Acapulco, Guerrero, on Tuesday.",
    "Un regidor de Zitácuaro, Michoacán, fue asesinado a tiros el martes frente a su casa.",
    "Hombres armados mataron a un comerciante en el mercado de Uruapan, Michoacán, el martes.",
])
def test_a_single_victim_without_a_number_is_one_death(run, text):
    assert only_event(run(text))["fatalities"] == 1


def test_a_count_given_for_the_incident_outranks_one_named_victim(run):
    e = only_event(run("Gunmen attacked a bar in Celaya, Guanajuato, on Saturday night; the owner was killed. "
                       "The attack left four dead, prosecutors said."))
    assert e["fatalities"] == 4


def test_victims_in_the_plural_without_a_number_give_no_count(run):
    assert only_event(run("Varios comerciantes fueron asesinados en el centro de Uruapan, Michoacán, el martes."))[
        "fatalities"] != 1


def test_the_dead_of_a_later_shootout_are_not_the_attacks(run):
    r = run("Gunmen opened fire on people at a taco stand in Tlaquepaque, Jalisco, on Saturday, killing at least "
            "nine people. Police chased the attackers and killed three of them in a later shootout.")
    (attack,) = [e for e in r["events"] if e["sub_event_type"] == "Attack"]
    assert attack["fatalities"] == 9


@pytest.mark.parametrize("text, deaths", [
    # a count before "murieron" is the toll; the wounded soldier after it is not a death
    ("Militares repelieron una agresión en Culiacán, Sinaloa; dos de los atacantes murieron y un militar "
     "resultó herido.", 2),
    # machine-translated Spanish: "perdieron la vida", "fueron privados de la vida"
    ("Police repelled an attack in Manzanillo, Colima, in which four of the aggressors lost the life.", 4),
    ("In Manzanillo, Colima, two persons were deprived of the life inside of a home.", 2),
])
def test_counts_before_a_death_verb_and_translated_idioms(run, text, deaths):
    assert only_event(run(text))["fatalities"] == deaths
