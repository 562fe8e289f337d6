"""`jtbd suggest FILE` as a user calls it, on synthetic statements in three languages."""

from __future__ import annotations

import csv
import io
import json

import pytest

KINDS = {"push", "pull", "anxiety", "inertia", "none"}

ENGLISH = [
    "Every month I retype the invoices into the spreadsheet by hand.",
    "I would love a tool that matches payments to invoices for me.",
    "Yeah.",
    "I'm not sure the new app would keep my client data safe.",
]
ITALIAN = [
    "Ogni settimana perdo due ore a copiare i numeri a mano.",
    "Mi piacerebbe un'app che facesse i conti da sola.",
    "Grazie.",
]
FRENCH = [
    "Je ne sais pas si je peux faire confiance à ce logiciel.",
    "On utilise toujours le classeur papier, ça nous suffit.",
    "Bonjour !",
    "Merci beaucoup !",
]


def _confidence_ok(value: object) -> bool:
    return isinstance(value, float) and 0 <= value <= 1 and round(value, 3) == value


def test_txt_in_three_languages_keeps_rows_in_order(run, tmp_path):
    statements = ENGLISH + ITALIAN + FRENCH
    (tmp_path / "s.txt").write_text("\n".join(statements) + "\n", encoding="utf-8")
    result = run("suggest", "s.txt")
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert [line.split("\t")[2] for line in lines] == statements
    assert all(line.split("\t")[0] in KINDS for line in lines)
    assert all(_confidence_ok(float(line.split("\t")[1])) for line in lines)
    # Back-channel and greetings carry no force, in every language.
    small_talk = {"Yeah.", "Grazie.", "Bonjour !", "Merci beaucoup !"}
    assert {line.split("\t")[0] for line in lines if line.split("\t")[2] in small_talk} == {"none"}


def test_csv_with_column_adds_kind_and_confidence_and_keeps_other_columns(run, tmp_path):
    source = tmp_path / "answers.csv"
    rows = [["id", "answer", "score"]] + [[str(i), t, "5"] for i, t in enumerate(ENGLISH, 1)]
    with source.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows(rows)
    original = source.read_bytes()
    result = run("suggest", "answers.csv", "--column", "answer", "-o", "coded.csv")
    assert result.exit_code == 0, result.stderr
    assert "wrote coded.csv" in result.stderr
    out = list(csv.DictReader((tmp_path / "coded.csv").open(encoding="utf-8")))
    assert list(out[0]) == ["id", "answer", "score", "kind", "confidence"]
    assert [row["answer"] for row in out] == ENGLISH
    assert [row["id"] for row in out] == ["1", "2", "3", "4"]
    assert all(row["kind"] in KINDS and _confidence_ok(float(row["confidence"])) for row in out)
    assert source.read_bytes() == original  # the user's file is never modified


def test_jsonl_keeps_every_key_and_converts_to_csv(run, tmp_path):
    records = [{"text": t, "source": "survey", "n": i} for i, t in enumerate(FRENCH)]
    (tmp_path / "s.jsonl").write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8"
    )
    result = run("suggest", "s.jsonl")
    assert result.exit_code == 0, result.stderr
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert [{k: r[k] for k in ("text", "source", "n")} for r in out] == records
    assert all(r["kind"] in KINDS and _confidence_ok(r["confidence"]) for r in out)
    as_csv = run("suggest", "s.jsonl", "-o", "s.csv")
    assert as_csv.exit_code == 0, as_csv.stderr
    table = list(csv.DictReader((tmp_path / "s.csv").open(encoding="utf-8")))
    assert [row["text"] for row in table] == FRENCH
    assert [row["kind"] for row in table] == [r["kind"] for r in out]


def test_two_runs_give_byte_identical_output(run, tmp_path):
    (tmp_path / "s.txt").write_text("\n".join(ENGLISH + ITALIAN + FRENCH), encoding="utf-8")
    assert run("suggest", "s.txt", "-o", "a.jsonl").exit_code == 0
    assert run("suggest", "s.txt", "-o", "b.jsonl").exit_code == 0
    assert (tmp_path / "a.jsonl").read_bytes() == (tmp_path / "b.jsonl").read_bytes()


