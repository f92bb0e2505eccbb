"""A faithful simulator of the MAX platform: in-process, or as the `esh-max-sim` server."""
