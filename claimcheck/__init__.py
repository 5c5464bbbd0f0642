"""claimcheck: find where the sources of a claims corpus contradict each other."""

__version__ = "0.1.0"
