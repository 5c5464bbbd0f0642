"""The compiled parts: blockyaml's reader and validation's quick path for well-formed
fields, in C. Both optional: where no compiler is found the install goes on and
claimcheck runs their Python twins (the same results, slower)."""

from setuptools import Extension, setup

setup(
    ext_modules=[
        Extension("claimcheck._cblockyaml", ["claimcheck/_cblockyaml.c"], optional=True),
        Extension("claimcheck._cfields", ["claimcheck/_cfields.c"], optional=True),
    ]
)
