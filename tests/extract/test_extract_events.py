"""Events in the ACLED typology, one per distinct incident, with the mapping rules of the
shared judgment guide (../shared/eval/README.md)."""
from __future__ import annotations

import pytest

from extract_helpers import events, only_event, relations, sym


@pytest.mark.parametrize("text, force", [
    ("Soldiers of the Mexican Army seized three drones loaded with explosives in Apatzingán, Michoacán, on Oct. 2.",
     "mexican-army"),
    ("Elementos de la Marina aseguraron cinco drones y explosivos en una casa de seguridad en Culiacán, Sinaloa.",
     "mexican-navy"),
])
def test_drone_seizure_is_disrupted_weapons_use(run, text, force):
    e = only_event(run(text))
    assert (e["event_type"], e["sub_event_type"]) == ("Strategic developments", "Disrupted weapons use")
    assert e["actor_ids"] == [force] and "drone" in e["tactics"]


@pytest.mark.parametrize("text, force, group, state", [
    ("Marines killed a regional leader of the CJNG during an operation in Tepic, Nayarit, on Monday.",
     "mexican-navy", "cjng", "MX-NAY"),
    ("Militares abatieron al líder de una célula del Cártel del Golfo durante un operativo en Reynosa, Tamaulipas.",
     "mexican-army", "gulf-cartel", "MX-TAM"),
])
def test_leader_killed_in_operation_is_armed_clash_tagged(run, text, force, group, state):
    e = only_event(run(text))
    assert (e["event_type"], e["sub_event_type"]) == ("Battles", "Armed clash")
    assert set(e["actor_ids"]) == {force, group} and e["state"] == state
    assert "leader_killed" in e["tags"]


@pytest.mark.parametrize("text, actors, state", [
    ("Federal agents arrested a regional boss of the Gulf Cartel in Reynosa, Tamaulipas, last week.",
     {"gulf-cartel"}, "MX-TAM"),
    ("La Guardia Nacional detuvo en Zapopan, Jalisco, a un líder regional del CJNG apodado El Güero.",
     {"guardia-nacional", "cjng"}, "MX-JAL"),
])
def test_capo_arrest_is_arrests(run, text, actors, state):
    e = only_event(run(text))
    assert (e["event_type"], e["sub_event_type"]) == ("Strategic developments", "Arrests")
    assert set(e["actor_ids"]) == actors and e["state"] == state


@pytest.mark.parametrize("text, group", [
    ("Narco-banners signed by the CJNG appeared on bridges in Celaya, Guanajuato, on Tuesday.", "cjng"),
    ("Aparecieron narcomantas firmadas por el Cártel del Noreste en puentes de Nuevo Laredo, Tamaulipas.",
     "cartel-del-noreste"),
])
def test_narco_banner_is_other_with_banner_tactic(run, text, group):
    e = only_event(run(text))
    assert (e["event_type"], e["sub_event_type"]) == ("Strategic developments", "Other")
    assert e["actor_ids"] == [group] and e["tactics"] == ["banner"]
    assert e["attribution"] == "group"  # the group speaks through its banner


@pytest.mark.parametrize("text, pair", [
    ("The Gulf Cartel and the Cartel del Noreste announced an alliance in Tamaulipas last month.",
     ("gulf-cartel", "cartel-del-noreste")),
    ("El CJNG y Cárteles Unidos anunciaron una alianza en Michoacán.", ("cjng", "carteles-unidos")),
])
def test_announced_alliance_is_agreement(run, text, pair):
    r = run(text)
    e = only_event(r)
    assert (e["event_type"], e["sub_event_type"]) == ("Strategic developments", "Agreement")
    assert set(e["actor_ids"]) == set(pair)
    assert sym("alliance", *pair) in relations(r)


@pytest.mark.parametrize("text", [
    "CJNG gunmen attacked a police patrol with drones in Aguililla, Michoacán, on Sunday, wounding two officers.",
    "El CNJG atacó con drones a autodefensas en Chinicuila, Michoacán.",
])
def test_drone_attack_is_air_drone_strike(run, text):
    e = only_event(run(text))
    assert (e["event_type"], e["sub_event_type"]) == ("Explosions/Remote violence", "Air/drone strike")
    assert "cjng" in e["actor_ids"] and e["tactics"] == ["drone"] and e["state"] == "MX-MIC"
    assert e["fatalities"] is None  # wounded officers are not deaths


@pytest.mark.parametrize("text, group, tactic", [
    ("A landmine planted by the CJNG exploded under a military truck in Tepalcatepec, Michoacán, killing two soldiers.",
     "cjng", "landmine"),
    ("Sicarios de La Nueva Familia Michoacana detonaron una mina terrestre al paso de una patrulla de la Guardia "
     "Nacional en Coyuca de Catalán, Guerrero.", "nueva-familia-michoacana", "landmine"),
])
def test_landmine_is_remote_explosive(run, text, group, tactic):
    e = only_event(run(text))
    assert (e["event_type"], e["sub_event_type"]) == ("Explosions/Remote violence", "Remote explosive/landmine/IED")
    assert group in e["actor_ids"] and tactic in e["tactics"]


@pytest.mark.parametrize("text, group, state", [
    ("Armed men kidnapped five young men in Tlaquepaque, Jalisco, on Friday; relatives blamed the CJNG.",
     "cjng", "MX-JAL"),
    ("Sujetos armados levantaron a tres jóvenes en Zamora, Michoacán, el lunes pasado. "
     "La Fiscalía atribuyó el ataque al CJNG.", "cjng", "MX-MIC"),
    ("Hombres armados privaron de la libertad a dos comerciantes en Chilpancingo, Guerrero; "
     "pobladores culparon a Los Ardillos.", "los-ardillos", "MX-GRO"),
])
def test_kidnapping_and_levanton_are_abduction(run, text, group, state):
    e = only_event(run(text))
    assert (e["event_type"], e["sub_event_type"]) == ("Violence against civilians", "Abduction/forced disappearance")
    assert e["actor_ids"] == [group] and e["state"] == state


@pytest.mark.parametrize("text", [
    "Un comando armado del CJNG asesinó a seis jóvenes en una fiesta en Salvatierra, Guanajuato.",
    "Un comando de Los Ardillos levantó a dos comerciantes en Chilpancingo, Guerrero.",
    "El Cártel de Santa Rosa de Lima atacó un bar en Celaya, Guanajuato.",
])
def test_spanish_singular_verbs_are_triggers(run, text):
    assert len(run(text)["events"]) == 1


def test_attack_on_a_police_station(run):
    assert len(run("The CJNG attacked a police station in Zitácuaro, Michoacán.")["events"]) == 1


@pytest.mark.parametrize("text", [
    "Sicarios del CJNG asesinaron a cuatro personas en Uruapan, Michoacán, el lunes. "
    "El ataque armado del lunes en Uruapan, que dejó cuatro muertos, fue atribuido al CJNG.",
    "CJNG gunmen killed six people at a party in Salvatierra, Guanajuato, on Sunday. "
    "Witnesses said the gunmen killed the six victims in Salvatierra before fleeing in two trucks.",
])
def test_same_incident_mentioned_twice_is_one_event(run, text):
    e = only_event(run(text))
    assert len(e["evidence"]) == 2 and e["actor_ids"] == ["cjng"]


def test_two_incidents_stay_two_events(run):
    r = run("CJNG gunmen killed four men in Uruapan, Michoacán, on Monday. "
            "On Wednesday, Los Viagras gunmen killed two men in Apatzingán, Michoacán.")
    assert sorted((e["place"], e["date"]) for e in r["events"]) == [
        ("Apatzingán", "2025-03-12"), ("Uruapan", "2025-03-10")]


def test_cluster_across_states_is_one_event_per_state(run):
    r = run("On Tuesday, CJNG gunmen clashed with the Army in Aguililla, Michoacán, and in Tecalitlán, Jalisco.")
    clashes = events(r, "Battles", "Armed clash")
    assert sorted((e["state"], e["place"]) for e in clashes) == [("MX-JAL", "Tecalitlán"), ("MX-MIC", "Aguililla")]
    assert all(e["date"] == "2025-03-11" for e in clashes)


@pytest.mark.parametrize("text, states", [
    ("The war between the Chapitos and La Mayiza has killed more than 1,200 people in Sinaloa since "
     "September 2024.", ["MX-SIN"]),
    ("Homicides in Guanajuato rose 12 percent last year as the CJNG and the Santa Rosa de Lima Cartel fight "
     "for control of the state.", ["MX-GUA"]),
    ("La guerra entre el CJNG y el Cártel de Sinaloa ha desplazado a miles de familias en Chiapas.", ["MX-CHP"]),
])
def test_ongoing_wars_and_trends_are_relations_not_events(run, text, states):
    r = run(text)
    assert r["events"] == []
    assert [x["type"] for x in r["relations"]] == ["rivalry"]
    assert r["states"] == states


def test_event_record_has_summary_actor_slots_and_ids(run):
    e = only_event(run("Gunmen from the Chapitos faction of the Sinaloa Cartel clashed with La Mayiza in "
                       "Culiacán, Sinaloa, on Saturday."))
    assert e["actor1"] == "los-chapitos" and e["actor2"] == "la-mayiza"
    assert e["actors"] == ["Los Chapitos", "La Mayiza"]
    assert "Armed clash" in e["summary"] and "Culiacán" in e["summary"]
    assert e["municipality_code"] and e["certainty"] == "asserted"


def test_the_cause_after_tras_is_not_the_incident(run):
    """An arrest named as the cause of reprisals is reported elsewhere; the incident is the arson."""
    rec = run("Hombres armados incendiaron vehículos en Culiacán, Sinaloa, tras la detención de un líder de "
              "Los Chapitos.")
    assert [e["sub_event_type"] for e in rec["events"]] == ["Looting/property destruction"]


def test_a_town_the_lead_names_beats_the_dateline_city(run):
    e = only_event(run("IRAPUATO, Gto., 5 de mayo de 2024.- Elementos del Ejército Mexicano detuvieron el sábado a un "
                       "jefe de plaza del CJNG en una comunidad de Salamanca, informó la Fiscalía."))
    assert (e["state"], e["place"]) == ("MX-GUA", "Salamanca")


def test_the_dateline_city_stays_when_the_text_names_no_other_town(run):
    e = only_event(run("CULIACÁN, Sinaloa, March 3 (Wire) — Gunmen of Los Chapitos clashed with La Mayiza in this "
                       "state capital on Sunday."))
    assert (e["state"], e["place"]) == ("MX-SIN", "Culiacán")


def test_each_headline_clause_keeps_its_own_place(run):
    r = run("Localizan minas terrestres en Apatzingán; denuncian ataques con drones en Aguililla\n\n"
            "Habitantes de Aguililla denunciaron que drones del CJNG lanzaron explosivos sobre viviendas el domingo.")
    (drone,) = events(r, "Explosions/Remote violence", "Air/drone strike")
    assert drone["place"] == "Aguililla" and drone["actor_ids"] == ["cjng"] and len(drone["evidence"]) == 2


def test_a_headline_clause_without_a_place_takes_only_the_state(run):
    r = run("Drone attack hits police post in Juárez, Michoacán; soldiers wounded by roadside bomb\n\n"
            "On Saturday, two soldiers were wounded when a roadside bomb went off near Tuzantla, in Michoacán.")
    (bomb,) = events(r, "Explosions/Remote violence", "Remote explosive/landmine/IED")
    assert (bomb["state"], bomb["place"]) == ("MX-MIC", "Tuzantla") and len(bomb["evidence"]) == 2


def test_blame_opening_the_next_paragraph_names_the_group_and_not_its_rival(run):
    e = only_event(run("Families in Heliodoro Castillo, Guerrero, said explosives dropped from drones struck several "
                       "homes last Tuesday.\n\nState officials blamed La Familia Michoacana, which has been fighting "
                       "Los Tlacos for control of the sierra."))
    assert e["actor_ids"] == ["la-familia-michoacana"] and e["place"] == "General Heliodoro Castillo"


@pytest.mark.parametrize("text", [
    "La Barredora habría buscado el respaldo del Cártel de Sinaloa para enfrentar a su rival en Tabasco.",
    "The CJNG moved gunmen into Zacatecas in order to attack the Sinaloa Cartel.",
])
def test_an_aim_is_not_an_incident(run, text):
    assert run(text)["events"] == []


def test_an_alliance_with_no_place_or_date_is_a_relation_only(run):
    r = run("U.S. and Mexican officials say Los Chapitos have struck an alliance with the CJNG.")
    assert r["events"] == [] and relations(r) == {sym("alliance", "los-chapitos", "cjng")}


