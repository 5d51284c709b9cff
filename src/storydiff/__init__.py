"""storydiff: diff for news."""

__version__ = "0.1.0"
