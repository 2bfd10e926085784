"""Relations between actors with evidence; past relations are not output."""
from __future__ import annotations

import pytest

from extract_helpers import actor_ids, only_event, relations, sym


@pytest.mark.parametrize("text, expected", [
    ("The Gulf Cartel and the Cartel del Noreste announced an alliance in Tamaulipas last month.",
     sym("alliance", "gulf-cartel", "cartel-del-noreste")),
    ("El CJNG y Cárteles Unidos anunciaron una alianza en Michoacán.", sym("alliance", "cjng", "carteles-unidos")),
    ("Nemesio “El Mencho” Oseguera Cervantes leads the CJNG, which is fighting the Sinaloa Cartel in Zacatecas.",
     sym("rivalry", "cjng", "sinaloa-cartel")),
    ("Los Chapitos y La Mayiza se enfrentaron en Navolato, Sinaloa.", sym("rivalry", "los-chapitos", "la-mayiza")),
    ("Gunmen from the Chapitos faction of the Sinaloa Cartel clashed with La Mayiza in Culiacán, Sinaloa.",
     ("faction_of", "los-chapitos", "sinaloa-cartel")),
    ("Los Metros split from the Gulf Cartel in Reynosa, Tamaulipas.", sym("split", "los-metros", "gulf-cartel")),
    ("El Mencho, líder del CJNG, ordenó el ataque contra militares en Aguililla, Michoacán.",
     ("leader_of", "nemesio-oseguera-cervantes", "cjng")),
    ("Los Chapitos y La Mayiza acordaron un alto al fuego en Culiacán, Sinaloa.",
     sym("ceasefire", "los-chapitos", "la-mayiza")),
])
def test_relation_kinds_with_evidence(run, text, expected):
    r = run(text)  # the fixture checks text[start:end] == sentence for every relation
    assert expected in relations(r)
    rel = next(x for x in r["relations"] if x["type"] == expected[0])
    assert rel["evidence"][0]["char_span"][0] == 0 and rel["certainty"] in ("asserted", "reported")


@pytest.mark.parametrize("text, expected", [
    ("El Cártel de Santa Rosa de Lima y el CJNG libran una guerra en Guanajuato.", sym("rivalry", "csrl", "cjng")),
    ("El CJNG busca arrebatarle a Los Viagras el control de Apatzingán.", sym("rivalry", "cjng", "los-viagras")),
    ("The CJNG is waging war on the Sinaloa Cartel in Zacatecas.", sym("rivalry", "cjng", "sinaloa-cartel")),
    ("Los Tlacos tried to wrest control from Los Ardillos in Chilapa.", sym("rivalry", "los-tlacos", "los-ardillos")),
])
def test_wars_waged_and_territory_wrested_are_rivalries(run, text, expected):
    assert expected in relations(run(text))


@pytest.mark.parametrize("text, expected", [
    ("The Caborca Cartel is contesting the Sonora corridor with Los Chapitos.", sym("rivalry", "caborca-cartel", "los-chapitos")),
    ("Union Tepito and the Fuerza Anti Unión have been at odds for years.", sym("rivalry", "union-tepito", "fuerza-anti-union")),
])
def test_groups_at_odds_or_contesting_a_territory_are_rivals(run, text, expected):
    assert expected in relations(run(text))


def test_an_alliance_to_face_a_common_enemy_gives_rivalry_with_it(run):
    r = relations(run("La Familia Michoacana mantiene una alianza con Los Viagras para hacer frente al CJNG."))
    assert sym("alliance", "la-familia-michoacana", "los-viagras") in r
    assert sym("rivalry", "la-familia-michoacana", "cjng") in r


def test_a_non_aggression_pact_is_a_ceasefire_not_an_alliance(run):
    for text in ("Los Chapitos y La Mayiza firmaron un pacto de no agresión en Culiacán.",
                 "The Gulf Cartel and the Cartel del Noreste signed a non-aggression pact in Reynosa."):
        kinds = {k for k, _ in relations(run(text))}
        assert kinds == {"ceasefire"}, text


def test_an_enemy_coalition_is_a_rivalry_and_singular_enfrentada_a_cue(run):
    r = relations(run("Los Viagras forman parte de Cárteles Unidos, coalición enemiga del CJNG."))
    assert sym("rivalry", "carteles-unidos", "cjng") in r and sym("alliance", "carteles-unidos", "cjng") not in r
    r = relations(run("Tras la captura de El Mayo, la facción de Los Chapitos quedó enfrentada con La Mayiza."))
    assert sym("rivalry", "los-chapitos", "la-mayiza") in r


def test_a_second_predicate_after_a_place_shares_the_subject(run):
    r = relations(run("Los Mexicles son aliados del Cártel de Sinaloa en Ciudad Juárez y enemigos de La Línea."))
    assert sym("rivalry", "los-mexicles", "la-linea") in r
    assert sym("rivalry", "sinaloa-cartel", "la-linea") not in r


def test_one_relation_keeps_one_evidence_entry_per_sentence(run):
    r = run("Los Chapitos announced an alliance with the CJNG, their historical rival, and the CJNG has "
            "launched attacks against La Mayiza.")
    for rel in r["relations"]:
        spans = [tuple(e["char_span"]) for e in rel["evidence"]]
        assert len(spans) == len(set(spans)), rel


def test_a_split_dated_right_before_its_cue_is_history(run):
    r = run("Los Rojos have fought on since the 2014 split of the Beltrán Leyva organization.", published="2025-06-01")
    assert not [x for x in r["relations"] if x["type"] == "split"]


def test_fighting_under_a_tenuous_ceasefire_gives_rivalry_and_ceasefire(run):
    r = run("The Chapitos and La Mayiza are fighting under a tenuous ceasefire in Culiacán.")
    assert {sym("rivalry", "los-chapitos", "la-mayiza"), sym("ceasefire", "los-chapitos", "la-mayiza")} <= relations(r)


def test_war_under_ceasefire_with_a_faction_apposition(run):
    r = run("The Chapitos and La Mayiza, two factions of the Sinaloa Cartel, have been at war since September "
            "2024 under a tenuous ceasefire.")
    assert {sym("rivalry", "los-chapitos", "la-mayiza"), sym("ceasefire", "los-chapitos", "la-mayiza")} <= relations(r)


def test_truce_is_not_an_alliance(run):
    r = run("Los Chapitos y La Mayiza acordaron un alto al fuego en Culiacán, Sinaloa.")
    assert sym("alliance", "los-chapitos", "la-mayiza") not in relations(r)


