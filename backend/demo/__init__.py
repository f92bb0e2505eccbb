"""The deterministic demo school."""
