"""Render stage: localized catalog data in, HTML fragments for pages out (no MkDocs here)."""

from generator.render.context import PageContext, RenderedPage, TocEntry

__all__ = ["PageContext", "RenderedPage", "TocEntry"]