@pytest.mark.parametrize("text, past", [
    ("The CJNG, a former ally of the Sinaloa Cartel, is now its main rival.",
     sym("alliance", "cjng", "sinaloa-cartel")),
    ("La Nueva Familia Michoacana, antigua aliada del CJNG, ahora combate a Los Viagras en Tierra Caliente.",
     sym("alliance", "nueva-familia-michoacana", "cjng")),
])
def test_past_relations_are_not_output(run, text, past):
    assert past not in relations(run(text))


def test_former_ally_now_rival_keeps_the_current_rivalry(run):
    r = run("The CJNG, a former ally of the Sinaloa Cartel, is now its main rival.")
    assert relations(r) == {sym("rivalry", "cjng", "sinaloa-cartel")}


def test_spanish_combate_is_rivalry(run):
    r = run("La Nueva Familia Michoacana, antigua aliada del CJNG, ahora combate a Los Viagras en Tierra Caliente.")
    assert sym("rivalry", "nueva-familia-michoacana", "los-viagras") in relations(r)


def test_split_does_not_reach_into_the_next_clause(run):
    r = run("Los Metros split from the Gulf Cartel and now fight the Cartel del Noreste in Reynosa, Tamaulipas.")
    assert sym("split", "los-metros", "cartel-del-noreste") not in relations(r)
    assert sym("rivalry", "los-metros", "cartel-del-noreste") in relations(r)


@pytest.mark.parametrize("text", [
    "Analysts say the CJNG could ally with the Sinaloa Cartel next year.",
    "El CJNG podría aliarse con Cárteles Unidos, según especialistas.",
])
def test_hypothetical_relations_are_not_output(run, text):
    assert run(text)["relations"] == []


def test_a_parent_link_that_ended_does_not_hide_a_war(run):
    # Los Zetas were the Gulf Cartel's armed wing until 2010 (knowledge pack: parent_to)
    r = run("El Cártel del Golfo se encuentra en guerra con Los Zetas desde principios de este año.")
    assert relations(r) == {sym("rivalry", "gulf-cartel", "los-zetas")}


def test_armed_faction_apposition_is_the_party_of_the_war(run):
    r = run("La Fiscalía dijo que el ataque fue realizado por La Línea, facción armada del Cártel de Juárez, que "
            "tiene una guerra con el grupo Los Mexicles.")
    assert relations(r) == {("faction_of", "la-linea", "juarez-cartel"), sym("rivalry", "la-linea", "los-mexicles")}


def test_dispute_between_two_described_factions_reported_by_prosecutors(run):
    r = run("Prosecutors said the killings were part of the long-running dispute between La Línea, the Juárez "
            "Cartel faction that controls much of the local drug market, and Gente Nueva, a Sinaloa Cartel "
            "faction that has tried for years to take the city's street sales.")
    assert relations(r) == {sym("rivalry", "la-linea", "gente-nueva"), ("faction_of", "la-linea", "juarez-cartel"),
                            ("faction_of", "gente-nueva", "sinaloa-cartel")}



def test_a_clash_between_two_factions_is_no_war_with_their_cartel(run):
    record = run("Gunmen of Los Chapitos and La Mayiza, two factions of the Sinaloa Cartel, clashed for hours "
                 "in Culiacán, Sinaloa, on Monday.")
    rels = relations(record)
    assert sym("rivalry", "los-chapitos", "la-mayiza") in rels
    assert sym("rivalry", "la-mayiza", "sinaloa-cartel") not in rels
    assert sym("rivalry", "los-chapitos", "sinaloa-cartel") not in rels


@pytest.mark.parametrize("text", [
    "The CDN, which broke away from Los Zetas years ago, fights the Gulf Cartel in Tamaulipas.",
    "El CDN, que surgió de Los Zetas, combate a los pistoleros del Cártel del Golfo en Tamaulipas.",
])
def test_a_name_inside_a_relative_clause_is_not_the_subject(run, text):
    rels = relations(run(text))
    assert sym("rivalry", "cartel-del-noreste", "gulf-cartel") in rels
    assert sym("rivalry", "los-zetas", "gulf-cartel") not in rels


@pytest.mark.parametrize("text", [
    "The CDN broke away from Los Zetas about a decade ago and now rules Nuevo Laredo.",
    "El Cártel del Noreste se escindió de Los Zetas hace más de diez años.",
    "The CDN split from Los Zetas in 2014.",
])
def test_a_split_long_ago_is_history(run, text):
    assert not any(r[0] == "split" for r in relations(run(text)))


def test_a_recent_split_is_kept(run):
    text = "La Mayiza split from Los Chapitos last year, and the two factions have fought since."
    assert sym("split", "la-mayiza", "los-chapitos") in relations(run(text))


@pytest.mark.parametrize("text", [
    'Los Chapitos, the faction run by the sons of Joaquín "El Chapo" Guzmán, fought La Mayiza in Culiacán.',
    'Los Chapitos, la facción que encabezan los hijos de Joaquín "El Chapo" Guzmán, se enfrentó a La Mayiza.',
])
def test_a_relative_of_the_leader_is_not_the_leader(run, text):
    assert not any(r[0] == "leader_of" for r in relations(run(text)))


def test_led_by_needs_its_leader_after_the_cue(run):
    text = ("Gunmen of La Mayiza, the faction loyal to El Mayo, and Los Chapitos, the faction headed by "
            "the remaining Guzmán brothers, fought in Culiacán.")
    assert ("leader_of", "ismael-zambada-garcia", "los-chapitos") not in relations(run(text))


@pytest.mark.parametrize("text", [
    "Ismael Zambada Sicairos, known as El Mayito Flaco, now commands La Mayiza on the ground.",
    "Ismael Zambada Sicairos, alias El Mayito Flaco, comanda a La Mayiza en Culiacán.",
])
def test_commands_names_a_leader(run, text):
    assert ("leader_of", "ismael-zambada-sicairos", "la-mayiza") in relations(run(text))


def test_a_parent_link_that_ended_in_the_articles_year_hides_no_war(run):
    text = "El Cártel del Golfo se encuentra en guerra con Los Zetas desde principios de este año."
    assert sym("rivalry", "gulf-cartel", "los-zetas") in relations(run(text, published="2010-11-06"))


def test_a_war_before_the_parent_link_ended_is_not_read_as_one(run):
    text = "El Cártel del Golfo se encuentra en guerra con Los Zetas."
    assert sym("rivalry", "gulf-cartel", "los-zetas") not in relations(run(text, published="2009-06-01"))


