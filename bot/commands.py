"""The bot's commands, defined once: for the command menus, /start, /hjalp and the README.

``audience`` says who a command is for: everyone (the default command menu, /hjalp for all) or
the secretary (her own command menu and /hjalp, answered in a private chat only).
"""

from __future__ import annotations

from dataclasses import dataclass

EVERYONE, SECRETARY = "everyone", "secretary"


@dataclass(frozen=True)
class Command:
    name: str  # ASCII, as Telegram requires
    description: str  # Swedish, shown in Telegram's command menu
    example: str  # how it is used, for /hjalp and the README
    audience: str = EVERYONE


COMMANDS: list[Command] = [
    Command("start", "Börja här: vad samrad kan", "/start"),
    Command("hjalp", "Hjälp och exempel på frågor", "/hjalp"),
    Command("nasta", "Nästa möte: datum, tid, plats och dagordning", "/nasta"),
    Command("beslut", "Beslut i ett ämne", "/beslut Dietist direkt"),
    Command("teman", "Teman till kommande möten", "/teman"),
    Command("sok", "Sök i protokollen", "/sok placerade barn"),
    Command("mote", "Ett visst möte", "/mote 6 maj 2022"),
    Command("franvaro", "Anmäl förhinder; din ersättare tillfrågas", "/franvaro"),
    Command("mina", "Dina anmälda förhinder", "/mina"),
    Command("kalender", "Kommande möten, också som kalenderfil", "/kalender"),
    Command("bevaka", "Bevaka ett ämne i nya protokoll och kallelser", "/bevaka barnfattigdom"),
    Command("foresla", "Föreslå ett tema till kommande möten", "/foresla Barnfattigdom i länet"),
    Command(
        "installningar",
        "Meddelanden om nya protokoll och bevakade ämnen på eller av",
        "/installningar",
    ),
    Command("forslag", "Alla temaförslag som CSV", "/forslag", SECRETARY),
    Command("status", "Ändra status på ett förslag", "/status T-2026-0001 behandlad", SECRETARY),
    Command("narvaro", "Vem kommer till nästa möte", "/narvaro", SECRETARY),
    Command("inbjud", "Bjud in en person i rostern", "/inbjud Anna Karlsson", SECRETARY),
    Command(
        "nyttmote", "Lägg in ett möte", "/nyttmote 2026-12-04 09:00-12:00 Lokal Eken", SECRETARY
    ),
    Command(
        "flytta", "Flytta ett möte till en annan dag", "/flytta 2026-12-04 2026-12-11", SECRETARY
    ),
    Command("stallin", "Ställ in ett möte", "/stallin 2026-12-04", SECRETARY),
]
# Written with å and ä, Telegram does not mark these as commands; samrad accepts them anyway.
SWEDISH_SPELLINGS = {"hjälp": "hjalp", "nästa": "nasta"}

DESCRIPTION = (
    "samrad svarar på frågor om protokollen från Region Örebro läns specifika samverkansråd: "
    "nästa möte, beslut, teman och vem som var med, alltid med källa. Ledamöter och ersättare "
    "kan också anmäla förhinder och föreslå teman. Skriv din fråga med vanliga ord."
)
SHORT_DESCRIPTION = "Frågor om samverkansrådens protokoll, förhinder och teman."


def commands_for(secretary: bool) -> list[Command]:
    """The commands this person may use: the secretary has them all."""
    return [c for c in COMMANDS if secretary or c.audience == EVERYONE]


def secretary_only() -> list[str]:
    """The names of the secretary's commands."""
    return [c.name for c in COMMANDS if c.audience == SECRETARY]
