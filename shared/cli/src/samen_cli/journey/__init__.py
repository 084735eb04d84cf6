"""The parents' journey through the whole platform, as a library: `samen demo` tells
it as a timeline, and the end-to-end test runs it and checks every message and event."""
