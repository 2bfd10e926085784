"""Actors resolved to knowledge-pack ids with their role; coreference; examples and
comparisons; unknown names as candidates; misspellings and lowercase text."""
from __future__ import annotations

import pytest

from extract_helpers import actor_ids, events, only_event, relations, sym


def test_faction_of_parent_gives_the_faction_as_actor_and_the_link(run):
    r = run("Gunmen from the Chapitos faction of the Sinaloa Cartel clashed with La Mayiza in "
            "Culiacán, Sinaloa, on Saturday.")
    e = only_event(r)
    assert (e["event_type"], e["sub_event_type"]) == ("Battles", "Armed clash")
    assert set(e["actor_ids"]) == {"los-chapitos", "la-mayiza"}
    assert ("faction_of", "los-chapitos", "sinaloa-cartel") in relations(r)
    kinds = {a["id"]: a["kind"] for a in r["actors"]}
    assert kinds["los-chapitos"] == kinds["sinaloa-cartel"] == "group"


def test_faction_of_only_for_the_group_the_text_calls_a_faction(run):
    r = run("Gunmen from the Chapitos faction of the Sinaloa Cartel clashed with La Mayiza in "
            "Culiacán, Sinaloa, on Saturday.")
    assert ("faction_of", "la-mayiza", "sinaloa-cartel") not in relations(r)


def test_plural_factions_cover_every_faction_the_sentence_names(run):
    r = run("Two factions of the Sinaloa Cartel, La Mayiza and Los Chapitos, are fighting for Culiacán.")
    assert {("faction_of", "la-mayiza", "sinaloa-cartel"), ("faction_of", "los-chapitos", "sinaloa-cartel")} <= relations(r)


def test_feud_named_around_an_incident_keeps_its_parties(run):
    r = run("Gunmen shot dead two men at a market stall in Tepito, Mexico City, in what prosecutors described "
            "as the latest episode in the feud between Unión Tepito and Fuerza Anti-Unión.")
    assert set(only_event(r)["actor_ids"]) == {"union-tepito", "fuerza-anti-union"}


def test_cell_of_a_cartel_is_that_cartel(run):
    r = run("Una célula del CJNG se enfrentó a balazos con policías estatales en Celaya, Guanajuato.")
    e = only_event(r)
    assert "cjng" in e["actor_ids"] and "state-police" in e["actor_ids"]
    assert e["state"] == "MX-GUA"


def test_armed_wing_acts_and_its_parent_only_describes_it(run):
    r = run("Los Viagras, brazo armado de Cárteles Unidos, se enfrentaron con el CJNG en Buenavista, Michoacán.")
    e = only_event(r)
    assert set(e["actor_ids"]) == {"los-viagras", "cjng"}
    assert sym("rivalry", "los-viagras", "cjng") in relations(r)


def test_person_public_name_with_nickname_in_quotes(run):
    r = run("Nemesio “El Mencho” Oseguera Cervantes leads the CJNG, which is fighting the Sinaloa Cartel "
            "in Zacatecas.")
    kinds = {a["id"]: a["kind"] for a in r["actors"]}
    assert kinds["nemesio-oseguera-cervantes"] == "person"
    assert ("leader_of", "nemesio-oseguera-cervantes", "cjng") in relations(r)
    assert sym("rivalry", "cjng", "sinaloa-cartel") in relations(r)


def test_spanish_leader_apposition(run):
    r = run('Según el informe, Ismael "El Mayo" Zambada, líder de La Mayiza, controla el sur de Sinaloa.')
    assert ("leader_of", "ismael-zambada-garcia", "la-mayiza") in relations(r)
    assert {a["id"]: a["kind"] for a in r["actors"]}["ismael-zambada-garcia"] == "person"


def test_the_cartel_points_back_to_the_group_named_before(run):
    r = run("The CJNG ambushed state police in Zinapécuaro, Michoacán, on Sunday. "
            "The cartel later hung banners claiming the attack.")
    banner = events(r, "Strategic developments", "Other")
    assert len(banner) == 1 and banner[0]["actor_ids"] == ["cjng"]
    assert "banner" in banner[0]["tactics"]


def test_la_organizacion_criminal_points_back(run):
    r = run("Hombres armados del Cártel de Santa Rosa de Lima atacaron un bar en Celaya, Guanajuato. "
            "La organización criminal mantiene una guerra con el CJNG.")
    assert events(r)[0]["actor_ids"] == ["csrl"]
    assert sym("rivalry", "csrl", "cjng") in relations(r)


