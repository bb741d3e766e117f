"""Pure-Python packing rules: scans, the packing workflow, cartons, weights. No I/O here."""
