"""Dates: temporal expressions with TIMEX3 values resolved against the publication date."""
from .finding import find_dates

__all__ = ["find_dates"]
