"""The one kind of error whose text is for the person using samrad."""

from __future__ import annotations


class UserError(Exception):
    """Something to tell the user, in Swedish (``message``); nothing was changed."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message
