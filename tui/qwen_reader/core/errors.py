"""Typed errors that carry a message fit to show a user; the CLI prints them and exits 2."""

from __future__ import annotations


class ReaderError(Exception):
    """Base for every error the user should see as one plain line, never as a traceback."""


class LoadError(ReaderError):
    """A file could not be opened as a document."""


class NotFoundError(ReaderError):
    """A document id, prefix or path names nothing that was loaded."""
