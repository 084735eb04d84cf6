"""What the consent pages say: one module per language (the kit's `Catalogue` loads them).

Dutch is written for B1 readers; the other languages are translations that a native
speaker has yet to review (each module's `REVIEWED`), and the pages say so.
"""
