"""Turkish: not yet reviewed by a native speaker."""

from __future__ import annotations

from typing import Final

REVIEWED: Final = False
PHRASES: Final[dict[str, str]] = {
    "kit_skip": "İçeriğe geç",
    "kit_languages": "Dilinizi seçin",
    "kit_unreviewed": "Bu çeviri henüz anadili bu dil olan biri tarafından kontrol "
    "edilmedi. Şüphe halinde Felemenkçe metin geçerlidir.",
    "kit_back": "Geri",
    "kit_not_found_title": "Bulunamadı",
    "kit_not_found": "Bu sayfa yok. Ya da bağlantı başka bir şeye ait.",
}
