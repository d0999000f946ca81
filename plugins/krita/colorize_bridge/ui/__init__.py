"""Widgets: they only bind to the models in ../model."""
