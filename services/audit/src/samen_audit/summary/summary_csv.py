"""summary.csv: every figure of the report as one row, for a spreadsheet."""

import csv
import io
from collections.abc import Iterator

from samen_audit.domain.disputes_timeline import dispute_totals
from samen_audit.domain.figures import Figures
from samen_audit.summary import labels

HEADER = ("onderdeel", "soort", "school", "aantal", "procent")
Row = tuple[str, str, str, int | float | None, float | None]


def summary_csv(figures: Figures) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(HEADER)
    for row in rows(figures):
        writer.writerow(["" if cell is None else cell for cell in row])
    return buffer.getvalue().encode("utf-8")


def rows(figures: Figures) -> Iterator[Row]:
    yield ("vermeldingen", "totaal", "", figures.entries, None)
    yield ("vermeldingen", "onleesbaar bewaard", "", figures.unreadable, None)
    yield ("vermeldingen", "inhoud gewist", "", figures.erased, None)
    for basis, count in figures.erased_by_basis.items():
        yield ("gewist na de bewaartermijn", basis or "zonder grondslag", "", count, None)
    for name, count in figures.consents.items():
        yield ("toestemming", labels.CONSENTS[name], "", count, None)
    for kind, counts in figures.meetings.items():
        for state, word in labels.MEETING_STATES.items():
            yield (
                "gesprekken",
                f"{labels.meeting_kind(kind)}: {word}",
                "",
                getattr(counts, state),
                None,
            )
    for school in figures.evaluations:
        for name, word in labels.EVALUATIONS.items():
            part = getattr(school, name)
            yield (
                "opp-evaluaties",
                word,
                labels.school(school.school),
                part,
                school.percentage(part),
            )
    yield from _opp_rows(figures)
    yield from _dispute_rows(figures)
    for name, count in figures.messages.items():
        yield ("berichten", labels.MESSAGES[name], "", count, None)


def _opp_rows(figures: Figures) -> Iterator[Row]:
    for school in figures.opps:
        where = labels.school(school.school)
        yield ("opp-vaststelling", "gestart", where, school.started, None)
        for name, word in labels.OPPS_SET.items():
            part = getattr(school, name)
            yield ("opp-vaststelling", word, where, part, school.percentage(part))


def _dispute_rows(figures: Figures) -> Iterator[Row]:
    totals = dispute_totals(figures.disputes)
    yield ("geschillen", "totaal", "", totals.count, None)
    yield ("geschillen", "lopend", "", totals.still_open, None)
    for ending, count in totals.endings.items():
        yield ("geschillen", labels.DISPUTE_ENDINGS[ending], "", count, None)
    yield ("geschillen", "doorlooptijd mediaan (dagen)", "", totals.median_days, None)
    yield ("geschillen", "doorlooptijd gemiddeld (dagen)", "", totals.mean_days, None)
