"""evaluate.py agrees with the project scorer (../shared/eval/score.py), `cartelscope eval`
prints the overall F1, and extraction quality stays above a floor on the dev set and seeds.

Floors sit a few points below the figures measured with
  cartelscope eval eval/dev/articles --gold eval/dev/gold.jsonl --actors eval/dev/actors.json --split tune
  (overall F1 0.935 at the end of 2026-11-25's fourth session) and
  cartelscope eval ../shared/seeds --gold ../shared/eval/seeds_gold.jsonl --actors ../shared/eval/actors.json
  (overall F1 0.929). Raise them as extraction improves.
"""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path


from cartelscope.evaluate import read_jsonl, score, score_files
from cartelscope.extract.runner import extract_files
from extract_helpers import DEV, shared_dir

DEV_TUNE_FLOOR = 0.87  # measured 0.890 on the 258 tune articles of the 422
SEEDS_FLOOR = 0.90  # measured 0.929; the bar is 0.85
CLI = str(Path(sys.executable).with_name("cartelscope"))


def _reference(pred_rows: list[dict], gold: Path, actors: Path, tmp_path: Path) -> dict:
    """The shared scorer's JSON summary for these predictions, run as its own process."""
    pred = tmp_path / "pred.jsonl"
    pred.write_text("".join(json.dumps(p, ensure_ascii=False) + "\n" for p in pred_rows), encoding="utf-8")
    proc = subprocess.run([sys.executable, str(shared_dir() / "eval" / "score.py"), "--gold", str(gold),
                           "--pred", str(pred), "--actors", str(actors), "--json"],
                          capture_output=True, text=True, timeout=60, check=True)
    text = proc.stdout
    return json.loads(text[:text.rindex("}") + 1])


def _ours(pred_rows: list[dict], gold: Path, actors: Path) -> dict:
    table = json.loads(actors.read_text(encoding="utf-8"))
    return score(pred_rows, read_jsonl(gold), table)[0]


def test_agrees_with_shared_scorer_on_the_seeds(extractor, tmp_path):
    shared = shared_dir()
    gold, actors = shared / "eval" / "seeds_gold.jsonl", shared / "eval" / "actors.json"
    preds = list(extract_files([str(shared / "seeds")], extractor))
    assert len(preds) == 5
    assert _ours(preds, gold, actors) == _reference(preds, gold, actors, tmp_path)


def test_agrees_with_shared_scorer_on_the_dev_set(extractor, tmp_path):
    gold, actors = DEV / "gold.jsonl", DEV / "actors.json"
    preds = list(extract_files([str(DEV / "articles")], extractor))
    assert len(preds) == 422
    ours = _ours(preds, gold, actors)
    assert ours == _reference(preds, gold, actors, tmp_path)
    assert set(ours) >= {"all", "en", "es", "overall_f1", "sub_event_type_agreement"}


def test_agrees_on_missing_documents_order_and_unknown_names(tmp_path):
    """Hand-made predictions that exercise the scorer's edge cases."""
    actors = tmp_path / "actors.json"
    actors.write_text(json.dumps({"CJNG": ["Jalisco Cartel"], "Sinaloa Cartel": ["CDS"],
                                  "Mexican Army": ["SEDENA"], "El Mencho": []}), encoding="utf-8")
    gold = tmp_path / "gold.jsonl"
    gold_rows = [
        {"id": "g1", "lang": "en", "file": "a.txt", "groups": ["CJNG", "Sinaloa Cartel"], "states": ["MX-ZAC"],
         "events": [{"event_type": "Battles", "sub_event_type": "Armed clash", "actors": ["CJNG", "Sinaloa Cartel"],
                     "state": "MX-ZAC"},
                    {"event_type": "Strategic developments", "sub_event_type": "Arrests", "actors": ["Mexican Army"],
                     "state": None}],
         "relations": [{"type": "rivalry", "a": "Sinaloa Cartel", "b": "CJNG"},
                       {"type": "leader_of", "a": "El Mencho", "b": "CJNG"}]},
        {"id": "g2", "lang": "es", "file": "b.txt", "groups": ["CJNG"], "states": ["MX-MIC"], "events": [],
         "relations": []},
    ]
    gold.write_text("".join(json.dumps(g) + "\n" for g in gold_rows), encoding="utf-8")
    preds = [{"doc": "some/dir/a", "actors": [
                 {"name": "Jalisco Cartel", "aliases": ["CJNG"], "kind": "group"},
                 {"name": "Los Xyz", "aliases": [], "kind": "group"},
                 {"name": "SEDENA", "aliases": [], "kind": "state_force"}],
              "events": [{"event_type": "Battles", "sub_event_type": "Attack", "actors": ["Jalisco Cartel"],
                          "state": "MX-ZAC"},
                         {"event_type": "Strategic developments", "sub_event_type": "Arrests", "actors": ["SEDENA"],
                          "state": "MX-SON"},
                         {"event_type": "Riots", "sub_event_type": "Mob violence", "actors": [], "state": None}],
              "relations": [{"type": "rivalry", "a": "CJNG", "b": "CDS"},
                            {"type": "leader_of", "a": "CJNG", "b": "El Mencho"}]}]
    ours = _ours(preds, gold, actors)
    assert ours == _reference(preds, gold, actors, tmp_path)
    assert ours["documents_without_prediction"] == 1
    assert ours["all"]["events"] == {"precision": 0.667, "recall": 1.0, "f1": 0.8}


def test_cli_eval_prints_overall_f1(tmp_path):
    out = tmp_path / "pred.jsonl"
    proc = subprocess.run([CLI, "eval", str(DEV / "articles"), "--gold", str(DEV / "gold.jsonl"),
                           "--actors", str(DEV / "actors.json"), "--split", "holdout", "--pred-out", str(out)],
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    last = proc.stdout.strip().splitlines()[-1]
    assert last.startswith("overall F1: ") and 0.0 < float(last.split(":")[1]) <= 1.0
    assert "documents: 164 " in proc.stdout
    assert len(out.read_text(encoding="utf-8").splitlines()) == 164


def test_quality_floor_on_the_dev_tuning_split(extractor):
    summary, _ = score_files([str(DEV / "articles")], DEV / "gold.jsonl", DEV / "actors.json", extractor,
                             split="tune")
    assert summary["documents"] == 258 and summary["documents_without_prediction"] == 0
    assert summary["overall_f1"] >= DEV_TUNE_FLOOR, summary["all"]


def test_quality_floor_on_the_seeds(extractor):
    shared = shared_dir()
    summary, _ = score_files([str(shared / "seeds")], shared / "eval" / "seeds_gold.jsonl",
                             shared / "eval" / "actors.json", extractor)
    assert summary["documents_without_prediction"] == 0
    assert summary["overall_f1"] >= SEEDS_FLOOR, summary["all"]
