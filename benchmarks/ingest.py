"""Ingest throughput: 1,000 generated articles into a fresh SQLite file, against a raw baseline.

    .venv/bin/python benchmarks/ingest.py [--n 1000] [--seed 7] [--keep DIR]

The articles are written here from templates whose every sentence has several wordings, filled
with the knowledge pack's actor and municipality names, dates and tolls, in Spanish and English,
so they are distinct stories (the near-duplicate check must find none). Two runs over the same
texts, in the same process:

* library: ``Scope.ingest_records`` (cleaning, language, SHA-256, near-duplicate check, the
  rule-based extraction, one transaction per document with events, actors and evidence);
* baseline: the same texts SHA-256-hashed and inserted raw with ``sqlite3``, one transaction per
  document, no dedupe or extraction — the floor any ingest into SQLite pays.

It prints articles/s for both and the ratio. Not a unit test.
"""
from __future__ import annotations

import argparse
import hashlib
import random
import sqlite3
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ES_LEAD = [
    "{date_es}.— Un enfrentamiento entre presuntos integrantes de {a} y de {b} dejó {n} personas sin vida en {muni}, {state}, informaron autoridades estatales.",
    "{date_es}.— Al menos {n} muertos fue el saldo de una balacera entre células de {a} y {b} registrada en la cabecera municipal de {muni}, en {state}.",
    "{date_es}.— Hombres armados atribuidos a {a} emboscaron a una patrulla de {force} en un camino de terracería de {muni}, {state}; murieron {n} elementos.",
    "{date_es}.— Elementos de {force} detuvieron en {muni}, {state}, a {n} presuntos operadores de {a}, a quienes aseguraron armas largas y un vehículo blindado.",
    "{date_es}.— Pobladores de {muni}, {state}, denunciaron que un dron cargado con explosivos lanzado por {a} cayó sobre viviendas y dejó {n} heridos.",
    "{date_es}.— Bloqueos con vehículos incendiados paralizaron {muni}, {state}, tras la captura de un mando regional de {a}; se contabilizaron {n} puntos de quema.",
]
ES_BODY = [
    ["Vecinos relataron que los disparos comenzaron poco antes del amanecer y se prolongaron durante casi {h} horas.",
     "Según testigos, la agresión duró cerca de {h} horas y obligó a cerrar escuelas y comercios.",
     "Habitantes de la zona dijeron haber escuchado detonaciones durante unas {h} horas."],
    ["La fiscalía del estado abrió una carpeta de investigación y no descartó que la cifra de víctimas aumente.",
     "El vocero de seguridad estatal indicó que se mantiene un operativo conjunto en la región.",
     "La Secretaría de Seguridad local pidió a la población no salir de sus casas mientras continúan los patrullajes."],
    ["La región es disputada desde {year} por {a} y {b}, de acuerdo con reportes oficiales.",
     "Desde {year}, {a} y {b} se enfrentan por el control de rutas y del cobro de piso en la zona.",
     "Analistas locales ubican el origen de la disputa en {year}, cuando {b} intentó expandirse hacia {muni}."],
    ["En lo que va del año, el municipio acumula {k} homicidios dolosos, según cifras del secretariado.",
     "Organizaciones civiles calculan que {k} familias han abandonado sus comunidades por la violencia.",
     "Autoridades federales informaron que enviarán {k} elementos más para reforzar la vigilancia."],
]
EN_LEAD = [
    "{city}, {state_en} ({date_en}) — A gunfight between suspected members of {a} and {b} left {n} people dead in {muni}, state officials said.",
    "{city}, {state_en} ({date_en}) — At least {n} people were killed when cells of {a} and {b} clashed on the outskirts of {muni}, authorities reported.",
    "{city}, {state_en} ({date_en}) — Gunmen believed to belong to {a} ambushed a {force} patrol on a dirt road in {muni}, killing {n} officers.",
    "{city}, {state_en} ({date_en}) — {force} personnel arrested {n} alleged operatives of {a} in {muni} and seized rifles and an armored truck.",
    "{city}, {state_en} ({date_en}) — Residents of {muni} said an explosives-laden drone flown by {a} struck homes, wounding {n} people.",
    "{city}, {state_en} ({date_en}) — Burning vehicles blocked roads across {muni} after the capture of a regional boss of {a}; officials counted {n} blockades.",
]
EN_BODY = [
    ["Neighbours said shooting began shortly before dawn and went on for nearly {h} hours.",
     "Witnesses described a firefight that lasted about {h} hours and shut schools and shops.",
     "People living nearby reported hearing gunfire for some {h} hours."],
    ["The state prosecutor's office opened an investigation and said the death toll could rise.",
     "A state security spokesperson said a joint operation remained under way in the area.",
     "Local security officials urged residents to stay indoors while patrols continued."],
    ["The area has been contested since {year} by {a} and {b}, according to official reports.",
     "Since {year}, {a} and {b} have fought over smuggling routes and extortion in the region.",
     "Local analysts trace the dispute to {year}, when {b} tried to push into {muni}."],
    ["The municipality has recorded {k} murders so far this year, according to official figures.",
     "Civil groups estimate that {k} families have left their communities because of the violence.",
     "Federal authorities said they would send {k} more troops to reinforce patrols."],
]
MONTHS_ES = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre",
             "noviembre", "diciembre"]