def test_burning_blockades_are_property_destruction_with_both_tactics(run):
    e = only_event(run("Gunmen of Los Chapitos set up burning blockades across Culiacán, Sinaloa, on Thursday."))
    assert e["sub_event_type"] == "Looting/property destruction"
    assert {"blockade", "arson"} <= set(e["tactics"])


def test_the_force_that_finds_victims_is_not_their_killer(run):
    r = run("Two of the hostages were found dead in a house where soldiers and state police located them in "
            "Matamoros, Tamaulipas.")
    assert not events(r, "Battles") and all("mexican-army" not in e["actor_ids"] for e in r["events"])


@pytest.mark.parametrize("text", [
    "A Navy helicopter crashed near Los Mochis, Sinaloa, during the operation, killing 14 marines.",
    "El CDN tiene su principal base de operaciones en Nuevo Laredo, Tamaulipas, según reportes de inteligencia.",
])
def test_discoveries_accidents_and_standing_facts_are_not_incidents(run, text):
    assert run(text)["events"] == []


def test_a_bridge_named_after_a_country_is_not_that_country(run):
    e = only_event(run("NUEVO LAREDO, Tamaulipas (Wire) — Gunmen of the Northeast Cartel attacked a National Guard "
                       "patrol on the road toward the Colombia bridge on Tuesday."))
    assert (e["state"], e["place"]) == ("MX-TAM", "Nuevo Laredo")


@pytest.mark.parametrize("text", [
    "Integrantes del Cártel del Noreste abrieron fuego contra una patrulla en Guadalupe, Nuevo León.",
    "Gunmen attacked a military convoy near Aguililla, Michoacán, on Monday.",
])
def test_an_attack_on_an_unnamed_patrol_or_convoy_is_a_clash(run, text):
    e = only_event(run(text))
    assert (e["event_type"], e["sub_event_type"]) == ("Battles", "Armed clash")


def test_police_checkpoints_are_not_a_base(run):
    assert run("The state police has set up checkpoints on the highway near Guadalupe, Chihuahua.")["events"] == []


def test_a_charge_is_not_an_incident(run):
    r = run("El detenido tiene órdenes de aprehensión por secuestro y homicidio en Guanajuato.")
    assert not events(r, "Violence against civilians")


@pytest.mark.parametrize("text", [
    "Celaya, Guanajuato, is one of the cities with the most police officers killed in the country.",
    "Salamanca and Celaya, in Guanajuato, have seen repeated attacks on bars this year.",
    "Los municipios de Frontera Comalapa y Chicomuselo, en Chiapas, han vivido bloqueos y desapariciones.",
])
def test_charges_and_trends_are_not_incidents(run, text):
    assert run(text)["events"] == []


def test_gunmen_firing_on_federal_positions_is_a_clash_and_an_avoided_massacre_is_none(run):
    r = run("Grupos de hombres armados dispararon contra posiciones de las fuerzas federales en Culiacán, Sinaloa. "
            "El presidente sostuvo que evitar una masacre era la prioridad.")
    e = only_event(r)
    assert (e["event_type"], e["sub_event_type"]) == ("Battles", "Armed clash") and len(e["evidence"]) == 1


@pytest.mark.parametrize("text", [
    "Durante la protesta en Chilpancingo, Guerrero, hubo agresiones a elementos de la policía estatal con palos y piedras.",
    "Protesters threw stones at police outside the town hall of Chilpancingo, Guerrero, on Monday.",
    # storming a building or holding officers is violence too
    "Hundreds of demonstrators stormed the town hall of Chilpancingo, Guerrero, on Monday.",
])
def test_a_protest_that_turns_violent_is_a_riot(run, text):
    e = only_event(run(text))
    assert (e["event_type"], e["sub_event_type"]) == ("Riots", "Violent demonstration")


@pytest.mark.parametrize("text", [
    "Según la fiscalía, tras el enfrentamiento los agresores del CJNG incendiaron tres autobuses en Zapopan, Jalisco.",
    "After the clash, gunmen of the Gulf Cartel set fire to two trucks on a highway in Reynosa, Tamaulipas.",
])
def test_cause_phrase_first_leaves_the_incident_that_follows(run, text):
    kinds = {(e["event_type"], e["sub_event_type"]) for e in run(text)["events"]}
    assert ("Strategic developments", "Looting/property destruction") in kinds


def test_cause_phrase_that_names_its_own_incident_is_a_second_event(run):
    text = ("Two days after the arrest of three members of the Gulf Cartel in Matamoros, Tamaulipas, "
            "residents blocked the international bridge to demand their release.")
    kinds = {e["sub_event_type"] for e in run(text)["events"]}
    assert {"Arrests", "Peaceful protest"} <= kinds


def test_a_cause_clause_does_not_take_the_main_clause_date(run):
    text = ("Gunmen of the CJNG torched buses in Zapopan, Jalisco, on Monday, days after the arrest "
            "of a regional leader of the CJNG.")
    arrests = events(run(text), sub="Arrests")
    assert all(e["date"] != "2025-03-10" for e in arrests)


def test_alliance_reported_without_place_or_date_is_a_relation_not_an_event(run):
    text = ("Fighting has shaken Culiacán, Sinaloa, since September. Officials say Los Chapitos have "
            "struck an alliance with the CJNG.")
    record = run(text)
    assert not events(record, sub="Agreement")
    assert sym("alliance", "los-chapitos", "cjng") in relations(record)


def test_alliance_sealed_at_a_place_is_an_event(run):
    text = "Los Chapitos and the CJNG sealed an alliance at a meeting in Culiacán, Sinaloa, on Monday."
    assert events(run(text), sub="Agreement")


def test_borrowed_date_that_starts_a_state_of_affairs_is_not_the_event_date(run):
    text = ("Los Chapitos and La Mayiza have been at war since September. "
            "Gunmen torched a car dealership in Culiacán, Sinaloa.")
    e = only_event(run(text))
    assert e["date"] is None


def test_sentence_that_only_recalls_old_years_is_background(run):
    text = ("Gulf Cartel gunmen torched two pickup trucks in Reynosa, Tamaulipas, on Monday. "
            "When the Zetas broke away from the Gulf Cartel after 2010, violence spread across Tamaulipas.")
    record = run(text)
    assert len(record["events"]) == 1 and record["events"][0]["sub_event_type"] == "Looting/property destruction"


@pytest.mark.parametrize("text", [
    "Enfrentamiento en Apodaca deja dos agresores abatidos; detienen a tres",
    "Police clash with Gulf Cartel gunmen in Reynosa, Tamaulipas; three arrested",
])
def test_arrests_in_the_sentence_of_a_clash_belong_to_the_battle(run, text):
    record = run(text)
    assert [e["event_type"] for e in record["events"]] == ["Battles"]
    # the arrest stays traceable: its trigger is kept among the battle's evidence
    rules = [ev["rule"] for ev in record["events"][0]["evidence"]]
    assert len(rules) == 2 and any("detienen" in r or "arrested" in r for r in rules)


def test_arrests_of_other_actors_beside_a_clash_stay_an_event(run):
    text = ("Soldiers clashed with CJNG gunmen in Apatzingán, Michoacán; in Uruapan, police arrested "
            "two members of La Nueva Familia Michoacana.")
    assert events(run(text), sub="Arrests")


@pytest.mark.parametrize("text", [
    "Explosives can also be dropped from drones on rival positions in Michoacán.",
    "Los explosivos pueden ser lanzados desde drones sobre posiciones rivales en Michoacán.",
])
def test_a_capability_is_not_an_incident(run, text):
    assert run(text)["events"] == []


def test_a_us_agency_acting_at_home_is_an_actor(run):
    text = ("Agents from Homeland Security Investigations seized twelve rifles bound for the Gulf Cartel "
            "at a storage unit in El Paso, Texas, on Friday.")
    e = only_event(run(text))
    assert e["sub_event_type"] == "Disrupted weapons use" and "hsi" in e["actor_ids"]


def test_a_us_agency_advising_in_mexico_is_not_an_actor(run):
    text = ("Soldiers killed a CJNG commander in Tapalpa, Jalisco, on Sunday, acting on intelligence "
            "from the CIA.")
    e = only_event(run(text))
    assert "cia" not in e["actor_ids"]


def test_an_incident_in_the_us_with_no_one_acting_is_not_an_event(run):
    text = "The U.S. would expand training that draws on lessons from the Middle East, such as defusing roadside bombs."
    assert run(text)["events"] == []


def test_a_definite_noun_restates_the_incident_already_reported(run):
    text = ("Gunmen of the CJNG killed four men at a bar in Celaya, Guanajuato, on Saturday.\n\n"
            "The killing must be read within the fentanyl trade into the United States.")
    record = run(text)
    assert len(record["events"]) == 1 and record["events"][0]["state"] == "MX-GUA"
    assert any(ev["rule"].endswith("+restates") for ev in record["events"][0]["evidence"])


def test_a_definite_noun_with_its_own_place_and_date_is_a_new_incident(run):
    text = ("Gunmen of the CJNG killed four men at a bar in Celaya, Guanajuato, on Saturday.\n\n"
            "The attack on a police post in Salamanca, Guanajuato, on Sunday left two officers dead.")
    assert len(run(text)["events"]) == 2


def test_a_title_restating_the_story_under_another_type_is_one_event(run):
    text = ("Intelligence key to CJNG commander killing\n\n"
            "Soldiers clashed with CJNG gunmen in Tapalpa, Jalisco, on Sunday, and a regional commander "
            "of the cartel died in the exchange of fire, the army said.")
    record = run(text)
    assert [e["event_type"] for e in record["events"]] == ["Battles"]
    assert len(record["events"][0]["evidence"]) == 2


def test_an_undated_analysis_reads_old_years_against_its_latest_year(extractor):
    from cartelscope.extract import events as events_mod
    from cartelscope.extract.dates import reference_year

    text = ("In September 2024, Los Chapitos and La Mayiza clashed in Culiacán, Sinaloa.\n\n"
            "When the Zetas broke away from the Gulf Cartel after 2010, violence spread across Tamaulipas.")
    ctx = extractor.context(text, None)
    assert ctx.pub is None and reference_year(ctx) == 2024
    assert [events_mod.recalls_history(ctx, s.index) for s in ctx.sentences] == [False, True]


def test_a_place_borrowed_from_the_sentence_before_skips_its_dateline_city(run):
    text = ("MONTERREY, N.L., 18 de octubre de 2023.- Policías estatales repelieron una agresión armada en el "
            "municipio de Guadalupe.\n"
            "Según la dependencia, los atacantes, integrantes del Cártel del Noreste, abrieron fuego contra una patrulla.")
    record = run(text, published="2023-10-18")
    assert {e["place"] for e in record["events"]} == {"Guadalupe"}


@pytest.mark.parametrize("text", [
    "La organización ya había recurrido a este tipo de bloqueos en otras ocasiones en Jalisco.",
    "The cartel has used this kind of blockade on previous occasions in Jalisco.",
])
def test_habitual_past_is_not_an_incident(run, text):
    assert run(text)["events"] == []


@pytest.mark.parametrize("text, group", [
    ("Armed men set fire to two buses in Villahermosa, Tabasco, on Sunday night. "
     "The state government said the attacks were carried out by cells of La Barredora.", "la-barredora-tabasco"),
    ("Hombres armados incendiaron dos autobuses en Villahermosa, Tabasco, el domingo. "
     "Según la fiscalía, los ataques fueron perpetrados por integrantes de La Barredora.", "la-barredora-tabasco"),
])
def test_a_group_named_as_perpetrator_in_the_next_sentence_is_the_actor(run, text, group):
    e = events(run(text), sub="Looting/property destruction")[0]
    assert group in e["actor_ids"]


def test_the_two_sides_of_one_battle_named_in_two_sentences_are_one_event(run):
    text = ("Policías estatales repelieron una agresión armada en el municipio de Guadalupe, Nuevo León, el martes.\n"
            "Según la dependencia, los atacantes, integrantes del Cártel del Noreste, abrieron fuego contra una patrulla.")
    record = run(text)
    battles = events(record, "Battles")
    assert len(battles) == 1 and {"cartel-del-noreste"} <= set(battles[0]["actor_ids"])


def test_two_battles_of_forces_on_different_days_stay_apart(run):
    text = ("Soldiers clashed with gunmen in Culiacán, Sinaloa, on Monday.\n"
            "On Wednesday, members of the CJNG attacked a patrol in Culiacán, Sinaloa.")
    assert len(events(run(text), "Battles")) == 2


