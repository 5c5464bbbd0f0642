"""`python -m claimcheck` is the same as `claimcheck`."""

from .cli import main

main()
