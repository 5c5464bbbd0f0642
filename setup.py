"""The compiled parts: blockyaml's reader and validation's quick path for well-formed
fields, in C, and memory faulted in ahead for a large analysis. All optional: where no
compiler is found the install goes on and claimcheck runs their Python twins (the same
results, slower)."""

from setuptools import Extension, setup

setup(
    ext_modules=[
        Extension("claimcheck._cblockyaml", ["claimcheck/_cblockyaml.c"], optional=True),
        Extension("claimcheck._cfields", ["claimcheck/_cfields.c"], optional=True),
        Extension("claimcheck._cprefault", ["claimcheck/_cprefault.c"], optional=True),
    ]
)
