"""What the extraction stages add to spaCy's own time, on the dev articles, in one run.

    .venv/bin/python tests/bench/stage_cost.py [--articles DIR] [--rounds N]

The issues set two budgets against the spaCy pipeline's time over the same texts:
who said what (entities, quotes, speakers) under 10%, and numbers, dates and
claims together under 10%. Each round runs the whole pipeline over every article
with the stages' functions and the model's calls clocked (the clocks of
throughput.py); the figures are the sums over all rounds, so the ratios come from
one run on one machine. Not collected by pytest.
"""
from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from throughput import REPO, load_pages, stage_breakdown  # noqa: E402

from extractor.nlp import load_model  # noqa: E402

DEV_ARTICLES = REPO.parent / "shared" / "eval" / "dev" / "articles"
# The two budgets of the issues, by the stage functions they cover.
GROUPS = {
    "who said what (entities, quotes, speakers)": (
        "entities.find_entities", "quotes.find_quotes", "speakers.resolve_speakers"),
    "numbers, dates, claims": ("numbers.find_numbers", "dates.find_dates", "claims.link_claims"),
}
BUDGET = 0.10


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=Path, default=DEV_ARTICLES)
    parser.add_argument("--rounds", type=int, default=5,
                        help="passes over the articles, summed (default 5)")
    args = parser.parse_args()
    raws = load_pages(args.articles)
    nlp = load_model()
    stage_breakdown(nlp, raws[:2])          # warm-up: lazy imports, caches
    seconds: dict[str, float] = defaultdict(float)
    for _ in range(args.rounds):
        _total, stages = stage_breakdown(nlp, raws)
        for name, value in stages.items():
            seconds[name] += value
    model = seconds["spaCy model"]
    print(f"{len(raws)} articles x {args.rounds} rounds; spaCy model {model:.2f} s")
    for group, names in GROUPS.items():
        spent = sum(seconds.get(name, 0.0) for name in names)
        verdict = "ok" if spent / model < BUDGET else "OVER"
        print(f"  {group:<44} {spent:6.2f} s  = {spent / model:6.1%} of spaCy's time  "
              f"(budget < {BUDGET:.0%}: {verdict})")
        for name in names:
            print(f"      {name:<40} {seconds.get(name, 0.0):6.2f} s")


if __name__ == "__main__":
    main()
