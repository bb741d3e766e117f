"""At the station: the slip again by scan and by command, an interrupted label resent by scan and by
command, and `printers list` saying what waits and why. Real station database, `packstation replay`,
a simulated Zebra on 127.0.0.1 and a spool folder as the office printer."""

from __future__ import annotations

import json

from sqlalchemy import update

from app.cli import main
from app.printing.job_store import SqlJobStore
from app.startup import open_bench
from app.store.models import PrintJob as PrintJobRow
from printers import send
from printers.print_queue import JobState, PrintQueue
from printers.simulator import ZebraSimulator
from tests.support import SOCKS_GTIN, seed_small

PACK_1001 = f"PS:BADGE:P-1001\n1001\n{SOCKS_GTIN}\nPS:CMD:CONFIRM\n"


def _station(home, label: str, document: str) -> None:
    home.mkdir(parents=True, exist_ok=True)
    (home / "station.toml").write_text(
        f'[station]\nname = "BENCH-9"\n[printers]\nlabel = "{label}"\ndocument = "{document}"\n'
        '[ship_from]\nname = "Northwind Goods"\ncity = "Leeds"\ncountry = "GB"\n', encoding="utf-8")
    bench = open_bench()
    seed_small(bench.sessions)
    bench.close()


def _replay(tmp_path, capsys, scans: str) -> list[dict]:
    script = tmp_path / "scans.txt"
    script.write_text(scans)
    assert main(["replay", str(script)]) == 0
    return [json.loads(line) for line in capsys.readouterr().out.splitlines()]


def _slip_jobs() -> list:
    bench = open_bench()
    try:
        return [j for j in reversed(SqlJobStore(bench.engine).recent(50)) if j.document == "slip"]
    finally:
        bench.close()


def test_reprint_slip_by_scan_prints_the_same_document_again(home, tmp_path, capsys) -> None:
    """GIVEN order 1001 packed WHEN the packer scans PS:CMD:REPRINT-SLIP THEN the office printer gets a
    second slip, byte for byte the first, recorded as a reprint of it."""
    office = tmp_path / "office"
    office.mkdir()
    with ZebraSimulator() as zebra:
        _station(home, zebra.uri, f"dir://{office}")
        outcomes = _replay(tmp_path, capsys, PACK_1001 + "PS:CMD:REPRINT-SLIP\n")
    assert outcomes[-1]["code"] == "slip_reprinted"
    first, again = _slip_jobs()
    assert again.reprint_of == first.uuid and again.data == first.data
    pdfs = sorted(office.iterdir())
    assert len(pdfs) == 2 and pdfs[0].read_bytes() == pdfs[1].read_bytes()


def test_reprint_slip_before_the_order_is_packed_is_refused(home, tmp_path, capsys) -> None:
    """GIVEN an order open, not packed THEN REPRINT-SLIP is refused: the slip prints when it is packed."""
    with ZebraSimulator() as zebra:
        _station(home, zebra.uri, f"dir://{tmp_path}")
        outcomes = _replay(tmp_path, capsys, "PS:BADGE:P-1001\n1001\nPS:CMD:REPRINT-SLIP\n")
    assert outcomes[-1]["code"] == "no_slip_yet" and outcomes[-1]["result"] == "rejected"


def test_reprint_slip_from_the_command_line_queues_the_same_document(home, tmp_path, capsys) -> None:
    """GIVEN order 1001 packed WHEN `packstation printers reprint-slip 1001` THEN a new slip job with the
    first slip's bytes is queued for the station to send; an unknown order is a one-line error."""
    with ZebraSimulator() as zebra:
        _station(home, zebra.uri, f"dir://{tmp_path / 'office'}")
        _replay(tmp_path, capsys, PACK_1001)
    assert main(["printers", "reprint-slip", "1001"]) == 0
    assert "packing slip of order 1001 queued again" in capsys.readouterr().out
    first, again = _slip_jobs()
    assert again.state is JobState.QUEUED and again.data == first.data and again.reprint_of == first.uuid
    assert main(["printers", "reprint-slip", "9999"]) == 1
    assert "no order 9999" in capsys.readouterr().err


def _interrupted_label(home) -> str:
    """A label job cut off mid-send on the station's queue (a Zebra that resets the connection)."""
    bench = open_bench()
    try:
        store = SqlJobStore(bench.engine)
        big = b"^XA" + b"^FO0,0^GFA,8,8,1,FF00FF00FF00FF00^FS" * 200_000 + b"^XZ"
        with ZebraSimulator(drop_after=10_000) as flaky:
            queue = PrintQueue(store, send, readiness=False)
            job = queue.submit(flaky.uri, "label", "zpl", big, "order 1001 box 1")
            queue.run_once()
        assert store.get(job.uuid).state is JobState.INTERRUPTED
        return job.uuid
    finally:
        bench.close()


def test_an_interrupted_label_is_listed_and_resent_once_from_the_command_line(home, tmp_path, capsys) -> None:
    """GIVEN a label cut off mid-send THEN `printers list` names it with the command to resend it; WHEN
    `printers resend <its id>` THEN it is queued once more, and a second resend is refused in words."""
    with ZebraSimulator() as zebra:
        _station(home, zebra.uri, f"dir://{tmp_path}")
    job = _interrupted_label(home)
    assert main(["printers", "list"]) == 0
    listed = capsys.readouterr().out
    assert f"interrupted {job[:8]} label order 1001 box 1" in listed and f"printers resend {job[:8]}" in listed
    assert main(["printers", "resend", job[:8]]) == 0
    assert "queued again" in capsys.readouterr().out
    assert main(["printers", "resend", job[:8]]) == 1
    assert "still waiting for its printer" in capsys.readouterr().err
    assert main(["printers", "resend", "ffffffff"]) == 1
    assert "no print job" in capsys.readouterr().err


def test_resend_by_scan_prints_the_interrupted_label_once(home, tmp_path, capsys) -> None:
    """GIVEN a label cut off mid-send WHEN the packer scans PS:CMD:RESEND THEN it is sent again, once."""
    with ZebraSimulator() as zebra:
        _station(home, zebra.uri, f"dir://{tmp_path}")
        job = _interrupted_label(home)
        bench = open_bench()
        with bench.engine.begin() as conn:  # the station's label printer, back on its feet
            conn.execute(update(PrintJobRow.__table__).where(PrintJobRow.__table__.c.uuid == job)
                         .values(printer=zebra.uri))
        bench.close()
        outcomes = _replay(tmp_path, capsys, "PS:BADGE:P-1001\nPS:CMD:RESEND\nPS:CMD:RESEND\n")
        jobs = zebra.wait_for_jobs(1)
    assert outcomes[1]["code"] == "resent" and "label order 1001 box 1" in outcomes[1]["message"]
    assert outcomes[2]["code"] == "nothing_to_resend"
    assert len([j for j in jobs if j.startswith(b"^XA^FO0,0^GFA")]) == 1
