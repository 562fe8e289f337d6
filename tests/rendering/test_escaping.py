"""Interview quotes are untrusted text: they show as text in every format."""

from __future__ import annotations

from jtbd import Force, ForceKind, Interview
from jtbd.rendering.report import render_report
from jtbd.synthesis.report import build_report

EVIL = '<script>alert("x")</script> <img src=x onerror=alert(1)> [click](javascript:alert(1)) ```'


def report():
    interviews = [
        Interview(
            id=f"p{n}",
            source=f"p{n}.md",
            attributes={"role": "<b>boss</b>"},
            # p1's statement stands alone, so it is also its theme's label in the diagram
            forces=[Force(kind=ForceKind.PUSH, text=text, quote=True, source=f"p{n}.md", line=3)],
        )
        for n, text in ((1, EVIL), (2, "harmless words"))
    ]
    return build_report(interviews, by="role")


def test_html_shows_script_as_text():
    html = render_report(report(), "html").text
    assert "<script>" not in html
    assert "&lt;script&gt;alert(" in html
    assert "<img src=x" not in html
    assert "<b>boss</b>" not in html


def test_svg_diagram_escapes_labels():
    svg = render_report(report(), "html").diagram_svg
    assert "<script" not in svg and "&lt;script&gt;" in svg


def test_markdown_neutralises_html_and_links():
    markdown = render_report(report(), "md").text
    # Inside the one code block (the text diagram) HTML is inert, but it must not be closable.
    assert markdown.count("```") == 2
    before, code, after = markdown.split("```")
    assert "<script>" not in before + after and "<img" not in before + after
    assert "&lt;script&gt;" in markdown
    assert "[click](javascript" not in markdown


def test_json_keeps_the_text_exactly():
    import json

    data = json.loads(render_report(report(), "json").text)
    quotes = [q["text"] for t in data["forces"]["push"]["themes"] for q in t["quotes"]]
    assert EVIL in quotes
