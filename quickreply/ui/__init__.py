"""The PySide6 user interface: windows, widgets and item models.

Besides this package only the composition root (quickreply.app) and the benchmarks import Qt;
core, platforms and commands never do (pyproject.toml's import-linter contracts).
"""
