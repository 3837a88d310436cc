"""How the words of a question are read: verbs say what happened, names must be someone
else's than the question's own, a surname after another first name is another person, an
attendance list's organisations are nobody."""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

import pytest

from knowledge import open_store
from knowledge.ingest.load import ingest_file
from knowledge.language.dates import format_date
from knowledge.language.text import looks_like_verb, normalize, stem
from knowledge.qa.engine import Engine
from knowledge.qa.reading import PERSON, holds, wanted
from knowledge.qa.search import expand, search
from knowledge.qa.stopwords import STOPWORDS
from knowledge.qa.types import NEXT_MEETING, SCHEDULE

TODAY = date(2026, 11, 23)
PROTOCOLS = Path(__file__).parent / "fixtures" / "protocols"


@pytest.fixture(scope="module")
def engine(corpus_db_file: Path, tmp_path_factory: pytest.TempPathFactory) -> Engine:
    """The shipped corpus and one protocol whose attendance list names an organisation."""
    path = tmp_path_factory.mktemp("words") / "samrad.db"
    shutil.copy(corpus_db_file, path)
    db = open_store(path)
    ingest_file(db, PROTOCOLS / "05_socialchefer_sydnarke.txt")
    ingest_file(db, PROTOCOLS / "03_bun_lindesberg.txt")
    ingest_file(db, PROTOCOLS / "02_sn_kumla.txt")
    ingest_file(db, PROTOCOLS / "04_familjerattsnamnd.txt")
    ingest_file(db, PROTOCOLS / "11_kfn_degerfors.docx")
    ingest_file(db, PROTOCOLS / "09_kpr_askersund_webb.txt")
    ingest_file(db, PROTOCOLS / "13_samverkansrad_barn_unga.txt")
    ingest_file(db, PROTOCOLS / "14_kf_ljusnarsberg_extra.txt")
    return Engine(db)


@pytest.mark.parametrize(
    "word", ["hände", "fastställde", "faställde", "tagit", "avvecklas", "valdes", "antogs"]
)
def test_inflected_verbs_are_recognised(word: str) -> None:
    assert looks_like_verb(word)


@pytest.mark.parametrize(
    "word", ["område", "ärende", "boende", "arbetsplats", "budget", "ungdom", "testbädd", "plan"]
)
def test_nouns_that_end_like_verbs_are_not(word: str) -> None:
    assert not looks_like_verb(word)


def test_a_verb_is_not_corrected_into_a_noun(engine: Engine) -> None:
    term = expand(engine._corpus, "hände")
    assert all(not word.startswith("hand") for word in term.exact)


def test_a_question_about_a_person_is_not_answered_by_the_name_it_asks_about() -> None:
    want = wanted("vem efterträder berit sandell i styrelsen", STOPWORDS)
    assert want.kind == PERSON
    assert not holds("Samtliga utom Berit Sandell ställer upp för omval.", want)
    assert holds("Valberedningen föreslår Karl Ek efter Berit Sandell.", want)


def test_a_surname_after_another_first_name_is_another_person(engine: Engine) -> None:
    person = engine.understand("vad sa Carina Persson om testbädden", today=TODAY).person
    assert person == "Carina Persson"
    assert engine.understand("vad sa Persson om testbädden", today=TODAY).person == person
    assert engine.understand("vad sa Arne Persson om testbädden", today=TODAY).person is None


def test_an_organisation_in_an_attendance_list_is_nobody(engine: Engine) -> None:
    query = engine.understand("hur mycket får varje kommun i sydnärke", today=TODAY)
    assert query.person is None


def test_a_title_nobody_holds_in_a_town_is_not_its_council_seat(engine: Engine) -> None:
    answer = engine.answer("vem är MAS i Laxå kommun", today=TODAY)
    assert not answer.found


def test_a_count_of_meetings_is_a_schedule_question(engine: Engine) -> None:
    assert engine.understand("antal rådsmöten 2023?", today=TODAY).intent == SCHEDULE


