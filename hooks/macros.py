"""mkdocs-macros module: the macros hand-written pages use to link to framework data (ladder.macros)."""

from ladder.engines.mkdocs import after_build_macros as on_post_build
from ladder.engines.mkdocs import before_page_macros as on_pre_page_macros
from ladder.engines.mkdocs import define_macros as define_env

__all__ = ["define_env", "on_post_build", "on_pre_page_macros"]
