from alembic import context
from samen_kit.migrations import run_env

run_env(context)
