"""CLI commands of this package, registered on the main app by :func:`register`."""
from __future__ import annotations

from typing import List, Optional

import typer


def register(app) -> None:
    """Add ``cartelscope serve`` to the Typer app."""

    @app.command()
    def serve(
        host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on"),
        port: int = typer.Option(8000, "--port", min=1, max=65535, help="TCP port"),
        db: Optional[str] = typer.Option(None, "--db", help="SQLite path or postgresql:// URL "
                                                              "[env CARTELSCOPE_DB; default ./cartelscope.db]",
                                         show_default=False),
        token: Optional[str] = typer.Option(None, "--token", help="Bearer token enabling write endpoints "
                                                                   "[env CARTELSCOPE_API_TOKEN]", show_default=False),
        cors: List[str] = typer.Option([], "--cors-origin", help="Allow browser calls from this origin (repeatable)"),
        knowledge: Optional[str] = typer.Option(None, "--knowledge", help="Folder of user knowledge files",
                                                show_default=False),
    ):
        """Serve the REST API (/api, /openapi.json) and the offline web dashboard."""
        import uvicorn

        from cartelscope.api.app import create_app
        from cartelscope.errors import CartelscopeError

        try:
            web = create_app(db, token=token, cors_origins=cors or None, knowledge=knowledge)
        except CartelscopeError as exc:
            typer.echo(f"error: {exc}", err=True)
            raise typer.Exit(1)
        mode = "read-write (bearer token set)" if web.state.token else "read-only"
        typer.echo(f"cartelscope: serving {web.state.scope.db} at http://{host}:{port}/ ({mode})", err=True)
        uvicorn.run(web, host=host, port=port, log_level="warning")
