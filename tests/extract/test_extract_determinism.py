"""The same input gives the same output, whatever Python's hash seed (sets never order output)."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CLI = str(Path(sys.executable).with_name("cartelscope"))


def _run(seed: str) -> str:
    files = sorted(str(p) for p in (ROOT / "eval" / "dev" / "articles").glob("*.txt"))[:20]
    env = {**os.environ, "PYTHONHASHSEED": seed}
    proc = subprocess.run([CLI, "extract", *files], capture_output=True, text=True, env=env, timeout=120)
    assert proc.returncode == 0, proc.stderr
    return proc.stdout


def test_output_does_not_depend_on_the_hash_seed():
    first = _run("1")
    assert first.count("\n") == 20
    assert _run("2") == first == _run("12345")
