"""The purposes every tenant's catalogue starts with. A tenant may add its own codes."""

from __future__ import annotations

from enum import StrEnum


class DefaultPurpose(StrEnum):
    ENGAGE_SWV = "engage_swv"  # het samenwerkingsverband inschakelen
    MDO_REQUEST = "mdo_request"  # een MDO aanvragen
    PREVENTIVE_SUPPORT = "preventive_support"  # traject preventieve ondersteuning
    SHARE_FILE = "share_file"  # het groeidocument delen met externen
    ARRANGEMENT = "arrangement"  # een arrangement
    OPP_ACTION_PART = "opp_action_part"  # instemming met het handelingsdeel van het OPP
    ASSESSMENT = "assessment"  # psychologisch of didactisch onderzoek
