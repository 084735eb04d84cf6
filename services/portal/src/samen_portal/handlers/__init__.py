"""Use cases: projecting events, recording views of a pupil's file."""
