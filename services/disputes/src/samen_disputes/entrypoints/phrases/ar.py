"""Arabic (right to left): not yet reviewed by a native speaker."""

from __future__ import annotations

from typing import Final

REVIEWED: Final = False
PHRASES: Final[dict[str, str]] = {
    "ui_title": "قضيتكم مع المدرسة",
    "ui_intro": "هل أنتم غير موافقين على ما تقوله المدرسة؟ يمكنكم الإبلاغ عن ذلك هنا. "
    "ويمكنكم أيضًا أن تروا ما سيحدث بعد ذلك.",
    "ui_your_cases": "قضاياكم",
    "ui_no_cases": "لا توجد قضايا بعد.",
    "ui_open_title": "الإبلاغ عن قضية جديدة",
    "ui_subject": "عن ماذا يدور الأمر؟",
    "ui_description": "أخبرونا بكلماتكم الخاصة ما المشكلة.",
    "ui_decision_date": "هل يتعلق الأمر بقرار؟ ما هو تاريخ ذلك القرار؟",
    "ui_first_step": "ماذا تريدون أن تفعلوا أولًا؟",
    "ui_send": "إرسال",
    "ui_opened_on": "تم الإبلاغ في {date}",
    "ui_stage": "أين وصلت القضية الآن؟",
    "ui_next_deadline": "التاريخ القادم",
    "ui_no_deadline": "لا توجد مهلة محددة لهذه الخطوة.",
    "ui_late": "هذا التاريخ قد مضى.",
    "ui_your_options": "ماذا يمكنكم أن تفعلوا الآن؟",
    "ui_waiting_for": "ماذا تنتظرون؟",
    "ui_steps": "الخطوات",
    "ui_why": "لماذا؟ يمكن ترك هذا فارغًا.",
    "ui_history": "ما الذي حدث",
    "ui_notes": "الرسائل",
    "ui_add_note": "أضيفوا شيئًا إلى قضيتكم",
    "ui_back": "العودة إلى قضاياكم",
    "ui_help": "هل تحتاجون إلى مساعدة؟ يساعدكم مستشار التعليم مجانًا. انظروا",
    "ui_closed": "هذه القضية انتهت.",
    "on_day": "{date}",
    "side_school": "المدرسة",
    "side_guardian": "وليّ الأمر",
    "other": "غير ذلك",
    "subject_opp": "خطة التطوير (OPP)",
    "subject_opp_action_part": "الجزء العملي من خطة التطوير (OPP)",
    "subject_support_or_arrangement": "المساعدة الإضافية أو الترتيب",
    "subject_admission": "قبول طفلي",
    "subject_removal": "فصل طفلي من المدرسة",
    "subject_other": "شيء آخر",
    "stage_conversation": "حديث مع المدرسة",
    "stage_mediation": "الوساطة",
    "stage_education_consultant": "مستشار التعليم",
    "stage_objection": "اعتراض لدى مجلس إدارة المدرسة",
    "stage_objection_private": "طلب إعادة النظر لدى مجلس إدارة المدرسة",
    "stage_disputes_committee": "لجنة النزاعات للتعليم المناسب",
    "ending_resolved": "تم الحل",
    "ending_withdrawn": "تم السحب",
    "ending_decided": "صدر قرار",
    "move_enter:conversation": "التحدث مع المدرسة مرة أخرى",
    "move_enter:mediation": "طلب الوساطة",
    "move_enter:education_consultant": "الاستعانة بمستشار التعليم",
    "move_enter:objection_private": "طلب إعادة النظر",
    "move_enter:objection": "تقديم اعتراض",
    "move_enter:disputes_committee": "الذهاب إلى لجنة النزاعات",
    "move_resolve": "نحن متفقون",
    "move_withdraw": "سحب قضيتي",
    "move_request_defence": "طلبت اللجنة رد مجلس الإدارة",
    "move_record_defence": "تم استلام الرد",
    "move_record_advice": "تم استلام الرأي",
    "move_decide": "قرار",
    "deadline_objection_filing_private": "يمكن طلب إعادة النظر حتى {date}.",
    "deadline_objection_filing": "يمكن تقديم الاعتراض حتى {date}.",
    "deadline_objection_decision": "يقرر مجلس الإدارة في موعد أقصاه {date}.",
    "deadline_committee_request": "يمكن الذهاب إلى لجنة النزاعات حتى {date}.",
    "deadline_committee_defence": "يرد مجلس الإدارة في موعد أقصاه {date}.",
    "deadline_committee_procedure": "تعطي اللجنة رأيها في موعد أقصاه {date}.",
    "deadline_board_response_to_advice": "يرد مجلس الإدارة على الرأي في موعد أقصاه {date}.",
    "dispute.stand.conversation": "أنتم تتحدثون مع المدرسة عمّا يحتاجه طفلكم. لم تتفقوا بعد.",
    "dispute.stand.mediation": "أنتم والمدرسة تتحدثون مع وسيط. الوسيط لا يقف مع أي طرف. "
    "يساعدكم على إيجاد حل معًا.",
    "dispute.stand.education_consultant": "يساعدكم مستشار التعليم. هذه النصيحة مجانية. "
    "مستشار التعليم لا يعمل لدى المدرسة.",
    "dispute.stand.objection": "قدّمتم اعتراضًا لدى مجلس إدارة المدرسة. ينظر المجلس في "
    "اعتراضكم. بعد ذلك يتخذ المجلس قرارًا.",
    "dispute.stand.disputes_committee": "تنظر لجنة النزاعات للتعليم المناسب في قضيتكم. "
    "اللجنة مستقلة. وهي تعطي رأيها.",
    "dispute.stand.disputes_committee_advised": "أعطت لجنة النزاعات رأيها. يخبركم مجلس "
    "إدارة المدرسة الآن بما سيفعله به.",
    "dispute.stand.objection_and_committee": "قدّمتم اعتراضًا. وعرضتم القضية أيضًا على "
    "لجنة النزاعات. ينتظر المجلس رأي اللجنة. بعد ذلك يقرر المجلس بشأن اعتراضكم.",
    "dispute.stand.objection_and_committee_advised": "أعطت لجنة النزاعات رأيها. يقرر "
    "المجلس الآن بشأن اعتراضكم.",
    "dispute.stand.resolved": "اتفقتم أنتم والمدرسة. القضية انتهت.",
    "dispute.stand.withdrawn": "تم سحب القضية. القضية انتهت.",
    "dispute.stand.decided": "اتخذ مجلس إدارة المدرسة قرارًا. القضية انتهت.",
    "dispute.option.conversation": "التحدث مع المدرسة مرة أخرى.",
    "dispute.option.mediation": "طلب الوساطة. يساعدكم الوسيط أنتم والمدرسة على إيجاد حل معًا.",
    "dispute.option.education_consultant": "طلب نصيحة مجانية من مستشار التعليم. مستشار "
    "التعليم مستقل. انظروا {contact}.",
    "dispute.option.objection": "تقديم اعتراض لدى مجلس إدارة المدرسة. يمكن ذلك حتى {date}.",
    "dispute.option.disputes_committee": "عرض قضيتكم على لجنة النزاعات للتعليم المناسب. "
    "يمكن ذلك حتى {date}.",
    "dispute.option.resolve": "إخبارنا بأنكم والمدرسة متفقون.",
    "dispute.option.withdraw": "سحب قضيتكم. يمكنكم ذلك دائمًا.",
    "dispute.option.objection_private": "اطلبوا من مجلس إدارة المدرسة إعادة النظر في القرار"
    " (طلب مراجعة). يمكن ذلك حتى {date}.",
    "dispute.option.court_private": "هل أنتم غير موافقين على القرار؟ يمكنكم عندئذ "
    "الذهاب إلى المحكمة المدنية، مثلًا في دعوى مستعجلة."
    " اطلبوا المشورة أولًا، مثلًا من مستشار التعليم.",
    "dispute.option.court": "هل أنتم غير موافقين على القرار؟ يمكنكم عندئذ الطعن أمام "
    "المحكمة الإدارية. اطلبوا النصيحة أولًا، مثلًا من مستشار التعليم.",
    "dispute.term_passed": "هذا التاريخ قد مضى. هل كان لديكم سبب وجيه للتأخر؟ اكتبوا ذلك إذن.",
    "dispute.waiting.objection_decision": "يقرر مجلس إدارة المدرسة بشأن اعتراضكم في موعد "
    "أقصاه {date}.",
    "dispute.waiting.committee_defence": "يرسل مجلس إدارة المدرسة رده إلى اللجنة في موعد "
    "أقصاه {date}.",
    "dispute.waiting.committee_procedure": "تعطي اللجنة رأيها في موعد أقصاه {date}.",
    "dispute.waiting.board_response_to_advice": "يخبركم مجلس إدارة المدرسة في موعد أقصاه "
    "{date} بما سيفعله بالرأي.",
    "dispute.overdue": "هذا التاريخ قد مضى. اسألوا مجلس إدارة المدرسة متى ستتلقون ردًا.",
}
