"""Arabic (right to left)."""

from __future__ import annotations

from typing import Final

REVIEWED: Final = False
PHRASES: Final[dict[str, str]] = {
    "opp_title": "خطة طفلك (OPP)",
    "opp_intro": "تبيّن خطة OPP الدعم الإضافي الذي يحصل عليه طفلك. أنت تقرر في الجزء الخاص "
    "بالدعم (جزء الإجراءات): بدون موافقتك لا يتم تنفيذه.",
    "opp_status": "ما هو الوضع الآن؟",
    "opp_status_drafting": "المدرسة لا تزال تعمل على هذه النسخة.",
    "opp_status_offered": "تطلب المدرسة موافقتك على هذه النسخة.",
    "opp_status_set": "لقد أعطيت موافقتك. هذه الخطة سارية الآن.",
    "opp_status_not_set": "هذه الخطة غير سارية: لا توجد موافقة. تدعوك المدرسة إلى محادثة "
    "جديدة. هل لا توافق المدرسة؟ يمكنك عندها بدء نزاع.",
    "opp_none_yet": "لم تكتب المدرسة أي نسخة بعد.",
    "opp_version": "النسخة {version}",
    "opp_action_part": "جزء الإجراءات: الدعم لطفلك",
    "opp_in_force": "النسخة {version} سارية الآن.",
    "opp_earlier": "النسخ السابقة",
    "opp_written_on": "النسخة {version}، كُتبت في {date}",
    "binding_note": "نصوص المدرسة باللغة الهولندية. النص الهولندي هو الملزم. العناوين "
    "مكتوبة بلغتك.",
    "section_goal": "الهدف {number}",
    "section_support": "ما الدعم الذي يحصل عليه طفلك؟",
    "section_arrangement": "الترتيب",
    "section_who_does_what": "من يفعل ماذا؟",
    "section_location": "أين؟",
    "section_starts_on": "من",
    "section_ends_on": "حتى",
    "section_evaluation_how": "كيف نناقش ما إذا كان الدعم ينجح؟",
    "section_evaluation_when": "متى نناقش ذلك؟",
    "gd_title": "ملف نمو طفلك",
    "gd_intro": "هنا ما تعرفه المدرسة وأنت عن طفلك: ما يسير جيدًا، وما هو صعب، وما الدعم "
    "الذي كان موجودًا. يمكنك إضافة شيء بنفسك.",
    "gd_empty": "لا يوجد فيه شيء بعد.",
    "gd_kind_observation": "ما تراه المدرسة",
    "gd_kind_test_taken": "اختبار أو فحص",
    "gd_kind_previous_support": "دعم كان موجودًا من قبل",
    "gd_kind_parents_view": "ما يقوله الوالدان",
    "gd_kind_pupil_view": "ما يقوله طفلك",
    "gd_test": "{name}، في {date}",
    "gd_on_day": "{date}",
    "day": "{date}",
    "gd_by_staff": "المدرسة",
    "gd_by_guardian": "أحد الوالدين",
    "gd_add": "أضف كلماتك الخاصة",
    "gd_add_label": "ماذا تريد أن تعرف المدرسة عن طفلك؟",
    "gd_send": "إرسال",
    "error_title": "هذا لا يعمل",
    "error_other": "حدث خطأ ما. حاول مرة أخرى لاحقًا.",
    "error_no_authority": "فقط أحد الوالدين الذي لديه السلطة الأبوية يمكنه رؤية هذا.",
    "error_invalid": "هناك شيء ناقص، أو النص طويل جدًا. حاول مرة أخرى.",
    "error_link": "هذا الرابط لا يعمل (بعد الآن). اطلب من المدرسة رابطًا جديدًا.",
}
