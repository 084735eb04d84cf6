"""HTTP: sign-in, the staff pages, live updates and static files."""
