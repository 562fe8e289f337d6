"""Notes typed the way researchers type them after a call (tests/fixtures/messy/).

Each fixture is one case of the notes issue: pseudo-headings, headings in Italian and
French, Obsidian tags and callouts, natural dates, consent in words, a cp1252 file. All
text is synthetic. Every test goes through `jtbd ingest` and `jtbd export` or `report`.
"""

from __future__ import annotations

import re
import shutil
from collections import Counter
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, json_out, snapshot

MESSY = FIXTURES / "messy"


@pytest.fixture
def ingested(run, tmp_path: Path):
    folder = tmp_path / "messy"
    shutil.copytree(MESSY, folder)
    before = snapshot(folder)
    summary = json_out(run("ingest", folder, "--json"))
    assert snapshot(folder) == before, "ingest modified the user's notes"
    interviews = {i["id"]: i for i in json_out(run("export", "--all"))["interviews"]}
    return summary, interviews


def kinds(interview: dict) -> dict[str, int]:
    return dict(Counter(force["kind"] for force in interview["forces"]))


def warnings_of(summary: dict, name: str) -> list[dict]:
    return [w for w in summary["warnings"] if w["file"].endswith(name)]


def test_pseudo_headings_and_numbered_lists_are_not_all_push(ingested):
    _, interviews = ingested
    assert kinds(interviews["m01"]) == {"push": 2, "pull": 2, "anxiety": 1, "inertia": 1}


def test_heading_forms_people_type(ingested):
    summary, interviews = ingested
    forces = interviews["m02"]["forces"]
    by_line = {force["line"]: force["kind"] for force in forces}
    # ATX "Push forces", setext "Push (situation)", "Pull factors", "(continued)",
    # "2. Pull" as a list item, "Fears & worries", a bold "**Inertia / habits**".
    assert by_line == {
        5: "push",
        9: "push",
        12: "pull",
        15: "pull",
        18: "pull",
        21: "anxiety",
        24: "inertia",
    }
    messages = [w["message"] for w in warnings_of(summary, "heading-forms.md")]
    assert any("'Push and pull'" in m and "names push and pull" in m for m in messages)
    assert any("'Pricing worries'" in m and "tag them #anxiety" in m for m in messages)
    assert "Per-seat pricing" in interviews["m02"]["notes"]


def test_italian_headings_tags_dates_consent_and_job(ingested):
    _, interviews = ingested
    note = interviews["m03"]
    assert kinds(note) == {"push": 1, "pull": 1, "anxiety": 2, "inertia": 1}  # + #ansia
    assert note["date"] == "2025-06-12" and note["consent"] is True
    (job,) = note["jobs"]
    assert (job["when"], job["want"], job["so"]) == (
        "chiudo il trimestre",
        "inviare tutto al commercialista",
        "smettere di preoccuparmi",
    )


def test_french_headings_and_job(ingested):
    _, interviews = ingested
    note = interviews["m04"]
    assert kinds(note) == {"push": 1, "pull": 1, "anxiety": 1, "inertia": 1}
    assert note["date"] == "2025-06-12"
    (job,) = note["jobs"]
    assert (job["when"], job["so"]) == ("le trimestre se termine", "dormir tranquille")


def test_obsidian_tags_labels_and_callouts(ingested):
    _, interviews = ingested
    note = interviews["m05"]
    texts = {force["text"]: force["kind"] for force in note["forces"]}
    assert texts["The till export is always a day late"] == "push"  # #force/push
    assert texts["Worried the new app cannot read old receipts"] == "anxiety"  # #jtbd/anxiety
    assert texts["Hates chasing invoices by phone"] == "push"  # #pushes
    assert texts["What if the bank feed stops one day"] == "anxiety"  # #fear
    assert texts["Likes that reminders go out by themselves"] == "pull"  # (#push) removed
    assert texts["the dashboard shows cash at a glance"] == "pull"  # leading #pull:
    assert texts["the laptop with the old software is dying"] == "push"  # "Push: ..."
    assert texts["her staff would need training"] == "anxiety"  # "- Anxiety: ..."
    assert texts["the accountant already knows the old files"] == "inertia"
    callout = [f for f in note["forces"] if f["quote"]]
    assert [(f["text"], f["line"]) for f in callout] == [
        ("I do not want to type five years of numbers again.", 26)
    ]
    assert note["date"] == "2025-06-12" and note["consent"] is True


