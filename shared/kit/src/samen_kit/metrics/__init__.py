"""Prometheus metrics for every service: `/metrics` comes with `create_app`.

- `instruments`: counters and histograms the kit moves where things happen (handler
  time, dead letters), one set per process.
- `scrape`: what is read when Prometheus asks (outbox backlog and age, consumer lag).
- `on_commit`: count a fact only once its transaction committed.
- `endpoint`: the `/metrics` route.

Labels stay few and bounded: service, consumer, group, topic, channel. Never a tenant,
pupil or guardian id: those would make a series per person.
"""

from samen_kit.metrics.on_commit import on_commit

__all__ = ["on_commit"]
