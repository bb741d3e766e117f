"""Building shipping from the station's settings: rate sources, the label buyer, the mail outbox."""

from __future__ import annotations

from typing import Any

from app.domain.model import Address
from app.shipping.buyer import LabelBuyer, engine_of
from app.shipping.errors import ShippingNotConfigured
from app.shipping.mailer import Outbox, SmtpSender
from app.shipping.model import RateSource
from app.shipping.ratecards import RateCardSource
from app.shipping.reasons import CarrierReason
from app.shipping.rules import ShippingRules, load_rules
from app.shipping.settings import ShippingSettings


def build_sources(settings: ShippingSettings) -> list[RateSource]:
    sources: list[RateSource] = []
    for name in settings.sources:
        if name == "easypost":
            from app.shipping.easypost_source import EasyPostSource  # the client is needed only here

            sources.append(EasyPostSource.from_settings(settings))
        elif name == "rate_cards":
            sources.append(RateCardSource.from_folder(settings.rate_cards))
    if not sources:
        raise ShippingNotConfigured(CarrierReason("no_rate_source"))
    return sources


def build_rules(settings: ShippingSettings) -> ShippingRules:
    return load_rules(settings.rules)


def label_buyer(sessions_or_engine: Any, settings: ShippingSettings, ship_from: Address | dict[str, str], *,
                sources: list[RateSource] | None = None, rules: ShippingRules | None = None,
                label_format: str = "") -> LabelBuyer:
    """`label_format`: what the label printer takes, used when [shipping] label_format is not set."""
    return LabelBuyer(engine_of(sessions_or_engine), sources if sources is not None else build_sources(settings),
                      rules or build_rules(settings), ship_from=ship_from,
                      label_format=settings.label_format or label_format or "zpl")


def mail_outbox(sessions_or_engine: Any, settings: ShippingSettings) -> tuple[Outbox, SmtpSender]:
    return Outbox(engine_of(sessions_or_engine)), SmtpSender(settings.smtp)