def generate_articles(n: int = 1000, seed: int = 7) -> list[dict]:
    """``n`` distinct article records (title, text, url, published, source), half Spanish."""
    from cartelscope import knowledge

    pack = knowledge.load()
    rng = random.Random(seed)
    groups = [a for a in pack.actors.values() if a.kind in ("cartel", "faction", "cell", "armed_wing", "gang")]
    forces = [a for a in pack.actors.values() if a.kind == "state_force" and a.country == "MX"]
    munis = list(pack.municipalities.values())
    out = []
    for i in range(n):
        spanish = i % 2 == 0
        a, b = rng.sample(groups, 2)
        m = rng.choice(munis)
        state = pack.states[m.state_iso]
        day = date(2019, 1, 1) + timedelta(days=rng.randrange(2500))
        fill = {
            "a": (a.aliases.es[0] if spanish and a.aliases.es else a.name),
            "b": (b.aliases.es[0] if spanish and b.aliases.es else b.name),
            "force": rng.choice(forces).name, "muni": m.name, "state": state.name, "state_en": state.name_en,
            "city": state.capital or m.name, "n": rng.randint(2, 30), "h": rng.randint(2, 9),
            "k": rng.randint(40, 900), "year": rng.randint(2008, day.year),
            "date_es": f"{state.capital or m.name}, {state.name}, {day.day} de {MONTHS_ES[day.month - 1]} de {day.year}",
            "date_en": day.strftime("%B %d, %Y"),
        }
        lead, body = (ES_LEAD, ES_BODY) if spanish else (EN_LEAD, EN_BODY)
        paragraphs = [rng.choice(lead).format(**fill)]
        slots = list(body)
        rng.shuffle(slots)
        for slot in slots[: rng.randint(2, 4)]:
            paragraphs.append(rng.choice(slot).format(**fill))
        text = "\n\n".join(paragraphs)
        title = paragraphs[0].split("— ", 1)[-1][:90]
        out.append({"title": title, "text": text, "url": f"https://example.org/bench/{i:05d}",
                    "published": day.isoformat(), "source": "Benchmark Wire" if not spanish else "Noticiero de Prueba"})
    return out


def run_library(articles: list[dict], path: Path) -> tuple[float, dict]:
    from cartelscope.ingest.sources import Item
    from cartelscope.scope import Scope

    items = [Item(origin=a["url"], text=a["text"], title=a["title"], url=a["url"], published=a["published"],
                  source=a["source"]) for a in articles]
    with Scope(str(path)) as scope:
        scope.extractor  # load the knowledge pack and build the matcher before timing
        start = time.perf_counter()
        report = scope.ingest_records(items)
        elapsed = time.perf_counter() - start
        stats = scope.stats()
    return elapsed, {"report": report.as_dict(), "stats": stats}


def run_baseline(articles: list[dict], path: Path) -> float:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE documents (id TEXT PRIMARY KEY, sha256 TEXT UNIQUE, url TEXT, title TEXT, "
                 "source TEXT, published TEXT, text TEXT)")
    start = time.perf_counter()
    for a in articles:
        digest = hashlib.sha256(a["text"].encode("utf-8")).hexdigest()
        with conn:
            conn.execute("INSERT OR IGNORE INTO documents VALUES (?,?,?,?,?,?,?)",
                         ("doc-" + digest[:16], digest, a["url"], a["title"], a["source"], a["published"], a["text"]))
    elapsed = time.perf_counter() - start
    conn.close()
    return elapsed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--keep", type=Path, help="write the SQLite files here instead of a temporary folder")
    args = parser.parse_args(argv)
    articles = generate_articles(args.n, args.seed)
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        lib_s, result = run_library(articles, folder / "bench-library.db")
        base_s = run_baseline(articles, folder / "bench-baseline.db")
    report, stats = result["report"], result["stats"]
    lib_rate, base_rate = args.n / lib_s, args.n / base_s
    print(f"articles: {args.n} (seed {args.seed})")
    print(f"library : {lib_s:7.2f} s  {lib_rate:8.1f} articles/s  new {report['new']}, duplicate {report['duplicate']}, "
          f"near-duplicate {report['near_duplicate']}, failed {report['failed']}; "
          f"events {stats['events']}, actors {stats['actors']}, relations {stats['relations']}")
    print(f"baseline: {base_s:7.2f} s  {base_rate:8.1f} articles/s  (sha256 + raw sqlite3 insert, one commit each)")
    print(f"ratio   : library is {base_rate / lib_rate:.1f}x slower than the raw baseline "
          f"({lib_rate / base_rate:.3f} of its speed)")
    return 0 if report["failed"] == 0 and report["near_duplicate"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
