"""Force balance: what drives a switch (push + pull) against what holds it back."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import Any

from jtbd.models import ForceKind, Interview


@dataclass
class BalanceRow:
    """One interview's forces, counted, beside whether the person switched."""

    interview: str
    push: int
    pull: int
    anxiety: int
    inertia: int
    switched_to: str | None

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
        """Average net balance of those who did (or did not) switch."""
        nets = [row.net for row in self.rows if row.switched is switched]
        return round(sum(nets) / len(nets), 2) if nets else None

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
            "interviews": [
                {
                    "interview": r.interview,
                    "push": r.push,
                    "pull": r.pull,
                    "anxiety": r.anxiety,
                    "inertia": r.inertia,
                    "net": r.net,
                    "switched_to": r.switched_to,
                }
                for r in self.rows
            ],
        }


def build_balance(included: list[Interview]) -> Balance:
    """Count each interview's forces."""
    rows = []
    for interview in included:
        push, pull, anxiety, inertia = (len(interview.forces_of(kind)) for kind in ForceKind)
        rows.append(BalanceRow(interview.id, push, pull, anxiety, inertia, interview.switched_to))
    return Balance(rows)
