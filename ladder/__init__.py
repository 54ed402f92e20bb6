"""Ladder: an engineering levels framework kept as YAML, checked, and rendered into a handbook."""

__version__ = "0.1.0"