def test_the_measure_asked_for_is_no_subject(engine: Engine) -> None:
    query = engine.understand("hur stort var underskottet i hemtjänsten", today=TODAY)
    assert "stort" not in query.topic_words


def test_a_misspelt_word_of_a_body_name_names_the_body(engine: Engine) -> None:
    query = engine.understand(
        "vad tog socialchefsgruppen i sydnärke upp om socialjouren", today=TODAY
    )
    assert query.body is not None
    misspelt = engine.understand(
        "vad tog socialchefsgrupen i sydnarke upp om socialjouren", today=TODAY
    )
    assert misspelt.body == query.body
    assert [normalize(w) for w in misspelt.topic_words] == ["socialjouren"]


def test_a_stray_rare_word_does_not_hide_the_passage_with_all_the_others(engine: Engine) -> None:
    """The rarest word of a question may be one the answer does not hold: the passage with
    every other word is still found, before one with the rare word alone."""
    corpus = engine._corpus
    words = ["Socialjour", "kostnaden", "avtal", "Ramundeboda"]
    hits = search(corpus, [expand(corpus, w) for w in words])
    assert hits and "Socialjour" in hits[0].title + hits[0].text


def test_the_town_of_the_body_that_wrote_the_protocol_counts(engine: Engine) -> None:
    """A board's protocol need not repeat its town; another town is another question, and a
    body of several towns speaks for none of them alone."""
    assert engine.answer("vilken förskola i Lindesberg ska avvecklas", today=TODAY).found
    assert not engine.answer("vilken förskola i Kumla ska avvecklas", today=TODAY).found
    assert engine.answer("Vad kostar Socialjour Sydnärke per år?", today=TODAY).found
    assert not engine.answer("Vad kostar Socialjour Sydnärke för Lekeberg?", today=TODAY).found


def test_a_rare_compound_is_held_where_its_parts_are(engine: Engine) -> None:
    """ "totalbudgeten" is asked; "den totala budgeten" is written."""
    term = expand(engine._corpus, "totalbudgeten")
    assert term.parts == ["total", "budget"]
    assert term.held({"den", "total", "budget", "omslut"})
    assert not term.held({"den", "total", "kostnad"})
    assert expand(engine._corpus, "förskola").parts == []  # short and common: never split


def test_who_presented_asked_with_vilka(engine: Engine) -> None:
    answer = engine.answer("vilka föredrog palliativ vård", today=TODAY)
    assert answer.found
    assert "Kristina Luhr" in answer.headline and "Ann Dalius" in answer.headline


def test_a_substitute_asked_for_a_name_in_lower_case(engine: Engine) -> None:
    """The attendance list says "ersättare för Arne Lilja"; the member types no capitals."""
    answer = engine.answer("vem ersatte arne lilja i pensionärsrådet", today=TODAY)
    assert answer.found and "Gunnel Ringström" in answer.headline


def test_a_month_written_into_the_meeting_word(engine: Engine) -> None:
    query = engine.understand("vilka var med på majmötet 2022", today=TODAY)
    assert query.month == (2022, 5)
    assert engine.understand("vad togs upp på novembermötet", today=TODAY).month == (None, 11)
    query = engine.understand("vilka teman fanns enligt majprotokollet 2022?", today=TODAY)
    assert query.month == (2022, 5)


def test_who_took_the_minutes_asks_for_the_secretary(engine: Engine) -> None:
    assert engine.understand("vem förde anteckningar i maj 2022", today=TODAY).aspect == (
        "secretary"
    )


def test_a_misspelt_chefsgrupp_is_the_chefsgrupp(engine: Engine) -> None:
    assert engine.understand("vad tog chefsgrupen upp om EP-larm", today=TODAY).council == (
        "chefsgrupp"
    )


def test_a_decision_as_proposed_shows_the_proposal(engine: Engine) -> None:
    """ "Rådet beslutade i enlighet med förslaget" says nothing alone: the item's proposal
    (here the next year's meeting dates) is what was decided."""
    answer = engine.answer("vad beslutades på mötet 19 november 2021", today=TODAY)
    text = "\n".join(line for block in answer.blocks for line in block.lines)
    assert "enlighet med förslaget" in text
    assert "Förslaget: 11 februari" in text


