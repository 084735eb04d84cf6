"""Turkish: not yet reviewed by a native speaker."""

from __future__ import annotations

from typing import Final

REVIEWED: Final = False
PHRASES: Final[dict[str, str]] = {
    "adm_title": "Okul işbirliği ağına başvuru",
    "adm_intro": "Okul, çocuğunuz için okul işbirliği ağından ek destek istiyor. "
    "Başvuruyu burada okuyabilirsiniz. Ne düşündüğünüzü de yazabilirsiniz.",
    "adm_what": "Okul ne istiyor?",
    "adm_kind_tlv": "Özel eğitim için kabul belgesi (TLV)",
    "adm_kind_arrangement": "Bir düzenleme: çocuğunuzun kendi okulunda ek destek",
    "adm_category_sbo": "Özel ilköğretim (SBO)",
    "adm_category_so_low": "Özel eğitim, düşük kategori",
    "adm_category_so_middle": "Özel eğitim, orta kategori",
    "adm_category_so_high": "Özel eğitim, yüksek kategori",
    "adm_category_light": "Hafif destek",
    "adm_category_medium": "Orta düzeyde destek",
    "adm_category_intensive": "Yoğun destek",
    "adm_category_other": "Başka bir biçim",
    "adm_where": "Başvuru şu anda ne durumda?",
    "adm_status_draft": "Okul başvuruyu hazırlıyor",
    "adm_status_submitted": "Okul işbirliği ağı başvuruyu inceliyor",
    "adm_status_granted": "Kabul edildi",
    "adm_status_refused": "Reddedildi",
    "adm_advice_count": "Görüş veren uzman sayısı: {count}",
    "adm_school_question": "Okulun sorusu",
    "adm_your_view": "Siz ne düşünüyorsunuz?",
    "adm_no_view": "Henüz bir şey yazmadınız.",
    "adm_view_label": "Başvuru hakkında ne düşündüğünüzü kendi sözlerinizle yazın.",
    "adm_send": "Gönder",
    "adm_decision": "Karar",
    "adm_granted": "Başvuru kabul edildi. {start} ile {end} (dahil) arasında geçerlidir.",
    "adm_extension": "Destek yakında mı bitiyor? Okul zamanında uzatma isteyebilir.",
    "adm_refused": "Başvuru reddedildi. Nedeni şudur:",
    "adm_rights": "Ne yapabilirsiniz?",
    "adm_object_until": "Karara katılmıyor musunuz? Okul işbirliği ağına itiraz "
    "edebilirsiniz. Bunu {date} tarihine kadar (dahil) yapabilirsiniz.",
    "adm_advisory_step": "Bir TLV itirazında önce ulusal bir komisyon görüş verir. "
    "Ardından okul işbirliği ağı karar verir.",
    "adm_help": "Yardım ister misiniz? Ücretsiz bir eğitim danışmanından destek isteyebilirsiniz.",
    "adm_objection_open": "İtirazınız alındı. Ne olacağı size bildirilecek.",
    "adm_objection_advised": "Ulusal komisyon görüşünü verdi.",
    "adm_objection_label": "Karara neden katılmadığınızı yazın.",
    "adm_object": "İtiraz et",
    "error_title": "Bu olmadı",
    "error_link": "Bu bağlantı (artık) çalışmıyor. Okulun son mesajındaki bağlantıyı kullanın.",
    "error_not_found": "Bu sayfayı bulamıyoruz.",
    "error_conflict": "Bu (artık) mümkün değil. Son durumu sayfada görebilirsiniz.",
    "error_input": "Doldurduğunuz bilgilerde bir sorun oldu. Lütfen tekrar deneyin.",
    "error_no_authority": "Bunu yalnızca velayet sahibi bir ebeveyn yapabilir.",
    "error_other": "Bir sorun oluştu. Lütfen daha sonra tekrar deneyin.",
    "back": "Başvuruya geri dön",
}
