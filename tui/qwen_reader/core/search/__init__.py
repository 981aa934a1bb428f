"""Search across documents and related passages between them."""
