"""QuickReply (快捷回复助手): quick replies and macros for e-commerce chat agents.

``quickreply.__version__`` is read from the installed package's metadata, so the version is set
in one place (``pyproject.toml``); it is looked up on first use, not at import, because only
``--version`` and the library cache's fingerprint of a frozen build ever need it.
"""

from __future__ import annotations

DISTRIBUTION = "quickreply"
UNKNOWN_VERSION = "0+unknown"


def package_version() -> str:
    """The installed distribution's version (a frozen build carries its metadata), or
    :data:`UNKNOWN_VERSION` when QuickReply runs from a source tree that was never installed."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(DISTRIBUTION)
    except PackageNotFoundError:
        return UNKNOWN_VERSION


def __getattr__(name: str) -> str:
    if name == "__version__":
        return package_version()
    raise AttributeError(f"module 'quickreply' has no attribute {name!r}")
