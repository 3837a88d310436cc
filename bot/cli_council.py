"""The ``samrad`` subcommands that keep the councils' affairs: theme proposals, the roster and
invitations, the secretary's calendar, absences, and forgetting a person. ``bot.cli`` adds
them to its group."""

from __future__ import annotations

from pathlib import Path

import click

from bot.cli_context import Context, iso_date, pass_context
from knowledge.language import clock


@click.group(invoke_without_command=True)
@click.option("--csv", "as_csv", is_flag=True, help="Every proposal as CSV.")
@click.pass_context
def proposals(ctx: click.Context, as_csv: bool) -> None:
    """List the members' theme proposals (pending first)."""
    if ctx.invoked_subcommand is not None:
        return
    from knowledge.council import proposals as store

    db = ctx.find_object(Context).db  # type: ignore[union-attr]
    if as_csv:
        click.echo(store.to_csv(db), nl=False)
        return
    items = store.all_proposals(db)
    if not items:
        click.echo("Inga temaförslag ännu.")
    for p in sorted(items, key=lambda p: (p.status not in store.PENDING, p.id)):
        when = f" {p.meeting_date.isoformat()}" if p.meeting_date else ""
        click.echo(
            f"{p.reference}  {p.status}{when}  {p.theme}  ({len(p.supporters)} stöder;"
            f" förslag av {p.proposer or 'okänd'})"
        )


@proposals.command("set-status")
@click.argument("reference")
@click.argument("status", type=click.Choice(["inkommen", "planerad", "behandlad", "avböjd"]))
@click.option("--comment", default=None, help="A short comment for the proposer and supporters.")
@click.option("--meeting", default=None, help="The meeting it is planned for (YYYY-MM-DD).")
@pass_context
def proposals_set_status(
    context: Context, reference: str, status: str, comment: str | None, meeting: str | None
) -> None:
    """Move a proposal on; the proposer and supporters are told by the bot."""
    from knowledge.council import proposals as store

    try:
        proposal = store.set_status(context.db, reference, status, comment, iso_date(meeting))
    except store.ProposalError as error:
        raise click.ClickException(error.message) from error
    click.echo(f"{proposal.reference} är nu {proposal.status}. Besked skickas av boten.")


@click.group()
def roster() -> None:
    """The roster: ledamöter, ersättare in calling order, secretaries."""


@roster.command("list")
@click.option("--council", default=None, help="Only this council.")
@pass_context
def roster_list(context: Context, council: str | None) -> None:
    """List the roster (and who has registered in Telegram)."""
    from knowledge.council.roster import list_members

    for m in list_members(context.db, council):
        mark = "registrerad" if m.registered else "ej registrerad"
        click.echo(
            f"{m.council:<10} {m.organisation or '':<20} {m.role:<12} {m.rank} {m.name} ({mark})"
        )


@roster.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@pass_context
def roster_import(context: Context, file: Path) -> None:
    """Replace the roster with a CSV file (council,organisation,role,rank,name)."""
    from knowledge.council.roster import RosterError, import_roster

    try:
        count = import_roster(context.db, file.read_text(encoding="utf-8"))
    except RosterError as error:
        raise click.ClickException(f"{error.message} Rostern är oförändrad.") from error
    click.echo(f"{count} rader inlästa.")


@roster.command("export")
@pass_context
def roster_export(context: Context) -> None:
    """Print the roster as CSV (the format roster import reads)."""
    from knowledge.council.roster import export_roster

    click.echo(export_roster(context.db), nl=False)


@click.command()
@click.argument("name")
@click.option("--role", type=click.Choice(["ledamot", "ersattare", "sekreterare"]), default=None)
@click.option("--council", default="social", help="social, folkhalsa or chefsgrupp.")
@click.option("--org", "organisation", default=None, help="Municipality or organisation.")
@click.option("--days", default=14, help="Days the link is valid.")
@pass_context
def invite(
    context: Context,
    name: str,
    role: str | None,
    council: str,
    organisation: str | None,
    days: int,
) -> None:
    """Print a single-use registration link for NAME (a new name needs --role and --org)."""
    from knowledge.council.roster import RosterError, create_invite

    try:
        code, _ = create_invite(
            context.db,
            name,
            role=role.replace("ersattare", "ersättare") if role else None,
            council=council,
            organisation=organisation,
            days=days,
        )
    except RosterError as error:
        raise click.ClickException(error.message) from error
    from telegram.helpers import create_deep_linked_url

    if context.settings.bot_username:
        click.echo(create_deep_linked_url(context.settings.bot_username, code))
    else:
        click.echo(
            "Ingen länk: sätt SAMRAD_BOT_USERNAME till botens användarnamn för att få en. "
            f"Personen kan också skriva /start {code} till boten.",
            err=True,
        )
    click.echo(f"kod: {code} (gäller {days} dagar, en gång)")


@click.group()
def meeting() -> None:
    """The meeting calendar the secretary keeps."""


