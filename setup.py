"""The one compiled part: blockyaml's reader in C. Optional: where no compiler is found
the install goes on and claimcheck reads with the Python reader (same results, slower)."""

from setuptools import Extension, setup

setup(ext_modules=[Extension("claimcheck._cblockyaml", ["claimcheck/_cblockyaml.c"], optional=True)])
