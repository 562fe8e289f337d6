"""``jtbd new-guide`` and ``jtbd lint-guide`` through the real CLI."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

from jtbd.guides.library import GuideLibrary
from jtbd.resources import guides_dir
from tests.conftest import fill_in_template

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "guides"
TYPES = GuideLibrary().types()

Run = Callable[..., Result]


# -- new-guide ---------------------------------------------------------------------------------


def test_default_is_the_switch_guide_in_english(run: Run) -> None:
    result = run("new-guide")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("---\nguide: switch\nlang: en\n")
    assert "# Switch interview\n" in result.stdout
    assert "## Consent and ethics" in result.stdout
    assert "Ask what they did, not what they would do." in result.stdout
    assert result.stderr == ""


def test_type_product_and_output_file(run: Run, tmp_path: Path) -> None:
    result = run("new-guide", "--type", "churn", "--product", "Acme", "-o", "guide.md")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    text = (tmp_path / "guide.md").read_text(encoding="utf-8")
    assert "# Churn interview: Acme" in text
    assert "What nearly kept you with Acme?" in text
    assert "wrote guide.md" in result.stderr


def test_output_is_not_overwritten_without_force(run: Run, tmp_path: Path) -> None:
    (tmp_path / "guide.md").write_text("my own notes\n")
    result = run("new-guide", "-o", "guide.md")
    assert result.exit_code == 2
    assert result.stderr == "error: guide.md exists; use --force to overwrite it\n"
    assert (tmp_path / "guide.md").read_text() == "my own notes\n"
    result = run("new-guide", "-o", "guide.md", "--force")
    assert result.exit_code == 0, result.stderr
    assert (tmp_path / "guide.md").read_text().startswith("---\nguide: switch\n")


def test_list(run: Run) -> None:
    result = run("new-guide", "--list")
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert [line.split()[0] for line in lines] == TYPES
    intercept = next(line for line in lines if line.startswith("intercept "))
    assert intercept.split()[1:4] == ["6", "min", "en,"]
    assert "A short on-site or in-store interview" in intercept


def _printed_minutes(text: str) -> int:
    """The length a rendered guide states in its frontmatter (``minutes: N``)."""
    match = re.search(r"^minutes: (\d+)$", text, re.MULTILINE)
    assert match, text[:300]
    return int(match.group(1))


@pytest.mark.parametrize("lang", ["en", "it"])
def test_list_shows_the_minutes_the_guide_prints(run: Run, lang: str) -> None:
    listed = run("new-guide", "--list", "--lang", lang)
    assert listed.exit_code == 0, listed.stderr
    minutes = {line.split()[0]: int(line.split()[1]) for line in listed.stdout.splitlines()}
    assert set(minutes) == set(TYPES)
    for guide_type, shown in minutes.items():
        guide = run("new-guide", "--type", guide_type, "--lang", lang)
        assert guide.exit_code == 0, guide.stderr
        printed = _printed_minutes(guide.stdout)
        assert shown == printed, guide_type
        assert f"about {printed} " in guide.stdout or f"circa {printed} " in guide.stdout


def test_list_ignores_a_declared_length_that_disagrees(run: Run, tmp_path: Path) -> None:
    # An older file may still say `minutes:`; the questions' sum is the one number shown.
    mine = tmp_path / "guides"
    mine.mkdir()
    text = (FIXTURES / "custom" / "onboarding.yaml").read_text(encoding="utf-8")
    (mine / "onboarding.yaml").write_text(text.replace("minutes: 6\n", "minutes: 40\n", 1))
    listed = run("new-guide", "--list", "--guides-dir", mine)
    line = next(line for line in listed.stdout.splitlines() if line.startswith("onboarding "))
    guide = run("new-guide", "--guides-dir", mine, "--type", "onboarding")
    assert line.split()[1] == "6" and _printed_minutes(guide.stdout) == 6


def test_list_includes_the_users_types(run: Run) -> None:
    result = run("new-guide", "--list", "--guides-dir", FIXTURES / "custom")
    assert result.exit_code == 0, result.stderr
    assert any(line.startswith("onboarding ") for line in result.stdout.splitlines())
    assert "The team's two-question intercept." in result.stdout


def test_italian(run: Run) -> None:
    result = run("new-guide", "--lang", "it", "--product", "Acme")
    assert result.exit_code == 0, result.stderr
    assert "lang: it\n" in result.stdout
    assert "## Consenso ed etica" in result.stdout
    assert "Quando hai iniziato a usare Acme?" in result.stdout


def test_unknown_language_lists_the_available_ones(run: Run) -> None:
    result = run("new-guide", "--type", "churn", "--lang", "de")
    assert result.exit_code == 2
    assert result.stderr == ("error: guide type 'churn' has no 'de' version; available: en, it\n")


def test_unknown_type(run: Run) -> None:
    result = run("new-guide", "--type", "nope")
    assert result.exit_code == 2
    assert result.stderr.startswith("error: unknown guide type 'nope'; available: b2b, churn,")


def test_minutes_drops_low_priority_questions_and_says_so(run: Run) -> None:
    result = run("new-guide", "--minutes", "20")
    assert result.exit_code == 0, result.stderr
    assert result.stderr.startswith("dropped ")
    assert "questions to fit 20 minutes" in result.stderr
    assert "anything-else (priority 3, 1 min): What else should I have asked you about?" in (
        result.stderr
    )
    assert "What else should I have asked you about?" not in result.stdout
    assert "*Dropped to fit 20 minutes:" in result.stdout
    assert "minutes: 20\n" in result.stdout


def test_minutes_too_small(run: Run) -> None:
    result = run("new-guide", "--type", "focus-group", "--minutes", "1")
    assert result.exit_code == 2
    assert "too short for any question" in result.stderr


def test_minutes_must_be_a_number(run: Run) -> None:
    result = run("new-guide", "--minutes", "ten")
    assert result.exit_code == 2


def test_guides_dir_adds_a_type(run: Run) -> None:
    result = run(
        "new-guide", "--guides-dir", FIXTURES / "custom", "-t", "onboarding", "--job", "plan"
    )
    assert result.exit_code == 0, result.stderr
    assert "# Onboarding interview" in result.stdout
    assert "Where did you get stuck while you tried to plan?" in result.stdout


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("wrong-minutes", "sections.2.questions.0.minutes: Input should be a valid integer"),
        ("unknown-key", "sections.0.questions.0.probs: Extra inputs are not permitted"),
        ("python-tag", "YAML tag !!python/object/apply:os.system is not allowed"),
    ],
)
def test_bad_guide_file_is_one_clear_line(run: Run, name: str, expected: str) -> None:
    result = run("new-guide", "--guides-dir", FIXTURES / "bad", "-t", name)
    assert result.exit_code == 1
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1
    assert lines[0].startswith(f"error: {FIXTURES / 'bad' / name}.yaml")
    assert expected in lines[0]


def test_guides_dir_must_be_a_folder(run: Run) -> None:
    result = run("new-guide", "--guides-dir", "nope")
    assert result.exit_code == 2
    assert result.stderr == "error: --guides-dir nope: not a folder\n"


def test_user_template(run: Run) -> None:
    result = run("new-guide", "-t", "intercept", "--template", FIXTURES / "custom-template.md.j2")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("INTERCEPT INTERVIEW (en)\n* What brought you here today?\n")


def test_broken_user_template(run: Run) -> None:
    result = run("new-guide", "--template", FIXTURES / "broken-template.md.j2")
    assert result.exit_code == 1
    assert result.stderr.startswith("error: ")
    assert "no_such_field" in result.stderr
    assert len(result.stderr.splitlines()) == 1


def test_notes_template(run: Run, tmp_path: Path) -> None:
    result = run(
        "new-guide", "--type", "switch", "--notes-template", "--product", "Acme", "-o", "n.md"
    )
    assert result.exit_code == 0, result.stderr
    text = (tmp_path / "n.md").read_text()
    assert text.startswith("---\nid:")
    assert 'switched_to: "Acme"' in text
    for heading in ("## Push", "## Pull", "## Anxiety", "## Inertia", "## Jobs", "## Timeline"):
        assert f"\n{heading}\n" in text


def test_notes_templates_ingest_with_zero_warnings(run: Run, tmp_path: Path) -> None:
    """The round trip through the real ``jtbd ingest``, for every type and language."""
    notes = tmp_path / "notes"
    for guide_type in TYPES:
        for lang in GuideLibrary().languages(guide_type):
            output = notes / f"{guide_type}.{lang}.md"
            options = ("-t", guide_type, "--lang", lang, "--product", "Acme", "-o", output)
            result = run("new-guide", "--notes-template", *options)
            assert result.exit_code == 0, result.stderr
            output.write_text(fill_in_template(output.read_text()), encoding="utf-8")
    result = run("ingest", notes, "--workspace", tmp_path / "ws", "--json")
    assert result.exit_code == 0, result.stdout + result.stderr
    summary = json.loads(result.stdout)
    assert summary["warnings"] == []
    assert summary["errors"] == []
    assert len(summary["added"]) == sum(len(GuideLibrary().languages(t)) for t in TYPES)


def test_unfilled_notes_template_warns_once_and_adds_no_forces(run: Run, tmp_path: Path) -> None:
    notes = tmp_path / "notes"
    run("new-guide", "--notes-template", "-o", notes / "p01.md")
    result = run("ingest", notes, "--workspace", tmp_path / "ws", "--json")
    assert result.exit_code == 0  # warnings only
    summary = json.loads(result.stdout)
    assert summary["forces"] == {"push": 0, "pull": 0, "anxiety": 0, "inertia": 0}
    (warning,) = [w for w in summary["warnings"] if "placeholder" in w["message"]]
    assert warning["line"] and warning["message"].startswith("15 unfilled template placeholders")


# -- lint-guide --------------------------------------------------------------------------------


def test_lint_reports_file_line_rule_message(run: Run) -> None:
    path = FIXTURES / "markdown" / "bad-guide.md"
    result = run("lint-guide", path)
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert lines[0] == (
        f"{path}:7: hypothetical: asks what they would do, not what they did; "
        "ask about a real past event"
    )
    assert [line.split(": ")[1] for line in lines] == [
        "hypothetical",
        "closed",
        "leading",
        "closed",
        "closed",
        "double-barrelled",
        "closed",
        "future",
        "closed",
        "leading",
    ]
    assert result.stderr == "10 problems in 1 file\n"


def test_lint_json(run: Run) -> None:
    path = FIXTURES / "markdown" / "domande.it.md"
    result = run("lint-guide", path, "--format", "json")
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert [(item["line"], item["rule"]) for item in data] == [(3, "hypothetical"), (4, "closed")]
    assert set(data[0]) == {"file", "line", "rule", "message", "question"}
    assert result.stderr == ""


def test_lint_clean_guide_exits_zero(run: Run) -> None:
    result = run("lint-guide", FIXTURES / "markdown" / "good-guide.md")
    assert result.exit_code == 0
    assert result.stdout == ""
    assert result.stderr == "no problems in 1 file\n"


def test_lint_clean_json_is_an_empty_list(run: Run) -> None:
    result = run("lint-guide", FIXTURES / "markdown" / "good-guide.md", "--format", "json")
    assert result.exit_code == 0
    assert json.loads(result.stdout) == []


def test_lint_every_bundled_and_rendered_guide(run: Run, tmp_path: Path) -> None:
    library = GuideLibrary()
    paths: list[Path] = []
    for guide_type in TYPES:
        for lang in library.languages(guide_type):
            paths.append(library.path(guide_type, lang))
            output = tmp_path / f"{guide_type}.{lang}.md"
            assert run("new-guide", "-t", guide_type, "--lang", lang, "-o", output).exit_code == 0
            paths.append(output)
    result = run("lint-guide", *paths)
    assert result.exit_code == 0, result.stdout
    assert result.stderr == f"no problems in {len(paths)} files\n"


def _lint_dir(tmp_path: Path, name: str, message: str) -> Path:
    """A --guides-dir holding a copy of the English rules under ``name``, one message changed."""
    folder = tmp_path / "my-guides"
    folder.mkdir(exist_ok=True)
    rules = (guides_dir() / "_lint.yaml").read_text(encoding="utf-8")
    old = "asks what they would do, not what they did; ask about a real past event"
    assert old in rules
    (folder / name).write_text(rules.replace(old, message), encoding="utf-8")
    return folder


def test_lint_guides_dir_rules_replace_the_bundled_ones(run: Run, tmp_path: Path) -> None:
    folder = _lint_dir(tmp_path, "_lint.yaml", "our team asks for a real event instead")
    guide = tmp_path / "g.md"
    guide.write_text("- What would you do with a faster tool?\n", encoding="utf-8")
    bundled = run("lint-guide", guide)
    assert "hypothetical: asks what they would do" in bundled.stdout
    mine = run("lint-guide", "--guides-dir", folder, guide)
    assert mine.exit_code == 1
    assert mine.stdout == f"{guide}:1: hypothetical: our team asks for a real event instead\n"


def test_lint_guides_dir_adds_a_language(run: Run, tmp_path: Path) -> None:
    folder = _lint_dir(tmp_path, "_lint.fr.yaml", "une question hypothétique")
    guide = tmp_path / "g.fr.md"  # the language from the file name
    guide.write_text("- What would you do with a faster tool?\n", encoding="utf-8")
    without = run("lint-guide", guide)
    assert without.exit_code == 2
    assert "no lint rules for language 'fr'; available: en, it" in without.stderr
    result = run("lint-guide", "--guides-dir", folder, guide)
    assert result.stdout == f"{guide}:1: hypothetical: une question hypothétique\n"


def test_lint_guides_dir_must_be_a_folder(run: Run) -> None:
    result = run("lint-guide", "--guides-dir", "nope", FIXTURES / "markdown" / "good-guide.md")
    assert result.exit_code == 2
    assert result.stderr == "error: --guides-dir nope: not a folder\n"


# -- help text -----------------------------------------------------------------------------------


@pytest.mark.parametrize("command", ["new-guide", "lint-guide"])
def test_help_fits_80_columns_without_breaking_a_sentence(command: str) -> None:
    env = {**os.environ, "COLUMNS": "80", "TERMINAL_WIDTH": "80", "NO_COLOR": "1"}
    code = "from jtbd.cli import main; main()"
    out = subprocess.run(
        [sys.executable, "-c", code, command, "--help"],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    ).stdout
    lines = [line.rstrip() for line in out.splitlines()]
    start = next(index for index, line in enumerate(lines) if "Usage:" in line)
    assert "{" not in lines[start] and "}" not in lines[start], lines[start]
    # The description: a paragraph ends a sentence, and a line breaks early only there
    # (wrapped at the width, never at a line break of the source).
    end = next(index for index, line in enumerate(lines) if line in ("Arguments:", "Options:"))
    description = lines[start + 1 : end]
    for line, after in zip(description, description[1:] + [""], strict=True):
        if line.strip() and not after.strip():
            assert line.endswith((".", ":")), description
        elif line.strip():
            assert len(line) >= 60, description
    # Each option's help fits its row: no row continues on the next line.
    rows = lines[lines.index("Options:") + 1 :]
    assert rows and all(len(line) <= 80 for line in lines)
    for row in filter(None, rows):
        assert row.lstrip().startswith("-"), f"wrapped help line: {row!r}"


def test_lint_format_choices_are_shown_together() -> None:
    env = {**os.environ, "COLUMNS": "80", "NO_COLOR": "1"}
    out = subprocess.run(
        [sys.executable, "-c", "from jtbd.cli import main; main()", "lint-guide", "--help"],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    ).stdout
    assert "<text|json>" in out


def test_lint_bad_format_is_a_usage_error(run: Run) -> None:
    result = run("lint-guide", FIXTURES / "markdown" / "good-guide.md", "--format", "xml")
    assert result.exit_code == 2
    assert result.stderr == "error: unknown --format 'xml'; use one of: text, json\n"


def test_lint_unknown_language(run: Run) -> None:
    result = run("lint-guide", FIXTURES / "markdown" / "good-guide.md", "--lang", "xx")
    assert result.exit_code == 2
    assert "no lint rules for language 'xx'; available: en, it" in result.stderr


def test_lint_missing_file(run: Run) -> None:
    result = run("lint-guide", "nope.md")
    assert result.exit_code == 2
    assert result.stderr == "error: nope.md: no such file\n"


def test_lint_malformed_yaml_guide(run: Run) -> None:
    result = run("lint-guide", FIXTURES / "bad" / "unknown-key.yaml")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert "unknown-key.yaml: sections.0.questions.0.probs: Extra inputs" in result.stderr


def test_cli_does_not_import_the_guide_library_at_start_up() -> None:
    code = (
        "import sys, jtbd.cli; "
        "assert not [m for m in sys.modules if m.startswith('jtbd.guides')], sys.modules"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
