"""The forms of a parent page, read from its HTML as a browser would (no JavaScript).

A form's values are what a browser sends: hidden and text inputs, checked boxes and
radios, text areas, the first option of a select, and the one button pressed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser


@dataclass
class Form:
    action: str
    method: str
    values: dict[str, str] = field(default_factory=dict)
    choices: dict[str, list[str]] = field(default_factory=dict)  # radios and selects
    buttons: list[tuple[str, str]] = field(default_factory=list)  # (name, value); "" unnamed

    def has(self, name: str, value: str | None = None) -> bool:
        if value is None:
            return name in self.values or name in self.choices
        return self.values.get(name) == value or value in self.choices.get(name, [])

    def filled(self, answers: dict[str, str], button: str | None = None) -> dict[str, str]:
        """The fields to send: the page's own values, the answers, and the pressed
        button's name and value (`button` names its value)."""
        chosen = dict(self.values) | answers
        if button is not None:
            names = [name for name, value in self.buttons if value == button and name]
            if not names:
                raise ValueError(f"the form has no button with the value {button!r}")
            chosen[names[0]] = button
        return chosen


class _FormReader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.forms: list[Form] = []
        self._text_of: str | None = None  # the textarea being read
        self._select: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "form":
            self.forms.append(Form(a.get("action", ""), a.get("method", "get").lower()))
        elif self.forms:
            self._field(self.forms[-1], tag, a)

    def _field(self, form: Form, tag: str, a: dict[str, str]) -> None:
        name = a.get("name", "")
        kind = a.get("type", {"input": "text", "button": "submit"}.get(tag, ""))
        if tag in ("button", "input") and kind == "submit":
            form.buttons.append((name, a.get("value", "")))
        elif tag == "input" and kind == "radio":
            form.choices.setdefault(name, []).append(a.get("value", "on"))
            if "checked" in a:
                form.values[name] = a.get("value", "on")
        elif tag == "input" and kind == "checkbox":
            if "checked" in a:
                form.values[name] = a.get("value", "on")
        elif tag == "input" and name:
            form.values[name] = a.get("value", "")
        elif tag == "textarea" and name:
            form.values[name], self._text_of = "", name
        elif tag == "select" and name:
            self._select = name
        elif tag == "option" and self._select:
            form.choices.setdefault(self._select, []).append(a.get("value", ""))
            form.values.setdefault(self._select, a.get("value", ""))

    def handle_endtag(self, tag: str) -> None:
        if tag == "textarea":
            self._text_of = None
        elif tag == "select":
            self._select = None

    def handle_data(self, data: str) -> None:
        if self._text_of is not None and self.forms:
            self.forms[-1].values[self._text_of] += data


def forms_in(html: str) -> list[Form]:
    reader = _FormReader()
    reader.feed(html)
    reader.close()
    return reader.forms
