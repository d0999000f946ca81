"""The one place that touches Krita's document API."""
