"""LEESMIJ.txt: what the archive holds and how to check it, Dutch first."""

README_TEXT = """\
Samen — export van het auditlogboek
===================================

Wat zit erin?
- entries.jsonl   De gekozen vermeldingen, één per regel, met hun plaats (index) in het logboek:
                  {"index":I,"entry":VERMELDING}. VERMELDING is de vermelding zelf, byte voor
                  byte zoals het logboek haar opsloeg en hashte (canonieke JSON, RFC 8785).
                  Is de inhoud gewist na de bewaartermijn, dan staat er
                  {"index":I,"event_id":...,"erased":true}. De hash en de plaats blijven bewaard.
- leaves.txt      De hash van ELKE vermelding in het logboek, ook die niet gekozen zijn.
                  Regel i is de hash van vermelding i. Zo valt op als er een vermelding mist.
- tree_head.json  De ondertekende boomkop: grootte en wortelhash van het logboek, en het tijdstip.
- proofs.json     De bewijzen dat elke gekozen vermelding in die boom staat.
                  Bij een eerdere boomkop ook het bewijs dat het logboek alleen is aangevuld.
- public_key.pem  De publieke sleutel (Ed25519) waarmee u de handtekeningen controleert.
- export.json     Het ondertekende overzicht van deze export: welke vermeldingen gekozen zijn
                  en de SHA-256 van elk ander bestand.
- summary.csv, report.html   Overzicht en leesbaar rapport.

Formaat: samen-audit-export/2 (export.json, "format"). entries.jsonl, leaves.txt en proofs.json
zijn niet gecomprimeerd opgeslagen, zodat de controle ze direct kan hashen.

Controleren: samen audit verify EXPORT.zip [--since OUDE_BOOMKOP.json]
Vergelijk de sleutel met de sleutel die Samen publiceert.

Samen — audit log export
========================

What is inside?
- entries.jsonl   The selected entries, one per line, with their leaf index in the log:
                  {"index":I,"entry":ENTRY}. ENTRY is the exact canonical entry (RFC 8785), byte
                  for byte as the log hashed it; leaf I is SHA-256(0x00 || ENTRY). An erased
                  body's line is {"index":I,"event_id":...,"erased":true}; its leaf stays.
- leaves.txt      The hash of EVERY leaf of the log up to the signed size, selected or not:
                  line i is leaf i. A removed entry cannot go unnoticed.
- tree_head.json  The signed tree head: size, root hash and time.
- proofs.json     Inclusion proof nodes for the selected entries, and a consistency proof
                  from an earlier tree size when one was asked for.
- public_key.pem  The Ed25519 public key that checks the signatures.
- export.json     The signed export manifest: the selected indices and the SHA-256 of every
                  other file.
- summary.csv, report.html   Summary and readable report.

Hashing is RFC 9162 section 2.1: leaf = SHA-256(0x00 || entry), node = SHA-256(0x01 || left
|| right). In proofs.json, node "a-b" is MTH(D[a:b]); the inclusion proof of leaf m is
PATH(m, D[n]) of RFC 9162 2.1.3.1, each of its nodes looked up by its leaf range.
Signatures are Ed25519 over the RFC 8785 JSON of the signed fields with their "type".

Format: samen-audit-export/2 (export.json, "format"). entries.jsonl, leaves.txt and proofs.json
are stored uncompressed, so a verifier hashes them in place.

Check it: samen audit verify EXPORT.zip [--since OLD_TREE_HEAD.json]
Compare the key with the one Samen publishes.
"""
