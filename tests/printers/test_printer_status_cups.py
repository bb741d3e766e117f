"""CUPS: "the print service is not running" told apart from "no such queue".

`lp` and `lpstat` are small scripts standing in for CUPS 2.4's, printing what it prints (recorded
on Debian 12 with cupsd stopped: `lp -d Nope` says "lp: Error - The printer or class does not
exist." whether or not the queue exists, and `lpstat -r` says "scheduler is not running").
"""

from __future__ import annotations

from pathlib import Path

import pytest

from printers import PrinterNotReady, send, transport_for
from printers.errors import SchedulerDown, UnknownQueue
from printers.print_queue import JobState, PrintQueue

LP_NO_QUEUE = "lp: Error - The printer or class does not exist."


def _script(path: Path, body: str) -> Path:
    path.write_text("#!/bin/sh\n" + body)
    path.chmod(0o755)
    return path


def _cups(tmp_path: Path, *, lp_error: str = "", scheduler: bool = True, lpstat_p: str = "") -> str:
    lp = _script(tmp_path / "lp", f'echo "{lp_error}" >&2\nexit 1\n' if lp_error else "cat > /dev/null\n")
    state = "scheduler is running" if scheduler else "scheduler is not running"
    lpstat = _script(tmp_path / "lpstat", f'if [ "$1" = "-r" ]; then echo "{state}"; exit 0; fi\n'
                                          f'printf "%s\\n" "{lpstat_p}"\n')
    return f"lp={lp}&lpstat={lpstat}"


def test_a_stopped_scheduler_is_said_so_not_mistaken_for_an_unknown_queue(tmp_path: Path) -> None:
    """GIVEN cupsd stopped (lp says the queue does not exist) THEN the error says CUPS is not running."""
    tools = _cups(tmp_path, lp_error=LP_NO_QUEUE, scheduler=False)
    with pytest.raises(SchedulerDown, match=r"print service \(CUPS\) is not running — ask IT to start it"):
        send(f"cups://Office?{tools}", b"%PDF-1.4 slip")


def test_an_unknown_queue_with_the_scheduler_running_is_a_settings_error(tmp_path: Path) -> None:
    """GIVEN cupsd running and no queue "Ofice" THEN the error names the queue and the station settings."""
    tools = _cups(tmp_path, lp_error=LP_NO_QUEUE)
    with pytest.raises(UnknownQueue, match="Printer queue Ofice is unknown to CUPS — check the queue name"):
        send(f"cups://Ofice?{tools}", b"%PDF-1.4 slip")


def test_a_queue_that_rejects_jobs_is_not_ready(tmp_path: Path) -> None:
    """GIVEN a queue set to reject jobs (cupsreject) THEN it is a printer not ready, for IT to enable."""
    tools = _cups(tmp_path, lp_error='lp: Destination "Office" is not accepting jobs.')
    with pytest.raises(PrinterNotReady, match="not accepting jobs — ask IT to enable it") as error:
        send(f"cups://Office?{tools}", b"%PDF-1.4 slip")
    assert error.value.fix == "Ask IT: queue stopped"


@pytest.mark.parametrize(("scheduler", "lpstat_p", "ready", "words"), [
    (False, "", False, "CUPS) is not running"),
    (True, 'lpstat: Invalid destination name in list "Nope".', False, "unknown to CUPS"),
    (True, "printer Office disabled since Fri 27 Nov 2026 09:12:01 CET -", False, "stopped in CUPS"),
    (True, "printer Office is idle.  enabled since Fri 27 Nov 2026 09:12:01 CET", True, "is ready"),
])
def test_the_queue_state_reads_lpstat(tmp_path: Path, scheduler: bool, lpstat_p: str, ready: bool,
                                      words: str) -> None:
    """GIVEN what lpstat -r and lpstat -p say THEN `printers status` reports the queue's state in words."""
    transport = transport_for(f"cups://Office?{_cups(tmp_path, scheduler=scheduler, lpstat_p=lpstat_p)}")
    state = transport.queue_state()
    assert state.ready is ready and words in state.message


def test_the_queue_holds_slips_while_cups_is_down_and_sends_them_when_it_is_back(home, tmp_path: Path) -> None:
    """GIVEN cupsd stopped WHEN a slip is queued THEN it stays queued with "Ask IT to start CUPS";
    WHEN CUPS is back THEN the slip goes to lp once."""
    from app.printing.job_store import SqlJobStore
    from app.startup import open_bench

    bench = open_bench()
    try:
        store = SqlJobStore(bench.engine)
        tools = _cups(tmp_path, lp_error=LP_NO_QUEUE, scheduler=False)
        printer = f"cups://Office?{tools}"
        queue = PrintQueue(store, send, first_retry=0.0)
        job = queue.submit(printer, "slip", "pdf", b"%PDF-1.4 slip", "order 1001 slip")
        assert queue.run_once(now=0) == 0
        assert store.get(job.uuid).state is JobState.QUEUED
        assert queue.snapshot().printer(printer).fix == "Ask IT to start CUPS"
        _script(tmp_path / "lp", f'cat > "{tmp_path}/printed"\n')  # the scheduler is back
        assert queue.run_once(now=1) == 1
        assert (tmp_path / "printed").read_bytes() == b"%PDF-1.4 slip" and store.get(job.uuid).state is JobState.DONE
    finally:
        bench.close()
