"""lint-guide: each rule on bad questions, silence on good ones, in every language."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from jtbd.errors import GuideError, UsageError
from jtbd.guides.library import GuideLibrary
from jtbd.guides.lint import (
    format_problems,
    lint_file,
    markdown_language,
    markdown_questions,
    yaml_questions,
)
from jtbd.guides.lint_rules import RULE_IDS, check_question, lint_languages, load_rules
from jtbd.guides.markdown import scan_guide
from jtbd.guides.render import render_guide
from jtbd.resources import guides_dir

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "guides"
LIBRARY = GuideLibrary()
BUNDLED = [(t, lang) for t in LIBRARY.types() for lang in LIBRARY.languages(t)]
BUNDLED_IDS = [f"{t}-{lang}" for t, lang in BUNDLED]

BAD_QUESTIONS = {
    "en": {
        "hypothetical": [
            "Would you use a tool that did this?",
            "If we built a mobile app, how often would you open it?",
            "Imagine you had an unlimited budget: what do you buy first?",
            "What if the price doubled?",
            "What would have happened if you had not switched?",
        ],
        "leading": [
            "Don't you think the old tool was slow?",
            "How much do you love the new dashboard?",
            "It was slow, wasn't it?",
            "How easy was it to set up?",
            "Most people say the reports are the best part; what do you think?",
            "You must have been relieved, right?",
        ],
        "closed": [
            "Did you compare prices?",
            "Is the new tool better than the old one?",
            "Have you tried other apps?",
            "Was the price a problem?",
            "Anything else you tried?",
            "Thanks. Do you remember the date?",
        ],
        "double-barrelled": [
            "How did you find it and what did you pay?",
            "What did you use? Why did you stop?",
            "Who decided, and did they agree?",
            "Where were you when you decided, and who was with you?",
        ],
        "future": [
            "Will you keep using it next year?",
            "What are you going to do about it?",
            "How do you plan to use the reports?",
            "What features do you expect to need in the future?",
            "What will you change first?",
        ],
    },
    "it": {
        "hypothetical": [
            "Useresti uno strumento che fa questo?",
            "Se costruissimo un'app, quante volte la apriresti?",
            "Se ci fosse un'app, cosa cambieresti?",
            "Immagina di avere un budget illimitato: cosa compri per primo?",
            "Quanto saresti disposto a pagare?",
        ],
        "leading": [
            "Non pensi che il vecchio strumento fosse lento?",
            "Quanto ti piace la nuova dashboard?",
            "Era lento, vero?",
            "Quanto è stato facile configurarlo?",
            "Sicuramente ti ha fatto risparmiare tempo: quanto?",
        ],
        "closed": [
            "Hai confrontato i prezzi?",
            "È meglio il nuovo strumento?",
            "Ti è piaciuto?",
            "C'era qualcosa che non funzionava?",
            "Ti ricordi quando hai iniziato?",
            "Qualcosa ti ha frenato?",
            "Avete provato altre app?",
        ],
        "double-barrelled": [
            "Cosa hai provato e come è andata?",
            "Cosa hai usato? Perché hai smesso?",
            "Dove eri e chi c'era con te?",
            "Quale strumento usavi oppure quale foglio di calcolo?",
        ],
        "future": [
            "Continuerai a usarlo il prossimo anno?",
            "Cosa farai adesso?",
            "Pensi di continuare a usarlo?",
            "Quali funzioni userete in futuro?",
            "Hai intenzione di cambiare fornitore?",
        ],
    },
}

GOOD_QUESTIONS = {
    "en": [
        "Can you tell me about the last time you did that?",
        "Could you walk me through the day you decided?",
        "Walk me through the day you decided.",
        "Take me back to the first time you felt the old way was not working.",
        "What happened between then and when you decided?",
        "Why didn't you switch earlier?",
        "What did you expect it to do?",
        "How clearly did they explain the price?",
        "What were you going to do instead?",
        "Tell me about how they decided.",
        "Who else was involved?",
        "What else did you consider?",
        "How did the price compare with what you paid before?",
        "Why then, rather than a month earlier?",
        "What did you stop spending money or time on to make room for it?",
        "Since you started using it, what new things have you started wanting to do?",
        "What nearly stopped you from switching?",
    ],
    "it": [
        "Puoi raccontarmi dell'ultima volta che l'hai fatto?",
        "Potresti descrivermi il giorno in cui hai deciso?",
        "Raccontami del giorno in cui hai deciso.",
        "Perché non hai cambiato prima?",
        "Cosa ti aspettavi che facesse?",
        "Chi altro era coinvolto?",
        "Cos'altro hai preso in considerazione?",
        "Com'è andata la prima volta?",
        "Cosa pensi di questo prodotto?",
        "Dove eri in quel momento?",
        "Perché proprio allora, e non un mese prima?",
        "Quanto hai pagato?",
        "Cosa è cambiato nel tuo lavoro in quel periodo?",
        "Qual è stata la cosa più difficile?",
        "Con chi altro dovremmo parlarne?",
        "Cosa ti ha quasi fermato dal cambiare?",
    ],
}


def _cases() -> list[tuple[str, str, str]]:
    return [
        (lang, rule, question)
        for lang, rules in BAD_QUESTIONS.items()
        for rule, questions in rules.items()
        for question in questions
    ]


def test_every_rule_has_bad_examples_in_every_language() -> None:
    for lang in lint_languages():
        assert set(BAD_QUESTIONS[lang]) == set(RULE_IDS)


@pytest.mark.parametrize(("lang", "rule", "question"), _cases())
def test_rule_flags_bad_question(lang: str, rule: str, question: str) -> None:
    found = {finding.rule for finding in check_question(question, load_rules(lang))}
    assert rule in found, f"{rule} not raised on {question!r} ({lang}); got {found}"


@pytest.mark.parametrize(
    ("lang", "question"),
    [(lang, question) for lang, questions in GOOD_QUESTIONS.items() for question in questions],
)
def test_good_question_raises_nothing(lang: str, question: str) -> None:
    assert check_question(question, load_rules(lang)) == []


def test_curly_apostrophes_and_markup_are_read_through() -> None:
    rules = load_rules("en")
    assert {f.rule for f in check_question("**Don\u2019t you think** it was slow?", rules)} >= {
        "leading"
    }
    assert check_question("*(optional)* What else should I have asked you about?", rules) == []


# -- every bundled guide passes, in every language --------------------------------------------


def test_lint_rules_exist_for_every_bundled_language() -> None:
    shipped = {lang for _, lang in BUNDLED}
    assert shipped <= set(lint_languages())


@pytest.mark.parametrize(("guide_type", "lang"), BUNDLED, ids=BUNDLED_IDS)
def test_bundled_yaml_guide_is_clean(guide_type: str, lang: str) -> None:
    path = LIBRARY.path(guide_type, lang)
    assert [str(problem) for problem in lint_file(path)] == []


@pytest.mark.parametrize(("guide_type", "lang"), BUNDLED, ids=BUNDLED_IDS)
@pytest.mark.parametrize(
    "options",
    [{}, {"product": "Acme", "job": "file expenses"}, {"minutes": 12}],
    ids=["defaults", "product-job", "minutes"],
)
def test_rendered_guide_is_clean(
    guide_type: str, lang: str, options: dict[str, Any], tmp_path: Path
) -> None:
    rendered = render_guide(LIBRARY.load(guide_type, lang), **options)
    path = tmp_path / "guide.md"
    path.write_text(rendered.text, encoding="utf-8")
    assert [str(problem) for problem in lint_file(path)] == []
    # and the linter really saw every question and probe the guide holds
    dropped = {q.id for q in rendered.fit.dropped} if rendered.fit is not None else set()
    kept = [q for q in LIBRARY.load(guide_type, lang).guide.questions if q.id not in dropped]
    found = markdown_questions(rendered.text, load_rules(lang))
    assert len(found) == sum(1 + len(q.probes) for q in kept)


# -- Markdown guides ---------------------------------------------------------------------------


def test_markdown_guide_problems_with_lines() -> None:
    path = FIXTURES / "markdown" / "bad-guide.md"
    found = [(p.line, p.rule) for p in lint_file(path)]
    assert found == [
        (7, "hypothetical"),
        (7, "closed"),
        (8, "leading"),
        (8, "closed"),
        (9, "closed"),
        (10, "double-barrelled"),
        (11, "closed"),
        (11, "future"),
        (21, "closed"),
        (22, "leading"),
    ]


def test_markdown_question_detection() -> None:
    text = (FIXTURES / "markdown" / "bad-guide.md").read_text()
    questions = markdown_questions(text, load_rules("en"))
    lines = [q.line for q in questions]
    assert 3 not in lines  # a paragraph that is not a question
    assert 12 in lines and 13 in lines  # a prompt list item and a probe
    assert 15 not in lines and 18 not in lines  # blockquote, code
    wrapped = next(q for q in questions if q.line == 22)
    assert wrapped.text == "Tell me how much you love the new dashboard."


def test_markdown_good_guide_is_clean() -> None:
    assert lint_file(FIXTURES / "markdown" / "good-guide.md") == []


def test_markdown_language_from_file_name_and_frontmatter() -> None:
    italian = lint_file(FIXTURES / "markdown" / "domande.it.md")
    assert [(p.line, p.rule) for p in italian] == [(3, "hypothetical"), (4, "closed")]
    frontmatter = lint_file(FIXTURES / "markdown" / "lang-frontmatter.md")
    assert [(p.line, p.rule) for p in frontmatter] == [(5, "double-barrelled"), (6, "future")]


def test_markdown_language_detection() -> None:
    assert markdown_language("---\nlang: it\n---\n", Path("guide.md")) == "it"
    assert markdown_language("---\nlang: 'it'  # Italian\n---\n", Path("g.md")) == "it"
    assert markdown_language("# Guide\n", Path("guida.it.md")) == "it"
    assert markdown_language("# Guide\n", Path("guide.md")) == "en"
    assert markdown_language("# Guide\nlang: it\n", Path("guide.md")) == "en"


def test_lang_option_overrides_detection() -> None:
    path = FIXTURES / "markdown" / "domande.it.md"
    assert lint_file(path, "en") == []  # English rules do not read Italian


def test_unknown_language() -> None:
    with pytest.raises(UsageError, match="no lint rules for language 'xx'; available: en, it"):
        lint_file(FIXTURES / "markdown" / "good-guide.md", "xx")


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="no such file"):
        lint_file(tmp_path / "nope.md")


# -- YAML guides -------------------------------------------------------------------------------


def test_yaml_lines_point_at_questions_and_probes() -> None:
    path = guides_dir() / "switch.yaml"
    lines = path.read_text().splitlines()
    for question in yaml_questions(path.read_text(), path):
        assert question.text in lines[question.line - 1]


def test_yaml_guide_problems_with_lines(tmp_path: Path) -> None:
    path = tmp_path / "mine.it.yaml"
    path.write_text(
        "type: mine\ntitle: t\ndescription: d\nminutes: 2\nsections:\n"
        "  - title: s\n    questions:\n"
        "      - id: a\n        text: Cosa hai fatto?\n        probes:\n"
        "          - Hai confrontato i prezzi?\n"
        "        minutes: 2\n        priority: 1\n",
        encoding="utf-8",
    )
    problems = lint_file(path)
    assert [str(p) for p in problems] == [f"{path}:11: closed: {problems[0].message}"]
    assert problems[0].question == "Hai confrontato i prezzi?"


def test_malformed_yaml_guide_is_a_guide_error() -> None:
    with pytest.raises(GuideError, match=r"wrong-minutes.yaml: sections\.2\.questions\.0\.minutes"):
        lint_file(FIXTURES / "bad" / "wrong-minutes.yaml")


def test_shared_files_are_skipped() -> None:
    assert lint_file(guides_dir() / "_common.it.yaml") == []


# -- output ------------------------------------------------------------------------------------


def test_formats() -> None:
    problems = lint_file(FIXTURES / "markdown" / "domande.it.md")
    text = format_problems(problems)
    assert text.splitlines()[0].endswith("domande.it.md:3: hypothetical: " + problems[0].message)
    data = json.loads(format_problems(problems, "json"))
    assert data[0] == {
        "file": str(FIXTURES / "markdown" / "domande.it.md"),
        "line": 3,
        "rule": "hypothetical",
        "message": problems[0].message,
        "question": "Useresti uno strumento che fa questo?",
    }
    with pytest.raises(UsageError, match="unknown --format 'xml'"):
        format_problems(problems, "xml")


def test_scan_guide_is_the_contract_of_the_question_finder() -> None:
    # What markdown_questions relies on; a shared scanner swapped in must give the same.
    text = (
        "---\nlang: it\n---\n# Title?\n- First item\n  wrapped\n\n```\n- not an item?\n```\n"
        "<!-- a\ncomment? -->Why?\n> quote?\n| cell? |\n***\nplain?\n"
    )
    scanned = scan_guide(text)
    assert scanned.frontmatter == ["lang: it"]
    assert [
        (line.number, line.kind, line.text) for line in scanned.lines if line.kind != "break"
    ] == [
        (5, "item", "First item"),
        (6, "text", "wrapped"),
        (12, "text", "Why?"),
        (16, "text", "plain?"),
    ]
    assert scanned.lines[0].number == 4  # the body starts after the frontmatter
    unclosed = scan_guide("---\nlang: it\n- Why?\n")
    assert unclosed.frontmatter == ["lang: it", "- Why?", ""]
    assert unclosed.lines[0].number == 1  # an unclosed frontmatter stays in the body