@pytest.mark.parametrize("text", [
    "A regional leader of the Sinaloa Cartel was extradited to San Diego, California, on Wednesday.",
    "Un líder regional del Cártel de Sinaloa fue extraditado a Estados Unidos el miércoles.",
])
def test_an_extradition_is_a_legal_step_not_an_arrest(run, text):
    assert not events(run(text), sub="Arrests")


def test_a_perpetrator_named_paragraphs_later_joins_the_incident(run):
    text = ("Hombres armados irrumpieron en un bar de Celaya, Guanajuato, y abrieron fuego contra los clientes "
            "la noche del domingo.\n\n"
            "Paramédicos trasladaron a los heridos al hospital.\n\n"
            "La Fiscalía informó que el ataque fue cometido por una célula del Cártel de Santa Rosa de Lima.")
    e = only_event(run(text))
    assert e["sub_event_type"] == "Attack" and "csrl" in e["actor_ids"]
    assert e["evidence"][-1]["rule"] == "blame+restates"


def test_a_perpetrator_is_not_added_to_an_incident_that_has_one(run):
    text = ("Gunmen of the Gulf Cartel attacked a bar in Reynosa, Tamaulipas, on Sunday.\n\n"
            "Prosecutors later said the attack was carried out by a cell of the CJNG.")
    e = only_event(run(text))
    assert "cjng" not in e["actor_ids"]


def test_a_singular_gunman_opening_fire_is_an_attack(run):
    e = only_event(run("Un hombre armado abrió fuego contra los clientes de un bar en Celaya, Guanajuato."))
    assert (e["event_type"], e["sub_event_type"]) == ("Violence against civilians", "Attack")


@pytest.mark.parametrize("text", [
    "The attack on the bar in Celaya, Guanajuato, was captured on video by passersby.",
    "Los bomberos de Celaya, Guanajuato, atendieron un incendio en una bodega.",
])
def test_a_trigger_word_inside_a_false_friend_is_no_incident(run, text):
    assert not events(run(text), sub="Arrests") and not events(run(text), "Explosions/Remote violence")


def test_false_friends_load_and_match(extractor):
    pack = extractor.pack
    assert "captured on video" in pack.false_friends["en"]
    ctx = extractor.context("Gunmen were captured on video in Celaya.", "2025-03-14")
    assert [m.key for m in ctx.of(0, "falsefriend")] == [""]


def test_a_lead_summary_is_the_incident_the_body_tells(run):
    text = ("Violence in Sinaloa\n\n"
            "CULIACÁN, Sinaloa, March 14, 2025 — State police fought a gun battle in the state capital on "
            "Thursday, officials said.\n\n"
            "On Thursday afternoon, state police came under fire from gunmen of Los Chapitos on a highway "
            "near Navolato, Sinaloa.")
    battles = events(run(text), "Battles")
    assert len(battles) == 1 and battles[0]["place"] == "Navolato"
    assert len(battles[0]["evidence"]) == 2


def test_a_lead_incident_the_body_does_not_tell_stays(run):
    text = ("Violence in Sinaloa\n\n"
            "CULIACÁN, Sinaloa, March 14, 2025 — Gunmen torched a car dealership in the state capital on "
            "Thursday, officials said.\n\n"
            "On Thursday afternoon, state police came under fire from gunmen of Los Chapitos on a highway "
            "near Navolato, Sinaloa.")
    kinds = {e["sub_event_type"] for e in run(text)["events"]}
    assert {"Looting/property destruction", "Armed clash"} <= kinds


def test_the_month_march_is_not_a_protest_march(run):
    text = "CULIACÁN, Sinaloa, March 14, 2025 — Gunmen torched a car dealership in Culiacán, officials said."
    e = only_event(run(text))
    assert e["sub_event_type"] == "Looting/property destruction"


@pytest.mark.parametrize("text, sides", [
    ("Gente Nueva, brazo armado de Los Chapitos, atacó a integrantes de La Mayiza en Culiacán, Sinaloa.",
     {"gente-nueva", "la-mayiza"}),
    ("Gunmen of the CJNG attacked members of the Sinaloa Cartel near Fresnillo, Zacatecas.", {"cjng", "sinaloa-cartel"}),
])
def test_an_attack_on_members_of_another_group_is_a_clash_between_them(run, text, sides):
    events = run(text)["events"]
    assert [(e["event_type"], e["sub_event_type"]) for e in events] == [("Battles", "Armed clash")]
    assert sides <= set(events[0]["actor_ids"])


def test_a_rival_group_named_beside_an_attack_is_not_its_target(run):
    r = run("The attack was carried out by a cell of Unión Tepito, and the victims sold goods for the rival group.")
    assert all(e["sub_event_type"] != "Armed clash" for e in r["events"])


def test_a_blockade_to_demand_something_is_a_protest(run):
    r = run("Habitantes de Chilapa, Guerrero, bloquearon la carretera federal para exigir la presentación de dos desaparecidos.")
    assert [e["event_type"] for e in r["events"]] == ["Protests"]


def test_a_hedge_set_off_by_a_comma_hedges_the_claim_not_the_group(run):
    r = run("Presuntamente, integrantes del Cártel del Noreste atacaron a policías en Nuevo Laredo, Tamaulipas.")
    assert [(e["actor_ids"], e["certainty"]) for e in r["events"]] == [(["cartel-del-noreste"], "alleged")]
    r = run("Police raided a ranch in Tala, Jalisco, possibly linked to the CJNG, and seized rifles.")
    assert all("cjng" not in e["actor_ids"] for e in r["events"])


def test_groups_that_chocan_in_a_headline_clash(run):
    r = run("Cártel de Sinaloa y CJNG chocan en Chiapas; hay 19 muertos")
    assert [(e["sub_event_type"], e["state"], e["fatalities"]) for e in r["events"]] == [("Armed clash", "MX-CHP", 19)]


@pytest.mark.parametrize("text", [
    "In Zacatecas, marines fought CDS gunmen near Fresnillo on Sunday, while in Sonora a car bomb went off "
    "outside a police station in Cajeme.",
    "En Zacatecas, marinos se enfrentaron a sicarios del Cártel de Sinaloa cerca de Fresnillo el domingo, "
    "mientras que en Sonora explotó un coche bomba frente a una comandancia en Cajeme.",
])
def test_a_sentence_joining_two_incidents_with_while_reports_both(run, text):
    r = run(text)
    (clash,) = events(r, "Battles", "Armed clash")
    (bomb,) = events(r, "Explosions/Remote violence", "Remote explosive/landmine/IED")
    assert (clash["state"], clash["place"]) == ("MX-ZAC", "Fresnillo") and "sinaloa-cartel" in clash["actor_ids"]
    assert (bomb["state"], bomb["place"]) == ("MX-SON", "Cajeme")
    assert "sinaloa-cartel" not in bomb["actor_ids"] and "car_bomb" in bomb["tags"]


def test_a_toll_stays_with_its_own_clause(run):
    r = run("Gunmen shot dead five people at a party in Irapuato, Guanajuato, on Saturday, while in Querétaro "
            "residents blocked a highway to demand the return of a missing teacher.")
    (attack,) = events(r, "Violence against civilians", "Attack")
    (protest,) = events(r, "Protests", "Peaceful protest")
    assert attack["fatalities"] == 5 and attack["place"] == "Irapuato"
    assert protest["fatalities"] is None and protest["state"] == "MX-QUE"


def test_while_without_a_comma_is_a_circumstance_of_one_incident(run):
    e = only_event(run("A taxi driver was shot dead while he waited for passengers in Uruapan, Michoacán, on Monday."))
    assert (e["sub_event_type"], e["place"]) == ("Attack", "Uruapan")


@pytest.mark.parametrize("text", [
    "CJNG gunmen killed three men at a car wash in Tlaquepaque and set fire to a furniture store in Tonalá, "
    "Jalisco, on Wednesday.",
    "Sicarios del CJNG asesinaron a tres hombres en un autolavado de Tlaquepaque e incendiaron una mueblería "
    "en Tonalá, Jalisco, el miércoles.",
])
def test_two_predicates_with_a_place_each_are_two_incidents_of_one_subject_and_date(run, text):
    r = run(text)
    (attack,) = events(r, "Violence against civilians", "Attack")
    (arson,) = events(r, "Strategic developments", "Looting/property destruction")
    assert attack["place"] == "San Pedro Tlaquepaque" and attack["fatalities"] == 3
    assert arson["place"] == "Tonalá" and arson["fatalities"] is None
    assert attack["date"] == arson["date"] == "2025-03-12"
    assert attack["actor_ids"] == arson["actor_ids"] == ["cjng"]


@pytest.mark.parametrize("text", [
    "Gunmen killed two employees and set fire to the bar in Tonalá, Jalisco, on Wednesday.",
    "Hombres armados asesinaron a dos empleados e incendiaron el bar en Tonalá, Jalisco, el miércoles.",
])
def test_killings_and_arson_in_one_place_are_one_attack(run, text):
    e = only_event(run(text))
    assert (e["event_type"], e["sub_event_type"], e["fatalities"]) == ("Violence against civilians", "Attack", 2)


@pytest.mark.parametrize("text", [
    "Un grupo armado emboscó a elementos de la Guardia Nacional cerca de Tepuche, en Culiacán, Sinaloa; murieron dos agentes.",
    "Gunmen ambushed National Guard troops near Tepuche, Culiacán, Sinaloa, killing two of them.",
])
def test_an_ambush_on_a_force_is_an_armed_clash(run, text):
    e = only_event(run(text))
    assert (e["event_type"], e["sub_event_type"]) == ("Battles", "Armed clash")
    assert "guardia-nacional" in e["actor_ids"] and e["fatalities"] == 2


def test_residents_holding_police_are_a_violent_demonstration(run):
    e = only_event(run("Pobladores de San Juan Cacahuatepec, Oaxaca, retuvieron a cuatro policías estatales durante "
                       "horas para exigir la liberación de dos comuneros."))
    assert (e["event_type"], e["sub_event_type"]) == ("Riots", "Violent demonstration")


def test_protesters_hurting_officers_are_a_demonstration_not_a_battle(run):
    e = only_event(run("Durante la marcha en Tixtla, Guerrero, hubo agresiones a elementos de la policía estatal con "
                       "piedras; seis resultaron lesionados."))
    assert e["event_type"] == "Riots"


def test_the_burning_of_vehicles_is_property_destruction(run):
    e = only_event(run("Autoridades reportaron la quema de al menos diez vehículos en Salvatierra, Guanajuato, el martes."))
    assert (e["sub_event_type"], e["place"]) == ("Looting/property destruction", "Salvatierra")


def test_a_singular_killing_verb_gives_the_toll(run):
    e = only_event(run("Un comando irrumpió en un centro de rehabilitación de Salamanca, Guanajuato, y asesinó a nueve "
                       "personas el domingo."))
    assert (e["sub_event_type"], e["fatalities"]) == ("Attack", 9)


def test_armed_civilians_in_an_army_report_are_not_self_defense_groups(run):
    e = only_event(run("Militares repelieron una agresión de civiles armados en Tepalcatepec, Michoacán, el viernes."))
    assert e["actor_ids"] == ["mexican-army"]


def test_a_dateline_city_outside_the_state_the_lead_names_is_not_the_place(run):
    record = run("MEXICO CITY, March 14, 2025 - Fourteen people were killed on Friday when villagers in the "
                 "State of Mexico confronted members of La Familia Michoacana.")
    e = only_event(record)
    assert (e["event_type"], e["state"]) == ("Battles", "MX-MEX")  # "confronted members of": a fight
    assert record["states"] == ["MX-MEX"]


def test_a_dateline_city_inside_the_named_state_stays(run):
    e = only_event(run("CULIACÁN, Sinaloa - Gunmen clashed with soldiers on Friday in the state of Sinaloa."))
    assert (e["state"], e["place"]) == ("MX-SIN", "Culiacán")


def test_a_title_naming_only_the_announcing_cabinet_is_the_body_arrest(run):
    text = ("Gabinete de Seguridad informa la detención de seis personas en Frontera Comalapa, Chiapas\n\n"
            "Elementos del Ejército Mexicano detuvieron el domingo a seis integrantes de una célula del CJNG "
            "en Frontera Comalapa, Chiapas.")
    e = only_event(run(text))
    assert e["sub_event_type"] == "Arrests" and {"mexican-army", "cjng"} <= set(e["actor_ids"])
    assert len(e["evidence"]) == 2


def test_a_split_told_in_a_relative_clause_describes_the_group(run):
    record = run("Nuevo Laredo is held by the Northeast Cartel, a group that broke away from Los Zetas.")
    assert record["events"] == []
    assert sym("split", "cartel-del-noreste", "los-zetas") in relations(record)
    dated = run("On Monday a faction of the Gulf Cartel broke away from its leaders in Reynosa, Tamaulipas.")
    assert [e["sub_event_type"] for e in dated["events"]] == ["Change to group/activity"]


