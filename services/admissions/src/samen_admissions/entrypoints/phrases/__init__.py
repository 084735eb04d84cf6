"""What the parent page says: one module per language (the kit's `Catalogue` loads them).
Dutch is written for B1 readers; every language but Dutch waits for a native speaker's
review (`REVIEWED`)."""
