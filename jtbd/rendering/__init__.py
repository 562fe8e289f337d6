"""Rendering: report aggregates in, text out (HTML, Markdown, JSON, SVG, terminal)."""
