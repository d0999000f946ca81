"""Observable state of the panel. Models never raise into Krita: failures
become an error state with a message the panel shows (issue 5, item 2)."""