def test_the_meetings_of_a_named_body_in_a_year(engine: Engine) -> None:
    """Another body's schedule, as its protocol states it, not the council's."""
    facts = json.loads((PROTOCOLS / "13_samverkansrad_barn_unga.facts.json").read_text("utf-8"))
    planned = [date.fromisoformat(s["date"]) for s in facts["schedules"]]
    year = planned[0].year
    answer = engine.answer(
        f"Vilka möten har samverkansrådet för barn och ungas hälsa {year}?", today=TODAY
    )
    assert answer.found
    text = "\n".join(line for block in answer.blocks for line in block.lines)
    for day in planned:
        assert format_date(day) in text


def test_a_count_of_meetings_in_a_year_without_any(engine: Engine) -> None:
    assert not engine.answer("antal rådsmöten 2023?", today=TODAY).found
    assert engine.answer("hur många rådsmöten 2022?", today=TODAY).found


def test_a_year_the_question_names_is_no_date_answer() -> None:
    want = wanted("vilket datum halls konferensen e-halsa 2025", STOPWORDS)
    assert not holds("Konferensen E-hälsa 2025 planeras.", want)
    assert holds("Konferensen E-hälsa 2025 hålls 12 mars.", want)


def test_the_words_of_a_council_name_are_no_subject(engine: Engine) -> None:
    query = engine.understand("Vem är ordförande i samverkansrådet för folkhälsa?", today=TODAY)
    assert query.council == "folkhalsa" and query.topic_words == []
    topic = engine.understand("vad sa folkhälsorådet om folkhälsa bland unga", today=TODAY)
    assert "folkhälsa" in topic.topic_words


def test_abbreviated_fillers_are_no_subject(engine: Engine) -> None:
    """ "pga", "enl", "bl.a.": how a question is typed, not what it asks about."""
    query = engine.understand("vilken förskola föreslås avvecklas pga ventilationen", today=TODAY)
    assert "pga" not in query.topic_words
    assert "enl" not in engine.understand("vad sa rådet enl protokollet", today=TODAY).topic_words


def test_a_present_tense_verb_is_told_from_a_plural_noun_by_the_corpus(engine: Engine) -> None:
    corpus = engine._corpus
    assert expand(corpus, "betalar").verb  # the documents write "betalas"
    assert expand(corpus, "deltar").verb  # … and "delta"
    assert not expand(corpus, "kommuner").verb
    assert not expand(corpus, "ungdomar").verb


def test_a_month_without_a_year_may_be_told_in_a_report(engine: Engine) -> None:
    """No December protocol speaks of it; the report says what was decided in December."""
    answer = engine.answer("Vad beslutades i december om Maria ungdom?", today=TODAY)
    assert answer.found and "december" in answer.headline.lower()
    assert not engine.answer("Vad beslutades i oktober om Maria ungdom?", today=TODAY).found


def test_the_month_the_question_names_is_no_date_answer() -> None:
    want = wanted("vilket datum blir lansdialogen i december", STOPWORDS)
    assert not holds("Det blir en ny länsdialog i december.", want)
    assert holds("Länsdialogen hålls 9 december.", want)


SEATED = {"ledamot", "ordförande", "vice ordförande", "tjänstgörande ersättare"}


def test_a_body_named_without_its_prefix_and_its_members_counted(engine: Engine) -> None:
    """ "fullmäktige i Ljusnarsberg" is its Kommunfullmäktige; the count of members present
    is of those who sat as members, not of everyone listed."""
    facts = json.loads((PROTOCOLS / "14_kf_ljusnarsberg_extra.facts.json").read_text("utf-8"))
    seated = sum(1 for a in facts["attendees"] if a["role"] in SEATED)
    day = date.fromisoformat(facts["date"])
    question = (
        f"hur många ledamöter var närvarande på fullmäktige i ljusnarsberg {format_date(day)}"
    )
    query = engine.understand(question, today=TODAY)
    assert query.body and "ljusnarsberg" in query.body
    assert f"{seated} ledamöter" in engine.answer(question, today=TODAY).headline


