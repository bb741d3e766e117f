"""The warehouse's stock in the central database: levels per SKU and bin, and the movements behind them.

Every networked station pushes its stock ledger (app.sync.outbox.Outbox.push_stock); a trigger
keeps `stock_levels` equal to the sum of every station's movements. These read it, on a psycopg
connection (a station's, which may read all of it, or an admin's):

    central_levels(conn, ["SKU-00001"])    -> {"SKU-00001": {"A-01-01": 12, "B-02-03": 4}}
    central_movements(conn, "SKU-00001")   -> the latest movements, newest first

Each station also pulls the other stations' movements back into its own ledger
(app.sync.ledgers), so its own `stock_levels` are the warehouse's as of its last sync, and its
stock screens work offline on them; these read the central database directly (IT, scripts).
"""

from __future__ import annotations

from collections.abc import Iterable

from app.domain.inventory import Movement


def central_levels(conn, skus: Iterable[str], *, bin_location: str | None = None) -> dict[str, dict[str, int]]:
    """Units on hand per bin for each SKU asked for (a SKU nothing was recorded for is left out)."""
    wanted = sorted(set(skus))
    if not wanted:
        return {}
    query = "SELECT sku, bin, on_hand FROM stock_levels WHERE sku = ANY(%s)"
    params: list[object] = [wanted]
    if bin_location is not None:
        query += " AND bin = %s"
        params.append(bin_location)
    levels: dict[str, dict[str, int]] = {}
    for sku, bin_name, on_hand in conn.execute(query + " ORDER BY sku, bin", params):
        levels.setdefault(sku, {})[bin_name] = int(on_hand)
    return levels


def central_movements(conn, sku: str, *, bin_location: str | None = None, limit: int = 20) -> list[Movement]:
    """The SKU's latest movements from every station, newest arrival first."""
    query = ("SELECT uuid::text, station, sku, bin, delta, reason, reference, note, user_name, negative, at, id "
             "FROM stock_movements WHERE sku = %s")
    params: list[object] = [sku]
    if bin_location is not None:
        query += " AND bin = %s"
        params.append(bin_location)
    query += " ORDER BY id DESC LIMIT %s"
    params.append(max(0, limit))
    return [Movement(uuid, station, sku, bin_name, int(delta), reason, reference, note, user_name, negative, at,
                     int(central_id))
            for uuid, station, sku, bin_name, delta, reason, reference, note, user_name, negative, at, central_id
            in conn.execute(query, params)]
