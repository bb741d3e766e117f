"""The packer's screen (PySide6). The only package that imports Qt widgets."""
