"""What the meetings pages say: one module per language (the kit's `Catalogue` loads them).

Dutch is written for B1 readers; the others are translations a native speaker has yet
to review (each module's `REVIEWED`), and the pages say so.
"""
