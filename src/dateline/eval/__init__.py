"""Scoring against gold files: actor codes and places (actors.py, places.py)."""
