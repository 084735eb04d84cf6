"""Fixtures shared by more than one folder of tests."""

from tests.parent_pages.site import parent_site_fixture

# Every parent page of every service, served for real: the six-language walk
# (tests/parent_pages) and the browser check (tests/browser) share one per session.
site = parent_site_fixture()