def test_a_spanish_dropped_subject_is_the_previous_sentences_subject(run):
    text = ("El Cártel de Santa Rosa de Lima creció con el robo de combustible en Guanajuato. "
            "Desde hace años mantiene una disputa armada con el Cártel Jalisco Nueva Generación.")
    assert sym("rivalry", "csrl", "cjng") in relations(run(text))


def test_an_english_sentence_with_one_name_gives_no_relation(run):
    text = ("The Santa Rosa de Lima Cartel grew on fuel theft in Guanajuato. "
            "For years it has been in a dispute with the CJNG.")
    assert sym("rivalry", "csrl", "cjng") not in relations(run(text))


@pytest.mark.parametrize("text", [
    ("Unión Tepito sells drugs in the historic centre. The Fuerza Anti-Unión was formed to push it out. "
     "The two groups have fought for years over extortion."),
    ("La Unión Tepito controla el narcomenudeo en el centro. La Fuerza Anti-Unión surgió para desplazarla. "
     "Las dos organizaciones se disputan desde hace años el cobro de piso."),
])
def test_the_two_groups_names_the_pair_just_mentioned(run, text):
    assert sym("rivalry", "union-tepito", "fuerza-anti-union") in relations(run(text))



def test_a_relative_clause_on_a_name_makes_it_the_subject(run):
    text = ("La Fiscalía dijo que el ataque fue realizado por La Línea, facción armada del Cártel de Juárez, "
            "que tiene una guerra con Los Mexicles, quienes son aliados del Cártel de Sinaloa.")
    rels = relations(run(text))
    assert sym("alliance", "los-mexicles", "sinaloa-cartel") in rels
    assert sym("alliance", "la-linea", "sinaloa-cartel") not in rels


@pytest.mark.parametrize("text", [
    "Medios locales señalan que La Barredora habría buscado el respaldo del Cártel de Sinaloa para enfrentar a su rival, aunque nadie lo ha confirmado.",
    "La Barredora sought the backing of the Sinaloa Cartel against its rivals.",
])
def test_its_rival_is_someone_else(run, text):
    assert not any(r[0] == "rivalry" and "sinaloa-cartel" in r[1] for r in relations(run(text)))


@pytest.mark.parametrize("text", [
    ("La Fiscalía no descartó que las víctimas estén relacionadas con la disputa que el CJNG y el "
     "Cártel de Sinaloa mantienen en la región."),
    "Officials said the attack could be linked to the war between the CJNG and the Sinaloa Cartel.",
])
def test_a_war_named_as_a_definite_noun_holds_inside_a_hedge(run, text):
    record = run(text)
    assert sym("rivalry", "cjng", "sinaloa-cartel") in relations(record)
    assert all(r["certainty"] == "reported" for r in record["relations"] if r["type"] == "rivalry")


def test_a_hedged_alliance_stays_out(run):
    text = "Analysts said the CJNG could have struck an alliance with Los Chapitos."
    assert not relations(run(text))


def _timed(record, kind):
    return {(r["valid_from"], r["valid_to"]) for r in record["relations"] if r["type"] == kind}


@pytest.mark.parametrize("text, published, expected", [
    ("Los Chapitos and La Mayiza have been at war since September 2024.", "2025-03-14", ("2024-09", None)),
    ("Los Chapitos and La Mayiza have been at war since September.", "2025-03-14", ("2024-09", None)),
    ("El Cártel de Santa Rosa de Lima mantiene desde hace al menos cuatro años una disputa armada con el "
     "Cártel Jalisco Nueva Generación.", "2020-08-02", ("2016", None)),
    ("El Cártel del Golfo se encuentra en guerra con Los Zetas desde principios de este año.", "2010-11-06",
     ("2010", None)),
    ("El CJNG y el Cártel de Sinaloa mantienen una disputa desde el año pasado.", "2025-03-14", ("2024", None)),
    ("Los Chapitos and La Mayiza have been at war since the start of this year.", "2025-03-14", ("2025", None)),
    ("Los Chapitos and La Mayiza have been at war since last year.", "2025-03-14", ("2024", None)),
    ("Los Chapitos and La Mayiza fight for Culiacán.", "2025-03-14", (None, None)),
])
def test_a_relation_keeps_the_time_the_text_gives(run, text, published, expected):
    assert _timed(run(text, published=published), "rivalry") == {expected}


def test_a_split_takes_its_own_date(run):
    text = "In September 2024 the Sinaloa Cartel split into two factions, Los Chapitos and La Mayiza."
    assert _timed(run(text), "split") == {("2024-09", None)}


def test_a_time_in_another_clause_is_not_the_relations(run):
    text = ("A truce holds between Los Metros and Grupo Escorpión, two factions of the Gulf Cartel, "
            "which have fought each other since 2017.")
    record = run(text)
    assert _timed(record, "ceasefire") == {(None, None)}
    assert _timed(record, "faction_of") <= {(None, None)}


@pytest.mark.parametrize("text, expected", [
    ("Los Viagras son aliados del Cártel de Sinaloa en Michoacán.", sym("alliance", "los-viagras", "sinaloa-cartel")),
    ("La Nueva Familia Michoacana combate al CJNG en el Estado de México.",
     sym("rivalry", "nueva-familia-michoacana", "cjng")),
])
def test_spanish_cues_match_their_contractions(run, text, expected):
    assert expected in relations(run(text))


def test_a_cartel_that_broke_in_two_splits_into_the_factions_the_article_names(run):
    text = ("How the Sinaloa Cartel broke in two\n\n"
            "Gunmen of Los Chapitos and La Mayiza have fought in Culiacán since September.")
    assert sym("split", "los-chapitos", "la-mayiza") in relations(run(text))


def test_a_cartel_that_broke_in_two_with_three_factions_named_pairs_none(run):
    text = ("How the Gulf Cartel broke in two\n\n"
            "Los Metros, Los Rojos and Grupo Escorpión have fought in Reynosa since September.")
    assert not any(r[0] == "split" for r in relations(run(text)))


def test_led_by_a_leaders_sons_is_not_led_by_him(run):
    text = ('Known as the Caborca Cartel, the group is led by Caro Quintero and has been fighting Los Chapitos, '
            'the Sinaloa Cartel faction led by Joaquín "El Chapo" Guzmán\'s sons, for control of routes.')
    rels = relations(run(text))
    assert ("leader_of", "rafael-caro-quintero", "caborca-cartel") in rels
    assert ("leader_of", "joaquin-guzman-loera", "los-chapitos") not in rels


