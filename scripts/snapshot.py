#!/usr/bin/env python3
"""A fingerprint of extraction output, for changes meant to leave the output as it was.

Runs the extractor over the seeds (``../shared/seeds``, when present), the bundled sample
corpus, the development set and texts generated the way ``benchmarks/extract.py`` generates
them (each also without a publication date), and prints one SHA-256 over every record.
``--write FILE`` keeps the records as JSON lines; ``--compare FILE`` names the first records
that differ from such a file. It says whether the compiled rules or the sources ran
(``CARTELSCOPE_PURE_PYTHON=1`` forces the sources), so the two can be compared.

    .venv/bin/python scripts/snapshot.py [--generated 1500] [--write before.jsonl | --compare before.jsonl]
"""
from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from extract import generate  # noqa: E402  (benchmarks/extract.py)

from cartelscope.demo import sample_path  # noqa: E402
from cartelscope.extract import native  # noqa: E402
from cartelscope.extract.pipeline import Extractor  # noqa: E402


def corpus(generated: int) -> list[tuple[str, str, str | None]]:
    """(name, text, publication date) of every text the fingerprint covers."""
    out: list[tuple[str, str, str | None]] = []
    seeds = ROOT.parent / "shared" / "seeds"
    for f in sorted(seeds.glob("*.txt")) if seeds.is_dir() else []:
        out.append((f"seed/{f.name}", f.read_text(encoding="utf-8"), None))
    for line in Path(sample_path()).read_text(encoding="utf-8").splitlines():
        item = json.loads(line)
        out.append((f"sample/{item['id']}", item["text"], item.get("published")))
    gold = {}
    for line in (ROOT / "eval" / "dev" / "gold.jsonl").read_text(encoding="utf-8").splitlines():
        g = json.loads(line)
        gold[g["file"]] = g.get("pub_date")
    for f in sorted((ROOT / "eval" / "dev" / "articles").glob("*.txt")):
        out.append((f"dev/{f.name}", f.read_text(encoding="utf-8"), gold.get(f.name)))
    for k, text in enumerate(generate(generated, seed=11)):
        out.append((f"gen/{k}", text, "2025-06-01"))
        if k % 3 == 0:
            out.append((f"gen/{k}/undated", text, None))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--generated", type=int, default=1500)
    ap.add_argument("--write", type=Path)
    ap.add_argument("--compare", type=Path)
    args = ap.parse_args()
    ex = Extractor()
    digest = hashlib.sha256()
    lines = []
    for name, text, published in corpus(args.generated):
        line = json.dumps(ex.extract(text, published=published).to_record(name), ensure_ascii=False, sort_keys=True)
        digest.update(line.encode("utf-8") + b"\n")
        lines.append(line)
    print(f"{len(lines)} texts, output sha256 {digest.hexdigest()[:16]}; rules: {native.STATUS}")
    if args.write:
        args.write.write_text("\n".join(lines) + "\n", encoding="utf-8")
    if args.compare:
        before = args.compare.read_text(encoding="utf-8").splitlines()
        changed = [json.loads(a)["doc"] for a, b in zip(before, lines) if a != b]
        print(f"{len(changed)} of {len(lines)} records differ from {args.compare}" +
              (": " + ", ".join(changed[:10]) if changed else ""))
        if len(before) != len(lines):
            print(f"record count differs: {len(before)} before, {len(lines)} now")
        if changed or len(before) != len(lines):
            sys.exit(1)


if __name__ == "__main__":
    main()
