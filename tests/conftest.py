"""Shared fixtures: the bundled examples, bad-input fixture folders, and a CLI runner."""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner, Result

from jtbd.cli import app

REPO = Path(__file__).resolve().parent.parent
EXAMPLES = REPO / "examples" / "notes"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture
def examples_dir() -> Path:
    return EXAMPLES


@pytest.fixture
def bad_fixture(tmp_path: Path) -> Callable[[str], Path]:
    """Copy one bad-input fixture folder to tmp, so a test can never modify the original."""

    def copy(name: str) -> Path:
        target = tmp_path / name
        shutil.copytree(FIXTURES / "bad" / name, target)
        return target

    return copy


@pytest.fixture
def run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Callable[..., Result]:
    """Invoke the real CLI in tmp_path, with the workspace defaulting to tmp_path/.jtbd."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("JTBD_WORKSPACE", raising=False)
    runner = CliRunner()

    def invoke(*args: str | Path) -> Result:
        return runner.invoke(app, [str(arg) for arg in args])

    return invoke


def json_out(result: Result) -> Any:
    """Parse a command's stdout as JSON, with the output in the failure message."""
    assert result.stdout.strip(), f"no stdout; stderr: {result.stderr}"
    return json.loads(result.stdout)


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under folder with its bytes, to prove a command changed nothing."""
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


def fill_in_template(text: str) -> str:
    """What a note taker does with a notes template: replace each (placeholder) with what
    the participant said."""
    return re.sub(r"\([^()\n]*\)", "they said something specific about it", text)
