"""Force balance: what drives a switch (push + pull) against what holds it back."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import Any, Literal

from jtbd.models import ForceKind, Interview

Outcome = Literal["switched", "stayed", "not recorded"]
NOT_RECORDED_WHY = "switched_to blank, or neither switched_to nor switched_from"


# What people write in switched_to when nobody switched ("switched_to: none"): a stay,
# not a product called "none". English, Italian and French.
NO_SWITCH = frozenset(
    ["none", "no", "nothing", "nobody", "stayed", "-", "n/a", "na", "no switch"]
    + ["nessuno", "niente", "rimasto", "rimasta", "rien", "aucun", "aucune", "resté", "restée"]
)


def switch_outcome(switched_from: str | None, switched_to: str | None) -> Outcome:
    """What a note records of the switch: ``switched``, ``stayed`` or ``not recorded``.

    Nothing in a note says "stayed" in so many words: a note names what the person
    switched to (``switched_to``) or it does not. One that names what they had
    (``switched_from``) and nothing new records a stay: that is how a note is filled in
    for someone who looked and did not switch. A ``switched_to`` key left blank (``""``,
    as the reader keeps it) records nothing: the template asked and no one answered. One
    with neither says nothing of the outcome, and counting it as a stay would report a
    finding no one made.
    """
    if switched_to is not None and not switched_to.strip():
        # "switched_to:" left blank in a template (a churn template fills switched_from
        # with the product they left): nobody wrote the outcome down.
        return "not recorded"
    if switched_to and switched_to.strip().lower() in NO_SWITCH:
        return "stayed"
    if switched_to:
        return "switched"
    return "stayed" if switched_from else "not recorded"


def switch_text(switched_from: str | None, switched_to: str | None) -> str:
    """The switch in a few words: "SageDesk → Ledgerly", "SageDesk → stayed", "not recorded"."""
    outcome = switch_outcome(switched_from, switched_to)
    if outcome == "not recorded":
        return outcome
    return f"{switched_from or '?'} → {switched_to if outcome == 'switched' else 'stayed'}"


@dataclass
class BalanceRow:
    """One interview's forces, counted, beside whether the person switched."""

    interview: str
    push: int
    pull: int
    anxiety: int
    inertia: int
    switched_to: str | None
    switched_from: str | None = None

    @property
    def forward(self) -> int:
        """Push + pull: the forces driving the switch."""
        return self.push + self.pull

    @property
    def backward(self) -> int:
        """Anxiety + inertia: the forces holding it back."""
        return self.anxiety + self.inertia

    @property
    def net(self) -> int:
        """Forward minus backward: above 0, the forces for switching win."""
        return self.forward - self.backward

    @property
    def switched(self) -> bool:
        """True when the note names what the person switched to."""
        return bool(self.switched_to)

    @property
    def outcome(self) -> Outcome:
        """``switched``, ``stayed``, or ``not recorded`` (see ``switch_outcome``)."""
        return switch_outcome(self.switched_from, self.switched_to)

    @property
    def outcome_text(self) -> str:
        """The "Switched to" cell: what they switched to, "did not switch", "not recorded"."""
        if self.outcome == "switched":
            return self.switched_to or ""
        return "did not switch" if self.outcome == "stayed" else "not recorded"


@dataclass
class Balance:
    """Per-interview rows and overall totals."""

    rows: list[BalanceRow]

    @property
    def totals(self) -> dict[str, int]:
        """Statements per force kind across all interviews."""
        return {kind.value: sum(getattr(r, kind.value) for r in self.rows) for kind in ForceKind}

    @property
    def forward(self) -> int:
        """Push + pull statements across all interviews."""
        return sum(row.forward for row in self.rows)

    @property
    def backward(self) -> int:
        """Anxiety + habit statements across all interviews."""
        return sum(row.backward for row in self.rows)

    def mean_net(self, switched: bool) -> float | None:
        """Average net balance of those who switched, or of those who stayed.

        Interviews that do not record the outcome are in neither group.
        """
        wanted = "switched" if switched else "stayed"
        return _mean([row.net for row in self.rows if row.outcome == wanted])

    @property
    def not_recorded(self) -> int:
        """Interviews whose note does not record whether the person switched."""
        return sum(1 for row in self.rows if row.outcome == "not recorded")

    def net_summary(self) -> str:
        """The mean net balance in one sentence, by outcome where the notes record it."""
        unknown = self.not_recorded
        if unknown == len(self.rows):
            every = "the one interview" if unknown == 1 else f"all {unknown} interviews"
            return (
                f"Mean net balance: {_mean([row.net for row in self.rows])} across {every}. "
                "Whether anyone switched is not recorded (no note has switched_to or "
                "switched_from), so those who switched and those who did not cannot be compared."
            )
        switched, stayed = (_or_dash(self.mean_net(group)) for group in (True, False))
        text = (
            f"Mean net balance: {switched} for those who switched, {stayed} for those who did not"
        )
        if unknown:
            verb = "does not" if unknown == 1 else "do not"
            plural = "s" if unknown != 1 else ""
            text += f"; {unknown} interview{plural} {verb} record the outcome ({NOT_RECORDED_WHY})"
        return text + "."

    @cached_property  # templates read it once per row: keep that linear
    def max_side(self) -> int:
        """The largest one-sided total of any interview (scales the bars)."""
        return max([1] + [max(row.forward, row.backward) for row in self.rows])

    def to_dict(self) -> dict[str, Any]:
        """The balance as JSON-ready data."""
        return {
            "totals": self.totals,
            "forward": self.forward,
            "backward": self.backward,
            "mean_net_switched": self.mean_net(True),
            "mean_net_not_switched": self.mean_net(False),
            "outcome_not_recorded": self.not_recorded,
            "interviews": [
                {
                    "interview": r.interview,
                    "push": r.push,
                    "pull": r.pull,
                    "anxiety": r.anxiety,
                    "inertia": r.inertia,
                    "net": r.net,
                    "switched_to": r.switched_to,
                    "outcome": r.outcome,
                }
                for r in self.rows
            ],
        }


def build_balance(included: list[Interview]) -> Balance:
    """Count each interview's forces."""
    rows = []
    for interview in included:
        push, pull, anxiety, inertia = (len(interview.forces_of(kind)) for kind in ForceKind)
        rows.append(
            BalanceRow(
                interview.id,
                push,
                pull,
                anxiety,
                inertia,
                interview.switched_to,
                interview.switched_from,
            )
        )
    return Balance(rows)


def _mean(values: list[int]) -> float | None:
    return round(sum(values) / len(values), 2) if values else None


def _or_dash(value: float | None) -> str:
    """A figure, or an em dash where there is none (no one in that group)."""
    return "—" if value is None else str(value)
