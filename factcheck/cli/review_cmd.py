"""`factcheck review`: editors' verdicts on claims and decisions on flagged relations."""

from __future__ import annotations

import click
from sqlalchemy import select
from sqlalchemy.orm import Session

from factcheck.cli.common import open_engine
from factcheck.config import default_reviewer
from factcheck.store import models
from factcheck.store.reviews import CLAIM_VERDICTS, RELATION_VERDICTS

reviewer_option = click.option("--reviewer", default=None, help="Who decides (default: your login name).")
note_option = click.option("--note", default=None, help="A note kept with the decision.")


def _claim_key(session: Session, ref: str) -> str:
    """A claim by its id number, its key, or a unique prefix of its key (at least 6 characters)."""
    table = models.CLAIMS
    if ref.isdigit():
        key = session.execute(select(table.c.claim_key).where(table.c.id == int(ref))).scalar()
        if key:
            return str(key)
    if len(ref) >= 6:
        keys = (
            session.execute(select(table.c.claim_key).where(table.c.claim_key.startswith(ref)).limit(2))
            .scalars()
            .all()
        )
        if len(keys) == 1:
            return str(keys[0])
        if len(keys) > 1:
            raise click.ClickException(f"claim {ref!r} is ambiguous; give more of its key")
    raise click.ClickException(f"no claim {ref!r}")


def _relation_key(session: Session, ref: str) -> str:
    table = models.RELATIONS
    if ref.isdigit():
        key = session.execute(select(table.c.relation_key).where(table.c.id == int(ref))).scalar()
        if key:
            return str(key)
    key = session.execute(select(table.c.relation_key).where(table.c.relation_key == ref)).scalar()
    if key:
        return str(key)
    raise click.ClickException(f"no relation {ref!r}")


@click.group()
def review() -> None:
    """Record editors' decisions: verdicts on claims, confirm or dismiss flags, undo.

    Every decision is kept with its time and reviewer, survives re-extraction, and is never
    overwritten silently.
    """


@review.command("claim")
@click.argument("claim")
@click.argument("verdict", type=click.Choice(CLAIM_VERDICTS))
@note_option
@reviewer_option
@click.pass_context
def review_claim_command(
    ctx: click.Context, claim: str, verdict: str, note: str | None, reviewer: str | None
) -> None:
    """Mark CLAIM (id or key) verified, disputed or needs_source.

    \b
    Example:
      factcheck review claim 12 verified --note "Matches the SOHR release"
    """
    from factcheck.store.reviews import ReviewError, review_claim

    engine = open_engine(ctx)
    with Session(engine) as session, session.begin():
        key = _claim_key(session, claim)
        try:
            made = review_claim(session, key, verdict, reviewer or default_reviewer(), note)
        except ReviewError as exc:
            raise click.ClickException(str(exc)) from exc
    click.echo(f"claim {key[:10]} marked {made.verdict} by {made.reviewer}")


@review.command("relation")
@click.argument("relation")
@click.argument("decision", type=click.Choice(RELATION_VERDICTS))
@note_option
@reviewer_option
@click.pass_context
def review_relation_command(
    ctx: click.Context, relation: str, decision: str, note: str | None, reviewer: str | None
) -> None:
    """Confirm or dismiss a flagged RELATION (its id from `factcheck contradictions`).

    \b
    Example:
      factcheck review relation 3 dismissed --note "Different dates"
    """
    from factcheck.store.reviews import ReviewError, review_relation

    engine = open_engine(ctx)
    with Session(engine) as session, session.begin():
        key = _relation_key(session, relation)
        try:
            made = review_relation(session, key, decision, reviewer or default_reviewer(), note)
        except ReviewError as exc:
            raise click.ClickException(str(exc)) from exc
    click.echo(f"relation {relation} {made.verdict} by {made.reviewer}")


@review.command("undo")
@click.argument("target_type", type=click.Choice(["claim", "relation"]))
@click.argument("ref")
@reviewer_option
@click.pass_context
def undo_command(ctx: click.Context, target_type: str, ref: str, reviewer: str | None) -> None:
    """Withdraw the latest decision on a claim or relation (it stays in the history).

    \b
    Example:
      factcheck review undo claim 12
    """
    from factcheck.store.reviews import undo

    engine = open_engine(ctx)
    with Session(engine) as session, session.begin():
        key = _claim_key(session, ref) if target_type == "claim" else _relation_key(session, ref)
        withdrawn = undo(session, target_type, key, reviewer or default_reviewer())
    if withdrawn is None:
        raise click.ClickException(f"{target_type} {ref} has no decision to undo")
    click.echo(f"withdrew {withdrawn.verdict} by {withdrawn.reviewer}")


@review.command("history")
@click.argument("target_type", type=click.Choice(["claim", "relation"]))
@click.argument("ref")
@click.pass_context
def history_command(ctx: click.Context, target_type: str, ref: str) -> None:
    """Show every decision on a claim or relation, oldest first.

    \b
    Example:
      factcheck review history claim 12
    """
    from factcheck.store.reviews import history

    engine = open_engine(ctx)
    with Session(engine) as session:
        key = _claim_key(session, ref) if target_type == "claim" else _relation_key(session, ref)
        for item in history(session, target_type, key):
            state = " (withdrawn)" if item.withdrawn else ""
            note = f"  {item.note}" if item.note else ""
            click.echo(f"{item.created_at:%Y-%m-%d %H:%M}  {item.reviewer:<12} {item.verdict}{state}{note}")


@review.command("orphans")
@click.pass_context
def orphans_command(ctx: click.Context) -> None:
    """List reviews whose claim no longer exists after re-extraction (kept, never deleted).

    \b
    Example:
      factcheck review orphans
    """
    from factcheck.store.reviews import orphaned_reviews

    engine = open_engine(ctx)
    with Session(engine) as session:
        orphans = orphaned_reviews(session)
    for item in orphans:
        click.echo(
            f"{item.created_at:%Y-%m-%d}  {item.reviewer:<12} {item.verdict:<12} {item.snapshot or item.target_key}"
        )
    if not orphans:
        click.echo("no orphaned reviews")
