"""Reading the answer out of an item: a lead-in names what the paragraphs under it are about,
a date in a question may be the subject's own period, an age is a number of years, a verb
after "hur många" counts nothing, and "var" asks for a place.

The protocol is written here, so the questions can be checked against what it says and what
it does not."""

from __future__ import annotations

from datetime import date

import pytest

from knowledge.language.text import looks_like_verb
from knowledge.qa.answers.shared import finite_verb
from knowledge.qa.engine import Engine
from knowledge.qa.reading import AGE, PLACE, holds, wanted
from knowledge.qa.search import expand
from knowledge.qa.stopwords import STOPWORDS
from tests.written import engine_over

TODAY = date(2026, 11, 23)

PROTOCOL = """\
PROTOKOLL
Fritidsnämnden, Testby kommun
Sammanträdesdatum 2024-03-12

Tid och plats: Tisdagen den 12 mars 2024 kl. 13.00–15.00, Nämndrummet, Testby kommunhus
Ledamöter: Eva Lind (S), ordförande
           Per Holm (M)
           Sara Ek (C)
Justerare: Per Holm (M)

§ 5 Rapport om ungdomsverksamheten
Kerstin Alm föredrog ärendet.

Delprojekt Norrby: Arbetet har pågått sedan hösten 2023 tillsammans med föreningarna.

Under våren har träffpunkten Solgläntan för unga invigts.

Delprojekt Söderby: En ny arbetsgrupp har bildats med skolan.

§ 6 Uppföljning av stödet
Uppföljningen januari–april 2023 visade att 57 barn fick stöd av fältassistenterna.
Ungdomsmottagningen tar emot ungdomar mellan 13 och 23 år.
Nämnden erbjuder kursen Trygg start för nyanlända föräldrar. Kursen hålls på kvällstid i \
skolans aula. Cirka 140 personer deltar i kursen under året.
Avtalet med Jourcentralen beräknas kosta 2,1 Mkr per år för 2025–2026.
Prognosen för perioden januari–juni visar ett överskott om 1,2 Mkr.
Av deltagarna på lovskolan var 31 flickor och 17 pojkar.
Nämnden har tre nya mötesplatser för unga. De tre mötesplatserna är:
- Solgården i Norrby
- Ekbacken i Söderby
Konferensen om barnrätt hålls i Folkets hus i Testby.
Konferensen om barnrätt hålls den 14 maj 2024.

§ 7 Projekt SOLROS
Arbetet startade i Norrby och har sedan spridits till Söderby.
Förvaltningschefen informerar om
- renoveringen av simhallen,
- ishallen som stänger för renovering i augusti,
- nya öppettider i biblioteket.
Nämnden tackar för informationen.
En träff för föreningarna i SOLROS hålls tisdag den
3 december kl. 18.00 i Testby bibliotek.

§ 8 Intervjustudie
Maria Lind och Anna Berg föredrog ärendet.
Maria och Anna har genomfört intervjuer med äldre i Norrby.
Per den 1 januari 2025 tar Maria över ansvaret för intervjuerna från Anna.

§ 9 Nästa sammanträde
Nästa sammanträde hålls den 16 april 2024.

§ 10 Förlängd avgiftsbefrielse för torghandel
Avgifterna för torghandel har tagits bort till och med den 30 juni 2024. Förvaltningen \
föreslår att befrielsen förlängs under resten av året.
Nämndens beslut
Nämnden beslutar att förlänga avgiftsbefrielsen för torghandel till och med den 31 december 2024.

§ 11 Förskolan Blåklockan
Förskolan Blåklockan har brister i ventilationen och föreslås avvecklas.
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    """A store with the one protocol above."""
    return engine_over(tmp_path_factory.mktemp("reading"), ("fritidsnamnden.txt", PROTOCOL))


def test_a_lead_in_names_the_paragraphs_under_it(engine: Engine) -> None:
    answer = engine.answer("Vad heter träffpunkten för unga i Norrby?", today=TODAY)
    assert answer.found and "Solgläntan" in answer.headline


def test_a_lead_in_ends_where_the_next_begins(engine: Engine) -> None:
    answer = engine.answer("Vad heter träffpunkten för unga i Söderby?", today=TODAY)
    assert "Solgläntan" not in answer.headline


def test_a_date_without_a_meeting_is_the_subjects_period(engine: Engine) -> None:
    answer = engine.answer(
        "Hur många barn fick stöd i uppföljningen januari–april 2023?", today=TODAY
    )
    assert answer.found and "57" in answer.headline


def test_a_period_the_protocol_does_not_name_is_not_answered(engine: Engine) -> None:
    answer = engine.answer("Hur många barn fick stöd i uppföljningen i oktober?", today=TODAY)
    assert not answer.found


def test_an_age_is_a_number_of_years(engine: Engine) -> None:
    assert wanted("hur gamla ar ungdomarna", STOPWORDS).kind == AGE
    assert not holds("Uppföljning sker varje halvår.", wanted("hur gamla ar barnen", STOPWORDS))
    answer = engine.answer("Hur gamla är ungdomarna som ungdomsmottagningen tar emot?", today=TODAY)
    assert answer.found and "13 och 23 år" in answer.headline


def test_a_verb_after_hur_manga_counts_nothing(engine: Engine) -> None:
    assert wanted("hur manga barn fick stod", STOPWORDS).focus == "barn"
    assert expand(engine._corpus, "deltar").verb  # "deltog", "deltagit": a strong verb
    answer = engine.answer("Hur många deltar i kursen Trygg start?", today=TODAY)
    assert answer.found and "140" in answer.headline


def test_where_asks_for_a_place(engine: Engine) -> None:
    want = wanted("var halls konferensen om barnratt", STOPWORDS)
    assert want.kind == PLACE
    assert not holds("Konferensen hålls den 14 maj 2024.", want)
    answer = engine.answer("Var hålls konferensen om barnrätt?", today=TODAY)
    assert answer.found and "Folkets hus" in answer.headline


def test_a_name_joined_to_a_word_by_a_hyphen_is_the_name_and_the_word(engine: Engine) -> None:
    answer = engine.answer("vart startade SOLROS-projektet från början?", today=TODAY)
    assert answer.found and "Norrby" in answer.headline


def test_a_list_introduced_without_a_colon_is_shown_whole(engine: Engine) -> None:
    answer = engine.answer("vad informerade förvaltningschefen om?", today=TODAY)
    assert answer.found
    assert "simhallen" in answer.headline and "biblioteket" in answer.headline
    assert "tackar" not in answer.headline  # the list ends where its items do
    answer = engine.answer("när stänger ishallen?", today=TODAY)
    assert answer.found and "simhallen" not in answer.headline  # an item introduces nothing


def test_people_named_by_first_name_are_named_in_full(engine: Engine) -> None:
    answer = engine.answer("vem genomförde intervjuerna med äldre?", today=TODAY)
    assert answer.found and "Maria Lind och Anna Berg" in answer.headline
    answer = engine.answer("vem tar över ansvaret för intervjuerna?", today=TODAY)
    assert answer.found and "(Maria Lind och Anna Berg)." in answer.headline
    assert "Per Holm" not in answer.headline  # "Per den 1 januari" names no one


def test_the_protocol_is_read_with_its_items(engine: Engine) -> None:
    # The text above is a protocol with numbered items, not a plain document.
    numbers = [
        row[0]
        for row in engine.db.execute(
            "SELECT i.number FROM items i JOIN documents d ON d.id = i.document_id"
            " WHERE d.filename = 'fritidsnamnden.txt' ORDER BY i.position"
        )
    ]
    assert numbers == ["5", "6", "7", "8", "9", "10", "11"]


FORMAL_ONLY = """\
PROTOKOLL
Fritidsnämnden, Testby kommun
Sammanträdesdatum 2024-04-16

