"""Language detection and near-duplicate fingerprints on text written for these tests."""
from __future__ import annotations

import json
from importlib import resources

import pytest

from cartelscope.ingest.pipeline import ingest_items, to_document
from cartelscope.ingest.sources import Item
from cartelscope.ingest.text import clean_text, detect_language, jaccard, shingles

EN = ("Gunmen attacked a police checkpoint on the highway outside Celaya on Tuesday night, killing two "
      "officers, and the state prosecutor said the attack was the third of its kind this month.")
ES = ("Hombres armados atacaron un retén de la policía en la carretera a las afueras de Celaya la noche del "
      "martes; murieron dos agentes y la fiscalía dijo que es el tercer ataque de este tipo en el mes.")
ES_BLOG = ("la neta ayer en la noche se escucharon balazos x todo el centro de apatzingan, dicen q fue la gente "
           "de los viagras contra los del cjng pero nadie sabe bien, segun los vecinos duro como 2 horas")
PT = ("Homens armados atacaram um posto policial na rodovia perto de Celaya na noite de terça-feira e mataram "
      "dois agentes, segundo a promotoria do estado, que não descartou novos ataques na região.")
FR = ("Des hommes armés ont attaqué un poste de police sur la route près de Celaya mardi soir et ont tué deux "
      "agents, selon le parquet de l'État, qui dit que c'est la troisième attaque du mois.")
EN_QUOTING_ES = ("The banner, signed \"CJNG\", read \"esto les va a pasar a todos\" and was hung from a bridge in "
                 "Uruapan; the state attorney general said it was being investigated as a threat against rivals.")


@pytest.mark.parametrize("text, lang", [
    (EN, "en"), (ES, "es"), (ES_BLOG, "es"), (PT, "other"), (FR, "other"), (EN_QUOTING_ES, "en"),
    ("CJNG 2024", "other"), ("", "other"), ("12 34 56 78 90 11 12", "other"),
])
def test_language(text, lang):
    assert detect_language(text) == lang


@pytest.mark.parametrize("text", [
    EN, ES, ES_BLOG, PT, FR, EN_QUOTING_ES, "«¿Qué pasó?» —dijo— “nada”… o_o ª º ² µ",
    "Zażółć gęślą jaźń w Łodzi", "İstanbul ß ǅ ω",
])
def test_fast_word_split_equals_the_regex_split(text):
    """Language detection splits words with a byte table; it must read the words \\w+ reads,
    or say it cannot (None) so the regex is used."""
    from cartelscope.ingest.text import _WORD, _latin1_words

    sample = text.lower()
    words = _latin1_words(sample)
    if words is not None:
        assert [w.decode("latin-1") for w in words] == _WORD.findall(sample)
    else:
        assert any(ord(c) > 255 and c.isalnum() for c in sample)


def test_function_words_found_in_one_pass_count_what_splitting_counts():
    """Most samples are read without splitting them into words (a byte mask counts the words,
    an automaton the function words); the verdict must be the one counting every word gives,
    repeated and adjacent function words included."""
    import random

    from cartelscope.ingest.text import _language_by_counting, language_of_sample

    rng = random.Random(11)
    vocab = ("the of and in was el la de que los en y un le les des der die il che os para con por no "
             "cartel sicarios gunmen 2024 x").split()
    gaps = [" ", "  ", "\n", ", ", ". ", " -- ", "¿", "»"]
    for text in (EN, ES, ES_BLOG, PT, FR, EN_QUOTING_ES):
        sample = text.lower()
        assert language_of_sample(sample) == _language_by_counting(sample)
    for _ in range(2000):
        sample = "".join(rng.choice(vocab) + rng.choice(gaps) for _ in range(rng.randint(0, 30)))
        assert language_of_sample(sample) == _language_by_counting(sample), sample


def test_sample_corpus_languages_match_their_labels():
    rows = [json.loads(line) for line in (resources.files("cartelscope") / "sample" / "corpus.jsonl")
            .read_text("utf-8").splitlines() if line.strip()]
    assert len(rows) >= 30
    assert [detect_language(r["text"]) for r in rows] == [r["lang"] for r in rows]


