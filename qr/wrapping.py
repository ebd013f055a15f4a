"""Breaking names and sentences into lines that fit, for the PNG and the poster alike."""

from collections.abc import Callable


def wrap_words(text: str, fits: Callable[[str], bool]) -> list[str]:
    """Break `text` into lines that each `fits`; a word too long for a line is split."""
    lines: list[str] = []
    line = ""
    for word in text.split():
        candidate = f"{line} {word}" if line else word
        if fits(candidate):
            line = candidate
            continue
        if line:
            lines.append(line)
        line = ""
        for char in word:
            if line and not fits(line + char):
                lines.append(line)
                line = ""
            line += char
    if line:
        lines.append(line)
    return lines


def balanced_lines(text: str, width_of: Callable[[str], float], max_width: float) -> list[str]:
    """Wrap `text` within `max_width` in as few lines as greedy wrapping needs, as even as
    possible, so a name does not end with one orphaned word on its last line."""

    def wrapped(width: float) -> list[str]:
        return wrap_words(text, lambda line: width_of(line) <= width)

    lines = wrapped(max_width)
    if len(lines) < 2:
        return lines
    narrow, wide = 0.0, max_width
    for _ in range(16):
        middle = (narrow + wide) / 2
        if len(wrapped(middle)) == len(lines):
            wide = middle
        else:
            narrow = middle
    return wrapped(wide)
