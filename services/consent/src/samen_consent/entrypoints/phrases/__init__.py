"""What the consent pages say: one file per language (`<language>.toml`, loaded by the
kit's `Catalogue`).

Dutch is written for B1 readers; the other languages are translations that a native
speaker has yet to review (each file's `reviewed`), and the pages say so.
"""

from samen_consent.domain.support_needs import LABELS_NL

#: The support needs' Dutch labels are the domain's (the receipt says the same).
FROM_DOMAIN = {"nl": {f"need_{kind.value}": label for kind, label in LABELS_NL.items()}}
