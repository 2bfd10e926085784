"""Knowledge pack load time and memory, against a baseline that only reads the same files.

Each measurement runs in a fresh Python process (so nothing is cached and peak RSS is the
process's own), ``--runs`` times; the median is printed. The baseline process imports the same
libraries and reads every data file's bytes and parses the YAML and CSV files with the same
parsers (libyaml, csv), without models, validation or indexes: the ratio is the cost of the
pack on top of plain parsing. Targets (issue 3): under 1 s and under 300 MB.

    .venv/bin/python benchmarks/knowledge.py [--runs 5]
"""
from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys

PACK = """
import json, resource, time
t0 = time.perf_counter()
from cartelscope.knowledge.pack import KnowledgePack
t1 = time.perf_counter()
pack = KnowledgePack.load()
t2 = time.perf_counter()
print(json.dumps({"import_s": t1 - t0, "load_s": t2 - t1, "total_s": t2 - t0,
                  "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                  "items": len(pack.actors) + len(pack.municipalities) + len(pack.localities)}))
"""

BASELINE = """
import csv, io, json, resource, time
t0 = time.perf_counter()
import yaml
import pydantic
from cartelscope.knowledge.loader import DATA
t1 = time.perf_counter()
loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
items = 0
for p in sorted(DATA.rglob("*")):
    if p.suffix == ".yaml":
        yaml.load(p.read_text(encoding="utf-8"), Loader=loader)
    elif p.suffix == ".csv":
        items += sum(1 for _ in csv.DictReader(io.StringIO(p.read_text(encoding="utf-8"))))
t2 = time.perf_counter()
print(json.dumps({"import_s": t1 - t0, "load_s": t2 - t1, "total_s": t2 - t0,
                  "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, "items": items}))
"""


def run(code: str, runs: int) -> dict:
    results = []
    for _ in range(runs):
        out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)
        results.append(json.loads(out.stdout))
    return {k: statistics.median(r[k] for r in results) for k in results[0]}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    base = run(BASELINE, args.runs)
    pack = run(PACK, args.runs)
    print(f"median of {args.runs} fresh processes")
    print(f"{'':28}{'import s':>10}{'load s':>10}{'total s':>10}{'peak RSS MB':>13}")
    for name, r in (("baseline (read + parse)", base), ("knowledge pack", pack)):
        print(f"{name:28}{r['import_s']:10.3f}{r['load_s']:10.3f}{r['total_s']:10.3f}{r['rss_mb']:13.1f}")
    print(f"ratio pack / baseline: load {pack['load_s'] / base['load_s']:.2f}x, "
          f"total {pack['total_s'] / base['total_s']:.2f}x, RSS {pack['rss_mb'] / base['rss_mb']:.2f}x")
    ok = pack["total_s"] < 1.0 and pack["rss_mb"] < 300
    print(f"target under 1 s and under 300 MB: {'met' if ok else 'NOT met'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
