"""The digest's chart: a horizontal bar chart as a PNG, drawn with matplotlib.

CPU-bound for a fraction of a second: call it through ``asyncio.to_thread``. Each chart is
drawn on a Figure of its own with the Agg canvas, never through pyplot, so no state is
shared between threads.
"""

from __future__ import annotations

import io
import textwrap
from collections.abc import Sequence

BAR_COLOUR = "#c8102e"
# Labels longer than this many characters wrap onto more lines.
_LABEL_WIDTH = 34


def bar_chart_png(title: str, axis_label: str, bars: Sequence[tuple[str, int]]) -> bytes | None:
    """Bars from the top down in the order given, each labelled and counted; None when
    there is nothing to chart."""
    if not bars:
        return None
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.ticker import MaxNLocator

    # barh draws the first bar at the bottom: reversed, the first comes out on top.
    shown = list(reversed(bars))
    labels = [
        _literal(textwrap.fill(name, _LABEL_WIDTH, break_long_words=True)) for name, _ in shown
    ]
    counts = [number for _, number in shown]
    label_lines = sum(label.count("\n") + 1 for label in labels)
    figure = Figure(figsize=(9.0, 2.0 + 0.3 * label_lines + 0.2 * len(labels)), dpi=100)
    FigureCanvasAgg(figure)
    axes = figure.add_subplot()
    drawn = axes.barh(range(len(shown)), counts, color=BAR_COLOUR)
    axes.set_yticks(range(len(shown)), labels)
    axes.bar_label(drawn, padding=3)
    axes.set_xlim(0, max(counts) * 1.15 + 0.5)
    axes.xaxis.set_major_locator(MaxNLocator(integer=True))
    axes.set_xlabel(_literal(axis_label))
    axes.set_title(_literal(title))
    axes.spines[["top", "right"]].set_visible(False)
    figure.tight_layout()
    image = io.BytesIO()
    figure.savefig(image, format="png")
    return image.getvalue()


def _literal(text: str) -> str:
    """Text matplotlib draws as it is: a pair of $ would be set as mathematics."""
    return text.replace("$", r"\$")
