"""How wide a line of SVG text may be drawn, for laying out the diagrams.

An SVG has no text layout of its own: two texts placed on one line overlap when they turn
out longer than guessed, and how long they are depends on the reader's fonts. So the
guess is an upper bound: each character counts as the widest glyph of its class in
DejaVu Sans (Linux's usual fallback), which is wider than the system fonts of macOS,
Windows and Android. Characters outside these classes (accents, other scripts, symbols)
count a full em.
"""

from __future__ import annotations

from collections.abc import Callable

# (characters, width in em regular, width in em bold): the widest of each class.
_CLASSES = (
    (" !'(),-./:;[\\]`fijlrt|·", 0.40, 0.49),
    ("0123456789", 0.64, 0.70),
    ('abcdeghknopqsuvxyz$?_{}*"', 0.64, 0.72),
    ("ABCDEFGHIJKLNOPQRSTUVXYZ&", 0.80, 0.87),
)
_WIDE = (1.0, 1.1)  # m, w, M, W, and everything else
_EM = {
    weight: {char: widths[weight] for chars, *widths in _CLASSES for char in chars}
    for weight in (0, 1)
}


def text_width(text: str, size: float, bold: bool = False) -> float:
    """An upper bound of the width in px of ``text`` at font size ``size`` px."""
    table = _EM[int(bold)]
    wide = _WIDE[int(bold)]
    return size * sum(table.get(char, wide) for char in text)


def fit_parts(
    parts: list[str], width: float, measure: Callable[[str], float], separator: str = " · "
) -> list[str]:
    """Join ``parts`` into as few lines as fit in ``width`` (as ``measure`` counts), never
    splitting a part."""
    lines: list[str] = []
    for part in parts:
        joined = f"{lines[-1]}{separator}{part}" if lines else part
        if lines and measure(joined) <= width:
            lines[-1] = joined
        else:
            lines.append(part)
    return lines
