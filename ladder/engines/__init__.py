"""How the generated pages reach a site generator: `mkdocs` (the hooks' in-process adapter) and `files` (on disk)."""
