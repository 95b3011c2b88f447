"""The one exception family for problems a user can fix.

The CLI turns these into a one-line ``Error: …`` and an exit code; anything
else is a bug and is allowed to show its traceback.
"""

from __future__ import annotations


class PolicyKGError(Exception):
    """Root of every error caused by the user's input or environment."""

    exit_code = 2  # could not run


class InputError(PolicyKGError):
    """A file or argument that cannot be read or understood."""


class ValidationFailed(PolicyKGError):
    """The work ran, and its result does not meet the rules (SHACL, bounds)."""

    exit_code = 1
