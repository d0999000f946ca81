"""Training pairs: image sources, quality filters, the resized-image cache and crops."""
