"""The packer's screen under load, on a large station database (offscreen Qt).

    python -m tests.bench.bench_ui [--orders N] [--products N] [--pack N]

Measures, and prints as a table against the budgets:
- key-burst scan to updated screen: from the first key of a wedge burst to the window repainted
  with the outcome (through the worker thread, the database commit and the render), p50/p99;
- the longest event-loop stall while packing (a 5 ms timer's lateness);
- restart after a kill -9 in the label step (the label owed, nothing printed) to a ready window
  with that label carried out, 5 times (issue 17: ≤ 1 s);
- cold start to a ready window (station built, first state shown), in a fresh process, next to a
  bare PySide6 QMainWindow measured the same way in the same run: wall time, and CPU time (all
  threads), which a machine shared with other work does not inflate as much;
- RSS after packing N orders, and its growth per order over the second half of the run.
The database is built once into the bench cache folder (shared with bench_scan's builder).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from tests.bench.bench_scan import CACHE, build, gtin, migrate_and_settle  # noqa: E402

# Each child prints READY with its CPU time (all threads) at that moment: on a shared machine the
# wall clock says more about the neighbours than about the start; the CPU time says what it cost.
BARE_CHILD = """
import time; t0 = time.perf_counter()
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
w = QMainWindow(); w.resize(1366, 768); w.show(); app.processEvents()
print("READY", time.perf_counter() - t0, time.process_time(), flush=True)
"""

# As `packstation` (app.cli.run_gui, app.ui.app.run) starts: the garbage collector paused, app.ui.app
# imported, the window built, then the event loop (app.exec, no polling) until the Station is up.
APP_CHILD = """
import time; t0 = time.perf_counter()
from app.ui.fast_start import pause_gc; pause_gc()
from app.ui.app import build_window
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
w = build_window([])
app = QApplication.instance()
def ready(_result=None):
    if w.ready:
        app.processEvents()
        print("READY", time.perf_counter() - t0, time.process_time(), flush=True)
        app.quit()
w.rendered.connect(ready)  # after the window showed a job's result: the start job's makes it ready
QTimer.singleShot(60_000, app.quit)
app.exec()
w.shutdown()
"""


# kill -9 in the label step: the order confirmed, its label owed on disk, nothing printed. The
# process dies the moment the label would be handed to the printers (issue 17's worst boundary).
CRASH_CHILD = """
import os, sys
from app.printing import station_output
from app.startup import open_bench
from app.station import Station
from app.store.repository import Repository
from tests.bench.bench_scan import gtin
bench = open_bench()
station = Station(bench.config, Repository(bench.engine), station_output(bench))
station.output.print_label = lambda job: os._exit(9)
station.scan("PS:BADGE:P-1")
station.scan(sys.argv[1])
for line in station.state.order.lines:
    for _ in range(line.quantity):
        station.scan(gtin(int(line.sku.split("-")[1])))
station.scan("PS:CMD:CONFIRM")
os._exit(1)  # the label step was never reached
"""


def restart_after_crash(home: Path, numbers: list[str]) -> float:
    """Median wall time of a restart to a ready window after a crash in the label step, with the
    owed label carried out before the window is ready (checked in the database after each)."""
    import sqlite3

    env = {**os.environ, "PACKSTATION_HOME": str(home), "QT_QPA_PLATFORM": "offscreen"}
    root = Path(__file__).resolve().parents[2]
    times = []
    for number in numbers:
        crashed = subprocess.run([sys.executable, "-c", CRASH_CHILD, number], env=env, cwd=root,
                                 capture_output=True, text=True, timeout=120)
        assert crashed.returncode == 9, crashed.stderr[-2000:]
        wall, _cpu = cold_start(APP_CHILD, home, runs=1)
        times.append(wall)
        with sqlite3.connect(home / "data" / "station.db") as db:
            states = [s for (s,) in db.execute("select state from effect_intents where kind = 'label' "
                                               "and order_number = ?", (number,))]
        assert states == ["done"], f"order {number}: the owed label was not carried out at restart ({states})"
    return statistics.median(times)


def precompile() -> None:
    """As scripts/start does before it opens the window: the app's bytecode written once, so that
    a cold start does not compile the app's modules (PYTHONDONTWRITEBYTECODE would make every start do it)."""
    root = Path(__file__).resolve().parents[2]
    subprocess.run([sys.executable, "-m", "compileall", "-q", "-j", "0", "app", "printers", "resources"],
                   cwd=root, check=True, stdout=subprocess.DEVNULL)


def cold_starts(home: Path, runs: int = 9) -> tuple[tuple[float, float], tuple[float, float]]:
    """The bare window's and the station's cold starts (median wall, median CPU), run in turns so
    that a neighbour's load falls on both alike."""
    bare, ours = [], []
    for _ in range(runs):
        bare.append(cold_start(BARE_CHILD, home, runs=1))
        ours.append(cold_start(APP_CHILD, home, runs=1))
    return ((statistics.median(w for w, _ in bare), statistics.median(c for _, c in bare)),
            (statistics.median(w for w, _ in ours), statistics.median(c for _, c in ours)))


