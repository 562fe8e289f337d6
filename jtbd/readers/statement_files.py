"""Statement files for ``jtbd suggest FILE``: rows of text in, the same rows plus a force out.

Three formats: ``.csv`` (the statement in a named column), ``.jsonl`` (one object per
line with a ``text`` key) and ``.txt`` (one statement per line). Reading never stops at
a bad row: each row is either readable text or a problem naming its line, so the caller
can write every good row and report every bad one.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jtbd.errors import NoteError, UsageError
from jtbd.export import spreadsheet_safe
from jtbd.readers.base import Problem
from jtbd.readers.text import decode_text

FORMATS = (".csv", ".jsonl", ".txt")
DEFAULT_COLUMN = "text"
# A statement is a sentence or a paragraph; anything longer is a whole document pasted
# into one cell (or a file that is not statements at all), which the model cannot score.
MAX_WORDS = 1000
MAX_CHARS = 20_000
# Control characters other than tab and newlines mean binary data, not text.
_BINARY = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# The lone surrogates ``surrogateescape`` leaves for bytes that are not UTF-8 (and that
# no code page explained, see read_statements).
_NOT_UTF8 = re.compile(r"[\udc80-\udcff]")


class StatementFileError(NoteError):
    """A statement file, or one row of it, that cannot be read; names the file and line."""


@dataclass(frozen=True)
class StatementRow:
    """One readable row: its line in the file, its fields as read, and the statement."""

    line: int
    fields: dict[str, Any]
    text: str


@dataclass
class StatementTable:
    """Every readable row of a file in order, the problems of the others, and the layout."""

    path: Path
    format: str
    text_key: str
    columns: list[str]
    rows: list[StatementRow] = field(default_factory=list)
    delimiter: str = ","
    """The CSV separator the file uses (Excel writes ``;`` where the decimal mark is a comma)."""
    separator_line: bool = False
    """The file opens with Excel's ``sep=;`` line, kept when the table is written back."""
    problems: list[StatementFileError] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    """What was read but the user should know (a file not in UTF-8, read in a code page)."""


def statement_format(path: Path) -> str:
    """The format of a statement file by its suffix (``.csv``, ``.jsonl`` or ``.txt``)."""
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        raise UsageError(f"{path}: unknown statement file type (use {', '.join(FORMATS)})")
    return suffix


def read_statements(path: Path, column: str | None = None) -> StatementTable:
    """Read every row of a statement file; ``column`` names the CSV column of the text.

    Raises :class:`StatementFileError` only when the file as a whole can't be read (missing,
    a CSV without the column); a bad row becomes one entry of ``problems``.
    """
    kind = statement_format(path)
    try:
        data = path.read_bytes()
    except OSError as error:
        raise StatementFileError(path, f"cannot read: {error.strerror}") from None
    text, warning = _decode(data, path)
    if kind == ".csv":
        table = _read_csv(path, text, column or DEFAULT_COLUMN)
    elif kind == ".jsonl":
        table = _read_jsonl(path, text)
    else:
        table = _read_txt(path, text)
    if warning is not None:
        table.warnings.append(warning)
    return table


def _decode(data: bytes, path: Path) -> tuple[str, Problem | None]:
    """The file's text, decoded as notes are: UTF-8, UTF-16 with a BOM, or a code page.

    Survey exports from Excel are often cp1252, wholly or in the rows pasted in, and those
    are read with a warning naming the code page. When nothing explains the bytes (or the
    file holds NULs), ``surrogateescape`` reads on and each such row is its own problem.
    """
    try:
        text, warning = decode_text(data, str(path))
    except NoteError:
        text, warning = data.decode("utf-8", errors="surrogateescape"), None
    return text.removeprefix("\ufeff"), warning


