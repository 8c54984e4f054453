"""Batch: parallel, resumable runs over files and folders, with a run record."""
from .run import run_batch

__all__ = ["run_batch"]
