"""The ``samrad`` command line: one group, one subcommand per task.

Here the corpus and the bot (ingest, meetings, ask, chat, run); in ``bot.cli_council`` the
councils' affairs (proposals, roster, invite, meeting, absences, forget). They all open the
database through ``bot.cli_context`` so ``--db`` / ``SAMRAD_DB`` and the first-run ingestion
of the shipped corpus apply everywhere.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from bot.cli_context import Context, iso_date, pass_context
from bot.cli_council import COMMANDS
from bot.settings import Settings
from knowledge.language import clock


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
    """Read protocols and reports (.pdf, .docx, .odt, .rtf, .html, .txt, .md) into the
    database; with --kallelse, a kallelse: prints what was read and its warnings."""
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

    day = iso_date(today)
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


for command in COMMANDS:
    cli.add_command(command)


def main() -> None:
    """Entry point of the console script."""
    cli()
