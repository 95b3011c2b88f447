"""The ``kg`` command (``kg.cli.main``)."""

from .main import cli, main

__all__ = ["cli", "main"]
