"""Guide library: loading the bundled banks, bad files, fitting to time, rendering."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from typing import get_args

import pytest

import jtbd.guides
from jtbd.errors import GuideError, TemplateError, UsageError
from jtbd.guides.files import read_yaml, split_name
from jtbd.guides.fitting import fill_placeholders, fit_to_minutes
from jtbd.guides.library import GuideLibrary
from jtbd.guides.models import Guide, Stage
from jtbd.guides.render import render_guide, render_notes_template
from jtbd.models import ForceKind, SwitchStage
from jtbd.readers import read_note
from jtbd.resources import guides_dir
from tests.conftest import fill_in_template

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "guides"
BAD = FIXTURES / "bad"
EXPECTED_TYPES = {
    "switch",
    "churn",
    "post-purchase",
    "intercept",
    "b2b",
    "focus-group",
    "user-test-debrief",
}

LIBRARY = GuideLibrary()
BUNDLED = [(t, lang) for t in LIBRARY.types() for lang in LIBRARY.languages(t)]


def bundled_ids() -> list[str]:
    return [f"{t}-{lang}" for t, lang in BUNDLED]


# -- the bundled data ------------------------------------------------------------------------


def test_every_issue_type_ships_in_english_and_italian() -> None:
    assert set(LIBRARY.types()) >= EXPECTED_TYPES
    for guide_type in LIBRARY.types():
        assert LIBRARY.languages(guide_type)[0] == "en"
        assert "it" in LIBRARY.languages(guide_type)


@pytest.mark.parametrize(("guide_type", "lang"), BUNDLED, ids=bundled_ids())
def test_bundled_guide_loads(guide_type: str, lang: str) -> None:
    loaded = LIBRARY.load(guide_type, lang)
    assert loaded.guide.type == guide_type
    assert loaded.lang == lang
    # One length, the questions' sum: no bundled file declares a second number beside it.
    assert loaded.guide.minutes is None
    assert loaded.guide.question_minutes >= 5


@pytest.mark.parametrize("guide_type", sorted(EXPECTED_TYPES))
def test_translations_keep_ids_minutes_and_priorities(guide_type: str) -> None:
    english = LIBRARY.load(guide_type, "en").guide
    for lang in LIBRARY.languages(guide_type)[1:]:
        other = LIBRARY.load(guide_type, lang).guide
        assert [(q.id, q.minutes, q.priority) for q in other.questions] == [
            (q.id, q.minutes, q.priority) for q in english.questions
        ], lang
        assert [len(q.probes) for q in other.questions] == [
            len(q.probes) for q in english.questions
        ]
        assert other.notes_template.product_field == english.notes_template.product_field
        assert other.notes_template.attributes == english.notes_template.attributes


def test_switch_guide_covers_the_interview_content() -> None:
    """The content list of the issue, as question ids of the switch guide."""
    ids = {question.id for question in LIBRARY.load("switch").guide.questions}
    assert {
        "old-way",  # what they tried before and what worked or did not
        "tried-before",
        "first-thought",  # the point at which they realised the old way was not working
        "struggle",
        "why-now",  # why now and not last month
        "considered",  # what else they considered and how those compare
        "nearly-stopped",  # what nearly stopped them
        "budget",  # what budget or time it replaced
        "better-now",  # how life is better once the job is done
        "expectations",  # whether it met expectations
        "aspirations",  # what new aspirations it brought
    } <= ids


def test_intercept_is_about_five_minutes() -> None:
    guide = LIBRARY.load("intercept").guide
    assert 5 <= guide.question_minutes <= 6
    assert 5 <= len(guide.questions) <= 7


@pytest.mark.parametrize("lang", ["en", "it"])
def test_shared_text_has_consent_and_reminders(lang: str) -> None:
    common = LIBRARY.common(lang)
    assert len(common.consent.script) >= 4
    assert len(common.reminders.items) >= 4


def test_stage_names_match_the_model() -> None:
    assert list(get_args(Stage)) == [stage.value for stage in SwitchStage]


def test_split_name() -> None:
    assert split_name(Path("switch.yaml")) == ("switch", "en")
    assert split_name(Path("switch.it.yaml")) == ("switch", "it")
    assert split_name(Path("post-purchase.it.yml")) == ("post-purchase", "it")
    assert split_name(Path("_common.yaml")) == ("_common", "en")
    assert split_name(Path("README.md")) is None


# -- rendering ---------------------------------------------------------------------------------


@pytest.mark.parametrize(("guide_type", "lang"), BUNDLED, ids=bundled_ids())
def test_every_bundled_guide_renders(guide_type: str, lang: str) -> None:
    loaded = LIBRARY.load(guide_type, lang)
    text = render_guide(loaded, product="Acme", job="file expenses").text
    assert text.startswith(f"---\nguide: {guide_type}\nlang: {lang}\n")
    assert f"# {loaded.guide.title}: Acme" in text
    assert (loaded.guide.consent or loaded.common.consent).title in text
    assert loaded.common.reminders.title in text
    for section in loaded.guide.sections:
        assert section.title in text
    for question in loaded.guide.questions:
        assert fill_placeholders(question.text, {"product": "Acme", "job": "file expenses"}) in text
    assert "{product}" not in text and "{job}" not in text
    assert text.endswith("\n") and not text.endswith("\n\n")


@pytest.mark.parametrize("lang", ["en", "it"])
def test_defaults_fill_the_placeholders(lang: str) -> None:
    loaded = LIBRARY.load("switch", lang)
    text = render_guide(loaded).text
    assert loaded.common.defaults.product in text
    assert "{product}" not in text and "{job}" not in text
    assert "product:" not in text.split("---")[1]  # not in the frontmatter when not given


def test_questions_are_numbered_across_sections() -> None:
    text = render_guide(LIBRARY.load("switch")).text
    numbers = [int(n) for n in re.findall(r"^(\d+)\. ", text, re.MULTILINE)]
    assert numbers == list(range(1, len(LIBRARY.load("switch").guide.questions) + 1))


def test_fill_placeholders_is_not_str_format() -> None:
    values = {"product": "A {job} B", "job": "x"}
    assert fill_placeholders("{product} {other} {0} {job}", values) == "A {job} B {other} {0} x"


# -- fitting to time ---------------------------------------------------------------------------


def test_fit_keeps_priorities_then_order() -> None:
    guide = LIBRARY.load("switch").guide
    fitted, fit = fit_to_minutes(guide, 30)
    assert fitted.question_minutes == fit.kept_minutes <= 30
    kept = fitted.questions
    assert [q.id for q in kept] == [q.id for q in guide.questions if q in kept]  # guide order
    dropped_ids = {q.id for q in fit.dropped}
    assert {q.id for q in guide.questions} == dropped_ids | {q.id for q in kept}
    # nothing of a lower priority is kept while a higher one that would fit was dropped
    for dropped in fit.dropped:
        for question in kept:
            if question.priority > dropped.priority:
                assert dropped.minutes > 30 - fit.kept_minutes + question.minutes


def test_fit_drops_nice_to_have_first() -> None:
    guide = LIBRARY.load("switch").guide
    must_and_should = sum(q.minutes for q in guide.questions if q.priority <= 2)
    fitted, fit = fit_to_minutes(guide, must_and_should)
    assert {q.priority for q in fit.dropped} == {3}
    assert all(q.priority <= 2 for q in fitted.questions)


def test_fit_with_room_to_spare_drops_nothing() -> None:
    guide = LIBRARY.load("churn").guide
    fitted, fit = fit_to_minutes(guide, 500)
    assert fit.dropped == [] and fitted == guide


def test_fit_removes_empty_sections() -> None:
    fitted, _ = fit_to_minutes(LIBRARY.load("switch").guide, 10)
    assert all(section.questions for section in fitted.sections)
    assert len(fitted.sections) < len(LIBRARY.load("switch").guide.sections)


@pytest.mark.parametrize("budget", [0, -5])
def test_fit_rejects_a_budget_below_one(budget: int) -> None:
    with pytest.raises(UsageError, match="at least 1"):
        fit_to_minutes(LIBRARY.load("switch").guide, budget)


def test_fit_too_short_for_any_question() -> None:
    with pytest.raises(UsageError, match="too short"):
        fit_to_minutes(LIBRARY.load("focus-group").guide, 1)


def test_rendered_fit_notes_what_was_dropped() -> None:
    rendered = render_guide(LIBRARY.load("switch"), minutes=20)
    assert rendered.fit is not None and rendered.fit.dropped
    last = rendered.text.rstrip().splitlines()[-1]
    assert last.startswith("*Dropped to fit 20 minutes:")
    assert rendered.fit.dropped[0].id in last
    assert "minutes: " + str(rendered.fit.kept_minutes) in rendered.text


# -- the notes template round trip -------------------------------------------------------------


@pytest.mark.parametrize(("guide_type", "lang"), BUNDLED, ids=bundled_ids())
def test_notes_template_filled_in_ingests_without_warnings(
    guide_type: str, lang: str, tmp_path: Path
) -> None:
    text = render_notes_template(LIBRARY.load(guide_type, lang), product="Acme: Pro")
    note = tmp_path / f"{guide_type}.md"
    note.write_text(fill_in_template(text), encoding="utf-8")
    result = read_note(note, root=tmp_path)
    assert [w.message for w in result.warnings] == []
    interview = result.interview
    assert {force.kind for force in interview.forces} == set(ForceKind)
    assert interview.jobs and all(job.is_structured for job in interview.jobs)
    assert [event.stage for event in interview.timeline] == list(SwitchStage)
    assert interview.consent is None  # never consented by default


@pytest.mark.parametrize(("guide_type", "lang"), BUNDLED, ids=bundled_ids())
def test_notes_template_placeholders_are_never_interview_data(
    guide_type: str, lang: str, tmp_path: Path
) -> None:
    text = render_notes_template(LIBRARY.load(guide_type, lang), product="Acme: Pro")
    note = tmp_path / f"{guide_type}.md"
    note.write_text(text, encoding="utf-8")
    result = read_note(note, root=tmp_path)
    interview = result.interview
    assert (interview.forces, interview.jobs, interview.timeline) == ([], [], [])
    placeholders = [w for w in result.warnings if "unfilled template placeholder" in w.message]
    assert len(placeholders) == 1  # one warning for the note, at the first placeholder
    first = next(n for n, line in enumerate(text.splitlines(), 1) if line.startswith("- ("))
    assert placeholders[0].line == first
    assert "(" in interview.notes  # kept as free notes: nothing the user wrote is lost


def test_notes_template_puts_the_product_where_the_guide_says(tmp_path: Path) -> None:
    for guide_type, field in [("switch", "switched_to"), ("churn", "switched_from")]:
        note = tmp_path / f"{guide_type}.md"
        note.write_text(render_notes_template(LIBRARY.load(guide_type), product='Acme "Pro"'))
        interview = read_note(note, root=tmp_path).interview
        assert getattr(interview, field) == 'Acme "Pro"'


def test_notes_template_carries_guide_attributes(tmp_path: Path) -> None:
    note = tmp_path / "b2b.md"
    note.write_text(render_notes_template(LIBRARY.load("b2b", "it")))
    interview = read_note(note, root=tmp_path).interview
    assert {"role", "company_size", "committee_role"} <= set(interview.attributes)


# -- bad guide files ---------------------------------------------------------------------------

BAD_FILES = [
    ("wrong-minutes", "sections.2.questions.0.minutes: Input should be a valid integer"),
    ("missing-questions", "sections.0.questions: Field required"),
    ("unknown-key", "sections.0.questions.0.probs: Extra inputs are not permitted"),
    ("not-a-mapping", "a guide file must be a mapping of fields, not a list"),
    ("syntax-error", ":6: invalid YAML:"),
    ("python-tag", ":2: YAML tag !!python/object/apply:os.system is not allowed"),
    ("duplicate-id", "sections.0.questions.1.id: duplicate question id 'a'"),
    ("wrong-type", "type: 'something-else' does not match the file name ('wrong-type')"),
]


@pytest.mark.parametrize(("name", "expected"), BAD_FILES, ids=[name for name, _ in BAD_FILES])
def test_bad_guide_file_names_the_file_and_field(name: str, expected: str) -> None:
    with pytest.raises(GuideError) as caught:
        GuideLibrary(BAD).load(name)
    message = str(caught.value)
    assert message.startswith(str(BAD / f"{name}.yaml"))
    assert expected in message
    assert "\n" not in message


def test_all_problems_of_a_file_are_named_on_one_line(tmp_path: Path) -> None:
    path = tmp_path / "two.yaml"
    path.write_text("type: two\ntitle: 5\ndescription: x\nminutes: x\nsections: []\n")
    with pytest.raises(GuideError) as caught:
        GuideLibrary(tmp_path).load("two")
    message = str(caught.value)
    assert "title: Input should be a valid string" in message
    assert "minutes: Input should be a valid integer" in message
    assert "sections: List should have at least 1 item" in message
    assert "\n" not in message


def test_python_tag_is_never_constructed(tmp_path: Path) -> None:
    marker = tmp_path / "ran"
    path = tmp_path / "evil.yaml"
    path.write_text(f'x: !!python/object/apply:os.system ["touch {marker}"]\n')
    with pytest.raises(GuideError, match="not allowed"):
        read_yaml(path)
    assert not marker.exists()


def test_badly_named_user_file(tmp_path: Path) -> None:
    (tmp_path / "My Guide.yaml").write_text("type: x\n")
    with pytest.raises(GuideError, match="My Guide.yaml: a guide file name"):
        GuideLibrary(tmp_path)


def test_missing_shared_text_for_a_new_language(tmp_path: Path) -> None:
    english = (guides_dir() / "intercept.yaml").read_text()
    (tmp_path / "intercept.de.yaml").write_text(english)
    with pytest.raises(GuideError, match=r"_common\.de\.yaml"):
        GuideLibrary(tmp_path).load("intercept", "de")


# -- the user's folder and options -------------------------------------------------------------


def test_user_folder_adds_a_type() -> None:
    library = GuideLibrary(FIXTURES / "custom")
    assert "onboarding" in library.types()
    text = render_guide(library.load("onboarding"), product="Acme").text
    assert "Tell me about the day you signed up for Acme." in text


def test_user_folder_replaces_a_bundled_file_of_the_same_name() -> None:
    library = GuideLibrary(FIXTURES / "custom")
    assert library.load("intercept").guide.title == "Our own intercept"
    assert (
        library.load("intercept", "it").guide.title == LIBRARY.load("intercept", "it").guide.title
    )


def test_user_folder_must_exist(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="not a folder"):
        GuideLibrary(tmp_path / "nope")


def test_unknown_type_lists_the_types() -> None:
    with pytest.raises(UsageError, match=r"unknown guide type 'nope'; available: b2b, churn"):
        LIBRARY.load("nope")


def test_unknown_language_lists_the_languages() -> None:
    with pytest.raises(UsageError, match=r"has no 'de' version; available: en, it"):
        LIBRARY.load("switch", "de")


def test_catalogue() -> None:
    entries = {entry.type: entry for entry in LIBRARY.catalogue()}
    # The length is the questions' sum, the number the rendered guide prints too.
    assert entries["intercept"].minutes == 6
    for guide_type, entry in entries.items():
        assert entry.minutes == LIBRARY.load(guide_type).guide.question_minutes
    assert entries["switch"].languages == ["en", "it"]
    italian = {entry.type: entry for entry in LIBRARY.catalogue("it")}
    assert italian["churn"].description != entries["churn"].description


# -- templates ---------------------------------------------------------------------------------


def test_user_template() -> None:
    text = render_guide(
        LIBRARY.load("intercept"), template=FIXTURES / "custom-template.md.j2", job="shop"
    ).text
    assert text.startswith("INTERCEPT INTERVIEW (en)\n")
    assert "* Tell me about the last time you needed to shop.\n" in text


def test_user_template_asking_for_a_missing_field() -> None:
    with pytest.raises(TemplateError, match="broken-template.md.j2: .*no_such_field"):
        render_guide(LIBRARY.load("intercept"), template=FIXTURES / "broken-template.md.j2")


def test_user_template_not_found(tmp_path: Path) -> None:
    # The same message as for a report's --template: one loader for both.
    with pytest.raises(TemplateError, match=r"cannot read template .*nope.j2: no such file"):
        render_guide(LIBRARY.load("intercept"), template=tmp_path / "nope.j2")


def test_user_template_named_like_the_bundled_one_can_include_it(tmp_path: Path) -> None:
    # The user's file is known by its path, so "guide.md.j2" inside it is the bundled one.
    mine = tmp_path / "guide.md.j2"
    mine.write_text('{% include "guide.md.j2" %}\nOUR FOOTER\n', encoding="utf-8")
    loaded = LIBRARY.load("intercept")
    text = render_guide(loaded, template=mine).text
    assert text == render_guide(loaded).text + "OUR FOOTER\n"


def test_user_template_syntax_error_names_file_and_line(tmp_path: Path) -> None:
    mine = tmp_path / "mine.md.j2"
    mine.write_text("{{ guide.title }}\n{% for x in %}\n", encoding="utf-8")
    with pytest.raises(TemplateError, match=r"mine.md.j2:2: "):
        render_guide(LIBRARY.load("intercept"), template=mine)


def test_guide_model_forbids_coercion() -> None:
    data = {
        "type": "x",
        "title": "x",
        "description": "x",
        "minutes": "5",
        "sections": [{"title": "s", "questions": [{"id": "a", "text": "t", "minutes": 1}]}],
    }
    with pytest.raises(ValueError, match="priority"):
        Guide.model_validate(data)


def test_package_exports_resolve_and_lint_does_not_load_jinja() -> None:
    assert all(getattr(jtbd.guides, name) is not None for name in jtbd.guides.__all__)
    with pytest.raises(AttributeError, match="no_such_name"):
        _ = jtbd.guides.no_such_name  # type: ignore[attr-defined]
    code = "import sys, jtbd.guides.lint; assert 'jinja2' not in sys.modules"
    subprocess.run([sys.executable, "-c", code], check=True)
