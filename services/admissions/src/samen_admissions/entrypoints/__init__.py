"""The edge: routes, pages, consumers, jobs and the tables that declare them."""
