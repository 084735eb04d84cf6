"""What the plans pages (and the action part's document for the consent page) say: one file
per language (`<language>.toml`), loaded by the kit's `Catalogue`. Dutch is written for B1 readers;
every other language waits for a native speaker's review (`reviewed`).

The OPP's own words (goals, support, who does what) are never translated here: they
show in Dutch, the language that binds, with the headings in the parent's language.
"""
