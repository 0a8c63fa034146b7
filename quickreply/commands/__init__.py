"""Command-line subcommands, one module each, dispatched by quickreply.cli."""
