"""Synthetic line art made from colour illustrations (issue 4, "Synthetic line art")."""
