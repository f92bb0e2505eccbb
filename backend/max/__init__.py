"""The MAX messenger platform, where Sferum lives: one gateway, an HTTP client and a simulator."""
