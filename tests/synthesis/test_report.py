"""Report aggregates: scope, exclusions, segments, balance, saturation, jobs."""

from __future__ import annotations

import datetime as dt

import pytest

from jtbd import Force, ForceKind, Interview, JobStatement, JtbdError, UsageError
from jtbd.synthesis.report import build_report
from jtbd.synthesis.saturation import BASE_SIZE, RUN_LENGTH


def interview(id_: str, *texts: tuple[str, str], **fields) -> Interview:
    forces = [
        Force(kind=ForceKind(kind), text=text, source=f"{id_}.md", line=n + 1)
        for n, (kind, text) in enumerate(texts)
    ]
    return Interview(id=id_, source=f"{id_}.md", forces=forces, **fields)


def test_consent_false_is_excluded_and_none_of_its_text_appears():
    secret = interview("p9", ("push", "TOP SECRET complaint"), consent=False)
    report = build_report([interview("p1", ("push", "VAT by hand")), secret])
    assert report.scope.included == 1
    assert [(e.interview, e.reason.split(":")[0]) for e in report.scope.excluded] == [
        ("p9", "consent")
    ]
    assert "TOP SECRET" not in str(report.to_dict())


def test_empty_input_and_all_excluded_are_clear_errors():
    with pytest.raises(JtbdError, match="no interviews"):
        build_report([])
    with pytest.raises(JtbdError, match="excluded"):
        build_report([interview("p1", ("push", "x"), consent=False)])


def test_by_unknown_attribute_lists_the_known_ones():
    with pytest.raises(UsageError, match="attributes present: role"):
        build_report([interview("p1", ("push", "x"), attributes={"role": "a"})], by="plan")
    # Obsidian's own keys are never segments, so they are not offered as ones
    attributes = {"role": "a", "aliases": ["x"], "cssclasses": ["y"], "tags": ["z"]}
    with pytest.raises(UsageError, match=r"attributes present: role$"):
        build_report([interview("p1", ("push", "x"), attributes=attributes)], by="plan")


def test_by_attribute_counts_each_segment():
    report = build_report(
        [
            interview("p1", ("push", "VAT by hand"), attributes={"role": "freelancer"}),
            interview("p2", ("push", "VAT errors"), attributes={"role": "agency"}),
            interview("p3", ("push", "VAT again")),
        ],
        by="role",
    )
    assert report.segment_sizes == {"(not set)": 1, "agency": 1, "freelancer": 1}
    assert report.forces["push"].themes[0].by_segment == {
        "(not set)": 1,
        "agency": 1,
        "freelancer": 1,
    }


def test_balance_beside_switching():
    report = build_report(
        [
            interview("p1", ("push", "a"), ("pull", "b"), ("anxiety", "c"), switched_to="New"),
            interview("p2", ("anxiety", "c"), ("inertia", "d"), switched_from="Old"),
            interview("p3", ("anxiety", "c"), ("inertia", "d"), ("inertia", "e")),
        ]
    )
    rows = {
        row.interview: (row.forward, row.backward, row.net, row.switched, row.outcome)
        for row in report.balance.rows
    }
    assert rows == {
        "p1": (2, 1, 1, True, "switched"),
        "p2": (0, 2, -2, False, "stayed"),
        "p3": (0, 3, -3, False, "not recorded"),
    }
    assert report.balance.mean_net(True) == 1
    assert report.balance.mean_net(False) == -2  # p3 records no outcome: in neither group
    assert report.balance.not_recorded == 1


def _dated(n: int, *texts: tuple[str, str]) -> Interview:
    return interview(f"p{n:02d}", *texts, date=dt.date(2024, 1, 1) + dt.timedelta(days=n))


def test_saturation_reached_when_the_last_interviews_repeat_old_themes():
    unique = ["receipts", "invoices", "payroll", "stock"]
    base = [_dated(n, ("push", unique[n]), ("pull", "bank sync")) for n in range(BASE_SIZE)]
    repeats = [_dated(BASE_SIZE + n, ("pull", "bank sync")) for n in range(RUN_LENGTH)]
    saturation = build_report(base + repeats).saturation
    assert saturation.judged and saturation.reached
    assert saturation.run_new == 0
    assert saturation.verdict.startswith("Saturation reached")


def test_saturation_not_reached_while_new_themes_keep_coming():
    pains = [
        "the bank app logs me out every morning",
        "my dog chewed through the printer cable",
        "payroll in December is a nightmare",
        "the stock count never matches the till",
        "train tickets for client visits are expensive",
        "the tax forms use words nobody understands",
        "our office wifi drops during video calls",
    ]
    notes = [_dated(n, ("push", pains[n])) for n in range(BASE_SIZE + RUN_LENGTH)]
    saturation = build_report(notes).saturation
    assert not saturation.reached
    assert saturation.run_new == RUN_LENGTH
    assert "Still learning" in saturation.verdict
    assert [p.interview for p in saturation.points] == [f"p{n:02d}" for n in range(7)]


def test_too_few_interviews_to_judge_saturation():
    assert "Too few" in build_report([_dated(1, ("push", "x"))]).saturation.verdict


def test_similar_job_statements_are_grouped_with_sources():
    def job(text, when, want, so, line):
        return JobStatement(text=text, when=when, want=want, so=so, source="x.md", line=line)

    a = interview("p1", ("push", "x"))
    a.jobs = [
        job(
            "When q ends, I want to send VAT figures, so I can relax.",
            "q ends",
            "send VAT figures",
            "relax",
            4,
        )
    ]
    b = interview("p2", ("push", "y"))
    b.jobs = [
        job(
            "When asked, I want to send the VAT figures fast, so I can sleep.",
            "asked",
            "send the VAT figures fast",
            "sleep",
            7,
        )
    ]
    jobs = build_report([a, b]).jobs
    assert len(jobs) == 1
    assert jobs[0].count == 2
    assert jobs[0].statement.startswith("When ")
    assert [(s.interview, s.line) for s in jobs[0].sources] == [("p1", 4), ("p2", 7)]