@pytest.mark.parametrize("text", [
    ("Algunos especialistas consideran que la Fuerza Anti-Unión habría establecido una alianza con el CJNG, "
     "aunque esa versión nunca ha sido confirmada."),
    "The Fuerza Anti-Unión has reportedly allied with the CJNG, a claim that has not been confirmed.",
])
def test_an_unconfirmed_rumour_is_not_a_relation(run, text):
    assert not relations(run(text))


def test_a_hedged_relation_without_doubt_stays_reported(run):
    text = "La Fuerza Anti-Unión habría establecido una alianza con el CJNG, según medios locales."
    assert sym("alliance", "fuerza-anti-union", "cjng") in relations(run(text))


@pytest.mark.parametrize("text", [
    "La Mayiza, the faction that responds to Ismael Zambada Sicairos, fought Los Chapitos in Culiacán.",
    "La Mayiza, the faction loyal to Ismael Zambada Sicairos, fought Los Chapitos in Culiacán.",
])
def test_a_faction_that_responds_to_a_person_is_led_by_him(run, text):
    assert ("leader_of", "ismael-zambada-sicairos", "la-mayiza") in relations(run(text))


@pytest.mark.parametrize("text, expected", [
    ("La Nueva Familia Michoacana busca desplazar a Los Viagras de Tierra Caliente.",
     sym("rivalry", "nueva-familia-michoacana", "los-viagras")),
    ("Los Viagras operan con el respaldo del Cártel de Sinaloa en Michoacán.",
     sym("alliance", "los-viagras", "sinaloa-cartel")),
    ("La Línea, grupo criminal ligado al Cártel de Juárez, controla el centro de Chihuahua.",
     ("faction_of", "la-linea", "juarez-cartel")),
])
def test_more_spanish_relation_wording(run, text, expected):
    assert expected in relations(run(text))


@pytest.mark.parametrize("text, allies, enemy", [
    ("Los Tlacos se aliaron con La Familia Michoacana para frenar al CJNG en la Tierra Caliente.",
     ("los-tlacos", "la-familia-michoacana"), "cjng"),
    ("The Gulf Cartel teamed up with the Cartel del Noreste to counter the CJNG in Tamaulipas.",
     ("gulf-cartel", "cartel-del-noreste"), "cjng"),
])
def test_an_alliance_to_stop_a_group_is_a_war_with_it(run, text, allies, enemy):
    found = relations(run(text))
    assert sym("alliance", *allies) in found
    for ally in allies:
        assert sym("rivalry", ally, enemy) in found and sym("alliance", ally, enemy) not in found


@pytest.mark.parametrize("text, expected", [
    ("Los Mexicles pelea el centro de Ciudad Juárez con La Línea.", sym("rivalry", "los-mexicles", "la-linea")),
    ("El principal enemigo del Cártel de Sinaloa en Sonora es el Cártel de Caborca.",
     sym("rivalry", "sinaloa-cartel", "caborca-cartel")),
    ("The main enemy of La Nueva Familia Michoacana in Guerrero remains Los Tlacos.",
     sym("rivalry", "nueva-familia-michoacana", "los-tlacos")),
    ("Los Ardillos, archrivals of Los Tlacos, blocked the road to Chilapa.", sym("rivalry", "los-ardillos", "los-tlacos")),
])
def test_main_enemies_and_archrivals_are_rivals(run, text, expected):
    assert expected in relations(run(text))


def test_a_noun_without_a_copula_does_not_pair_the_names_after_it(run):
    found = relations(run("La principal enemiga del CJNG dejó mantas en Uruapan, según Los Viagras."))
    assert sym("rivalry", "cjng", "los-viagras") not in found


@pytest.mark.parametrize("text, expected", [
    ("Local reporters say Los Viagras now work hand in hand with the Sinaloa Cartel in Tierra Caliente.",
     sym("alliance", "los-viagras", "sinaloa-cartel")),
    ("La Nueva Familia Michoacana reached an understanding with Los Tlacos in Guerrero.",
     sym("alliance", "nueva-familia-michoacana", "los-tlacos")),
    ("El Cártel de Caborca apoya a La Mayiza en el norte de Sonora.", sym("alliance", "caborca-cartel", "la-mayiza")),
    ("Los Rusos pactaron con La Mayiza en el valle de Mexicali.", sym("alliance", "los-rusos-sinaloa", "la-mayiza")),
])
def test_working_together_and_backing_are_alliances(run, text, expected):
    assert expected in relations(run(text))


def test_according_to_is_not_an_agreement(run):
    found = relations(run("De acuerdo con el CJNG, Los Viagras se enfrentaron con la Guardia Nacional en Buenavista."))
    assert sym("alliance", "cjng", "los-viagras") not in found


def test_a_faction_called_its_owners_arm_belongs_to_the_name_before(run):
    found = relations(run("La Línea y Los Aztecas, su brazo armado, pelean contra Los Mexicles en Ciudad Juárez."))
    assert ("faction_of", "los-aztecas", "la-linea") in found
    assert ("faction_of", "los-aztecas", "los-mexicles") not in found


@pytest.mark.parametrize("text, expected", [
    ("The CJNG holds most of Colima. Its main rival there, the Sinaloa Cartel, controls the port road.",
     sym("rivalry", "cjng", "sinaloa-cartel")),
    ("Los Chapitos controlan el norte de Culiacán. Sus rivales de La Mayiza dominan Eldorado.",
     sym("rivalry", "los-chapitos", "la-mayiza")),
    ("La Nueva Familia Michoacana controla Arcelia. Desde el año pasado, el CJNG le disputa la región.",
     sym("rivalry", "cjng", "nueva-familia-michoacana")),
    ("Los Viagras dominan Aguililla. El CJNG los combate desde hace años.", sym("rivalry", "cjng", "los-viagras")),
])
def test_a_possessive_or_object_pronoun_points_to_the_group_before(run, text, expected):
    assert expected in relations(run(text))


def test_its_rivals_is_not_the_group_itself(run):
    r = run("The CJNG left banners in Fresnillo, Zacatecas, on Monday, in which it threatened its rivals.")
    (cjng,) = [a for a in r["actors"] if a["id"] == "cjng"]
    assert cjng["surface"] == ["CJNG"] and cjng["mentions"] == [[4, 8]]


