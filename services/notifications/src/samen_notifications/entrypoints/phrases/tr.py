"""Turkish: not yet reviewed by a native speaker."""

from __future__ import annotations

from typing import Final

REVIEWED: Final = False
PHRASES: Final[dict[str, str]] = {
    "title": "Mesajları nasıl almak istiyorsunuz?",
    "intro": "Burada okulun size mesajları nasıl göndereceğini seçersiniz. Bunu her zaman "
    "değiştirebilirsiniz.",
    "language": "Mesajları hangi dilde istiyorsunuz?",
    "email": "E-posta adresiniz",
    "mobile": "Cep telefonu numaranız (SMS için)",
    "channels": "Mesajları nasıl almak istiyorsunuz?",
    "channels_both": "E-posta ve SMS ile",
    "channels_email": "Sadece e-posta ile",
    "channels_sms": "Sadece SMS ile",
    "quiet": "Ne zaman SMS almak istemiyorsunuz?",
    "quiet_start": "Şu saatten itibaren SMS yok",
    "quiet_end": "Şu saatten itibaren yine SMS",
    "save": "Kaydet",
    "saved_title": "Kaydedildi",
    "saved_body": "Teşekkürler. Mesajları artık seçtiğiniz gibi gönderiyoruz.",
    "invalid_email": "Bu e-posta adresi doğru değil. Lütfen kontrol edin.",
    "invalid_mobile": "Bu numara doğru değil. Bir cep telefonu numarası girin, örneğin "
    "06 12345678.",
    "invalid_language": "Listeden bir dil seçin.",
    "invalid_time": "Bir saat girin, örneğin 21:00.",
    "no_channel": "Bir e-posta adresi veya cep telefonu numarası girin.",
    "renew_title": "Yeni bağlantı isteyin",
    "renew_intro": "Bağlantınız artık çalışmıyor mu? Yenisini isteyin. Okulun sizin için "
    "kayıtlı e-posta adresine ve numarasına göndeririz.",
    "renew_button": "Bana yeni bir bağlantı gönderin",
    "renewed_title": "Size yeni bir bağlantı gönderiyoruz",
    "renewed_body": "Birazdan e-postanıza veya SMS'lerinize bakın. Bir şey gelmedi mi? "
    "O zaman okulu arayın.",
    "gone_title": "Bu bağlantı çalışmıyor",
    "gone_body": "Bu bağlantı yok veya çok eski. Okuldan yeni bir bağlantı isteyin.",
    "refused_title": "Bu bağlantı çalışmıyor",
    "refused_body": "Bu bağlantı bu sayfa için geçerli değil. Okuldan yardım isteyin.",
    "bulk_title": "Tüm velilere gönderilen mesajlar",
    "bulk_intro": "Okul bazen tüm velilere bir mesaj gönderir, örneğin veli toplantısı veya tatil "
    "günü hakkında. Burada bu mesajları almak isteyip istemediğinizi seçersiniz.",
    "bulk_note": "Çocuğunuz hakkındaki mesajları her zaman alırsınız, örneğin izin isteği veya "
    "görüşme daveti.",
    "bulk_now_on": "Şu an tüm velilere gönderilen mesajları alıyorsunuz.",
    "bulk_now_off": "Şu an tüm velilere gönderilen mesajları almıyorsunuz.",
    "bulk_stop": "Tüm velilere gönderilen mesajları durdur",
    "bulk_resume": "Tüm velilere gönderilen mesajları yine almak istiyorum",
    "bulk_stopped_title": "Artık tüm velilere gönderilen mesajları almayacaksınız",
    "bulk_stopped_body": "Çocuğunuz hakkındaki mesajları almaya devam edersiniz. Tüm "
    "velilere gönderilen "
    "mesajları yine mi istiyorsunuz? O zaman mesajdaki bağlantıyı tekrar açın.",
    "bulk_resumed_title": "Tüm velilere gönderilen mesajları yine alacaksınız",
    "bulk_resumed_body": "Teşekkür ederiz. Okulun tüm velilere "
    "gönderdiği mesajları yine alacaksınız.",
    # The step-up page (ADR 0012).
    "step_up_title": "Siz olduğunuzu onaylayın",
    "step_up_why": "Bu, çocuğunuzun bilgileriyle ilgili. Bu yüzden size önce bir kod "
    "gönderiyoruz. Böylece sizin olduğunuzdan emin oluruz.",
    "step_up_send": "Bana bir kod gönderin",
    "step_up_sent_sms": "Cep telefonu numaranıza bir kod gönderdik.",
    "step_up_sent_email": "E-posta adresinize bir kod gönderdik.",
    "step_up_code_label": "Kod (6 rakam)",
    "step_up_confirm": "Onayla",
    "step_up_wrong": "Bu kod doğru değil. Lütfen tekrar deneyin.",
    "step_up_expired": "Bu kod artık çalışmıyor. Yeni bir kod isteyin.",
    "step_up_locked_title": "Çok sık yanlış kod",
    "step_up_locked_body": "Üç kez yanlış kod girdiniz. Bu yüzden bu bir süre mümkün değil. Bir "
    "saat sonra tekrar deneyin veya okulu arayın.",
    "step_up_too_many_title": "Lütfen bekleyin",
    "step_up_too_many_body": "Az önce birkaç kod istediniz. On beş dakika bekleyin ve sonra tekrar "
    "deneyin.",
    "step_up_nowhere_title": "Size kod gönderemiyoruz",
    "step_up_nowhere_body": "Sizin cep telefonu numaranız veya e-posta adresiniz bizde yok. Lütfen "
    "okulu arayın.",
    "step_up_message": "Samen kodunuz {code}. Kod 10 dakika geçerlidir. Kimseye vermeyin.",
    "step_up_subject": "Kodunuz",
}
