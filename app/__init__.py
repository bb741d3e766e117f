"""Packstation: the packing bench of an ecommerce fulfillment warehouse."""

__version__ = "0.1.0"
