"""A throwaway PostgreSQL cluster for tests and benchmarks: a temp folder, a free port, a socket dir.

PostgreSQL refuses to run as root, so when we are root the server runs as the `postgres` OS
user (`runuser -u postgres -- ...`) in a folder it owns. The admin connects over the unix
socket (trust); stations connect over TCP on 127.0.0.1 with passwords (scram-sha-256), as in a
warehouse.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path


class ClusterUnavailable(RuntimeError):
    """No PostgreSQL server could be started here; the message says why."""


def find_bindir() -> Path:
    explicit = os.environ.get("PACKSTATION_PG_BINDIR")
    candidates = [explicit] if explicit else sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True)
    found = shutil.which("pg_config")
    if found and not explicit:
        out = subprocess.run([found, "--bindir"], capture_output=True, text=True)
        if out.returncode == 0:
            candidates.append(out.stdout.strip())
    for candidate in candidates:
        if candidate and (Path(candidate) / "initdb").exists() and (Path(candidate) / "pg_ctl").exists():
            return Path(candidate)
    raise ClusterUnavailable("PostgreSQL server binaries (initdb, pg_ctl) not found; "
                             "set PACKSTATION_PG_BINDIR or install postgresql")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Cluster:
    def __init__(self, bindir: Path, root: Path, port: int, settings: dict[str, str]) -> None:
        self.bindir = bindir
        self.root = root
        self.data = root / "data"
        self.sockets = root / "sock"
        self.log = root / "server.log"
        self.port = port
        self.settings = settings
        self._as_postgres = os.geteuid() == 0

    # ------------------------------------------------------------ running commands as the server's user

    def _run(self, *args: str, check: bool = True, timeout: float = 60) -> subprocess.CompletedProcess:
        command = list(args)
        if self._as_postgres:
            command = ["runuser", "-u", "postgres", "--", *command]
        result = subprocess.run(command, capture_output=True, text=True, timeout=timeout)
        if check and result.returncode != 0:
            raise ClusterUnavailable(f"{' '.join(args[:2])} failed: {result.stderr.strip() or result.stdout.strip()}")
        return result

    def init(self) -> None:
        self.root.mkdir(parents=True, exist_ok=True)
        self.sockets.mkdir(exist_ok=True)
        if self._as_postgres:
            shutil.chown(self.root, "postgres")
            shutil.chown(self.sockets, "postgres")
            os.chmod(self.root, 0o755)
        self._run(str(self.bindir / "initdb"), "-D", str(self.data), "-U", "postgres", "--auth-local=trust",
                  "--auth-host=scram-sha-256", "--no-sync", "-E", "UTF8", "--locale=C")

    def _options(self) -> str:
        options = {"listen_addresses": "127.0.0.1", "port": str(self.port),
                   "unix_socket_directories": str(self.sockets), **self.settings}
        return " ".join(f"-c {key}={value}" for key, value in options.items())

    def start(self) -> None:
        self._run(str(self.bindir / "pg_ctl"), "-D", str(self.data), "-l", str(self.log), "-w", "-t", "30",
                  "-o", self._options(), "start")

    def stop(self, mode: str = "fast") -> None:
        self._run(str(self.bindir / "pg_ctl"), "-D", str(self.data), "-m", mode, "-w", "-t", "30", "stop",
                  check=False)

    def restart(self, mode: str = "fast") -> None:
        """pg_ctl restart: every connection is cut, the server is back when this returns."""
        self._run(str(self.bindir / "pg_ctl"), "-D", str(self.data), "-l", str(self.log), "-m", mode, "-w",
                  "-t", "30", "-o", self._options(), "restart")

    def running(self) -> bool:
        return self._run(str(self.bindir / "pg_ctl"), "-D", str(self.data), "status", check=False).returncode == 0

    def destroy(self) -> None:
        if self.data.exists():
            self.stop("immediate")
        shutil.rmtree(self.root, ignore_errors=True)

    # ------------------------------------------------------------ URLs

    def admin_url(self, database: str = "postgres") -> str:
        return f"postgresql://postgres@/{database}?host={self.sockets}&port={self.port}"

    def tcp_url(self, user: str, database: str) -> str:
        return f"postgresql://{user}@127.0.0.1:{self.port}/{database}"

    def psql(self, sql: str, database: str = "postgres") -> str:
        result = self._run(str(self.bindir / "psql"), "-X", "-q", "-At", "-v", "ON_ERROR_STOP=1", "-h",
                           str(self.sockets), "-p", str(self.port), "-U", "postgres", "-d", database, "-c", sql)
        return result.stdout.strip()


def start_cluster(*, fsync: bool = False, extra: dict[str, str] | None = None) -> Cluster:
    """Start a new cluster. fsync=off is fine for tests (a server *process* crash loses nothing
    with it; only an OS crash would); benchmarks keep fsync on to measure real commits."""
    bindir = find_bindir()
    if os.geteuid() == 0 and shutil.which("runuser") is None:
        raise ClusterUnavailable("running as root without runuser: cannot start PostgreSQL as postgres")
    settings = {"max_connections": "300", "shared_buffers": "128MB", "fsync": "on" if fsync else "off",
                "full_page_writes": "on" if fsync else "off", "log_min_messages": "warning",
                "max_wal_size": "1GB", **(extra or {})}
    last: Exception | None = None
    for _attempt in range(3):  # a free port can be taken between our check and the server's bind
        root = Path(tempfile.mkdtemp(prefix="packstation-pg-"))
        cluster = Cluster(bindir, root, free_port(), settings)
        try:
            cluster.init()
            cluster.start()
            return cluster
        except (ClusterUnavailable, subprocess.TimeoutExpired, OSError) as exc:
            last = exc
            log = cluster.log.read_text(errors="replace")[-2000:] if cluster.log.exists() else ""
            cluster.destroy()
            if "could not bind" not in log:
                raise ClusterUnavailable(f"{exc}\n{log}".strip()) from exc
            time.sleep(0.2)
    raise ClusterUnavailable(f"could not start PostgreSQL: {last}")
