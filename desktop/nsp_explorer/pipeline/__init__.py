"""Corpus to dataset: clean, segment, code, extract facts, write."""
