"""REST API and web dashboard (FastAPI)."""