def cold_start(code: str, home: Path, runs: int = 9) -> tuple[float, float]:
    """Median wall time from spawning the process to its window being ready, and its median CPU time."""
    env = {**os.environ, "PACKSTATION_HOME": str(home), "QT_QPA_PLATFORM": "offscreen"}
    times, cpu = [], []
    for _ in range(runs):
        start = time.perf_counter()
        proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                                env=env, text=True, cwd=Path(__file__).resolve().parents[2])
        for line in proc.stdout:
            if line.startswith("READY"):
                times.append(time.perf_counter() - start)
                cpu.append(float(line.split()[2]))
                break
        proc.wait(60)
    return statistics.median(times), statistics.median(cpu)


def percentile(samples: list[float], p: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(len(ordered) * p))]


def pack(home: Path, orders: int, count: int) -> dict[str, float]:
    import psutil
    from PySide6.QtCore import QEvent, QEventLoop, Qt, QTimer
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    from app.ui.app import build_window, start_job

    os.environ["PACKSTATION_HOME"] = str(home)
    window = build_window([], job=start_job(demo=False))  # labels and slips go to the spool folders
    window.showNormal()
    window.resize(1366, 768)
    app = QApplication.instance()
    while not (window.warmed_up and window.idle):  # started, and the renderers warmed up
        app.processEvents()
    latencies: list[float] = []
    slowest: list[tuple[float, str, str]] = []
    item_latencies: list[float] = []
    painted: list[float] = []
    # Screen updated: the layout and paint Qt has queued for the outcome (its UpdateRequest: the
    # changed widgets repainted into the window's backing store and flushed), done right away.
    # A forced window.repaint() would also paint every unchanged widget (about 8 ms at 1366×768).
    window.rendered.connect(lambda _r: (app.sendPostedEvents(None, 0), painted.append(time.perf_counter())))

    stalls: list[float] = []
    last_tick = [time.perf_counter()]

    def tick() -> None:
        now = time.perf_counter()
        stalls.append(now - last_tick[0] - 0.005)
        last_tick[0] = now

    ticker = QTimer()
    ticker.setTimerType(Qt.TimerType.PreciseTimer)
    ticker.timeout.connect(tick)

    clock_ms = [0]

    def type_as_scanner(code: str) -> None:
        """The keys as X11 delivers a wedge scanner's: 4 ms apart, each stamped with when it was
        pressed. Without stamps (QTest's) a scan is framed by arrival time only, and a busy
        machine pausing this process mid-scan split it (a lost item, then "Nothing to confirm")."""
        clock_ms[0] += 1000
        for ch in code + "\r":
            key = Qt.Key.Key_Return if ch == "\r" else Qt.Key(ord(ch.upper()))
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                event = QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, ch)
                event.setTimestamp(clock_ms[0])
                QApplication.sendEvent(window, event)
            clock_ms[0] += 4

    # Wait as app.exec() does, asleep until an event comes: spinning processEvents() would take the
    # GIL from the worker thread that is carrying out the scan.
    waiting = QEventLoop.ProcessEventsFlag.WaitForMoreEvents

    def scan(code: str, measure: bool, item: bool = False) -> None:
        before = len(painted)
        started = time.perf_counter()
        type_as_scanner(code)
        while len(painted) == before:
            app.processEvents(waiting)
        if measure:
            latencies.append(painted[-1] - started)
            slowest.append((painted[-1] - started, code if not item else "item", window.state.phase.value))
        if item:
            item_latencies.append(painted[-1] - started)
        while not window.idle:  # a label's picture follows its outcome in a second job
            app.processEvents(waiting)

    process = psutil.Process()
    scan("PS:BADGE:P-1", False)
    first_open = int(orders * 0.9) + 1
    rss_half = 0.0
    ticker.start(5)
    last_tick[0] = time.perf_counter()
    for n, number in enumerate(range(first_open, first_open + count), start=1):
        scan(f"{number:07d}", True)
        state = window.state
        assert state.order is not None, window.banner.message
        for line in state.order.lines:
            for _ in range(line.quantity):
                scan(gtin(int(line.sku.split("-")[1])), True, item=True)
        scan("PS:CMD:CONFIRM", True)
        assert window.state.phase.value == "done", window.banner.message
        if n == count // 2:
            rss_half = process.memory_info().rss
    ticker.stop()
    rss_end = process.memory_info().rss
    renders = sorted(window.render_times)
    scan("PS:CMD:SIGN_OUT", False)  # the next start has no session to resume: a clean cold start
    window.shutdown()
    if os.environ.get("BENCH_SLOWEST"):
        for seconds, code, phase in sorted(slowest, reverse=True)[:15]:
            print(f"  slow scan {seconds * 1000:6.1f} ms  {code:<18} -> {phase}")
    return {
        "scans": len(latencies),
        "p50": statistics.median(latencies),
        "p99": percentile(latencies, 0.99),
        "item_p50": statistics.median(item_latencies),
        "item_p99": percentile(item_latencies, 0.99),
        "stall": max(stalls) if stalls else 0.0,
        "render_p99": percentile(renders, 0.99) if renders else 0.0,
        "render_max": renders[-1] if renders else 0.0,
        "rss": rss_end / 2**20,
        "growth_kb": (rss_end - rss_half) / 1024 / max(1, count - count // 2),
    }


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--orders", type=int, default=1_000_000)  # the size
    parser.add_argument("--products", type=int, default=100_000)
    parser.add_argument("--pack", type=int, default=500)
    parser.add_argument("--cold-start-only", action="store_true", help="only the cold start rows (no packing)")
    args = parser.parse_args()
    pristine = CACHE / f"o{args.orders}-p{args.products}"  # shared with bench_scan
    if not (pristine / "data" / "station.db").exists():
        print(f"building a station database with {args.orders:,} orders (once, cached in {pristine})…", flush=True)
        build(pristine, args.orders, args.products)
    # Each run packs a copy (migrated once here, outside the timings), so every run starts alike.
    home = Path(tempfile.mkdtemp(prefix="packstation-bench-ui-"))
    shutil.copytree(pristine, home, dirs_exist_ok=True)
    migrate_and_settle(home)
    precompile()
    try:
        return _measure(home, args)
    finally:
        shutil.rmtree(home, ignore_errors=True)


def _measure(home: Path, args: argparse.Namespace) -> int:
    if args.cold_start_only:
        return _cold_start_rows(home)
    results = pack(home, args.orders, args.pack)
    (bare, bare_cpu), (ours, ours_cpu) = cold_starts(home)
    restart = restart_after_crash(home, [f"{n:07d}" for n in range(args.orders - 4, args.orders + 1)])
    rows = [
        ("item scan burst → screen updated p50", f"{results['item_p50'] * 1000:.1f} ms", "", True),
        ("item scan burst → screen updated p99", f"{results['item_p99'] * 1000:.1f} ms", "≤ 30 ms",
         results["item_p99"] <= 0.030),
        ("any scan (incl. label + slip) p50", f"{results['p50'] * 1000:.1f} ms", "", True),
        ("any scan (incl. label + slip) p99", f"{results['p99'] * 1000:.1f} ms", "≤ 30 ms", results["p99"] <= 0.030),
        ("longest event-loop stall while packing", f"{results['stall'] * 1000:.1f} ms", "≤ 50 ms",
         results["stall"] <= 0.050),
        ("GUI-thread render of one outcome p99 / max",
         f"{results['render_p99'] * 1000:.1f} / {results['render_max'] * 1000:.0f} ms", "", True),
        ("cold start to ready window", f"{ours * 1000:.0f} ms", "≤ 500 ms", ours <= 0.5),
        ("bare PySide6 QMainWindow, same run", f"{bare * 1000:.0f} ms", "", True),
        ("ratio to bare window", f"{ours / bare:.2f}×", "≤ 4.5×", ours / bare <= 4.5),
        ("cold start CPU time (all threads) / bare's", f"{ours_cpu * 1000:.0f} / {bare_cpu * 1000:.0f} ms", "", True),
        ("CPU ratio to bare window", f"{ours_cpu / bare_cpu:.2f}×", "", True),
        ("restart after kill -9 in the label step → ready, label re-driven", f"{restart * 1000:.0f} ms", "≤ 1 s",
         restart <= 1.0),
        (f"RSS after packing {args.pack} orders", f"{results['rss']:.0f} MB", "≤ 200 MB", results["rss"] <= 200),
        ("RSS growth per order (2nd half)", f"{results['growth_kb']:.1f} KB", "≈ 0", results["growth_kb"] < 20),
    ]
    print(f"\nstation database: {args.orders:,} orders, {args.products:,} products; "
          f"{results['scans']:,} scans through the window\n")
    width = max(len(r[0]) for r in rows)
    print(f"{'measure'.ljust(width)}  {'result':>10}  {'budget':>9}  ok")
    for name, value, budget, ok in rows:
        print(f"{name.ljust(width)}  {value:>10}  {budget:>9}  {'✓' if ok else '✗'}")
    return 0 if all(r[3] for r in rows) else 1


def _cold_start_rows(home: Path) -> int:
    (bare, bare_cpu), (ours, ours_cpu) = cold_starts(home)
    print(f"cold start to ready window  {ours * 1000:.0f} ms (≤ 500 ms), bare window {bare * 1000:.0f} ms, "
          f"ratio {ours / bare:.2f}× (≤ 4.5×); CPU {ours_cpu * 1000:.0f} / {bare_cpu * 1000:.0f} ms, "
          f"ratio {ours_cpu / bare_cpu:.2f}×")
    return 0 if ours <= 0.5 and ours / bare <= 4.5 else 1


if __name__ == "__main__":
    raise SystemExit(main())
