"""The kit's own phrases: those of the base layout, one catalogue file per language."""
