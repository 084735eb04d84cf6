"""Ukrainian: not yet reviewed by a native speaker."""

from __future__ import annotations

from typing import Final

REVIEWED: Final = False
PHRASES: Final[dict[str, str]] = {
    "kit_skip": "Перейти до змісту",
    "kit_languages": "Виберіть свою мову",
    "kit_unreviewed": "Цей переклад ще не перевірила людина, для якої ця мова рідна. "
    "У разі сумніву діє нідерландський текст.",
    "kit_back": "Назад",
    "kit_not_found_title": "Не знайдено",
    "kit_not_found": "Цієї сторінки не існує. Або посилання стосується чогось іншого.",
}
