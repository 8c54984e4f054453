"""Character spans over article text, shared by the dates and numbers stages: whole-word
hits of a word list, and merging spans that touch."""
from __future__ import annotations


def word_hits(low: str, words, lo: int, hi: int):
    """(start, end) of each whole-word occurrence of `words` in low[lo:hi], word by word."""
    for word in words:
        i = low.find(word, lo, hi)
        while i >= 0:
            j = i + len(word)
            if (i == 0 or not low[i - 1].isalpha()) and (j == len(low) or not low[j].isalpha()):
                yield i, j
            i = low.find(word, j, hi)


def merge_spans(spans) -> list[tuple[int, int]]:
    """Spans sorted by start, with the touching and overlapping ones merged."""
    out: list[tuple[int, int]] = []
    for lo, hi in spans:
        if out and lo <= out[-1][1]:
            out[-1] = (out[-1][0], max(hi, out[-1][1]))
        else:
            out.append((lo, hi))
    return out
