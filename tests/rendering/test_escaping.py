"""Interview quotes are untrusted text: they show as text in every format."""

from __future__ import annotations

import json

from jtbd import Force, ForceKind, Interview
from jtbd.rendering.report import render_report
from jtbd.synthesis.quotes import Quote
from jtbd.synthesis.report import build_report

EVIL = '<script>alert("x")</script> <img src=x onerror=alert(1)> [click](javascript:alert(1)) ```'
# A tag names a theme, and a theme shared by two interviews is drawn in the diagram.
EVIL_TAG = "<script>tagged</script>"


def report():
    interviews = [
        Interview(
            id=f"p{n}",
            source=f"p{n}.vtt",
            attributes={"role": "<b>boss</b>"},
            forces=[
                # p1's statement stands alone: it is listed as "mentioned once" with its text
                Force(kind=ForceKind.PUSH, text=text, quote=True, source=f"p{n}.vtt", line=3),
                # a suggested force, from a transcript (with a time), in a theme of its own tag
                Force(
                    kind=ForceKind.PUSH,
                    text=f"{EVIL} number {n}",
                    tags=[EVIL_TAG],
                    source=f"p{n}.vtt",
                    line=9,
                    start=7.5,
                    origin="suggested",
                    confidence=0.82,
                ),
            ],
        )
        for n, text in ((1, EVIL), (2, "harmless words"))
    ]
    return build_report(interviews, by="role")


def test_html_shows_script_as_text():
    html = render_report(report(), "html").text
    assert "<script>" not in html
    assert "&lt;script&gt;alert(" in html
    assert "&lt;script&gt;tagged&lt;/script&gt;" in html  # the tag's theme
    assert "<img src=x" not in html
    assert "<b>boss</b>" not in html
    assert "suggested 0.82" in html and "p2.vtt:9 @ 00:00:07" in html


def test_svg_diagram_escapes_labels():
    rendered = render_report(report(), "html")
    for svg in (rendered.diagram_svg, rendered.text):
        assert "<script" not in svg and "&lt;script&gt;tagged" in svg


def test_markdown_neutralises_html_and_links():
    markdown = render_report(report(), "md").text
    # Inside the one code block (the text diagram) HTML is inert, but it must not be closable.
    assert markdown.count("```") == 2
    before, code, after = markdown.split("```")
    assert "<script>" not in before + after and "<img" not in before + after
    assert "&lt;script&gt;" in markdown
    assert "[click](javascript" not in markdown
    assert "`p2.vtt:9 @ 00:00:07` _(suggested 0.82)_" in markdown


def test_json_keeps_the_text_exactly():
    data = json.loads(render_report(report(), "json").text)
    texts = [s["text"] for t in data["forces"]["push"]["themes"] for s in t["statements"]]
    assert EVIL in texts
    assert EVIL_TAG in [t["tag"] for t in data["forces"]["push"]["themes"]]


def test_theme_statements_are_escaped_in_the_details_list():
    # The themes step will give each theme all its statements; the HTML lists them.
    built = report()
    theme = next(t for t in built.forces["push"].themes if t.tag == EVIL_TAG)
    theme.statements = [  # type: ignore[attr-defined]
        Quote(f"{EVIL} all", "p1", "p1.vtt", 9, start=7.5, origin="suggested", confidence=0.5)
    ]
    html = render_report(built, "html").text
    details = html[html.index("<details>") : html.index("</details>")]
    assert "&lt;script&gt;alert(" in details and "<script>" not in details
    assert "suggested 0.50" in details and "p1.vtt:9 @ 00:00:07" in details
    # or as plain data, {text, interview, source, line, origin}, as the themes step lists them
    theme.statements = [  # type: ignore[attr-defined]
        {
            "text": f"{EVIL} data",
            "interview": "p2",
            "source": "p2.md",
            "line": 4,
            "origin": "suggested",
        },
        {
            "text": "coded words",
            "interview": "p1",
            "source": "p1.md",
            "line": None,
            "origin": "coded",
        },
    ]
    html = render_report(built, "html").text
    details = html[html.index("<details>") : html.index("</details>")]
    assert "All 2 statements" in details and "<script>" not in details
    assert details.count('class="marker"') == 1 and "p2.md:4" in details
    assert "coded words" in details and "p1.md<" in details  # no line: no ':'


def test_many_exclusions_fold_into_one_line_per_reason():
    empty = [Interview(id=f"e{n:03d}<i>", source=f"e{n}.md") for n in range(40)]
    kept = Interview(id="k", source="k.md", forces=[Force(kind=ForceKind.PUSH, text="x")])
    html = render_report(build_report([*empty, kept]), "html").text
    scope = html[html.index('id="scope"') : html.index('id="diagram"')]
    assert "<strong>40</strong> interviews" in scope
    assert scope.count("<li>") == 1 and "e039&lt;i&gt;" in scope and "<i>" not in scope
    assert "included interviews" not in scope  # consent of 1 interview: named inline