def test_an_appropriation_asks_for_an_amount() -> None:
    assert wanted("hur stort tillaggsanslag fick styrelsen", STOPWORDS).kind == "amount"
    assert wanted("vad blir timavgiften", STOPWORDS).kind == "amount"


def test_an_abbreviation_the_documents_write_out(engine: Engine) -> None:
    """ "ÖK" is typed; "överenskommelsen" is written."""
    term = expand(engine._corpus, "ÖK")
    assert term.held({stem("överenskommelsen")})
    assert expand(engine._corpus, "ök").parts == []  # lower case: a word, not an abbreviation


def test_a_theme_proposal_answers_only_a_question_about_the_proposal(engine: Engine) -> None:
    """A theme proposed for a coming meeting says what was proposed, nothing of the subject."""
    proposal = engine.answer("vad var förslaget om barnfattigdom", today=TODAY)
    assert proposal.found and "Barnfattigdom" in proposal.headline
    assert not engine.answer("vad visade förstudien om barnfattigdom", today=TODAY).found


def test_which_question_is_answered_with_the_item_it_is(engine: Engine) -> None:
    answer = engine.answer("Vilket ärende gällde superusers och MAS-nätverket?", today=TODAY)
    assert answer.found
    assert answer.sources and answer.sources[0].title
    assert answer.headline.startswith(answer.sources[0].title.strip())


def test_who_leads_may_be_told_in_a_sentence_not_read_as_a_relation(engine: Engine) -> None:
    """No relation was read at ingest, but a sentence names who leads beside the words asked;
    a question about something nobody is said to lead stays unanswered."""
    answer = engine.answer("vem leder SKoP", today=TODAY)
    assert answer.found and "SKoP" in answer.headline
    assert not engine.answer("vem leder Kulturrådet i Hallsberg", today=TODAY).found


def test_what_was_granted_is_not_what_was_applied_for(engine: Engine) -> None:
    """ "har ansökt om 60 000 kr" and "beslutar att bevilja … 45 000 kr": asked what it got,
    the grant answers."""
    answer = engine.answer(
        "hur mycket fick Brottsofferjouren Sydnärke i föreningsbidrag för 2022", today=TODAY
    )
    assert answer.found and "45 000" in answer.headline
    applied = engine.answer(
        "hur mycket ansökte Brottsofferjouren Sydnärke om i föreningsbidrag för 2022", today=TODAY
    )
    assert applied.found and "60 000" in applied.headline


def test_a_word_the_documents_use_is_no_misspelt_question_word(engine: Engine) -> None:
    """ "kostnader" is close to the question word "kostade" but the documents write it."""
    query = engine.understand("vilka kostnader hade familjerättsnämnden", today=TODAY)
    assert "kostnader" in query.topic_words
    assert (
        "forslagits" not in engine.understand("vilka teman har forslagits", today=TODAY).topic_words
    )


def test_one_town_of_a_joint_body_is_the_subject(engine: Engine) -> None:
    """The familjerättsnämnd serves four towns: "betalar Nora" asks about Nora's share."""
    question = "hur stor andel av familjerättsnämndens kostnader betalar Nora kommun"
    query = engine.understand(question, today=TODAY)
    assert query.body and "Nora" in query.topic_words
    answer = engine.answer(question, today=TODAY)
    assert answer.found and "Nora" in answer.headline


def test_a_table_row_answers_with_the_sentence_that_introduces_it(engine: Engine) -> None:
    """ "… fördela bidrag för 2024 enligt följande:" and then the table: the year asked is in
    the introduction, the amount in the row."""
    answer = engine.answer("Hur mycket fick Degerfors Simsällskap i bidrag för 2024?", today=TODAY)
    assert answer.found and "62 000 kr" in answer.headline and "2024" in answer.headline


