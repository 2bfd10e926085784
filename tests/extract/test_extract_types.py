"""The extraction package type-checks: its functions are called from a server, a CLI and
worker processes, and a value of the wrong kind there (a list where a dict is read, an
optional state used as a key) is a bug mypy finds before a reader does."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

SRC = Path(__file__).resolve().parents[2] / "src"


def test_extraction_type_checks_under_mypy(tmp_path):
    proc = subprocess.run(
        [sys.executable, "-m", "mypy", "--ignore-missing-imports", "--follow-imports=silent",
         "--cache-dir", str(tmp_path / "cache"), "cartelscope/extract"],
        cwd=SRC, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stdout + proc.stderr
