"""The result of one health check, and the report a set of them makes (text for people, JSON for monitoring)."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

Severity = Literal["error", "warning", "info"]


@dataclass(frozen=True)
class Check:
    """One thing doctor looked at.

    `severity` says how much a failure matters: an "error" stops the station from working (doctor
    exits non-zero), a "warning" degrades it, "info" is for the record. `fix` is one sentence an
    IT admin can act on; empty when there is nothing to do.
    """

    name: str
    ok: bool
    severity: Severity
    message: str
    fix: str = ""
    details: dict[str, Any] = field(default_factory=dict)

    @property
    def status(self) -> str:
        if self.ok:
            return "ok"
        return {"error": "FAIL", "warning": "warn", "info": "note"}[self.severity]

    @property
    def failed(self) -> bool:
        return not self.ok and self.severity == "error"

    def as_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["status"] = self.status.lower()
        return data


def passed(name: str, message: str, **details: Any) -> Check:
    return Check(name, True, "info", message, "", details)


def failed(name: str, message: str, fix: str = "", severity: Severity = "error", **details: Any) -> Check:
    return Check(name, False, severity, message, fix, details)


def skipped(name: str, reason: str) -> Check:
    return Check(name, False, "info", f"not checked: {reason}")


CheckFn = Callable[[], Check | Sequence[Check]]


def run_all(functions: Iterable[CheckFn], workers: int = 8) -> list[Check]:
    """Run checks side by side and return them in the order given.

    Each check waits on something slow (a printer's TCP timeout, a scale's first reading, a
    central database's connect timeout); in parallel the whole report takes as long as the
    slowest, not the sum. A check that raises becomes a failed check, never a traceback.
    """
    functions = list(functions)
    with ThreadPoolExecutor(max_workers=max(1, min(workers, len(functions)))) as pool:
        futures = [pool.submit(_guarded, fn) for fn in functions]
        results: list[Check] = []
        for future in futures:
            results.extend(future.result())
    return results


def _guarded(fn: CheckFn) -> list[Check]:
    try:
        result = fn()
    except Exception as exc:  # noqa: BLE001 - one broken check must not hide the others
        name = getattr(fn, "check_name", getattr(fn, "__name__", "check")).removeprefix("check_").replace("_", " ")
        return [failed(name, f"the check itself failed: {type(exc).__name__}: {exc}",
                       "send a support bundle (packstation support-bundle) to the Packstation team")]
    return [result] if isinstance(result, Check) else list(result)


def exit_code(checks: Sequence[Check], strict: bool = False) -> int:
    """0 when nothing failed; 1 when an error (or, with strict, a warning) was found."""
    bad = [c for c in checks if not c.ok and (c.severity == "error" or (strict and c.severity == "warning"))]
    return 1 if bad else 0


def summary(checks: Sequence[Check]) -> str:
    errors = sum(1 for c in checks if c.failed)
    warnings = sum(1 for c in checks if not c.ok and c.severity == "warning")
    if not errors and not warnings:
        return "all checks passed"
    parts = []
    if errors:
        parts.append(f"{errors} problem{'s' if errors != 1 else ''}")
    if warnings:
        parts.append(f"{warnings} warning{'s' if warnings != 1 else ''}")
    return ", ".join(parts)


def render_text(checks: Sequence[Check], header: str = "", verbose: bool = False) -> str:
    """A short report a person reads top to bottom: one line per check, a fix under each failure."""
    width = max((len(c.name) for c in checks), default=10)
    lines = [header] if header else []
    for check in checks:
        if check.ok and check.severity == "info" and not verbose and check.details.get("quiet"):
            continue
        lines.append(f"  {check.status:<4}  {check.name:<{width}}  {check.message}")
        if not check.ok and check.fix:
            lines.append(f"  {'':<4}  {'':<{width}}  fix: {check.fix}")
    lines.append(summary(checks))
    return "\n".join(lines)


def render_json(checks: Sequence[Check], **extra: Any) -> str:
    document = dict(extra)
    document.update(ok=exit_code(checks) == 0, summary=summary(checks), checks=[c.as_json() for c in checks])
    return json.dumps(document, indent=2, ensure_ascii=False, default=str)
