"""The shipped simulators driven end to end: a child process on a pty, the real drivers and CLI reading it."""

from __future__ import annotations

import json
import subprocess
import threading
import time

import pytest

from app.devices.factory import open_scale, open_scanner
from app.domain.scan import parse_scan

from .conftest import spawn_cli, stop_child, wait_connected


def read_line(stream, timeout: float = 10.0) -> str:  # noqa: ANN001
    box: list[str] = []
    reader = threading.Thread(target=lambda: box.append(stream.readline()), daemon=True)
    reader.start()
    reader.join(timeout)
    if not box:
        raise TimeoutError("the simulator printed nothing")
    return box[0].strip()


def type_into(child: subprocess.Popen[str], line: str) -> None:
    assert child.stdin is not None
    child.stdin.write(line + "\n")
    child.stdin.flush()


@pytest.fixture
def simulator():
    children = []

    def start(*args: str) -> tuple[subprocess.Popen[str], str]:
        child = spawn_cli("simulate", *args)
        children.append(child)
        return child, read_line(child.stdout)

    yield start
    for child in children:
        stop_child(child)


def test_mt_sics_simulator_weighs_settles_overloads_and_survives_a_replug(simulator, handler, running, tmp_path,
                                                                          fast_backoff):
    """GIVEN `simulate scale --protocol mt-sics --link PATH` running as a child process
    WHEN the station's driver opens PATH, a parcel is put on (typed "2.5kg"), the scale is
    overloaded, then unplugged for half a second
    THEN a stable 1250 g, then a stable 2500 g after the swing, an overload, a disconnect and a
    reconnect with the weight back are all seen through the real driver."""
    link = tmp_path / "scale"
    child, path = simulator("scale", "--protocol", "mt-sics", "--weight", "1250", "--settle-ms", "300",
                            "--link", str(link))
    assert path.startswith("/dev/")
    running(open_scale(f"serial://{link}?protocol=mt-sics&poll_ms=50", handler, backoff=fast_backoff))
    assert handler.next("weight", 5, where=lambda r: r.usable).grams == 1250
    type_into(child, "2.5kg")
    moving = handler.next("weight", 3, where=lambda r: not r.stable)
    assert moving.status == "ok"
    assert handler.next("weight", 3, where=lambda r: r.usable).grams == 2500
    type_into(child, "overload")
    assert handler.next("weight", 3, where=lambda r: r.status == "overload")
    type_into(child, "ok")
    handler.next("weight", 3, where=lambda r: r.usable)
    type_into(child, "unplug 0.5")
    handler.next("status", 2, where=lambda s: s.state == "disconnected")
    wait_connected(handler, 5)
    assert handler.next("weight", 5, where=lambda r: r.usable).grams == 2500


@pytest.mark.parametrize(("protocol", "uri_extra"), [("nci", ""), ("stream", "&settle_n=3&settle_ms=100")])
def test_nci_and_stream_simulators_give_a_stable_weight(simulator, handler, running, protocol, uri_extra):
    """GIVEN `simulate scale --protocol nci|stream` with 1.25 kg on it
    WHEN the station reads it (NCI's default 7E1 framing on a pty, which has no parity)
    THEN a stable 1250 g arrives."""
    child, path = simulator("scale", "--protocol", protocol, "--weight", "1.25kg", "--unit", "kg")
    running(open_scale(f"serial://{path}?protocol={protocol}{uri_extra}", handler))
    reading = handler.next("weight", 5, where=lambda r: r.usable)
    assert (reading.grams, reading.unit) == (1250, "kg")


def test_scanner_simulator_sends_typed_and_file_scans_and_noise_is_never_a_scan(simulator, handler, running,
                                                                                tmp_path):
    """GIVEN `simulate scanner --suffix crlf --aim ]E0 --file scans.txt`
    WHEN the file plays, then a burst of line noise and a typed barcode follow
    THEN the file's scans arrive with their AIM id, the noise produces no accepted scan, the typed one arrives."""
    scans = tmp_path / "scans.txt"
    scans.write_text("4006381333931\n036000291452\n", encoding="utf-8")
    child, path = simulator("scanner", "--suffix", "crlf", "--aim", "]E0", "--file", str(scans), "--delay-ms", "50")
    running(open_scanner(f"serial://{path}?suffix=crlf&aim=require", handler))
    # The file may have started playing before the driver opened the port: only wait for what follows.
    type_into(child, "!noise 2000")
    type_into(child, "!sleep 0.2")
    type_into(child, "9506000134352")
    seen = []
    while True:
        raw, source = handler.next("scan", 5)
        if raw == b"]E09506000134352":
            break
        seen.append(raw)
    assert all(raw in (b"]E04006381333931", b"]E0036000291452") for raw in seen)
    assert not [raw for raw in seen if not parse_scan(raw).accepted]


def test_devices_read_weight_prints_one_stable_weight_as_json(simulator):
    """GIVEN a simulated NCI scale
    WHEN IT runs `devices read-weight --port P --protocol nci`
    THEN one JSON line with the stable grams, exit code 0."""
    child, path = simulator("scale", "--protocol", "nci", "--weight", "750")
    result = subprocess.run(spawn_args("devices", "read-weight", "--port", path, "--protocol", "nci",
                                       "--timeout", "5"), capture_output=True, text=True, timeout=20)
    assert result.returncode == 0, result.stderr
    document = json.loads(result.stdout)
    assert (document["grams"], document["stable"], document["protocol"]) == (750, True, "nci")


def test_devices_read_weight_times_out_with_a_clear_error(simulator):
    """GIVEN a simulated scale that never stops moving
    WHEN `devices read-weight --timeout 1` runs  THEN exit code 1 and a sentence saying why."""
    child, path = simulator("scale", "--protocol", "mt-sics", "--weight", "900", "--motion")
    started = time.monotonic()
    result = subprocess.run(spawn_args("devices", "read-weight", "--port", path, "--timeout", "1"),
                            capture_output=True, text=True, timeout=20)
    assert result.returncode == 1 and "no stable weight within 1 s" in result.stderr
    assert time.monotonic() - started < 10
    missing = subprocess.run(spawn_args("devices", "read-weight", "--port", "/dev/ttyNOPE9", "--timeout", "5"),
                             capture_output=True, text=True, timeout=20)
    assert missing.returncode == 2 and "/dev/ttyNOPE9 not found" in missing.stderr


def test_devices_listen_scanner_prints_json_lines(simulator):
    """GIVEN a simulated scanner
    WHEN `devices listen-scanner --count 2` runs and two barcodes are typed
    THEN two JSON lines with what parse_scan made of them."""
    child, path = simulator("scanner", "--suffix", "cr")
    listener = spawn_cli("devices", "listen-scanner", "--port", path, "--count", "2", "--timeout", "10")
    try:
        time.sleep(0.8)  # let the listener open the port
        type_into(child, "4006381333931")
        type_into(child, "PS:CMD:COMPLETE")
        out, err = listener.communicate(timeout=15)
        lines = [json.loads(line) for line in out.splitlines()]
        assert [(d["kind"], d["text"]) for d in lines] == [("product", "04006381333931"), ("command", "complete")]
        assert listener.returncode == 0
    finally:
        stop_child(listener)


def spawn_args(*args: str) -> list[str]:
    import sys

    return [sys.executable, "-m", "app.devices.cli", *args]