Tid och plats: Tisdagen den 16 april 2024 kl. 13.00–14.00, Nämndrummet
Ledamöter: Eva Lind (S), ordförande
           Per Holm (M)
Justerare: Per Holm (M)

§ 8 Val av justerare
Till att jämte ordföranden justera protokollet utsågs Per Holm.

§ 9 Godkännande av dagordning
Dagordningen godkändes.

§ 10 Information om sommarlovet
Kerstin Alm informerade om sommarlovsaktiviteterna. Informationen lades till handlingarna.
"""


def test_formalities_come_after_the_matters(engine: Engine) -> None:
    # The shipped protocol of 19 November 2021: one decision on a matter, two formalities.
    answer = engine.answer("Vad beslutades på rådets möte 19 november 2021?", today=TODAY)
    assert answer.found and "i enlighet med förslaget" in answer.headline
    formalia = [b for b in answer.blocks if b.title == "Formalia"]
    assert formalia and any("dagordning" in line for line in formalia[0].lines)
    assert not any("Dagordningen" in line for b in answer.blocks[:-1] for line in b.lines)


def test_a_meeting_of_formalities_has_no_decisions_on_matters(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    engine = engine_over(tmp_path_factory.mktemp("formal"), ("fritid_april.txt", FORMAL_ONLY))
    answer = engine.answer("Vad beslutades på fritidsnämndens möte 16 april 2024?", today=TODAY)
    assert not answer.found
    assert "inga beslut i sak" in answer.headline
    assert "§ 9 Godkännande av dagordning" in answer.headline
    assert "§ 10 Information om sommarlovet" in answer.headline


def test_a_range_of_years_is_its_years(engine: Engine) -> None:
    answer = engine.answer("Vad kostar Jourcentralen per år 2025-2026?", today=TODAY)
    assert answer.found and "2,1 Mkr" in answer.headline


def test_a_short_month_is_the_month(engine: Engine) -> None:
    answer = engine.answer("vad visar prognosen för jan-juni", today=TODAY)
    assert answer.found and "1,2 Mkr" in answer.headline


@pytest.mark.parametrize(
    ("question", "verb"),
    [
        ("Vilken vecka stänger simhallen?", "stänger"),
        ("När startade projektet?", "startade"),
        ("Vem leder arbetsgruppen?", "leder"),
        ("Vilka kommuner deltar i projektet?", "deltar"),
        ("Budgeten för projektet", None),
        ("Vilka nya riktlinjer antogs?", None),  # an adjective before the noun
        ("Vilka stora investeringar planeras?", None),
    ],
)
def test_the_verb_comes_second_in_a_question(question: str, verb: str | None) -> None:
    assert finite_verb(question) == verb


@pytest.mark.parametrize("word", ["sköt", "tog", "gav", "tar", "ger"])
def test_short_verbs_are_verbs(word: str) -> None:
    assert looks_like_verb(word)


@pytest.mark.parametrize("word", ["stöd", "bör", "drog", "lag", "bad", "far"])
def test_short_nouns_are_not(word: str) -> None:
    assert not looks_like_verb(word)


def test_a_date_of_a_meeting_is_that_meetings(engine: Engine) -> None:
    # A meeting was held on 12 March 2024; what it did not say (the shipped protocols speak
    # of placerade barn) is not looked for elsewhere.
    assert engine.answer("Vad sades om placerade barn?", today=TODAY).found
    answer = engine.answer("Vad sades om placerade barn den 12 mars 2024?", today=TODAY)
    assert not answer.found


def test_a_line_that_tells_what_someone_did_is_no_heading(engine: Engine) -> None:
    labelled = engine._corpus.sentences.labelled(
        "Kerstin Alm föredrog ärendet\nNämnden diskuterade.\nProjektet Norrby\nDet går bra."
    )
    assert [label for _, label, _ in labelled] == ["", "", "Projektet Norrby", "Projektet Norrby"]


def test_a_week_number_is_a_time() -> None:
    want = wanted("vilken vecka stanger simhallen", STOPWORDS)
    assert holds("Simhallen stänger för underhåll vecka 44.", want)
    assert not holds("Simhallen stänger för underhåll.", want)


def test_a_label_alone_on_its_line_names_what_follows(engine: Engine) -> None:
    labelled = engine._corpus.sentences.labelled("Bakgrund text här.\nBeslut:\nArbetet avbryts.")
    assert [(sentence, label) for sentence, label, _ in labelled] == [
        ("Bakgrund text här.", ""),
        ("Arbetet avbryts.", "Beslut"),
    ]


def test_an_everyday_word_finds_the_minutes_word(engine: Engine) -> None:
    assert "flickor" in expand(engine._corpus, "tjejer").exact
    answer = engine.answer("Hur många tjejer var med på lovskolan?", today=TODAY)
    assert answer.found and "31 flickor" in answer.headline


def test_a_sentence_before_a_list_comes_with_the_list(engine: Engine) -> None:
    answer = engine.answer("Vilka nya mötesplatser har nämnden för unga?", today=TODAY)
    assert answer.found and "Solgården" in answer.headline and "Ekbacken" in answer.headline


def test_counted_in_total_is_no_thing_counted() -> None:
    assert wanted("hur manga totalt deltog", STOPWORDS).focus is None
    want = wanted("hur manga tjejer deltog", STOPWORDS)
    assert holds("Av dem var 31 flickor.", want)
    assert not holds("Rådet har haft 3 sammanträden under året.", want)


OTHER_BODY_IN_APRIL = """\
PROTOKOLL
Tekniska nämnden, Testby kommun
Sammanträdesdatum 2023-04-18

