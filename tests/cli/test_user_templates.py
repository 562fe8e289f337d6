"""A user's own template loads one way for reports and guides (``template_loader``)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

Run = Callable[..., Result]


@pytest.fixture
def ingested(run: Run, examples_dir: Path) -> Run:
    assert run("ingest", examples_dir, "-q").exit_code == 0
    return run


def test_report_template_named_like_the_bundled_one_includes_it(
    ingested: Run, tmp_path: Path
) -> None:
    # Known by its path, the user's report.md.j2 can include the bundled report.md.j2.
    mine = tmp_path / "report.md.j2"
    mine.write_text('{% include "report.md.j2" %}\nOUR FOOTER\n', encoding="utf-8")
    plain = ingested("report", "--format", "md")
    wrapped = ingested("report", "--template", mine)
    assert wrapped.exit_code == 0, wrapped.stderr
    assert wrapped.stdout == plain.stdout + "OUR FOOTER\n"


def test_guide_template_named_like_the_bundled_one_includes_it(run: Run, tmp_path: Path) -> None:
    mine = tmp_path / "guide.md.j2"
    mine.write_text('{% include "guide.md.j2" %}\nOUR FOOTER\n', encoding="utf-8")
    plain = run("new-guide", "-t", "churn")
    wrapped = run("new-guide", "-t", "churn", "--template", mine)
    assert wrapped.exit_code == 0, wrapped.stderr
    assert wrapped.stdout == plain.stdout + "OUR FOOTER\n"


@pytest.mark.parametrize("command", [("report",), ("new-guide",)])
def test_missing_template_is_the_same_message(
    ingested: Run, tmp_path: Path, command: tuple[str, ...]
) -> None:
    missing = tmp_path / "nope.md.j2"
    result = ingested(*command, "--template", missing)
    assert result.exit_code == 1
    assert result.stderr == f"error: cannot read template {missing}: no such file\n"


@pytest.mark.parametrize("command", [("report",), ("new-guide",)])
def test_undefined_variable_names_the_users_file(
    ingested: Run, tmp_path: Path, command: tuple[str, ...]
) -> None:
    # StrictUndefined in both: a typo fails loudly, naming the file as the user gave it.
    mine = tmp_path / "mine.md.j2"
    mine.write_text("{{ no_such_thing }}\n", encoding="utf-8")
    result = ingested(*command, "--template", mine)
    assert result.exit_code == 1
    assert result.stderr == f"error: {mine}: 'no_such_thing' is undefined\n"
