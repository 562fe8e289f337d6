"""The unique-id rule on its own: who is refused, and what the error says."""

from __future__ import annotations

from jtbd.duplicates import duplicate_ids


def test_only_the_checked_paths_are_refused_and_each_names_the_others():
    places = {
        "p1": ["notes/a.md", "notes/copy-of-a.md"],
        "p2": ["notes/b.md"],
        "p3": ["notes/c.md", "notes/d.md", "old/c.md"],
    }
    checked = ["notes/copy-of-a.md", "notes/b.md", "notes/c.md", "notes/d.md"]
    clashing, errors = duplicate_ids(places, checked)
    assert clashing == {"notes/copy-of-a.md", "notes/c.md", "notes/d.md"}  # not a.md, old/c.md
    messages = {e.path: e.message for e in errors}
    assert messages["notes/copy-of-a.md"] == "duplicate interview id 'p1': also used by notes/a.md"
    assert messages["notes/c.md"].endswith("also used by notes/d.md, old/c.md")