def test_clean_text_normalises_whitespace_and_unicode():
    raw = "\ufeffCULIACA\u0301N,\u00a0Sinaloa\r\n\r\n\r\n\r\nDos   muertos.\t \r\n"
    assert clean_text(raw) == "CULIACÁN, Sinaloa\n\nDos muertos."


def _sample(doc_id: str) -> dict:
    for line in (resources.files("cartelscope") / "sample" / "corpus.jsonl").read_text("utf-8").splitlines():
        row = json.loads(line)
        if row["id"] == doc_id:
            return row
    raise KeyError(doc_id)


def test_sample_near_duplicate_pair_is_detected(store):
    """sample-033 rewords sample-011 (another outlet); it must link to it, and nothing else may."""
    original, copy = _sample("sample-011"), _sample("sample-033")
    assert jaccard(shingles(clean_text(original["text"])), shingles(clean_text(copy["text"]))) >= 0.55
    items = [Item(origin=r["id"], text=r["text"], url=r["url"]) for r in (original, copy)]
    report = ingest_items(store, items)
    assert (report.new, report.near_duplicate) == (1, 1)
    docs = {d["url"]: d for d in store.documents()}
    assert docs[copy["url"]]["near_duplicate_of"] == docs[original["url"]]["id"]


def test_whole_sample_corpus_has_exactly_one_near_duplicate(store):
    rows = [json.loads(line) for line in (resources.files("cartelscope") / "sample" / "corpus.jsonl")
            .read_text("utf-8").splitlines() if line.strip()]
    report = ingest_items(store, [Item(origin=r["id"], text=r["text"], url=r["url"]) for r in rows])
    assert report.near_duplicate == 1 and report.new == len(rows) - 1
    (linked,) = [d for d in store.documents() if d["near_duplicate_of"]]
    assert linked["url"] == _sample("sample-033")["url"]


TEMPLATE = ("{city}, {state}.— Un enfrentamiento entre integrantes de {a} y de {b} dejó {n} muertos la noche del "
            "{day} en la colonia {col}, informó la fiscalía estatal. Vecinos dijeron que los disparos duraron "
            "cerca de una hora y que la Guardia Nacional llegó después.")


def test_same_template_different_incidents_are_not_near_duplicates(store):
    """Formulaic briefs share their wording; their names, places and tolls keep them apart."""
    fills = [
        dict(city="ZAMORA", state="Michoacán", a="Cárteles Unidos", b="el CJNG", n=4, day="sábado", col="Jardinadas"),
        dict(city="CELAYA", state="Guanajuato", a="el Cártel de Santa Rosa de Lima", b="el CJNG", n=3, day="lunes", col="Las Insurgentes"),
        dict(city="CULIACÁN", state="Sinaloa", a="Los Chapitos", b="La Mayiza", n=6, day="martes", col="Tierra Blanca"),
        dict(city="REYNOSA", state="Tamaulipas", a="Los Metros", b="Los Ciclones", n=2, day="domingo", col="Las Cumbres"),
    ]
    report = ingest_items(store, [Item(origin=str(i), text=TEMPLATE.format(**f)) for i, f in enumerate(fills)])
    assert (report.new, report.near_duplicate) == (4, 0)


def test_syndicated_copy_with_different_dateline_and_footer_is_linked(store):
    body = ("Soldiers of the Mexican Army clashed with gunmen of the Cartel del Noreste on the outskirts of Nuevo "
            "Laredo on Saturday, leaving four attackers dead, the Defense Ministry said. Troops seized six rifles, "
            "two trucks and ammunition after the firefight, which began when a patrol was ambushed near the "
            "highway to Monterrey. Residents reported blockades with burning vehicles in three districts.")
    first = Item(origin="wire", text="NUEVO LAREDO (Test Wire) — " + body, url="https://example.org/wire/1")
    copy = Item(origin="outlet", text="Nuevo Laredo, Tamaulipas. " + body.replace("on Saturday", "on Saturday night")
                + "\n\nRead more security news at Frontera Test Daily.", url="https://example.org/daily/2")
    report = ingest_items(store, [first, copy])
    assert (report.new, report.near_duplicate) == (1, 1)
    assert store.check_duplicate(to_document(copy)).status == "duplicate"
