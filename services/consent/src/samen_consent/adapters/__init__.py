"""Tables and repositories: every query of the consent service lives here.

Repositories work in the session they are given and never commit; the handler's unit
of work does.
"""
