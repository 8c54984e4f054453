"""Report: a static HTML viewer and CSV/JSON Lines exports of a run's outputs."""
from .export import export
from .viewer import write_report

__all__ = ["export", "write_report"]
