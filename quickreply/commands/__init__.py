"""Command-line subcommands, one module each, dispatched by quickreply.cli (``bench`` is
quickreply.benchmarks, which sits above these)."""
