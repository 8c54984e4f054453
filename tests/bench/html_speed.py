"""Time the HTML stage against trafilatura on the same pages, in one run.

    .venv/bin/python tests/bench/html_speed.py [--trafilatura-site DIR] [--repeat N]

Reads every Zyte and Fundus page under ../shared/bench/ (gzipped HTML), then
times `extractor.clean.parse_html(html, url=url)` (parse, metadata, body,
language) and `trafilatura.extract(html, include_comments=False)` (the call the
benchmark README times) page by page, alternating which goes first. Prints
seconds per page for each and the ratio ours / trafilatura.

trafilatura is never a dependency of the project. Install it in a throwaway
environment and point this script at that environment's site-packages:

    python3 -m venv /tmp/trafvenv
    /tmp/trafvenv/bin/pip install trafilatura lxml_html_clean
    .venv/bin/python tests/bench/html_speed.py \\
        --trafilatura-site /tmp/trafvenv/lib/python3.11/site-packages

The folder is appended to sys.path, so the project's own packages win where
both environments have one. Without trafilatura only our time is printed.
"""
from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
BENCH = REPO.parent / "shared" / "bench"


def load_pages() -> list[tuple[str, str | None]]:
    """(html, url) of every Zyte and Fundus page, in a fixed order."""
    pages = []
    zyte = json.loads((BENCH / "zyte" / "ground-truth.json").read_text(encoding="utf-8"))
    for key in sorted(zyte):
        raw = gzip.decompress((BENCH / "zyte" / "html" / f"{key}.html.gz").read_bytes())
        pages.append((raw.decode("utf-8", "replace"), zyte[key].get("url")))
    fundus = json.loads((BENCH / "fundus" / "ground_truth.json").read_text(encoding="utf-8"))
    for key in sorted(fundus):
        raw = gzip.decompress((BENCH / "fundus" / "html" / key).read_bytes())
        pages.append((raw.decode("utf-8", "replace"), fundus[key].get("url")))
    return pages


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--trafilatura-site", type=Path,
                    help="site-packages of a throwaway environment with trafilatura")
    ap.add_argument("--repeat", type=int, default=1, help="passes over the pages (default 1)")
    args = ap.parse_args(argv)
    sys.path.insert(0, str(REPO))
    if args.trafilatura_site:
        sys.path.append(str(args.trafilatura_site))
    from extractor.clean.html import parse_html
    try:
        import trafilatura
    except ImportError:
        trafilatura = None
        print("trafilatura not importable: timing ours only. To compare, see this "
              "script's docstring (a throwaway venv and --trafilatura-site).")
    pages = load_pages()
    ours = theirs = 0.0
    for run in range(args.repeat):
        for i, (html, url) in enumerate(pages):
            order = ("ours", "theirs") if (i + run) % 2 == 0 else ("theirs", "ours")
            for who in order:
                if who == "ours":
                    t0 = time.perf_counter()
                    parse_html(html, url=url)
                    ours += time.perf_counter() - t0
                elif trafilatura is not None:
                    t0 = time.perf_counter()
                    trafilatura.extract(html, include_comments=False)
                    theirs += time.perf_counter() - t0
    n = len(pages) * args.repeat
    print(f"pages: {len(pages)} x {args.repeat}")
    print(f"extractor.clean.html.parse_html: {ours:.2f} s, {1000 * ours / n:.1f} ms/page")
    if trafilatura is not None:
        print(f"trafilatura {trafilatura.__version__} extract: {theirs:.2f} s, {1000 * theirs / n:.1f} ms/page")
        print(f"ratio ours / trafilatura: {ours / theirs:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
