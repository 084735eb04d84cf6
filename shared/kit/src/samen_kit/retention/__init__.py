"""Keeping and forgetting (bewaartermijnen): the policy as data, the rule that decides
"erase now?", the tables a service keeps its erasures and legal holds in, and the sweep
that erases through the service's own eraser and says so with `PersonalDataErased`.

`policy` and `decision` are pure; `tables`, `store` and `sweep` touch the database.
"""
