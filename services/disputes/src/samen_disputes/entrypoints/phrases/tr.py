"""Turkish: not yet reviewed by a native speaker."""

from __future__ import annotations

from typing import Final

REVIEWED: Final = False
PHRASES: Final[dict[str, str]] = {
    "ui_title": "Okulla olan anlaşmazlığınız",
    "ui_intro": "Okulla aynı fikirde değil misiniz? Bunu burada bildirebilirsiniz. "
    "Sonrasında neler olacağını da görebilirsiniz.",
    "ui_your_cases": "Başvurularınız",
    "ui_no_cases": "Henüz başvuru yok.",
    "ui_open_title": "Yeni bir başvuru bildirin",
    "ui_subject": "Konu nedir?",
    "ui_description": "Sorunun ne olduğunu kendi sözlerinizle anlatın.",
    "ui_decision_date": "Bir kararla mı ilgili? O kararın tarihi nedir?",
    "ui_first_step": "Önce ne yapmak istiyorsunuz?",
    "ui_send": "Gönder",
    "ui_opened_on": "{date} tarihinde bildirildi",
    "ui_stage": "Başvuru şimdi ne durumda?",
    "ui_next_deadline": "Sıradaki tarih",
    "ui_no_deadline": "Bu adım için belirli bir süre yoktur.",
    "ui_late": "Bu tarih geçti.",
    "ui_your_options": "Şimdi ne yapabilirsiniz?",
    "ui_waiting_for": "Neyi bekliyorsunuz?",
    "ui_steps": "Adımlar",
    "ui_why": "Neden? Boş bırakabilirsiniz.",
    "ui_history": "Neler oldu",
    "ui_notes": "Mesajlar",
    "ui_add_note": "Başvurunuza bir şey ekleyin",
    "ui_back": "Başvurularınıza geri dönün",
    "ui_help": "Yardım mı lazım? Bir eğitim danışmanı ücretsiz yardım eder. Bakınız",
    "ui_closed": "Bu başvuru tamamlandı.",
    "on_day": "{date}",
    "side_school": "Okul",
    "side_guardian": "Veli",
    "other": "Diğer",
    "subject_opp": "Gelişim planı (OPP)",
    "subject_opp_action_part": "Gelişim planının (OPP) uygulama bölümü",
    "subject_support_or_arrangement": "Ek destek veya düzenleme",
    "subject_admission": "Çocuğumun okula kabulü",
    "subject_removal": "Çocuğumun okuldan çıkarılması",
    "subject_other": "Başka bir şey",
    "stage_conversation": "Okulla görüşme",
    "stage_mediation": "Arabuluculuk",
    "stage_education_consultant": "Eğitim danışmanı",
    "stage_objection": "Okul yönetim kuruluna itiraz",
    "stage_objection_private": "Okul yönetim kuruluna yeniden inceleme talebi",
    "stage_disputes_committee": "Kapsayıcı Eğitim Uyuşmazlık Komisyonu",
    "ending_resolved": "Çözüldü",
    "ending_withdrawn": "Geri çekildi",
    "ending_decided": "Karar verildi",
    "move_enter:conversation": "Okulla yeniden konuşmak",
    "move_enter:mediation": "Arabuluculuk istemek",
    "move_enter:education_consultant": "Bir eğitim danışmanını dahil etmek",
    "move_enter:objection_private": "Yeniden gözden geçirme isteyin",
    "move_enter:objection": "İtiraz etmek",
    "move_enter:disputes_committee": "Uyuşmazlık Komisyonuna gitmek",
    "move_resolve": "Anlaştık",
    "move_withdraw": "Başvurumu geri çekmek",
    "move_request_defence": "Komisyon savunma istedi",
    "move_record_defence": "Savunma alındı",
    "move_record_advice": "Görüş alındı",
    "move_decide": "Karar",
    "deadline_objection_filing_private": "{date} tarihine kadar yeniden gözden geçirme "
    "isteyebilirsiniz.",
    "deadline_objection_filing": "{date} tarihine kadar itiraz edebilirsiniz.",
    "deadline_objection_decision": "Yönetim kurulu en geç {date} tarihinde karar verir.",
    "deadline_committee_request": "{date} tarihine kadar komisyona başvurabilirsiniz.",
    "deadline_committee_defence": "Yönetim kurulu en geç {date} tarihinde cevap verir.",
    "deadline_committee_procedure": "Komisyon en geç {date} tarihinde görüşünü verir.",
    "deadline_board_response_to_advice": "Yönetim kurulu görüşe en geç {date} tarihinde "
    "cevap verir.",
    "dispute.stand.conversation": "Çocuğunuzun neye ihtiyacı olduğu hakkında okulla "
    "konuşuyorsunuz. Henüz anlaşmadınız.",
    "dispute.stand.mediation": "Siz ve okul bir arabulucuyla konuşuyorsunuz. Arabulucu "
    "taraf tutmaz. Birlikte bir çözüm bulmanıza yardım eder.",
    "dispute.stand.education_consultant": "Bir eğitim danışmanı size yardım ediyor. Bu "
    "danışmanlık ücretsizdir. Eğitim danışmanı okul için çalışmaz.",
    "dispute.stand.objection": "Okul yönetim kuruluna itiraz ettiniz. Kurul itirazınızı "
    "inceliyor. Sonra kurul bir karar verir.",
    "dispute.stand.disputes_committee": "Kapsayıcı Eğitim Uyuşmazlık Komisyonu "
    "başvurunuzu inceliyor. Komisyon bağımsızdır. Bir görüş verir.",
    "dispute.stand.disputes_committee_advised": "Uyuşmazlık Komisyonu görüşünü verdi. "
    "Okul yönetim kurulu şimdi bununla ne yapacağını bildirir.",
    "dispute.stand.objection_and_committee": "İtiraz ettiniz. Başvurunuzu Uyuşmazlık "
    "Komisyonuna da götürdünüz. Kurul komisyonun görüşünü bekliyor. Sonra kurul "
    "itirazınız hakkında karar verir.",
    "dispute.stand.objection_and_committee_advised": "Uyuşmazlık Komisyonu görüşünü verdi. "
    "Kurul şimdi itirazınız hakkında karar verir.",
    "dispute.stand.resolved": "Siz ve okul anlaştınız. Başvuru tamamlandı.",
    "dispute.stand.withdrawn": "Başvuru geri çekildi. Başvuru tamamlandı.",
    "dispute.stand.decided": "Okul yönetim kurulu bir karar verdi. Başvuru tamamlandı.",
    "dispute.option.conversation": "Okulla yeniden konuşmak.",
    "dispute.option.mediation": "Arabuluculuk istemek. Arabulucu, sizin ve okulun birlikte "
    "bir çözüm bulmanıza yardım eder.",
    "dispute.option.education_consultant": "Bir eğitim danışmanından ücretsiz tavsiye "
    "istemek. Eğitim danışmanı bağımsızdır. Bakınız {contact}.",
    "dispute.option.objection": "Okul yönetim kuruluna itiraz etmek. Bu {date} tarihine "
    "kadar mümkündür.",
    "dispute.option.disputes_committee": "Başvurunuzu Kapsayıcı Eğitim Uyuşmazlık "
    "Komisyonuna götürmek. Bu {date} tarihine kadar mümkündür.",
    "dispute.option.resolve": "Sizin ve okulun anlaştığınızı bildirmek.",
    "dispute.option.withdraw": "Başvurunuzu geri çekmek. Bunu her zaman yapabilirsiniz.",
    "dispute.option.objection_private": "Okul yönetim kurulundan kararı yeniden gözden "
    "geçirmesini istemek (yeniden inceleme talebi). Bu "
    "{date} tarihine kadar mümkündür.",
    "dispute.option.court_private": "Kararla aynı fikirde değil misiniz? O zaman hukuk "
    "mahkemesine, örneğin acil yargılamaya "
    "başvurabilirsiniz. Önce, örneğin bir eğitim "
    "danışmanından tavsiye alın.",
    "dispute.option.court": "Kararla aynı fikirde değil misiniz? O zaman idare "
    "mahkemesine başvurabilirsiniz. Önce tavsiye isteyin, örneğin bir eğitim danışmanından.",
    "dispute.term_passed": "Bu tarih geçti. Geç kalmak için iyi bir nedeniniz var mıydı? "
    "O zaman bunu yazın.",
    "dispute.waiting.objection_decision": "Okul yönetim kurulu itirazınız hakkında en geç "
    "{date} tarihinde karar verir.",
    "dispute.waiting.committee_defence": "Okul yönetim kurulu cevabını en geç {date} "
    "tarihinde komisyona gönderir.",
    "dispute.waiting.committee_procedure": "Komisyon görüşünü en geç {date} tarihinde verir.",
    "dispute.waiting.board_response_to_advice": "Okul yönetim kurulu görüşle ne yapacağını "
    "en geç {date} tarihinde bildirir.",
    "dispute.overdue": "Bu tarih geçti. Ne zaman haber alacağınızı okul yönetim kuruluna sorun.",
}
