"""`packstation replay`: bytes in, one JSON outcome per scan out, through the same Station."""

from __future__ import annotations

import json

from app.cli import main
from app.startup import open_bench
from tests.support import MUG_GTIN, SOCKS_GTIN, seed_small


def run_replay(tmp_path, capsys, lines: bytes, *extra: str) -> list[dict]:
    script = tmp_path / "scans.txt"
    script.write_bytes(lines)
    assert main(["replay", str(script), *extra]) == 0
    return [json.loads(line) for line in capsys.readouterr().out.splitlines()]


def test_replay_packs_an_order_and_prints_one_json_line_per_scan(home, tmp_path, capsys):
    bench = open_bench()
    seed_small(bench.sessions)
    bench.close()
    scans = f"PS:BADGE:P-1001\r\n1002\n\n{SOCKS_GTIN}\nPS:CMD:QTY:1\n{SOCKS_GTIN}\n{MUG_GTIN}\nPS:CMD:CONFIRM\n"
    out = run_replay(tmp_path, capsys, scans.encode())
    assert [o["code"] for o in out] == ["signed_in", "order_opened", "item_packed", "qty_armed", "item_packed",
                                        "all_items_packed", "order_packed"]
    assert out[-1]["phase"] == "done" and out[1]["line"] == 2 and out[2]["line"] == 4  # blank line skipped


def test_a_line_that_is_not_utf8_is_a_rejected_scan_not_a_crash(home, tmp_path, capsys):
    bench = open_bench()
    seed_small(bench.sessions)
    bench.close()
    out = run_replay(tmp_path, capsys, b"PS:BADGE:P-1001\n\xff\xfe\x00garbage\n" + b"9" * 600 + b"\n1001\n")
    assert [o["result"] for o in out] == ["accepted", "rejected", "rejected", "accepted"]
    assert [o["code"] for o in out[1:3]] == ["invalid_utf8", "too_long"]


def test_station_option_acts_as_another_bench(home, tmp_path, capsys):
    bench = open_bench()
    seed_small(bench.sessions)
    bench.close()
    run_replay(tmp_path, capsys, b"PS:BADGE:P-1001\n1002\n", "--station", "BENCH-A")
    out = run_replay(tmp_path, capsys, b"PS:BADGE:P-1001\n1002\n", "--station", "BENCH-B")
    assert out[1]["code"] == "order_claimed" and "BENCH-A" in out[1]["message"]
