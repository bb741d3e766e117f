"""Returns mode: the returns bench and bulk shipments on screen (entry, window, jobs, tags)."""
