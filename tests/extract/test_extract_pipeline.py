"""The extractor as a whole: evidence spans index the text, output is deterministic, and
extraction is pure (no file or network access once the knowledge pack is loaded)."""
from __future__ import annotations

import builtins
import io
import json
import os
import socket

import pytest

from cartelscope.extract.pipeline import Extractor
from extract_helpers import DEV, assert_spans

MIXED = ("Ataque en Celaya\r\n\r\n"
         "CELAYA, Gto., 12 de marzo de 2025.- Sicarios del CJNG se enfrentaron con la Guardia Nacional en la "
         "colonia Las Insurgentes; hubo tres muertos. 🚨\r\n"
         "El Gral. Ortiz dijo que “la célula” del CJNG huyó. La organización criminal es rival del "
         "Cártel de Santa Rosa de Lima.\n"
         "Later, U.S. officials said the CJNG had been reportedly linked to the attack.")


def test_spans_index_text_with_crlf_emoji_and_curly_quotes(run):
    record = run(MIXED, published=None)
    assert record["events"] and record["relations"]
    for a in record["actors"]:
        for start, end in a["mentions"]:
            assert MIXED[start:end] in a["surface"]


def test_spans_index_every_dev_article(extractor):
    paths = sorted((DEV / "articles").glob("*.txt"))
    assert len(paths) >= 60
    checked = 0
    for p in paths:
        text = p.read_bytes().decode("utf-8")
        record = extractor.extract(text).to_record(p.name)
        assert_spans(text, record)
        checked += len(record["events"]) + len(record["relations"])
    assert checked > 100


def test_same_input_twice_gives_identical_records(extractor, pack):
    first = json.dumps(extractor.extract(MIXED, published="2025-03-14").to_record("d"), sort_keys=True)
    again = json.dumps(extractor.extract(MIXED, published="2025-03-14").to_record("d"), sort_keys=True)
    fresh = json.dumps(Extractor(pack).extract(MIXED, published="2025-03-14").to_record("d"), sort_keys=True)
    assert first == again == fresh


def test_extraction_touches_no_file_and_no_network(extractor, monkeypatch):
    expected = extractor.extract(MIXED, published="2025-03-14").to_record("d")

    def forbidden(*args, **kwargs):
        raise AssertionError(f"extraction tried I/O: {args[:1]}")

    monkeypatch.setattr(socket, "socket", forbidden)
    monkeypatch.setattr(socket, "create_connection", forbidden)
    monkeypatch.setattr(builtins, "open", forbidden)
    monkeypatch.setattr(io, "open", forbidden)
    monkeypatch.setattr(os, "open", forbidden)
    monkeypatch.setattr(os, "listdir", forbidden)
    monkeypatch.setattr(os, "scandir", forbidden)
    got = extractor.extract(MIXED, published="2025-03-14").to_record("d")
    monkeypatch.undo()
    assert got == expected


@pytest.mark.parametrize("text", ["", "   \n\n ", "1234 5678", "¿?"])
def test_empty_or_wordless_text_gives_an_empty_record(run, text):
    record = run(text)
    assert (record["events"], record["relations"], record["actors"], record["states"]) == ([], [], [], [])


def test_record_has_the_scorer_fields(run):
    record = run("CJNG gunmen killed four men in Uruapan, Michoacán, on Monday.", doc="articles/x.txt")
    assert record["doc"] == "articles/x.txt" and record["lang"] == "en" and record["pub_date"] == "2025-03-14"
    assert record["extractor_version"] == Extractor.version
    for key in ("actors", "states", "events", "relations", "hedged", "candidates"):
        assert key in record
    json.dumps(record)  # plain JSON


@pytest.mark.parametrize("text", [
    MIXED,
    "Año tras año, la niña y el pingüino del Niño: según él, más allá de la frontera, también. " * 3,
    "Die Straße war gesperrt, weil die Polizei nach dem Täter suchte; er wurde später gefunden. " * 3,
    "Ce n'était pas la première fois que le cartel attaquait la ville, selon les autorités. " * 3,
    "Полиция сообщила, что the cartel attacked the town of Culiacán and killed three people. " * 3,
    "Los Chapitos\u2014the faction of the Sinaloa Cartel\u2014fought La Mayiza in Culiacán “yesterday”. " * 3,
])
def test_language_read_from_folded_text_is_the_ingest_language(extractor, text):
    from cartelscope.ingest.text import detect_language

    assert extractor.extract(text).lang == detect_language(text)


_NAMES = [
    "Los Cartel Cartel Nuevo", "xLos Zetas y Los Zetas", "Cártel de Los Zetas y Grupo Sombra del Norte",
    "ElCartel del Golfo, Cartel del Noreste; Las Moicas Unidas. Grupo Delta", "Cartel Cartel Cartel Nuevo Orden",
    "Grupo Los Viagras contra Los Caballeros Templarios", "", "Cártel", "Carteles Unidos y Cártel de Sinaloa",
    "_Los Zetas, xLas Moicas, LosZetas, 1Grupo Delta, Cártel_Nuevo y (Las Cuatro Letras)", "Lasca Rojas Los",
]


@pytest.mark.parametrize("text", _NAMES)
def test_group_names_are_what_the_one_pattern_finds(text):
    from cartelscope.extract.pipeline import _CANDIDATE, group_names
    from cartelscope.extract.textmatch import word_starts
    assert [m.span() for m in group_names(text)] == [m.span() for m in word_starts(_CANDIDATE, text)]


def test_group_names_agree_with_the_one_pattern_over_the_sample_corpus():
    import json
    from cartelscope.demo import sample_path
    from cartelscope.extract.pipeline import _CANDIDATE, group_names
    from cartelscope.extract.textmatch import word_starts
    from pathlib import Path
    for line in Path(sample_path()).read_text(encoding="utf-8").splitlines():
        text = json.loads(line)["text"]
        assert [m.span() for m in group_names(text)] == [m.span() for m in word_starts(_CANDIDATE, text)]
