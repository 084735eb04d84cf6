"""The staff workspace: a backend-for-frontend on a read model of every service's events."""