def test_machine_translated_attack_wording(run):
    text = ("This Wednesday, elements of the State Police were attacked with firearms by armed subjects in "
            "Manzanillo, Colima.\n\nHours later, two persons were deprived of the life inside of a home in "
            "Manzanillo, Colima.")
    found = [(e["event_type"], e["fatalities"]) for e in run(text)["events"]]
    assert found == [("Battles", None), ("Violence against civilians", 2)]


def test_the_month_may_is_no_modal_and_bodies_of_gives_the_count(run):
    e = only_event(run("In May 2024, the bodies of eleven people were found in a community of La Concordia, Chiapas."))
    assert (e["sub_event_type"], e["fatalities"], e["date"], e["certainty"]) == ("Attack", 11, "2024-05", "asserted")
    hedged = run("Gunmen may attack La Concordia, Chiapas, again.")
    assert hedged["events"] == []  # the modal still makes a claim hypothetical


@pytest.mark.parametrize("text, sub", [
    ("In July 2024, residents of Amatenango de la Frontera, Chiapas, fled after armed men took over their villages.",
     "Non-state actor overtakes territory"),
    ("last sunday the cjng sent drones with explosives over El Aguaje, in Aguililla, Michoacán.", "Air/drone strike"),
])
def test_more_wording_for_territory_taken_and_drone_bombing(run, text, sub):
    assert only_event(run(text))["sub_event_type"] == sub


def test_a_killing_named_as_a_conviction_is_no_event(run):
    record = run("He is the man who was convicted for the killing of a DEA agent in Guadalajara, Jalisco, in 1985.")
    assert record["events"] == []


def test_a_leader_stands_for_the_group_the_article_names_not_an_old_one(run):
    record = run("The Navy arrested Rafael Caro Quintero on Friday in Choix, Sinaloa. His Caborca Cartel has "
                 "been fighting the Chapitos in Sonora.")
    arrest = events(record, "Strategic developments", "Arrests")
    assert [e["actor_ids"] for e in arrest] == [["mexican-navy", "caborca-cartel"]]


def test_a_march_that_turns_violent_is_one_violent_demonstration(run):
    text = ("El domingo, cientos de personas marcharon en Morelia, Michoacán, para exigir justicia. Al final de "
            "la marcha, un grupo de manifestantes derribó una puerta del Palacio de Gobierno y causó destrozos "
            "antes de que la policía estatal lo replegara.")
    e = only_event(run(text))
    assert (e["event_type"], e["sub_event_type"]) == ("Riots", "Violent demonstration")
    assert len(e["evidence"]) == 2
    calm = only_event(run("El domingo, cientos de personas marcharon en Morelia, Michoacán, para exigir justicia."))
    assert calm["sub_event_type"] == "Peaceful protest"


def test_the_force_that_blames_a_group_is_not_a_party(run):
    e = only_event(run("En febrero de 2024, un ataque con drones que la Fiscalía estatal atribuyó a La Familia "
                       "Michoacana dejó dos muertos en Heliodoro Castillo, Guerrero."))
    assert e["actor_ids"] == ["la-familia-michoacana"]


def test_a_group_named_only_in_an_unconfirmed_rumour_is_not_an_actor(run):
    record = run("La Familia Michoacana combate a Los Tlacos en Guerrero. Algunos periodistas sostienen que Los "
                 "Tlacos habrían recibido armas del CJNG, aunque ninguna autoridad lo ha confirmado.")
    assert "cjng" not in {a["id"] for a in record["actors"]}


def test_what_seized_material_could_be_used_for_does_not_hedge_the_seizure(run):
    e = only_event(run("Soldiers searching a house in Acámbaro, Guanajuato, on Friday seized two rifles and materials "
                       "that could be used to make explosives."))
    assert (e["sub_event_type"], e["certainty"]) == ("Disrupted weapons use", "asserted")
    assert run("Drones could be used to attack towns in Acámbaro, Guanajuato.")["events"] == []


def test_a_count_of_past_incidents_is_a_trend(run):
    assert run("Car bombs remain rare, but analysts have recorded several in Guanajuato and Michoacán since 2023.")[
        "events"] == []


def test_a_car_packed_with_explosives_at_a_police_station_is_a_car_bomb(run):
    e = only_event(run("A car packed with explosives blew up on Wednesday outside the municipal police headquarters "
                       "in Acámbaro, Guanajuato, wounding two officers."))
    assert (e["event_type"], e["sub_event_type"]) == ("Explosions/Remote violence", "Remote explosive/landmine/IED")
    assert "car_bomb" in e["tactics"]


def test_drivers_blocking_an_avenue_after_an_attack_are_a_protest_in_the_dateline_city(run):
    record = run("ACAPULCO - Hundreds of taxi drivers blocked the Costera for hours on Wednesday to demand "
                 "protection, a day after gunmen set fire to two minibuses in Renacimiento, Acapulco.")
    protest = events(record, "Protests")
    assert [(e["sub_event_type"], e["place"]) for e in protest] == [("Peaceful protest", "Acapulco de Juárez")]
    assert len(record["events"]) == 2


@pytest.mark.parametrize("text, sub", [
    ("Un artefacto explosivo, al parecer una granada de fragmentación, fue lanzado el domingo contra un bar de "
     "Salamanca, Guanajuato.", "Grenade"),
    ("Un artefacto explosivo estalló el domingo frente a un bar de Salamanca, Guanajuato.",
     "Remote explosive/landmine/IED"),
])
def test_a_device_said_to_be_a_grenade_is_a_grenade(run, text, sub):
    assert only_event(run(text))["sub_event_type"] == sub


def test_the_town_attackers_fled_toward_is_not_where_it_happened(run):
    text = ("Sicarios dispararon el domingo contra un bar de Salamanca, Guanajuato, y huyeron hacia la salida a "
            "Valle de Santiago.\n\nEl lunes, una manta firmada por el CJNG fue colgada en un puente peatonal.")
    assert {e["place"] for e in run(text)["events"]} == {"Salamanca"}


def test_personal_militar_is_the_army(run):
    e = only_event(run("El miércoles, en Altar, Sonora, personal militar localizó un campamento con dos drones y "
                       "artefactos explosivos."))
    assert e["actor_ids"] == ["mexican-army"]


def test_a_big_city_named_after_in_is_that_city_in_a_story_about_another_state(run):
    text = ("Soldiers freed 14 migrants on Wednesday in Reynosa, Tamaulipas. The migrants had been kidnapped in "
            "Monterrey days earlier.")
    kidnap = events(run(text), "Violence against civilians")
    assert [(e["place"], e["state"]) for e in kidnap] == [("Monterrey", "MX-NLE")]


def test_what_forces_found_repeatedly_is_a_practice(run):
    text = ("Both sides have used drones against villages, and the Army has repeatedly found landmines along the "
            "roads of Apatzingán, Michoacán.")
    assert run(text)["events"] == []


def test_same_day_reaches_four_sentences_back(run):
    text = ("REYNOSA, Tamaulipas - Soldiers arrested three men in Reynosa on Wednesday.\n\nThe men had been "
            "guarding a house. Several migrants were inside. Relatives had paid ransom.\n\nOn the same day, the "
            "National Guard found an abandoned truck with 20 rifles in Reynosa.")
    found = events(run(text), "Strategic developments", "Disrupted weapons use")
    assert [e["date"] for e in found] == ["2025-03-12"]


def test_a_pact_nobody_can_confirm_is_a_rumour(run):
    text = ("People in Caborca, Sonora, have been saying that the Caborca Cartel and the Chapitos agreed to a "
            "truce in January. I can't confirm it and neither can anyone I talked to.")
    record = run(text)
    assert not events(record, "Strategic developments", "Agreement")
    assert not [r for r in relations(record) if r[0] == "ceasefire"]
    assert record["hedged"] is True


def test_a_group_only_said_to_hold_an_area_is_not_an_actor(run):
    text = ("Un grupo armado atacó una vivienda en Tepuche, Culiacán, el martes; murieron dos hombres. La zona "
            "es bastión de Los Chapitos, según autoridades federales.")
    assert "los-chapitos" not in {a["id"] for a in run(text)["actors"]}
    fighting = run("Un grupo armado atacó una vivienda en Tepuche, Culiacán, el martes. Los Chapitos, con presencia "
                   "en la zona, se enfrentan a La Mayiza.")
    assert "los-chapitos" in {a["id"] for a in fighting["actors"]}


def test_machine_translated_clash_between_cartels(run):
    e = only_event(run("This Tuesday armed subjects of the Cartel of Sinaloa and of the Cartel Jalisco New Generation "
                       "were confronted during several hours in Frontera Comalapa, Chiapas, which left at least 11 "
                       "persons without life."))
    assert (e["sub_event_type"], e["fatalities"]) == ("Armed clash", 11)
    assert set(e["actor_ids"]) == {"sinaloa-cartel", "cjng"}


def test_a_claimed_killing_with_a_message_on_the_bodies_is_one_attack_by_the_claimant(run):
    text = ("Ejecutan a tres hombres en Uruapan, Michoacán\n\n"
            "Los cuerpos de tres hombres con impactos de bala fueron localizados el martes en Uruapan, Michoacán. "
            "Junto a los cuerpos se encontró una cartulina firmada por Cárteles Unidos, en la que el grupo se "
            "adjudicaba las ejecuciones y advertía a integrantes del CJNG que no entraran a la ciudad.\n\n"
            "Más tarde, en la colonia Revolución, policías municipales fueron agredidos a balazos.")
    record = run(text)
    attack = events(record, "Violence against civilians")
    assert len(attack) == 1 and attack[0]["actor_ids"][0] == "carteles-unidos" and "banner" in attack[0]["tactics"]
    readings = [(ev["char_span"][0], ev["rule"]) for ev in attack[0]["evidence"]]
    assert len(set(readings)) == len(readings)  # no sentence read the same way twice
    assert not events(record, "Strategic developments", "Other")
    assert sym("rivalry", "carteles-unidos", "cjng") in relations(record)
    assert [e["date"] for e in events(record, "Battles")] == ["2025-03-11"]  # "más tarde": the same Tuesday


def test_a_banner_on_a_bridge_is_still_a_banner_event(run):
    e = only_event(run("El lunes, una manta firmada por el CJNG fue colgada en un puente de Salamanca, Guanajuato."))
    assert (e["sub_event_type"], e["tactics"]) == ("Other", ["banner"])


def test_federal_ministerial_police_are_federal_prosecutors(run):
    e = only_event(run("Agentes de la Policía Federal Ministerial detuvieron el miércoles en Nuevo Laredo, "
                       "Tamaulipas, a un presunto integrante del Cártel del Noreste."))
    assert "fgr" in e["actor_ids"]


@pytest.mark.parametrize("text", [
    "Three gunmen were killed on Wednesday in a gun battle with soldiers in Eldorado, Culiacán, Sinaloa. Soldiers "
    "seized four rifles and a pickup truck at the scene.",
    "Mexican marines arrested a cell leader in a raid in Ensenada, Baja California, on Tuesday. Marines also seized "
    "two rifles and cash.",
])
def test_a_seizure_at_the_scene_is_part_of_the_operation(run, text):
    assert len(run(text)["events"]) == 1


def test_a_seizure_elsewhere_stays_its_own_event(run):
    text = ("Mexican marines arrested a cell leader in Ensenada, Baja California, on Tuesday. On Wednesday, marines "
            "seized two rifles in a house in Tijuana, Baja California.")
    assert len(run(text)["events"]) == 2


def test_an_alliance_told_without_a_day_is_a_relation_not_a_pact(run):
    record = run("El CJNG, por su parte, se alió con Los Viagras en Celaya, Guanajuato, para disputar las plazas.")
    assert not events(record, "Strategic developments", "Agreement")
    dated = run("El lunes, el CJNG se alió con Los Viagras en Celaya, Guanajuato.")
    assert events(dated, "Strategic developments", "Agreement")


def test_a_group_that_kept_fighting_is_a_trend_and_linked_groups_are_not_the_cartel(run):
    record = run("Su organización se fragmentó en células que siguieron enfrentando al CJNG, a veces en alianza con "
                 "grupos ligados al Cártel de Sinaloa, en Celaya, Guanajuato.")
    assert record["events"] == []
    assert sym("alliance", "cjng", "sinaloa-cartel") not in relations(record)


