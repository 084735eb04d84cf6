"""What a `PersonalDataErased` entry asks of the log. Pure.

The erasing service's entries about the pupil lose their bodies (their leaves and hashes
stay, so every proof still holds); the erasure fact itself stays readable, so the log
shows what was erased, when, and on what basis.
"""

import json
import re
from dataclasses import dataclass

from samen_contract.events.base import CODE

ERASURE_TYPE = re.compile(r"^samen\.([a-z][a-z0-9]*)\.PersonalDataErased\.v1$")
ERASURE_TYPES_LIKE = "samen.%.PersonalDataErased.v1"
_CODE = re.compile(CODE)


@dataclass(frozen=True)
class ErasureOrder:
    service: str  # whose entries lose their bodies
    pupil_id: str  # the entries' subject
    basis: str  # recorded as the erasure's reason (a code)

    @property
    def types_like(self) -> str:
        """A LIKE pattern for the erasing service's event types."""
        return f"samen.{self.service}.%"


def erasure_order(entry: bytes) -> ErasureOrder | None:
    """The order in an entry, or None when the entry is not a readable erasure fact."""
    try:
        document = json.loads(entry)
    except ValueError:
        return None
    attributes, data = document.get("attributes", {}), document.get("data")
    match = ERASURE_TYPE.fullmatch(str(attributes.get("type", "")))
    if match is None or not isinstance(data, dict):
        return None
    pupil, basis = data.get("pupil_id"), data.get("basis")
    if not isinstance(pupil, str) or not isinstance(basis, str) or not _CODE.fullmatch(basis):
        return None
    if attributes.get("subject") != pupil:
        return None  # an order that names another pupil than its subject is not followed
    return ErasureOrder(match.group(1), pupil, basis)
