"""`cartelscope extract` over files: one JSON line per document as it goes, `doc` as given,
.txt read exactly, a bad file reported on stderr with exit 1 while the others still print."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from cartelscope.extract.runner import extract_files
from extract_helpers import assert_spans

CLI = str(Path(sys.executable).with_name("cartelscope"))
EN = "CJNG gunmen killed four men in Uruapan, Michoacán, on Monday.\n"
ES = "\ufeff\r\n  Sicarios del CJNG se enfrentaron con militares en Aguililla, Michoacán.\r\nHubo dos muertos.\r\n"


def _write(folder: Path) -> tuple[Path, Path]:
    a, b = folder / "uruapan.txt", folder / "aguililla.txt"
    a.write_text(EN, encoding="utf-8")
    b.write_bytes(ES.encode("utf-8"))
    return a, b


def test_cli_streams_one_line_per_document_and_reports_a_bad_file(tmp_path, monkeypatch):
    a, b = _write(tmp_path)
    bad = tmp_path / "latin1.txt"
    bad.write_bytes("Sicarios en Celaya, Guanajuato, atacaron a la policía.".encode("latin-1"))
    monkeypatch.chdir(tmp_path)
    proc = subprocess.run([CLI, "extract", "uruapan.txt", str(bad), str(b), "--published", "2025-03-14"],
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 1
    lines = proc.stdout.splitlines()
    records = [json.loads(line) for line in lines]
    assert [r["doc"] for r in records] == ["uruapan.txt", str(b)]
    err = [line for line in proc.stderr.splitlines() if line.strip()]
    assert len(err) == 1 and "latin1.txt" in err[0] and "UTF-8" in err[0]
    assert records[0]["events"][0]["date"] == "2025-03-10"


def test_txt_is_read_exactly_so_spans_index_the_file_text(tmp_path, extractor):
    _, b = _write(tmp_path)
    records = list(extract_files([str(b)], extractor, published="2025-03-14"))
    assert len(records) == 1 and records[0]["events"]
    file_text = b.read_bytes().decode("utf-8-sig")
    assert "\r\n" in file_text
    assert_spans(file_text, records[0])


def test_folder_gives_each_file_and_missing_file_is_a_failure(tmp_path, extractor):
    _write(tmp_path)
    failures: list[str] = []
    records = list(extract_files([str(tmp_path), str(tmp_path / "nope.txt")], extractor, failures=failures))
    assert sorted(Path(r["doc"]).name for r in records) == ["aguililla.txt", "uruapan.txt"]
    assert len(failures) == 1 and "nope.txt" in failures[0]


def test_extraction_streams_each_document_before_reading_the_next(tmp_path, extractor):
    a, _ = _write(tmp_path)
    later = tmp_path / "later.txt"  # does not exist yet when the stream starts
    failures: list[str] = []
    stream = extract_files([str(a), str(later)], extractor, failures=failures)
    first = next(stream)
    assert first["doc"] == str(a)
    later.write_text("Los Chapitos y La Mayiza se enfrentaron en Navolato, Sinaloa.\n", encoding="utf-8")
    second = next(stream)
    assert second["doc"] == str(later) and second["events"]
    assert next(stream, None) is None and failures == []
