"""Rate shopping rules: which services may carry a parcel, and which of those to buy.

A supervisor edits one TOML file (see resources/rate_cards/rules.toml for the annotated
default): how many days each service level promises, when a signature is required, services
never to use (always, or for PO boxes, homes, abroad), and a preferred carrier per sales
channel. The rules pick the cheapest service that keeps the order's promise; the choice and
every rate it beat, with the reason each lost, are kept with the parcel's label.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal, InvalidOperation
from fnmatch import translate
from pathlib import Path
from typing import Any

from app.domain import clock
from app.domain.model import Order
from app.shipping.errors import NoServiceAvailable, RulesError
from app.shipping.model import Choice, Considered, ParcelRequest, Rate

DEFAULT_RULES = Path(__file__).resolve().parents[2] / "resources" / "rate_cards" / "rules.toml"
WHEN = ("always", "po_box", "residential", "business", "international", "signature")
DEFAULT_LEVELS = {"economy": 7, "standard": 5, "ground": 5, "expedited": 3, "2day": 2, "2nd day": 2,
                  "express": 2, "priority": 3, "overnight": 1, "next day": 1}


@dataclass(frozen=True, slots=True)
class Never:
    patterns: tuple[re.Pattern[str], ...]
    when: str
    reason: str

    def excludes(self, rate: Rate, request: ParcelRequest) -> bool:
        applies = {"always": True, "po_box": request.po_box, "residential": request.residential,
                   "business": not request.residential, "international": request.international,
                   "signature": request.signature}[self.when]
        return applies and any(p.match(rate.key.casefold()) for p in self.patterns)


@dataclass(frozen=True, slots=True)
class ChannelRule:
    preferred_carrier: str = ""
    max_premium: Decimal | None = None  # None: the preferred carrier whenever it keeps the promise
    carriers: tuple[str, ...] = ()  # only these carriers for this channel (empty: any)


@dataclass(frozen=True)
class ShippingRules:
    levels: dict[str, int] = field(default_factory=lambda: dict(DEFAULT_LEVELS))
    default_level: str = "ground"
    currency: str = "USD"
    residential: str = "auto"  # auto, always, never
    verify_addresses: bool = False
    offline_fallback: bool = False
    when_late: str = "fastest"  # fastest: buy the fastest service; hold: refuse and ask a supervisor
    wall_mm: int = 5
    signature_above: Decimal | None = None
    never: tuple[Never, ...] = ()
    channels: dict[str, ChannelRule] = field(default_factory=dict)
    source: str = "(defaults)"

    # ------------------------------------------------------------ decisions before rating

    def needs_signature(self, declared_value: Decimal) -> bool:
        return self.signature_above is not None and declared_value > self.signature_above

    def treat_as_residential(self, guess: bool) -> bool:
        return {"always": True, "never": False}.get(self.residential, guess)

    # ------------------------------------------------------------ the choice

    def max_transit_days(self, order: Order, rates: list[Rate], today: date,
                         deliver_by: date | None = None) -> tuple[int | None, str]:
        """The most transit days the order allows, and the promise that set it."""
        promise, what = self._promise(order, rates)
        limit, why = promise, what
        if order.ship_by is not None and promise is not None and today > order.ship_by:
            late = business_days(order.ship_by, today)
            limit, why = promise - late, f"{what}, {late} business day(s) late"
        if deliver_by is not None:
            left = business_days(today, deliver_by)
            if limit is None or left < limit:
                limit, why = left, f"deliver by {deliver_by.isoformat()}"
        return limit, why

    def _promise(self, order: Order, rates: list[Rate]) -> tuple[int | None, str]:
        name = order.service_level.strip()
        if name.casefold() in self.levels:
            return self.levels[name.casefold()], f"service level {name!r}"
        named = [r for r in rates if _norm(r.service) == _norm(name)
                 and (not order.carrier or r.carrier.casefold() == order.carrier.casefold())]
        days = [r.transit_days for r in named if r.transit_days is not None]
        if days:
            return min(days), f"{order.carrier} {name}".strip()
        if name:
            for level, level_days in sorted(self.levels.items(), key=lambda item: -len(item[0])):
                if level in name.casefold():
                    return level_days, f"service level {name!r}"
        default = self.levels.get(self.default_level.casefold())
        return default, f"default level {self.default_level!r}"

    def choose(self, request: ParcelRequest, rates: list[Rate], *, today: date | None = None,
               deliver_by: date | None = None) -> Choice:
        """The cheapest rate that keeps the promise, after the never-rules and the channel's preference."""
        today = today or clock.today()
        order = request.order
        limit, promise = self.max_transit_days(order, rates, today, deliver_by)
        channel = self.channels.get(order.channel.casefold())
        considered: list[Considered] = []
        eligible: list[Rate] = []
        for rate in rates:
            excluded = self._excluded(rate, request, channel)
            if not excluded and limit is not None and (rate.transit_days is None or rate.transit_days > max(limit, 1)):
                excluded = (f"takes {rate.transit_days} day(s), promise is {max(limit, 1)} ({promise})"
                            if rate.transit_days is not None else "transit time unknown")
            considered.append(Considered(rate, excluded))
            if not excluded:
                eligible.append(rate)
        promised, _ = self._promise(order, rates)
        # Late (past ship-by, or a deliver-by date sooner than the level's promise): when nothing
        # can keep the promise any more, the fastest service is the best that can be done.
        behind = limit is not None and (promised is None or limit < promised)
        late = behind and limit is not None and limit < 1
        if not eligible and behind and self.when_late == "fastest":
            allowed = [c.rate for c in considered if c.excluded.startswith(("takes", "transit"))
                       and c.rate.transit_days is not None]
            if allowed:
                fastest = min(r.transit_days or 0 for r in allowed)
                eligible = [r for r in allowed if r.transit_days == fastest]
                late = True
        if not eligible:
            reasons = "; ".join(sorted({c.excluded for c in considered if c.excluded})) or "no rates at all"
            raise NoServiceAvailable(
                f"No carrier service can take order {order.number} ({promise}). Set the parcel aside and "
                "ask a supervisor to choose a service.", detail=reasons)
        eligible.sort(key=_price_order)
        chosen, reason = eligible[0], "cheapest that keeps the promise"
        if late:
            reason = f"late ({promise}): fastest service available"
        if channel and channel.preferred_carrier:
            preferred = [r for r in eligible if r.carrier.casefold() == channel.preferred_carrier.casefold()]
            if preferred and preferred[0] is not chosen:
                premium = preferred[0].amount - chosen.amount
                if channel.max_premium is None or premium <= channel.max_premium:
                    chosen = preferred[0]
                    reason = f"preferred carrier for {order.channel} ({premium} more than the cheapest)"
        final = tuple(
            c if c.excluded or c.rate is chosen else Considered(c.rate, _lost_by(c.rate, chosen))
            for c in considered
        )
        return Choice(chosen, f"{reason}; promise: {promise}", final)

    def _excluded(self, rate: Rate, request: ParcelRequest, channel: ChannelRule | None) -> str:
        if self.currency and rate.currency.upper() != self.currency.upper():
            return f"priced in {rate.currency}, rules compare {self.currency}"
        for rule in self.never:
            if rule.excludes(rate, request):
                return rule.reason
        if channel and channel.carriers and rate.carrier.casefold() not in channel.carriers:
            return f"not a carrier for {request.order.channel}"
        return ""