def test_both_factions_points_back_to_the_two_named(run):
    r = run("Los Chapitos y La Mayiza se enfrentaron en Navolato, Sinaloa. "
            "Ambas facciones mantienen una guerra desde septiembre de 2024.")
    assert sym("rivalry", "los-chapitos", "la-mayiza") in relations(r)
    assert len(events(r, "Battles")) == 1


@pytest.mark.parametrize("text", [
    "Criminal groups such as the Gulf Cartel and Los Zetas have long used these highways. "
    "On Sunday, CJNG gunmen clashed with the National Guard in Nuevo Laredo, Tamaulipas.",
    "Grupos como Los Zetas y el Cártel del Golfo usaban esas rutas. "
    "El domingo, sicarios del CJNG se enfrentaron con la Guardia Nacional en Nuevo Laredo, Tamaulipas.",
])
def test_groups_listed_as_examples_are_not_actors(run, text):
    r = run(text)
    e = only_event(r)
    assert set(e["actor_ids"]) == {"cjng", "guardia-nacional"}
    assert not {"gulf-cartel", "los-zetas"} & actor_ids(r)


def test_group_in_a_comparison_is_not_an_actor(run):
    r = run("Like ISIS in Iraq, the CJNG drops explosives from drones; on Friday its gunmen attacked a "
            "village in Tepalcatepec, Michoacán, with drones.")
    e = only_event(r)
    assert e["actor_ids"] == ["cjng"]
    assert "isis" not in actor_ids(r)


def test_trailing_comparison_is_not_an_actor(run):
    r = run("On Friday CJNG gunmen attacked soldiers with drones in Tepalcatepec, Michoacán, as ISIS did in Mosul.")
    assert "isis" not in only_event(r)["actor_ids"]


def test_former_ally_in_apposition_is_not_the_actor(run):
    r = run("El Cártel del Golfo, antiguo aliado de Los Zetas, se enfrentó a la Guardia Nacional en Reynosa, "
            "Tamaulipas.")
    assert set(only_event(r)["actor_ids"]) == {"gulf-cartel", "guardia-nacional"}


def test_unknown_group_names_are_candidates_not_actors(run):
    r = run("Gunmen of a group calling itself Los Xyz attacked a bar in Irapuato, Guanajuato, and the "
            "Cártel de Zzz claimed the attack in a banner.")
    assert {c["name"] for c in r["candidates"]} == {"Los Xyz", "Cártel de Zzz"}
    assert r["actors"] == []
    known = run("Los Viagras atacaron un retén en Apatzingán, Michoacán.")
    assert known["candidates"] == []


@pytest.mark.parametrize("text, group", [
    ("El CNJG atacó con drones a autodefensas en Chinicuila, Michoacán.", "cjng"),
    ("Sicarios del Cartel de Sinoloa asesinaron a cinco personas en Guasave, Sinaloa.", "sinaloa-cartel"),
])
def test_misspelled_names_resolve(run, text, group):
    assert group in only_event(run(text))["actor_ids"]


def test_lowercase_blog_text(run):
    r = run("yesterday cjng gunmen killed 3 people at a taco stand in zamora michoacan, locals said")
    e = only_event(r)
    assert e["actor_ids"] == ["cjng"]
    assert (e["state"], e["place"], e["fatalities"], e["date"]) == ("MX-MIC", "Zamora", 3, "2025-03-13")


def test_lowercase_blog_rival_in_a_side_clause(run):
    r = run("yesterday cjng guys shot up a taco stand in zamora michoacan and killed 3 people, "
            "the sinaloa cartel is their rival")
    e = only_event(r)
    assert e["actor_ids"] == ["cjng"] and e["sub_event_type"] == "Attack"


def test_state_forces_are_state_force_kind(run):
    r = run("Elementos de la Marina aseguraron cinco drones y explosivos en una casa de seguridad en "
            "Culiacán, Sinaloa.")
    kinds = {a["id"]: a["kind"] for a in r["actors"]}
    assert kinds == {"mexican-navy": "state_force"}


def test_foreign_soldiers_are_not_the_mexican_army(run):
    r = run("Members of the Sinaloa Cartel clashed with Guatemalan soldiers in Huehuetenango, Guatemala.")
    assert "mexican-army" not in actor_ids(r)


@pytest.mark.parametrize("text, actor", [
    ("Cuelgan narcomantas de La Barredora en Villahermosa, Tabasco.", "la-barredora-tabasco"),
    ("La Barredora atacó a balazos un bar en Acapulco, Guerrero.", "la-barredora-guerrero"),
])
def test_groups_sharing_a_name_are_told_apart_by_the_states_named(run, text, actor):
    assert only_event(run(text))["actor_ids"] == [actor]


