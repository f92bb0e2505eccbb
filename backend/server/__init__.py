"""The HTTP server: the Backend contract as JSON under /api/v1 (FastAPI on uvicorn)."""
