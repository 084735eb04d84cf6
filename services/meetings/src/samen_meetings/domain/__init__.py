"""Pure rules of the meetings service: no I/O, no clock (callers pass `now`).

kinds · consent_gate · meeting · participants · planning · holds · record ·
parent_response · invitation · known_opp · settings · due · overdue_cutoffs ·
local_time · errors
"""
