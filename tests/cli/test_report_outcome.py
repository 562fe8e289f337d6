"""Whether each person switched, as the notes record it: switched, stayed, or not recorded.

A note names what the person switched to (``switched_to``), or only what they had
(``switched_from``: they stayed), or neither: then the report says "not recorded" and
never counts the person among those who did not switch.
"""

from __future__ import annotations

import json

from tests.conftest import json_out

FORCES = "## Push\n- Late invoices\n- Copying numbers\n## Habit\n- The old sheet\n"


def _note(folder, name, **front):
    lines = [f"{key}: {value}" for key, value in {"id": name, **front}.items()]
    (folder / f"{name}.md").write_text("---\n" + "\n".join(lines) + "\n---\n" + FORCES)


def _every_format(run, folder, tmp_path, monkeypatch):
    """The terminal (80 columns), Markdown, HTML and JSON reports of ``folder``."""
    monkeypatch.setenv("COLUMNS", "80")
    terminal = run("report", folder)
    assert terminal.exit_code == 0, terminal.stderr
    for name in ("r.md", "r.html"):
        assert run("report", folder, "-o", tmp_path / name).exit_code == 0
    data = json_out(run("report", folder, "--format", "json"))
    md, html = ((tmp_path / name).read_text(encoding="utf-8") for name in ("r.md", "r.html"))
    return " ".join(terminal.stdout.split()), md, html, data


def test_no_switch_recorded_is_not_reported_as_staying(run, tmp_path, monkeypatch):
    notes = tmp_path / "notes"
    notes.mkdir()
    for name in ("interview-with-a-long-name-01", "p02"):
        _note(notes, name)
    terminal, md, html, data = _every_format(run, notes, tmp_path, monkeypatch)
    for text in (terminal, md, html):
        assert "did not switch" not in text and "stayed" not in text
        assert "for those who did not" not in text
        assert "Mean net balance: 1.0 across all 2 interviews." in text
        assert "Whether anyone switched is not recorded" in text
    assert "0 switched, 2 not recorded." in terminal
    assert terminal.count("not recorded") >= 2 + 2 + 1  # balance, appendix, scope, summary
    assert "| p02 | 2 | 0 | 0 | 1 | +1 | not recorded |" in md
    assert '<td class="switched once">not recorded</td>' in html
    assert '<td data-label="Switch"><span class="nw once">not recorded</span></td>' in html
    balance = data["balance"]
    assert [row["outcome"] for row in balance["interviews"]] == ["not recorded"] * 2
    assert balance["mean_net_not_switched"] is None and balance["mean_net_switched"] is None
    assert balance["outcome_not_recorded"] == 2
    assert data["scope"]["switch_not_recorded"] == 2 and data["scope"]["switched"] == 0


def test_switched_stayed_and_unrecorded_each_say_so(run, tmp_path, monkeypatch):
    notes = tmp_path / "notes"
    notes.mkdir()
    _note(notes, "p01", switched_from="spreadsheet", switched_to="Ledgerly")
    _note(notes, "p02", switched_from="SageDesk")  # looked, and stayed
    _note(notes, "p03")  # the note says nothing of the outcome
    (notes / "p03.md").write_text((notes / "p03.md").read_text() + "## Pull\n- Bank sync\n")
    terminal, md, html, data = _every_format(run, notes, tmp_path, monkeypatch)
    # p03 (net +2) is in neither group: the means are p01's +1 and p02's +1
    summary = (
        "Mean net balance: 1.0 for those who switched, 1.0 for those who did not; "
        "1 interview does not record the outcome (switched_to blank, or neither switched_to "
        "nor switched_from)."
    )
    for text in (terminal, md, html):
        assert summary in " ".join(text.split())
    assert "| p01 | 2 | 0 | 0 | 1 | +1 | Ledgerly |" in md
    assert "| p02 | 2 | 0 | 0 | 1 | +1 | did not switch |" in md
    assert "| p03 | 2 | 1 | 0 | 1 | +2 | not recorded |" in md
    assert "spreadsheet → Ledgerly" in md and "SageDesk → stayed" in md
    assert "| p03 | — |  | not recorded |" in md
    assert "SageDesk → stayed" in terminal and "1 switched, 1 not recorded." in terminal
    outcomes = {row["interview"]: row["outcome"] for row in data["balance"]["interviews"]}
    assert outcomes == {"p01": "switched", "p02": "stayed", "p03": "not recorded"}
    assert data["balance"]["mean_net_not_switched"] == 1.0


def test_switch_names_stay_escaped(run, tmp_path, monkeypatch):
    notes = tmp_path / "notes"
    notes.mkdir()
    _note(notes, "p01", switched_from='"<b>old</b>"', switched_to='"<script>x</script>"')
    _terminal, md, html, data = _every_format(run, notes, tmp_path, monkeypatch)
    assert "<script>" not in html and "<b>" not in html
    assert "&lt;b&gt;old&lt;/b&gt; → &lt;script&gt;x&lt;/script&gt;" in html
    assert "<script>" not in md
    assert json.dumps(data).count("<script>x</script>") == 1  # JSON keeps the text exactly


def test_switched_to_none_is_a_stay_not_a_product(run, tmp_path, monkeypatch):
    notes = tmp_path / "notes"
    notes.mkdir()
    _note(notes, "p01", switched_from="SageDesk", switched_to="none")
    _note(notes, "p02", switched_to="Nessuno")  # Italian, and no switched_from
    _note(notes, "p03", switched_from="spreadsheet", switched_to="Ledgerly")
    terminal, md, html, data = _every_format(run, notes, tmp_path, monkeypatch)
    outcomes = {row["interview"]: row["outcome"] for row in data["balance"]["interviews"]}
    assert outcomes == {"p01": "stayed", "p02": "stayed", "p03": "switched"}
    assert data["scope"]["switched"] == 1
    assert "SageDesk → stayed" in md and "→ none" not in md


def test_a_blank_switched_to_is_not_recorded_not_a_stay(run, tmp_path, monkeypatch):
    # A churn notes template fills switched_from with the product left, switched_to blank.
    notes = tmp_path / "notes"
    notes.mkdir()
    assert run("new-guide", "-t", "churn", "--product", "Acme", "--notes-template",
               "-o", notes / "c01.md").exit_code == 0  # fmt: skip
    text = (notes / "c01.md").read_text(encoding="utf-8").replace("id:  #", "id: c01  #")
    text = text.replace("(what made them give up on the product?)", "Support never answered")
    (notes / "c01.md").write_text(text, encoding="utf-8")
    _note(notes, "c02", switched_from="Acme")  # no switched_to key: looked, and stayed
    terminal, md, html, data = _every_format(run, notes, tmp_path, monkeypatch)
    outcomes = {row["interview"]: row["outcome"] for row in data["balance"]["interviews"]}
    assert outcomes == {"c01": "not recorded", "c02": "stayed"}
    assert "Acme → stayed" in md and md.count("Acme → stayed") == 1
