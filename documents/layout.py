"""The page of Nghị định 30/2020/NĐ-CP, whatever the file format: A4 portrait, its margins,
its type sizes and the columns of the letterhead; and a table as both formats draw it."""

from __future__ import annotations

from dataclasses import dataclass

# A4 portrait; the decree's margins: top 20, right 15, bottom 20, left 30 millimetres.
PAGE_WIDTH = 210.0
PAGE_HEIGHT = 297.0
MARGIN_TOP = 20.0
MARGIN_RIGHT = 15.0
MARGIN_BOTTOM = 20.0
MARGIN_LEFT = 30.0
CONTENT_WIDTH = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT
# The letterhead's two columns: the committee on the left, the national name on the right.
ISSUER_WIDTH = 70.0
NATION_WIDTH = CONTENT_WIDTH - ISSUER_WIDTH
# "Nơi nhận" and its list, under the letterhead's left column and a little wider.
RECIPIENTS_WIDTH = ISSUER_WIDTH + 5.0

# Type sizes in points: the decree allows 13 to 14 for the text and the names.
BODY_PT = 13.0
TITLE_PT = 14.0
NATION_PT = 12.0
TABLE_PT = 12.0
# Lists of feedback have more columns, one of them a whole reference code.
LIST_TABLE_PT = 11.0
RECIPIENTS_LABEL_PT = 12.0
RECIPIENTS_PT = 11.0
# The first line of a paragraph is indented by one default tab (1.27 cm).
FIRST_LINE_INDENT = 12.7


@dataclass(frozen=True, slots=True)
class Heading:
    """A cell of a table's heading rows; it may span columns to its right and rows below."""

    text: str
    columns: int = 1
    rows: int = 1


@dataclass(frozen=True, slots=True)
class Grid:
    """A bordered table: heading rows (repeated on each page), body rows and an optional
    bold total row, set in ``size`` points. Widths are in millimetres and add up to the
    width between the margins; ``numeric`` columns are right-aligned, ``centred`` ones
    centred, the rest to the left."""

    headings: tuple[tuple[Heading, ...], ...]
    rows: tuple[tuple[str, ...], ...]
    widths: tuple[float, ...]
    numeric: frozenset[int] = frozenset()
    centred: frozenset[int] = frozenset()
    total: tuple[str, ...] | None = None
    size: float = TABLE_PT

    def heading_cells(self) -> list[list[tuple[int, Heading]]]:
        """Each heading row's cells with the column each starts at (cells spanning down
        from a row above take their columns in the rows below)."""
        taken: dict[tuple[int, int], bool] = {}
        placed: list[list[tuple[int, Heading]]] = []
        for row_index, row in enumerate(self.headings):
            column = 0
            cells = []
            for heading in row:
                while taken.get((row_index, column)):
                    column += 1
                cells.append((column, heading))
                for below in range(row_index, row_index + heading.rows):
                    for right in range(column, column + heading.columns):
                        taken[(below, right)] = True
                column += heading.columns
            placed.append(cells)
        return placed

    def span_width(self, column: int, heading: Heading) -> float:
        """The width of a heading cell, in millimetres."""
        return sum(self.widths[column : column + heading.columns])

    def align(self, column: int) -> str:
        """ "R", "C" or "L": how a body cell of ``column`` is aligned."""
        if column in self.numeric:
            return "R"
        return "C" if column in self.centred else "L"


def simple_headings(*texts: str) -> tuple[tuple[Heading, ...], ...]:
    """One heading row, a cell per column."""
    return (tuple(Heading(text) for text in texts),)
