"""Places: state, municipality, coordinates and precision; homonyms settled by context; places
abroad never get a Mexican state; streets and bordering states are not event locations."""
from __future__ import annotations

import pytest

from extract_helpers import only_event


def test_juarez_michoacan_is_not_ciudad_juarez(run):
    e = only_event(run("Gunmen killed three men in Juárez, Michoacán, on Sunday, the state prosecutor said."))
    assert (e["state"], e["place"]) == ("MX-MIC", "Juárez")
    assert e["geo_precision"] == 2 and e["lat"] is not None and e["lon"] is not None
    assert 18 < e["lat"] < 21 and -104 < e["lon"] < -100  # Michoacán, not the border


def test_ciudad_juarez_is_chihuahua(run):
    e = only_event(run("Hombres armados asesinaron a tres hombres en Ciudad Juárez el domingo, informó la Fiscalía de Chihuahua."))
    assert (e["state"], e["place"]) == ("MX-CHH", "Juárez")
    assert e["lat"] > 30


def test_santa_rosa_de_lima_the_town_is_not_the_cartel(run):
    r = run("Gunmen killed two people in Santa Rosa de Lima, a town in the municipality of Villagrán, "
            "Guanajuato, on Sunday.")
    assert "csrl" not in {a["id"] for a in r["actors"]}
    assert only_event(r)["state"] == "MX-GUA"


@pytest.mark.parametrize("text", [
    "Gunmen killed two people in Santa Rosa de Lima, a town in the municipality of Villagrán, Guanajuato, on Sunday.",
    "Hombres armados mataron a dos personas en Santa Rosa de Lima, comunidad del municipio de Villagrán, Guanajuato.",
])
def test_santa_rosa_de_lima_the_town_is_in_villagran(run, text):
    # the gazetteer's only Guanajuato namesake lies in another municipality: the stated one wins
    e = only_event(run(text))
    assert (e["state"], e["place"]) == ("MX-GUA", "Villagrán")


def test_town_in_its_stated_municipality_keeps_the_town(extractor):
    r = extractor.extract("Gunmen killed two people in Santa Rosa de Lima, a community in the municipality of "
                          "Guanajuato, Guanajuato, on Sunday.", published="2025-03-14")
    (e,) = r.events
    assert (e.place.kind, e.place.name, e.place.municipality) == ("locality", "Santa Rosa de Lima", "Guanajuato")


def test_santa_rosa_de_lima_the_cartel_is_a_group(run):
    r = run("Sicarios del Cártel de Santa Rosa de Lima atacaron un bar en Celaya, Guanajuato.")
    e = only_event(r)
    assert e["actor_ids"] == ["csrl"] and (e["state"], e["place"]) == ("MX-GUA", "Celaya")


@pytest.mark.parametrize("text, state", [
    ("Gunmen killed four people in Guadalupe on Tuesday. Nuevo León prosecutors blamed the Cartel del Noreste.",
     "MX-NLE"),
    ("Gunmen killed four people in Guadalupe, Zacatecas, on Tuesday.", "MX-ZAC"),
    ("En Guadalupe, Nuevo León, hombres armados asesinaron a cuatro personas el martes.", "MX-NLE"),
])
def test_shared_municipality_name_settled_by_context(run, text, state):
    e = only_event(run(text))
    assert (e["state"], e["place"]) == (state, "Guadalupe")


def test_place_abroad_keeps_its_country_and_no_state(run):
    r = run("U.S. agents arrested a Sinaloa Cartel operative in El Paso, Texas, on Monday.")
    e = only_event(r)
    assert (e["sub_event_type"], e["state"], e["country"]) == ("Arrests", None, "US")
    assert r["states"] == []


@pytest.mark.parametrize("text", [
    "The CJNG clashed with the Sinaloa Cartel in Guatemala on Sunday.",
    "Sicarios del Cártel de Sinaloa se enfrentaron a balazos en Guatemala con el CJNG.",
])
def test_guatemala_is_abroad(run, text):
    r = run(text)
    e = only_event(r)
    assert (e["state"], e["country"]) == (None, "GT")
    assert r["states"] == []


def test_abroad_near_a_mexican_state_stays_abroad(run):
    r = run("The CJNG clashed with the Sinaloa Cartel in Guatemala near the Chiapas border.")
    assert (only_event(r)["country"], r["states"]) == ("GT", [])


