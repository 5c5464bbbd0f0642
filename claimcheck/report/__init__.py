"""Renderers: each a pure function from a `Result` to the text of one output format."""
