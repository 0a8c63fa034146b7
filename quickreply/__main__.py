"""Entry point for ``python -m quickreply``."""

from quickreply.cli import main

raise SystemExit(main())
