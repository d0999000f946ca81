"""Colour hints at 1/4 resolution: simulated for training, rasterised from user layers."""
