"""The kit's own phrases: those of the base layout, in the six languages."""
