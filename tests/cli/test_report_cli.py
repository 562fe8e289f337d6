"""`jtbd report` as a user calls it: every format, options, templates, bad input."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from xml.etree import ElementTree

import pytest

from tests.conftest import REPO, json_out

GOLDEN = Path(__file__).resolve().parent.parent / "golden"


@pytest.fixture
def ingested(run, examples_dir):
    assert run("ingest", examples_dir, "-q").exit_code == 0
    return run


def test_terminal_report_from_the_workspace(ingested):
    result = ingested("report")
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    for heading in (
        "Forces diagram",
        "Push of the situation",
        "Force balance",
        "Job statements",
        "Switch timeline",
        "Saturation",
        "Appendix",
    ):
        assert heading in out
    assert "Current situation" in out and "New solution" in out
    assert "13 interviews" in out


def test_html_report_is_self_contained_with_inline_svg(ingested, tmp_path):
    result = ingested("report", "--format", "html", "-o", tmp_path / "report.html")
    assert result.exit_code == 0, result.stderr
    html = (tmp_path / "report.html").read_text()
    assert '<svg xmlns="http://www.w3.org/2000/svg" id="forces-diagram"' in html
    assert "<script" not in html
    assert "http://" not in html.replace("http://www.w3.org/2000/svg", "")
    assert "https://" not in html
    sections = [
        "1. Scope",
        "2. Forces diagram",
        "3. Themes by force",
        "4. Force balance",
        "5. Job statements",
        "6. Switch timeline",
        "7. Saturation",
        "8. Appendix",
    ]
    assert [html.index(s) for s in sections] == sorted(html.index(s) for s in sections)


def test_markdown_report_writes_the_svg_beside_it(ingested, tmp_path):
    result = ingested("report", "--format", "md", "-o", tmp_path / "out" / "report.md")
    assert result.exit_code == 0, result.stderr
    markdown = (tmp_path / "out" / "report.md").read_text()
    svg = (tmp_path / "out" / "report-forces.svg").read_text()
    assert "![Forces diagram](report-forces.svg)" in markdown
    assert "CURRENT SITUATION" in markdown  # the text rendering of the diagram
    assert svg.startswith("<svg") and "Push of the situation" in svg
    # The folder "out" did not exist: the user is told it was made, once.
    assert result.stderr.count(f"created folder {tmp_path / 'out'}") == 1
    again = ingested("report", "--format", "md", "-o", tmp_path / "out" / "report.md")
    assert "created folder" not in again.stderr


def test_format_follows_the_output_name(ingested, tmp_path):
    assert ingested("report", "-o", tmp_path / "r.json").exit_code == 0
    assert json.loads((tmp_path / "r.json").read_text())["interviews"] == 13
    result = ingested("report", "-o", tmp_path / "r.docx")
    assert result.exit_code == 2
    assert "--format" in result.stderr and "r.docx" in result.stderr


def test_terminal_report_to_a_txt_file_is_plain_text(ingested, tmp_path):
    result = ingested("report", "-o", tmp_path / "report.txt")
    assert result.exit_code == 0, result.stderr
    assert f"wrote {tmp_path / 'report.txt'}" in result.stderr
    text = (tmp_path / "report.txt").read_text(encoding="utf-8")
    assert "\x1b" not in text  # no ANSI colour or style codes
    assert "Push of the situation" in text and "Appendix" in text
    assert max(len(line) for line in text.splitlines()) <= 100
    # --format terminal with a file name of any kind writes the same plain text
    assert ingested("report", "--format", "terminal", "-o", tmp_path / "r.out").exit_code == 0
    assert (tmp_path / "r.out").read_text(encoding="utf-8") == text


def test_terminal_report_has_no_template(ingested, tmp_path):
    template = tmp_path / "mine.html.j2"
    template.write_text("x")
    result = ingested("report", "--format", "terminal", "--template", template)
    assert result.exit_code == 2
    assert "no template" in result.stderr


def test_json_contract(ingested):
    data = json_out(ingested("report", "--format", "json"))
    assert data["interviews"] == 13
    assert data["excluded"] == [
        {"interview": "p12", "reason": "consent: false (none of its text is shown)"}
    ]
    assert set(data["forces"]) == {"push", "pull", "anxiety", "inertia"}
    for force in data["forces"].values():
        for theme in force["themes"]:
            assert {"label", "interviews", "count", "quotes"} <= theme.keys()
            assert theme["count"] == len(theme["interviews"])
            assert 1 <= len(theme["quotes"]) <= 3
            for quote in theme["quotes"]:
                assert {"text", "interview", "source", "line"} <= quote.keys()
                assert quote["interview"] in theme["interviews"]
    assert {"jobs", "timeline", "saturation"} <= data.keys()


def test_quotes_trace_back_to_the_exact_line(ingested, examples_dir):
    data = json_out(ingested("report", "--format", "json"))
    checked = 0
    for force in data["forces"].values():
        for theme in force["themes"]:
            for quote in theme["quotes"]:
                raw = (examples_dir / quote["source"]).read_bytes()
                text = raw.decode(
                    "utf-16" if raw[:2] in (b"\xff\xfe", b"\xfe\xff") else "utf-8-sig"
                )
                line = text.replace("\r\n", "\n").split("\n")[quote["line"] - 1]
                assert quote["text"].split()[0].strip('"“') in line, (quote, line)
                checked += 1
    assert checked > 40


def test_consent_false_text_never_appears_in_any_format(ingested, tmp_path, examples_dir):
    secret_note = next(p for p in examples_dir.iterdir() if p.name.startswith("p12"))
    others = " ".join(
        p.read_bytes().decode("utf-8", "replace")
        for p in examples_dir.glob("p*")
        if p != secret_note
    )
    candidates = [
        line.lstrip("-*+0123456789. ").strip('"“”')[:30]
        for line in secret_note.read_text().splitlines()
        if len(line) > 40
    ]
    distinctive = [text for text in candidates if text not in others]
    assert len(distinctive) >= 5
    ingested("report", "-o", tmp_path / "r.html")
    ingested("report", "-o", tmp_path / "r.md")
    ingested("report", "-o", tmp_path / "r.json")
    terminal = ingested("report", "--show-names").stdout
    for text in [terminal] + [(tmp_path / f"r.{e}").read_text() for e in ("html", "md", "json")]:
        for fragment in distinctive:
            assert fragment not in text
        assert "Greta" not in text


def test_names_only_with_show_names(ingested):
    hidden = ingested("report", "--format", "md").stdout
    shown = ingested("report", "--format", "md", "--show-names").stdout
    assert "Anna Berg" not in hidden
    assert "Anna Berg" in shown


def test_report_straight_from_a_folder_matches_the_workspace(ingested, examples_dir):
    from_workspace = ingested("report", "--format", "json").stdout
    from_folder = ingested("report", examples_dir, "--format", "json").stdout
    assert from_folder == from_workspace


def test_by_segment_side_by_side(ingested):
    data = json_out(ingested("report", "--format", "json", "--by", "role"))
    assert data["segments"] == {"agency-owner": 5, "freelancer": 5, "shop-owner": 3}
    theme = data["forces"]["push"]["themes"][0]
    assert sum(theme["by_segment"].values()) == theme["count"]
    terminal = ingested("report", "--by", "role").stdout
    assert "agency-owner" in terminal and "shop-owner" in terminal
    # the segment columns do not squeeze the quotes into a column a word wide
    first_quote = theme["quotes"][0]["text"]
    assert first_quote[:40] in " ".join(terminal.split())


def test_by_unknown_attribute(ingested):
    result = ingested("report", "--by", "plan")
    assert result.exit_code == 2
    assert "no interview has the attribute 'plan'" in result.stderr
    assert "role" in result.stderr


@pytest.mark.parametrize("name", ["report.md", "report.json", "report-by-role.json"])
def test_golden_reports(run, name, monkeypatch):
    # Regenerate with `make golden` and review the diff; never edit by hand.
    from tests.regenerate_golden import CASES

    monkeypatch.chdir(REPO)
    result = run("report", "examples/notes", *CASES[name])
    assert result.exit_code == 0, result.stderr
    assert result.stdout == (GOLDEN / name).read_text(encoding="utf-8")


def test_same_notes_same_report(ingested, tmp_path):
    ingested("report", "-o", tmp_path / "a.html")
    ingested("report", "-o", tmp_path / "b.html")
    assert (tmp_path / "a.html").read_bytes() == (tmp_path / "b.html").read_bytes()


def test_user_template_file(ingested, tmp_path):
    template = tmp_path / "mine.html.j2"
    template.write_text(
        "<h1>{{ report.title }}</h1>{{ report.scope.included }} "
        "<b>{{ data.forces.push.themes[0].quotes[0].text }}</b>"
    )
    result = ingested("report", "--template", template, "--title", "<i>Q3</i>")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("<h1>&lt;i&gt;Q3&lt;/i&gt;</h1>13 <b>")


def test_templates_dir_overrides_one_template(ingested, tmp_path):
    overrides = tmp_path / "tpl"
    overrides.mkdir()
    (overrides / "forces.svg.j2").write_text('<svg id="my-diagram"></svg>')
    result = ingested("report", "--format", "html", "--templates-dir", overrides)
    assert result.exit_code == 0, result.stderr
    assert '<svg id="my-diagram"></svg>' in result.stdout
    assert "3. Themes by force" in result.stdout  # the rest still comes from the bundle


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{{ report.nonexistent }}", "nonexistent"),
        ("{% for x in %}", "mine.md.j2:1"),
    ],
)
def test_broken_template(ingested, tmp_path, content, message):
    template = tmp_path / "mine.md.j2"
    template.write_text(content)
    result = ingested("report", "--template", template)
    assert result.exit_code == 1
    assert message in result.stderr
    assert "Traceback" not in result.output


def test_missing_template(ingested, tmp_path):
    result = ingested("report", "--template", tmp_path / "nope.html.j2")
    assert result.exit_code == 1
    assert "cannot read template" in result.stderr


def test_empty_workspace(run, tmp_path):
    (tmp_path / "empty").mkdir()
    run("ingest", tmp_path / "empty", "-q")
    result = run("report")
    assert result.exit_code == 1
    assert "no interviews to report" in result.stderr


def test_no_workspace_at_all(run):
    result = run("report")
    assert result.exit_code == 1
    assert "jtbd ingest" in result.stderr


def test_newer_schema(ingested, tmp_path):
    db = sqlite3.connect(tmp_path / ".jtbd" / "jtbd.sqlite3")
    db.execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'")
    db.commit()
    db.close()
    result = ingested("report")
    assert result.exit_code == 1
    assert "newer jtbd" in result.stderr
    assert "Traceback" not in result.output


def test_report_from_folder_with_bad_notes_reports_the_rest_and_exits_1(run, bad_fixture):
    folder = bad_fixture("wrong-type")
    (folder / "good.md").write_text("---\nid: good\n---\n## Push\n- Re-typing VAT\n")
    result = run("report", folder, "--format", "json")
    assert result.exit_code == 1
    assert json_out(result)["interviews"] == 1  # consent.md: consent unclear, excluded
    assert result.stderr.count("error:") == 1
    assert "consent: 'maybe later' is neither yes nor no" in result.stderr


def test_a_markdown_report_saved_among_the_notes_is_not_ingested(run, examples_dir, tmp_path):
    import shutil

    vault = tmp_path / "vault"
    shutil.copytree(examples_dir, vault)
    run("ingest", vault, "-q")
    assert run("report", "-o", vault / "report.md").exit_code == 0
    data = json_out(run("ingest", vault, "--json"))
    assert data["added"] == []
    assert "report.md" in data["ignored"]
    assert json_out(run("report", "--format", "json"))["interviews"] == 13


def test_obsidian_display_properties_are_never_segments(run, tmp_path):
    notes = tmp_path / "notes"
    notes.mkdir()
    for number, role in enumerate(["freelancer", "freelancer", "shop-owner"]):
        (notes / f"p{number}.md").write_text(
            f"---\nrole: {role}\naliases: [Interview {number}]\ncssclasses: [wide]\n"
            "publish: false\n---\n## Push\n- Late invoices\n",
            encoding="utf-8",
        )
    data = json_out(run("report", notes, "--format", "json"))
    assert set(data["scope"]["segments"]) == {"role"}
    text = run("report", notes, "--format", "md").stdout
    assert "cssclasses" not in text and "wide" not in text
    run("ingest", notes, "-q")
    exported = json_out(run("export"))["interviews"][0]["attributes"]
    assert exported["cssclasses"] == ["wide"]  # still in the data: nothing is dropped


def test_terminal_balance_with_no_one_switched_shows_a_dash_not_none(run, tmp_path):
    notes = tmp_path / "notes"
    notes.mkdir()
    # switched_from and no switched_to: the note records that p1 stayed
    note = (
        "---\nswitched_from: the old sheet\n---\n## Push\n- Late invoices\n## Habit\n- The sheet\n"
    )
    (notes / "p1.md").write_text(note)
    result = run("report", notes)
    assert result.exit_code == 0, result.stderr
    text = " ".join(result.stdout.split())
    assert "Mean net balance: — for those who switched, 0.0 for those who did not." in text
    assert "None" not in result.stdout


def test_report_from_a_folder_shows_the_notes_warnings(run, examples_dir):
    result = run("report", examples_dir, "--format", "json")
    assert result.exit_code == 0
    warnings = [line for line in result.stderr.splitlines() if line.startswith("warning: ")]
    assert warnings and all(":" in line[len("warning: ") :] for line in warnings)
    assert any("p03" in line and "job statement" in line for line in warnings)


def test_svg_format_is_the_forces_diagram_alone(ingested, tmp_path):
    result = ingested("report", "-o", tmp_path / "forces.svg")
    assert result.exit_code == 0, result.stderr
    svg = (tmp_path / "forces.svg").read_text(encoding="utf-8")
    assert svg.lstrip().startswith("<svg") and svg.rstrip().endswith("</svg>")
    assert ElementTree.fromstring(svg).tag.endswith("svg")  # well-formed, opens anywhere
    assert "Push of the situation" in svg
    markdown_diagram = tmp_path / "r-forces.svg"
    ingested("report", "-o", tmp_path / "r.md")
    assert markdown_diagram.read_text(encoding="utf-8") == svg  # the same picture
    printed = ingested("report", "--format", "svg")
    assert printed.stdout.strip() == svg.strip()


def test_report_never_overwrites_a_note_of_the_study(run, examples_dir, tmp_path):
    from tests.conftest import snapshot

    study = tmp_path / "study"
    study.mkdir()
    for note in sorted(examples_dir.rglob("p0*.md")):
        (study / note.name).write_bytes(note.read_bytes())
    before = snapshot(study)
    note = sorted(study.glob("*.md"))[0]
    # straight from the folder, and from the workspace the folder was ingested into
    result = run("report", study, "-o", note)
    assert result.exit_code == 1
    assert f"{note.resolve()}: a file of the study" in result.stderr
    assert run("ingest", study, "-q").exit_code == 0
    result = run("report", "-o", note)
    assert result.exit_code == 1 and "a file of the study" in result.stderr
    assert snapshot(study) == before
    # a report beside the study is written as usual
    assert run("report", "-o", tmp_path / "report.md").exit_code == 0