@pytest.mark.parametrize("text", [
    "Hombres armados asesinaron a dos personas en la colonia Guerrero de Culiacán, Sinaloa.",
    "Gunmen shot dead two people in the Guerrero neighborhood of Culiacán, Sinaloa.",
])
def test_colonia_guerrero_is_not_the_state(run, text):
    r = run(text)
    e = only_event(r)
    assert (e["state"], e["place"]) == ("MX-SIN", "Culiacán")
    assert r["states"] == ["MX-SIN"]


@pytest.mark.parametrize("text", [
    "CJNG gunmen clashed with soldiers in Coalcomán, Michoacán, near the border with Jalisco.",
    "Sicarios del CJNG se enfrentaron con militares en Coalcomán, Michoacán, cerca de los límites con Jalisco.",
])
def test_bordering_state_does_not_move_the_event(run, text):
    e = only_event(run(text))
    assert e["state"] == "MX-MIC" and e["place"].startswith("Coalcomán")


def test_bordering_state_is_not_listed(run):
    r = run("CJNG gunmen clashed with soldiers in Coalcomán, Michoacán, near the border with Jalisco.")
    assert r["states"] == ["MX-MIC"]


def test_bordering_state_of_mexico_gives_no_second_event(run):
    r = run("CJNG gunmen killed two police officers in Zitácuaro, Michoacán, near the border with the State of Mexico.")
    assert [e["state"] for e in r["events"]] == ["MX-MIC"]


def test_state_only_report_has_state_precision_and_no_place(run):
    e = only_event(run("El CJNG y Cárteles Unidos anunciaron una alianza en Michoacán."))
    assert (e["state"], e["place"], e["geo_precision"]) == ("MX-MIC", None, 3)


@pytest.mark.parametrize("text, state, place", [
    ("Two days later, residents of neighboring Praxedis G. Guerrero reported a gun battle near the river, "
     "across from the Texas communities of Fabens and Tornillo.", "MX-CHH", "Praxedis G. Guerrero"),
    ("Hombres armados se enfrentaron con policías estatales en el vecino estado de Jalisco.", "MX-JAL", None),
])
def test_a_neighbouring_place_is_where_it_happened(run, text, state, place):
    e = only_event(run(text))
    assert (e["state"], e["place"]) == (state, place)


def test_the_city_of_puebla_next_to_the_state_of_guanajuato(run):
    r = run("Mexican officials found drone parts at a property in the city of Puebla. Soldiers seized more "
            "explosives in the state of Guanajuato.")
    assert {(e["state"], e["place"]) for e in r["events"]} >= {("MX-PUE", "Puebla")}
    assert "MX-GUA" in r["states"] or any(e["state"] == "MX-GUA" for e in r["events"])


@pytest.mark.parametrize("text, state, place", [
    ("Un dron lanzó explosivos sobre viviendas de la sindicatura de Costa Rica, en Culiacán, Sinaloa.",
     "MX-SIN", "Culiacán"),
    ("A pipeline explosion killed dozens of people in Tlahuelilpan, Hidalgo, a town north of Mexico City.",
     "MX-HID", "Tlahuelilpan"),
])
def test_a_district_or_a_reference_city_is_not_the_place(run, text, state, place):
    e = only_event(run(text))
    assert (e["state"], e["place"]) == (state, place)


def test_a_destination_is_not_where_it_happened(run):
    e = only_event(run("At Culiacán's international airport, gunfire struck a commercial passenger plane that was "
                       "preparing to depart for Mexico City."))
    assert (e["state"], e["place"]) == ("MX-SIN", "Culiacán")


@pytest.mark.parametrize("text, name", [
    ("President Andrés Manuel López Obrador said the army would stay in the streets.", "López"),
    ("La fiscal María Guadalupe Hernández Ruiz presentó el informe.", "Guadalupe"),
])
def test_place_name_inside_a_persons_name_is_not_a_place(extractor, text, name):
    ctx = _resolved(extractor, text)
    assert name not in [p.surface for p in ctx.places]


def test_place_after_a_lowercase_word_is_still_a_place(extractor):
    ctx = _resolved(extractor, "Gunmen attacked a patrol in López, Chihuahua, on Monday.")
    assert "López" in [p.surface for p in ctx.places]


@pytest.mark.parametrize("text", [
    "Analysts see a deepening US–Mexico security nexus after the operation in Tapalpa, Jalisco.",
    "La relación México-Estados Unidos pasa por la seguridad, dijo el canciller en Culiacán, Sinaloa.",
])
def test_a_pair_of_countries_names_a_relationship_not_a_place(extractor, text):
    ctx = _resolved(extractor, text)
    assert all(p.place.kind != "foreign" for p in ctx.places), [p.surface for p in ctx.places]


