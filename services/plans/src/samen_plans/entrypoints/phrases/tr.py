"""Turkish."""

from __future__ import annotations

from typing import Final

REVIEWED: Final = False
PHRASES: Final[dict[str, str]] = {
    "opp_title": "Çocuğunuzun planı (OPP)",
    "opp_intro": "OPP'de çocuğunuzun hangi ek desteği alacağı yazılıdır. Destekle ilgili "
    "bölüme (eylem bölümü) siz de karar verirsiniz: izniniz olmadan uygulanmaz.",
    "opp_status": "Durum nedir?",
    "opp_status_drafting": "Okul bu sürüm üzerinde hâlâ çalışıyor.",
    "opp_status_offered": "Okul bu sürüm için izninizi istiyor.",
    "opp_status_set": "İzin verdiniz. Bu plan şimdi geçerlidir.",
    "opp_status_not_set": "Bu plan geçerli değil: izin yok. Okul sizi yeni bir görüşmeye "
    "davet ediyor. Okulla aynı fikirde değil misiniz? O zaman bir anlaşmazlık süreci "
    "başlatabilirsiniz.",
    "opp_none_yet": "Okul henüz bir sürüm yazmadı.",
    "opp_version": "Sürüm {version}",
    "opp_action_part": "Eylem bölümü: çocuğunuz için destek",
    "opp_in_force": "Sürüm {version} şimdi geçerlidir.",
    "opp_earlier": "Önceki sürümler",
    "opp_written_on": "Sürüm {version}, {date} tarihinde yazıldı",
    "binding_note": "Okulun metinleri Felemenkçedir. Geçerli olan Felemenkçe metindir. "
    "Başlıklar sizin dilinizde yazılıdır.",
    "section_goal": "Hedef {number}",
    "section_support": "Çocuğunuz hangi desteği alıyor?",
    "section_arrangement": "Düzenleme",
    "section_who_does_what": "Kim ne yapıyor?",
    "section_location": "Nerede?",
    "section_starts_on": "Başlangıç",
    "section_ends_on": "Bitiş",
    "section_evaluation_how": "İşe yarayıp yaramadığını nasıl konuşuyoruz?",
    "section_evaluation_when": "Bunu ne zaman konuşuyoruz?",
    "gd_title": "Çocuğunuzun gelişim dosyası",
    "gd_intro": "Burada okulun ve sizin çocuğunuz hakkında bildikleriniz yazılıdır: neyin "
    "iyi gittiği, neyin zor olduğu ve daha önce hangi desteğin olduğu. Siz de bir şey "
    "ekleyebilirsiniz.",
    "gd_empty": "Henüz bir şey yazılmadı.",
    "gd_kind_observation": "Okulun gördükleri",
    "gd_kind_test_taken": "Test veya inceleme",
    "gd_kind_previous_support": "Daha önceki destek",
    "gd_kind_parents_view": "Ebeveynlerin söyledikleri",
    "gd_kind_pupil_view": "Çocuğunuzun söyledikleri",
    "gd_test": "{name}, {date}",
    "gd_on_day": "{date}",
    "day": "{date}",
    "gd_by_staff": "Okul",
    "gd_by_guardian": "Ebeveyn",
    "gd_add": "Kendi sözlerinizi ekleyin",
    "gd_add_label": "Okulun çocuğunuz hakkında neyi bilmesini istiyorsunuz?",
    "gd_send": "Gönder",
    "error_title": "Bu olmuyor",
    "error_other": "Bir sorun oluştu. Lütfen daha sonra tekrar deneyin.",
    "error_no_authority": "Bunu yalnızca velayet hakkı olan bir ebeveyn görebilir.",
    "error_invalid": "Bir şey eksik veya metin çok uzun. Lütfen tekrar deneyin.",
    "error_link": "Bu bağlantı (artık) çalışmıyor. Okuldan yeni bir bağlantı isteyin.",
}