def test_a_killing_and_a_banner_weeks_later_in_one_sentence_are_two_incidents(run):
    text = ("En febrero de 2024, un comando asesinó a dos agentes de la policía municipal de Celaya, Guanajuato, "
            "cuando salían de su turno, y semanas después apareció una manta firmada por el Cártel de Santa Rosa de "
            "Lima.")
    assert sorted(e["sub_event_type"] for e in run(text)["events"]) == ["Attack", "Other"]


def test_residents_breaking_into_city_hall_are_a_violent_demonstration(run):
    e = only_event(run("Several hundred residents broke into the municipal palace of Chilapa, Guerrero, on Wednesday, "
                       "smashed windows and set fire to furniture, to demand action."))
    assert (e["event_type"], e["sub_event_type"]) == ("Riots", "Violent demonstration")


def test_officials_who_blamed_the_attack_on_a_group_name_its_author_two_sentences_on(run):
    text = ("Two people were killed when explosives were dropped from drones on homes in Buenavista, Michoacán, on "
            "Wednesday.\n\nDozens of families left the village. The officials blamed the attack on the Jalisco New "
            "Generation Cartel.")
    assert only_event(run(text))["actor_ids"] == ["cjng"]


def test_a_banner_is_the_act_of_the_group_that_signs_it(run):
    e = only_event(run("Banners signed by La Mayiza appeared on Wednesday on three bridges in Culiacán, Sinaloa, "
                       "accusing the Chapitos of working with the Jalisco New Generation Cartel."))
    assert (e["sub_event_type"], e["actor_ids"]) == ("Other", ["la-mayiza"])


def test_a_drug_lab_found_is_not_disrupted_weapons_use(run):
    text = ("Personal del Ejército Mexicano localizó el martes un laboratorio clandestino en Tamazula, Durango. "
            "En el sitio se aseguraron 500 litros de precursores químicos.")
    e = only_event(run(text))
    assert (e["sub_event_type"], e["actor_ids"]) == ("Other", ["mexican-army"])


def test_since_the_arrest_of_dates_a_state_of_affairs_not_an_arrest(run):
    text = ('La facción de "El Mayito Flaco", quien encabeza La Mayiza desde la detención de su padre, mantiene el '
            "control del sur de Culiacán, Sinaloa.")
    assert run(text)["events"] == []



@pytest.mark.parametrize("text", [
    "Un ataque del CJNG dejó cinco muertos en Celaya, Guanajuato, el lunes.",
    "Hombres armados atacaron a una familia en Celaya, Guanajuato; murieron cuatro personas.",
    "Cinco personas murieron tras un ataque en Celaya, Guanajuato.",
    "Five people died after gunmen stormed a bar in Celaya, Guanajuato.",
])
def test_an_attack_told_with_its_dead_is_an_attack(run, text):
    e = only_event(run(text))
    assert (e["sub_event_type"], e["state"]) == ("Attack", "MX-GUA")


def test_an_attack_with_dead_on_a_patrol_stays_a_clash(run):
    e = only_event(run("Un ataque contra una patrulla de la Guardia Nacional dejó dos muertos en Fresnillo, Zacatecas."))
    assert e["sub_event_type"] == "Armed clash"


@pytest.mark.parametrize("text", [
    "Localizan cinco cuerpos en una camioneta abandonada en Zacatecas, Zacatecas.",
    "Police found five bodies on a highway near Fresnillo, Zacatecas.",
])
def test_bodies_found_whatever_the_count_between(run, text):
    assert only_event(run(text))["sub_event_type"] == "Attack"


def test_security_bodies_are_no_bodies(run):
    record = run("Los cuerpos de seguridad encontraron un campamento abandonado en Fresnillo, Zacatecas.")
    assert events(record, sub="Attack") == []


@pytest.mark.parametrize("text, sub", [
    ("Asesinan al alcalde de Chilpancingo, Guerrero.", "Attack"),
    ("Levantan a cinco policías municipales en Heliodoro Castillo, Guerrero.", "Abduction/forced disappearance"),
    ("Hombres armados se llevaron a dos policías municipales en Zinapécuaro, Michoacán.",
     "Abduction/forced disappearance"),
])
def test_headline_and_colloquial_killings_and_abductions(run, text, sub):
    assert only_event(run(text))["sub_event_type"] == sub


def test_carried_out_is_no_abduction(run):
    assert run("Los operativos se llevaron a cabo en Culiacán, Sinaloa, el martes.")["events"] == []


def test_an_attack_on_self_defense_forces_is_a_clash(run):
    e = only_event(run("Sicarios del CJNG atacaron a autodefensas en Buenavista, Michoacán, el domingo."))
    assert e["sub_event_type"] == "Armed clash"
    assert {"cjng", "autodefensas"} <= set(e["actor_ids"])


def test_a_denied_attribution_names_no_perpetrator(run):
    text = ("Cinco policías municipales fueron privados de la libertad el lunes en Heliodoro Castillo, Guerrero. "
            "Las autoridades señalaron que la zona es disputada por La Familia Michoacana y Los Tlacos, aunque no "
            "han atribuido el ataque a ninguno de los dos grupos.")
    e = only_event(run(text))
    assert not {"la-familia-michoacana", "los-tlacos"} & set(e["actor_ids"])


@pytest.mark.parametrize("text, sub", [
    ("Federal forces dismantled a drug laboratory in Cosalá, Sinaloa, on Friday.", "Other"),
    ("Police in Tijuana, Baja California, found a severed head outside a school on Monday.", "Attack"),
])
def test_drug_laboratories_and_severed_heads(run, text, sub):
    assert only_event(run(text))["sub_event_type"] == sub


def test_an_official_denial_that_a_rumoured_clash_happened_leaves_no_event(run):
    text = ("Respecto a versiones difundidas en redes sociales sobre un presunto enfrentamiento ocurrido el domingo en "
            "Tejupilco, Estado de México, el Gabinete de Seguridad informa que no se registró ningún hecho de esa "
            "naturaleza.")
    assert run(text)["events"] == []


def test_a_protest_that_disperses_is_no_group_dissolving(run):
    e = only_event(run("Decenas de familiares se concentraron frente al palacio municipal de Coatzacoalcos, Veracruz, "
                       "para exigir justicia; la protesta transcurrió sin incidentes y se disolvió al anochecer."))
    assert e["event_type"] == "Protests"


def test_people_blocking_a_road_to_ask_for_troops_protest(run):
    e = only_event(run("el jueves la gente de la cabecera bloqueo la carretera en San Miguel Totolapan, Guerrero, "
                       "para pedir que mandaran al ejercito."))
    assert e["sub_event_type"] == "Peaceful protest"


@pytest.mark.parametrize("text, sub", [
    ("Elementos de las Fuerzas de Seguridad Pública del Estado detuvieron en Santiago Maravatío, Guanajuato, a tres "
     "hombres que viajaban en una camioneta con dos armas largas.", "Arrests"),
    ("Soldiers arrested two men in Culiacán, Sinaloa, and seized four rifles.", "Disrupted weapons use"),
])
def test_arrested_with_the_weapons_they_carried_is_an_arrest(run, text, sub):
    assert only_event(run(text))["sub_event_type"] == sub


def test_a_reward_for_information_leading_to_an_arrest_is_no_arrest(run):
    assert run("La Fiscalía ofrece una recompensa a quien aporte información que conduzca a su localización y "
               "detención en Urique, Chihuahua.")["events"] == []


@pytest.mark.parametrize("text, sub", [
    ("In the repelling of the aggression four aggressors and one police element lost the life in Cuauhtémoc, "
     "Zacatecas.", "Armed clash"),
    ("State agents were attacked by armed civilians in Reynosa, Tamaulipas, this Sunday.", "Armed clash"),
    ("An armed commando left at least 14 civilians without life in Reynosa, Tamaulipas.", "Attack"),
    ("The agents found two women who had been deprived of the freedom in Reynosa, Tamaulipas.",
     "Abduction/forced disappearance"),
    ("The discovery of a grenade in a planter of a car agency in Río Bravo, Tamaulipas, was reported, which was "
     "secured by the authorities.", "Disrupted weapons use"),
    ("In Fresnillo, Zacatecas, appeared a blanket signed by the Cartel of Sinaloa.", "Other"),
])
def test_machine_translated_spanish(run, text, sub):
    assert only_event(run(text))["sub_event_type"] == sub


def test_the_days_violence_blamed_on_a_group_gives_every_incident_its_group(run):
    text = ("CULIACÁN, Sin., 18 de octubre de 2019.- Decenas de hombres armados se enfrentaron a militares en "
            "Culiacán el jueves. Otros grupos de pistoleros incendiaron vehículos para bloquear accesos a la ciudad. "
            "El gabinete de seguridad atribuyó toda la jornada a células del Cártel de Sinaloa.")
    record = run(text, published="2019-10-18")
    assert all("sinaloa-cartel" in e["actor_ids"] for e in record["events"]), record["events"]
    assert {e["sub_event_type"] for e in record["events"]} >= {"Armed clash", "Looting/property destruction"}


def test_the_burnings_blamed_on_a_group_are_its_incident(run):
    text = ("In Tijuana, Baja California, armed men set fire to cars and buses on Friday. "
            "The secretariat now says the burnings were carried out by cells of the CJNG.")
    e = only_event(run(text))
    assert e["actor_ids"] == ["cjng"]


def test_in_front_of_is_no_clash(run):
    e = only_event(run("Ayer llegaron en lancha unos 15 hombres armados a la playa de Puerto Morelos, Quintana Roo, "
                       "enfrente de los hoteles, y mataron a dos hombres."))
    assert e["sub_event_type"] == "Attack"


def test_a_march_for_justice_is_a_protest_not_the_killing_it_mourns(run):
    e = only_event(run("Cientos de habitantes de Salvatierra, Guanajuato, caminaron ayer hasta la presidencia municipal "
                       "para exigir justicia por los doce jóvenes que murieron en el ataque armado contra una posada."))
    assert (e["sub_event_type"], e["fatalities"]) == ("Peaceful protest", None)


def test_arson_and_banners_told_as_the_next_step_are_tactics_of_the_incident(run):
    text = ("Gunmen opened fire on a convoy of state police officers in Aguililla, Michoacán, on Monday. Several patrol "
            "vehicles were then set on fire. Photos show banners signed by the CJNG left next to the burned trucks.")
    e = only_event(run(text))
    assert e["sub_event_type"] == "Armed clash"
    assert {"arson", "banner"} <= set(e["tactics"])
    assert "cjng" in e["actor_ids"]


def test_arson_with_a_place_of_its_own_stays_an_incident(run):
    text = ("Gunmen opened fire on a convoy of state police officers in Aguililla, Michoacán, on Monday. Hours later "
            "gunmen then set fire to two buses in Apatzingán, Michoacán.")
    assert len(run(text)["events"]) == 2


def test_forces_that_searched_and_recovered_the_bodies_are_not_the_killers(run):
    e = only_event(run("La Fiscalía informa que, en labores de búsqueda coordinadas con la Secretaría de la Defensa "
                       "Nacional y la Guardia Nacional, fueron localizados los cuerpos de dos sacerdotes, privados de "
                       "la vida el lunes en Urique, Chihuahua."))
    assert e["sub_event_type"] == "Attack"
    assert not {"mexican-army", "guardia-nacional"} & set(e["actor_ids"])


def test_attackers_said_to_belong_to_a_group_give_the_incident_its_group(run):
    text = ("Un convoy de policías fue emboscado por un grupo armado el jueves en Coatepec Harinas, Estado de México. "
            "Las indagatorias permiten establecer que los agresores forman parte de una célula de La Familia "
            "Michoacana.")
    e = only_event(run(text))
    assert "la-familia-michoacana" in e["actor_ids"]


@pytest.mark.parametrize("text, sub", [
    ("Unos tipos le dispararon a unos hombres afuera de un bar en Celaya, Guanajuato, el viernes.", "Attack"),
    ("Los mariachis hicieron una caminata por el Eje Central, en la Ciudad de México, pidiendo seguridad.",
     "Peaceful protest"),
])
def test_colloquial_shootings_and_walks_for_safety(run, text, sub):
    assert only_event(run(text))["sub_event_type"] == sub


@pytest.mark.parametrize("text, sub, actor", [
    ("Confront in Valle Hermoso, Tamaulipas, leaves two agents of the State Guard without life.", "Armed clash",
     "state-police"),
    ("This Monday elements of the Secretary of the National Defense secured seven drones in Reynosa, Tamaulipas.",
     "Disrupted weapons use", "mexican-army"),
])
def test_machine_translated_forces_and_confrontations(run, text, sub, actor):
    e = only_event(run(text))
    assert (e["sub_event_type"], actor in e["actor_ids"]) == (sub, True)