def _problem(text: str) -> str | None:
    """Why a statement can't be scored, or None when it can."""
    if _BINARY.search(text):
        return "binary data, not text"
    undecoded = _NOT_UTF8.search(text)
    if undecoded is not None:
        byte = ord(undecoded.group()) - 0xDC00
        return f"not UTF-8 text (byte 0x{byte:02x}): save the file as UTF-8"
    if not text.strip():
        return "empty statement"
    words = len(text.split())
    if words > MAX_WORDS or len(text) > MAX_CHARS:
        return f"statement too long ({words:,} words; at most {MAX_WORDS:,})"
    return None


def _add(table: StatementTable, line: int, fields: dict[str, Any], text: str) -> None:
    problem = _problem(text)
    if problem:
        table.problems.append(StatementFileError(table.path, problem, line=line))
    else:
        table.rows.append(StatementRow(line, fields, text.strip()))


def _read_txt(path: Path, text: str) -> StatementTable:
    table = StatementTable(path, ".txt", DEFAULT_COLUMN, [DEFAULT_COLUMN])
    for number, line in enumerate(text.splitlines(), start=1):
        # Blank lines separate statements in hand-written files; they are not statements.
        if line.strip():
            _add(table, number, {DEFAULT_COLUMN: line}, line)
    return table


def _read_jsonl(path: Path, text: str) -> StatementTable:
    table = StatementTable(path, ".jsonl", DEFAULT_COLUMN, [])
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            # Every line of JSON Lines is an object: a blank one is a statement lost.
            message = "empty statement: a blank line (JSON Lines needs an object per line)"
            table.problems.append(StatementFileError(path, message, line=number))
            continue
        try:
            record = json.loads(line)
        except (json.JSONDecodeError, UnicodeEncodeError) as error:
            message = getattr(error, "msg", "not UTF-8")
            table.problems.append(StatementFileError(path, f"not JSON: {message}", line=number))
            continue
        if not isinstance(record, dict) or not isinstance(record.get(DEFAULT_COLUMN), str):
            message = 'expected an object with a "text" string'
            table.problems.append(StatementFileError(path, message, line=number))
            continue
        table.columns.extend(key for key in record if key not in table.columns)
        _add(table, number, record, record[DEFAULT_COLUMN])
    return table


def _read_csv(path: Path, text: str, column: str) -> StatementTable:
    hinted = _separator_line(text)
    skipped = 1 if hinted else 0  # lines before the header
    if hinted:
        text = text.split("\n", 1)[1] if "\n" in text else ""
    delimiter = hinted or _delimiter(text)
    # The csv module of Python 3.10 refuses NUL; another control character still flags it.
    reader = csv.reader(io.StringIO(text.replace("\x00", "\x01"), newline=""), delimiter=delimiter)
    header = next(reader, None)
    if header is None:
        raise StatementFileError(path, "empty file: no header row")
    if column not in header:
        found = ", ".join(header) or "none"
        raise StatementFileError(path, f"no column {column!r} (columns: {found})", line=1 + skipped)
    table = StatementTable(
        path, ".csv", column, list(header), delimiter=delimiter, separator_line=bool(hinted)
    )
    index = header.index(column)
    start = reader.line_num + 1
    spanning: list[int] = []
    overflow: list[int] = []  # rows with more cells than the header
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error as error:  # a cell over the csv module's size limit
            message = f"not CSV: {error}"
            table.problems.append(StatementFileError(path, message, line=start + skipped))
        else:
            line = start + skipped  # in the file, counting a "sep=" line
            if reader.line_num > start:
                spanning.append(line)
            if any(cell.strip() for cell in cells):
                if len(cells) > len(header):
                    overflow.append(line)
                fields, statement = _row(header, cells, index, delimiter)
                _add(table, line, fields, statement)
        start = reader.line_num + 1
    if spanning:
        table.warnings.append(_spanning_warning(path, spanning))
    if overflow:
        table.warnings.append(_overflow_warning(path, overflow, index == len(header) - 1))
    return table


def _row(
    header: list[str], cells: list[str], index: int, delimiter: str
) -> tuple[dict[str, str], str]:
    """A row's fields by column name, and its statement. Cells past the header when the
    statement is the last column are the rest of it, cut at a separator left unquoted."""
    if len(cells) > len(header) and index == len(header) - 1:
        cells = cells[:index] + [delimiter.join(cells[index:])]
    padded = cells + [""] * (len(header) - len(cells))
    return dict(zip(header, padded, strict=False)), padded[index]


