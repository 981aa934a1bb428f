"""User state on disk: where it lives, the document cache, settings and reading positions."""
