"""Precision and recall of cross-article speaker matching on the hand-made gold pairs.

    python tests/bench/speakers_gold.py OUT [OUT ...] [--gold tests/data/speakers_gold.jsonl]

(tests/data/speakers_gold_heldout.jsonl holds 44 more pairs, drawn and labelled after
the matching rules were settled.)

Each gold line names two speaking entities by output file and canonical name in that
file, and says whether they are the same person or organisation
(`{"a": {"output", "name"}, "b": {...}, "same": true}`). The pairs were drawn from the
outputs of polnear-train and of the dev articles (/work/shared/eval/dev/articles):
people sharing a surname across articles, one-word names against the full names they
may stand for, the same name in two articles, the same speaker in a dev article and a
polnear one; labelled by hand from the names, roles and quotes. The OUT folders are written into a database
in a temporary folder, as `extractor db` does, and a pair is predicted "same" when both
entities point at one speaker. Precision and recall are of the "same" pairs.
"""
from __future__ import annotations

import argparse
import json
import sqlite3
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from extractor.report.database import CorpusDatabase, output_files  # noqa: E402

GOLD = Path(__file__).resolve().parents[1] / "data" / "speakers_gold.jsonl"


def speaker_index(outs: list[str], database: Path) -> dict[tuple[str, str], int | None]:
    """(output file name, entity name) -> cross-article speaker id."""
    db = CorpusDatabase(database)
    for number, out in enumerate(outs):
        for rel, path in output_files(out):
            db.put(f"{number}/{rel}", path.read_bytes())  # one folder per OUT: no clashes
    db.close()
    conn = sqlite3.connect(database)
    rows = conn.execute("SELECT a.path, e.name, e.speaker FROM entities e JOIN articles a ON a.id = e.article "
                        "WHERE e.speaker IS NOT NULL")
    return {(Path(path).name, name): speaker for path, name, speaker in rows}


def score(pairs: list[dict], index: dict[tuple[str, str], int | None]) -> dict:
    tp = fp = fn = tn = missing = 0
    errors = []
    for pair in pairs:
        a = index.get((pair["a"]["output"], pair["a"]["name"]))
        b = index.get((pair["b"]["output"], pair["b"]["name"]))
        if a is None or b is None:
            missing += 1
            continue
        predicted = a == b
        tp += predicted and pair["same"]
        fp += predicted and not pair["same"]
        fn += pair["same"] and not predicted
        tn += not predicted and not pair["same"]
        if predicted != pair["same"]:
            errors.append(f"{'split' if pair['same'] else 'merged'}: {pair['a']['name']} "
                          f"({pair['a']['output']}) / {pair['b']['name']} ({pair['b']['output']})")
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    return {"pairs": len(pairs), "scored": tp + fp + fn + tn, "missing": missing, "tp": tp, "fp": fp,
            "fn": fn, "tn": tn, "precision": precision, "recall": recall, "errors": errors}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("outs", nargs="+", metavar="OUT")
    parser.add_argument("--gold", default=str(GOLD))
    args = parser.parse_args()
    pairs = [json.loads(line) for line in Path(args.gold).read_text(encoding="utf-8").splitlines() if line]
    with tempfile.TemporaryDirectory() as folder:
        result = score(pairs, speaker_index(args.outs, Path(folder) / "gold.db"))
    for error in result.pop("errors"):
        print(error)
    print(f"{result['scored']} of {result['pairs']} pairs scored ({result['missing']} not in the outputs): "
          f"precision {result['precision']:.3f}, recall {result['recall']:.3f} "
          f"(tp {result['tp']}, fp {result['fp']}, fn {result['fn']}, tn {result['tn']})")


if __name__ == "__main__":
    main()
