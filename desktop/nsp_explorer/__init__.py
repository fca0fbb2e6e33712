"""NSP Explorer: how policy writing frames Korea's New Southern Policy."""

__version__ = "0.1.0"