def _resolved(extractor, text):
    from cartelscope.extract import actors as actors_mod, places as places_mod

    ctx = extractor.context(text, "2025-03-14")
    actor_ms, place_ms = actors_mod.split_names(ctx)
    ctx.places = places_mod.resolve(ctx, place_ms)
    return ctx


def test_authorities_of_a_country_are_who_not_where(extractor):
    ctx = _resolved(extractor, "El grupo, considerado por autoridades de Estados Unidos como muy poderoso, "
                               "bloqueó carreteras en Jalisco.")
    assert all(p.place.kind != "foreign" for p in ctx.places)


@pytest.mark.parametrize("text, name", [
    ("Gunmen Kill Five In Culiacán Bar Attack\n\nThe attack happened on Monday.", "Culiacán"),
    ("CJNG Attack Leaves Tepalcatepec Police Station In Ruins\n\nThe attack happened on Monday.", "Tepalcatepec"),
])
def test_a_title_case_line_keeps_its_places(extractor, text, name):
    ctx = _resolved(extractor, text)
    assert name in [p.surface for p in ctx.places]


def test_a_colonia_with_an_article_is_a_street_not_a_town(run):
    e = only_event(run("Hombres armados asesinaron a tres personas en la colonia Las Insurgentes de Celaya, Guanajuato."))
    assert e["place"] == "Celaya"


def test_a_community_of_a_municipality_is_the_namesake_there(run):
    r = run("En Santa Rosa de Lima, comunidad de Villagrán, Guanajuato, militares localizaron una bodega con armas.")
    assert [(e["state"], e["place"]) for e in r["events"]] == [("MX-GUA", "Villagrán")]


def test_a_state_named_in_the_sentence_places_a_town_in_it(run):
    # "Guerrero" is also a municipality of three other states, but here it names the state, so
    # Heliodoro Castillo is read there though Michoacán is named twice before it
    r = run("In Michoacán, soldiers clashed with CJNG gunmen in Aguililla on Sunday, while in Guerrero a drone "
            "attack hit homes in Heliodoro Castillo.")
    places = {(e["state"], e["place"]) for e in r["events"]}
    assert places == {("MX-MIC", "Aguililla"), ("MX-GRO", "General Heliodoro Castillo")}


def test_colonias_named_after_states_do_not_move_the_place(run):
    e = only_event(run("Agentes federales detuvieron a cinco personas durante cateos en las colonias Morelos y "
                       "Guerrero, alcaldía Cuauhtémoc, el martes."))
    assert (e["state"], e["place"]) == ("MX-CMX", "Cuauhtémoc")


def test_a_state_at_the_limit_is_a_reference_point(run):
    record = run("Five persons lost the life in an armed confrontation in the municipality of Cuauhtémoc, Zacatecas, "
                 "near the limit with Aguascalientes.")
    assert [e["state"] for e in record["events"]] == ["MX-ZAC"]


def test_the_road_out_to_a_town_is_a_reference_point(run):
    e = only_event(run("En Culiacán, Sinaloa, pistoleros incendiaron vehículos desde la salida a Navolato el jueves."))
    assert e["place"] == "Culiacán"


@pytest.mark.parametrize("text, place", [
    ("El jueves, vecinos de una colonia de Tula de Allende, Hidalgo, golpearon a dos hombres y lincharon a uno.",
     "Tula de Allende"),
    ("El sábado aparecieron mantas firmadas por el CJNG en dos puentes de la autopista México-Querétaro, a la altura "
     "de Tula, Hidalgo.", "Tula de Allende"),
])
def test_a_neighbourhood_of_a_town_and_the_second_city_of_a_route(run, text, place):
    assert only_event(run(text, published="2022-09-12"))["place"] == place


def test_a_forum_reply_typed_in_lower_case_still_names_places(run):
    text = ("Foro de viajeros. Pregunta: ¿Es seguro manejar por la carretera 57 hasta San Luis Potosí?\n\n"
            "yo paso por ahi casi diario con el trailer y te cuento. hace dos semanas en villa de ramos la guardia "
            "nacional se agarro a balazos con un grupo armado, en face decian que hubo un monton de muertos pero "
            "en las noticias nomas salieron dos. de dia se siente tranquilo.")
    e = only_event(run(text))
    assert (e["place"], e["state"]) == ("Villa de Ramos", "MX-SLP")
