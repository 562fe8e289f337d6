"""Reading statement files row by row: every bad row is named, the good ones kept."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from jtbd.errors import UsageError
from jtbd.readers.statement_files import (
    StatementFileError,
    read_statements,
    statement_format,
    write_statements,
)


def _lines(table):
    return [row.line for row in table.rows], [(p.line, p.message) for p in table.problems]


def test_csv_line_numbers_follow_multiline_cells(tmp_path):
    path = tmp_path / "s.csv"
    path.write_text('id,text\n1,"first line\nsecond line"\n2,after\n', encoding="utf-8")
    table = read_statements(path)
    assert _lines(table) == ([2, 4], [])
    assert table.rows[0].text == "first line\nsecond line"


def test_csv_bom_ragged_rows_and_blank_rows(tmp_path):
    path = tmp_path / "s.csv"
    path.write_bytes("\ufeffid,text,extra\n1,short row\n,,\n2,full,x,surplus\n".encode())
    table = read_statements(path)
    assert table.columns == ["id", "text", "extra"]
    assert [row.fields for row in table.rows] == [
        {"id": "1", "text": "short row", "extra": ""},
        {"id": "2", "text": "full", "extra": "x"},
    ]


@pytest.mark.parametrize(
    ("cell", "message"),
    [
        (b"nul\x00byte", "binary data, not text"),
        (b"   ", "empty statement"),
        (b"word " * 1001, "statement too long (1,001 words; at most 1,000)"),
    ],
)
def test_csv_bad_cells(tmp_path, cell, message):
    path = tmp_path / "s.csv"
    path.write_bytes(b"id,text\n1,fine\n2," + cell + b"\n3,also fine\n")
    assert _lines(read_statements(path)) == ([2, 4], [(3, message)])


def test_csv_empty_file_and_missing_column(tmp_path):
    path = tmp_path / "s.csv"
    path.write_text("", encoding="utf-8")
    with pytest.raises(StatementFileError, match="no header row"):
        read_statements(path)
    path.write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(StatementFileError, match=r"s.csv:1: no column 'text' \(columns: a, b\)"):
        read_statements(path)


def test_jsonl_problems(tmp_path):
    path = tmp_path / "s.jsonl"
    lines = ['{"text": "ok"}', "", "[1, 2]", '{"text": 3}', "{broken", '{"text": "also ok"}']
    path.write_text("\n".join(lines), encoding="utf-8")
    table = read_statements(path)
    rows, problems = _lines(table)
    assert rows == [1, 6]
    assert [line for line, _ in problems] == [2, 3, 4, 5]
    assert problems[0][1].startswith("empty statement: a blank line")
    assert problems[3][1].startswith("not JSON")


def test_txt_skips_blank_lines_and_keeps_numbers(tmp_path):
    path = tmp_path / "s.txt"
    path.write_bytes(b"one\r\n\r\ntwo\n\x7f\x01\nthree")
    assert _lines(read_statements(path)) == ([1, 3, 5], [(4, "binary data, not text")])


def test_a_code_page_row_is_read_with_a_warning_naming_its_line(tmp_path):
    path = tmp_path / "s.csv"
    path.write_bytes("id,text\n1,d\u00e9j\u00e0 vu\n".encode() + b"2,caf\xe9 au lait\n")
    table = read_statements(path)
    assert [row.text for row in table.rows] == ["d\u00e9j\u00e0 vu", "caf\u00e9 au lait"]
    assert table.problems == []
    ((line, message),) = [(w.line, w.message) for w in table.warnings]
    # cp1252 or cp1250 (the detector's pick on so few bytes): both have this "é".
    assert line == 3 and "1 line not UTF-8, read as cp125" in message


def test_bytes_no_code_page_explains_are_not_utf8_not_binary(tmp_path):
    path = tmp_path / "s.csv"
    # A NUL anywhere and no guess is made: each row is judged on its own bytes.
    path.write_bytes(b"id,text\n1,fine\n2,caf\xe9\n3,nul\x00\n4,also fine\n")
    assert _lines(read_statements(path)) == (
        [2, 5],
        [(3, "not UTF-8 text (byte 0xe9): save the file as UTF-8"), (4, "binary data, not text")],
    )


def test_format_by_suffix():
    assert statement_format(Path("A.CSV")) == ".csv"
    with pytest.raises(UsageError):
        statement_format(Path("a.xlsx"))


def test_writers_keep_order_and_replace_old_fields(tmp_path):
    path = tmp_path / "s.jsonl"
    records = [{"text": "a", "kind": "old", "meta": {"x": 1}}, {"text": "b", "tags": [1]}]
    path.write_text("\n".join(json.dumps(r) for r in records), encoding="utf-8")
    table = read_statements(path)
    added = [{"kind": "push", "confidence": 0.5}, {"kind": "none", "confidence": 0.25}]
    jsonl = [json.loads(line) for line in write_statements(table, added, ".jsonl").splitlines()]
    assert jsonl[0] == {"text": "a", "kind": "push", "meta": {"x": 1}, "confidence": 0.5}
    assert write_statements(table, added, ".csv").splitlines() == [
        "text,meta,tags,kind,confidence",
        'a,"{""x"": 1}",,push,0.5',
        "b,,[1],none,0.25",
    ]
    assert write_statements(table, added, ".txt") == "push\t0.5\ta\nnone\t0.25\tb\n"


def test_csv_cell_over_the_csv_size_limit_is_one_bad_row(tmp_path):
    path = tmp_path / "s.csv"
    path.write_text('id,text\n1,fine\n2,"' + "x" * 200_000 + '"\n3,also fine\n')
    rows, problems = _lines(read_statements(path))
    assert rows == [2, 4]
    assert [line for line, _ in problems] == [3]
    assert problems[0][1].startswith("not CSV")
