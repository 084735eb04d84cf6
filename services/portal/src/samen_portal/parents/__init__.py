"""Mijn kind: a guardian's one overview of everything about their child (issue 15)."""
