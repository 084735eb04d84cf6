"""The words of this service's parent pages: Dutch first, plain language (B1)."""

from __future__ import annotations

from collections.abc import Mapping

NL: Mapping[str, str] = {
    "title": "Hoe wilt u berichten krijgen?",
    "intro": "Hier kiest u hoe de school u berichten stuurt. U kunt dit altijd veranderen.",
    "language": "In welke taal wilt u berichten?",
    "email": "Uw e-mailadres",
    "mobile": "Uw mobiele nummer (voor sms)",
    "channels": "Hoe wilt u berichten krijgen?",
    "channels_both": "Per e-mail en per sms",
    "channels_email": "Alleen per e-mail",
    "channels_sms": "Alleen per sms",
    "quiet": "Wanneer wilt u geen sms krijgen?",
    "quiet_start": "Geen sms vanaf",
    "quiet_end": "Weer sms vanaf",
    "save": "Opslaan",
    "saved_title": "Opgeslagen",
    "saved_body": "Dank u wel. Wij sturen berichten nu zoals u koos.",
    "invalid_email": "Dit e-mailadres klopt niet. Kijk het na.",
    "invalid_mobile": "Dit nummer klopt niet. Vul een mobiel nummer in, bijvoorbeeld 06 12345678.",
    "invalid_language": "Kies een taal uit de lijst.",
    "invalid_time": "Vul een tijd in, bijvoorbeeld 21:00.",
    "no_channel": "Vul een e-mailadres of een mobiel nummer in.",
    "renew_title": "Nieuwe link aanvragen",
    "renew_intro": "Werkt uw link niet meer? Vraag een nieuwe aan. Wij sturen hem naar het "
    "e-mailadres en het nummer dat de school van u heeft.",
    "renew_button": "Stuur mij een nieuwe link",
    "renewed_title": "Wij sturen u een nieuwe link",
    "renewed_body": "Kijk zo in uw e-mail of sms. Krijgt u niets? Bel dan de school.",
    "gone_title": "Deze link werkt niet",
    "gone_body": "Deze link bestaat niet of is te oud. Vraag de school om een nieuwe link.",
    "refused_title": "Deze link werkt niet",
    "refused_body": "Deze link is niet geldig voor deze pagina. Vraag de school om hulp.",
    "bulk_title": "Berichten aan alle ouders",
    "bulk_intro": "De school stuurt soms een bericht aan alle ouders, bijvoorbeeld over een "
    "ouderavond of een vrije dag. Hier kiest u of u die berichten wilt krijgen.",
    "bulk_note": "Berichten over uw kind krijgt u altijd, bijvoorbeeld een vraag om toestemming of "
    "een uitnodiging voor een gesprek.",
    "bulk_now_on": "Nu krijgt u berichten aan alle ouders.",
    "bulk_now_off": "Nu krijgt u geen berichten aan alle ouders.",
    "bulk_stop": "Stop berichten aan alle ouders",
    "bulk_resume": "Toch weer berichten aan alle ouders krijgen",
    "bulk_stopped_title": "U krijgt geen berichten aan alle ouders meer",
    "bulk_stopped_body": "Berichten over uw kind krijgt u wel. Wilt u toch weer berichten aan alle "
    "ouders? Open dan opnieuw de link uit het bericht.",
    "bulk_resumed_title": "U krijgt weer berichten aan alle ouders",
    "bulk_resumed_body": "Dank u wel. U krijgt weer berichten die de school aan alle ouders "
    "stuurt.",
}

