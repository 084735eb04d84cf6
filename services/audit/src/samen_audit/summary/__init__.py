"""The readable side of an export: a CSV summary and a Dutch HTML report."""