@pytest.mark.parametrize("text, expected", [
    ("La sierra de Guerrero es disputada por Los Tlacos y La Nueva Familia Michoacana.",
     sym("rivalry", "los-tlacos", "nueva-familia-michoacana")),
    ("Los Ardillos mantienen una guerra abierta contra Los Tlacos en Chilapa.", sym("rivalry", "los-ardillos", "los-tlacos")),
    ("The Tierra Caliente corridor is contested by the CJNG and Cárteles Unidos.", sym("rivalry", "cjng", "carteles-unidos")),
])
def test_contested_territory_and_open_war_are_rivalries(run, text, expected):
    assert expected in relations(run(text))


def test_a_group_known_as_a_name_is_that_group_not_an_example(run):
    found = relations(run("El grupo delictivo conocido como Los Viagras, aliado del Cártel de Sinaloa, opera en Buenavista."))
    assert sym("alliance", "los-viagras", "sinaloa-cartel") in found


def test_an_article_before_a_relation_noun_is_not_an_object_pronoun(run):
    found = relations(run("Los Chapitos controlan Culiacán. Los Viagras y Los Caballeros Templarios mantienen la "
                          "disputa en Apatzingán."))
    assert sym("rivalry", "los-viagras", "caballeros-templarios") in found
    assert not any("los-chapitos" in r[1:] for r in found)


@pytest.mark.parametrize("text, expected", [
    # the pair noun stands for the two groups just named
    ("Células de Los Chapitos y de La Mayiza se enfrentaron en Culiacán. Las dos organizaciones son "
     "facciones del Cártel de Sinaloa.",
     {("faction_of", "los-chapitos", "sinaloa-cartel"), ("faction_of", "la-mayiza", "sinaloa-cartel")}),
    # "its other main faction": the owner is the cartel of the sentence before
    ("The Scorpions are only one piece of what remains of the Gulf Cartel. In Reynosa, its other main "
     "faction, the Metros, has fought the Scorpions for years.",
     {("faction_of", "los-metros", "gulf-cartel")}),
    # machine-translated "brazo armado"
    ("Los Mezcales, group that operates as armed arm of the Sinaloa Cartel, fights the CJNG in Colima.",
     {("faction_of", "los-mezcales", "sinaloa-cartel")}),
])
def test_factions_named_through_a_pair_noun_a_possessive_or_a_calque(run, text, expected):
    assert expected <= relations(run(text))


def test_a_pair_noun_with_three_groups_before_names_no_faction(run):
    found = relations(run("Los Chapitos, La Mayiza y el CJNG pelean en Sinaloa. Las dos organizaciones son "
                          "facciones del Cártel de Sinaloa."))
    assert not [r for r in found if r[0] == "faction_of"]  # which two of the three is not said


def test_a_jailed_leader_does_not_lead(run):
    found = relations(run('The Chapitos and La Mayiza, loyal to the jailed Ismael "El Mayo" Zambada, are still '
                          'fighting in Culiacán.'))
    assert not [r for r in found if r[0] == "leader_of"]
    led = relations(run('La Mayiza, led by Ismael "El Mayo" Zambada, is fighting in Culiacán.'))
    assert ("leader_of", "ismael-zambada-garcia", "la-mayiza") in led


def test_factions_of_a_cartel_named_in_the_next_sentence(run):
    found = relations(run("When the two main factions of the Sinaloa Cartel turned on each other, few expected "
                          "a long war. The Chapitos and La Mayiza are still fighting in Culiacán."))
    assert {("faction_of", "los-chapitos", "sinaloa-cartel"), ("faction_of", "la-mayiza", "sinaloa-cartel")} <= found


@pytest.mark.parametrize("text, expected", [
    # a negation before a colon belongs to another clause
    ("Para los que no son de aquí: el cártel de Caborca es el grupo de Caro Quintero.",
     ("leader_of", "rafael-caro-quintero", "caborca-cartel")),
    ('Antonio Ezequiel Cárdenas Guillén, "Tony Tormenta", uno de los principales líderes del Cártel del Golfo, '
     "murió ayer en Matamoros.", ("leader_of", "antonio-ezequiel-cardenas-guillen", "gulf-cartel")),
    ('The former official, known as "Comandante H," is accused by prosecutors of leading La Barredora in Tabasco.',
     ("leader_of", "hernan-bermudez-requena", "la-barredora-tabasco")),
])
def test_more_leadership_wording(run, text, expected):
    assert expected in relations(run(text))


def test_his_group_is_led_by_the_person_named_before_when_the_pack_agrees(run):
    text = ("The Navy arrested Rafael Caro Quintero on Friday in Choix, Sinaloa. A dog found him in the brush. "
            "His Caborca Cartel has been fighting the Chapitos for Sonora.")
    assert ("leader_of", "rafael-caro-quintero", "caborca-cartel") in relations(run(text))
    other = ("The Navy arrested Rafael Caro Quintero on Friday in Choix, Sinaloa. His Jalisco New Generation "
             "Cartel rivals were not involved.")
    assert not [r for r in relations(run(other)) if r[0] == "leader_of"]


def test_a_negation_in_the_same_clause_still_denies(run):
    found = relations(run("El cártel de Caborca no es el grupo de Caro Quintero, dijo el fiscal."))
    assert ("leader_of", "rafael-caro-quintero", "caborca-cartel") not in found


def test_a_member_named_after_among_them_belongs_to_the_coalition(run):
    found = relations(run("Growers blame the extortion on the CJNG and on local groups that belong to the Cárteles "
                          "Unidos coalition, among them Los Viagras."))
    assert ("faction_of", "los-viagras", "carteles-unidos") in found
    assert ("faction_of", "cjng", "carteles-unidos") not in found


def test_the_two_groups_reaches_five_sentences_back(run):
    text = ("The Caborca Cartel and the Chapitos fought in Caborca, Sonora. Two people died. The Army came later. "
            "Shops closed. Nobody was arrested. The two groups have been fighting over the desert routes for years.")
    assert sym("rivalry", "caborca-cartel", "los-chapitos") in relations(run(text))


def test_the_ciclones_are_a_gulf_cartel_faction(run):
    found = relations(run("Marines killed a regional leader of the Ciclones, a faction of the Gulf Cartel, in "
                          "Tampico, Tamaulipas."))
    assert ("faction_of", "los-ciclones", "gulf-cartel") in found


def test_within_a_cartel_the_group_named_next_is_its_faction(run):
    found = relations(run("Dentro del Cártel de Sinaloa, Los Chapitos controlan el norte de Culiacán."))
    assert ("faction_of", "los-chapitos", "sinaloa-cartel") in found


