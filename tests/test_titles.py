"""Who holds a title ("vem är förbundschef …") is read from the attendance lists, and a person
asked for by a role is a name beside that role, not any name of the passage."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from knowledge.qa.engine import Engine
from knowledge.qa.types import Answer
from tests.written import engine_over, engine_with_fixtures

DOCUMENTS = ("05_socialchefer_sydnarke.txt", "19_samordningsforbund_sydnarke.pdf")
TODAY = date(2026, 11, 23)


def _shown(answer: Answer) -> str:
    """What the member reads: the headline, the blocks and who the sources are."""
    lines = [line for block in answer.blocks for line in block.lines]
    return " ".join([answer.headline, *lines, *(source.council for source in answer.sources)])


@pytest.fixture(scope="module")
def engine(corpus_db_file: Path, tmp_path_factory: pytest.TempPathFactory) -> Engine:
    return engine_with_fixtures(corpus_db_file, tmp_path_factory.mktemp("titles"), DOCUMENTS)


@pytest.mark.parametrize(
    "question",
    [
        "vem är förbundchef i samordningsförbundet Sydnärke?",
        "Vem är förbundschef i Samordningsförbundet Sydnärke",
    ],
)
def test_a_title_is_answered_from_the_attendance_list(engine: Engine, question: str) -> None:
    answer = engine.answer(question, today=TODAY)
    assert answer.found
    assert answer.headline.startswith("Jessica Ljung står som förbundschef")
    assert "12 mars 2025" in answer.headline


def test_a_town_picks_its_holder_of_the_title(engine: Engine) -> None:
    answer = engine.answer("vem e socialchefen i kumla", today=TODAY)
    assert answer.found and answer.headline.startswith("Carina Wenström står som socialchef")


def test_several_holders_are_named_with_their_towns(engine: Engine) -> None:
    answer = engine.answer("vem är socialchef?", today=TODAY)
    lines = [line for block in answer.blocks for line in block.lines]
    assert answer.found and len(lines) >= 4
    assert any("Carina Wenström (Kumla)" in line for line in lines)


def test_a_title_of_a_subject_is_not_anyone_with_the_title(engine: Engine) -> None:
    # "projektledare för InnoMera": whoever else is a projektledare does not answer
    answer = engine.answer("vem är projektledare för InnoMera testbädd?", today=TODAY)
    assert "Amira Selimi" not in _shown(answer)


def test_a_role_without_a_name_beside_it_is_no_answer(engine: Engine) -> None:
    # "… enligt ViSam och SBAR Projektledare anställdes i slutet av september 2021."
    answer = engine.answer("vem ar projektledare for InnoMera testbadd?", today=TODAY)
    assert not answer.found


def test_a_joint_body_is_named_by_its_organisation(engine: Engine) -> None:
    # "Samordningsförbundet Sydnärke" is the organisation of "Förbundsstyrelsen"; the word
    # stands in no sentence of the protocol
    answer = engine.answer(
        "Vilket resultat gjorde Samordningsförbundet Sydnärke 2024?", today=TODAY
    )
    assert answer.found and "312 tkr" in answer.headline
    answer = engine.answer(
        "när har samordningsförbunet sydnärke sitt nästa styrelsemöte efter 12 mars 2025?",
        today=TODAY,
    )
    assert answer.found and "Förbundsstyrelsen" in _shown(answer)


def test_a_word_beginning_like_a_body_names_no_body(engine: Engine) -> None:
    # "förbundsdirektör" is no name of Förbundsstyrelsen, Samordningsförbundet Sydnärke
    assert engine.understand("vem är förbundsdirektör?", today=TODAY).body is None
    query = engine.understand("vad sa förbundschefen om budgeten?", today=TODAY)
    assert query.body is None


def test_a_title_is_one_however_it_is_written(tmp_path_factory: pytest.TempPathFactory) -> None:
    head = "PROTOKOLL\nKommunstyrelsen, {town} kommun\nSammanträdesdatum {day}\n\n"
    engine = engine_over(
        tmp_path_factory.mktemp("case"),
        *(
            (
                f"ks_{town}.txt",
                head.format(town=town, day=day).replace("\\\n", "\n")
                + f"Övriga närvarande\n{name}, {title}\n\n§ 1 Öppnande\nMötet öppnades.\n",
            )
            for town, day, name, title in (
                ("Testby", "2024-09-10", "Karin Ström", "kommundirektör"),
                ("Norrby", "2024-10-01", "Christer Wall", "Kommundirektör"),
            )
        ),
    )
    answer = engine.answer("vem är kommundirektör?", today=TODAY)
    lines = " ".join(line for block in answer.blocks for line in block.lines)
    assert "Karin Ström" in lines and "Christer Wall" in lines


def test_a_title_no_list_gives_is_read_in_the_text(engine: Engine) -> None:
    # no attendance list of Hallsberg names a socialchef: the answer is no invented holder
    answer = engine.answer("vem är socialchef i Laxå?", today=TODAY)
    assert "Carina Wenström" not in _shown(answer)


def test_a_function_beside_a_name_is_asked_like_a_title(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    engine = engine_over(
        tmp_path_factory.mktemp("functions"),
        (
            "styrelse.txt",
            "KARLSKOGAHEM AB\nSTYRELSEPROTOKOLL\n\nTid: 2024-09-17 kl 13.00-15.45\n\n"
            "Beslutande:     Lars Berg (S), ordförande\n"
            "                Eva Åhlund (M), 1:e vice ordförande\n"
            "                Göran Tell (S), 2:e vice ordförande\n\n"
            "Övriga:         Fredrik Ström, VD\n\n"
            "§ 1 MÖTETS ÖPPNANDE\nOrdföranden öppnade mötet.\n\n"
            "§ 2 VAL AV JUSTERARE\nStyrelsen beslutade att utse Eva Åhlund.\n",
        ),
    )
    answer = engine.answer("vem var vice ordförande i karlskogahem?", today=TODAY)
    assert answer.found
    assert "Eva Åhlund (1:e vice ordförande)" in _shown(answer)
    assert "Göran Tell (2:e vice ordförande)" in _shown(answer)
    answer = engine.answer("vem är 2:e vice ordförande?", today=TODAY)
    assert answer.headline.startswith("Göran Tell står som 2:e vice ordförande")
    answer = engine.answer("vem var vd på karlskogahem", today=TODAY)
    assert answer.headline.startswith("Fredrik Ström står som VD")
    # the lists of another body name no VD of it
    assert "Fredrik Ström" not in _shown(
        engine.answer("vem är vd för Nerikes Brandkår?", today=TODAY)
    )


def test_a_word_the_documents_use_is_no_misspelt_surname(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    # "Hagaberg" (a property in the text) is close to "Hagberg" but is a word of its own
    engine = engine_over(
        tmp_path_factory.mktemp("surname"),
        (
            "ks.txt",
            "PROTOKOLL\nKommunstyrelsen, Testby kommun\nSammanträdesdatum 2024-10-01\n\n"
            "Övriga närvarande\nElin Hagberg, näringslivschef\n\n"
            "§ 1 Försäljning av industrimark\nKommunstyrelsen säljer fastigheten Hagaberg 3:1 "
            "för 4 340 000 kr.\n\n§ 2 Budget\nElin Hagberg redogjorde för budgeten.\n",
        ),
    )
    assert engine.understand("vad kostade marken på Hagaberg?", today=TODAY).person is None
    assert engine.understand("vad sa Hagberg om budgeten?", today=TODAY).person == "Elin Hagberg"
    assert engine.understand("vad sa Hagbergh om budgeten?", today=TODAY).person == "Elin Hagberg"
