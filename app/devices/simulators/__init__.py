"""Simulated scanners and scales that ship with the product: on a pty for IT and demos, in-process for tests."""
