"""A synthetic, seeded corpus of interview notes for the benchmarks.

Notes are the size and shape of real ones (frontmatter, 4 force sections, jobs, timeline,
free notes, about 2-3 KB), drawn from theme phrase banks so that themes recur.
"""

from __future__ import annotations

import random
from pathlib import Path

ROLES = ["freelancer", "agency-owner", "shop-owner", "accountant"]
REGIONS = ["north", "south", "east", "west"]
STAGES = [
    "First thought",
    "Passive looking",
    "Active looking",
    "Deciding",
    "First use",
    "Ongoing use",
]
THEMES = {
    "push": [
        "re-typing VAT numbers by hand every quarter",
        "chasing late invoices by email",
        "the accountant bill for cleaning up the books",
        "a letter from the tax office about a missing return",
        "spreadsheet formulas breaking after an update",
        "losing receipts in the car",
        "spending Sunday evenings on bookkeeping",
    ],
    "pull": [
        "bank sync that matches payments automatically",
        "a one-click VAT report for the accountant",
        "automatic reminders for unpaid invoices",
        "snapping receipts with the phone",
        "a recommendation from another freelancer",
        "seeing cash flow at a glance",
    ],
    "anxiety": [
        "migrating years of old invoices",
        "the monthly subscription cost",
        "whether the accountant will accept the export",
        "giving an app access to the bank account",
        "learning yet another tool",
    ],
    "inertia": [
        "the spreadsheet is familiar and I know where everything is",
        "the accountant already has a process",
        "switching in the middle of the tax year",
        "already paid for the desktop licence",
    ],
}
FILLERS = ["honestly", "to be fair", "every single time", "and it drove me mad", "as usual", ""]
# With ``varied=True`` most statements also get a detail of their own, so the number of
# different texts (what the themes embed and cluster) grows with the corpus, as in a real one.
MONTHS = ["January", "March", "May", "June", "September", "November"]
DETAILS = [
    "since {month} {year}",
    "about {n} hours a month",
    "for {n} clients",
    "at least {n} times last year",
]


def note_text(rng: random.Random, number: int, varied: bool = False) -> str:
    """One Markdown note."""
    lines = [
        "---",
        f"id: n{number:05d}",
        f"participant: Participant {number}",
        f"date: 2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
        "interviewer: Sam",
        f"consent: {'false' if rng.random() < 0.03 else 'true'}",
        f"role: {rng.choice(ROLES)}",
        f"region: {rng.choice(REGIONS)}",
        f"company_size: {rng.choice(['1', '2-10', '11-50'])}",
    ]
    if rng.random() < 0.6:
        lines += ["switched_from: spreadsheet", "switched_to: Ledgerly"]
    lines += ["---", f"# Interview {number}", "", _paragraph(rng), ""]
    for kind, heading in (
        ("push", "Push"),
        ("pull", "Pull"),
        ("anxiety", "Anxieties"),
        ("inertia", "Habits"),
    ):
        lines += [f"## {heading}"]
        for phrase in rng.sample(THEMES[kind], rng.randint(2, 4)):
            text = f"{phrase} {rng.choice(FILLERS)}".strip()
            if varied and rng.random() < 0.8:
                text += ", " + _detail(rng)
            lines.append(f'- "{text}"' if rng.random() < 0.3 else f"- {text}")
            if rng.random() < 0.3:
                lines.append(f"  - {_paragraph(rng)[:80]}")
        lines.append("")
    lines += [
        "## Jobs",
        "- When the quarter ends, I want to hand my accountant clean numbers, "
        "so I can stop worrying.",
        "",
        "## Timeline",
    ]
    lines += [f"- {stage}: {_paragraph(rng)[:60]}" for stage in STAGES[: rng.randint(2, 6)]]
    lines += ["", "## Observations", _paragraph(rng), _paragraph(rng), ""]
    return "\n".join(lines)


def _detail(rng: random.Random) -> str:
    return rng.choice(DETAILS).format(
        month=rng.choice(MONTHS), year=rng.randint(2015, 2024), n=rng.randint(2, 60)
    )


def _paragraph(rng: random.Random) -> str:
    words = ("the", "invoice", "client", "quarter", "bank", "account", "tax", "report", "paid")
    return " ".join(rng.choice(words) for _ in range(rng.randint(20, 40))).capitalize() + "."


def write_corpus(folder: Path, count: int, seed: int = 42, varied: bool = False) -> None:
    """Write ``count`` notes into ``folder`` (100 per sub-folder, like a busy vault).

    ``varied`` gives most statements a detail of their own (see ``DETAILS``).
    """
    rng = random.Random(seed)
    for number in range(count):
        sub = folder / f"batch-{number // 100:03d}"
        sub.mkdir(parents=True, exist_ok=True)
        (sub / f"n{number:05d}.md").write_text(note_text(rng, number, varied), encoding="utf-8")
