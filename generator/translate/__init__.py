"""Translate stage: overlays merged over the source, translation status, translators' files."""
