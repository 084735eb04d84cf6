"""Samen plans service: the pupil's groeidocument and the OPP, with the parents' right of
consent on its action part (handelingsdeel)."""
