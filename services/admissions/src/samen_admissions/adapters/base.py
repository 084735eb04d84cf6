"""The base of the admissions database's tables: a registry and metadata of their own
(every service keeps projections under the same names; one shared metadata would collide
where two services' tables meet in one process, as in the test suite)."""

from sqlalchemy.orm import registry
from sqlmodel import SQLModel


class AdmissionsTable(SQLModel, registry=registry()):
    """Subclass with `table=True` for every table of this service."""
