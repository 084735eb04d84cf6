"""The outcome of verifying an archive, in words for an inspector (Dutch first)."""

from dataclasses import dataclass
from enum import StrEnum


class Check(StrEnum):
    """Which part of the archive did not fit."""

    ARCHIVE = "archive"
    PUBLIC_KEY = "public_key"
    TREE_HEAD = "tree_head"
    MANIFEST = "manifest"
    LEAVES = "leaves"
    PROOFS = "proofs"
    ENTRY = "entry"
    ROOT = "root"
    CONSISTENCY = "consistency"
    FILE = "file"


@dataclass(frozen=True)
class Failure:
    """The first thing that does not fit, with the entry it concerns when there is one."""

    check: Check
    message_nl: str
    message_en: str
    index: int | None = None
    event_id: str | None = None


@dataclass(frozen=True)
class VerificationReport:
    failure: Failure | None
    tenant: str | None = None
    tree_size: int | None = None
    root_hash: str | None = None
    key_id: str | None = None
    entries_checked: int = 0
    entries_erased: int = 0
    consistent_since: int | None = None

    @property
    def ok(self) -> bool:
        return self.failure is None

    def lines(self) -> list[str]:
        """A readable result: the verdict, then the facts checked."""
        if self.failure is not None:
            return [
                "NIET IN ORDE — deze export klopt niet.",
                self.failure.message_nl,
                f"(en) NOT OK — {self.failure.message_en}",
                *self._facts(),
            ]
        lines = [
            "IN ORDE — de export is onveranderd en volledig.",
            f"{self.entries_checked} vermeldingen gecontroleerd"
            f" ({self.entries_erased} met gewiste inhoud).",
            "(en) OK — the export is unchanged and complete.",
        ]
        if self.consistent_since is not None:
            lines.insert(
                2,
                f"Het logboek is sinds grootte {self.consistent_since} alleen aangevuld.",
            )
        return [*lines, *self._facts()]

    def _facts(self) -> list[str]:
        facts = [
            ("tenant", self.tenant),
            ("tree_size", self.tree_size),
            ("root_hash", self.root_hash),
            ("key_id", self.key_id),
        ]
        return [f"  {name}: {value}" for name, value in facts if value is not None]


def entry_label(index: int, event_id: str | None) -> tuple[str, str]:
    """How an entry is named in a message, in Dutch and English."""
    if event_id is None:
        return f"Vermelding {index}", f"Entry {index}"
    return (
        f"Vermelding {index} (gebeurtenis {event_id})",
        f"Entry {index} (event {event_id})",
    )


def entry_failure(index: int, event_id: str | None, problem_nl: str, problem_en: str) -> Failure:
    label_nl, label_en = entry_label(index, event_id)
    return Failure(
        Check.ENTRY,
        f"{label_nl} klopt niet: {problem_nl}",
        f"{label_en} does not fit: {problem_en}",
        index=index,
        event_id=event_id,
    )