def test_us_agents_are_a_us_agency_and_us_is_not_the_place(run):
    e = only_event(run("Two men were arrested in El Paso, Texas, by U.S. agents on Friday."))
    assert e["actor_ids"] == ["us-government"] and e["place"] == "El Paso"


def test_the_group_points_back_to_the_subject_not_the_object_of_its_accusation(run):
    r = run("Cuelgan narcomantas de La Barredora en Villahermosa, Tabasco.\n\n"
            "En los mensajes, el grupo acusaba al Cártel Jalisco Nueva Generación de asesinar a comerciantes.\n\n"
            "Ese mismo día, la organización criminal colgó otras dos mantas en Cárdenas, Tabasco.")
    banners = events(r, "Strategic developments", "Other")
    assert banners and all(e["actor_ids"] == ["la-barredora-tabasco"] for e in banners)


def test_the_cartel_far_back_is_the_one_group_the_article_names(run):
    text = ("A regional leader of the Sinaloa Cartel was sentenced in San Diego on Tuesday.\n\n"
            "He directed shipments through Baja California for years.\n\n"
            "Prosecutors said he paid officials on both sides of the border.\n\n"
            "He was arrested in 2023.\n\n"
            "The cartel has fought the Tijuana Cartel in Tijuana for more than a decade.")
    assert sym("rivalry", "sinaloa-cartel", "tijuana-cartel") in relations(run(text))


def test_the_cartel_far_back_is_not_guessed_between_two_groups(run):
    text = ("The Sinaloa Cartel and the CJNG both sell fentanyl in the United States.\n\n"
            "Prices fell this year.\n\nSeizures rose.\n\nOfficials were surprised.\n\n"
            "The cartel has fought the Tijuana Cartel in Tijuana for more than a decade.")
    assert not any(r[0] == "rivalry" and "tijuana-cartel" in r[1] for r in relations(run(text)))


@pytest.mark.parametrize("text, group", [
    ("La Barredora colgó mantas en varios puntos de Tabasco, informó la fiscalía.", "la-barredora-tabasco"),
    ("La Barredora colgó mantas en varios puntos de Guerrero, informó la fiscalía.", "la-barredora-guerrero"),
])
def test_a_state_named_by_its_name_tells_homonymous_groups_apart(run, text, group):
    """Municipalities in other states are also called Tabasco and Guerrero; the state's name
    still counts for the state."""
    assert group in [a["id"] for a in run(text)["actors"]]


def test_a_group_noun_followed_by_its_name_is_not_a_back_reference(run):
    r = run("The CJNG wants to take the territory that the cartel of Santa Rosa de Lima has lost in Guanajuato.")
    (cjng,) = [a for a in r["actors"] if a["id"] == "cjng"]
    assert cjng["surface"] == ["CJNG"]


def test_the_two_factions_of_a_cartel_still_refer_back(run):
    r = run("Los Chapitos y La Mayiza pelean Culiacán. Las dos facciones del Cártel de Sinaloa no han pactado una tregua.")
    assert ("faction_of", "los-chapitos", "sinaloa-cartel") in relations(r)


@pytest.mark.parametrize("text, absent", [
    ("Gov. Marina del Pilar Ávila said some suspects were already in custody in Tijuana, Baja California.",
     "mexican-navy"),
    ("El gobernador Cuitláhuac García dijo que un sospechoso fue detenido en Coatzacoalcos, Veracruz.", None),
])
def test_a_name_after_a_title_is_a_person_not_a_force_or_town(run, text, absent):
    record = run(text)
    e = only_event(record)
    if absent:
        assert absent not in e["actor_ids"]
    assert e["place"] != "Cuitláhuac"


def test_groups_said_to_operate_in_a_region_are_no_actors(run):
    record = run("Según la secretaría de seguridad, en la Riviera Maya operan como seis grupos, entre ellos el CJNG y "
                 "el Cártel de Sinaloa.")
    assert not actor_ids(record) & {"cjng", "sinaloa-cartel"}


@pytest.mark.parametrize("text, present", [
    ("Los cuerpos fueron localizados en Culiacán, Sinaloa, a pocos metros de un puente.", False),
    ("Los Metros atacaron a policías en Reynosa, Tamaulipas.", True),
    ("ayer los metros atacaron a policias en reynosa, tamaulipas, y nadie hizo nada la neta.", True),
])
def test_a_group_named_by_a_common_word_needs_a_capital_unless_the_text_has_none(run, text, present):
    assert ("los-metros" in actor_ids(run(text))) == present