EN: Mapping[str, str] = {
    "title": "How do you want to get messages?",
    "intro": "Here you choose how the school sends you messages. You can always change this.",
    "language": "In which language do you want messages?",
    "email": "Your e-mail address",
    "mobile": "Your mobile number (for text messages)",
    "channels": "How do you want to get messages?",
    "channels_both": "By e-mail and by text message",
    "channels_email": "Only by e-mail",
    "channels_sms": "Only by text message",
    "quiet": "When do you not want text messages?",
    "quiet_start": "No text messages from",
    "quiet_end": "Text messages again from",
    "save": "Save",
    "saved_title": "Saved",
    "saved_body": "Thank you. We now send messages the way you chose.",
    "invalid_email": "This e-mail address is not right. Please check it.",
    "invalid_mobile": "This number is not right. Fill in a mobile number.",
    "invalid_language": "Choose a language from the list.",
    "invalid_time": "Fill in a time, for example 21:00.",
    "no_channel": "Fill in an e-mail address or a mobile number.",
    "renew_title": "Ask for a new link",
    "renew_intro": "Does your link not work any more? Ask for a new one. We send it to the "
    "e-mail address and number the school has for you.",
    "renew_button": "Send me a new link",
    "renewed_title": "We are sending you a new link",
    "renewed_body": "Look in your e-mail or text messages soon. Nothing there? Call the school.",
    "gone_title": "This link does not work",
    "gone_body": "This link does not exist or is too old. Ask the school for a new link.",
    "refused_title": "This link does not work",
    "refused_body": "This link is not valid for this page. Ask the school for help.",
    "bulk_title": "Messages to all parents",
    "bulk_intro": "Sometimes the school sends a message to all parents, for example about a "
    "parents' evening or a day off. Here you choose if you want to get those messages.",
    "bulk_note": "You always get messages about your child, for example a request for permission "
    "or an invitation to a meeting.",
    "bulk_now_on": "You now get messages to all parents.",
    "bulk_now_off": "You now get no messages to all parents.",
    "bulk_stop": "Stop messages to all parents",
    "bulk_resume": "Get messages to all parents again",
    "bulk_stopped_title": "You no longer get messages to all parents",
    "bulk_stopped_body": "You still get messages about your child. Do you want messages to all "
    "parents again? Then open the link in the message again.",
    "bulk_resumed_title": "You get messages to all parents again",
    "bulk_resumed_body": "Thank you. You get the messages the school sends to all parents again.",
}

# Arabic, right to left: the page about bulk messages only (translation not yet reviewed by a
# native speaker); other keys show in Dutch alone.
AR: Mapping[str, str] = {
    "bulk_title": "رسائل إلى جميع أولياء الأمور",
    "bulk_intro": "ترسل المدرسة أحيانًا رسالة إلى جميع أولياء الأمور، مثلًا عن أمسية أولياء الأمور "
    "أو يوم عطلة. هنا تختار هل تريد أن تصلك هذه الرسائل.",
    "bulk_note": "الرسائل عن طفلك تصلك دائمًا، مثلًا طلب موافقة أو دعوة إلى لقاء.",
    "bulk_now_on": "الآن تصلك الرسائل إلى جميع أولياء الأمور.",
    "bulk_now_off": "الآن لا تصلك الرسائل إلى جميع أولياء الأمور.",
    "bulk_stop": "أوقف الرسائل إلى جميع أولياء الأمور",
    "bulk_resume": "أريد الرسائل إلى جميع أولياء الأمور مرة أخرى",
    "bulk_stopped_title": "لن تصلك بعد الآن الرسائل إلى جميع أولياء الأمور",
    "bulk_stopped_body": "الرسائل عن طفلك تصلك كما كانت. هل تريد الرسائل إلى جميع أولياء الأمور "
    "مرة أخرى؟ افتح الرابط في الرسالة من جديد.",
    "bulk_resumed_title": "ستصلك الرسائل إلى جميع أولياء الأمور مرة أخرى",
    "bulk_resumed_body": "شكرًا لك. ستصلك مرة أخرى الرسائل التي ترسلها المدرسة إلى جميع أولياء "
    "الأمور.",
}

# Turkish: the page about bulk messages only (translation not yet reviewed by a
# native speaker); other keys show in Dutch alone.
TR: Mapping[str, str] = {
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
    "bulk_stopped_body": "Çocuğunuz hakkındaki mesajları almaya devam edersiniz. Tüm velilere "
    "gönderilen mesajları yine mi istiyorsunuz? O zaman mesajdaki bağlantıyı tekrar açın.",
    "bulk_resumed_title": "Tüm velilere gönderilen mesajları yine alacaksınız",
    "bulk_resumed_body": "Teşekkür ederiz. Okulun tüm velilere gönderdiği mesajları yine "
    "alacaksınız.",
}

