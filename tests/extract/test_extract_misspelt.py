"""Group names one letter off ("Cártel Jalsico Nueva Generación") are read as the group; short
names and names near two groups are not guessed."""
from __future__ import annotations

import pytest

from cartelscope.extract.misspelt import MisspeltNames


@pytest.fixture(scope="module")
def names(extractor):
    return MisspeltNames(extractor.pack)


@pytest.mark.parametrize("written, actor", [
    ("Cártel Jalsico Nueva Generación", "cjng"),      # two letters swapped
    ("Cártel Jalisco Nueva Generacion", None),         # exact (accent-folded): the matcher's job
    ("Cartel Jalisco Nueva Generaciónn", "cjng"),     # a letter added
    ("Cartel Jalisco Nueva Generción", "cjng"),       # a letter dropped
    ("Cártel de Sinalia", "sinaloa-cartel"),           # a letter replaced
    ("Los Zetos", None),                               # too short to tell from another name
    ("Cártel de Sonora", None),                        # two letters from any group
])
def test_one_edit_from_one_group(names, written, actor):
    assert names.resolve(written) == actor


def test_a_misspelt_group_acts_in_the_event(run):
    record = run("El Cártel Jalsico Nueva Generación atacó a policías estatales en Zapopan, Jalisco, el lunes.")
    assert record["events"] and all("cjng" in e["actor_ids"] for e in record["events"])
    assert "cjng" in {a["id"] for a in record["actors"]}


def test_a_known_name_is_left_to_the_matcher(names):
    assert names.matches([(0, 17, "Cartel de Sinalia")], [(0, 17)]) == []
