"""The rules of the samenwerkingsverband's work: pure, without I/O."""