@pytest.mark.parametrize("text, expected", [
    ("The area is disputed by Los Ardillos and Los Rojos.", sym("rivalry", "los-ardillos", "los-rojos")),
    ("The CJNG has been trying for months to push Cárteles Unidos out of Buenavista.",
     sym("rivalry", "cjng", "carteles-unidos")),
    # unnamed factions stand for their cartel
    ("San Fernando ha sido escenario de enfrentamientos entre facciones del Cártel del Golfo y el Cártel del Noreste.",
     sym("rivalry", "gulf-cartel", "cartel-del-noreste")),
])
def test_disputed_by_pushing_out_and_unnamed_factions_are_rivalries(run, text, expected):
    assert expected in relations(run(text))


def test_the_group_whose_view_opens_a_sentence_is_not_a_party(run):
    text = ("Los Chapitos pactaron con el CJNG en Culiacán. Para La Mayiza, el pacto confirmó que sus rivales "
            "habían perdido fuerza.")
    found = relations(run(text))
    assert sym("alliance", "la-mayiza", "cjng") not in found


def test_a_group_called_a_cell_of_a_cartel_is_its_faction(run):
    found = relations(run("He answered to Los Salazar, a Sinaloa Cartel cell that has been fighting the Caborca "
                          "Cartel in Sonora."))
    assert ("faction_of", "los-salazar", "sinaloa-cartel") in found


def test_a_name_inside_an_apposition_is_not_the_subject(run):
    found = relations(run("The United Cartels, an alliance that includes Los Viagras, has fought the CJNG in "
                          "Michoacán since 2020."))
    assert sym("rivalry", "carteles-unidos", "cjng") in found
    assert sym("rivalry", "los-viagras", "cjng") not in found


def test_allies_in_one_clash_are_not_made_rivals(run):
    found = relations(run("Los Viagras, a group allied with the CJNG, attacked self-defense forces in Buenavista, "
                          "Michoacán."))
    assert sym("alliance", "los-viagras", "cjng") in found
    assert sym("rivalry", "los-viagras", "cjng") not in found


@pytest.mark.parametrize("text", [
    'The Chapitos are at war with the faction loyal to Ismael "El Mayo" Zambada.',
    'Los Chapitos están en guerra con la facción leal a Ismael "El Mayo" Zambada.',
])
def test_the_faction_loyal_to_a_leader_is_his_faction(run, text):
    found = relations(run(text))
    assert sym("rivalry", "los-chapitos", "la-mayiza") in found
    assert not {r for r in found if r[0] == "leader_of"}


def test_a_stronghold_of_a_loyal_faction_makes_no_actor(run):
    record = run('Eldorado has long been a stronghold of the faction loyal to Ismael "El Mayo" Zambada.')
    assert "la-mayiza" not in actor_ids(record)


def test_gunmen_loyal_to_a_leader_are_his_faction(run):
    text = "Sicarios leales a El Mayo atacaron a integrantes de Los Chapitos en Culiacán, Sinaloa, el lunes."
    record = run(text)
    assert sym("rivalry", "la-mayiza", "los-chapitos") in relations(record)
    assert not {r for r in relations(record) if r[0] == "leader_of"}


def test_cartel_of_the_gulf_in_translated_word_order(run):
    found = relations(run("The aggressors belonged to a cell of the Metros, faction of the Cartel of the Gulf, which "
                          "maintains a war with the Cartel of the Northeast."))
    assert ("faction_of", "los-metros", "gulf-cartel") in found


@pytest.mark.parametrize("text, current", [
    ("Between 2008 and 2012, the war between the Juárez Cartel and the Sinaloa Cartel made Ciudad Juárez one of the "
     "deadliest cities in the world.", False),
    ("La disputa entre el Cártel de Juárez y el Cártel de Sinaloa comenzó en 2008.", True),
    ("Since 2008 the Juárez Cartel has fought the Sinaloa Cartel.", True),
])
def test_a_bounded_past_is_history(run, text, current):
    found = relations(run(text, published="2023-01-05"))
    assert (sym("rivalry", "juarez-cartel", "sinaloa-cartel") in found) == current


def test_the_leader_after_a_relative_verb_and_both_alone(run):
    text = ("De un lado están Los Chapitos; del otro, La Mayiza, la facción que hoy dirige Ismael Zambada Sicairos. "
            "Desde entonces ambas se disputan la ciudad.")
    found = relations(run(text))
    assert ("leader_of", "ismael-zambada-sicairos", "la-mayiza") in found
    assert sym("rivalry", "los-chapitos", "la-mayiza") in found


def test_new_groups_in_the_pack(run):
    found = relations(run("El Cártel Chiapas-Guatemala, aliado del CJNG, combate al Cártel de Sinaloa en Frontera "
                          "Comalapa, Chiapas."))
    assert sym("alliance", "cartel-chiapas-guatemala", "cjng") in found


@pytest.mark.parametrize("text", [
    "La Costa Grande es disputada por La Familia Michoacana y por Los Tlacos.",
    "La Costa Grande es disputada desde hace años por La Familia Michoacana, que encabezan los hermanos Hurtado "
    "Olascoaga, y por Los Tlacos.",
])
def test_disputed_by_one_and_by_the_other(run, text):
    assert sym("rivalry", "la-familia-michoacana", "los-tlacos") in relations(run(text))


def test_two_names_of_one_organisation_under_one_leader_are_not_rivals(run):
    text = ("Gunmen ambushed state police in Coyuca de Benítez, Guerrero, on Monday. Officials blamed La Nueva Familia "
            "Michoacana. La Familia Michoacana, led by José Alfredo Hurtado Olascoaga, has fought Los Tlacos for two "
            "years.")
    found = relations(run(text))
    assert sym("rivalry", "la-familia-michoacana", "nueva-familia-michoacana") not in found
    assert sym("rivalry", "la-familia-michoacana", "los-tlacos") in found


def test_cartel_new_plaza_in_spanish_word_order(run):
    record = run("In the metropolitan zone, the CJNG also maintains a dispute with the Cartel New Plaza.")
    assert sym("rivalry", "cjng", "nueva-plaza-cartel") in relations(record)


def test_a_parent_named_in_apposition_is_not_one_of_the_pair(run):
    found = relations(run("Los Mayos y Los Chapitos, las dos facciones en las que se partió el Cártel de Sinaloa, se "
                          "disputan ahora esta región."))
    assert sym("rivalry", "la-mayiza", "los-chapitos") in found