def test_the_cartel_points_back_to_the_subject_not_to_the_group_it_fought(run):
    r = run("The Northeast Cartel was formed from the remnants of the Zetas and has for years fought the Gulf "
            "Cartel along the Tamaulipas border. The cartel's armed faction, known as the Tropa del Infierno, "
            "often engages soldiers.")
    assert ("faction_of", "tropa-del-infierno", "cartel-del-noreste") in relations(r)


def test_a_group_noun_in_apposition_is_the_name_before_it(run):
    r = run('Gunmen loyal to Los Chapitos fought for hours with rivals from La Mayiza, the faction that answers '
            'to Ismael "El Mayo" Zambada, in Culiacán, Sinaloa.')
    assert ("leader_of", "ismael-zambada-garcia", "la-mayiza") in relations(r)
    assert ("leader_of", "ismael-zambada-garcia", "los-chapitos") not in relations(r)


@pytest.mark.parametrize("text", [
    "The Northeast Cartel and the Gulf Cartel both smuggle migrants in Tamaulipas. The president is under "
    "pressure to show results against the groups that control the border.",
    "El Cártel del Noreste y el Cártel del Golfo trafican migrantes en Tamaulipas. El gobierno prometió "
    "actuar contra los grupos que controlan la frontera.",
])
def test_plural_group_noun_with_a_restrictive_clause_is_generic(run, text):
    assert not [x for x in relations(run(text)) if x[0] == "rivalry"]


@pytest.mark.parametrize("text", [
    "Fuerza Civil informó que los agresores serían integrantes del Cártel del Noreste. Hay que recordar que "
    "este grupo mantiene una disputa con el Cártel del Golfo por esta zona.",
    "Officials said the gunmen belonged to the Northeast Cartel. This group has been fighting the Gulf Cartel "
    "for the border crossings.",
])
def test_a_demonstrative_group_noun_points_back(run, text):
    assert sym("rivalry", "cartel-del-noreste", "gulf-cartel") in relations(run(text))


@pytest.mark.parametrize("text", [
    "Gunmen of the Sinaloa Cartel killed two men in Culiacán, Sinaloa, on Monday. In February the State Department "
    "designated the Sinaloa Cartel as a foreign terrorist organization, alongside the Gulf Cartel, the Cártel del "
    "Noreste and Cárteles Unidos.",
    "Sicarios del Cártel de Sinaloa asesinaron a dos hombres en Culiacán, Sinaloa, el lunes. En febrero Washington "
    "publicó la designación de ocho organizaciones terroristas extranjeras, entre ellas el Cártel de Sinaloa, el "
    "Cártel del Golfo, el Cártel del Noreste y Cárteles Unidos.",
])
def test_groups_on_a_governments_designation_list_are_not_actors(run, text):
    assert actor_ids(run(text)) & {"sinaloa-cartel", "gulf-cartel", "cartel-del-noreste", "carteles-unidos"} \
        == {"sinaloa-cartel"}


@pytest.mark.parametrize("text, past", [
    ("Gunmen of the CJNG attacked a bar in Coatzacoalcos, Veracruz, on Friday. The port was for years territory of "
     "Los Zetas, who ran the region's drug trade before their organization broke apart.", "los-zetas"),
    ("Sicarios del CJNG atacaron a soldados en Frontera Comalapa, Chiapas, el lunes. Para algunos investigadores, el "
     "mosaico recuerda a la Tierra Caliente de Michoacán hace una década, cuando los Caballeros Templarios "
     "dominaban municipios enteros.", "caballeros-templarios"),
])
def test_groups_named_only_in_recalled_history_are_not_actors(run, text, past):
    ids = actor_ids(run(text))
    assert "cjng" in ids and past not in ids


@pytest.mark.parametrize("text, force", [
    ("Officers of the state Secretaría de Seguridad Ciudadana (SSC) detained three men in Cancún, Quintana Roo, "
     "on Tuesday.", "State police"),
    ("Agentes de la SSC detuvieron a dos hombres en Chetumal, Quintana Roo, el martes.", "State police"),
    ("Agentes de la SSC detuvieron a dos hombres en la alcaldía Iztapalapa, Ciudad de México, el martes.",
     "Mexico City Citizen Security Secretariat"),
])
def test_ssc_is_the_police_secretariat_of_the_state_the_article_is_about(run, text, force):
    assert only_event(run(text))["actors"] == [force]
