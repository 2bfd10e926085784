"""Dates: absolute, partial and relative, resolved against the publication date with a
precision, and never invented when there is no publication date."""
from __future__ import annotations

from datetime import date

import pytest

from cartelscope.extract.dates import find_dates, find_pub_date, parse_pub_date
from cartelscope.extract.textmatch import fold
from extract_helpers import events

PUB = date(2025, 3, 14)  # a Friday


def _one(phrase: str, pub: date | None = PUB) -> tuple:
    found = [d for d in find_dates(fold(phrase), pub) if d.value or d.kind != "year"]
    assert len(found) == 1, found
    return found[0].value, found[0].precision


@pytest.mark.parametrize("phrase, value, precision", [
    ("on March 3, 2024", "2024-03-03", "day"),
    ("el 5 de enero de 2025", "2025-01-05", "day"),
    ("in May 2023", "2023-05", "month"),
    ("en mayo de 2023", "2023-05", "month"),
    ("durante 2022", "2022", "year"),
])
def test_absolute_dates_need_no_publication_date(phrase, value, precision):
    assert _one(phrase, None) == (value, precision)
    assert _one(phrase) == (value, precision)


@pytest.mark.parametrize("phrase, value, precision", [
    ("on Oct. 2", "2024-10-02", "day"),  # a later month-day is last year's
    ("on March 2", "2025-03-02", "day"),
    ("el pasado 9 de junio", "2024-06-09", "day"),
    ("last month", "2025-02", "month"),
    ("el mes pasado", "2025-02", "month"),
    ("el lunes pasado", "2025-03-10", "day"),
    ("last Monday", "2025-03-10", "day"),
    ("hace dos días", "2025-03-12", "day"),
    ("three days ago", "2025-03-11", "day"),
    ("ayer", "2025-03-13", "day"),
    ("back in April", "2024-04", "month"),
    ("late Sunday", "2025-03-09", "day"),  # wire style, without "on"
    ("early Wednesday", "2025-03-12", "day"),
    ("Tuesday night", "2025-03-11", "day"),
])
def test_partial_and_relative_dates_resolve_against_the_publication_date(phrase, value, precision):
    assert _one(phrase) == (value, precision)


@pytest.mark.parametrize("phrase", ["on Oct. 2", "el pasado 9 de junio", "last month", "el lunes pasado",
                                    "hace dos días", "yesterday", "back in April"])
def test_partial_and_relative_dates_are_never_invented_without_a_publication_date(phrase):
    assert _one(phrase, None) == (None, None)


def test_named_past_month_is_that_month_not_the_previous_one():
    assert _one("el pasado mes de febrero", date(2025, 6, 10)) == ("2025-02", "month")


def test_iso_dates_in_text_and_datelines():
    assert _one("el 2024-11-30 por la noche", None) == ("2024-11-30", "day")
    assert find_pub_date(fold("Culiacán, 2024-11-30. Hombres armados")) == "2024-11-30"


def test_dateline_publication_date_and_parsing():
    assert find_pub_date(fold("CULIACÁN, Sin., 12 de febrero de 2025.- Hombres armados")) == "2025-02-12"
    assert find_pub_date(fold("By Staff · March 3, 2024")) == "2024-03-03"
    assert find_pub_date(fold("Gunmen attacked a bar on Saturday.")) is None
    assert parse_pub_date("2025-03-14") == PUB
    assert parse_pub_date("2025-03") is None and parse_pub_date("not a date") is None


def test_event_dates_carry_precision_and_need_a_publication_date(run):
    text = "CJNG gunmen clashed with soldiers in Aguililla, Michoacán, on Oct. 2."
    dated = run(text)["events"]
    assert [(e["date"], e["date_precision"]) for e in dated] == [("2024-10-02", 1)]
    assert [e["date"] for e in run(text, published=None)["events"]] == [None]

    spanish = "Sicarios del CJNG se enfrentaron con militares en Aguililla, Michoacán, el mes pasado."
    assert [(e["date"], e["date_precision"]) for e in run(spanish)["events"]] == [("2025-02", 2)]
    assert [e["date"] for e in run(spanish, published=None)["events"]] == [None]


def test_publication_date_printed_in_the_text_is_used(run):
    text = ("Culiacán, Sinaloa, 14 de marzo de 2025.\n"
            "Sicarios de Los Chapitos se enfrentaron con La Mayiza en Navolato, Sinaloa, hace dos días.")
    record = run(text, published=None)
    assert record["pub_date"] == "2025-03-14"
    assert [e["date"] for e in record["events"]] == ["2025-03-12"]


def test_sunday_night_is_sunday_whatever_the_publication_day(run):
    # published on a Tuesday: "la noche del domingo" is two days before, not "yesterday"
    e = run("Hombres armados asesinaron a seis personas en un bar de Celaya, Guanajuato, la noche del domingo.",
            published="2023-03-14")["events"][0]
    assert e["date"] == "2023-03-12"


def test_machine_translated_dateline_and_this_weekday(run):
    # "6 de marzo de 2025" rendered word for word, and "este miércoles" as "this Wednesday"
    record = run("Manzanillo, Colima, March 6 of 2025.- This Wednesday, gunmen attacked a patrol of the "
                 "State Police in Manzanillo and a confrontation broke out.", published=None)
    assert record["pub_date"] == "2025-03-06"
    assert [e["date"] for e in record["events"]] == ["2025-03-05"]  # the day before, not the dateline's


@pytest.mark.parametrize("text", [
    "Soldiers clashed with CJNG gunmen in Aguililla, Michoacán, on Monday.\n\n"
    "Hours later, two men were shot dead in a bar in Apatzingán, Michoacán.",
    "Militares se enfrentaron con sicarios del CJNG en Aguililla, Michoacán, el lunes.\n\n"
    "Ese mismo día, dos hombres fueron asesinados en un bar de Apatzingán, Michoacán.",
])
def test_hours_later_takes_the_date_of_the_incident_just_told(run, text):
    dates = [e["date"] for e in run(text)["events"]]
    assert dates == ["2025-03-10", "2025-03-10"]


def test_hours_later_borrows_no_date_when_none_was_given(run):
    text = ("Soldiers clashed with CJNG gunmen in Aguililla, Michoacán.\n\n"
            "Hours later, two men were shot dead in a bar in Apatzingán, Michoacán.")
    assert [e["date"] for e in run(text)["events"]] == [None, None]


def test_a_day_without_a_year_is_not_anchored_far_from_the_date_before(run):
    from test_extract_events import _UNDATED_HEADLINE
    r = run(_UNDATED_HEADLINE + "On October 3, 2024, the municipal secretary of Chilpancingo, Guerrero, was shot dead. "
            "On March 6, the new mayor of Chilpancingo was found killed and decapitated.", published=None)
    # "March 6" lies before the full date, so it takes no year (and the undated killing may merge)
    assert {e["date"] for e in events(r, "Violence against civilians")} <= {None, "2024-10-03"}


@pytest.mark.parametrize("text, value", [
    ("antier en la noche hubo una balacera", "2025-03-01"),
    ("anteayer hubo disparos", "2025-03-01"),
    ("the day before yesterday gunmen fired", "2025-03-01"),
    ("publicado por: x | 3 marzo 2025, 10:14 am", "2025-03-03"),
])
def test_colloquial_and_stamp_dates(text, value):
    assert [d.value for d in find_dates(text, date(2025, 3, 3))] == [value]