# Polish: the page about bulk messages only (translation not yet reviewed by a
# native speaker); other keys show in Dutch alone.
PL: Mapping[str, str] = {
    "bulk_title": "Wiadomości do wszystkich rodziców",
    "bulk_intro": "Szkoła czasem wysyła wiadomość do wszystkich rodziców, na przykład o zebraniu z "
    "rodzicami lub o dniu wolnym. Tutaj wybierają Państwo, czy chcą dostawać takie wiadomości.",
    "bulk_note": "Wiadomości o dziecku dostają Państwo zawsze, na przykład prośbę o zgodę lub "
    "zaproszenie na rozmowę.",
    "bulk_now_on": "Teraz dostają Państwo wiadomości do wszystkich rodziców.",
    "bulk_now_off": "Teraz nie dostają Państwo wiadomości do wszystkich rodziców.",
    "bulk_stop": "Zatrzymaj wiadomości do wszystkich rodziców",
    "bulk_resume": "Chcę znowu dostawać wiadomości do wszystkich rodziców",
    "bulk_stopped_title": "Nie będą już Państwo dostawać wiadomości do wszystkich rodziców",
    "bulk_stopped_body": "Wiadomości o dziecku dostają Państwo nadal. Chcą Państwo znowu dostawać "
    "wiadomości do wszystkich rodziców? Prosimy znowu otworzyć link z wiadomości.",
    "bulk_resumed_title": "Znowu dostają Państwo wiadomości do wszystkich rodziców",
    "bulk_resumed_body": "Dziękujemy. Znowu dostają Państwo wiadomości, które szkoła wysyła do "
    "wszystkich rodziców.",
}

# Ukrainian: the page about bulk messages only (translation not yet reviewed by a
# native speaker); other keys show in Dutch alone.
UK: Mapping[str, str] = {
    "bulk_title": "Повідомлення для всіх батьків",
    "bulk_intro": "Школа іноді надсилає повідомлення всім батькам, наприклад про батьківські збори "
    "або вихідний день. Тут Ви обираєте, чи хочете отримувати такі повідомлення.",
    "bulk_note": "Повідомлення про Вашу дитину Ви отримуєте завжди, наприклад прохання про згоду "
    "або запрошення на розмову.",
    "bulk_now_on": "Зараз Ви отримуєте повідомлення для всіх батьків.",
    "bulk_now_off": "Зараз Ви не отримуєте повідомлень для всіх батьків.",
    "bulk_stop": "Зупинити повідомлення для всіх батьків",
    "bulk_resume": "Знову отримувати повідомлення для всіх батьків",
    "bulk_stopped_title": "Ви більше не отримуватимете повідомлень для всіх батьків",
    "bulk_stopped_body": "Повідомлення про Вашу дитину Ви й далі отримуєте. Хочете знову "
    "отримувати повідомлення для всіх батьків? Тоді ще раз відкрийте посилання з повідомлення.",
    "bulk_resumed_title": "Ви знову отримуєте повідомлення для всіх батьків",
    "bulk_resumed_body": "Дякуємо. Ви знову отримуєте повідомлення, які школа надсилає всім "
    "батькам.",
}

TEXTS: Mapping[str, Mapping[str, str]] = {
    "nl": NL,
    "en": EN,
    "ar": AR,
    "tr": TR,
    "pl": PL,
    "uk": UK,
}

# The languages a parent can choose (GLOSSARY.md), each in its own words.
LANGUAGES: tuple[tuple[str, str], ...] = (
    ("nl", "Nederlands"),
    ("en", "English"),
    ("pl", "Polski"),
    ("tr", "Türkçe"),
    ("ar", "العربية"),
    ("uk", "Українська"),
    ("fr", "Français"),
    ("es", "Español"),
    ("ro", "Română"),
    ("pt", "Português"),
    ("de", "Deutsch"),
    ("ru", "Русский"),
    ("zh", "中文"),
    ("ti", "ትግርኛ"),
    ("so", "Soomaali"),
    ("zgh", "ⵜⴰⵎⴰⵣⵉⵖⵜ"),
)
