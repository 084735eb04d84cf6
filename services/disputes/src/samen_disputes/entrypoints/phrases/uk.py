"""Ukrainian: not yet reviewed by a native speaker."""

from __future__ import annotations

from typing import Final

REVIEWED: Final = False
PHRASES: Final[dict[str, str]] = {
    "ui_title": "Ваша справа зі школою",
    "ui_intro": "Ви не згодні зі школою? Тут ви можете про це повідомити. "
    "Також ви можете побачити, що буде далі.",
    "ui_your_cases": "Ваші справи",
    "ui_no_cases": "Справ ще немає.",
    "ui_open_title": "Повідомити про нову справу",
    "ui_subject": "Про що йдеться?",
    "ui_description": "Розкажіть своїми словами, у чому проблема.",
    "ui_decision_date": "Йдеться про рішення? Яка дата цього рішення?",
    "ui_first_step": "Що ви хочете зробити спочатку?",
    "ui_send": "Надіслати",
    "ui_opened_on": "Повідомлено {date}",
    "ui_stage": "На якому етапі справа зараз?",
    "ui_next_deadline": "Найближча дата",
    "ui_no_deadline": "Для цього кроку немає сталого строку.",
    "ui_late": "Ця дата вже минула.",
    "ui_your_options": "Що ви можете зробити зараз?",
    "ui_waiting_for": "На що ви чекаєте?",
    "ui_steps": "Кроки",
    "ui_why": "Чому? Можна залишити порожнім.",
    "ui_history": "Що сталося",
    "ui_notes": "Повідомлення",
    "ui_add_note": "Додати щось до вашої справи",
    "ui_back": "Назад до ваших справ",
    "ui_help": "Потрібна допомога? Освітній консультант допомагає безкоштовно. Див.",
    "ui_closed": "Цю справу завершено.",
    "on_day": "{date}",
    "side_school": "Школа",
    "side_guardian": "Батьки",
    "other": "Інше",
    "subject_opp": "План розвитку (OPP)",
    "subject_opp_action_part": "Практична частина плану розвитку (OPP)",
    "subject_support_or_arrangement": "Додаткова допомога або підтримка",
    "subject_admission": "Прийом моєї дитини",
    "subject_removal": "Відрахування моєї дитини",
    "subject_other": "Щось інше",
    "stage_conversation": "Розмова зі школою",
    "stage_mediation": "Медіація",
    "stage_education_consultant": "Освітній консультант",
    "stage_objection": "Заперечення до правління школи",
    "stage_objection_private": "Прохання до правління школи переглянути рішення",
    "stage_disputes_committee": "Комісія зі спорів щодо інклюзивної освіти",
    "ending_resolved": "Вирішено",
    "ending_withdrawn": "Відкликано",
    "ending_decided": "Ухвалено рішення",
    "move_enter:conversation": "Знову поговорити зі школою",
    "move_enter:mediation": "Попросити про медіацію",
    "move_enter:education_consultant": "Залучити освітнього консультанта",
    "move_enter:objection_private": "Попросити про перегляд",
    "move_enter:objection": "Подати заперечення",
    "move_enter:disputes_committee": "Звернутися до Комісії зі спорів",
    "move_resolve": "Ми згодні",
    "move_withdraw": "Відкликати мою справу",
    "move_request_defence": "Комісія попросила відповідь",
    "move_record_defence": "Відповідь отримано",
    "move_record_advice": "Висновок отримано",
    "move_decide": "Рішення",
    "deadline_objection_filing_private": "Попросити про перегляд рішення можна до {date} включно.",
    "deadline_objection_filing": "Подати заперечення можна до {date} включно.",
    "deadline_objection_decision": "Правління вирішить не пізніше {date}.",
    "deadline_committee_request": "Звернутися до комісії можна до {date} включно.",
    "deadline_committee_defence": "Правління відповість не пізніше {date}.",
    "deadline_committee_procedure": "Комісія дасть висновок не пізніше {date}.",
    "deadline_board_response_to_advice": "Правління відповість на висновок не пізніше {date}.",
    "dispute.stand.conversation": "Ви розмовляєте зі школою про те, що потрібно вашій "
    "дитині. Ви ще не дійшли згоди.",
    "dispute.stand.mediation": "Ви і школа розмовляєте з медіатором. Медіатор не стає ні на "
    "чий бік. Він допомагає вам разом знайти рішення.",
    "dispute.stand.education_consultant": "Вам допомагає освітній консультант. Ця порада "
    "безкоштовна. Консультант не працює на школу.",
    "dispute.stand.objection": "Ви подали заперечення до правління школи. Правління "
    "розглядає ваше заперечення. Потім правління ухвалить рішення.",
    "dispute.stand.disputes_committee": "Комісія зі спорів щодо інклюзивної освіти "
    "розглядає вашу справу. Комісія незалежна. Вона дає висновок.",
    "dispute.stand.disputes_committee_advised": "Комісія зі спорів дала висновок. Правління "
    "школи зараз повідомить, що воно з ним зробить.",
    "dispute.stand.objection_and_committee": "Ви подали заперечення. Ви також передали "
    "справу до Комісії зі спорів. Правління чекає на висновок комісії. Потім правління "
    "вирішить щодо вашого заперечення.",
    "dispute.stand.objection_and_committee_advised": "Комісія зі спорів дала висновок. "
    "Правління зараз вирішує щодо вашого заперечення.",
    "dispute.stand.resolved": "Ви і школа дійшли згоди. Справу завершено.",
    "dispute.stand.withdrawn": "Справу відкликано. Справу завершено.",
    "dispute.stand.decided": "Правління школи ухвалило рішення. Справу завершено.",
    "dispute.option.conversation": "Знову поговорити зі школою.",
    "dispute.option.mediation": "Попросити про медіацію. Медіатор допомагає вам і школі "
    "разом знайти рішення.",
    "dispute.option.education_consultant": "Попросити безкоштовної поради в освітнього "
    "консультанта. Консультант незалежний. Див. {contact}.",
    "dispute.option.objection": "Подати заперечення до правління школи. Це можна зробити "
    "до {date} включно.",
    "dispute.option.disputes_committee": "Передати справу до Комісії зі спорів щодо "
    "інклюзивної освіти. Це можна зробити до {date} включно.",
    "dispute.option.resolve": "Повідомити, що ви і школа дійшли згоди.",
    "dispute.option.withdraw": "Відкликати вашу справу. Це можна зробити завжди.",
    "dispute.option.objection_private": "Попросити правління школи переглянути рішення "
    "(запит на перегляд). Це можна зробити до {date}.",
    "dispute.option.court_private": "Ви не згодні з рішенням? Тоді ви можете звернутися"
    " до цивільного суду, наприклад у спрощеному "
    "провадженні. Спочатку попросіть поради, наприклад "
    "в освітнього консультанта.",
    "dispute.option.court": "Ви не згодні з рішенням? Тоді ви можете оскаржити його в "
    "адміністративному суді. Спочатку попросіть поради, наприклад в освітнього консультанта.",
    "dispute.term_passed": "Ця дата вже минула. У вас була поважна причина запізнення? "
    "Тоді напишіть про це.",
    "dispute.waiting.objection_decision": "Правління школи вирішить щодо вашого заперечення "
    "не пізніше {date}.",
    "dispute.waiting.committee_defence": "Правління школи надішле свою відповідь до комісії "
    "не пізніше {date}.",
    "dispute.waiting.committee_procedure": "Комісія дасть висновок не пізніше {date}.",
    "dispute.waiting.board_response_to_advice": "Правління школи не пізніше {date} "
    "повідомить, що воно зробить із висновком.",
    "dispute.overdue": "Ця дата вже минула. Запитайте правління школи, коли ви отримаєте "
    "відповідь.",
}
