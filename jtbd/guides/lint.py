"""``jtbd lint-guide``: find the questions of a guide and check them against the rules.

Two kinds of file are understood:

- YAML guide files (``.yaml``/``.yml``, the format of the bundled guides): every
  question ``text`` and every probe is checked, with its line in the file. Shared files
  (``_common.yaml``, ``_lint.yaml``...) hold no questions and are skipped.
- Markdown (anything else). A question is a list item or a line ending in ``?``, or a
  list item opening with an interview prompt ("Tell me about...", "Walk me through...").
  Headings, blockquotes (interviewer notes), tables, code and the frontmatter are not
  questions. A list item's wrapped lines belong to it.

The language of the rules: ``lang`` when given; for Markdown the frontmatter ``lang:``,
then a ``.<lang>.md`` file name; for YAML the file name (``churn.it.yaml``); else English.
The rules come from the guide library, so a ``_lint[.<lang>].yaml`` in ``--guides-dir``
replaces the bundled one. Markdown syntax is read by ``jtbd.guides.markdown.scan_guide``.
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass
from pathlib import Path

import yaml

from jtbd.errors import GuideError, UsageError
from jtbd.guides.files import DEFAULT_LANG, parse_guide, parse_yaml, split_name
from jtbd.guides.library import GuideLibrary
from jtbd.guides.lint_rules import RuleSet, check_question, is_question, load_rules
from jtbd.guides.markdown import scan_guide
from jtbd.safe_yaml import SafeLoader

FORMATS = ("text", "json")

_LANG_LINE = re.compile(r"^lang\s*:\s*['\"]?([A-Za-z]{2,3})['\"]?\s*(#.*)?$")


@dataclass(frozen=True)
class QuestionText:
    """A question found in a guide file, with the line it starts on."""

    line: int
    text: str


@dataclass(frozen=True)
class LintProblem:
    """A rule a question breaks, where it is."""

    file: str
    line: int
    rule: str
    message: str
    question: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.rule}: {self.message}"


def lint_file(
    path: Path, lang: str | None = None, library: GuideLibrary | None = None
) -> list[LintProblem]:
    """Check every question of a Markdown or YAML guide; problems sorted by line.

    ``library`` is where the rules come from (the user's ``--guides-dir`` first); the
    bundled rules without it.
    """
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise UsageError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise UsageError(f"{path}: is a folder, not a guide file") from None
    except OSError as error:
        raise GuideError(f"{path}: cannot read: {error.strerror}") from None
    except UnicodeDecodeError as error:
        raise GuideError(f"{path}: not UTF-8 text (byte {error.start})") from None
    if path.suffix.lower() in (".yaml", ".yml"):
        if path.name.startswith("_"):
            return []  # shared text and phrase lists beside the guides: no questions
        rules = load_rules(lang or (split_name(path) or ("", DEFAULT_LANG))[1], library)
        questions = yaml_questions(text, path)
    else:
        rules = load_rules(lang or markdown_language(text, path), library)
        questions = markdown_questions(text, rules)
    return lint_questions(questions, rules, str(path))


def lint_questions(questions: list[QuestionText], rules: RuleSet, file: str) -> list[LintProblem]:
    """Check questions against the rules of a language."""
    problems = [
        LintProblem(file, question.line, finding.rule, finding.message, question.text)
        for question in questions
        for finding in check_question(question.text, rules)
    ]
    return sorted(problems, key=lambda problem: problem.line)


def markdown_language(text: str, path: Path) -> str:
    """The language of a Markdown guide: frontmatter ``lang:``, then ``name.it.md``."""
    for line in scan_guide(text).frontmatter:
        match = _LANG_LINE.match(line.strip())
        if match:
            return match.group(1).lower()
    suffixes = path.suffixes
    if len(suffixes) >= 2 and re.fullmatch(r"\.[a-z]{2,3}", suffixes[-2]):
        return suffixes[-2][1:]
    return DEFAULT_LANG


def markdown_questions(text: str, rules: RuleSet) -> list[QuestionText]:
    """The questions of a Markdown guide, each with the line it starts on."""
    units: list[tuple[int, str, bool]] = []  # (line, text, is a list item)
    item: tuple[int, list[str]] | None = None  # the open list item: its line and parts
    for line in scan_guide(text).lines:
        if line.kind == "text" and item is not None:
            item[1].append(line.text)  # a wrapped line of the open list item
            continue
        if item is not None:
            units.append((item[0], " ".join(item[1]), True))
            item = None
        if line.kind == "item":
            item = (line.number, [line.text])
        elif line.kind == "text":
            units.append((line.number, line.text, False))
    if item is not None:
        units.append((item[0], " ".join(item[1]), True))
    return [
        QuestionText(line, text.strip())
        for line, text, listed in units
        if text.strip() and (_ends_with_question(text) or (listed and is_question(text, rules)))
    ]


def _ends_with_question(text: str) -> bool:
    return text.rstrip(" *_`\"'\u201d\u00bb)").endswith("?")


def yaml_questions(text: str, path: Path) -> list[QuestionText]:
    """Every question text and probe of a YAML guide file, with its line.

    The file is validated as a guide first, so a malformed one gets a GuideError.
    """
    parse_guide(parse_yaml(text, path), path)
    root = yaml.compose(text, Loader=SafeLoader)
    found = []
    for section in _items(_value(root, "sections")):
        for question in _items(_value(section, "questions")):
            text_node = _value(question, "text")
            if isinstance(text_node, yaml.ScalarNode):
                found.append(QuestionText(text_node.start_mark.line + 1, text_node.value))
            for probe in _items(_value(question, "probes")):
                if isinstance(probe, yaml.ScalarNode):
                    found.append(QuestionText(probe.start_mark.line + 1, probe.value))
    return found


def _value(node: yaml.Node | None, key: str) -> yaml.Node | None:
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            if key_node.value == key:
                return value_node
    return None


def _items(node: yaml.Node | None) -> list[yaml.Node]:
    return list(node.value) if isinstance(node, yaml.SequenceNode) else []


def format_problems(problems: list[LintProblem], output_format: str = "text") -> str:
    """The problems as ``file:line: rule: message`` lines, or as a JSON list."""
    if output_format == "json":
        return json.dumps([asdict(p) for p in problems], indent=2, ensure_ascii=False) + "\n"
    if output_format == "text":
        return "".join(f"{problem}\n" for problem in problems)
    raise UsageError(f"unknown --format {output_format!r}; use one of: {', '.join(FORMATS)}")
