"""Selaras: knowledge base and clause-by-clause comparison of Indonesian regional regulations."""

__version__ = "0.1.0"
