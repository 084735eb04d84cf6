"""What this service's parent pages say (contact preferences, a fresh link): one file
per language (`<language>.toml`), loaded by the kit's `Catalogue`. Dutch is written for
B1 readers; the others wait for a native speaker's review (`reviewed`). Not the
messages' texts: those are the message templates (`templates/`)."""