Tid och plats: Tisdagen den 18 april 2023 kl. 13.00–15.00, Nämndrummet
Ledamöter: Anna Berg (S), ordförande

§ 3 Gatubelysning
Nämnden beslutar att byta armaturer på Storgatan.
"""


def test_a_month_another_body_met_in_is_still_the_subjects_period(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    engine = engine_over(
        tmp_path_factory.mktemp("period"),
        ("fritid.txt", PROTOCOL),
        ("teknik.txt", OTHER_BODY_IN_APRIL),
    )
    answer = engine.answer("Hur många barn fick stöd i uppföljningen april 2023?", today=TODAY)
    assert answer.found and "57 barn" in answer.headline


def test_six_digits_that_make_a_date_answer_when() -> None:
    want = wanted("nar ska projektet avslutas", STOPWORDS)
    assert holds("Att projektet avslutas 250331.", want)
    assert not holds("Ärendet har nummer 123456.", want)


def test_a_list_of_named_things_is_answered_by_their_names() -> None:
    want = wanted("vilka andra regioner var piloter", STOPWORDS)
    assert not holds("Örebro län är tillsammans med två andra regioner piloter.", want)
    assert holds("Piloter är också Region Skåne och Region Gävleborg.", want)


def test_a_count_of_new_ones_is_no_count_of_all() -> None:
    assert not holds(
        "Föreningen har fått 40 nya medlemmar.",
        wanted("hur manga medlemmar har foreningen", STOPWORDS),
    )
    assert holds(
        "Föreningen har fått 40 nya medlemmar.",
        wanted("hur manga nya medlemmar fick foreningen", STOPWORDS),
    )
    assert holds(
        "Föreningen har 412 medlemmar.", wanted("hur manga medlemmar har foreningen", STOPWORDS)
    )


def test_how_long_is_answered_by_the_decided_end_date(engine: Engine) -> None:
    # "hur länge" is told by the day something lasts until; the decision, not its background
    answer = engine.answer("hur länge förlängdes avgiftsbefrielsen för torghandel?", today=TODAY)
    assert answer.found and "31 december 2024" in answer.headline


def test_spoken_question_words_name_no_subject(engine: Engine) -> None:
    # "varför" and "dom" are no words of the subject
    answer = engine.answer("varför ska dom avveckla förskolan Blåklockan?", today=TODAY)
    assert answer.found and "ventilationen" in answer.headline


def test_a_neuters_definite_form_finds_the_word(tmp_path_factory: pytest.TempPathFactory) -> None:
    # "utegymmet" stems to itself; the minutes say "utegym"
    engine = engine_over(
        tmp_path_factory.mktemp("neuter"),
        (
            "ks.txt",
            "PROTOKOLL\nKommunstyrelsen, Testby kommun\nSammanträdesdatum 2024-09-10\n\n"
            "§ 1 Medborgarförslag om utegym i Norrby\n"
            "Kommunstyrelsen beslutar att frågan om utegym i Norrby prövas i budget 2026.\n\n"
            "§ 2 Rummet för möten\nEtt nytt rum för möten har inretts i kommunhuset.\n",
        ),
        ("annan.txt", "Anteckningar\nUtegymmet i Söderby invigdes i maj 2023 av ordföranden.\n"),
    )
    answer = engine.answer("vad hände med utegymmet i Norrby?", today=TODAY)
    assert answer.found and "budget 2026" in answer.headline


def test_the_period_asked_of_may_be_the_items_title(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    """ "efter februari 2025" is the month of "Ekonomisk uppföljning februari 2025", whose
    sentences need not repeat it."""
    engine = engine_over(
        tmp_path_factory.mktemp("period-title"),
        (
            "bun.txt",
            "PROTOKOLL\nBarn- och utbildningsnämnden, Testby kommun\nDatum: 2025-03-19\n"
            "Ledamöter: Eva Lind (S), ordförande\n\n§ 1 Ekonomisk uppföljning februari 2025\n"
            "Helårsprognosen pekar på ett underskott om 3,8 mnkr.\n\n§ 2 Övrigt\nInget.\n",
        ),
    )
    answer = engine.answer(
        "Hur stort underskott pekar helårsprognosen på efter februari 2025?", today=TODAY
    )
    assert answer.found and "3,8 mnkr" in answer.headline


def test_the_years_of_an_items_title_and_a_verb_after_a_modal(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    """ "för … 2025–2027" is the period of "Gemensam handlingsplan 2025–2027", whose sentences
    need not name it; "ska kommunerna betala" asks with a verb, which the answer need not hold."""
    engine = engine_over(
        tmp_path_factory.mktemp("title-years"),
        (
            "rad.txt",
            "PROTOKOLL\nFolkhälsorådet, Testby kommun\nDatum: 2025-03-07\n"
            "Ledamöter: Eva Lind (S), ordförande\n\n"
            "§ 1 Gemensam handlingsplan för folkhälsa 2025–2027\nFinansieringen delas mellan "
            "parterna. Regionen bidrar med 1,5 Mkr per år och kommunerna med 1,50 kr per invånare "
            "och år.\n\n§ 2 Övrigt\nInget.\n",
        ),
    )
    answer = engine.answer(
        "Hur mycket ska kommunerna betala per invånare för handlingsplanen för folkhälsa "
        "2025–2027?",
        today=TODAY,
    )
    assert answer.found and "1,50 kr" in answer.headline


def test_all_someone_informed_about_and_the_board_named_by_nothing_but_namnden(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    """ "Hon informerar också om …" goes on with what she told; "nämndens möte" names no
    "Socialnämndens individutskott", only some nämnd."""
    engine = engine_over(
        tmp_path_factory.mktemp("informed"),
        (
            "hsn.txt",
            "PROTOKOLL\nHälso- och sjukvårdsnämnden, Region Örebro län\nDatum: 2024-10-22\n"
            "Ledamöter: Eva Lind (S), ordförande\n\n§ 1 Information från direktören\n"
            "Hälso- och sjukvårdsdirektör Karin Lundmark informerar om tillgängligheten i den "
            "specialiserade vården. 71 procent av patienterna har väntat kortare än 90 dagar. Hon "
            "informerar också om omställningen till nära vård och om vintersäsongen.\n\n"
            "§ 2 Övrigt\nInget.\n",
        ),
        (
            "iu.txt",
            "PROTOKOLL\nSocialnämndens individutskott, Karlskoga kommun\nDatum: 2024-10-08\n"
            "Ledamöter: Per Holm (S), ordförande\n\n§ 1 Placeringar\nKostnaderna redovisades.\n\n"
            "§ 2 Övrigt\nInget.\n",
        ),
    )
    answer = engine.answer(
        "vad informerade hälso- och sjukvårdsdirektören om på nämndens möte i oktober 2024?",
        today=TODAY,
    )
    assert answer.found and "tillgängligheten" in answer.headline
    assert "vintersäsongen" in answer.headline


def test_a_first_name_that_starts_a_sentence_and_acts_names_someone() -> None:
    from knowledge.qa.named_people import names_besides

    asked = frozenset({"ekonomen"})
    assert names_besides("Peter kollar med ekonomen på torsdag.", asked)
    assert names_besides("Vi träffades. Ahmed frågar psykiatrin om en föreläsare.", asked)
    # a noun in its definite form that starts a sentence is nobody
    assert not names_besides("Projektet startar med ekonomen i januari.", asked)
    assert not names_besides("Arbetsgruppen träffas hos ekonomen.", asked)


def test_the_town_a_body_meets_in_names_it(tmp_path_factory: pytest.TempPathFactory) -> None:
    # "hembygdsföreningen i Fjugesta": the town is in the place it met, not in the item
    engine = engine_over(
        tmp_path_factory.mktemp("met-in"),
        (
            "forening.txt",
            "EDSBERGS HEMBYGDSFÖRENING\nProtokoll fört vid styrelsemöte tisdagen den 13 "
            "februari 2024 kl. 18.30\ni föreningslokalen, Hembygdsgården, Fjugesta\n\n"
            "Närvarande: Gun-Britt Olsson ordförande, Stig Hammar ledamot\n\n"
            "§ 1 Mötets öppnande\nMötet öppnades.\n\n§ 2 Reparation av smedjans tak\n"
            "Styrelsen beslutade att beställa reparationen inom en ram om högst 38 000 kr.\n",
        ),
    )
    answer = engine.answer("hur mycket får smedjans tak kosta, föreningen i Fjugesta", today=TODAY)
    assert answer.found and "38 000 kr" in answer.headline


def test_every_theme_of_a_meeting(tmp_path_factory: pytest.TempPathFactory) -> None:
    engine = engine_over(
        tmp_path_factory.mktemp("themes"),
        (
            "rad.txt",
            "Minnesanteckningar\nSpecifika samverkansrådet för folkhälsa\nDatum: 2025-03-07\n"
            "Närvarande: Anna Berg, ordförande\n\n1. Mötets öppnande\nMötet öppnades.\n\n"
            "2. Tema: Spel om pengar\nEn kartläggning redovisades.\n\n"
            "3. Tema: Liv och hälsa ung 2024\nResultaten redovisades.\n",
        ),
    )
    answer = engine.answer("vilka teman hade folkhälsorådet på mötet i mars 2025?", today=TODAY)
    assert "Spel om pengar" in answer.headline and "Liv och hälsa ung 2024" in answer.headline


def test_an_amount_asked_with_its_word_misspelt() -> None:
    assert wanted("hur stort tillaggsanlag fick kommunstyrelsen", STOPWORDS).kind == "amount"
    assert wanted("hur stort bidarg fick foreningen", STOPWORDS).kind == "amount"
    assert wanted("hur stort ar omradet", STOPWORDS).kind is None  # a size, no money


def test_an_amount_of_a_named_thing_is_said_with_it() -> None:
    want = wanted("vilken skattesats raknar regionen med for 2026", STOPWORDS)
    assert (want.kind, want.focus) == ("amount", "skattesats")
    assert not holds("Investeringsramen fastställs till 1 480 mnkr.", want)
    assert holds("Skattesatsen för 2026 blir 11,55 kr.", want)


def test_the_themes_of_a_meeting_without_minutes(tmp_path_factory: pytest.TempPathFactory) -> None:
    engine = engine_over(
        tmp_path_factory.mktemp("no-minutes"),
        (
            "rad.txt",
            "Minnesanteckningar\nSpecifika samverkansrådet för folkhälsa\nDatum: 2025-03-07\n"
            "Närvarande: Anna Berg, ordförande\n\n1. Mötets öppnande\nMötet öppnades.\n\n"
            "2. Teman till kommande möten\n- psykisk hälsa bland äldre\n",
        ),
    )
    answer = engine.answer("vilket tema hade folkhälsorådet på mötet i december 2024?", today=TODAY)
    assert not answer.found and "psykisk hälsa" not in answer.headline
