"""Every local source kind, and every bad local input: one clear failure, the batch goes on."""
from __future__ import annotations

from pathlib import Path

import pytest

from cartelscope.ingest.pipeline import ingest_items
from cartelscope.ingest.sources import Failure, Item, iter_items

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "ingest"


def one(path) -> Item | Failure:
    (got,) = iter_items([str(path)])
    return got


def test_txt_title_is_first_line():
    item = one(FIXTURES / "zamora.txt")
    assert item.title == "Enfrentamiento en Zamora deja cuatro muertos"
    assert "Jardinadas" in item.text


def test_markdown_title_is_the_heading():
    assert one(FIXTURES / "reynosa.md").title == "Gunmen clash with soldiers in Reynosa"


@pytest.mark.parametrize("name, needle, title", [
    ("culiacan.html", "Infonavit Humaya", "Balacera en Culiacán deja tres muertos"),
    ("tijuana.htm", "La Presa", "Police officer killed in Tijuana"),
])
def test_html_becomes_article_text(name, needle, title):
    item = one(FIXTURES / name)
    assert needle in item.text and "Inicio" not in item.text and "©" not in item.text
    assert item.title == title


def test_html_metadata():
    item = one(FIXTURES / "culiacan.html")
    assert item.published == "2024-10-02" and item.source == "Voz de Prueba"


def test_json_object_and_array():
    obj = one(FIXTURES / "one.json")
    assert (obj.title, obj.url, obj.published, obj.source) == (
        "Drone attack reported in Aguililla", "https://example.org/test-wire/aguililla-drones", "2023-04-16", "Test Wire")
    many = list(iter_items([str(FIXTURES / "many.json")]))
    assert [i.origin for i in many] == [f"{FIXTURES / 'many.json'}#1", f"{FIXTURES / 'many.json'}#2"]
    assert many[1].source == "Test Wire"


def test_jsonl_fields():
    rows = list(iter_items([str(FIXTURES / "batch.jsonl")]))
    assert [r.origin.rsplit(":", 1)[1] for r in rows] == ["1", "2"]
    assert rows[0].published == "2023-11-09" and rows[1].url == "https://example.org/test-wire/fresnillo-bodies"


def test_folder_is_recursive_and_skips_other_kinds():
    got = list(iter_items([str(FIXTURES / "folder")]))
    assert sorted(Path(i.origin).name for i in got) == ["acapulco.txt", "irapuato.md"]
    assert all(isinstance(i, Item) for i in got)


def bad(tmp_path: Path, name: str, data: bytes) -> Path:
    p = tmp_path / name
    p.write_bytes(data)
    return p


@pytest.mark.parametrize("name, data, message", [
    ("photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file (NUL bytes), not text"),
    ("latin1.txt", "Balacera en Culiacán".encode("latin-1"),
     "not UTF-8 text (byte 0xe1 at offset 18); convert it first, e.g. iconv -f latin1 -t utf-8"),
    ("empty.txt", b"", "empty file"),
    ("blank.md", b"  \n\n\t\n", "empty file (whitespace only)"),
    ("nobody.html", b"<html><head><title>Portada</title></head><body><nav>Inicio</nav></body></html>",
     "no article body found in the HTML"),
    ("bad.json", b'{"title": "x", "text": ', "not valid JSON: Expecting value (column 24)"),
    ("notext.json", b'{"title": "only a title"}', "missing or empty 'text' field"),
    ("article.pdf", b"%PDF-1.4", "unsupported file type .pdf; use .txt .md .html .htm .json .jsonl"),
])
def test_bad_file_is_one_failure(tmp_path, name, data, message):
    got = one(bad(tmp_path, name, data))
    assert isinstance(got, Failure)
    assert got.message == message and got.origin.startswith(str(tmp_path / name))


def test_utf16_with_bom_is_read(tmp_path):
    text = "Enfrentamiento en Zamora deja cuatro muertos, informó la fiscalía del estado."
    assert one(bad(tmp_path, "u16.txt", text.encode("utf-16"))).text == text


def test_missing_path():
    got = one("/no/such/place.txt")
    assert str(got) == "/no/such/place.txt: no such file, folder or http(s) URL"


