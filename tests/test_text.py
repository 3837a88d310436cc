"""Cleaning converted text, and Swedish word forms."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from knowledge.ingest import SHIPPED_CORPUS
from knowledge.text import clean_text, normalize, split_sentences, stem, stem_text, words

CORPUS = {path.name[:3]: path.read_text(encoding="utf-8") for path in SHIPPED_CORPUS.iterdir()}


def test_hyphenated_line_breaks() -> None:
    text = clean_text(
        "En närvarokontroll genom-\nfördes. Kommunal hälso-\noch sjukvård. Strategi för e-\n"
        "hälsa. Ann-\nChristine kom. Region Öre-\nbro län. SKoP-\nmodellen.\n"
    )
    assert "genomfördes" in text
    assert "hälso- och sjukvård" in text
    assert "e-hälsa" in text
    assert "Ann-Christine" in text
    assert "Örebro" in text
    assert "SKoP-modellen" in text


def test_real_corpus_furniture_and_markup() -> None:
    cleaned = {key: clean_text(raw) for key, raw in CORPUS.items()}
    assert "POSTADRESS" not in cleaned["001"]
    assert "Tjänsteställe" not in cleaned["003"]
    assert "genomfördes eftersom mötet var digitalt" in cleaned["000"]
    assert cleaned["000"].count("De bilder som visades bifogas protokollet.") >= 4
    assert "### 9a) Psykisk hälsa, Språksatsningen – Maria Belik och Johanna" in cleaned["003"]
    assert "**" not in cleaned["003"]
    assert "förändras över tid." in cleaned["003"]
    assert "- Den demografiska utmaningen" in cleaned["000"]
    assert "AnnaMaj Björk\tAskersund" in cleaned["000"]
    assert "3.1.5\tNutrition" in cleaned["004"]  # a markdown table row, as cells


def test_synthetic_footer_and_page_numbers() -> None:
    page = (
        "Text om mötet på sidan {n} fortsätter\n\nKommunförbundet Väst\nBox 12, 123 45 Ort\n"
        "www.example.se\nSida {n} av 3\n"
    )
    raw = "".join(page.format(n=n) for n in range(1, 4))
    text = clean_text(raw)
    assert "Kommunförbundet Väst" not in text
    assert "Sida" not in text
    assert text.count("fortsätter") == 3


def test_windows_line_endings_and_odd_spaces() -> None:
    text = clean_text("Rad ett\r\nRad\u00a0två  med kolumn\r\rRad tre\u200b\n")
    assert "\r" not in text and "\u00a0" not in text and "\u200b" not in text
    assert "Rad två\tmed kolumn" in text


def test_word_forms() -> None:
    assert normalize("  Örebro  LÄN ") == "orebro lan"
    assert words("e-hälsa och SKoP-modellen, 2025.") == ["e-hälsa", "och", "SKoP-modellen", "2025"]
    assert stem("överenskommelsen") == stem("överenskommelser")
    assert stem("hälsoundersökningar") == stem("halsoundersokningar")
    assert stem_text("Placerade barn") == f"{stem('placerade')} {stem('barn')}"


def test_sentences() -> None:
    text = "Det finns bl.a. tre saker, t.ex. kl. 9.00 i morgon. Totalt 2 900 000 kr. Nästa sak!"
    assert split_sentences(text) == [
        "Det finns bl.a. tre saker, t.ex. kl. 9.00 i morgon.",
        "Totalt 2 900 000 kr.",
        "Nästa sak!",
    ]


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=2000))
def test_clean_text_never_crashes(raw: str) -> None:
    text = clean_text(raw)
    assert all(line == line.rstrip() for line in text.split("\n"))
    assert "\r" not in text


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "- punkt",
                "genom-",
                "fördes",
                "",
                "# Rubrik",
                "| a | b |",
                "**fet**",
                "POSTADRESS\tBESÖKSADRESS",
                "Sida 1 av 2",
            ]
        ),
        max_size=30,
    )
)
def test_clean_text_is_idempotent_on_document_like_text(lines: list[str]) -> None:
    once = clean_text("\n".join(lines))
    assert clean_text(once) == once
