"""What the forces diagram draws: shared themes only, footers that say something."""

from __future__ import annotations

from jtbd import Force, ForceKind, Interview
from jtbd.rendering.diagram import THEME_ROWS, diagram_themes, forces_diagram, panel_notes
from jtbd.rendering.report import render_report
from jtbd.rendering.terminal import plain_text
from jtbd.synthesis.report import build_report

# Six themes shared by two interviews each, and one sentence only p3 said.
SHARED = ["invoices", "receipts", "payroll", "reminders", "exports", "taxes"]
ALONE = "I was honestly tired of copying every single figure into a second spreadsheet by hand"


def _report():
    def forces(extra: list[str]) -> list[Force]:
        # a tag names a theme, so each word is a theme of its own
        return [Force(kind=ForceKind.PUSH, text=f"The {w} again", tags=[w]) for w in SHARED] + [
            Force(kind=ForceKind.PULL, text=text) for text in extra
        ]

    interviews = [
        Interview(id="p1", source="p1.md", forces=forces([])),
        Interview(id="p2", source="p2.md", forces=forces([])),
        Interview(id="p3", source="p3.md", forces=[Force(kind=ForceKind.PULL, text=ALONE)]),
    ]
    return build_report(interviews)


def test_the_diagram_draws_shared_themes_and_counts_the_rest():
    report = _report()
    push = report.forces["push"]
    assert len(diagram_themes(push)) == THEME_ROWS
    assert panel_notes(push, 3) == ("+ 2 more shared themes", "12 statements · 2/3 interviews")
    pull = report.forces["pull"]
    assert diagram_themes(pull) == []  # one person's sentence is not a pattern to draw
    assert panel_notes(pull, 3) == ("1 theme mentioned once", "1 statement · 1/3 interviews")


def test_a_sentence_said_once_never_appears_cut_off_in_any_diagram():
    report = _report()
    rendered = render_report(report, "html")
    for svg in (rendered.diagram_svg, rendered.text[: rendered.text.index('id="forces"')]):
        assert "I was honestly tired" not in svg
        assert "No theme shared by two interviews yet." in svg
    markdown = render_report(report, "md").text
    code = markdown.split("```")[1]
    assert "I was honestly tired" not in code and "1 theme mentioned once" in code
    assert ALONE in render_report(report, "html").text  # listed in full under its force


def test_every_diagram_shows_the_same_number_of_themes():
    report = _report()
    wide, narrow = forces_diagram(report), forces_diagram(report, narrow=True)
    for diagram in (wide, narrow):
        assert len(diagram.panel("push").bars) == THEME_ROWS
    code = render_report(report, "md").text.split("```")[1]
    assert sum(w.capitalize() in code for w in SHARED) == THEME_ROWS
    panel = plain_text(report).split("Current situation")[0]
    assert sum(w.capitalize() in panel for w in SHARED) == THEME_ROWS


def test_the_narrow_diagram_stacks_the_panels_inside_its_width():
    narrow = forces_diagram(_report(), narrow=True)
    assert len({panel.x for panel in narrow.panels}) == 1
    tops = [narrow.panel(kind).y for kind in ("push", "pull", "inertia", "anxiety")]
    assert tops == sorted(tops)
    assert all(panel.x + panel.width <= narrow.width for panel in narrow.panels)
    assert tops[1] < narrow.axis_y < tops[2]  # the switch between what drives and holds back
