"""Everything that is not Qt: the Backend contract and its implementations."""