def _overflow_warning(path: Path, lines: list[int], joined: bool) -> Problem:
    """One warning for the rows with more cells than the header has columns."""
    others = _more_rows(lines)
    what = (
        "the cells past the header were read as the rest of the statement"
        if joined
        else "the cells past the header are left out"
    )
    message = f"a row with more cells than the header{others} (a separator not in quotes?): {what}"
    return Problem(str(path), message, lines[0])


def _separator_line(text: str) -> str | None:
    """The separator named by a first line such as ``sep=;``, which Excel writes and reads
    so that a file opens in columns whatever the machine's list separator."""
    first = text.split("\n", 1)[0].strip().strip('"')
    if len(first) == 5 and first.lower().startswith("sep="):
        return first[4]
    return None


def _delimiter(text: str) -> str:
    """The separator of the header line: ``,``, or ``;`` or a tab when the header has more
    of those (Excel in France and Italy saves "CSV" with ``;``)."""
    header = text.split("\n", 1)[0]
    counts = {sep: header.count(sep) for sep in (",", ";", "\t")}
    best = max(counts, key=lambda sep: (counts[sep], sep == ","))
    return best if counts[best] else ","


def _spanning_warning(path: Path, lines: list[int]) -> Problem:
    """One warning for the rows whose quoted cells hold line breaks: usually an answer
    written on several lines, but a quote left open merges the rows after it silently."""
    message = (
        f"a row starting here spans several lines{_more_rows(lines)}: read as one statement "
        "with line breaks; if a quote was left open there, the rows after it were merged into it"
    )
    return Problem(str(path), message, lines[0])


def _more_rows(lines: list[int]) -> str:
    """ " (and 3 more rows)" after a warning given at the first of ``lines`` only."""
    return f" (and {len(lines) - 1} more rows)" if len(lines) > 1 else ""


def write_statements(
    table: StatementTable, added: Sequence[dict[str, Any]], output_format: str
) -> str:
    """The readable rows of ``table`` with the ``added`` fields of each, in one format.

    ``added`` has one mapping per row of ``table.rows`` (for the suggester: ``kind`` and
    ``confidence``); the new fields come last and replace input fields of the same name.
    """
    records = [{**row.fields, **extra} for row, extra in zip(table.rows, added, strict=True)]
    new_keys = list(added[0]) if added else []
    if output_format == ".jsonl":
        return "".join(json.dumps(record, ensure_ascii=False) + "\n" for record in records)
    if output_format == ".txt":
        return "".join(
            _txt_line(row.text, extra) for row, extra in zip(table.rows, added, strict=True)
        )
    columns = [name for name in table.columns or [table.text_key] if name not in new_keys]
    out = io.StringIO()
    # The input's separator, so the file opens in the spreadsheet that wrote it.
    if table.separator_line:
        out.write(f"sep={table.delimiter}\n")
    writer = csv.writer(out, lineterminator="\n", delimiter=table.delimiter)
    writer.writerow(columns + new_keys)
    for record in records:
        writer.writerow([_csv_cell(record.get(name, "")) for name in columns + new_keys])
    return out.getvalue()


def _txt_line(text: str, extra: dict[str, Any]) -> str:
    # Added fields first, tab-separated: columns line up and the statement keeps its spaces.
    values = [_cell(value) for value in extra.values()]
    return "\t".join([*values, " ".join(text.split())]) + "\n"


def _csv_cell(value: Any) -> str:
    # Text goes in as `jtbd export` writes it, so a spreadsheet never runs "=HYPERLINK(..)"
    # from a survey answer; a JSON number or list cannot start a formula.
    return spreadsheet_safe(value) if isinstance(value, str) else _cell(value)


def _cell(value: Any) -> str:
    """A CSV cell for any JSON value: strings as they are, the rest as JSON."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False)
