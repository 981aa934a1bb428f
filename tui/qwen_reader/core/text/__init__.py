"""The text pipeline: files to documents (load, decode, clean, segment, script, the document model)."""