@pytest.mark.parametrize("text", [
    'La Familia, which authorities say is run by the brothers Johnny "El Pez" and José Alfredo "El Fresa" '
    "Hurtado Olascoaga, dominates Tierra Caliente.",
    'La Familia Michoacana es dirigida por los hermanos Hurtado Olascoaga ("El Pez" y "El Fresa"), según las autoridades.',
])
def test_two_leaders_named_together_both_lead(run, text):
    found = relations(run(text))
    assert ("leader_of", "johnny-hurtado-olascoaga", "la-familia-michoacana") in found
    assert ("leader_of", "jose-alfredo-hurtado-olascoaga", "la-familia-michoacana") in found


def test_fighting_over_the_plaza_in_colloquial_spanish_is_a_rivalry(run):
    r = run("aqui en el altiplano el cjng y el cartel del golfo se estan peleando la plaza desde hace rato.")
    assert sym("rivalry", "cjng", "gulf-cartel") in relations(r)


@pytest.mark.parametrize("text", [
    "Los Tlacos have been fighting La Familia Michoacana. In early 2024, bishops said they had tried to broker "
    "a truce between the two groups.",
    "Los Tlacos y La Familia Michoacana se disputan la sierra. Los obispos intentaron mediar una tregua entre "
    "ambos grupos.",
])
def test_a_truce_sought_is_no_ceasefire(run, text):
    found = relations(run(text))
    assert sym("rivalry", "los-tlacos", "la-familia-michoacana") in found
    assert not [x for x in found if x[0] == "ceasefire"]


def test_a_leader_identified_as_the_groups_leader(run):
    r = run("Los Ardillos grew out of a family network in Quechultenango. Federal authorities identify "
            "Celso Ortega Jiménez as the group's leader.")
    assert ("leader_of", "celso-ortega-jimenez", "los-ardillos") in relations(r)


def test_two_state_forces_in_one_operation_are_no_alliance(run):
    r = run("Early this morning, agents of the federal Attorney General's Office, backed by marines, arrested a "
            "financial operator of the Fuerza Anti-Unión in Iztapalapa, Mexico City.")
    assert not [x for x in relations(r) if x[0] == "alliance"]
    assert only_event(r)["sub_event_type"] == "Arrests"


def test_a_group_founded_years_ago_is_no_event_and_its_short_name_is_known(run):
    r = run("Its main rival is the Fuerza Anti-Unión, a splinter group set up several years ago by former members "
            "of the gang. City prosecutors say the Anti-Unión now works with the Jalisco New Generation Cartel.")
    assert r["events"] == []
    assert sym("alliance", "fuerza-anti-union", "cjng") in relations(r)


def test_factions_described_in_apposition_inside_speculation_are_still_factions(run):
    r = run("Some colleagues believe it could be linked to the war between Los Chapitos and La Mayiza, the two "
            "factions of the Sinaloa Cartel, but that is speculation.")
    found = relations(r)
    assert ("faction_of", "los-chapitos", "sinaloa-cartel") in found
    assert ("faction_of", "la-mayiza", "sinaloa-cartel") in found


@pytest.mark.parametrize("text", [
    'The main war is between the Jalisco New Generation Cartel, Nemesio "El Mencho" Oseguera\'s organization, '
    "and a coalition of local groups called Cárteles Unidos.",
    'La guerra es entre el Cártel Jalisco Nueva Generación (CJNG), la organización de Nemesio "El Mencho" '
    "Oseguera, y una coalición de grupos locales llamada Cárteles Unidos.",
])
def test_a_leaders_organization_in_apposition_and_a_party_named_after_its_description(run, text):
    found = relations(run(text))
    assert ("leader_of", "nemesio-oseguera-cervantes", "cjng") in found
    assert ("leader_of", "nemesio-oseguera-cervantes", "carteles-unidos") not in found
    assert sym("rivalry", "cjng", "carteles-unidos") in found


def test_a_possessive_with_no_group_beside_it_leads_nothing(run):
    found = relations(run("Soldiers said El Mayo's group fought the CJNG near Culiacán, Sinaloa."))
    assert not [x for x in found if x[0] == "leader_of"]


@pytest.mark.parametrize("text", [
    "The Sinaloa organization answered through local allies, notably the so-called Cártel Chiapas-Guatemala, which "
    "federal officials describe as a Sinaloa Cartel faction recruited in the border communities.",
    "La guerra entre el CJNG y el Cártel de Sinaloa, que en la región opera a través del llamado Cártel "
    "Chiapas-Guatemala, una de sus facciones, sigue en Frontera Comalapa.",
])
def test_the_chiapas_guatemala_cartel_is_a_sinaloa_cartel_faction(run, text):
    assert ("faction_of", "cartel-chiapas-guatemala", "sinaloa-cartel") in relations(run(text))


def test_a_group_named_beside_a_parents_faction_noun_is_not_made_its_faction_by_chance(run):
    found = relations(run("The Chapitos clashed with the CJNG, a Sinaloa Cartel faction said."))
    assert ("faction_of", "cjng", "sinaloa-cartel") not in found


@pytest.mark.parametrize("text, pair", [
    ("Los Salazar, célula del Cártel de Sinaloa que libra una disputa armada con el grupo La Línea por el control "
     "de la sierra de Urique.", ("los-salazar", "la-linea")),
    ("En Guanajuato, la guerra que el CJNG y el Cártel de Santa Rosa de Lima libran desde hace años por el "
     "huachicol ha convertido a Celaya en sinónimo de masacre.", ("cjng", "csrl")),
    ("No es nuevo: el CJNG y el Cártel de Santa Rosa de Lima libran desde hace años una guerra por el robo de "
     "combustible.", ("cjng", "csrl")),
])
def test_wars_waged_in_spanish_wording(run, text, pair):
    assert sym("rivalry", *pair) in relations(run(text))


@pytest.mark.parametrize("text", [
    "A principios de septiembre estalló la guerra entre las dos facciones del Cártel de Sinaloa: Los Chapitos y "
    'La Mayiza, el grupo leal a Ismael "El Mayo" Zambada.',
    "Culiacán has been the main battleground of a war between two factions of the Sinaloa Cartel since "
    'September: Los Chapitos, controlled by the sons of Joaquín "El Chapo" Guzmán, and La Mayiza.',
    'The fighting between its two factions - Los Chapitos, controlled by the sons of Joaquín "El Chapo" Guzmán, '
    "and La Mayiza - has killed well over a thousand people in Sinaloa.",
])
def test_a_war_between_two_factions_listed_after_a_colon_or_dash(run, text):
    assert sym("rivalry", "los-chapitos", "la-mayiza") in relations(run(text))


