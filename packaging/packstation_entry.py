"""Entry point of a station build (PyInstaller): `packstation` exactly as the console script runs it.

Two things only a build needs:
- a station profile built in (or dropped next to the executable) becomes the configuration on
  the first start of the window, so a new bench comes up configured;
- the IT commands (doctor, setup, support-bundle, autostart) are present even if app/cli.py does
  not register them yet, because the build is what IT installs.
"""

from __future__ import annotations

import argparse
import sys


def main() -> int:
    from app import cli
    from app.it import cli as it_cli

    _ensure_it_commands(cli, it_cli)
    argv = sys.argv[1:]
    if not argv or argv[0] == "run":
        code = _first_start_profile()
        if code:
            return code
    return cli.main(argv)


def _ensure_it_commands(cli, it_cli) -> None:  # noqa: ANN001 - modules
    if _subcommands(cli.build_parser()).keys() >= set(it_cli.COMMANDS):
        return
    original = cli.build_parser

    def build_parser() -> argparse.ArgumentParser:
        parser = original()
        choices = _subcommands(parser)
        action = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))  # noqa: SLF001
        if not choices.keys() & set(it_cli.COMMANDS):
            it_cli.register(action)
        return parser

    cli.build_parser = build_parser


def _subcommands(parser: argparse.ArgumentParser) -> dict:
    for action in parser._actions:  # noqa: SLF001 - argparse has no public way to list subcommands
        if isinstance(action, argparse._SubParsersAction):  # noqa: SLF001
            return dict(action.choices)
    return {}


def _first_start_profile() -> int:
    from app.config import station_paths
    from app.it.profile import ProfileError, apply_on_first_start

    try:
        apply_on_first_start(station_paths())
    except ProfileError as exc:
        print(f"packstation: the station profile of this build is broken: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"packstation: could not write the station configuration: {exc}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