def test_forces_restoring_institutional_presence_regain_territory(run):
    e = only_event(run("El jueves, elementos de la Defensa y de la Guardia Nacional restablecieron la presencia "
                       "institucional en la cabecera municipal de Bella Vista, Chiapas."))
    assert e["sub_event_type"] == "Government regains territory"


def test_a_weapon_become_part_of_daily_life_is_a_trend(run):
    assert run("Explosives dropped from commercial drones, once a novelty, are now part of daily life in towns such as "
               "Aguililla, Michoacán.")["events"] == []


def test_a_single_soldier_is_the_army(run):
    e = only_event(run("A soldier was killed when his vehicle struck a landmine outside Chinicuila, Michoacán, on "
                       "Friday."))
    assert "mexican-army" in e["actor_ids"]


def test_versions_of_a_clash_called_false_leave_no_event(run):
    assert run("La Fiscalía General del Estado informa que son falsas las versiones difundidas en redes sociales "
               "sobre un enfrentamiento en Guachochi, Chihuahua.")["events"] == []


@pytest.mark.parametrize("text, sub", [
    ("El domingo, en Uruapan, Michoacán, elementos de la Guardia Civil detuvieron a un hombre que llevaba una "
     "granada de fragmentación.", "Arrests"),
    ("El domingo, en Uruapan, Michoacán, sujetos armados lanzaron una granada contra un bar.", "Grenade"),
])
def test_arrested_carrying_a_grenade_is_no_grenade_attack(run, text, sub):
    e = only_event(run(text))
    assert e["sub_event_type"] == sub
    if sub == "Arrests":
        assert "state-police" in e["actor_ids"]  # Michoacán's Guardia Civil is its state police


def test_the_attackers_named_as_members_of_a_cell_give_every_incident_its_faction(run):
    r = run("Quince personas fueron asesinadas la tarde del sábado en Reynosa, Tamaulipas, por hombres armados. "
            "Después, policías estatales se enfrentaron con los agresores en la colonia Almaguer y abatieron a cuatro. "
            "Fuentes de la Fiscalía indicaron que los atacantes serían presuntos integrantes de una célula de "
            "Los Metros, facción del Cártel del Golfo.")
    attack = events(r, "Violence against civilians")
    clash = events(r, "Battles")
    assert attack and clash
    assert all("los-metros" in e["actor_ids"] and "gulf-cartel" not in e["actor_ids"] for e in attack + clash)


def test_an_arrest_takes_no_perpetrator_from_the_next_sentence(run):
    r = run("Policías estatales detuvieron a un hombre en Reynosa, Tamaulipas. Fue puesto a disposición de la "
            "Fiscalía.\n\nLos atacantes pertenecen a Los Metros, indicaron fuentes de la Fiscalía.")
    arrests = events(r, "Strategic developments", "Arrests")
    assert len(arrests) == 1 and arrests[0]["actor_ids"] == ["state-police"]


def test_colloquial_shootout_with_a_force_is_a_clash(run):
    e = only_event(run("Hace dos semanas en Villa de Ramos, San Luis Potosí, la Guardia Nacional se agarró a "
                       "balazos con un grupo armado."))
    assert (e["event_type"], e["actor_ids"]) == ("Battles", ["guardia-nacional"])


@pytest.mark.parametrize("text", [
    "Hombres armados dispararon contra su minivan en Matamoros, Tamaulipas, y se los llevaron por la fuerza.",
    "Gunmen opened fire on the family's car in Matamoros, Tamaulipas, and kidnapped the driver.",
])
def test_shots_fired_to_take_people_away_are_an_abduction(run, text):
    assert only_event(run(text))["sub_event_type"] == "Abduction/forced disappearance"


def test_breaking_a_groups_rules_is_no_sexual_violence(run):
    r = run("Cinco hombres fueron hallados atados en Matamoros, Tamaulipas, junto con una carta en la que el grupo "
            "asegura que violaron las reglas de la organización.")
    assert not events(r, "Violence against civilians", "Sexual violence")


def test_where_victims_and_their_vehicle_come_from_is_not_the_place(run):
    e = only_event(run("El jueves unos hombres armados pararon una camioneta con placas de Coahuila a la altura de "
                       "Matehuala y se llevaron al señor y a su hijo, eran de Saltillo."))
    assert (e["place"], e["state"]) == ("Matehuala", "MX-SLP")


@pytest.mark.parametrize("text", [
    "Agentes estatales que recorrían un camino en Jerécuaro, Guanajuato, fueron atacados a balazos desde dos camionetas.",
    "State police officers patrolling a rural road in Jerécuaro, Guanajuato, were ambushed by gunmen on Thursday.",
])
def test_a_force_that_was_attacked_was_in_a_clash(run, text):
    e = only_event(run(text))
    assert (e["event_type"], e["actor_ids"]) == ("Battles", ["state-police"])


def test_taken_off_the_road_by_gunmen_is_an_abduction_where_it_happened(run):
    e = only_event(run("Una familia de Escobedo denunció que hombres armados bajaron de su camioneta a dos hermanos que "
                       "viajaban hacia Nuevo Laredo, a la altura de Sabinas Hidalgo, Nuevo León."))
    assert (e["sub_event_type"], e["place"]) == ("Abduction/forced disappearance", "Sabinas Hidalgo")


def test_killings_told_as_the_cause_of_a_strike_are_dated_by_their_own_day(run):
    text = ("CHILPANCINGO, Mexico, Jan 24, 2024 (Wire) - Taxi drivers in Chilpancingo, Guerrero, kept their vehicles "
            "off the streets on Wednesday after three of their colleagues were shot dead.\n\n"
            "The three men were killed on Monday afternoon in two shootings minutes apart near a minibus terminal "
            "in Chilpancingo, prosecutors said.\n\n"
            "On Tuesday, hundreds of drivers marched to the state government offices to demand protection.\n\n"
            "Monday's shootings brought to at least nine the number of transport workers killed in Chilpancingo "
            "since early December.")
    r = run(text, published="2024-01-24")
    attacks = events(r, "Violence against civilians", "Attack")
    assert [e["date"] for e in attacks] == ["2024-01-22"]  # one attack; the tally is no second one
    assert not events(r, "Battles")  # shootings of drivers are no clash
    assert [e["date"] for e in events(r, "Protests")] == ["2024-01-23"]


def test_civilians_ambushed_and_killed_suffer_an_attack(run):
    e = only_event(run("In January 2020, ten musicians from Alcozacán, in the municipality of Chilapa, Guerrero, "
                       "were ambushed and killed on a rural road.", published=None))
    assert (e["event_type"], e["sub_event_type"]) == ("Violence against civilians", "Attack")


def test_protesters_who_seize_a_force_vehicle_to_ram_gates_riot(run):
    e = only_event(run("On July 10, 2023, thousands of protesters blocked the highway in Chilpancingo, Guerrero, seized "
                       "a National Guard armored vehicle and used it to ram the gates of the state government complex."))
    assert (e["event_type"], e["sub_event_type"]) == ("Riots", "Violent demonstration")


# a title and lead long enough that no date in the body is read as a printed publication date
_UNDATED_HEADLINE = ("The cost of the feud for local officials in the capital of Guerrero\n\n"
                     "Local officials in Chilpancingo have paid a brutal price for the feud between the gangs that "
                     "fight over the city's transport routes and markets, and few of the cases have been solved, "
                     "according to reporters and residents who asked not to be named for fear of reprisals "
                     "from either side. Shops close early, taxi drivers avoid the outskirts after dark and "
                     "schools have sent pupils home more than once this term.\n\n")


def test_a_day_without_a_year_takes_the_year_of_the_date_just_before(run):
    r = run(_UNDATED_HEADLINE + "On October 3, 2024, the municipal secretary of Chilpancingo, Guerrero, was shot "
            "dead. Three days later, on October 6, the new mayor of Chilpancingo was found killed and decapitated.",
            published=None)
    assert sorted(e["date"] for e in events(r, "Violence against civilians")) == ["2024-10-03", "2024-10-06"]


def test_an_attack_ranked_among_the_deadliest_in_recent_years_is_still_an_event(run):
    e = only_event(run("Eight Mexican soldiers were killed on Tuesday when an explosive device buried in a dirt road "
                       "detonated beneath their vehicle in Los Reyes, Michoacán, the Defense Ministry said, one of the "
                       "deadliest single attacks on the armed forces in recent years."))
    assert (e["sub_event_type"], e["actor_ids"]) == ("Remote explosive/landmine/IED", ["mexican-army"])


def test_forum_post_with_colloquial_dates_shootout_and_arrest(run):
    text = ("Publicado por: sonorense_en_az | 3 marzo 2025, 10:14 am\n\n"
            "Antier en la noche hubo una balasera muy fuerte en Caborca, Sonora, por la salida a Sonoyta.\n\n"
            "Ayer domingo ya llegaron el ejercito y la guardia nacional y detuvieron a 3 que segun eran halcones, "
            "los subieron a una troca en la calle principal.\n\n"
            "Tambien andan diciendo en facebook que los chapitos se aliaron con el CJNG, eso es puro invento.")
    r = run(text, published=None)
    clash = only_event({"events": events(r, "Battles")})
    assert (clash["place"], clash["date"]) == ("Caborca", "2025-03-01")
    arrest = only_event({"events": events(r, "Strategic developments", "Arrests")})
    assert arrest["date"] == "2025-03-02" and "mexican-army" in arrest["actor_ids"]
    assert not events(r, "Violence against civilians")
    assert not [x for x in relations(r) if x[0] == "alliance"]


def test_a_truck_left_with_bodies_under_a_dateline_with_a_short_month(run):
    text = ("Abandonan una camioneta con diez cuerpos frente al Palacio de Gobierno de Zacatecas\n\n"
            "ZACATECAS (México), 6 ene 2022 (EFE).- Una camioneta con diez cuerpos fue abandonada la madrugada de "
            "este jueves frente al Palacio de Gobierno de Zacatecas, informaron autoridades locales.\n\n"
            "Zacatecas vive desde 2020 una cruenta disputa entre el CJNG y el Cártel de Sinaloa que ha convertido a "
            "municipios como Fresnillo en escenario de enfrentamientos.\n\n"
            "En noviembre pasado, autoridades localizaron los cuerpos de varias personas en Cuauhtémoc, Zacatecas. "
            "Especialistas atribuyen la violencia a la llegada de los dos grandes cárteles a un territorio que hasta "
            "la década pasada dominaban Los Zetas y el Cártel del Golfo.")
    r = run(text, published=None)
    assert not events(r, "Battles")  # the war since 2020 is a relation
    found = sorted((e["date"], e["actor_ids"]) for e in events(r, "Violence against civilians"))
    assert found == [("2021-11", []), ("2022-01-06", [])]


def test_numbered_items_of_a_press_release_take_the_date_of_the_line_that_opens_the_list(run):
    text = ("GABINETE DE SEGURIDAD\nComunicado conjunto\n\nCiudad de México, 12 de abril de 2025\n\n"
            "El Gabinete de Seguridad informa que el día de ayer se realizaron las siguientes acciones:\n\n"
            "1. En Apatzingán, Michoacán, personal de la Defensa aseguró tres drones y artefactos explosivos.\n\n"
            "2. En Buenavista, Michoacán, elementos de la Guardia Nacional detuvieron a dos hombres. Se les "
            "aseguraron dos armas largas.\n\n"
            "3. En Uruapan, Michoacán, personal de la Guardia Nacional fue agredido con disparos; los elementos "
            "repelieron la agresión.\n\n"
            "Las labores de inhabilitación de artefactos explosivos continuarán en los próximos días.")
    r = run(text, published=None)
    assert len(r["events"]) == 3
    assert {e["date"] for e in r["events"]} == {"2025-04-11"}


def test_a_lead_with_a_semicolon_dateline_and_a_comment_on_the_wave_of_violence(run):
    text = ("POLICIACA\n\nEjecutan a cuatro en bar de Tamulté\n\n"
            "Villahermosa, Tabasco; lunes 20 de enero de 2025.- Cuatro personas sin vida fue el saldo de un ataque "
            "armado registrado la noche del sábado en un bar de Villahermosa, hecho que se suma a la ola de "
            "violencia que azota a la capital tabasqueña desde hace más de un año.")
    e = only_event(run(text, published=None))
    assert (e["sub_event_type"], e["date"]) == ("Attack", "2025-01-18")


def test_years_later_than_a_stale_year_are_history_too(run):
    r = run("Sinaloa has been here before. In 2008 the Beltrán Leyva brothers turned against El Chapo after one of "
            "them was arrested, and the fighting made Culiacán violent. Two years later the Zetas broke away from "
            "the Gulf Cartel and set off a war across the northeast.", published="2025-01-01")
    assert r["events"] == [] and r["relations"] == [] and r["states"] == []
    assert not {"los-zetas", "gulf-cartel"} & {a["id"] for a in r["actors"]}


