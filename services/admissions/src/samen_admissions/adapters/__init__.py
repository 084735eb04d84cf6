"""The admissions database: tables and the queries over them."""
