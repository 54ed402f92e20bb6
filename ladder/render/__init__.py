"""Rendering: the validated framework in, the handbook's generated Markdown pages out."""

from ladder.render.pages import render_pages

__all__ = ["render_pages"]
