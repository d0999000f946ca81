"""Widgets: they only bind to the models in ../model (tests/test_layering.py checks it)."""