def test_obsidian_properties_are_not_segments_and_lists_segment_by_value(run, ingested):
    report = json_out(run("report", "--format", "json"))
    segments = report["scope"]["segments"]
    assert not {"created", "modified", "tags"} & set(segments)
    by_role = json_out(run("report", "--format", "json", "--by", "role"))
    assert {"owner", "bookkeeper"} <= set(by_role["segments"])
    refused = run("report", "--by", "created")
    assert refused.exit_code == 2
    assert "never a segment" in refused.stderr


def test_cp1252_note_is_read_with_a_warning(ingested):
    summary, interviews = ingested
    texts = [force["text"] for force in interviews["m06"]["forces"]]
    assert texts == [
        "\u201cRe-typing VAT numbers\u201d costs \u20ac50 a month",
        "Caf\u00e9 receipts everywhere",
    ]
    (warning,) = warnings_of(summary, "cp1252.md")
    assert "read as cp1252" in warning["message"] and warning["line"] == 5


def test_consent_in_words_never_refuses_a_note(run, ingested):
    summary, interviews = ingested
    assert summary["errors"] == []
    assert interviews["m07"]["consent"] is False  # "maybe later": unclear, kept out
    assert interviews["m08"]["consent"] is False  # withdrawn
    (warning,) = warnings_of(summary, "consent-values.md")
    assert "'maybe later' is neither yes nor no" in warning["message"]
    report = json_out(run("report", "--format", "json"))
    excluded = {e["interview"]: e["reason"] for e in report["excluded"]}
    assert excluded["m07"].startswith("consent: maybe later")
    assert excluded["m08"].startswith("consent: withdrawn")
    html = run("report", "--format", "html").stdout
    assert "Private words" not in html and "withdrawn from the study" not in html


def test_a_note_with_no_forces_says_so(ingested):
    summary, _ = ingested
    (warning,) = warnings_of(summary, "jobs-only.md")
    assert warning["message"].startswith("no forces found")


def test_statements_for_suggest_are_participant_words_not_the_researchers(tmp_path):
    from jtbd.readers import read_note

    note = tmp_path / "n.md"
    note.write_text(
        "---\nid: n1\n---\nPhoto: ![[receipt.png]]\n\n## What she said\n"
        "- The old spreadsheet breaks every single January\n\n"
        "## Observations\n- The push is strong, the pull is weak\n\n"
        "## Key quotes\n- I just want the quarter to close itself\n"
    )
    texts = [s["text"] for s in read_note(note).data["statements"]]
    assert texts == [
        "The old spreadsheet breaks every single January",
        "I just want the quarter to close itself",
    ]


def test_callout_inside_a_list_item_reads_like_one_outside(run, tmp_path):
    folder = tmp_path / "callouts"
    folder.mkdir()
    (folder / "p1.md").write_text(
        "---\nid: c1\nconsent: true\n---\n### Fears & worries\n"
        "- > [!quote] Nick\n"
        "  > What if the import copies every row twice?\n"
        "  - said it twice\n"
        "- Cost once the trial ends #cost\n"
        "  - > [!quote] Nick\n"
        "    > the second seat doubles it\n\n"
        "## Pull\n"
        "> [!quote] Nick\n"
        "> The reminders alone would pay for it.\n\n"
        "## What she said\n"
        "- > [!quote] Nick\n"
        "  > The old spreadsheet breaks every single January.\n"
    )
    summary = json_out(run("ingest", folder, "--json"))
    assert summary["errors"] == []
    (note,) = json_out(run("export", "--all"))["interviews"]
    forces = [(f["kind"], f["text"], f["quote"], f["line"]) for f in note["forces"]]
    assert forces == [
        ("anxiety", "What if the import copies every row twice?", True, 7),
        ("anxiety", "Cost once the trial ends", False, 9),
        ("pull", "The reminders alone would pay for it.", True, 15),
    ]
    # Nested under an item, a callout is that item's detail: its words, not its header.
    details = [f["detail"] for f in note["forces"]]
    assert details == [["said it twice"], ["the second seat doubles it"], []]
    # Under a heading of free notes the header is not a statement either, the words are.
    assert [(s["text"], s["line"]) for s in note["statements"]] == [
        ("The old spreadsheet breaks every single January.", 19)
    ]
    report = run("report", "--format", "md").stdout
    assert "[!quote]" not in report and "Nick" not in report


