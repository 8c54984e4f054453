"""The viewer's documented import path: `from extractor.viewer import write_report`.

The viewer lives in `extractor.report`; this name stays for the README's users.
"""
from .report.viewer import write_report

__all__ = ["write_report"]