def _norm(name: str) -> str:
    return re.sub(r"[^0-9a-z]", "", name.casefold())


def _price_order(rate: Rate) -> tuple[Decimal, int, str]:
    return rate.amount, rate.transit_days if rate.transit_days is not None else 99, rate.key


def _lost_by(rate: Rate, chosen: Rate) -> str:
    if rate.amount > chosen.amount:
        return f"{rate.amount - chosen.amount} more"
    if rate.amount == chosen.amount:
        return "same price, not preferred"
    return "cheaper, but not the preferred carrier"


def business_days(start: date, end: date) -> int:
    """Monday-to-Friday days after `start` up to and including `end` (0 when end <= start)."""
    days, current = 0, start
    while current < end:
        current += timedelta(days=1)
        if current.weekday() < 5:
            days += 1
    return days


# ---------------------------------------------------------------- loading


def load_rules(path: Path | None = None) -> ShippingRules:
    path = Path(path) if path else DEFAULT_RULES
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise RulesError(f"{path}: cannot be read ({exc.strerror})") from exc
    except tomllib.TOMLDecodeError as exc:
        raise RulesError(f"{path}: not valid TOML: {exc}") from exc
    return parse_rules(raw, str(path))


_SECTIONS = {"shopping", "cartons", "levels", "signature", "never", "channels"}