@pytest.mark.parametrize("text", [
    "The strongest faction of Cárteles Unidos is Los Viagras, a family-based group from the Apatzingán valley.",
    "For six years the CJNG has been held back by Cárteles Unidos, a loose coalition of local armed groups whose "
    "best-known member is Los Viagras.",
    "The CJNG has been fighting for years against Cárteles Unidos, a coalition of local groups in which Los "
    "Viagras are the main fighting force.",
])
def test_a_coalition_member_named_in_its_description(run, text):
    assert ("faction_of", "los-viagras", "carteles-unidos") in relations(run(text))


def test_a_pair_called_allied_organizations_are_not_allies_of_the_group_after(run):
    found = relations(run("Había denunciado que Los Viagras y Cárteles Unidos, organizaciones aliadas que se disputan "
                          "la región con el Cártel Jalisco Nueva Generación (CJNG), extorsionaban a productores."))
    assert not [x for x in found if x[0] == "alliance" and "cjng" in x[1]]
    assert sym("rivalry", "carteles-unidos", "cjng") in found
    other = relations(run("En Ciudad Juárez, La Línea mantiene una guerra contra Los Mexicles y Gente Nueva, dos grupos "
                          "aliados del Cártel de Sinaloa."))
    assert sym("alliance", "los-mexicles", "gente-nueva") not in other


@pytest.mark.parametrize("text", [
    "La célula forma parte de La Familia Michoacana, organización encabezada por los hermanos José Alfredo y "
    'Johnny Hurtado Olascoaga, alias "El Fresa" y "El Pez", que mantiene una disputa con el CJNG.',
    'La Familia Michoacana, led by the brothers Johnny and José Alfredo Hurtado Olascoaga, known as "El Pez" and '
    '"El Fresa", dominates much of the Tierra Caliente.',
])
def test_leaders_named_in_full_then_by_alias_all_lead(run, text):
    found = relations(run(text))
    assert ("leader_of", "johnny-hurtado-olascoaga", "la-familia-michoacana") in found
    assert ("leader_of", "jose-alfredo-hurtado-olascoaga", "la-familia-michoacana") in found


@pytest.mark.parametrize("text", [
    "The war between the Los Chapitos and La Mayiza factions of the Sinaloa Cartel continues in Culiacán.",
    "The war between the Chapitos and Mayiza factions continues in Culiacán.",
])
def test_two_names_before_a_plural_faction_noun_are_the_factions_that_fight(run, text):
    assert sym("rivalry", "los-chapitos", "la-mayiza") in relations(run(text))


def test_a_source_who_asked_not_to_be_named_does_not_negate_the_claim(run):
    r = run("According to a state official who asked not to be named, the fight pitted prisoners loyal to Los "
            "Chapitos against inmates aligned with La Mayiza.")
    assert sym("rivalry", "los-chapitos", "la-mayiza") in relations(r)
    assert sym("alliance", "los-chapitos", "la-mayiza") not in relations(r)  # the inmates' side, no pact


def test_a_coalition_in_apposition_is_what_the_group_is_and_a_group_noun_its_leader_leads(run):
    r = run('El martes, en Aguililla, Michoacán, se registró un enfrentamiento entre hombres armados del CJNG y de '
            'Cárteles Unidos, la coalición de grupos locales que se formó para frenar el avance de la organización '
            'que encabeza Nemesio "El Mencho" Oseguera.')
    rels = relations(r)
    assert sym("alliance", "cjng", "carteles-unidos") not in rels
    assert sym("rivalry", "cjng", "carteles-unidos") in rels
    assert ("leader_of", "nemesio-oseguera-cervantes", "cjng") in rels
    assert ("leader_of", "nemesio-oseguera-cervantes", "carteles-unidos") not in rels


@pytest.mark.parametrize("text", [
    "La facción que encabeza el Mayito Flaco pelea con el CJNG en Nayarit.",
    "Para los que no sepan, la facción que encabeza el Mayito Flaco es una parte del Cártel de Sinaloa.",
])
def test_the_faction_a_person_leads_is_the_one_named_after_him(run, text):
    rels = relations(run(text))
    assert ("leader_of", "ismael-zambada-sicairos", "la-mayiza") in rels
    assert ("leader_of", "ismael-zambada-sicairos", "cjng") not in rels


@pytest.mark.parametrize("text", [
    "Alla pegado a Sinaloa continua la guerra entre la faccion de Los Chapitos del Cartel de Sinaloa y la Mayiza.",
    "The war between Los Chapitos of the Sinaloa Cartel and La Mayiza goes on in Culiacán.",
])
def test_a_factions_parent_named_after_it_is_no_party_of_its_war(run, text):
    rels = relations(run(text))
    assert sym("rivalry", "los-chapitos", "la-mayiza") in rels
    assert sym("rivalry", "la-mayiza", "sinaloa-cartel") not in rels


def test_a_cell_working_in_coordination_with_a_cartel_is_its_ally(run):
    r = run('The state security ministry says the gunmen belong to a cell of the Arellano Félix organization that '
            'operates in Tijuana, Baja California, "in coordination with the Jalisco New Generation Cartel".')
    assert sym("alliance", "tijuana-cartel", "cjng") in relations(r)


def test_a_leader_said_to_be_jailed_leads_no_one_now(run):
    rels = relations(run('The Sinaloa Cartel split into two warring factions: Los Chapitos, led by Iván Archivaldo '
                         'Guzmán, and La Mayiza, loyal to Ismael "El Mayo" Zambada, who is jailed in the United States.'))
    assert ("leader_of", "ivan-archivaldo-guzman", "los-chapitos") in rels
    assert not {r for r in rels if r[0] == "leader_of" and r[2] == "la-mayiza"}


def test_groups_that_have_disputed_a_market_for_years_are_rivals(run):
    r = run("Security analysts say the CJNG and the Sinaloa Cartel have for years disputed retail drug sales in "
            "Cancún and along the Riviera Maya.")
    assert relations(r) == {sym("rivalry", "cjng", "sinaloa-cartel")}


def test_a_group_that_disputed_a_claim_has_no_rival(run):
    assert run("The CJNG disputed the claim that it had attacked the bar, in a banner left in Celaya.")["relations"] == []
