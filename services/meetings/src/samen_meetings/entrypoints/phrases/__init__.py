"""What the meetings pages say: one file per language (`<language>.toml`, loaded by the
kit's `Catalogue`).

Dutch is written for B1 readers; the others are translations a native speaker has yet
to review (each file's `reviewed`), and the pages say so.
"""
