"""PostgreSQL: the tables and the queries over them."""
