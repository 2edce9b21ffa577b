"""Write stage: the files of a built site, written atomically (no MkDocs here)."""
