"""`cartelscope review`: human decisions on events, relations, actors and candidate names.

Each command records one decision through :class:`cartelscope.resolve.review.Reviews`.
"""
from __future__ import annotations

from typing import List, Optional

import typer

REVIEW_COLUMNS = ["id", "target_type", "target_id", "action", "payload", "reviewer", "reason", "created_at", "undone_at"]


def register(app) -> None:
    """Add the ``review`` sub-app to the main Typer app."""
    from cartelscope import cli

    review = typer.Typer(help="Review decisions (merge/split actors, accept/reject/edit events, confirm/refute "
                              "relations, candidate names), stored with who, when and why; undoable.",
                         no_args_is_help=True)
    event = typer.Typer(help="Accept, reject or edit an event.", no_args_is_help=True)
    relation = typer.Typer(help="Confirm or refute a relation.", no_args_is_help=True)
    actor = typer.Typer(help="Merge or split actors.", no_args_is_help=True)
    candidate = typer.Typer(help="Add an unknown group name to a knowledge folder or merge it into an actor.",
                            no_args_is_help=True)
    for sub, name in ((event, "event"), (relation, "relation"), (actor, "actor"), (candidate, "candidate")):
        review.add_typer(sub, name=name)
    app.add_typer(review, name="review")

    By = typer.Option(None, "--by", help="Who decides [default $USER]")
    Why = typer.Option(None, "--why", help="Why, in a sentence")

    def reviews(db):
        from cartelscope.resolve.review import Reviews

        return Reviews(cli.open_scope(db).store)

    def show(row: dict) -> None:
        typer.echo(f"review {row['id']}: {row['action']} {row['target_type']} {row['target_id']} by {row['reviewer']}"
                   + (" (undone)" if row.get("undone_at") else ""))

    @event.command("accept")
    @cli.guarded
    def event_accept(event_id: str, db: Optional[str] = cli.DbOpt, by: Optional[str] = By, why: Optional[str] = Why):
        """Accept an event as correct (undoes the effect of an earlier reject)."""
        show(reviews(db).accept_event(event_id, by=by, why=why))

    @event.command("reject")
    @cli.guarded
    def event_reject(event_id: str, db: Optional[str] = cli.DbOpt, by: Optional[str] = By, why: Optional[str] = Why):
        """Reject an event: hidden from queries, and new reports of it stay attached and rejected."""
        show(reviews(db).reject_event(event_id, by=by, why=why))

    @event.command("edit")
    @cli.guarded
    def event_edit(event_id: str, fields: List[str] = typer.Argument(..., help="FIELD=VALUE, e.g. fatalities=7"),
                   db: Optional[str] = cli.DbOpt, by: Optional[str] = By, why: Optional[str] = Why):
        """Set event fields; the edit survives new sources and re-extraction."""
        parsed = {}
        for f in fields:
            if "=" not in f:
                cli.fail(f"{f!r} is not FIELD=VALUE", 2)
            key, value = f.split("=", 1)
            parsed[key.strip()] = value.strip()
        show(reviews(db).edit_event(event_id, parsed, by=by, why=why))

    @relation.command("confirm")
    @cli.guarded
    def relation_confirm(relation_id: str, db: Optional[str] = cli.DbOpt, by: Optional[str] = By,
                         why: Optional[str] = Why):
        """Confirm a relation."""
        show(reviews(db).confirm_relation(relation_id, by=by, why=why))

    @relation.command("refute")
    @cli.guarded
    def relation_refute(relation_id: str, db: Optional[str] = cli.DbOpt, by: Optional[str] = By,
                        why: Optional[str] = Why):
        """Refute a relation: hidden, though new sources are still recorded."""
        show(reviews(db).refute_relation(relation_id, by=by, why=why))

    @actor.command("merge")
    @cli.guarded
    def actor_merge(actor_id: str, into: str = typer.Option(..., "--into", help="The actor id to merge into"),
                    db: Optional[str] = cli.DbOpt, by: Optional[str] = By, why: Optional[str] = Why):
        """Merge ACTOR_ID into another actor, in queries and in every later ingest."""
        show(reviews(db).merge_actors(actor_id, into, by=by, why=why))

    @actor.command("split")
    @cli.guarded
    def actor_split(actor_id: str, from_: str = typer.Option(..., "--from", help="The actor it is distinct from"),
                    db: Optional[str] = cli.DbOpt, by: Optional[str] = By, why: Optional[str] = Why):
        """Record that two actors are distinct; cancels an earlier merge between them."""
        show(reviews(db).split_actors(actor_id, from_, by=by, why=why))

    @review.command("candidates")
    @cli.guarded
    def candidates(db: Optional[str] = cli.DbOpt, min_mentions: int = typer.Option(1, "--min", min=1),
                   format: str = cli.FormatOpt):
        """Unknown group names seen in text, most mentioned first, with an example sentence."""
        cli._check_format(format)
        rows = cli.open_scope(db).store.candidates(min_mentions=min_mentions)
        cli.emit(rows, format, ["name", "mentions", "documents", "first_seen", "last_seen", "example_sentence"],
                 title="candidate actors")

    @candidate.command("add")
    @cli.guarded
    def candidate_add(name: str, knowledge: str = typer.Option(..., "--knowledge", help="User knowledge folder"),
                      actor_id: Optional[str] = typer.Option(None, "--id", help="Slug [default from the name]"),
                      kind: str = typer.Option("gang", "--kind", help="cartel, faction, cell, gang, ..."),
                      db: Optional[str] = cli.DbOpt, by: Optional[str] = By, why: Optional[str] = Why):
        """Write NAME as a new actor entry in KNOWLEDGE/actors.yaml."""
        show(reviews(db).add_candidate(name, knowledge, actor_id=actor_id, kind=kind, by=by, why=why))

    @candidate.command("merge")
    @cli.guarded
    def candidate_merge(name: str, into: str = typer.Option(..., "--into", help="Existing actor id"),
                        knowledge: str = typer.Option(..., "--knowledge", help="User knowledge folder"),
                        db: Optional[str] = cli.DbOpt, by: Optional[str] = By, why: Optional[str] = Why):
        """Add NAME as an alias of an existing actor in KNOWLEDGE/actors.yaml."""
        show(reviews(db).merge_candidate(name, into, knowledge, by=by, why=why))

    @review.command("list")
    @cli.guarded
    def review_list(db: Optional[str] = cli.DbOpt, target: Optional[str] = typer.Option(
                        None, "--target", help="event, relation, actor or candidate"),
                    active: bool = typer.Option(False, "--active", help="Hide undone decisions"),
                    format: str = cli.FormatOpt):
        """Every review decision, oldest first."""
        cli._check_format(format)
        cli.emit(reviews(db).list(target_type=target, include_undone=not active), format, REVIEW_COLUMNS,
                 title="reviews")

    @review.command("undo")
    @cli.guarded
    def review_undo(review_id: int, db: Optional[str] = cli.DbOpt):
        """Undo a decision; its target is recomputed without it."""
        show(reviews(db).undo(review_id))
