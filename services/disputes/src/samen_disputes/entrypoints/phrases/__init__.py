"""What the disputes pages say: one file per language (`<language>.toml`, loaded by the
kit's `Catalogue`).

Dutch is written for B1 readers. The rights texts (where you stand, what you can do, what
you wait for) are the domain's (`domain/rights_texts.py`): Dutch and English come from
there, keyed as the domain's `Text` names them; the other languages translate them here.
Every language but Dutch waits for a native speaker's review (`reviewed`).
"""

from __future__ import annotations

from samen_disputes.domain.rights_texts import OPTION, OVERDUE, STAND, TERM_PASSED, WAITING


def rights(index: int) -> dict[str, str]:
    """The domain's rights texts in Dutch (0) or English (1), keyed as `Text.key`."""
    return {
        **{f"dispute.stand.{k}": pair[index] for k, pair in STAND.items()},
        **{f"dispute.option.{k}": pair[index] for k, pair in OPTION.items()},
        "dispute.term_passed": TERM_PASSED[index],
        **{f"dispute.waiting.{k}": pair[index] for k, pair in WAITING.items()},
        "dispute.overdue": OVERDUE[index],
    }


FROM_DOMAIN = {"nl": rights(0), "en": rights(1)}
