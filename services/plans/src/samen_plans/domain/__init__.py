"""The plans domain: pure functions and domain errors, no I/O."""
