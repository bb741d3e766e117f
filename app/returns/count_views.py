"""What a cycle-count step returns: plain, immutable values that the screen renders and `count replay` prints.

No I/O and no SQLAlchemy here, so the returns window can import them when it starts (the
service itself, app.returns.cycle_count, is imported by the returns worker, off the GUI thread).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from app.domain.events import Tone

COUNTING, FINISHED, APPROVED = "counting", "finished", "approved"  # a count's status (CountStatus values)
OPEN = (COUNTING, FINISHED)  # a count that still needs the bench: counting, or waiting for a supervisor


@dataclass(frozen=True)
class CountOutcome:
    """What a step did: the banner's tone, a code the screen words, and the values for its sentence."""

    tone: Tone
    code: str
    values: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class CountRow:
    sku: str
    name: str
    counted: int
    expected: int | None = None  # None while counting: a blind count shows no expected numbers

    @property
    def variance(self) -> int:
        return self.counted - (self.expected or 0)


@dataclass(frozen=True)
class OpenCount:
    count_id: int
    bin: str
    status: str
    round: int


@dataclass(frozen=True)
class CountView:
    outcome: CountOutcome | None = None
    count_id: int | None = None
    bin: str = ""
    status: str = ""  # "" (no count on the screen), counting, finished, approved
    round: int = 0
    rows: tuple[CountRow, ...] = ()
    last_sku: str = ""  # the SKU scanned last (shown bold)
    qty: int | None = None  # a QTY card armed for the next item
    recount_armed: bool = False  # RECOUNT pressed: waiting for a supervisor's badge
    can_undo: bool = False
    decided_by: str = ""  # the supervisor who approved
    open_counts: tuple[OpenCount, ...] = ()  # shown while no count is on the screen

    @property
    def counting(self) -> bool:
        return self.status == COUNTING

    @property
    def finished(self) -> bool:
        return self.status == FINISHED

    @property
    def blind(self) -> bool:
        return self.status == COUNTING

    def totals(self) -> tuple[int, int]:
        """(expected, counted) over the rows."""
        return sum(r.expected or 0 for r in self.rows), sum(r.counted for r in self.rows)

    def as_json(self) -> dict[str, Any]:
        """One line of `packstation count replay`: the outcome and the count as the screen would show it.

        While counting the rows carry no expected numbers (a blind count), as on the screen.
        """
        outcome = self.outcome
        rows = [{"sku": r.sku, "counted": r.counted, **({} if self.blind else {"expected": r.expected or 0,
                                                                              "variance": r.variance})}
                for r in self.rows]
        return {"tone": outcome.tone.value if outcome else None, "code": outcome.code if outcome else "",
                "values": dict(outcome.values) if outcome else {}, "count": self.count_id, "bin": self.bin,
                "status": self.status, "round": self.round, "rows": rows, "qty": self.qty,
                "recount_armed": self.recount_armed, "decided_by": self.decided_by,
                "open_counts": [{"count": c.count_id, "bin": c.bin, "status": c.status, "round": c.round}
                                for c in self.open_counts]}
