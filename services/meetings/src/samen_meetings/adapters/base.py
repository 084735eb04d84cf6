"""The base of the meetings database's tables: a registry and metadata of their own.

Each service keeps projections under the same names (every service has a `pupil`
table); with one shared `SQLModel.metadata` they would collide wherever two services'
tables are imported into one process, as in the test suite.
"""

from sqlalchemy.orm import registry
from sqlmodel import SQLModel


class MeetingsTable(SQLModel, registry=registry()):
    """Subclass with `table=True` for every table of this service."""
