"""The export archive: built by the service, checked offline by anyone."""

from samen_archive.build import (
    ExportContents,
    InconsistentExport,
    build_archive,
    write_archive,
)
from samen_archive.layout import ArchiveEntry, ExportScope
from samen_archive.report import Check, Failure, VerificationReport
from samen_archive.verify import Earlier, verify_archive

__all__ = [
    "ArchiveEntry",
    "Check",
    "Earlier",
    "ExportContents",
    "ExportScope",
    "Failure",
    "InconsistentExport",
    "VerificationReport",
    "build_archive",
    "verify_archive",
    "write_archive",
]
