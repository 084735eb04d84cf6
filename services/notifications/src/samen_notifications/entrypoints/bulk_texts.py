"""The words of the page about bulk messages (messages to all parents): Dutch first,
plain language (B1); the other five beside it. The translations are not yet reviewed
by a native speaker."""

from __future__ import annotations

from collections.abc import Mapping

NL: Mapping[str, str] = {
    "bulk_title": "Berichten aan alle ouders",
    "bulk_intro": "De school stuurt soms een bericht aan alle ouders, bijvoorbeeld over "
    "een ouderavond of een vrije dag. Hier kiest u of u die berichten wilt "
    "krijgen.",
    "bulk_note": "Berichten over uw kind krijgt u altijd, bijvoorbeeld een vraag om "
    "toestemming of een uitnodiging voor een gesprek.",
    "bulk_now_on": "Nu krijgt u berichten aan alle ouders.",
    "bulk_now_off": "Nu krijgt u geen berichten aan alle ouders.",
    "bulk_stop": "Stop berichten aan alle ouders",
    "bulk_resume": "Toch weer berichten aan alle ouders krijgen",
    "bulk_stopped_title": "U krijgt geen berichten aan alle ouders meer",
    "bulk_stopped_body": "Berichten over uw kind krijgt u wel. Wilt u toch weer berichten aan "
    "alle ouders? Open dan opnieuw de link uit het bericht.",
    "bulk_resumed_title": "U krijgt weer berichten aan alle ouders",
    "bulk_resumed_body": "Dank u wel. U krijgt weer berichten die de school aan alle ouders "
    "stuurt.",
}

EN: Mapping[str, str] = {
    "bulk_title": "Messages to all parents",
    "bulk_intro": "Sometimes the school sends a message to all parents, for example about"
    " a parents' evening or a day off. Here you choose if you want to get "
    "those messages.",
    "bulk_note": "You always get messages about your child, for example a request for "
    "permission or an invitation to a meeting.",
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

AR: Mapping[str, str] = {
    "bulk_title": "رسائل إلى جميع أولياء الأمور",
    "bulk_intro": "ترسل المدرسة أحيانًا رسالة إلى جميع أولياء الأمور، مثلًا عن أمسية "
    "أولياء الأمور أو يوم عطلة. هنا تختار هل تريد أن تصلك هذه الرسائل.",
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

TR: Mapping[str, str] = {
    "bulk_title": "Tüm velilere gönderilen mesajlar",
    "bulk_intro": "Okul bazen tüm velilere bir mesaj gönderir, örneğin veli toplantısı "
    "veya tatil günü hakkında. Burada bu mesajları almak isteyip "
    "istemediğinizi seçersiniz.",
    "bulk_note": "Çocuğunuz hakkındaki mesajları her zaman alırsınız, örneğin izin "
    "isteği veya görüşme daveti.",
    "bulk_now_on": "Şu an tüm velilere gönderilen mesajları alıyorsunuz.",
    "bulk_now_off": "Şu an tüm velilere gönderilen mesajları almıyorsunuz.",
    "bulk_stop": "Tüm velilere gönderilen mesajları durdur",
    "bulk_resume": "Tüm velilere gönderilen mesajları yine almak istiyorum",
    "bulk_stopped_title": "Artık tüm velilere gönderilen mesajları almayacaksınız",
    "bulk_stopped_body": "Çocuğunuz hakkındaki mesajları almaya devam edersiniz. Tüm velilere "
    "gönderilen mesajları yine mi istiyorsunuz? O zaman mesajdaki "
    "bağlantıyı tekrar açın.",
    "bulk_resumed_title": "Tüm velilere gönderilen mesajları yine alacaksınız",
    "bulk_resumed_body": "Teşekkür ederiz. Okulun tüm velilere gönderdiği mesajları yine "
    "alacaksınız.",
}

PL: Mapping[str, str] = {
    "bulk_title": "Wiadomości do wszystkich rodziców",
    "bulk_intro": "Szkoła czasem wysyła wiadomość do wszystkich rodziców, na przykład o "
    "zebraniu z rodzicami lub o dniu wolnym. Tutaj wybierają Państwo, czy "
    "chcą dostawać takie wiadomości.",
    "bulk_note": "Wiadomości o dziecku dostają Państwo zawsze, na przykład prośbę o "
    "zgodę lub zaproszenie na rozmowę.",
    "bulk_now_on": "Teraz dostają Państwo wiadomości do wszystkich rodziców.",
    "bulk_now_off": "Teraz nie dostają Państwo wiadomości do wszystkich rodziców.",
    "bulk_stop": "Zatrzymaj wiadomości do wszystkich rodziców",
    "bulk_resume": "Chcę znowu dostawać wiadomości do wszystkich rodziców",
    "bulk_stopped_title": "Nie będą już Państwo dostawać wiadomości do wszystkich rodziców",
    "bulk_stopped_body": "Wiadomości o dziecku dostają Państwo nadal. Chcą Państwo znowu "
    "dostawać wiadomości do wszystkich rodziców? Prosimy znowu otworzyć "
    "link z wiadomości.",
    "bulk_resumed_title": "Znowu dostają Państwo wiadomości do wszystkich rodziców",
    "bulk_resumed_body": "Dziękujemy. Znowu dostają Państwo wiadomości, które szkoła wysyła do "
    "wszystkich rodziców.",
}

UK: Mapping[str, str] = {
    "bulk_title": "Повідомлення для всіх батьків",
    "bulk_intro": "Школа іноді надсилає повідомлення всім батькам, наприклад про "
    "батьківські збори або вихідний день. Тут Ви обираєте, чи хочете "
    "отримувати такі повідомлення.",
    "bulk_note": "Повідомлення про Вашу дитину Ви отримуєте завжди, наприклад прохання "
    "про згоду або запрошення на розмову.",
    "bulk_now_on": "Зараз Ви отримуєте повідомлення для всіх батьків.",
    "bulk_now_off": "Зараз Ви не отримуєте повідомлень для всіх батьків.",
    "bulk_stop": "Зупинити повідомлення для всіх батьків",
    "bulk_resume": "Знову отримувати повідомлення для всіх батьків",
    "bulk_stopped_title": "Ви більше не отримуватимете повідомлень для всіх батьків",
    "bulk_stopped_body": "Повідомлення про Вашу дитину Ви й далі отримуєте. Хочете знову "
    "отримувати повідомлення для всіх батьків? Тоді ще раз відкрийте "
    "посилання з повідомлення.",
    "bulk_resumed_title": "Ви знову отримуєте повідомлення для всіх батьків",
    "bulk_resumed_body": "Дякуємо. Ви знову отримуєте повідомлення, які школа надсилає всім "
    "батькам.",
}

BULK_TEXTS: Mapping[str, Mapping[str, str]] = {
    "nl": NL,
    "en": EN,
    "ar": AR,
    "tr": TR,
    "pl": PL,
    "uk": UK,
}