def test_bad_rows_are_named_and_the_others_still_written(run, tmp_path):
    good = ENGLISH[0]
    lines = [
        json.dumps({"text": good}),
        "{not json",
        json.dumps({"text": ""}),
        json.dumps({"text": "word " * 10_000}),
        json.dumps({"answer": "no text key"}),
        json.dumps({"text": ITALIAN[1]}),
    ]
    (tmp_path / "s.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = run("suggest", "s.jsonl", "-o", "out.jsonl")
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert [e.split(": ")[1] for e in errors] == [f"s.jsonl:{n}" for n in (2, 3, 4, 5)]
    assert "statement too long" in errors[2]
    out = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text().splitlines()]
    assert [r["text"] for r in out] == [good, ITALIAN[1]]


def test_binary_in_a_csv_cell_names_its_line(run, tmp_path):
    data = b"id,text\n1,Paying by card is slow\n2,\x00\x01\xff\xfe\n3,I wish it had dark mode\n"
    (tmp_path / "s.csv").write_bytes(data)
    result = run("suggest", "s.csv")
    assert result.exit_code == 1
    assert "s.csv:3: binary data, not text" in result.stderr
    assert [row["id"] for row in csv.DictReader(io.StringIO(result.stdout))] == ["1", "3"]


def test_csv_without_the_column_is_one_clear_error(run, tmp_path):
    (tmp_path / "s.csv").write_text("id,answer\n1,Slow\n", encoding="utf-8")
    result = run("suggest", "s.csv", "--column", "comment")
    assert result.exit_code == 1
    assert "s.csv:1: no column 'comment' (columns: id, answer)" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    assert result.stdout == ""


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("s.txt", "--review", "r"), "--review applies to the workspace"),
        (("s.docx",), "unknown statement file type"),
        (("s.txt", "--column", "text"), "--column applies to .csv files only"),
        (("s.txt", "-o", "s.txt"), "would overwrite the input"),
    ],
)
def test_usage_errors(run, tmp_path, args, message):
    (tmp_path / "s.txt").write_text("Slow\n", encoding="utf-8")
    (tmp_path / "s.docx").write_text("Slow\n", encoding="utf-8")
    result = run("suggest", *args)
    assert result.exit_code == 2
    assert message in result.stderr
    assert (tmp_path / "s.txt").read_text() == "Slow\n"


def test_missing_file(run):
    result = run("suggest", "nowhere.txt")
    assert result.exit_code == 1
    assert "nowhere.txt: cannot read" in result.stderr


def test_csv_output_protects_formula_cells_as_the_export_does(run, tmp_path):
    rows = [
        ["id", "answer", "note"],
        ["r1", '=HYPERLINK("http://example.invalid","click")', "+1"],
        ["r2", ENGLISH[0], "@SUM(A1:A2)"],
        ["r3", "-5 stars, the import lost my data", "-"],
    ]
    with (tmp_path / "answers.csv").open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows(rows)
    result = run("suggest", "answers.csv", "--column", "answer", "-o", "coded.csv")
    assert result.exit_code == 0, result.stderr
    out = list(csv.DictReader((tmp_path / "coded.csv").open(encoding="utf-8")))
    assert [(row["answer"], row["note"]) for row in out] == [
        ('\'=HYPERLINK("http://example.invalid","click")', "'+1"),
        (ENGLISH[0], "'@SUM(A1:A2)"),
        ("'-5 stars, the import lost my data", "'-"),
    ]
    # Only the spreadsheet format is protected: JSON Lines keep the text as it was.
    as_jsonl = run("suggest", "answers.csv", "--column", "answer", "-o", "coded.jsonl")
    assert as_jsonl.exit_code == 0, as_jsonl.stderr
    first = json.loads((tmp_path / "coded.jsonl").read_text().splitlines()[0])
    assert first["answer"] == rows[1][1] and first["note"] == "+1"


def test_a_latin1_row_is_read_with_a_warning_not_called_binary(run, tmp_path):
    data = ("id,answer\nr1," + ENGLISH[0] + "\n").encode() + b"r2,Caf\xe9 receipts pile up\n"
    (tmp_path / "answers.csv").write_bytes(data)
    result = run("suggest", "answers.csv", "--column", "answer", "-o", "coded.csv")
    assert result.exit_code == 0, result.stderr
    assert "binary" not in result.stderr
    (warning,) = [line for line in result.stderr.splitlines() if line.startswith("warning:")]
    assert "answers.csv:3:" in warning and "not UTF-8" in warning and "cp1252" in warning
    out = list(csv.DictReader((tmp_path / "coded.csv").open(encoding="utf-8")))
    assert [row["answer"] for row in out] == [ENGLISH[0], "Caf\u00e9 receipts pile up"]


