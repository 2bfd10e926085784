"""Scoring extraction against hand-labelled gold (the shared evaluation schema).

The metrics are those of the project's evaluation scorer: precision, recall and F1 for groups,
states, events and relations, micro-averaged over documents and per language, and an overall F1
that is the mean of the four. Events match one-to-one, greedily, on event type, state (when the
gold gives one) and at least one shared actor (when the gold lists any). A test checks that
this module and the shared scorer agree on real outputs.
"""
from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

from cartelscope.knowledge.normalize import norm

SYMMETRIC = frozenset({"alliance", "rivalry", "ceasefire", "split"})


def _doc_key(value: str) -> str:
    name = Path(str(value)).name
    return name[:-4] if name.endswith(".txt") else name


class LabelTable:
    def __init__(self, table: dict[str, list[str]]):
        self.index: dict[str, str] = {}
        for label, aliases in table.items():
            for alias in (label, *aliases):
                self.index.setdefault(norm(alias), label)

    def first(self, names) -> str | None:
        for n in names:
            hit = self.index.get(norm(n))
            if hit:
                return hit
        return None


class Counts:
    __slots__ = ("tp", "fp", "fn")

    def __init__(self):
        self.tp = self.fp = self.fn = 0

    def add(self, tp, fp, fn):
        self.tp += tp
        self.fp += fp
        self.fn += fn

    def prf(self):
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else (0.0 if self.fn else 1.0)
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return round(p, 3), round(r, 3), round(f, 3)


def _labeler(pred: dict, labels: LabelTable):
    spell: dict[str, list[str]] = {}
    for a in pred.get("actors") or []:
        names = [a.get("name", ""), *(a.get("aliases") or [])]
        for n in names:
            if n:
                spell.setdefault(norm(n), names)

    def label(name: str) -> str:
        return labels.first([name, *spell.get(norm(name), [name])]) or "?" + norm(name)

    return label


def _match_events(pred: list[dict], gold: list[dict]):
    used: set[int] = set()
    tp = same_sub = 0
    for g in sorted(gold, key=lambda g: -(bool(g["state"]) + len(g["actors"]))):
        best = None
        for k, p in enumerate(pred):
            if k in used or p["event_type"] != g["event_type"]:
                continue
            if g["state"] and p["state"] != g["state"]:
                continue
            if g["actors"] and not set(g["actors"]) & set(p["actors"]):
                continue
            score = (p["sub_event_type"] == g["sub_event_type"]) + len(set(p["actors"]) & set(g["actors"]))
            if best is None or score > best[0]:
                best = (score, k)
        if best:
            used.add(best[1])
            tp += 1
            same_sub += pred[best[1]]["sub_event_type"] == g["sub_event_type"]
    return tp, len(pred) - tp, len(gold) - tp, same_sub


