"""Which report goes where: the decisions the CLI leaves to jtbd.rendering.formats."""

from __future__ import annotations

from pathlib import Path

import pytest

from jtbd.cli.report import ReportFormat
from jtbd.errors import UsageError
from jtbd.rendering.formats import REPORT_FORMATS, ReportPlan, plan_report


def test_the_cli_offers_exactly_the_library_formats():
    assert tuple(f.value for f in ReportFormat) == REPORT_FORMATS


@pytest.mark.parametrize(
    ("format", "output", "template", "expected"),
    [
        (None, None, None, "terminal"),
        (None, "r.html", None, "html"),
        (None, "R.HTM", None, "html"),
        (None, "r.markdown", None, "md"),
        (None, "forces.svg", None, "svg"),
        (None, "report.txt", None, "terminal"),
        (None, "notes.md.txt", None, "terminal"),  # the last known ending wins
        (None, None, "mine.html.j2", "html"),
        (None, "r.json", "mine.html.j2", "json"),  # -o names the format before --template
        ("md", "r.html", None, "md"),  # --format wins over every name
        ("terminal", "plain.out", None, "terminal"),
    ],
)
def test_format_from_option_then_output_then_template(format, output, template, expected):
    plan = plan_report(format, output and Path(output), template and Path(template))
    assert plan.format == expected


def test_a_markdown_file_gets_its_diagram_beside_it():
    plan = plan_report(None, Path("out/study.md"))
    assert plan.diagram == Path("out/study-forces.svg")
    assert plan.diagram_link == "study-forces.svg"
    assert plan_report("md").diagram is None  # printed: nothing to link to
    assert plan_report(None, Path("r.html")).diagram is None


@pytest.mark.parametrize(
    ("format", "output", "template", "message"),
    [
        (None, "r.docx", None, "cannot tell the format from 'r.docx'"),
        (None, None, "mine.j2", "cannot tell the format from 'mine.j2'"),
        ("pdf", None, None, "unknown report format 'pdf'"),
        ("terminal", None, "mine.html.j2", "no template"),
        (None, None, "mine.txt.j2", "no template"),
    ],
)
def test_what_cannot_be_done_is_a_usage_error(format, output, template, message):
    with pytest.raises(UsageError, match=message):
        plan_report(format, output and Path(output), template and Path(template))


def test_plain_text_for_a_txt_file(tmp_path):
    from jtbd import Force, ForceKind, Interview
    from jtbd.rendering.report import render_files
    from jtbd.synthesis.report import build_report

    interview = Interview(
        id="p1", source="p1.md", forces=[Force(kind=ForceKind.PUSH, text="Late invoices")]
    )
    files = render_files(build_report([interview]), ReportPlan("terminal", tmp_path / "r.txt"))
    assert [f.path for f in files] == [tmp_path / "r.txt"]
    assert "Push of the situation" in files[0].text and "\x1b[" not in files[0].text
    md = render_files(build_report([interview]), plan_report(None, tmp_path / "r.md"))
    assert [f.path for f in md] == [tmp_path / "r-forces.svg", tmp_path / "r.md"]
    assert md[0].text.startswith("<svg") and "](r-forces.svg)" in md[1].text
