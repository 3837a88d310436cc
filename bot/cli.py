"""The ``samrad`` command line: one group, one subcommand per task.

Each feature adds its subcommands here; they all open the database through ``open_database``
so ``--db`` / ``SAMRAD_DB`` and the first-run ingestion of the shipped corpus apply everywhere.
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import click
import sqlite_utils

from bot.settings import Settings
from knowledge.language import clock


class Context:
    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._db: sqlite_utils.Database | None = None

    @property
    def db(self) -> sqlite_utils.Database:
        if self._db is None:
            self._db = open_database(self.settings.db_path)
        return self._db


def open_database(path: Path) -> sqlite_utils.Database:
    """Open the database, ingesting the shipped corpus the first time it is needed."""
    from knowledge import open_store

    return open_store(path)


pass_context = click.make_pass_decorator(Context)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--db",
    "db_path",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="SQLite database file (default: data/samrad.db in the project, or $SAMRAD_DB).",
)
@click.version_option(package_name="samrad")
@click.pass_context
def cli(ctx: click.Context, db_path: Path | None) -> None:
    """samrad: assistant for the specifika samverkansråden in Region Örebro län."""
    ctx.obj = Context(Settings.from_env(db_path=db_path))


@cli.command()
@click.argument("files", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "--kallelse",
    "kallelse_file",
    type=click.Path(path_type=Path),
    default=None,
    help="Read this file as a kallelse (meeting notice and agenda) and keep it as a draft.",
)
@click.option(
    "--publish",
    is_flag=True,
    help="With --kallelse: send it (the bot's outbox tells every registered member).",
)
@click.option(
    "--council",
    default=None,
    help="With --kallelse: the council a kallelse that names none is for (default: the setting).",
)
@pass_context
def ingest(
    context: Context,
    files: tuple[Path, ...],
    kallelse_file: Path | None,
    publish: bool,
    council: str | None,
) -> None:
    """Read protocols and reports (.txt, .md, .pdf, .docx) into the database; with
    --kallelse, a kallelse: prints what was read and its warnings."""
    from knowledge.ingest.extract import DocumentError
    from knowledge.ingest.load import ingest_file

    if kallelse_file is not None:
        _ingest_kallelse(context, kallelse_file, publish, council or context.settings.council)
    elif not files:
        raise click.UsageError("Ange filer att läsa in, eller --kallelse FIL.")
    failed = 0
    for path in files:
        try:
            result = ingest_file(context.db, path)
        except DocumentError as error:
            failed += 1
            click.echo(f"{path.name}: FEL: {error.message} Databasen är oförändrad.", err=True)
            continue
        click.echo("\n".join(result.summary()))
    if failed:
        raise SystemExit(1)


def _ingest_kallelse(context: Context, path: Path, publish: bool, council: str) -> None:
    """Read a kallelse, print what was read; with ``publish`` send it."""
    from knowledge.council import kallelser
    from knowledge.ingest.extract import DocumentError, read_bytes
    from knowledge.ingest.kallelse import parse_kallelse
    from knowledge.qa.engine import Engine
    from knowledge.qa.followed import notice_kallelse_followers

    try:
        data = path.read_bytes()
        agenda = parse_kallelse(read_bytes(data, path.name), today=clock.today())
    except OSError as error:
        raise click.ClickException(f"Kunde inte läsa filen {path.name}.") from error
    except DocumentError as error:
        click.echo(f"{path.name}: FEL: {error.message} Databasen är oförändrad.", err=True)
        raise SystemExit(1) from error
    received = kallelser.receive(
        context.db, agenda, filename=path.name, content=data, default_council=council
    )
    click.echo("\n".join(received.summary()))
    if not publish:
        if received.blocked is None:
            click.echo("Utkast sparat. Skicka den med --publish, eller från chatten.")
        return
    try:
        published = kallelser.publish(
            context.db,
            received.kallelse.id,
            brief=Engine(context.db).brief,
            followers=notice_kallelse_followers,
        )
    except kallelser.KallelseError as error:
        click.echo(f"Skickas inte: {error.message}", err=True)
        raise SystemExit(1) from error
    click.echo(
        f"Skickad till {published.told} ledamöter och ersättare, {published.followers} besked"
        " om bevakade ämnen (boten skickar meddelandena)."
    )


@cli.command()
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line.")
@click.option(
    "--council",
    default=None,
    help="Only this council (social, folkhalsa, chefsgrupp) or body (its key, see --json).",
)
@pass_context
def meetings(context: Context, as_json: bool, council: str | None) -> None:
    """List all known meetings, held and scheduled, with their header fields."""
    import json

    from knowledge.bodies import COUNCIL_SHORT
    from knowledge.council.meetings import list_meetings
    from knowledge.storage.corpus import document_header

    for meeting in list_meetings(context.db, council):
        data = meeting.as_json()
        if meeting.document_id:
            header = document_header(context.db, meeting.document_id)
            data.update(
                title=header.title,
                chair=header.chair,
                secretary=header.secretary,
                adjusters=header.adjusters,
                approved=header.approved,
            )
        if as_json:
            click.echo(json.dumps(data, ensure_ascii=False))
            continue
        status = {"held": "hållet", "scheduled": "planerat", "cancelled": "inställt"}
        when = data["date"] + (f" {data['start']}" if data["start"] else "")
        when += f"–{data['end']}" if data["end"] else ""
        line = f"{when:<23} {COUNCIL_SHORT.get(meeting.council, meeting.council):<48}"
        line += f" {status[meeting.status]:<9}"
        if meeting.place:
            line += f" {meeting.place}"
        if data.get("chair"):
            line += f" (ordf. {data['chair']})"
        click.echo(line)
    _other_bodies_meetings(context, as_json, council)


def _other_bodies_meetings(context: Context, as_json: bool, key: str | None) -> None:
    """Meetings of the bodies other than the councils (a council key selects none of them)."""
    import json

    from knowledge.bodies import COUNCIL_NAMES
    from knowledge.storage import corpus_bodies
    from knowledge.storage.corpus import document_header

    if key in COUNCIL_NAMES:
        return
    names = {body.key: body for body in corpus_bodies.bodies(context.db)}
    for meeting in corpus_bodies.body_meetings(context.db, key):
        body = names[meeting.body_key]
        header = document_header(context.db, meeting.document_id) if meeting.held else None
        data: dict[str, object] = {
            "council": None,
            "body": body.key,
            "body_name": body.name,
            "organisation": body.organisation,
            "date": meeting.date.isoformat(),
            "start": meeting.start,
            "end": meeting.end,
            "place": meeting.place,
            "status": "held" if meeting.held else "scheduled",
            "document_id": meeting.document_id if meeting.held else None,
            "chair": header.chair if header else None,
            "secretary": header.secretary if header else None,
            "adjusters": header.adjusters if header else None,
        }
        if as_json:
            click.echo(json.dumps(data, ensure_ascii=False))
            continue
        when = meeting.date.isoformat() + (f" {meeting.start}" if meeting.start else "")
        when += f"–{meeting.end}" if meeting.end else ""
        name = f"{body.name}, {body.organisation}" if body.organisation else body.name
        line = f"{when:<23} {name[:48]:<48} {'hållet' if meeting.held else 'planerat':<9}"
        if meeting.place:
            line += f" {meeting.place}"
        if data["chair"]:
            line += f" (ordf. {data['chair']})"
        click.echo(line)


def _today_option(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as error:
        raise click.BadParameter("använd formen ÅÅÅÅ-MM-DD, t.ex. 2026-03-01") from error


@cli.command()
@click.argument("question", required=False)
@click.option("--today", default=None, help="Date for 'next', 'latest' (YYYY-MM-DD).")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per answer.")
@pass_context
def ask(context: Context, question: str | None, today: str | None, as_json: bool) -> None:
    """Answer a question; without QUESTION, one question per line of standard input."""
    import json

    from bot.render import render_text
    from knowledge.qa.engine import Engine

    day = _today_option(today)
    engine = Engine(context.db, default_council=context.settings.council)
    questions = [question] if question is not None else (line.rstrip("\n") for line in sys.stdin)
    for text in questions:
        result = engine.answer(text, today=day)
        plain = render_text(result)
        if as_json:
            payload = {
                "question": text,
                "intent": result.intent,
                "found": result.found,
                "answer": plain,
                "sources": [s.as_json() for s in result.sources],
            }
            click.echo(json.dumps(payload, ensure_ascii=False))
        else:
            click.echo(plain + "\n")
        sys.stdout.flush()


@cli.command()
@click.option("--som", "persona", metavar="NAMN", help="Play this person of the roster.")
@click.option("--sekreterare", "secretary", is_flag=True, help="Play the secretary.")
@pass_context
def chat(context: Context, persona: str | None, secretary: bool) -> None:
    """Chat with the bot in the terminal (the same Application and handlers as Telegram).

    /som NAMN switches person inside the chat, /ladda FIL uploads a protocol as the secretary,
    /sluta or Ctrl-D ends it. A demo meeting is added when the calendar has none."""
    import asyncio

    from bot.console import chat as console_chat

    asyncio.run(console_chat(context.settings, persona=persona, secretary=secretary))


@cli.command()
@pass_context
def run(context: Context) -> None:
    """Run the bot on Telegram (long polling; needs TELEGRAM_BOT_TOKEN)."""
    import logging

    from bot.app import run_polling

    config = context.settings
    if not config.token:
        raise click.ClickException(
            "TELEGRAM_BOT_TOKEN är inte satt. Utan token: använd `samrad chat`."
        )
    logging.basicConfig(
        format="%(asctime)s %(levelname)s %(name)s: %(message)s", level=logging.INFO
    )
    logging.getLogger("httpx").setLevel(logging.WARNING)
    run_polling(config)


@cli.group(invoke_without_command=True)
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
        proposal = store.set_status(context.db, reference, status, comment, _today_option(meeting))
    except store.ProposalError as error:
        raise click.ClickException(error.message) from error
    click.echo(f"{proposal.reference} är nu {proposal.status}. Besked skickas av boten.")


@cli.group()
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


@cli.command()
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


@cli.group()
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
    when = _today_option(day)
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
    when, new = _today_option(day), _today_option(to_day)
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

    when = _today_option(day)
    assert when is not None
    try:
        known = cancel_meeting(context.db, council, when)
    except CalendarError as error:
        raise click.ClickException(error.message) from error
    click.echo(f"Inställt: {council} {when.isoformat()}")
    if not known:
        click.echo("(Inget möte var känt den dagen; dagen är markerad som inställd.)")


@cli.command()
@click.option("--meeting", "day", default=None, help="YYYY-MM-DD (default: the next meeting).")
@click.option("--council", default="social")
@click.option("--csv", "as_csv", is_flag=True)
@pass_context
def absences(context: Context, day: str | None, council: str, as_csv: bool) -> None:
    """Per organisation: ledamot attending, absent with ersättare confirmed, or open."""
    from knowledge.council import absences as store

    when = _today_option(day)
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


@cli.command()
@click.argument("name")
@pass_context
def forget(context: Context, name: str) -> None:
    """Remove a person's personal data (roster entry, Telegram link, notices)."""
    from knowledge.council.roster import forget as forget_person

    if not forget_person(context.db, name):
        raise click.ClickException(f"Ingen person som heter {name}.")
    click.echo(f"{name} är borttagen.")


def main() -> None:
    """Entry point of the console script."""
    cli()
