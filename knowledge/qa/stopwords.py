"""The words of a question that never name its subject: question words, fillers, and the
words every question about meetings and decisions uses. Folded (å/ä/ö as a/a/o)."""

from __future__ import annotations

# Question and filler words: never topic words (folded forms).
STOPWORDS = set(
    """
    a alla allt andra att av bara blev blir da de dem den denna dessa det detta din du efter
    eller en ett finns fanns for fore fran fick for gjorde gjordes gjort ha hade har hela hos
    hur i igen inom inte jag kan kanske kom kommer kring man med mej mig min mitt mot mycket
    manga nagon nagot nagra nar nu och om oss pa sa sade sades sagt samt sedan sig sin ska
    skulle som star sa till tidigare under upp ut utan var vad vara varit vart vem vi vid vilka
    vilken vilket vill aldrig angaende gallande galler ang berattade berattar nagonting hos
    snalla tack hej hallo kunna kunde vet veta visste saga sager tror mote motet moten motena
    motets protokoll protokollet protokollen radet radets radet specifika samverkansradet
    samverkansradets chefsgruppen chefsgrupp fick fa far togs tog tagits tas upp lyftes lyft
    diskuterades diskuterats namndes namnts ta tala talades pratades pratat sagts senaste
    forra nasta nast naste nesta kommande info information mer fler mera ga gar lite
    egentligen alltsa just
    beslut beslutet besluten beslutade beslutades beslutats beslutat besluta beslutar
    tema teman temat temana foreslagits foreslagna foreslog foreslagit forslag forslaget
    hallas holls halls hols datum dag tid plats klockan kl
    and or not near fattades fattade fattats fattat fatta redan behandlats behandlat behandlade
    behandlas diskuterats finns fanns sags kostar kostade kostat kosta handlar handlade innebar
    betyder
    pga enl ang bla tex resp osv dvs inkl exkl jfr jmf ev nat nagot nan nt emot
    sags sagdes
    ofta lange heter kallas sitt sina per enligt
    ungefar cirka circa typ mkt pengar pengarna belopp beloppet summa summan kronor
    over igang ihop fram bort ny nya nytt minns
    varfor dom ner ned
    holl radsmote radsmotet radsmoten chefsgruppsmote chefsgruppsmotet beslots beslot veckodag
    """.split()
)
