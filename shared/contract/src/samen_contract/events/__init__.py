"""Event classes, one module per owning service (`<service>.py`) plus `access.py`.

The registry imports every module in this package; a new module's events are registered
(and need a committed JSON Schema) without further wiring.
"""
