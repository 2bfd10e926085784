"""The compiled rule engine (cartelscope.extract.native): used only when built from exactly
the sources present, and giving the same records as the sources."""
from __future__ import annotations

import gc
import json
import os
import re
import subprocess
import sys

import pytest

from cartelscope.extract import native
from extract_helpers import ROOT


@pytest.fixture
def build_dir(tmp_path, monkeypatch):
    """A stand-in build folder whose manifest the test writes."""
    monkeypatch.setattr(native, "COMPILED_DIR", tmp_path)
    monkeypatch.setattr(native, "MANIFEST", tmp_path / "manifest.json")
    monkeypatch.delenv(native.PURE_ENV, raising=False)
    return tmp_path


def _manifest(build_dir, **changes) -> None:
    record = {"abi": native._abi(), "sources": native.source_digests()}
    record.update(changes)
    (build_dir / "manifest.json").write_text(json.dumps(record), encoding="utf-8")


def test_a_build_of_the_present_sources_is_used(build_dir):
    _manifest(build_dir)
    path = ["/somewhere/cartelscope/extract"]
    assert native.activate(path) == "compiled"
    assert path == [str(build_dir), "/somewhere/cartelscope/extract"]


def test_a_build_of_edited_sources_is_not_used_and_says_which(build_dir):
    sources = native.source_digests()
    sources["events"] = "0" * 64
    _manifest(build_dir, sources=sources)
    path = ["/somewhere/cartelscope/extract"]
    status = native.activate(path)
    assert status.startswith("pure Python (sources changed since the build: events;")
    assert path == ["/somewhere/cartelscope/extract"]


def test_a_build_for_another_python_is_not_used(build_dir):
    _manifest(build_dir, abi="cpython-39:.cpython-39-x86_64-linux-gnu.so")
    assert native.check().startswith("pure Python (build made for cpython-39")


def test_no_build_or_a_broken_manifest_means_the_sources(build_dir):
    assert native.check().startswith("pure Python (no compiled build")
    (build_dir / "manifest.json").write_text("{not json", encoding="utf-8")
    assert native.check().startswith("pure Python (unreadable build manifest")


def test_the_setting_forces_the_sources(build_dir, monkeypatch):
    _manifest(build_dir)
    monkeypatch.setenv(native.PURE_ENV, "1")
    assert native.check() == f"pure Python ({native.PURE_ENV} is set)"


def _snapshot(tmp_path, pure: bool, *args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ)
    env.pop(native.PURE_ENV, None)
    if pure:
        env[native.PURE_ENV] = "1"
    return subprocess.run([sys.executable, str(ROOT / "scripts" / "snapshot.py"), "--generated", "150", *args],
                          capture_output=True, text=True, timeout=600, env=env, cwd=tmp_path)


@pytest.mark.slow
def test_compiled_rules_give_the_same_records_as_the_sources(tmp_path):
    """Every record of the seeds, the sample corpus, the development set and generated texts,
    byte for byte. In CI the compiled build must be there; elsewhere its absence skips."""
    if native.check() != "compiled":
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI builds the compiled rules (make install); here: {native.check()}")
        pytest.skip(native.check())
    pure = _snapshot(tmp_path, True, "--write", str(tmp_path / "pure.jsonl"))
    assert pure.returncode == 0, pure.stderr
    assert "rules: pure Python" in pure.stdout
    compiled = _snapshot(tmp_path, False, "--compare", str(tmp_path / "pure.jsonl"))
    assert "rules: compiled" in compiled.stdout
    assert compiled.returncode == 0, compiled.stdout + compiled.stderr
    differ = re.search(r"^(\d+) of (\d+) records differ", compiled.stdout, re.M)
    assert differ and differ.group(1) == "0" and int(differ.group(2)) > 600, compiled.stdout


def test_extraction_leaves_no_cyclic_garbage_and_restores_the_collector(extractor):
    """Everything one document makes is freed by reference counting (compiled, a nested
    function made a cycle with its frame and kept the document's state until the collector
    ran), and the collector is back as the caller had it."""
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "eval" / "dev" / "articles").glob("*.txt"))[:40]]
    extractor.extract(texts[0], published="2025-06-01")  # the pack's lazy tables, built once
    gc.collect()
    gc.set_debug(gc.DEBUG_SAVEALL)
    try:
        for text in texts:
            assert extractor.extract(text, published="2025-06-01") is not None
            assert gc.isenabled()
        gc.collect()
        left = [type(o).__name__ for o in gc.garbage]
    finally:
        gc.set_debug(0)
        gc.garbage.clear()
    assert left == []
    gc.disable()
    try:
        extractor.extract(texts[1])
        assert not gc.isenabled()  # a caller that paused the collector keeps it paused
    finally:
        gc.enable()


def test_the_version_says_which_engine_runs():
    from typer.testing import CliRunner

    from cartelscope.cli import app

    result = CliRunner().invoke(app, ["--version"])
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0].startswith("cartelscope ")
    assert lines[1] == f"extraction rules: {native.STATUS}" and native.STATUS != "not checked"
