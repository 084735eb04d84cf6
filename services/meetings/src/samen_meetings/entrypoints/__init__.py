"""HTTP (staff API, parent pages, calendar), Kafka consumers and scheduler jobs."""
