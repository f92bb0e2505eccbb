"""Registry windows of the ЭШ desktop, each declared once (see `registries.catalog`)."""
