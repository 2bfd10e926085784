#!/usr/bin/env python3
"""Compile the extraction rule engine with mypyc (see ``cartelscope.extract.native``).

Exits 1, leaving the pure-Python modules in use, when the build fails (no C compiler, say).

    .venv/bin/python scripts/compile_rules.py [-v]
"""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from cartelscope.extract import native  # noqa: E402

if __name__ == "__main__":
    sys.exit(native.main())
