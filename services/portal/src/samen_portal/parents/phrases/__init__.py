"""What the overview *Mijn kind* says: one module per language (the kit's `Catalogue`).

Dutch is written for B1 readers; every other language waits for a native speaker's
review (`REVIEWED`).
"""
