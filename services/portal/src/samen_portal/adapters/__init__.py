"""PostgreSQL: the read model, the worklist, sign-in sessions and views of pupils' files."""