def test_a_forum_thread_on_a_raid_blockades_and_an_unconfirmed_clash(run):
    text = ("El lunes en la madrugada entro el ejercito a la comunidad de Santa Rosa de Lima, en Villagrán, "
            "Guanajuato. Segun el gobierno detuvieron a varias personas y liberaron a unos secuestrados.\n\n"
            "Ese mismo dia en la tarde pusieron bloqueos con carros y camiones quemados en Villagran.\n\n"
            "Alguien sabe si es cierto que hubo enfrentamiento en Juventino Rosas el martes?? yo vi un video en "
            "whats pero no se si es de aqui.")
    r = run(text, published="2019-03-07")
    kinds = sorted(e["sub_event_type"] for e in r["events"])
    assert kinds == ["Arrests", "Looting/property destruction"]
    looting = events(r, "Strategic developments", "Looting/property destruction")[0]
    assert {"blockade", "arson"} <= set(looting["tactics"])


def test_a_banner_hung_by_a_group_that_denies_the_attack(run):
    text = ("QUERÉTARO.- Diez personas murieron anoche en un ataque armado contra un bar de Querétaro, Querétaro.\n\n"
            "Esta madrugada, en un puente de la autopista a la altura de San Juan del Río, fue colgada una manta "
            "presuntamente firmada por el Cártel Jalisco Nueva Generación, en la que el grupo niega haber "
            "participado en el ataque al bar y culpa a gente de Guanajuato.\n\n"
            "Recapitulamos: diez muertos en el ataque de anoche al bar; una manta atribuida al CJNG niega su "
            "participación.")
    r = run(text, published="2024-11-10")
    attack = only_event({"events": events(r, "Violence against civilians")})
    assert attack["actor_ids"] == []
    banner = only_event({"events": events(r, "Strategic developments", "Other")})
    assert (banner["actor_ids"], banner["place"], banner["date"]) == (["cjng"], "San Juan del Río", "2024-11-10")


@pytest.mark.parametrize("text, place", [
    ("El viernes, alrededor de cien personas, en su mayoría madres buscadoras, caminaron del jardín principal de "
     "Irapuato, Guanajuato, a la sede de la Fiscalía para exigir que se agilice la búsqueda.", "Irapuato"),
    ("This Thursday, familiars of the young persons realized a march from the Roundabout of the Disappeared until "
     "the building of the Prosecution, in Guadalajara, Jalisco, to demand that the identification is made.",
     "Guadalajara"),
    ("Desde las seis de la mañana comerciantes del mercado están cerrando el paso sobre la carretera Panamericana, "
     "a la entrada de Juchitán, Oaxaca, para exigir seguridad.", "Juchitán de Zaragoza"),
])
def test_marches_and_road_closures_to_demand_something_are_peaceful_protests(run, text, place):
    e = only_event(run(text))
    assert (e["sub_event_type"], e["place"]) == ("Peaceful protest", place)


@pytest.mark.parametrize("text", [
    "Durante la semana circuló en redes sociales un mensaje que aseguraba que un dron había atacado la plaza "
    "principal de Buenavista, Michoacán. La Secretaría de Seguridad Pública estatal lo desmintió.",
    "En redes andan diciendo que mataron a dos policías en Culiacán, Sinaloa, pero la Fiscalía dijo que es falso.",
    "Posts circulating on social media claimed that gunmen had attacked a bar in Celaya, Guanajuato. Police said "
    "the reports were fake.",
    # machine-translated official wording, and a rumour that turned out to be something else
    "Regarding publications on social networks about an alleged armed confrontation in Tecomán, Colima, on "
    "Sunday, the Security Cabinet informs that the incident corresponded to a traffic accident.",
    "The video that circulate of a narco-blockade with burned trucks in Zacatecas is old, is of 2023.",
    "Circularon en redes videos de una supuesta balacera en Uruapan, Michoacán; la policía municipal aclaró que "
    "eran cohetes de una fiesta patronal.",
    "Shots reported on social media in Fresnillo, Zacatecas, on Saturday night turned out to be fireworks.",
])
def test_a_social_media_rumour_that_is_denied_is_no_event(run, text):
    assert run(text)["events"] == []


def test_a_social_media_report_nobody_denies_still_counts(run):
    e = only_event(run("Hombres armados incendiaron dos camiones en Frontera Comalapa, Chiapas, según videos que "
                       "circularon en redes sociales."))
    assert e["state"] == "MX-CHP"


@pytest.mark.parametrize("text", [
    "Los productores de Tepalcatepec, Michoacán, se levantaron en armas contra Los Caballeros Templarios el lunes.",
    "Los vecinos de Apatzingán, Michoacán, levantaron el bloqueo de la carretera tras dos horas.",
])
def test_levantar_that_abducts_nobody(run, text):
    assert not events(run(text), "Violence against civilians")


def test_state_capture_is_no_arrest(run):
    assert not events(run("The level of capture of local governments in Iguala, Guerrero, worries researchers."),
                      "Strategic developments", "Arrests")


def test_gunfire_on_a_police_checkpoint_is_a_clash(run):
    e = only_event(run("On Oct. 16, gunmen opened fire on a municipal police checkpoint in Celaya, Guanajuato, "
                       "killing one officer.", published="2025-10-20"))
    assert (e["event_type"], e["sub_event_type"], e["actor_ids"]) == ("Battles", "Armed clash", ["municipal-police"])


def test_men_detained_carrying_explosives_is_an_arrest_not_an_ied_attack(run):
    e = only_event(run("El 16 de marzo, en Ciudad Obregón, Sonora, elementos de la Guardia Nacional detuvieron a dos "
                       "hombres que transportaban en un vehículo un dron y diversos artefactos explosivos.",
                       published="2025-03-18"))
    assert (e["event_type"], e["sub_event_type"]) == ("Strategic developments", "Arrests")
    assert {"drone", "ied"} <= set(e["tactics"])


def test_armed_men_that_residents_identify_do_not_riot(run):
    e = only_event(run("El martes, sujetos armados que los pobladores identificaron como integrantes del CJNG "
                       "atravesaron y quemaron dos tractocamiones en Frontera Comalapa, Chiapas.",
                       published="2024-07-25"))
    assert e["event_type"] == "Strategic developments" and e["actor_ids"] == ["cjng"]


def test_a_numbered_item_keeps_its_place_for_its_later_sentences(run):
    text = ("GABINETE DE SEGURIDAD\nCiudad de México, 18 de marzo de 2025\n\nAcciones en la frontera norte\n\n"
            "1. Reynosa, Tamaulipas. El pasado domingo, personal de la Defensa que efectuaba un recorrido en la "
            "colonia Lomas Real de Jarachina fue agredido con disparos por personas armadas que viajaban en dos "
            "camionetas. El personal militar repelió la agresión.\n\n"
            "2. Matamoros, Tamaulipas. Elementos de la Semar aseguraron cinco drones en un inmueble.")
    r = run(text)
    assert sorted((e["sub_event_type"], e["place"]) for e in r["events"]) == [
        ("Armed clash", "Reynosa"), ("Disrupted weapons use", "Matamoros")]
    assert r["states"] == ["MX-TAM"]


@pytest.mark.parametrize("text", [
    "La Marina recordó que desde el inicio de la actual administración, el 1 de octubre de 2024, ha inhabilitado "
    "más de 700 laboratorios clandestinos en Sinaloa y en todo el país.",
    "Del 5 de febrero al 17 de marzo, el Operativo Frontera Norte suma en Tamaulipas más de 1,600 personas "
    "detenidas y cerca de 1,300 armas de fuego aseguradas.",
])
def test_a_campaigns_running_total_is_no_event(run, text):
    assert run(text, published="2025-03-18")["events"] == []


def test_a_headline_grave_find_is_a_mass_grave(run):
    e = only_event(run("Madres buscadoras hallan fosas en Ayala, Morelos; Fiscalía reconoce cuatro cuerpos"))
    assert (e["sub_event_type"], e["tactics"]) == ("Other", ["mass_grave"])


@pytest.mark.parametrize("text, group", [
    ("10:05 | TIJUANA, B.C. — Personal de la Fiscalía retiró una narcomanta colocada en un puente peatonal de "
     "Tijuana. El mensaje, firmado presuntamente por el Cártel Arellano Félix, contenía amenazas.", "tijuana-cartel"),
    ("Photos show at least four banners hanging from an overpass at the entrance to Navolato, Sinaloa. The "
     "messages, signed by La Mayiza, celebrate the death of a rival commander.", "la-mayiza"),
])
def test_a_banner_is_signed_in_the_next_sentence(run, text, group):
    e = only_event(run(text))
    assert "banner" in e["tactics"] and e["actor_ids"] == [group]


def test_and_a_opens_a_second_incident_of_another_kind(run):
    r = run("A gunfight between Los Chapitos and La Mayiza left six men dead on Sunday in Navolato, Sinaloa, and a "
            "drone dropped explosives on a house on the outskirts of Culiacán the following night.",
            published="2025-02-04")
    assert sorted(e["sub_event_type"] for e in r["events"]) == ["Air/drone strike", "Armed clash"]


@pytest.mark.parametrize("text, place, date, group", [
    ("CHIHUAHUA, Mexico, Oct. 14, 2025 — Gunmen flew drones loaded with explosives over a remote community in the "
     "Sierra Tarahumara over the weekend, wounding two residents, state officials said on Tuesday.\n\n"
     "The attack took place on Saturday in a hamlet in the municipality of Guadalupe y Calvo, according to the state "
     "prosecutor's office. Investigators attributed it to La Línea.", "Guadalupe y Calvo", "2025-10-11", "la-linea"),
    ("Hombres armados atacaron con drones una comunidad de la Sierra Tarahumara, en Chihuahua, el fin de semana.\n\n"
     "El ataque ocurrió el sábado 11 de octubre en una ranchería del municipio de Guachochi. La Fiscalía lo "
     "atribuyó a La Línea.", "Guachochi", "2025-10-11", "la-linea"),
])
def test_where_and_when_the_incident_took_place_refines_it_and_it_is_blamed_by_pronoun(run, text, place, date, group):
    e = only_event(run(text, published="2025-10-14"))
    assert (e["place"], e["date"], e["actor_ids"]) == (place, date, [group])
    assert any(ev["rule"] == "details+restates" for ev in e["evidence"])


def test_a_boulevard_named_after_a_state_is_a_street(run):
    r = run("El domingo, sujetos armados incendiaron cinco vehículos para cerrar el paso en el bulevar Hidalgo y en "
            "la carretera a Monterrey.", published="2025-06-09")
    assert "MX-HID" not in r["states"] and not any(e["state"] == "MX-HID" for e in r["events"])


@pytest.mark.parametrize("text, group", [
    ("A taxi driver was shot dead in Cuernavaca, Morelos, on Monday. Unverified posts on social media blamed a cell "
     "of the Jalisco New Generation Cartel for the murder.", "cjng"),
    ("Sujetos armados incendiaron cinco vehículos en Reynosa, Tamaulipas. En redes sociales se atribuyó de inmediato "
     "los bloqueos a Los Metros.", "los-metros"),
])
def test_a_blame_passed_on_from_social_media_names_no_perpetrator(run, text, group):
    r = run(text, published="2025-06-09")
    assert r["events"] and not any(group in e["actor_ids"] for e in r["events"])
    assert group not in {a["id"] for a in r["actors"]}


def test_groups_named_in_a_claim_said_to_be_false_are_not_actors(run):
    r = run('3. Es FALSO que el Cártel de Sinaloa y el Cártel Jalisco Nueva Generación hayan iniciado una "guerra '
            'abierta" en Tecate, Baja California, como aseguran diversas publicaciones.')
    assert r["events"] == [] and r["relations"] == []
    assert not {"sinaloa-cartel", "cjng"} & {a["id"] for a in r["actors"]}


def test_a_state_named_as_the_border_is_not_where_it_happened(run):
    e = only_event(run("Ayer policías estatales repelieron una agresión armada en Juárez, municipio del oriente de "
                       "Michoacán, en los límites con el Estado de México; no hubo detenidos.", published="2025-06-02"))
    assert (e["place"], e["state"]) == ("Juárez", "MX-MIC")


def test_a_machine_translated_defense_secretariat_is_the_army(run):
    e = only_event(run("Zacatecas, Zac.- Elements of the Secretariat of the National Defense and of the State "
                       "Preventive Police were attacked by armed subjects in the community of Plateros, Fresnillo."))
    assert {"mexican-army", "state-police"} <= set(e["actor_ids"])


