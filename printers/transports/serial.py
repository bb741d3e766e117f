"""Serial (RS-232 / USB-serial) printers through pyserial, imported only when used."""

from __future__ import annotations

from typing import Any

from printers.errors import ConnectionLost, PrinterTimeout, PrinterUnreachable
from printers.reasons import reason
from printers.transports.base import DEFAULT_TIMEOUT, Transport


class SerialTransport(Transport):
    scheme = "serial"
    supports_status = True

    def __init__(self, uri: str, port: str, baudrate: int = 9600, timeout: float = DEFAULT_TIMEOUT,
                 rtscts: bool = False, xonxoff: bool = False) -> None:
        super().__init__(uri, timeout)
        self.port, self.baudrate, self.rtscts, self.xonxoff = port, baudrate, rtscts, xonxoff
        self._serial: Any = None

    @property
    def name(self) -> str:
        return reason("serial_printer", port=self.port)

    def open(self) -> None:
        if self._serial is not None:
            return
        import serial  # pyserial: imported here so network printing never needs it

        try:
            self._serial = serial.Serial(self.port, self.baudrate, timeout=self.timeout,
                                         write_timeout=self.timeout, rtscts=self.rtscts, xonxoff=self.xonxoff)
        except (serial.SerialException, OSError, ValueError) as exc:
            raise PrinterUnreachable(reason("cannot_open_serial", printer=self.name)) from exc

    def write(self, data: bytes) -> None:
        self.open()
        import serial

        try:
            self._serial.write(data)
            self._serial.flush()
        except serial.SerialTimeoutException as exc:
            raise PrinterTimeout(reason("stopped_taking_data_paused", printer=self.name)) from exc
        except (serial.SerialException, OSError) as exc:
            self.close()
            raise ConnectionLost(reason("disconnected_while_printing", printer=self.name)) from exc

    def read(self, size: int = 4096, timeout: float | None = None) -> bytes:
        self.open()
        import serial

        self._serial.timeout = self.timeout if timeout is None else max(timeout, 0.001)
        try:
            first = self._serial.read(1)  # waits up to the timeout for the first byte
            if not first:
                return b""
            return first + self._serial.read(min(self._serial.in_waiting, size - 1))
        except (serial.SerialException, OSError) as exc:
            self.close()
            raise ConnectionLost(reason("disconnected", printer=self.name)) from exc
        finally:
            if self._serial is not None:
                self._serial.timeout = self.timeout

    def close(self) -> None:
        if self._serial is not None:
            try:
                self._serial.close()
            finally:
                self._serial = None
