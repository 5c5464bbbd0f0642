"""Indented JSON: orjson's text is the standard library's, and big integers still work."""

from __future__ import annotations

import json

from claimcheck import jsontext


def test_the_same_text_as_the_standard_library():
    document = {
        "schema_version": 1,
        "conflicts": [{"id": "value:x/y", "values": [1, 2.5, -0.0, 1e22, True, None, "é — “q” \u2028"], "empty": [], "map": {}}],
        "nested": {"a": {"b": [[], [{}]]}},
    }
    assert jsontext.dumps(document) == json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def test_integers_beyond_64_bits_fall_back_to_the_standard_library():
    big = {"value": 10**30, "other": [2**64, -(2**70)]}
    text = jsontext.dumps(big)
    assert json.loads(text) == big
    assert text == json.dumps(big, ensure_ascii=False, indent=2) + "\n"
