"""Extraction backends: the bundled rules by default, a user's own extractor by CARTELSCOPE_EXTRACTOR,
and one clear error for each way a backend setting can be wrong."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from cartelscope import open as open_scope
from cartelscope.errors import ConfigError
from cartelscope.extract.backend import ExtractionBackend, load_extractor
from cartelscope.extract.pipeline import EXTRACTOR_VERSION, Extractor

CLI = str(Path(sys.executable).with_name("cartelscope"))

# A backend a user might write: the bundled rules, keeping only events the text asserts.
ASSERTED_ONLY = textwrap.dedent('''
    from cartelscope.extract.pipeline import Extractor


    class AssertedOnly:
        version = "asserted-only/1"

        def __init__(self, pack):
            self.rules = Extractor(pack)

        def extract(self, text, published=None, lang=None):
            result = self.rules.extract(text, published=published, lang=lang)
            result.events = [e for e in result.events if e.certainty == "asserted"]
            result.extractor_version = self.version
            return result


    def make(pack):
        return AssertedOnly(pack)


    def broken(pack):
        return object()


    def verbose(pack):
        backend = AssertedOnly(pack)
        backend.version = "asserted-only-with-a-very-long-descriptive-name/1"
        return backend
''')

TEXT = ("Sicarios del CJNG asesinaron a cuatro personas en Uruapan, Michoacán, el lunes. "
        "Presuntamente, integrantes del Cártel de Sinaloa atacaron un bar en Culiacán, Sinaloa.")


@pytest.fixture
def backend_dir(tmp_path, monkeypatch):
    folder = tmp_path / "plugins"
    folder.mkdir()
    (folder / "my_backend.py").write_text(ASSERTED_ONLY, encoding="utf-8")
    monkeypatch.syspath_prepend(str(folder))
    return folder


def test_the_bundled_rules_are_the_default(pack, monkeypatch):
    monkeypatch.delenv("CARTELSCOPE_EXTRACTOR", raising=False)
    for spec in (None, "rules"):
        extractor = load_extractor(pack, spec)
        assert isinstance(extractor, Extractor) and extractor.version == EXTRACTOR_VERSION
        assert isinstance(extractor, ExtractionBackend)


def test_a_user_backend_is_loaded_by_its_setting(pack, backend_dir, monkeypatch):
    monkeypatch.setenv("CARTELSCOPE_EXTRACTOR", "my_backend:make")
    backend = load_extractor(pack)
    assert backend.version == "asserted-only/1"
    rules = Extractor(pack).extract(TEXT, published="2025-03-14")
    mine = backend.extract(TEXT, published="2025-03-14")
    assert {e.certainty for e in rules.events} == {"asserted", "alleged"}
    assert [e.certainty for e in mine.events] == ["asserted"]


def test_ingest_records_the_backend_that_extracted(tmp_path, backend_dir, monkeypatch):
    monkeypatch.setenv("CARTELSCOPE_EXTRACTOR", "my_backend:make")
    article = tmp_path / "a.txt"
    article.write_text(TEXT, encoding="utf-8")
    with open_scope(str(tmp_path / "x.db")) as scope:
        scope.ingest([str(article)])
        events = scope.events()
        assert len(events) == 1 and events[0]["state"] == "MX-MIC"
        with scope.store.engine.connect() as conn:
            versions = {v for (v,) in conn.exec_driver_sql("SELECT extractor_version FROM documents")}
    assert versions == {"asserted-only/1"}


def test_the_cli_extracts_with_the_backend(tmp_path, backend_dir):
    article = tmp_path / "a.txt"
    article.write_text(TEXT, encoding="utf-8")
    env = {**os.environ, "CARTELSCOPE_EXTRACTOR": "my_backend:make",
           "PYTHONPATH": os.pathsep.join([str(backend_dir), os.environ.get("PYTHONPATH", "")])}
    proc = subprocess.run([CLI, "extract", str(article), "--published", "2025-03-14"], env=env,
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    record = json.loads(proc.stdout)
    assert record["extractor_version"] == "asserted-only/1" and len(record["events"]) == 1


@pytest.mark.parametrize("spec, message", [
    ("spacy", "expected 'rules' or 'package.module:factory'"),
    ("no_such_module_here:make", "cannot import 'no_such_module_here'"),
    ("my_backend:missing", "'my_backend' has no callable 'missing'"),
    ("my_backend:broken", "must return an object with a non-empty 'version'"),
    ("my_backend:verbose", "longer than 40 characters"),
])
def test_a_wrong_backend_setting_is_a_clear_error(pack, backend_dir, spec, message):
    with pytest.raises(ConfigError, match=message):
        load_extractor(pack, spec)


def test_the_cli_reports_a_wrong_backend_in_one_line(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text(TEXT, encoding="utf-8")
    env = {**os.environ, "CARTELSCOPE_EXTRACTOR": "spacy"}
    proc = subprocess.run([CLI, "extract", str(article)], env=env, capture_output=True, text=True, timeout=120)
    assert proc.returncode != 0 and proc.stdout == ""
    assert proc.stderr.strip().count("\n") == 0 and "expected 'rules' or 'package.module:factory'" in proc.stderr