def test_undecodable_bytes_are_named_not_utf8(run, tmp_path):
    # A NUL in the file: no code page is guessed, each row is judged on its bytes.
    data = b"id,text\n1,Caf\xe9 receipts\n2,\x00\n3," + ENGLISH[0].encode() + b"\n"
    (tmp_path / "s.csv").write_bytes(data)
    result = run("suggest", "s.csv")
    assert result.exit_code == 1
    assert "s.csv:2: not UTF-8 text (byte 0xe9)" in result.stderr
    assert "s.csv:3: binary data, not text" in result.stderr
    assert [row["id"] for row in csv.DictReader(io.StringIO(result.stdout))] == ["3"]


def test_a_blank_line_in_jsonl_is_an_empty_statement_named_by_line(run, tmp_path):
    lines = [json.dumps({"text": ENGLISH[0]}), "", "   ", json.dumps({"text": ENGLISH[1]})]
    (tmp_path / "s.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = run("suggest", "s.jsonl", "-o", "out.jsonl")
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert [e.split(": ")[1] for e in errors] == ["s.jsonl:2", "s.jsonl:3"]
    assert all("empty statement" in e for e in errors)
    out = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text().splitlines()]
    assert [r["text"] for r in out] == ENGLISH[:2]


def test_a_semicolon_csv_from_excel_is_read_and_written_with_semicolons(run, tmp_path):
    rows = [["id", "answer", "score"], ["1", ENGLISH[0], "4,5"], ["2", FRENCH[0], "3"]]
    text = "".join(";".join(row) + "\n" for row in rows)
    (tmp_path / "answers.csv").write_text(text, encoding="utf-8")
    result = run("suggest", "answers.csv", "--column", "answer", "-o", "coded.csv")
    assert result.exit_code == 0, result.stderr
    written = (tmp_path / "coded.csv").read_text(encoding="utf-8").splitlines()
    table = list(csv.reader(written, delimiter=";"))
    assert table[0] == ["id", "answer", "score", "kind", "confidence"]
    assert [row[:3] for row in table[1:]] == rows[1:]  # "4,5" stays one cell
    assert all(row[3] in KINDS for row in table[1:])


def test_an_excel_sep_line_picks_the_separator_and_is_kept_and_counted(run, tmp_path):
    # Excel's "sep=," line: the header has more ';' than ',' but the file says ','.
    text = f'sep=,\nid,answer;note\n1,{ENGLISH[0]}\n2,""\n'
    (tmp_path / "answers.csv").write_text(text, encoding="utf-8")
    result = run("suggest", "answers.csv", "--column", "answer;note", "-o", "coded.csv")
    assert result.exit_code == 1
    assert "answers.csv:4: empty statement" in result.stderr  # line numbers count the sep line
    written = (tmp_path / "coded.csv").read_text(encoding="utf-8").splitlines()
    assert written[0] == "sep=,"
    table = list(csv.reader(written[1:]))
    assert table[0] == ["id", "answer;note", "kind", "confidence"]
    assert table[1][:2] == ["1", ENGLISH[0]]


def _suggest_csv(run, tmp_path, text):
    """``jtbd suggest answers.csv --column answer`` into JSON lines: the result, the rows."""
    (tmp_path / "answers.csv").write_text(text, encoding="utf-8")
    result = run("suggest", "answers.csv", "--column", "answer", "-o", "coded.jsonl")
    assert result.exit_code == 0, result.stderr
    lines = (tmp_path / "coded.jsonl").read_text(encoding="utf-8").splitlines()
    return result, [json.loads(line) for line in lines]


def test_an_unquoted_comma_in_the_last_column_is_kept_in_the_statement_and_said(run, tmp_path):
    text = "id,answer\n1,I liked the bank sync, but the price was too high\n2,Fine\n"
    result, written = _suggest_csv(run, tmp_path, text)
    assert "answers.csv:2: a row with more cells than the header" in result.stderr
    assert "read as the rest of the statement" in result.stderr
    assert written[0]["answer"] == "I liked the bank sync, but the price was too high"


def test_a_row_spanning_lines_is_read_with_a_warning_naming_it(run, tmp_path):
    # Row 3 opens a quote and never closes it: the csv module reads on into row 4.
    text = f'id,answer\n1,Fine\n2,"{ENGLISH[0]}\n3,{ENGLISH[1]}\n4,{ENGLISH[3]}\n'
    result, written = _suggest_csv(run, tmp_path, text)
    assert "answers.csv:3: a row starting here spans several lines" in result.stderr
    assert "merged" in result.stderr
    assert [row["id"] for row in written] == ["1", "2"]
    assert ENGLISH[1] in written[1]["answer"]  # merged, and said so, not lost silently
