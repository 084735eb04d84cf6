"""What the parent page says: one file per language (`<language>.toml`, loaded by the
kit's `Catalogue`). Dutch is written for B1 readers; every language but Dutch waits for
a native speaker's review (`reviewed`)."""