def parse_rules(raw: dict[str, Any], source: str = "rules.toml") -> ShippingRules:
    unknown = set(raw) - _SECTIONS
    if unknown:
        raise RulesError(f"{source}: unknown section(s) {', '.join(sorted(unknown))} "
                         f"(known: {', '.join(sorted(_SECTIONS))})")
    r = _Reader(raw, source)
    shopping = r.table("shopping", {"default_level", "currency", "residential", "verify_addresses",
                                    "offline_fallback", "when_late"})
    levels = {str(name).casefold(): r.whole(f"levels.{name}", days, minimum=1)
              for name, days in r.table("levels", None).items()} or dict(DEFAULT_LEVELS)
    default_level = r.text("shopping.default_level", shopping.get("default_level", "ground")).casefold()
    if default_level not in levels:
        raise RulesError(f"{source}: shopping.default_level {default_level!r} is not in [levels]")
    cartons = r.table("cartons", {"wall_mm"})
    signature = r.table("signature", {"above_value"})
    return ShippingRules(
        levels=levels,
        default_level=default_level,
        currency=r.text("shopping.currency", shopping.get("currency", "USD")).upper(),
        residential=r.choice("shopping.residential", shopping.get("residential", "auto"), ("auto", "always", "never")),
        verify_addresses=r.flag("shopping.verify_addresses", shopping.get("verify_addresses", False)),
        offline_fallback=r.flag("shopping.offline_fallback", shopping.get("offline_fallback", False)),
        when_late=r.choice("shopping.when_late", shopping.get("when_late", "fastest"), ("fastest", "hold")),
        wall_mm=r.whole("cartons.wall_mm", cartons.get("wall_mm", 5), minimum=0),
        signature_above=r.amount("signature.above_value", signature.get("above_value")),
        never=tuple(r.never(i, entry) for i, entry in enumerate(r.array("never"), start=1)),
        channels={str(name).casefold(): r.channel(str(name), body)
                  for name, body in r.table("channels", None).items()},
        source=source,
    )


class _Reader:
    def __init__(self, raw: dict[str, Any], source: str) -> None:
        self.raw, self.source = raw, source

    def fail(self, key: str, problem: str) -> RulesError:
        return RulesError(f"{self.source}: {key} {problem}")

    def table(self, name: str, known: set[str] | None) -> dict[str, Any]:
        value = self.raw.get(name, {})
        if not isinstance(value, dict):
            raise self.fail(name, f"must be a table like [{name}]")
        if known is not None and (extra := set(value) - known):
            raise self.fail(name, f"has unknown key(s) {', '.join(sorted(extra))} (known: {', '.join(sorted(known))})")
        return value

    def array(self, name: str) -> list[dict[str, Any]]:
        value = self.raw.get(name, [])
        if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
            raise self.fail(name, f"must be a list of [[{name}]] tables")
        return value

    def text(self, key: str, value: Any) -> str:
        if not isinstance(value, str):
            raise self.fail(key, f"must be text in quotes, not {value!r}")
        return value.strip()

    def flag(self, key: str, value: Any) -> bool:
        if not isinstance(value, bool):
            raise self.fail(key, f"must be true or false, not {value!r}")
        return value

    def whole(self, key: str, value: Any, *, minimum: int) -> int:
        if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
            raise self.fail(key, f"must be a whole number of at least {minimum}, not {value!r}")
        return value

    def choice(self, key: str, value: Any, choices: tuple[str, ...]) -> str:
        if value not in choices:
            raise self.fail(key, f"must be one of {', '.join(choices)}, not {value!r}")
        return value

    def amount(self, key: str, value: Any) -> Decimal | None:
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int | float | str):
            raise self.fail(key, f"must be an amount like 500 or \"499.99\", not {value!r}")
        try:
            amount = Decimal(str(value))
        except InvalidOperation:
            raise self.fail(key, f"must be an amount like 500 or \"499.99\", not {value!r}") from None
        if amount < 0:
            raise self.fail(key, "must not be negative")
        return amount

    def never(self, index: int, entry: dict[str, Any]) -> Never:
        key = f"never #{index}"
        if extra := set(entry) - {"services", "when", "reason"}:
            raise self.fail(key, f"has unknown key(s) {', '.join(sorted(extra))} (known: reason, services, when)")
        services = entry.get("services")
        if isinstance(services, str):
            services = [services]
        if not services or not all(isinstance(s, str) and s.strip() for s in services):
            raise self.fail(key, 'needs services = ["Carrier/Service", "Carrier/*", ...]')
        when = self.choice(f"{key}.when", entry.get("when", "always"), WHEN)
        reason = self.text(f"{key}.reason", entry.get("reason", f"rule: never {', '.join(services)} ({when})"))
        patterns = tuple(re.compile(translate(s.strip().casefold())) for s in services)
        return Never(patterns, when, reason)

    def channel(self, name: str, body: Any) -> ChannelRule:
        key = f"channels.{name}"
        if not isinstance(body, dict):
            raise self.fail(key, f"must be a table like [channels.{name}]")
        if extra := set(body) - {"preferred_carrier", "max_premium", "carriers"}:
            raise self.fail(key, f"has unknown key(s) {', '.join(sorted(extra))} "
                                 "(known: carriers, max_premium, preferred_carrier)")
        carriers = body.get("carriers", [])
        if not isinstance(carriers, list) or not all(isinstance(c, str) for c in carriers):
            raise self.fail(f"{key}.carriers", "must be a list of carrier names")
        return ChannelRule(preferred_carrier=self.text(f"{key}.preferred_carrier", body.get("preferred_carrier", "")),
                           max_premium=self.amount(f"{key}.max_premium", body.get("max_premium")),
                           carriers=tuple(c.casefold() for c in carriers))
