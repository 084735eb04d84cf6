"""English translation (unreviewed)."""

from __future__ import annotations

from typing import Final

_CLOSE: Final = "You may say no. If you say yes, you can always take it back later."

TEXTS: Final = {
    "engage_swv": (
        "Asking the school partnership for help",
        "Your child needs more help than the school can give alone. "
        "So we want to ask the school partnership (samenwerkingsverband) for help. "
        "The school partnership is a group of schools in the region. "
        "Together they arrange extra help. "
        "We will tell them what your child needs. "
        "Then we look for the best help together with you. " + _CLOSE,
    ),
    "mdo_request": (
        "A meeting about your child with an expert (MDO)",
        "We want to plan a meeting about your child. This is called an MDO. "
        "You take part in this meeting. "
        "The teacher, the school's support coordinator (intern begeleider) and an "
        "adviser from the school partnership take part too. "
        "We talk about what your child needs. And about what you need yourself. "
        "For this, we share information about your child with the adviser from the "
        "school partnership. " + _CLOSE,
    ),
    "preventive_support": (
        "Extra help in good time",
        "We want to give your child extra help now. "
        "That way, small problems do not get bigger. "
        "An adviser from the school partnership helps us with this. "
        "For this, the adviser receives information about your child. "
        "Together with you, we agree on what help your child gets. " + _CLOSE,
    ),
    "share_file": (
        "Sharing the growth document with others",
        "The growth document (groeidocument) is the file about your child. "
        "You fill it in together with the school. "
        "We want to share it with people outside the school who help your child. "
        "For example, an adviser from the school partnership or a youth care worker. "
        "They only read it to help your child better. "
        "You can always ask us who we share it with. " + _CLOSE,
    ),
    "arrangement": (
        "An arrangement: a package of extra help",
        "We want to apply for an arrangement for your child. "
        "This is a package of extra help. For example, extra support in the classroom. "
        "The school partnership decides on this help. "
        "For this, we share information about your child with the school partnership. "
        "We choose the help together with you. " + _CLOSE,
    ),
    "opp_action_part": (
        "Agreeing to the plan for your child (OPP)",
        "Together with you, we made a plan for your child. This plan is called the OPP. "
        "The action part says what help your child gets. "
        "It also says who gives that help and when. "
        "We ask if you agree with this part. "
        "Without your agreement, we do not carry out this part. "
        "You may say no. Then we keep talking together. "
        "If you say yes, you can always take it back later.",
    ),
    "assessment": (
        "A test of how your child learns",
        "We want a psychologist or educational specialist (orthopedagoog) to assess "
        "your child. They look at how your child learns, thinks and feels. "
        "Then we know better what help fits. "
        "You will hear the results and we will discuss them together. "
        "Is your child 12 or older? Then we also ask your child. "
        "From 16, your child decides alone. " + _CLOSE,
    ),
}
