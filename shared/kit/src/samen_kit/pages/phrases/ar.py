"""Arabic (right to left): not yet reviewed by a native speaker."""

from __future__ import annotations

from typing import Final

REVIEWED: Final = False
PHRASES: Final[dict[str, str]] = {
    "kit_skip": "انتقل إلى المحتوى",
    "kit_languages": "اختر لغتك",
    "kit_unreviewed": "لم يراجع هذه الترجمة بعد شخص لغته الأم هي هذه اللغة. "
    "عند الشك، يُعتمد النص الهولندي.",
    "kit_back": "رجوع",
    "kit_not_found_title": "غير موجود",
    "kit_not_found": "هذه الصفحة غير موجودة. أو أن الرابط يخص شيئًا آخر.",
}
