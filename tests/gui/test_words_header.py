"""Who is signed in, as the header says it (issue 20, smaller items): a supervisor or an admin at the
bench is not shown as "Packer:", in English and in German."""

from __future__ import annotations

from app.ui.i18n import install_language
from tests.gui.conftest import open_station_window, seed_gui


def test_the_header_names_a_supervisor_a_supervisor(home, qtbot):
    """GIVEN the station window WHEN a packer, the supervisor, then the admin sign in THEN the header
    says "Packer:", "Supervisor:" and "Admin:"; on a German screen the supervisor is "Vorarbeiter:"."""
    gui = open_station_window(home, qtbot, seed_gui)
    try:
        said = []
        for badge in ("PS:BADGE:P-1001", "PS:BADGE:S-2001", "PS:BADGE:A-3001"):
            assert gui.scan(badge) == "signed_in"
            said.append(gui.window.packer_label.text())
            gui.scan("PS:CMD:SIGNOUT")
        assert said == ["Packer: Alex Packer", "Supervisor: Sam Supervisor", "Admin: Ada Admin"]
        assert install_language("de")
        assert gui.scan("PS:BADGE:S-2001") == "signed_in"
        assert gui.window.packer_label.text() == "Vorarbeiter: Sam Supervisor"
    finally:
        install_language("en")
        qtbot.wait(600)  # the focus the window takes after a scan, while it is still there
        gui.window.shutdown()
        gui.close()
