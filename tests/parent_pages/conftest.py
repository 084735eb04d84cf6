"""The parent pages of every service, served for real (see `site.py`)."""

from tests.parent_pages.site import parent_site_fixture

site = parent_site_fixture()
