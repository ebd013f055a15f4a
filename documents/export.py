"""The /export files: a CSV (UTF-8 with a byte order mark, for Excel) and an XLSX, written
side by side one feedback at a time, so that memory stays bounded whatever their number.

Each row is an ``ExportRecord``: plain strings, numbers and local times the caller has
already resolved. It has no field that could identify a resident, so none can reach a file.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from documents.letterhead import Words

if TYPE_CHECKING:
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Font


@dataclass(frozen=True, slots=True)
class ExportRecord:
    """One feedback as the export writes it; times are local wall-clock times (aware, in
    the committee's zone). A None or empty field is an empty cell: the bot fills the
    deadline, handler, agency, answers, notes, additions, rating and location when it has
    them."""

    code: str
    area: str
    topic: str
    status: str
    created_at: datetime
    status_changed_at: datetime
    text: str
    answer_count: int
    due: date | None = None
    resolved_at: datetime | None = None
    overdue: bool | None = None
    handler: str | None = None
    agency: str | None = None
    answers: str = ""
    notes: str = ""
    additions: str = ""
    rating: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    extension_reason: str | None = None


# The columns in order: the words key of each heading, and its width in the XLSX (in
# characters). The first eight are the columns the export has always had, in their order.
COLUMNS = (
    ("doc_export_code", 14),
    ("doc_export_area", 22),
    ("doc_export_topic", 34),
    ("doc_export_status", 24),
    ("doc_export_created", 17),
    ("doc_export_changed", 17),
    ("doc_export_text", 80),
    ("doc_export_answer_count", 10),
    ("doc_export_due", 13),
    ("doc_export_resolved", 17),
    ("doc_export_overdue", 9),
    ("doc_export_handler", 22),
    ("doc_export_agency", 26),
    ("doc_export_answers", 60),
    ("doc_export_notes", 50),
    ("doc_export_additions", 50),
    ("doc_export_rating", 16),
    ("doc_export_latitude", 12),
    ("doc_export_longitude", 12),
    ("doc_export_extension", 40),
)
# A spreadsheet runs a cell starting with one of these as a formula (CSV injection).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_CSV_TIME = "%Y-%m-%d %H:%M"
_CSV_DATE = "%Y-%m-%d"
_EXCEL_TIME = "dd/mm/yyyy hh:mm"
_EXCEL_DATE = "dd/mm/yyyy"
_EXCEL_DEGREES = "0.000000"
# Paper size 9 is A4 in the spreadsheet formats.
_A4 = "9"


class ExportWriter:
    """The CSV and XLSX files of an export, written side by side one row at a time.

    openpyxl's write-only workbook keeps its rows in a temporary file until it is saved;
    the CSV goes straight to its file. The sheet prints on landscape A4, fitted to the
    page's width, with the heading row on every page and a filter on every column.
    """

    def __init__(self, folder: Path, stem: str, words: Words) -> None:
        from openpyxl import Workbook
        from openpyxl.styles import Alignment, Font

        self.csv_path = folder / f"{stem}.csv"
        self.xlsx_path = folder / f"{stem}.xlsx"
        self.rows = 0
        self._words = words
        header = [words[key] for key, _ in COLUMNS]
        self._workbook = Workbook(write_only=True)
        self._sheet = self._workbook.create_sheet(words["doc_export_sheet"])
        sheet = self._sheet
        sheet.freeze_panes = "A2"
        for index, (_, width) in enumerate(COLUMNS, start=1):
            sheet.column_dimensions[_column(index)].width = width
        sheet.print_title_rows = "1:1"
        sheet.page_setup.orientation = "landscape"
        sheet.page_setup.paperSize = _A4
        sheet.page_setup.fitToWidth = 1
        sheet.page_setup.fitToHeight = 0  # as many pages down as it takes
        # Written with the sheet's first row: set before any row is added.
        sheet.sheet_properties.pageSetUpPr.fitToPage = True
        self._wrap = Alignment(wrap_text=True, vertical="top")
        self._top = Alignment(vertical="top")
        bold = Font(bold=True)
        sheet.append([self._xlsx_text(name, font=bold, alignment=self._top) for name in header])
        # utf-8-sig writes the byte order mark that makes Excel read the file as UTF-8.
        self._csv_file = self.csv_path.open("w", encoding="utf-8-sig", newline="")
        self._csv = csv.writer(self._csv_file)
        self._csv.writerow(header)

    def add(self, record: ExportRecord) -> None:
        """Append one feedback to both files."""
        words = self._words
        overdue = None
        if record.overdue is not None:
            overdue = words["doc_export_yes"] if record.overdue else words["doc_export_no"]
        self._csv.writerow(
            [
                _csv_text(record.code),
                _csv_text(record.area),
                _csv_text(record.topic),
                _csv_text(record.status),
                record.created_at.strftime(_CSV_TIME),
                record.status_changed_at.strftime(_CSV_TIME),
                _csv_text(record.text),
                record.answer_count,
                record.due.strftime(_CSV_DATE) if record.due else "",
                record.resolved_at.strftime(_CSV_TIME) if record.resolved_at else "",
                overdue or "",
                _csv_text(record.handler or ""),
                _csv_text(record.agency or ""),
                _csv_text(record.answers),
                _csv_text(record.notes),
                _csv_text(record.additions),
                _csv_text(record.rating or ""),
                _degrees(record.latitude),
                _degrees(record.longitude),
                _csv_text(record.extension_reason or ""),
            ]
        )
        top, wrap = self._top, self._wrap
        self._sheet.append(
            [
                self._xlsx_text(record.code, alignment=top),
                self._xlsx_text(record.area, alignment=top),
                self._xlsx_text(record.topic, alignment=top),
                self._xlsx_text(record.status, alignment=top),
                self._xlsx_time(record.created_at, _EXCEL_TIME),
                self._xlsx_time(record.status_changed_at, _EXCEL_TIME),
                self._xlsx_text(record.text, alignment=wrap),
                record.answer_count,
                self._xlsx_time(record.due, _EXCEL_DATE),
                self._xlsx_time(record.resolved_at, _EXCEL_TIME),
                self._xlsx_text(overdue, alignment=top),
                self._xlsx_text(record.handler, alignment=top),
                self._xlsx_text(record.agency, alignment=top),
                self._xlsx_text(record.answers, alignment=wrap),
                self._xlsx_text(record.notes, alignment=wrap),
                self._xlsx_text(record.additions, alignment=wrap),
                self._xlsx_text(record.rating, alignment=top),
                self._xlsx_number(record.latitude),
                self._xlsx_number(record.longitude),
                self._xlsx_text(record.extension_reason, alignment=wrap),
            ]
        )
        self.rows += 1

    def finish(self) -> tuple[Path, Path]:
        """Close the CSV and save the workbook; the paths of the CSV and the XLSX."""
        self._csv_file.close()
        # The filter is written after the rows, so its range can be the final one.
        self._sheet.auto_filter.ref = f"A1:{_column(len(COLUMNS))}{self.rows + 1}"
        self._workbook.save(self.xlsx_path)
        return self.csv_path, self.xlsx_path

    def abandon(self) -> None:
        """Close and delete what was written, after a failure."""
        try:
            self._csv_file.close()
            # The write-only sheet streams its rows into a temporary file of openpyxl's:
            # finish it, as saving would, and delete it, since it will not be saved.
            self._sheet.close()
            self._sheet._writer.cleanup()
        finally:
            self.csv_path.unlink(missing_ok=True)
            self.xlsx_path.unlink(missing_ok=True)

    def _xlsx_text(
        self, text: str | None, *, font: Font | None = None, alignment: Alignment | None = None
    ) -> WriteOnlyCell | None:
        # XLSX cannot hold control characters. openpyxl would store a text starting with =
        # as a formula; typed as a string, no cell is ever run.
        from openpyxl.cell import WriteOnlyCell
        from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

        if not text:
            return None
        cell = WriteOnlyCell(self._sheet, value=ILLEGAL_CHARACTERS_RE.sub("", text))
        cell.data_type = "s"
        if font is not None:
            cell.font = font
        if alignment is not None:
            cell.alignment = alignment
        return cell

    def _xlsx_time(self, moment: datetime | date | None, number_format: str) -> Any:
        from openpyxl.cell import WriteOnlyCell

        if moment is None:
            return None
        # Excel has no time zones: the local wall-clock time, to the second.
        if isinstance(moment, datetime):
            moment = moment.replace(tzinfo=None, microsecond=0)
        cell = WriteOnlyCell(self._sheet, value=moment)
        cell.number_format = number_format
        cell.alignment = self._top
        return cell

    def _xlsx_number(self, value: float | None) -> Any:
        from openpyxl.cell import WriteOnlyCell

        if value is None:
            return None
        cell = WriteOnlyCell(self._sheet, value=value)
        cell.number_format = _EXCEL_DEGREES
        cell.alignment = self._top
        return cell


def write_export_files(
    records: Iterable[ExportRecord], folder: Path, stem: str, words: Words
) -> tuple[Path, Path]:
    """Write ``<stem>.csv`` and ``<stem>.xlsx`` in ``folder``; nothing is left on failure."""
    writer = ExportWriter(folder, stem, words)
    try:
        for record in records:
            writer.add(record)
    except BaseException:
        writer.abandon()
        raise
    return writer.finish()


def _column(index: int) -> str:
    """The spreadsheet letter of a column counted from 1 (the export has fewer than 27)."""
    return chr(ord("A") + index - 1)


def _csv_text(text: str) -> str:
    """Text a spreadsheet shows as text: a leading formula character gets an apostrophe."""
    return f"'{text}" if text.startswith(_FORMULA_START) else text


def _degrees(value: float | None) -> str:
    return "" if value is None else f"{value:.6f}"
