"""The access export's readable page as a PDF: the same HTML, laid out by WeasyPrint.

WeasyPrint (already the plans service's printer) shapes text with Pango and HarfBuzz,
so Arabic is joined and set right to left from the page's own `dir`; the DejaVu fonts
that `deploy/local/install.sh` installs hold the Latin, Cyrillic, Turkish and Arabic
letters the six languages need.
"""

from __future__ import annotations

# Print rules on top of the page's own style: the page's font stack names fonts a
# server seldom has, and DejaVu covers every language a parent reads here.
_PRINT_CSS = "@page { size: A4; margin: 18mm } body { font-family: 'DejaVu Sans', sans-serif }"


def readable_pdf(page: str) -> bytes:
    """Blocking (layout takes a while): call it in a worker thread."""
    from weasyprint import CSS, HTML  # imported here: it loads pango when first used

    pdf: bytes = HTML(string=page).write_pdf(stylesheets=[CSS(string=_PRINT_CSS)])
    return pdf