@meeting.command("add")
@click.option("--date", "day", required=True, help="YYYY-MM-DD")
@click.option("--time", "clock", default=None, help="HH:MM-HH:MM")
@click.option("--place", default=None)
@click.option("--council", default="social")
@pass_context
def meeting_add(
    context: Context, day: str, clock: str | None, place: str | None, council: str
) -> None:
    """Add (or correct) a meeting."""
    from knowledge.council.calendar import CalendarError, add_meeting
    from knowledge.language.dates import parse_time_range

    start, end = parse_time_range(f"kl {clock}") if clock else (None, None)
    if clock and start is None:
        raise click.BadParameter("använd formen TT:MM-TT:MM", param_hint="--time")
    when = iso_date(day)
    assert when is not None
    try:
        add_meeting(context.db, council, when, start, end, place)
    except CalendarError as error:
        raise click.ClickException(error.message) from error
    click.echo(f"Inlagt: {council} {when.isoformat()} {clock or ''} {place or ''}".rstrip())


@meeting.command("list")
@click.option("--council", default=None)
@pass_context
def meeting_list(context: Context, council: str | None) -> None:
    """List coming meetings (from protocols and the calendar)."""
    from knowledge.council.meetings import list_meetings

    for m in list_meetings(context.db, council, since=clock.today()):
        hours = f"{m.start:%H:%M}-{m.end:%H:%M}" if m.start and m.end else ""
        click.echo(
            f"{m.date.isoformat()} {hours:<11} {m.council:<10} {m.status:<9} {m.place or ''}"
        )


@meeting.command("move")
@click.option("--date", "day", required=True, help="YYYY-MM-DD (the meeting's day now)")
@click.option("--to", "to_day", required=True, help="YYYY-MM-DD (its new day)")
@click.option("--time", "clock", default=None, help="HH:MM-HH:MM (default: as before)")
@click.option("--place", default=None, help="(default: as before)")
@click.option("--council", default="social")
@pass_context
def meeting_move(
    context: Context, day: str, to_day: str, clock: str | None, place: str | None, council: str
) -> None:
    """Move a meeting to another day: members' calendars update the same event."""
    from knowledge.council.calendar import CalendarError, move_meeting
    from knowledge.language.dates import parse_time_range

    start, end = parse_time_range(f"kl {clock}") if clock else (None, None)
    if clock and start is None:
        raise click.BadParameter("använd formen TT:MM-TT:MM", param_hint="--time")
    when, new = iso_date(day), iso_date(to_day)
    assert when is not None and new is not None
    try:
        moved = move_meeting(context.db, council, when, new, start, end, place)
    except CalendarError as error:
        raise click.ClickException(error.message) from error
    click.echo(f"Flyttat: {council} {when.isoformat()} -> {moved.date.isoformat()}")


@meeting.command("cancel")
@click.option("--date", "day", required=True, help="YYYY-MM-DD")
@click.option("--council", default="social")
@pass_context
def meeting_cancel(context: Context, day: str, council: str) -> None:
    """Cancel a meeting."""
    from knowledge.council.calendar import CalendarError, cancel_meeting

    when = iso_date(day)
    assert when is not None
    try:
        known = cancel_meeting(context.db, council, when)
    except CalendarError as error:
        raise click.ClickException(error.message) from error
    click.echo(f"Inställt: {council} {when.isoformat()}")
    if not known:
        click.echo("(Inget möte var känt den dagen; dagen är markerad som inställd.)")


@click.command()
@click.option("--meeting", "day", default=None, help="YYYY-MM-DD (default: the next meeting).")
@click.option("--council", default="social")
@click.option("--csv", "as_csv", is_flag=True)
@pass_context
def absences(context: Context, day: str | None, council: str, as_csv: bool) -> None:
    """Per organisation: ledamot attending, absent with ersättare confirmed, or open."""
    from knowledge.council import absences as store

    when = iso_date(day)
    if when is None:
        coming = store.upcoming(context.db, council, clock.today())
        if not coming:
            raise click.ClickException("Inget kommande möte i kalendern.")
        when = coming[0].date
    seats = store.attendance(context.db, council, when)
    if as_csv:
        click.echo(store.attendance_csv(seats), nl=False)
        return
    click.echo(f"{council} {when.isoformat()}")
    for seat in seats:
        click.echo(f"{seat.organisation:<20} {seat.member:<28} {seat.state}")
    total = store.totals(seats)
    click.echo(
        f"kommer {total.comes} av {total.seats} (varav {total.substitutes} ersättare);"
        f" förhinder utan ersättare {total.absent}; väntar på svar {total.waiting};"
        f" okänt (inte registrerade) {total.unknown}"
    )


@click.command()
@click.argument("name")
@pass_context
def forget(context: Context, name: str) -> None:
    """Remove a person's personal data (roster entry, Telegram link, notices)."""
    from knowledge.council.roster import forget as forget_person

    if not forget_person(context.db, name):
        raise click.ClickException(f"Ingen person som heter {name}.")
    click.echo(f"{name} är borttagen.")


COMMANDS = [proposals, roster, invite, meeting, absences, forget]
