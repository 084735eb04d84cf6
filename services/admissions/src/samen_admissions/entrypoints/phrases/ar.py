"""Arabic (right to left): not yet reviewed by a native speaker."""

from __future__ import annotations

from typing import Final

REVIEWED: Final = False
PHRASES: Final[dict[str, str]] = {
    "adm_title": "طلب إلى شبكة المدارس",
    "adm_intro": "تطلب المدرسة من شبكة المدارس مساعدة إضافية لطفلكم. "
    "هنا يمكنكم قراءة الطلب. ويمكنكم أيضًا أن تقولوا رأيكم فيه.",
    "adm_what": "ماذا تطلب المدرسة؟",
    "adm_kind_tlv": "إفادة قبول (TLV) للتعليم الخاص",
    "adm_kind_arrangement": "ترتيب: مساعدة إضافية في مدرسة طفلكم نفسها",
    "adm_category_sbo": "التعليم الابتدائي الخاص (SBO)",
    "adm_category_so_low": "التعليم الخاص، الفئة المنخفضة",
    "adm_category_so_middle": "التعليم الخاص، الفئة المتوسطة",
    "adm_category_so_high": "التعليم الخاص، الفئة العالية",
    "adm_category_light": "مساعدة خفيفة",
    "adm_category_medium": "مساعدة متوسطة",
    "adm_category_intensive": "مساعدة مكثفة",
    "adm_category_other": "شكل آخر",
    "adm_where": "أين وصل الطلب الآن؟",
    "adm_status_draft": "المدرسة تُعِدّ الطلب",
    "adm_status_submitted": "شبكة المدارس تدرس الطلب",
    "adm_status_granted": "تمت الموافقة",
    "adm_status_refused": "تم الرفض",
    "adm_advice_count": "عدد الخبراء الذين قدموا المشورة: {count}",
    "adm_school_question": "سؤال المدرسة",
    "adm_your_view": "ما رأيكم؟",
    "adm_no_view": "لم تكتبوا شيئًا بعد.",
    "adm_view_label": "اكتبوا بكلماتكم الخاصة رأيكم في الطلب.",
    "adm_send": "إرسال",
    "adm_decision": "القرار",
    "adm_granted": "تمت الموافقة على الطلب. وهو ساري من {start} حتى {end} ضمنًا.",
    "adm_extension": "هل ستنتهي المساعدة قريبًا؟ يمكن للمدرسة أن تطلب التمديد في الوقت المناسب.",
    "adm_refused": "تم رفض الطلب. وهذا هو السبب:",
    "adm_rights": "ماذا يمكنكم أن تفعلوا؟",
    "adm_object_until": "هل أنتم غير موافقين على القرار؟ يمكنكم تقديم اعتراض لدى شبكة "
    "المدارس حتى {date} ضمنًا.",
    "adm_advisory_step": "عند الاعتراض على إفادة القبول، تقدم لجنة وطنية مشورتها أولًا. "
    "ثم تقرر شبكة المدارس.",
    "adm_help": "هل تريدون مساعدة؟ يمكنكم أن تطلبوا مستشار التعليم مجانًا.",
    "adm_objection_open": "تم استلام اعتراضكم. سيتم إبلاغكم بما سيحدث.",
    "adm_objection_advised": "قدمت اللجنة الوطنية مشورتها.",
    "adm_objection_label": "اكتبوا لماذا لا توافقون على القرار.",
    "adm_object": "تقديم اعتراض",
    "error_title": "لم ينجح هذا",
    "error_link": "هذا الرابط لا يعمل (بعد الآن). استخدموا الرابط في آخر رسالة من المدرسة.",
    "error_not_found": "لا يمكننا العثور على هذه الصفحة.",
    "error_conflict": "هذا غير ممكن (بعد الآن). انظروا في الصفحة إلى الوضع الحالي.",
    "error_input": "حدث خطأ فيما أدخلتموه. حاولوا مرة أخرى.",
    "error_no_authority": "لا يمكن القيام بذلك إلا لولي أمر له السلطة الأبوية.",
    "error_other": "حدث خطأ ما. حاولوا مرة أخرى لاحقًا.",
    "back": "العودة إلى الطلب",
}
