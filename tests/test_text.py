"""Cleaning converted text, and Swedish word forms."""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from knowledge.ingest.clean import clean_text
from knowledge.ingest.load import SHIPPED_CORPUS
from knowledge.language.text import normalize, split_sentences, stem, stem_text, words

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


@pytest.mark.parametrize("glyph", ["\uf0b7", "•", "▪", "◦", "●", "■", "-", "*", "–"])
def test_bullet_glyphs_become_dashes(glyph: str) -> None:
    assert clean_text(f"Inledning\n  {glyph} Den demografiska utmaningen\n") == (
        "Inledning\n- Den demografiska utmaningen\n"
    )


def test_markdown_markup_removed_headings_kept() -> None:
    raw = (
        "### **9a) Psykisk hälsa** – Maria Belik\n"
        "Ett __viktigt__ beslut och *kursiv* text, _understruken_ också.\n"
        "Se <https://www.regionorebrolan.se/samverkan> för mer.\n"
        "Kostnaden<sup>1</sup> är 12\\-14 kr och snake_case_namn står kvar.\n"
        "---\n"
        "| Namn | Organisation | |\n"
        "|---|:---:|---|\n"
        "| Anna Karlsson | Nora kommun | |\n"
    )
    lines = clean_text(raw).splitlines()
    assert lines[0] == "### 9a) Psykisk hälsa – Maria Belik"
    assert lines[1] == "Ett viktigt beslut och kursiv text, understruken också."
    assert lines[2] == "Se https://www.regionorebrolan.se/samverkan för mer."
    assert lines[3].startswith("Kostnaden") and "<sup>" not in lines[3]
    assert "12-14 kr" in lines[3] and "snake_case_namn" in lines[3]
    assert lines[4:] == ["Namn\tOrganisation", "Anna Karlsson\tNora kommun"]


def test_columns_leading_space_and_blank_lines() -> None:
    raw = "   Anna Karlsson    Nora kommun  \n\n\n\n\tPer Persson\tLaxå\nslut \t \n"
    assert clean_text(raw) == "Anna Karlsson\tNora kommun\n\nPer Persson\tLaxå\nslut\n"


def test_more_hyphenation() -> None:
    text = clean_text(
        "Läs mer på utveckl-\ning.regionorebrolan.se idag. Stöd från IT-\navdelningen. "
        "Efter covid-\n19 kom vård-\n, omsorg. Fysisk aktivitet på recept, s.k. FaR och sjuk-\n"
        "eller friskvård.\n"
    )
    assert "utveckling.regionorebrolan.se" in text
    assert "IT-avdelningen" in text
    assert "covid-19" in text
    assert "sjuk- eller friskvård" in text
    assert "vård- , omsorg" in text or "vård-, omsorg" in text


def test_bullets_are_not_joined_and_mid_line_hyphens_stay() -> None:
    text = clean_text(
        "- Första punkten om e-\n- Andra punkten\nEn rad med mitt-i-raden bindestreck\n"
    )
    assert "- Andra punkten" in text.splitlines()
    assert "mitt-i-raden" in text


def test_furniture_block_of_three_twice_is_removed_single_repeated_line_kept() -> None:
    header = "Region Örebro län\nSpecifika samverkansrådet\nProtokoll 2025-03-14\n"
    raw = (
        header
        + "De bilder som visades bifogas protokollet.\n\nPunkt ett handlar om\n\n"
        + header
        + "budgeten för nästa år.\n\nDe bilder som visades bifogas protokollet.\n"
    )
    text = clean_text(raw)
    assert "Specifika samverkansrådet" not in text
    assert "Punkt ett handlar om budgeten för nästa år." in text
    assert text.count("De bilder som visades bifogas protokollet.") == 2


def test_furniture_two_lines_three_times_and_page_number_forms() -> None:
    pages = [
        f"Innehåll på sidan {n}.\n\nRegionkansliet\nÖrebro\n{mark}\n"
        for n, mark in enumerate(["1 (3)", "2 (3)", "3 (3)"], 1)
    ]
    text = clean_text("".join(pages))
    assert "Regionkansliet" not in text and "(3)" not in text
    assert all(f"Innehåll på sidan {n}." in text for n in (1, 2, 3))
    dashes = clean_text("Första sidan.\n- 1 -\nAndra sidan.\n- 2 -\nTredje sidan.\n")
    assert dashes == "Första sidan.\n\nAndra sidan.\n\nTredje sidan.\n"