def _ingest_one(run, tmp_path: Path, name: str, text: str):
    """Ingest a folder holding one note; the result and the exported interview."""
    folder = tmp_path / "notes"
    folder.mkdir()
    (folder / name).write_text(text, encoding="utf-8")
    result = run("ingest", folder)
    assert result.exit_code == 0, result.stderr
    return result, json_out(run("export"))["interviews"][0]


def test_a_more_than_sign_before_a_number_is_not_a_quote(run, tmp_path: Path):
    text = (
        "# q01\n\n## Push\n\n- >50 invoices a month typed in by hand\n"
        "  - >=3 tools open at once\n- > She said the sheet was a mess\n\n"
        ">20 reminders sent by phone every week\n"
    )
    forces = _ingest_one(run, tmp_path, "q01.md", text)[1]["forces"]
    by_text = {force["text"]: force for force in forces}
    more = by_text[">50 invoices a month typed in by hand"]
    assert more["quote"] is False and more["detail"] == [">=3 tools open at once"]
    assert by_text["She said the sheet was a mess"]["quote"] is True  # "> " is still a quote
    assert not any(force["quote"] and "reminders" in force["text"] for force in forces)


def test_html_comments_are_neither_statements_nor_notes(run, tmp_path: Path):
    text = (
        "<!--\nLicence header: CC0, written by a tool\n-->\n# c01\n\n"
        "## Push\n\n- Typing receipts in by hand every Friday\n"
        "<!-- to self: ask about the bank export -->\n\n"
        "## Notes\n\nShe runs the shop alone.\n<!-- x --> Shown after a comment\n"
    )
    interview = _ingest_one(run, tmp_path, "c01.md", text)[1]
    said = [s["text"] for s in interview["statements"]] + [f["text"] for f in interview["forces"]]
    kept = " ".join(said) + interview["notes"]
    assert "Licence" not in kept and "to self" not in kept
    assert [f["text"] for f in interview["forces"]] == ["Typing receipts in by hand every Friday"]
    assert "She runs the shop alone." in kept and "Shown after a comment" in kept


def test_an_intensity_out_of_range_costs_the_intensity_not_the_note(run, tmp_path: Path):
    text = (
        "id: y01\nforces:\n  anxiety:\n    - {text: Losing the old invoices, intensity: 9}\n"
        "  push:\n    - {text: Typing receipts by hand, intensity: 4}\n"
    )
    result, interview = _ingest_one(run, tmp_path, "y01.yaml", text)
    assert "y01.yaml:4: forces.anxiety.0.intensity: 9 is not from 1 to 5" in result.stderr
    forces = interview["forces"]
    assert [(f["text"], f["intensity"]) for f in forces] == [
        ("Losing the old invoices", None),
        ("Typing receipts by hand", 4),
    ]