def score(preds: list[dict], gold_rows: list[dict], table: dict[str, list[str]], verbose: bool = False):
    labels = LabelTable(table)
    by_doc = {_doc_key(p.get("doc", "")): p for p in preds}
    tallies = defaultdict(lambda: defaultdict(Counts))
    matched = same_sub = missing = 0
    lines = []
    for g in gold_rows:
        key = _doc_key(g.get("file") or g.get("id"))
        p = by_doc.get(key)
        if p is None:
            missing += 1
            p = {}
        lab = _labeler(p, labels)
        glab = lambda n: labels.first([n]) or "?" + norm(n)  # noqa: E731
        pe = [{"event_type": e.get("event_type"), "sub_event_type": e.get("sub_event_type"),
               "actors": sorted({lab(a) for a in e.get("actors") or []}), "state": e.get("state")}
              for e in p.get("events") or []]
        ge = [{"event_type": e["event_type"], "sub_event_type": e.get("sub_event_type"),
               "actors": sorted({glab(a) for a in e.get("actors") or []}), "state": e.get("state")}
              for e in g.get("events", [])]
        pg = {lab(a.get("name", "")) for a in p.get("actors") or [] if a.get("kind") == "group"}
        gg = {glab(x) for x in g.get("groups", [])}
        ps = set(p["states"]) if "states" in p else {e["state"] for e in pe if e["state"]}
        gs = set(g.get("states", []))

        def rkey(r, f):
            kind = str(r.get("type", "")).lower()
            a, b = f(r.get("a", "")), f(r.get("b", ""))
            return (kind, frozenset((a, b))) if kind in SYMMETRIC else (kind, a, b)

        pr = {rkey(r, lab) for r in p.get("relations") or []}
        gr = {rkey(r, glab) for r in g.get("relations", [])}
        ev = _match_events(pe, ge)
        matched += ev[0]
        same_sub += ev[3]
        for scope in ("all", g.get("lang", "?")):
            tallies[scope]["groups"].add(len(pg & gg), len(pg - gg), len(gg - pg))
            tallies[scope]["states"].add(len(ps & gs), len(ps - gs), len(gs - ps))
            tallies[scope]["events"].add(*ev[:3])
            tallies[scope]["relations"].add(len(pr & gr), len(pr - gr), len(gr - pr))
        if verbose:
            lines.append(f"--- {key}")
            lines.append(f"  groups  missed {sorted(gg - pg)} extra {sorted(pg - gg)}")
            lines.append(f"  states  missed {sorted(gs - ps)} extra {sorted(ps - gs)}")
            lines.append(f"  events  gold {len(ge)} pred {len(pe)} matched {ev[0]}")
            lines.append(f"  relations missed {sorted(map(str, gr - pr))} extra {sorted(map(str, pr - gr))}")
    summary: dict = {scope: {k: dict(zip(("precision", "recall", "f1"), t.prf())) for k, t in kinds.items()}
                     for scope, kinds in tallies.items()}
    overall = sum(summary["all"][k]["f1"] for k in ("groups", "states", "events", "relations")) / 4 if "all" in summary else 0.0
    summary["sub_event_type_agreement"] = round(same_sub / matched, 3) if matched else None
    summary["documents"] = len(gold_rows)
    summary["documents_without_prediction"] = missing
    summary["overall_f1"] = round(overall, 3)
    lines.append(f"{'scope':8} {'field':10} {'P':>6} {'R':>6} {'F1':>6}")
    for scope, kinds in summary.items():
        if isinstance(kinds, dict):
            for k, mtr in kinds.items():
                lines.append(f"{scope:8} {k:10} {mtr['precision']:6.3f} {mtr['recall']:6.3f} {mtr['f1']:6.3f}")
    lines.append(f"documents: {len(gold_rows)} (without prediction: {missing}); sub_event_type agreement: "
                 f"{summary['sub_event_type_agreement']}")
    lines.append(f"overall F1: {overall:.3f}")
    return summary, "\n".join(lines)


def read_jsonl(path: Path) -> list[dict]:
    rows = []
    for n, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError as exc:
                from cartelscope.errors import CartelscopeError

                raise CartelscopeError(f"{path}:{n}: not JSON: {exc.msg}") from None
    return rows


def score_files(texts: list[str], gold: Path, actors: Path, extractor, *, pred_out: Path | None = None,
                split: str | None = None, verbose: bool = False):
    from cartelscope.extract.runner import extract_files

    gold_rows = read_jsonl(gold)
    if split:
        gold_rows = [g for g in gold_rows if g.get("split") == split]
    wanted = {_doc_key(g.get("file") or g.get("id")) for g in gold_rows}
    preds = [r for r in extract_files(texts, extractor) if _doc_key(r["doc"]) in wanted]
    if pred_out:
        Path(pred_out).write_text("".join(json.dumps(p, ensure_ascii=False) + "\n" for p in preds), encoding="utf-8")
    table = json.loads(Path(actors).read_text(encoding="utf-8"))
    return score(preds, gold_rows, table, verbose=verbose)
