"""Losses: pixel reconstruction (registered by name) and the WGAN-GP critic terms."""