def test_a_misspelt_force_heading_is_read_as_the_force_with_a_warning(run, tmp_path: Path):
    text = (
        "# t01\n\n## Pousée\n\n- Je recopie les factures à la main\n\n"
        "## Hbitudes\n\n- On a toujours fait comme ça\n\n"
        "## Problem\n\n- The export breaks every month\n"
    )
    result, interview = _ingest_one(run, tmp_path, "t01.md", text)
    assert "t01.md:3: heading 'Pousée' read as 'poussée' (a typo?)" in result.stderr
    assert "t01.md:7: heading 'Hbitudes' read as 'habitudes' (a typo?)" in result.stderr
    forces = interview["forces"]
    assert [(f["kind"], f["line"]) for f in forces] == [("push", 5), ("inertia", 9)]
    # "Problem" is an English word, not a typo of the Italian "problemi": free notes, said so
    assert "under 'Problem' kept as free notes" in result.stderr


def test_a_misspelt_bold_or_colon_heading_is_read_too_and_warnings_keep_line_order(
    run, tmp_path: Path
):
    text = (
        "# t01\n\n**Pussh**\n- I retype every invoice\n"
        "**Pricing**\n- It costs a lot\n"
        "Anxeity:\n- Worried about the import\n"
        "- Pul\n"  # a short list item is a statement, never read as a heading
    )
    result, interview = _ingest_one(run, tmp_path, "t01.md", text)
    assert "t01.md:3: heading 'Pussh' read as 'push' (a typo?)" in result.stderr
    assert "t01.md:7: heading 'Anxeity' read as 'anxiety' (a typo?)" in result.stderr
    forces = interview["forces"]
    assert [(f["kind"], f["line"]) for f in forces] == [
        ("push", 4),
        ("anxiety", 8),
        ("anxiety", 9),
    ]
    # "Pricing" is no typo of a heading: its item is kept as free notes, said so, and the
    # warning about it (made when its section closed) comes before the one at line 7.
    warnings = [line for line in result.stderr.splitlines() if "t01.md:" in line]
    lines = [int(w.split("t01.md:")[1].split(":")[0]) for w in warnings]
    assert lines == sorted(lines) and 5 in lines


def test_a_warning_repeated_in_one_file_is_one_line_naming_the_others(run, tmp_path: Path):
    repeated = "".join(f"**Project impacts**\n\nText {n}.\n\n" for n in range(6))
    result, _ = _ingest_one(run, tmp_path, "w1.md", f"# w1\n\n## Push\n\n- Slow\n\n{repeated}")
    lines = [line for line in result.stderr.splitlines() if "Project impacts" in line]
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("warning: ") and "w1.md:7: " in lines[0]
    assert lines[0].endswith("(also at lines 11, 15, 19 and 2 more)")
    assert re.search(r"warnings\s*│\s*6\b", result.stdout)  # each still counted
    fresh = tmp_path / "fresh"
    data = json_out(run("ingest", tmp_path / "notes", "--json", "--workspace", fresh))
    assert [w["line"] for w in data["warnings"]] == [7, 11, 15, 19, 23, 27]  # JSON keeps each


def test_consent_false_is_never_lost_to_a_blank_first_line_or_a_misnamed_sidecar(
    run, tmp_path: Path
):
    folder = tmp_path / "notes"
    folder.mkdir()
    # Pasted with an empty first line: the frontmatter is still the frontmatter.
    (folder / "p09.md").write_text(
        "\n---\nid: p09\nparticipant: Anna Berg\nconsent: false\n---\n## Push\n- Letters\n",
        encoding="utf-8",
    )
    (folder / "t4.vtt").write_text(
        "WEBVTT\n\n00:00:01.000 --> 00:00:04.000\nDana: The bank sync is great.\n",
        encoding="utf-8",
    )
    (folder / "t4.vtt.meta.yaml").write_text("consent: false\n", encoding="utf-8")
    result = run("ingest", folder)
    assert result.exit_code == 0, result.stderr
    assert (
        f"{folder / 't4.vtt.meta.yaml'}: read by no transcript, so not applied: "
        "rename it 't4.meta.yaml' for 't4.vtt'"
    ) in result.stderr
    report = run("report", "--format", "md").stdout
    assert "Anna Berg" not in report and "Letters" not in report
    assert "- Excluded: **1**" in report
    # ".meta.yml" is a misnamed sidecar too: said, never read as a YAML note of its own
    (folder / "t4.vtt.meta.yaml").unlink()
    (folder / "t4.meta.yml").write_text("consent: false\n", encoding="utf-8")
    again = run("ingest", folder)
    assert again.exit_code == 0, again.stderr
    assert "t4.meta.yml: read by no transcript, so not applied: rename it 't4.meta.yaml'" in (
        again.stderr
    )


