"""Batch: parallel, resumable runs over files and folders, with a run record."""
from .run import OutputSink, run_batch

__all__ = ["OutputSink", "run_batch"]
