"""What every parent page must show in every language, read from its HTML."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from html.parser import HTMLParser

from samen_kit.pages import LANGUAGES, direction


@dataclass
class Reading:
    lang: str = ""
    dir: str = ""
    dutch: int = 0  # phrases said in Dutch beside another language
    beside: Counter[str] = field(default_factory=Counter)  # their partners, per language
    picker: list[tuple[str, bool]] = field(default_factory=list)  # (language, current)
    text: list[str] = field(default_factory=list)


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.reading = Reading()
        self._skip = 0
        self._in_nav = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        classes = a.get("class", "").split()
        if tag == "html":
            self.reading.lang, self.reading.dir = a.get("lang", ""), a.get("dir", "")
        elif tag in ("style", "script", "title"):
            self._skip += 1
        elif tag == "nav":
            self._in_nav = True
        elif tag == "a" and self._in_nav and "hreflang" in a:
            self.reading.picker.append((a["hreflang"], "aria-current" in a))
        elif tag == "span" and "nl" in classes and a.get("lang") == "nl":
            self.reading.dutch += 1
        elif tag == "span" and "beside" in classes:
            self.reading.beside[a.get("lang", "")] += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in ("style", "script", "title"):
            self._skip -= 1
        elif tag == "nav":
            self._in_nav = False

    def handle_data(self, data: str) -> None:
        if not self._skip and data.strip():
            self.reading.text.append(data.strip())


def read(html: str) -> Reading:
    reader = _Reader()
    reader.feed(html)
    reader.close()
    return reader.reading


def problems(html: str, language: str, keys: frozenset[str]) -> list[str]:
    """Why this page is not a page in `language` (empty: it is)."""
    page, found = read(html), []
    if (page.lang, page.dir) != (language, direction(language)):
        found.append(f"html lang/dir is {page.lang}/{page.dir}")
    if language == "nl" and (page.beside or page.dutch):
        found.append("a Dutch page shows a second language")
    if language != "nl":
        if page.dutch == 0:
            found.append("no phrase at all")
        if page.beside != Counter({language: page.dutch}):
            found.append(f"{page.dutch} Dutch phrases but beside them {dict(page.beside)}")
    if page.picker and [code for code, _ in page.picker] != list(LANGUAGES):
        found.append(f"the picker offers {page.picker}")
    if page.picker and [code for code, current in page.picker if current] != [language]:
        found.append("the picker marks another language as current")
    text = " ".join(page.text)
    notice = "nog niet gecontroleerd door iemand die deze taal als moedertaal spreekt"
    if (notice in text) != (language != "nl"):
        found.append("the unreviewed-translation notice is wrong")
    structured = sorted(k for k in keys if re.search(r"[_.:]", k))
    shown = [k for k in structured if re.search(rf"(?<![\w-]){re.escape(k)}(?![\w-])", text)]
    if shown:
        found.append(f"phrase keys shown as text: {shown}")
    return found
