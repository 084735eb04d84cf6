"""The edge: routes, pages, consumers, jobs and the tables that map errors and refusals."""
