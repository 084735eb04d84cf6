"""Ukrainian."""

from __future__ import annotations

from typing import Final

REVIEWED: Final = False
PHRASES: Final[dict[str, str]] = {
    "opp_title": "План для вашої дитини (OPP)",
    "opp_intro": "В OPP написано, яку додаткову підтримку отримує ваша дитина. Про частину "
    "з підтримкою (частину дій) ви вирішуєте разом зі школою: без вашої згоди вона не "
    "діє.",
    "opp_status": "Який зараз стан?",
    "opp_status_drafting": "Школа ще працює над цією версією.",
    "opp_status_offered": "Школа просить вашої згоди на цю версію.",
    "opp_status_set": "Ви дали згоду. Цей план зараз діє.",
    "opp_status_not_set": "Цей план не діє: згоди немає. Школа запрошує вас на нову розмову. "
    "Ви не згодні зі школою? Тоді ви можете розпочати спір.",
    "opp_none_yet": "Школа ще не написала жодної версії.",
    "opp_version": "Версія {version}",
    "opp_action_part": "Частина дій: підтримка для вашої дитини",
    "opp_in_force": "Версія {version} діє зараз.",
    "opp_earlier": "Попередні версії",
    "opp_written_on": "Версія {version}, написана {date}",
    "binding_note": "Тексти школи написані нідерландською. Обов'язковим є нідерландський "
    "текст. Заголовки подано вашою мовою.",
    "section_goal": "Мета {number}",
    "section_support": "Яку підтримку отримує ваша дитина?",
    "section_arrangement": "Програма підтримки",
    "section_who_does_what": "Хто що робить?",
    "section_location": "Де?",
    "section_starts_on": "З",
    "section_ends_on": "До",
    "section_evaluation_how": "Як ми обговорюємо, чи це допомагає?",
    "section_evaluation_when": "Коли ми це обговорюємо?",
    "gd_title": "Документ розвитку вашої дитини",
    "gd_intro": "Тут те, що школа і ви знаєте про вашу дитину: що вдається, що важко і яка "
    "підтримка вже була. Ви можете щось додати самі.",
    "gd_empty": "Тут ще нічого немає.",
    "gd_kind_observation": "Що бачить школа",
    "gd_kind_test_taken": "Тест або обстеження",
    "gd_kind_previous_support": "Попередня підтримка",
    "gd_kind_parents_view": "Що кажуть батьки",
    "gd_kind_pupil_view": "Що каже ваша дитина",
    "gd_test": "{name}, {date}",
    "gd_on_day": "{date}",
    "day": "{date}",
    "gd_by_staff": "Школа",
    "gd_by_guardian": "Батьки",
    "gd_add": "Додайте власні слова",
    "gd_add_label": "Що ви хочете, щоб школа знала про вашу дитину?",
    "gd_send": "Надіслати",
    "error_title": "Це не вдається",
    "error_other": "Щось пішло не так. Спробуйте пізніше.",
    "error_no_authority": "Це може бачити лише один із батьків з батьківськими правами.",
    "error_invalid": "Чогось бракує, або текст задовгий. Спробуйте ще раз.",
    "error_link": "Це посилання (більше) не працює. Попросіть школу про нове посилання.",
}