def test_two_lines_only_twice_are_content() -> None:
    raw = "Beslut\nRådet beslutar enligt förslaget.\n\nBeslut\nRådet beslutar enligt förslaget.\n"
    assert clean_text(raw).count("Rådet beslutar enligt förslaget.") == 2


def test_glued_first_occurrence_of_a_header_goes_too() -> None:
    raw = (
        "Region Örebro länPlanering\nEnhet Välfärd\nProtokoll\nText på sida ett.\n\n"
        "Region Örebro län\nPlanering\nEnhet Välfärd\nProtokoll\nText på sida två.\n\n"
        "Region Örebro län\nPlanering\nEnhet Välfärd\nProtokoll\nText på sida tre.\n"
    )
    text = clean_text(raw)
    assert "Planering" not in text and "Enhet Välfärd" not in text
    assert [line for line in text.splitlines() if line] == [
        "Text på sida ett.",
        "Text på sida två.",
        "Text på sida tre.",
    ]


def test_vocabulary_furniture_even_once() -> None:
    raw = (
        "Tjänsteställe\nRegionkansliet\nAvdelning Välfärd\nSekreterare\nAnna Andersson\n\n"
        "Protokoll från mötet.\n\n"
        "POSTADRESS Box 1613, 701 16 Örebro BESÖKSADRESS Eklundavägen 1 TELEFON 019-602 10 00\n"
        "E-POST region@regionorebrolan.se INTERNET www.regionorebrolan.se\n\n"
        "Sista raden.\n"
    )
    text = clean_text(raw)
    assert text == "Protokoll från mötet.\n\nSista raden.\n"


def test_lone_numbers_are_content_unless_they_count_pages() -> None:
    assert "2025" in clean_text("Budget\n\n2025\n\nSumma\n")


def test_more_sentences() -> None:
    text = "Mötet var ca. två timmar, nr. 4 på listan. Vi ses t ex i maj. Andelen är 3.5 procent."
    assert split_sentences(text) == [
        "Mötet var ca. två timmar, nr. 4 på listan.",
        "Vi ses t ex i maj.",
        "Andelen är 3.5 procent.",
    ]
    assert split_sentences("") == []


def test_folding_and_stems() -> None:
    assert normalize("Café\tMÜLLER\n Åsa") == "cafe muller asa"
    assert stem("Hälsa") == stem("hälsa") == normalize(stem("hälsa"))
    assert stem_text("") == ""
    assert words("  ,. ") == []


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("aåö -\n\t*#|•\uf0b7_<>\r\u00a0")), max_size=400))
@example("#**")
def test_clean_text_on_markup_alphabet(raw: str) -> None:
    text = clean_text(raw)
    assert all(line == line.rstrip() and line == line.lstrip(" ") for line in text.split("\n"))
    assert "\n\n\n" not in text


def _normalize_by_definition(text: str) -> str:
    """normalize as its docstring says it, one character at a time."""
    import unicodedata

    folds = dict(zip("åäöéèüæøáàíóúñç", "aaoeeuaoaaiounc", strict=True))
    folded = "".join(folds.get(c, c) for c in text.casefold())
    decomposed = unicodedata.normalize("NFKD", folded) if not folded.isascii() else folded
    kept = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(kept.split())


@settings(max_examples=500)
@given(
    st.text(
        alphabet=st.one_of(
            st.characters(max_codepoint=0x24F),
            st.sampled_from(list("ſKÅẞµ–’…\u00a0\u2028\u0301\u0308ǅﬁ\t")),
        ),
        max_size=20,
    )
)
@example("Ordförande  Region Örebro län")
@example("Straße, Ćorić, ﬁnsk")
def test_normalize_folds_as_its_definition(text: str) -> None:
    assert normalize(text) == _normalize_by_definition(text)


@settings(max_examples=300)
@given(st.text(alphabet=st.sampled_from(list("abåäöAÖ09²٣ǅ \t\n-–_.,:é\u0301")), max_size=30))
@example("e-hälsa, hälso- och sjukvård 2024-2025 --x")
def test_words_are_letters_and_digits_joined_by_inner_hyphens(text: str) -> None:
    import re

    assert words(text) == re.findall(r"[^\W_]+(?:-[^\W_]+)*", text)