@pytest.mark.parametrize(
    ("question", "subject"),
    [
        ("Hur mycket kostar satsningen på robotdammsugare?", "satsningen på robotdammsugare"),
        ("Vad beslutades om planen för vindkraftverk?", "planen för vindkraftverk"),
        ("Hur har frågan om satsningen på lärplattor utvecklats?", "lärplattor"),
    ],
)
def test_a_subject_no_document_holds_is_not_answered_by_a_word_it_shares(
    engine: Engine, question: str, subject: str
) -> None:
    """One known word ("satsningen", "planen") does not make the documents speak of what the
    question is about; the honest answer quotes the subject as it was written."""
    answer = engine.answer(question, today=TODAY)
    assert not answer.found and subject in answer.headline


def test_a_compound_the_documents_hold_in_parts_is_no_unheard_subject(engine: Engine) -> None:
    answer = engine.answer("När startade processen för målbildsprocessen nära vård?", today=TODAY)
    assert answer.found


def test_asked_which_date_a_year_is_no_answer() -> None:
    want = wanted("vilket datum ska chefsgruppen ta upp demensstrategin igen", STOPWORDS)
    assert not holds("Nationell demensstrategi 2025-2028 gäller.", want)
    assert not holds("Frågan tas upp igen i december.", want)
    assert holds("Frågan tas upp igen den 12 december.", want)


def test_asked_when_something_will_be_a_past_year_is_no_answer(engine: Engine) -> None:
    """ "När ska utvärderingen vara klar?" is not answered by "har funnits sedan 2011"."""
    answer = engine.answer("när kommer minnesmottagningens nya utvärdering", today=TODAY)
    assert not answer.found
    began = engine.answer("när startade minnesmottagningen vid Ängens vårdcentral", today=TODAY)
    assert began.found and "2011" in began.headline


def test_which_municipalities_take_part_in_something_is_no_council_question(
    engine: Engine,
) -> None:
    assert engine.understand("Vilka kommuner deltar i testbädden?", today=TODAY).intent == "topic"
    members = engine.understand("vilka kommuner är med i rådet", today=TODAY)
    assert members.aspect == "council_members"


def test_a_year_of_meetings_cites_the_items_that_planned_them(engine: Engine) -> None:
    answer = engine.answer("Vilka möten är planerade 2022?", today=TODAY)
    assert answer.found and any(source.item for source in answer.sources)


def test_joining_phrases_are_no_subject(engine: Engine) -> None:
    query = engine.understand(
        "Har någon föreslagit barnfattigdom som tema, och i så fall vad?", today=TODAY
    )
    assert [normalize(w) for w in query.topic_words] == ["barnfattigdom"]


def test_a_compound_of_narvard_is_no_attendance_question(engine: Engine) -> None:
    query = engine.understand("vem ska leda det mobila närvårdsteamet?", today=TODAY)
    assert query.aspect != "attendees" and "närvårdsteamet" in query.topic_words


def test_who_reported_an_absence_asks_for_the_absent(engine: Engine) -> None:
    question = (
        "Vilka hade anmält förhinder till samverkansrådet för barn och ungas hälsa"
        " den 21 november 2025?"
    )
    assert engine.understand(question, today=TODAY).aspect == "absent"
    answer = engine.answer(question, today=TODAY)
    assert answer.found and "Jonas Eklöf" in answer.headline


def test_a_new_thing_is_the_thing_as_the_minutes_name_it(engine: Engine) -> None:
    # "nya överenskommelsen" where the heading says "ny överenskommelse": "ny" is no subject
    query = engine.understand("vem ska leda implementeringen av nya överenskommelsen?", today=TODAY)
    assert "nya" not in query.topic_words


@pytest.mark.parametrize(
    ("question", "attendance"),
    [
        ("Hur många deltog på mötet 19 november 2021?", True),
        ("Vilka deltog i chefsgruppsmötet?", True),
        ("vilka var me på mötet 19 november 2021?", True),  # "me": "med" as typed
        ("tjg ersättare på mötet 19 november 2021, för vem?", True),
        ("Hur många elever deltog i undersökningen i februari 2020?", False),
    ],
)
def test_who_took_part_in_a_meeting_not_in_something_else(
    engine: Engine, question: str, attendance: bool
) -> None:
    assert (engine.understand(question, today=TODAY).aspect == "attendees") is attendance