def test_malformed_jsonl_line_names_the_line_and_keeps_the_others(tmp_path):
    lines = [
        '{"text": "Primer artículo: un enfrentamiento en Zamora dejó cuatro muertos el sábado."}',
        '{"text": "roto", ',
        '',
        '["not", "an", "object"]',
        '{"text": "Second article: soldiers clashed with gunmen in Reynosa on Saturday.", "published": 2024}',
        '{"text": "Third article: a drone attack was reported in Aguililla on Sunday.", "published": "ayer"}',
        '{"text": "Fourth article: police found five bodies near Fresnillo on Monday."}',
    ]
    path = bad(tmp_path, "b.jsonl", "\n".join(lines).encode())
    got = list(iter_items([str(path)]))
    failures = [str(g) for g in got if isinstance(g, Failure)]
    assert failures == [
        f"{path}:2: malformed JSON line: Expecting property name enclosed in double quotes (column 17)",
        f"{path}:4: expected a JSON object with a 'text' field, got list",
        f"{path}:5: field 'published' must be a string, not int",
        f"{path}:6: field 'published' is 'ayer', not a date YYYY-MM-DD",
    ]
    assert [g.origin for g in got if isinstance(g, Item)] == [f"{path}:1", f"{path}:7"]


def test_fifty_megabyte_text_file_is_refused_in_one_line(tmp_path):
    path = tmp_path / "huge.txt"
    line = ("Un enfrentamiento en Zamora dejó cuatro muertos, informó la fiscalía. " * 20 + "\n").encode()
    with path.open("wb") as f:
        for _ in range(50 * 1024 * 1024 // len(line) + 1):
            f.write(line)
    size = path.stat().st_size
    assert size >= 50 * 1024 * 1024
    got = one(path)
    assert got.message == f"{size} bytes is over the 20971520-byte limit (CARTELSCOPE_MAX_FILE_BYTES)"


def test_large_jsonl_is_streamed_and_each_line_capped(tmp_path, monkeypatch):
    monkeypatch.setenv("CARTELSCOPE_MAX_FILE_BYTES", "2000")
    ok = '{"text": "Un enfrentamiento en Zamora dejó cuatro muertos, informó la fiscalía %d."}\n'
    path = tmp_path / "big.jsonl"
    with path.open("w") as f:
        for n in range(100):  # ~8 KB in all: over the cap as a file, fine line by line
            f.write(ok % n)
        f.write('{"text": "%s"}\n' % ("x" * 3000))
    got = list(iter_items([str(path)]))
    assert sum(isinstance(g, Item) for g in got) == 100
    assert str(got[-1]) == f"{path}:101: line of 3013 bytes is over the 2000-byte limit (CARTELSCOPE_MAX_FILE_BYTES)"


def test_bad_inputs_lose_nothing_already_stored(store, extractor, tmp_path):
    first = ingest_items(store, iter_items([str(FIXTURES / "zamora.txt"), str(FIXTURES / "batch.jsonl")]),
                         extractor=extractor)
    assert first.ok and first.new == 3
    before = store.stats()
    sources = [str(bad(tmp_path, "x.txt", b"\x00\x01")), str(bad(tmp_path, "y.jsonl", b"{oops\n")),
               str(FIXTURES / "reynosa.md"), str(bad(tmp_path, "z.html", b"<html></html>"))]
    report = ingest_items(store, iter_items(sources), extractor=extractor)
    assert (report.new, report.failed) == (1, 3) and not report.ok
    after = store.stats()
    assert after["documents"] == before["documents"] + 1
    assert after["events"] >= before["events"] and after["event_sources"] >= before["event_sources"]


def test_an_extractor_bug_fails_one_document_only(store):
    def flaky(doc):
        if "Zamora" in doc.text:
            raise ValueError("boom")
        return None

    report = ingest_items(store, iter_items([str(FIXTURES / "zamora.txt"), str(FIXTURES / "reynosa.md")]),
                          extractor=flaky)
    assert (report.new, report.failed) == (1, 1)
    assert report.failures == [f"{FIXTURES / 'zamora.txt'}: internal error (ValueError: boom); nothing stored for it"]
    assert store.stats()["documents"] == 1


def test_interrupt_keeps_what_was_stored(store):
    def items():
        yield from iter_items([str(FIXTURES / "zamora.txt")])
        raise KeyboardInterrupt

    report = ingest_items(store, items())
    assert report.new == 1 and report.stopped.startswith("interrupted") and not report.ok
    assert store.stats()["documents"] == 1
