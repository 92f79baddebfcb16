"""factcheck: find, attribute and compare quantitative claims in news reports."""

__version__ = "0.1.0"