def test_who_presented_at_a_named_meeting_is_read_in_that_meeting(engine: Engine) -> None:
    answer = engine.answer(
        "vilka föredrog temat om digitalisering inom vård och omsorg på mötet 19 nov 2021?",
        today=TODAY,
    )
    assert answer.found and "19 november 2021" in answer.headline
    answer = engine.answer("vem föredrog digitalisering på mötet 3 mars 2023?", today=TODAY)
    assert not answer.found or "3 mars 2023" in answer.headline


def test_the_specific_councils_are_no_other_body(engine: Engine) -> None:
    query = engine.understand("vad gjorde de specifika samverkansråden 2024?", today=TODAY)
    assert query.body is None


def test_an_organisation_of_the_lists_is_asked_of_like_a_town(engine: Engine) -> None:
    answer = engine.answer(
        "Vem representerade RF-SISU som ledamot i rådet för folkhälsa i september 2024?",
        today=TODAY,
    )
    assert answer.found and "Unnur Tryggvadottir" in answer.headline


def test_an_association_named_by_its_name_is_no_other_towns(tmp_path: Path) -> None:
    db = open_store(tmp_path / "samrad.db")
    ingest_file(db, PROTOCOLS / "06_hembygdsforening_styrelse.txt")
    ingest_file(db, PROTOCOLS / "11_kfn_degerfors.docx")
    engine = Engine(db)
    query = engine.understand(
        "Vad ska Edsbergs hembygdsförening söka bidrag från Lekebergs kommun till?", today=TODAY
    )
    assert query.body and "edsbergs" in query.body
    # a kind of body alone ("föreningar") does not name a body of no town
    assert engine.understand("Vilka föreningar i Laxå fick bidrag?", today=TODAY).body is None


@pytest.mark.parametrize(
    "question",
    ["Vilken sal är nästa möte i?", "Vem leder nästa möte?", "Vilket klockslag börjar nästa möte?"],
)
def test_a_question_about_the_next_meeting_itself(engine: Engine, question: str) -> None:
    assert engine.understand(question, today=TODAY).intent == NEXT_MEETING


def test_a_short_stem_is_not_undoubled_into_another_word(engine: Engine) -> None:
    assert "som" not in expand(engine._corpus, "sommaren").stems
    assert "nor" not in expand(engine._corpus, "norra").stems


def test_who_wrote_a_report_is_asked_of_a_report(engine: Engine) -> None:
    for question in (
        "Vem har skrivit under överenskommelsen om nära vård?",
        "Vem skrev artikeln om vård i Örebro?",
    ):
        answer = engine.answer(question, today=TODAY)
        assert "Margit Gehrke Flyckt" not in answer.headline


def test_who_took_part_in_a_body_at_a_meeting(engine: Engine) -> None:
    query = engine.understand("Vilka deltog i chefsgruppen 7 mars 2025?", today=TODAY)
    assert query.aspect == "attendees"


def test_the_parts_of_an_item_asked_by_its_number(engine: Engine) -> None:
    for question in (
        "Vad handlade punkt 9 om på chefsgruppens möte 7 mars 2025?",
        "Vad handlade § 9 a om på chefsgruppens möte 7 mars 2025?",
    ):
        answer = engine.answer(question, today=TODAY)
        assert answer.found and "9a" in answer.headline + " ".join(
            line for block in answer.blocks for line in block.lines
        )
    query = engine.understand("Vad sa man om punkt 4 i handlingsplanen 6 maj 2022?", today=TODAY)
    assert query.item is None


def test_when_a_theme_was_proposed_is_answered(engine: Engine) -> None:
    assert engine.answer("När föreslogs läkemedelsgenomgångar som tema?", today=TODAY).found
    assert not engine.answer("Vad kom fram när läkemedelsgenomgångar var tema?", today=TODAY).found
