"""The terminal saturation sparkline: a small count is never drawn as nothing."""

from __future__ import annotations

from jtbd.rendering.terminal import _spark


def test_a_small_count_shows_the_lowest_bar_and_only_zero_is_blank():
    assert _spark(0, 108) == " "
    assert _spark(5, 108) == "▁"
    assert _spark(108, 108) == "█"
    assert _spark(54, 108) == "▄"
