"""Rendering: the validated framework in, the handbook's generated Markdown pages out (see `pages`)."""
