"""HTTP routes (staff API, parent pages, the SMS report webhook), consumers and jobs."""
