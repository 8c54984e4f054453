"""Numbers: counts, percentages, money, measures and rates cited in the text, normalized."""
from .finding import find_numbers

__all__ = ["find_numbers"]
