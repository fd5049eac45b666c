"""One module per CLI command: ``<name>_cmd.py`` with ``add_parser(subparsers)`` and ``run(args)``."""
