"""Turkish (unreviewed translation)."""

from __future__ import annotations

from typing import Final

REVIEWED: Final = False
PHRASES: Final[dict[str, str]] = {
    "page_title": "İzin",
    "school_asks": "Okul sizden izin istiyor.",
    "document_heading": "OPP'nin uygulama bölümü (sürüm {version})",
    "document_fingerprint": "Bu sürümün kodu:",
    "document_unavailable": (
        "Uygulama bölümünü şu anda gösteremiyoruz. "
        "Lütfen daha sonra tekrar deneyin. "
        "Okuduktan sonra cevap verebilirsiniz."
    ),
    "dutch_binds": "Geçerli olan Hollandaca metindir.",
    "unreviewed": "Bu çeviri henüz kontrol edilmedi. Geçerli olan Hollandaca metindir.",
    "state_open": "Okul cevabınızı bekliyor.",
    "state_given": "İzin verildi.",
    "state_refused": "İzin verilmedi.",
    "state_withdrawn": "İzin geri alındı.",
    "state_expired": "Bu sorunun süresi doldu.",
    "state_cancelled": "Okul bu soruyu durdurdu.",
    "valid_until": "İzin {date} tarihine kadar (dahil) geçerlidir.",
    "answer_by": "{date} tarihine kadar (dahil) cevap verebilirsiniz.",
    "you_agreed": "{date} tarihinde evet dediniz.",
    "you_refused": "{date} tarihinde hayır dediniz.",
    "you_withdrew": "{date} tarihinde izninizi geri aldınız.",
    "waiting_for_others": "Diğer velinin cevabını hâlâ bekliyoruz.",
    "agree": "Evet, izin veriyorum",
    "refuse_reason": (
        "Hayır mı diyorsunuz? İsterseniz nedenini buraya yazın. Okul bu konuda sizinle konuşabilir."
    ),
    "refuse": "Hayır, izin vermiyorum",
    "withdraw": "İznimi geri alıyorum",
    "withdraw_explain": "İzninizi her zaman geri alabilirsiniz. O zaman okul bunu durdurur.",
    "not_asked": "Burada bir şey yapmanız gerekmiyor. Okul sizi bilgilendirir.",
    "pupil_decides": "Buna çocuğunuz kendisi karar verir.",
    "no_authority": "Bu soruya cevap veremezsiniz.",
    "support_heading": "Sizin kendinize neye ihtiyacınız var?",
    "support_intro": "Size uyanı seçin. Birden fazla seçebilirsiniz.",
    "support_note": "Bir şey açıklamak ister misiniz? Zorunlu değildir.",
    "support_send": "Gönder",
    "support_saved": "Bunu {date} tarihinde bildirdiniz. Okul sizinle iletişime geçecek.",
    "receipts_link": "Cevabınızın kanıtı",
    "overview_link": "Tüm izin sorularınız",
    "overview_title": "İzin sorularınız",
    "overview_empty": "İzin sorusu yok.",
    "open_link": "Görüntüle",
    "back": "Geri",
    "receipt_title": "İzin kanıtı",
    "receipt_act": "Ne",
    "receipt_when": "Ne zaman",
    "receipt_who": "Kim",
    "receipt_how": "Nasıl",
    "receipt_text": "Metin",
    "receipt_version": "Metnin sürümü",
    "receipt_digest": "Kontrol kodu",
    "act_agree": "Evet denildi",
    "act_refuse": "Hayır denildi",
    "act_withdraw": "Geri alındı",
    "channel_guardian_page": "Mesajınızdaki bağlantı ile",
    "channel_recorded_by_staff": "Okulda bir görüşmede",
    "role_guardian": "Veli",
    "role_pupil": "Öğrenci",
    "error_title": "Bu olmuyor",
    "error_link": "Bu bağlantı çalışmıyor (artık). Okulun son mesajındaki bağlantıyı "
    "kullanın. Ya da okuldan yeni bir bağlantı isteyin.",
    "error_not_found": "Bu sayfayı bulamıyoruz.",
    "error_conflict": "Bu şu anda mümkün değil. Durumu sayfada görebilirsiniz.",
    "error_input": "Doldurduğunuz bilgilerde bir sorun oldu. Lütfen tekrar deneyin.",
    "error_no_authority": "Bu soruya cevap veremezsiniz.",
    "error_other": "Bir sorun oldu. Lütfen daha sonra tekrar deneyin.",
    "need_explanation": "Ne olacağı hakkında daha fazla açıklama istiyorum.",
    "need_conversation": "Öğrenci destek sorumlusu (intern begeleider) ile görüşmek istiyorum.",
    "need_interpreter": "Görüşmelerde tercüman istiyorum.",
    "need_help_with_forms": "Kâğıtları okumak veya doldurmak için yardım istiyorum.",
    "need_parenting_support": "Evde çocuk yetiştirme konusunda yardım istiyorum.",
    "need_someone_alongside": "Görüşmelere benimle birlikte gelecek biri istiyorum.",
    "need_other": "Başka bir şey:",
    "need_nothing_now": "Şu anda yardıma ihtiyacım yok.",
}
