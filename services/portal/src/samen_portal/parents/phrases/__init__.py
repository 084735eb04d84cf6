"""What the overview *Mijn kind* says: one catalogue file per language
(`<language>.toml`, loaded by the kit's `Catalogue`).

Dutch is written for B1 readers; every other language waits for a native speaker's
review (`reviewed`).
"""