def test_a_note_of_dialogue_with_force_label_lines_is_a_note_not_a_transcript(run, tmp_path: Path):
    turns = [
        "Interviewer: What did you use before?",
        "Dana: A spreadsheet. It broke every month.",
        "Interviewer: Why did you switch?",
        "Dana: The bank sync.",
    ]
    labels = ["Push: the sheet broke monthly", "Pull: bank sync", "Habit: the old sheet"]
    text = "---\nid: r6\n---\n" + "\n\n".join(turns + labels) + "\n"
    result, interview = _ingest_one(run, tmp_path, "r6.md", text)
    forces = [(f["kind"], f["text"], f["line"]) for f in interview["forces"]]
    assert forces == [
        ("push", "the sheet broke monthly", 12),
        ("pull", "bank sync", 14),
        ("inertia", "the old sheet", 16),
    ]
    assert "Dana: The bank sync." in interview["notes"]  # the dialogue kept, not dropped


def test_a_force_heading_typed_bare_opens_its_force_not_the_one_before(run, tmp_path: Path):
    text = (
        "## Anxiety\n- worried about data loss\n\nPUSH\n- spreadsheet crashed weekly\n\n"
        "Pull forces\n- bank sync looked great\n\nHabit -\n- the old sheet\n"
    )
    result, interview = _ingest_one(run, tmp_path, "n.md", text)
    forces = [(f["kind"], f["line"]) for f in interview["forces"]]
    assert forces == [("anxiety", 2), ("push", 5), ("pull", 8), ("inertia", 11)]
    assert "kept as free notes" not in result.stderr


def test_a_frontmatter_key_given_twice_is_said_not_lost_silently(run, tmp_path: Path):
    text = "---\nid: a1\nrole: owner\nrole: bookkeeper\n---\n## Push\n- Retyping invoices\n"
    result, interview = _ingest_one(run, tmp_path, "a.md", text)
    assert "a.md:4: 'role' is given again (first at line 3): only this one is read" in (
        result.stderr
    )
    assert interview["attributes"]["role"] == "bookkeeper"


def test_a_yaml_note_with_forces_written_twice_says_the_first_is_not_read(run, tmp_path):
    text = (
        "id: y1\nforces:\n  push:\n    - Retyping invoices\n"
        "consent: true\nforces:\n  pull:\n    - Bank sync\n"
    )
    result, interview = _ingest_one(run, tmp_path, "y.yaml", text)
    assert "y.yaml:6: 'forces' is given again (first at line 2)" in result.stderr
    assert [f["kind"] for f in interview["forces"]] == ["pull"]


def test_an_item_tagged_with_two_forces_is_read_as_the_first_and_said(run, tmp_path: Path):
    text = "## Notes\n- Retyping invoices every month #push #pull\n"
    result, interview = _ingest_one(run, tmp_path, "a.md", text)
    assert "a.md:2: tagged #pull too: read as push (one force per item)" in result.stderr
    assert [f["kind"] for f in interview["forces"]] == ["push"]


def test_bullets_pasted_from_a_document_are_list_items(run, tmp_path: Path):
    text = "## Push\n- Typed in a hurry\n\u2022 Pasted from the doc\n\u25e6 And its sub-point\n"
    result, interview = _ingest_one(run, tmp_path, "a.md", text)
    forces = [(f["text"], f["line"]) for f in interview["forces"]]
    assert forces == [("Typed in a hurry", 2), ("Pasted from the doc", 3), ("And its sub-point", 4)]
