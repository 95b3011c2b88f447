"""``python -m kg.cli``: the ``kg`` command."""

from .main import main

main()