def test_a_clash_whose_attackers_weapons_were_seized_is_one_clash_of_forces_side_by_side(run):
    r = run("El martes 19 de agosto policías estatales que patrullaban la zona centro de Tecate, Baja California, "
            "fueron agredidos a balazos por los ocupantes de una camioneta. Los agentes repelieron la agresión y, con "
            "apoyo de policías municipales de Tecate, lograron la detención de dos hombres, a quienes se les "
            "aseguraron dos armas de fuego.", published="2025-08-21")
    e = only_event(r)
    assert (e["sub_event_type"], set(e["actor_ids"])) == ("Armed clash", {"state-police", "municipal-police"})


@pytest.mark.parametrize("text", [
    "The two Celaya officers were ambushed on Sunday afternoon while patrolling the city's eastern outskirts.",
    "Two Celaya police officers were shot dead in an ambush on Sunday.",
    "Dos policías de Celaya fueron emboscados el domingo en Guanajuato.",
])
def test_a_towns_police_are_its_municipal_police(run, text):
    e = only_event(run(text, published="2025-02-18"))
    assert (e["sub_event_type"], e["actor_ids"], e["state"]) == ("Armed clash", ["municipal-police"], "MX-GUA")


@pytest.mark.parametrize("text", [
    "A National Guard patrol came under fire in Navolato, Sinaloa, on Thursday. Guardsmen returned fire; one attacker "
    "was killed and two guardsmen were wounded.",
    "Policías estatales fueron atacados a balazos en Tecate, Baja California, el martes; un agresor murió.",
])
def test_the_attackers_dead_are_the_toll_of_the_fight(run, text):
    e = only_event(run(text, published="2025-08-21"))
    assert (e["event_type"], e["sub_event_type"]) == ("Battles", "Armed clash")


@pytest.mark.parametrize("text", [
    "Gunmen of the CJNG and the Sinaloa Cartel clashed for hours in Chicomuselo, Chiapas, on Sunday. A local priest "
    "said at least four people were killed, though prosecutors had not confirmed any deaths.",
    "Integrantes del CJNG y del Cártel de Sinaloa se enfrentaron durante horas en Chicomuselo, Chiapas, el domingo. "
    "Un vecino dijo que al menos cuatro personas fueron asesinadas.",
])
def test_a_bare_count_of_dead_after_a_fight_is_its_toll(run, text):
    e = only_event(run(text, published="2024-07-09"))
    assert (e["sub_event_type"], e["fatalities"]) == ("Armed clash", 4)


def test_a_count_of_dead_in_the_next_paragraph_is_not_the_fights(run):
    e = only_event(run("Gunmen of the CJNG and the Sinaloa Cartel clashed for hours in Chicomuselo, Chiapas, on "
                       "Sunday.\n\nAt least four people were killed.", published="2024-07-09"))
    assert (e["sub_event_type"], e["fatalities"]) == ("Armed clash", None)


def test_an_undated_entry_of_a_live_page_tells_the_news_of_the_pages_day(run):
    text = ("EN VIVO | Jornada violenta en el norte\n\nViernes 7 de noviembre de 2025\n\n"
            "13:10 | Las autoridades piden a la población no compartir videos.\n\n"
            "10:05 | TIJUANA, B.C. — Personal de la Fiscalía retiró una narcomanta firmada por el Cártel Arellano "
            "Félix de un puente peatonal de Tijuana.\n\n"
            "08:15 | JUÁREZ, N.L. — Elementos de Fuerza Civil detuvieron a tres hombres en Juárez, Nuevo León.\n\n"
            "06:55 | Buenos días. Abrimos esta cobertura en vivo.")
    r = run(text, published="2025-11-07")
    assert {e["date"] for e in r["events"]} == {"2025-11-07"} and len(r["events"]) == 2


@pytest.mark.parametrize("text", [
    "Incendian bar en Coatzacoalcos, Veracruz; cuatro muertos",
    "Gunmen set fire to a bar in Coatzacoalcos, Veracruz, on Saturday night; four people died.",
])
def test_a_fire_that_kills_is_an_attack_with_arson(run, text):
    e = only_event(run(text))
    assert (e["sub_event_type"], e["tactics"]) == ("Attack", ["arson"])


def test_a_fire_that_kills_nobody_is_property_destruction(run):
    e = only_event(run("Hombres armados incendiaron un taxi en Tixtla, Guerrero; no hubo muertos."))
    assert e["sub_event_type"] == "Looting/property destruction"


def test_the_last_of_a_list_of_charges_is_no_abduction(run):
    r = run("Hernán Bermúdez Requena permanece recluido en el penal del Altiplano, en el Estado de México, mientras un "
            "juez analiza las imputaciones que le formuló la Fiscalía por asociación delictuosa, extorsión y secuestro "
            "exprés.")
    assert not events(r, "Violence against civilians")


@pytest.mark.parametrize("text", [
    "On May 20, two aides of the mayor were shot dead in their car by a gunman on Calzada de Tlalpan, in the Benito "
    "Juárez borough.",
    "El 20 de mayo, dos colaboradores de la jefa de Gobierno fueron asesinados a balazos en la alcaldía Benito Juárez.",
])
def test_a_borough_is_mexico_citys(run, text):
    assert only_event(run(text, published="2025-06-02"))["state"] == "MX-CMX"


@pytest.mark.parametrize("text", [
    "Ex jefe policiaco de Tabasco enfrenta cargos por asociación delictuosa en Villahermosa",
    "Elementos de la Guardia Nacional localizaron dos vehículos con impactos de arma de fuego en San Pedro "
    "Lagunillas, Nayarit.",
    "Lo que NO es cierto: en feisbuk anda un post que dice que hubo una balacera en Santa María del Oro, Nayarit, "
    "con 10 muertos.",
])
def test_words_that_look_like_an_incident_but_tell_none(run, text):
    r = run(text)
    assert not events(r, "Battles") and not events(r, "Strategic developments", "Disrupted weapons use")


def test_banners_signed_with_a_groups_initials_in_the_next_sentence_are_its_not_those_they_accuse(run):
    e = only_event(run("En la madrugada del sábado aparecieron al menos cinco mantas colgadas en puentes peatonales de "
                       "Paseo Usumacinta, en Villahermosa, Tabasco. Los mensajes, firmados con las siglas del CJNG, "
                       "acusan a políticos de haber protegido a La Barredora.", published="2025-09-22"))
    assert (e["actor_ids"], e["tactics"], e["place"]) == (["cjng"], ["banner"], "Centro")


@pytest.mark.parametrize("text", [
    "No obstante, sicarios del CJNG atacaron a policías en Celaya, Guanajuato, el lunes.",
    "Gunmen not only attacked a police patrol in Celaya, Guanajuato, on Monday but also burned two trucks.",
    "Los sicarios no sólo atacaron a policías en Celaya, Guanajuato, el lunes, sino que quemaron camiones.",
])
def test_a_negation_word_inside_an_aside_negates_nothing(run, text):
    e = events(run(text, published="2025-06-10"), "Battles")[0]
    assert (e["state"], e["certainty"]) == ("MX-GUA", "asserted")


def test_a_force_after_a_source_and_that_is_the_claims_subject(run):
    e = only_event(run("The Navy said in a statement that marines, backed by investigators from the Attorney General's "
                       "Office (FGR), detained the suspect in Manzanillo, Colima, on Tuesday.", published="2025-11-20"))
    assert set(e["actor_ids"]) == {"mexican-navy", "fgr"}


def test_soldiers_met_with_gunfire_fought(run):
    e = only_event(run("El pasado 28 de enero, soldados que revisaban un ducto de Pemex en Cuautepec de Hinojosa, "
                       "Hidalgo, fueron recibidos a balazos por un grupo armado.", published="2026-02-02"))
    assert (e["sub_event_type"], e["actor_ids"]) == ("Armed clash", ["mexican-army"])


@pytest.mark.parametrize("text, group", [
    ("People in the Facebook groups say that the CJNG buys all the fuel in Palmar de Bravo, Puebla, but the "
     "government of Puebla says there is no cartel there, only local gangs.", "cjng"),
    ("Tambien hay quien dice que el CJNG anda aliado con los Chapitos en Tepic, Nayarit, pero eso nomas son chismes "
     "que nadie a podido confirmar.", "los-chapitos"),
])
def test_groups_named_only_in_a_rumour_are_not_actors(run, text, group):
    r = run(text)
    assert group not in {a["id"] for a in r["actors"]} and r["relations"] == []


def test_forced_into_a_van_after_a_dated_sentence_is_an_abduction_where_it_happened(run):
    text = ("Elementos de la Policía Estatal detuvieron el domingo a cuatro presuntos integrantes del CJNG en Zapopan, "
            "Jalisco. Los tres jóvenes —dos originarios de Veracruz y uno de Juárez, Nuevo León— acudieron el 28 de "
            "agosto a una supuesta entrevista de trabajo en una plaza comercial de San Pedro Tlaquepaque. Ahí, según "
            "su declaración, hombres armados los obligaron a subir a una camioneta.")
    r = run(text, published="2025-09-09")
    (abduction,) = events(r, "Violence against civilians", "Abduction/forced disappearance")
    assert (abduction["place"], abduction["state"], abduction["date"]) == ("San Pedro Tlaquepaque", "MX-JAL", "2025-08-28")
    assert "MX-NLE" not in r["states"] and "MX-VER" not in r["states"]


@pytest.mark.parametrize("text, state", [
    ("El domingo hubo un enfrentamiento en Jerez, Zacatecas, entre el CJNG y el Cártel de Sinaloa, organizaciones que "
     "desde hace años se disputan las rutas que cruzan Zacatecas hacia Jalisco y Durango.", "MX-JAL"),
    ("On Jan. 6, two farmworkers were killed when a buried mine went off outside Tepalcatepec, Michoacán. Officials "
     "blamed the CJNG, which has been trying to push into the valley from the neighbouring state of Jalisco.",
     "MX-JAL"),
    ("Outsiders tend to compare Guanajuato with Tamaulipas, where the Gulf Cartel splintered into rival factions a "
     "decade ago and never re-formed.", "MX-TAM"),
])
def test_where_a_road_leads_where_a_group_comes_from_and_old_history_are_no_states(run, text, state):
    assert state not in run(text, published="2026-01-14")["states"]


@pytest.mark.parametrize("text", [
    "Las columnas de humo que aparecen en los videos corresponden a la quema de pastizales en un terreno baldío de San "
    "Juan del Río, Querétaro.",
    "El secretario reconoció que ambas organizaciones se enfrentan por el control de los caminos del Altiplano de San "
    "Luis Potosí.",
])
def test_a_grass_fire_and_a_war_for_control_are_no_incidents(run, text):
    assert run(text)["events"] == []


def test_a_buried_mine_that_kills_is_a_landmine_explosion(run):
    e = only_event(run("On Jan. 6, two farmworkers were killed when a buried mine went off as they walked to a lime "
                       "orchard outside Tepalcatepec, Michoacán.", published="2026-01-14"))
    assert (e["sub_event_type"], e["tactics"]) == ("Remote explosive/landmine/IED", ["landmine"])


def test_bodies_left_with_a_signed_note_are_the_signers_attack(run):
    e = only_event(run("El domingo, a un costado de la carretera a Costa Rica, en Culiacán, Sinaloa, aparecieron tres "
                       "cuerpos con una cartulina firmada por Los Chapitos.", published="2025-12-15"))
    assert (e["sub_event_type"], e["actor_ids"], e["tactics"]) == ("Attack", ["los-chapitos"], ["banner"])


def test_a_war_being_fought_is_no_incident(run):
    assert run("That war is being fought mainly in Sinaloa, but both factions need Sonora's routes.")["events"] == []


@pytest.mark.parametrize("text", [
    "The first group, in February 2025, included Rafael Caro Quintero, wanted for the torture and murder of a DEA "
    "agent, and two brothers from Ocuilan, Estado de México.",
    "La Marina detuvo el lunes en Mazatlán, Sinaloa, a los jefes de una célula dedicada al secuestro y la extorsión.",
])
def test_what_a_person_is_wanted_for_or_a_cell_is_dedicated_to_is_no_incident(run, text):
    assert not events(run(text), "Violence against civilians")


def test_plates_and_where_a_road_leads_are_no_places_of_the_incident(run):
    r = run("Gunmen killed two men traveling in a car with Guanajuato license plates in San Juan del Río, Querétaro, "
            "on the road that leads to Celaya.", published="2025-03-03")
    assert r["states"] == ["MX-QUE"] and only_event(r)["place"] == "San Juan del Río"
