"""Samen admissions: the samenwerkingsverband's own work — requests for an arrangement or a
TLV, the experts' advice, decisions and objections, and the duty-of-care timers."""
