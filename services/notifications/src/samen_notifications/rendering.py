"""Render a message from its templates in the recipient's language, Dutch when missing.

Templates live in `templates/<lang>/<name>.<part>`: `subject.txt`, `txt` and `html` for
every message, `sms.txt` for messages a guardian may get by SMS, `calendar.txt` (the
calendar entry's title) for meeting messages. A letter's HTML is laid out once, in
`templates/_<name>.html`; a language's `<name>.html` extends it and gives the words in
`<lang>/_letters.j2` and `_common.j2`. A language counts as present for a template only
when it has every part the Dutch version has, so a message is never half translated.
A fallback to Dutch is returned as a flag for the caller to count and log; it is never
silent.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Any

import jinja2
from jinja2 import meta, nodes
from markupsafe import escape
from samen_kit.sms import sms_segments

from samen_notifications.domain.contact import parse_language
from samen_notifications.domain.dates import format_date, format_time
from samen_notifications.domain.errors import InvalidLanguageTag, NotificationsError

__all__ = [
    "EDUCATION_CONSULTANTS",
    "FALLBACK_LANGUAGE",
    "RenderedMessage",
    "Renderer",
    "TemplateNotFound",
    "TemplateRenderError",
    "default_renderer",
    "render",
    "sms_segments",
]

FALLBACK_LANGUAGE = "nl"
PARTS = ("subject.txt", "txt", "html", "sms.txt", "calendar.txt")
REQUIRED_PARTS = frozenset({"subject.txt", "txt", "html"})
RTL_LANGUAGES = frozenset({"ar", "fa", "he", "ur", "ps", "ckb", "yi", "dv"})
# Variables render() supplies itself; a caller's context may not set them.
INJECTED = frozenset({"lang", "text_direction", "subject"})


@dataclass(frozen=True, slots=True)
class EducationConsultants:
    """Onderwijsconsulenten: free, independent advice for parents (national office)."""

    phone: str = "070 312 28 87"
    url: str = "https://www.onderwijsconsulenten.nl"


EDUCATION_CONSULTANTS = EducationConsultants()


class TemplateNotFound(NotificationsError, LookupError):
    """No such template, not even in Dutch."""


class TemplateRenderError(NotificationsError):
    """A template failed: a missing variable, a syntax error or a value it cannot show."""


@dataclass(frozen=True, slots=True)
class RenderedMessage:
    subject: str
    text: str
    html: str
    sms: str | None
    calendar_summary: str | None
    lang_used: str
    fell_back: bool  # the recipient's language had no translation: Dutch was used


class Renderer:
    """Holds the Jinja2 environment; build one per process (see `default_renderer`)."""

    def __init__(self, loader: jinja2.BaseLoader | None = None) -> None:
        self._env = _environment(loader or jinja2.PackageLoader("samen_notifications"))
        self._parts = _index_parts(self._env.list_templates())

    def templates(self) -> tuple[str, ...]:
        return tuple(sorted({name for (_, name) in self._parts}))

    def languages_of(self, template: str) -> tuple[str, ...]:
        """Languages with a complete translation of `template`, Dutch first."""
        langs = {lang for (lang, name) in self._parts if name == template}
        complete = [lang for lang in langs if self._complete(lang, template)]
        return tuple(sorted(complete, key=lambda lang: (lang != FALLBACK_LANGUAGE, lang)))

    def parts_of(self, template: str, lang: str = FALLBACK_LANGUAGE) -> frozenset[str]:
        return self._parts.get((lang, template), frozenset())

    def variables_of(self, template: str) -> frozenset[str]:
        """The context keys the Dutch version reads (what a caller must supply)."""
        read, bound = set[str](), set[str]()
        for part in self.parts_of(template):
            self._collect(f"{FALLBACK_LANGUAGE}/{template}.{part}", read, bound)
        return frozenset(read - bound - INJECTED - set(self._env.globals))

    def _collect(self, name: str, read: set[str], bound: set[str]) -> None:
        """What a file and the frames it extends read, and the names they bind: a frame
        binds the words its letter reads, a letter names itself for its frame."""
        ast = self._env.parse(self._source(name))
        read |= meta.find_undeclared_variables(ast)
        bound |= _bound_names(ast)
        for frame in ast.find_all(nodes.Extends):
            if isinstance(frame.template, nodes.Const):  # not one named from `lang`
                self._collect(frame.template.value, read, bound)

    def _source(self, name: str) -> str:
        assert self._env.loader is not None
        return self._env.loader.get_source(self._env, name)[0]

    def render(self, template: str, lang: str, context: Mapping[str, Any]) -> RenderedMessage:
        lang_used = self._resolve(template, lang)
        values = {**context, "lang": lang_used, "text_direction": _direction(lang_used)}
        subject = " ".join(self._part(template, lang_used, "subject.txt", values).split())
        values["subject"] = subject
        present = self.parts_of(template, lang_used)
        sms, calendar = (
            self._part(template, lang_used, part, values).strip() if part in present else None
            for part in ("sms.txt", "calendar.txt")
        )
        return RenderedMessage(
            subject=subject,
            text=self._part(template, lang_used, "txt", values).strip() + "\n",
            html=self._part(template, lang_used, "html", values),
            sms=sms,
            calendar_summary=calendar,
            lang_used=lang_used,
            fell_back=lang_used != _primary(lang),
        )

    def _complete(self, lang: str, template: str) -> bool:
        needed = self.parts_of(template) | REQUIRED_PARTS
        return needed <= self.parts_of(template, lang)

    def _resolve(self, template: str, lang: str) -> str:
        if not self._complete(FALLBACK_LANGUAGE, template):
            raise TemplateNotFound(f"no template {template!r}")
        primary = _primary(lang)
        return primary if self._complete(primary, template) else FALLBACK_LANGUAGE

    def _part(self, template: str, lang: str, part: str, values: Mapping[str, Any]) -> str:
        name = f"{lang}/{template}.{part}"
        try:
            return self._env.get_template(name).render(values)
        except (jinja2.TemplateError, NotificationsError, LookupError, TypeError) as error:
            # The error names the template and the failure, never the context's values.
            raise TemplateRenderError(f"{name}: {type(error).__name__}: {error}") from error


def _environment(loader: jinja2.BaseLoader) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=loader,
        autoescape=jinja2.select_autoescape(enabled_extensions=("html",), default=False),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(date=_date_filter, time=format_time, ltr=_ltr_filter, fill=_fill_filter)
    env.globals["education_consultants"] = EDUCATION_CONSULTANTS
    return env


@jinja2.pass_context
def _date_filter(context: jinja2.runtime.Context, value: date) -> str:
    return format_date(value, str(context["lang"]))


def _bound_names(ast: nodes.Template) -> set[str]:
    """Names a file binds (imports, assignments, macros): blocks and frames see them,
    though `meta` reports them as undeclared there."""
    names = {node.target for node in ast.find_all(nodes.Import)}
    for node in ast.find_all(nodes.FromImport):
        names |= {name if isinstance(name, str) else name[1] for name in node.names}
    assigned = [node.target for node in ast.find_all(nodes.Assign)]
    names |= {target.name for target in assigned if isinstance(target, nodes.Name)}
    return names | {node.name for node in ast.find_all(nodes.Macro)}


@jinja2.pass_eval_context
def _fill_filter(eval_context: nodes.EvalContext, phrase: str, **values: Any) -> str:
    """`w.intro|fill(pupil=...)`: each value where the translation put its `{name}`; in HTML
    words and values are escaped, but markup a macro built (a name in bold) stays."""
    return (escape(phrase) if eval_context.autoescape else phrase).format(**values)


def _ltr_filter(value: str) -> str:
    """Isolate a left-to-right run (a phone number) inside right-to-left text.

    Without it the bidi algorithm shows "010 123 45 67" as "67 45 123 010" in Arabic.
    """
    return f"\u2066{value}\u2069"


def _index_parts(names: list[str]) -> dict[tuple[str, str], frozenset[str]]:
    found: dict[tuple[str, str], set[str]] = {}
    for name in names:
        lang, _, file_name = name.partition("/")
        template, _, part = file_name.partition(".")
        if lang and not template.startswith("_") and part in PARTS:
            found.setdefault((lang, template), set()).add(part)
    return {key: frozenset(parts) for key, parts in found.items()}


def _primary(lang: str) -> str:
    try:
        return parse_language(lang).split("-")[0]
    except InvalidLanguageTag:
        return ""  # an unusable tag falls back to Dutch, flagged


def _direction(lang: str) -> str:
    return "rtl" if lang in RTL_LANGUAGES else "ltr"


@cache
def default_renderer() -> Renderer:
    """The renderer over the packaged templates, built on first use."""
    return Renderer()


def render(template: str, lang: str, context: Mapping[str, Any]) -> RenderedMessage:
    return default_renderer().render(template, lang, context)
