"""Claims: the numbers and dates each quote carries, and who claims them."""
from .links import link_claims

__all__ = ["link_claims"]
