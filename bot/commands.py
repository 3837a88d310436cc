"""The bot's commands, defined once: for set_my_commands, /hjalp and the README."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Command:
    name: str  # ASCII, as Telegram requires
    description: str  # Swedish, shown in Telegram's command menu
    example: str  # how it is used, for /hjalp and the README


COMMANDS: list[Command] = [
    Command("start", "Börja här: vad samrad kan", "/start"),
    Command("hjalp", "Hjälp och exempel på frågor", "/hjalp"),
    Command("nasta", "Nästa möte: datum, tid och plats", "/nasta"),
    Command("beslut", "Beslut i ett ämne", "/beslut Dietist direkt"),
    Command("teman", "Teman till kommande möten", "/teman"),
    Command("sok", "Sök i protokollen", "/sok placerade barn"),
    Command("mote", "Ett visst möte", "/mote 6 maj 2022"),
    Command("franvaro", "Anmäl förhinder; din ersättare tillfrågas", "/franvaro"),
    Command("mina", "Dina anmälda förhinder", "/mina"),
    Command("kalender", "Kommande möten", "/kalender"),
    Command("foresla", "Föreslå ett tema till kommande möten", "/foresla Barnfattigdom i länet"),
    Command("installningar", "Meddelanden om nya protokoll på eller av", "/installningar"),
    Command("forslag", "Alla temaförslag som CSV (sekreteraren)", "/forslag"),
    Command(
        "status", "Ändra status på ett förslag (sekreteraren)", "/status T-2026-0001 behandlad"
    ),
    Command("narvaro", "Vem kommer till nästa möte (sekreteraren)", "/narvaro"),
    Command("inbjud", "Bjud in en person i rostern (sekreteraren)", "/inbjud Anna Karlsson"),
    Command(
        "nyttmote", "Lägg in ett möte (sekreteraren)", "/nyttmote 2026-12-04 09:00-12:00 Lokal Eken"
    ),
    Command("stallin", "Ställ in ett möte (sekreteraren)", "/stallin 2026-12-04"),
]
