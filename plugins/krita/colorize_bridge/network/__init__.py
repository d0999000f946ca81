"""Network code: QtNetwork only, no widgets, never blocks the UI thread."""
