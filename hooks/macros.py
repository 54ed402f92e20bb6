"""mkdocs-macros module: the macros hand-written pages use to link to framework data (ladder.macros)."""

from ladder.macros import define_env, on_pre_page_macros

__all__ = ["define_env", "on_pre_page_macros"]
