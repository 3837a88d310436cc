"""Generate docs/30_bun_askersund.pdf (invented protocol) with fpdf2."""
from fpdf import FPDF
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "docs" / "30_bun_askersund.pdf"
FONT = "/usr/share/fonts/truetype/dejavu/"


class Prot(FPDF):
    def header(self):
        self.set_font("DejaVu", "B", 11)
        self.set_xy(20, 12)
        self.cell(90, 5, "ASKERSUNDS KOMMUN")
        self.set_font("DejaVu", "B", 10)
        self.set_xy(120, 12)
        self.cell(70, 5, "SAMMANTRÄDESPROTOKOLL", align="R")
        self.set_font("DejaVu", "", 9)
        self.set_xy(20, 17)
        self.cell(90, 5, "Barn- och utbildningsnämnden")
        self.set_xy(120, 17)
        self.cell(70, 5, "Sammanträdesdatum", align="R")
        self.set_xy(120, 21)
        self.cell(70, 5, "2025-03-19", align="R")
        self.set_xy(120, 25.5)
        self.set_font("DejaVu", "", 8)
        self.cell(70, 4, f"Sida {self.page_no()}({{nb}})", align="R")
        self.set_draw_color(120, 120, 120)
        self.line(20, 31, 190, 31)
        self.set_y(36)

    def footer(self):
        self.set_y(-22)
        self.set_draw_color(120, 120, 120)
        self.line(20, self.get_y(), 190, self.get_y())
        self.set_font("DejaVu", "", 7)
        y = self.get_y() + 1
        self.rect(20, y, 45, 11)
        self.rect(145, y, 45, 11)
        self.set_xy(21, y + 0.5)
        self.cell(40, 3, "Justerandes signatur")
        self.set_xy(146, y + 0.5)
        self.cell(40, 3, "Utdragsbestyrkande")


pdf = Prot(format="A4")
pdf.add_font("DejaVu", "", FONT + "DejaVuSans.ttf")
pdf.add_font("DejaVu", "B", FONT + "DejaVuSans-Bold.ttf")
pdf.add_font("DejaVu", "I", FONT + "DejaVuSans-Oblique.ttf")
pdf.set_margins(20, 36, 20)
pdf.set_auto_page_break(True, margin=26)
pdf.alias_nb_pages()
pdf.add_page()

LH = 4.6


def col(x, y, w, blocks):
    """Write a column of (label, [lines]) blocks; return the final y."""
    pdf.set_xy(x, y)
    for label, lines in blocks:
        pdf.set_x(x)
        pdf.set_font("DejaVu", "B", 9)
        pdf.multi_cell(w, LH, label, new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("DejaVu", "", 9)
        for ln in lines:
            pdf.set_x(x)
            pdf.multi_cell(w, LH, ln, align="L", new_x="LMARGIN", new_y="NEXT")
        pdf.set_y(pdf.get_y() + 2.5)
    return pdf.get_y()


top = pdf.get_y()
left = [
    ("Plats och tid", ["Kommunhuset, sammanträdesrum Vättern, Askersund",
                       "Onsdagen den 19 mars 2025 kl. 13.00–16.20",
                       "Ajournering kl. 14.40–14.55"]),
    ("Sekreterare", ["Linnea Sjöberg"]),
    ("Utses att justera", ["Peter Sandin (M)"]),
    ("Justeringens plats och tid", ["Kommunhuset, tisdag 25 mars 2025 kl. 10.00"]),
    ("Paragrafer", ["BUN § 45–56"]),
]
y_left = col(20, top, 80, left)

# signature lines in the left column
pdf.set_font("DejaVu", "B", 9)
pdf.set_xy(20, y_left + 1)
pdf.cell(80, LH, "Underskrifter")
yy = y_left + 9
for role, name in [("Sekreterare", "Linnea Sjöberg"), ("Ordförande", "Anders Lindqvist"),
                   ("Justerande", "Peter Sandin")]:
    pdf.set_font("DejaVu", "", 8)
    pdf.set_xy(20, yy)
    pdf.cell(22, LH, role)
    pdf.set_draw_color(0, 0, 0)
    pdf.set_line_width(0.1)
    pdf.set_dash_pattern(dash=0.6, gap=0.8)
    pdf.line(43, yy + 3.8, 98, yy + 3.8)
    pdf.set_dash_pattern()
    pdf.set_font("DejaVu", "", 9)
    pdf.set_xy(43, yy + 4.5)
    pdf.cell(55, LH, name)
    yy += 13
y_left = yy

right = [
    ("Beslutande", ["Anders Lindqvist (S), ordförande",
                    "Katarina Hult (C), 1:e vice ordförande",
                    "Peter Sandin (M), 2:e vice ordförande",
                    "Maria Ek (C), ej § 52",
                    "Lena Forsberg (S)",
                    "Eva Strand (S), ersätter Tomas Berg (S)",
                    "Johan Wiklund (SD)",
                    "Birgitta Ljung (KD)",
                    "Sara Holm (V)",
                    "Jan Ödman (C), § 52, ersätter Maria Ek (C)"]),
    ("Ej tjänstgörande ersättare", ["Jan Ödman (C), §§ 45–51, 53–56",
                                    "Gunilla Ahl (M)",
                                    "Mikael Rosén (SD)"]),
    ("Övriga närvarande", ["Helena Dahlberg, förvaltningschef",
                           "Linnea Sjöberg, nämndsekreterare",
                           "Martin Ågren, controller, § 48",
                           "Karin Mattsson, verksamhetschef förskola, § 49",
                           "Erik Holmgren, skolskjutssamordnare, § 50",
                           "Jonas Pihl, rektor Sjöängsskolan, § 53"]),
    ("Närvarorätt", ["Elevrepresentanterna Ella Svensson och Noah Berglund, "
                     "Elevrådet Sjöängsskolan, närvarar med yttranderätt men utan "
                     "förslagsrätt under §§ 45–49 enligt nämndens beslut "
                     "2023-01-25, BUN § 8."]),
]
y_right = col(110, top, 80, right)
pdf.set_y(max(y_left, y_right) + 2)

# ----------------------------------------------------------------- items
def para(text, style="", size=10, h=5, gap=1.5):
    pdf.set_font("DejaVu", style, size)
    pdf.multi_cell(0, h, text, align="L", new_x="LMARGIN", new_y="NEXT")
    pdf.set_y(pdf.get_y() + gap)


def sub(text):
    pdf.set_font("DejaVu", "B", 10)
    pdf.multi_cell(0, 5, text, new_x="LMARGIN", new_y="NEXT")
    pdf.set_y(pdf.get_y() + 0.5)


def bullets(lines):
    pdf.set_font("DejaVu", "", 10)
    for ln in lines:
        pdf.set_x(24)
        pdf.multi_cell(0, 5, "–  " + ln, align="L", new_x="LMARGIN", new_y="NEXT")
    pdf.set_y(pdf.get_y() + 1.5)


def item(no, title, dnr, newpage=False):
    if newpage or pdf.get_y() > 230:
        pdf.add_page()
    else:
        pdf.set_y(pdf.get_y() + 4)
    pdf.set_font("DejaVu", "B", 11)
    pdf.cell(0, 6, f"BUN § {no}", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("DejaVu", "B", 12)
    pdf.multi_cell(0, 6, title, new_x="LMARGIN", new_y="NEXT")
    if dnr:
        pdf.set_text_color(110, 110, 110)
        pdf.set_font("DejaVu", "", 8)
        pdf.cell(0, 5, dnr, new_x="LMARGIN", new_y="NEXT")
        pdf.set_text_color(0, 0, 0)
    pdf.set_y(pdf.get_y() + 2)


def beslut(atts, intro="Barn- och utbildningsnämnden beslutar"):
    sub("Beslut")
    para(intro, size=10, gap=0.5)
    for a in atts:
        pdf.set_x(24)
        pdf.set_font("DejaVu", "", 10)
        pdf.multi_cell(0, 5, a, align="L", new_x="LMARGIN", new_y="NEXT")
        pdf.set_y(pdf.get_y() + 1)
    pdf.set_y(pdf.get_y() + 1)


def exp(text):
    pdf.set_font("DejaVu", "I", 9)
    pdf.multi_cell(0, 4.5, "Expedieras till: " + text, new_x="LMARGIN", new_y="NEXT")


item(45, "Val av justerare och tid för justering", None, newpage=True)
beslut(["Peter Sandin (M) utses att jämte ordföranden justera dagens protokoll.",
        "Justering sker i kommunhuset tisdagen den 25 mars 2025 kl. 10.00."])

item(46, "Anmälan om jäv", None)
para("Ordföranden frågar om någon ledamot eller tjänstgörande ersättare vill anmäla "
     "jäv i något av dagens ärenden.")
para("Maria Ek (C) anmäler jäv i § 52, Förhyrning av lokaler för ny förskola i "
     "Åmmeberg, då en närstående är delägare i Åmmebergs Fastighets AB. Hon lämnar "
     "lokalen under ärendets behandling och deltar inte i handläggningen eller "
     "beslutet. Ersättaren Jan Ödman (C) tjänstgör i hennes ställe under § 52.")
para("Inga övriga jäv anmäls.")

item(47, "Godkännande av föredragningslista", None)
para("Ärendet Information om rekrytering av rektor vid Åsbro skola, som i kallelsen "
     "är upptaget som ärende 14, behandlas i stället under § 56 Förvaltningschefen "
     "informerar.")
beslut(["Föredragningslistan godkänns med ovanstående ändring."])

item(48, "Ekonomisk uppföljning februari 2025", "Dnr BUN 2025/18")
sub("Sammanfattning av ärendet")
para("Controller Martin Ågren redovisar den ekonomiska uppföljningen efter februari "
     "månad. Nämndens budgetram för 2025 uppgår till 312,4 mnkr. Helårsprognosen "
     "pekar på ett underskott om 3,8 mnkr, motsvarande 1,2 procent av ramen.")
para("Underskottet förklaras främst av ökade kostnader för tilläggsbelopp till barn och "
     "elever i behov av särskilt stöd (+2,1 mnkr), högre skolskjutskostnader efter den "
     "nya upphandlingen (+1,2 mnkr) och interkommunala ersättningar för "
     "gymnasieelever (+0,9 mnkr). Förskoleverksamheten beräknas samtidigt lämna ett "
     "överskott om 0,4 mnkr till följd av vakanta tjänster under våren.")
sub("Beslutsunderlag")
bullets(["Tjänsteskrivelse 2025-03-07", "Ekonomisk uppföljning februari 2025, bilaga"])
beslut(["att godkänna den ekonomiska uppföljningen för februari 2025,",
        "att uppdra åt förvaltningschefen att till nämndens sammanträde den 21 maj 2025 "
        "redovisa förslag till åtgärder för en budget i balans."])
exp("Ekonomiavdelningen, Kommunstyrelsen")

item(49, "Förskoleplatser och kösituation våren 2025", "Dnr BUN 2025/27")
sub("Sammanfattning av ärendet")
para("Verksamhetschef Karin Mattsson informerar om platssituationen i förskolan. Per "
     "den 1 mars 2025 står 41 barn i kö till förskola, varav 12 har önskat "
     "placeringsdatum före den 1 maj. Samtliga barn beräknas kunna erbjudas plats "
     "inom den lagstadgade tiden om fyra månader, men inte alltid vid önskad enhet.")
# table
pdf.set_font("DejaVu", "B", 9)
pdf.set_fill_color(225, 225, 225)
widths = (70, 35, 45)
heads = ("Område", "Barn i kö", "Lediga platser 1 april")
pdf.set_x(24)
for w, h in zip(widths, heads):
    pdf.cell(w, 6, h, border=1, fill=True, align="L" if w == 70 else "R")
pdf.ln(6)
pdf.set_font("DejaVu", "", 9)
rows = [("Askersund tätort", "22", "3"), ("Åsbro", "7", "0"), ("Hammar", "5", "2"),
        ("Zinkgruvan", "4", "1"), ("Åmmeberg", "3", "0")]
for r in rows:
    pdf.set_x(24)
    for w, v in zip(widths, r):
        pdf.cell(w, 5.5, v, border=1, align="L" if w == 70 else "R")
    pdf.ln(5.5)
pdf.set_font("DejaVu", "B", 9)
pdf.set_x(24)
for w, v in zip(widths, ("Totalt", "41", "6")):
    pdf.cell(w, 5.5, v, border=1, align="L" if w == 70 else "R")
pdf.ln(8)
para("För att möta behovet i tätorten öppnar en tillfällig avdelning i paviljong vid "
     "Lärkans förskola den 11 augusti 2025 med 18 platser. Behovet på sikt utreds i "
     "den lokalförsörjningsplan som redovisas för nämnden i september.")
beslut(["Informationen läggs till handlingarna."])

item(50, "Revidering av riktlinjer för skolskjuts 2025–2027", "Dnr BUN 2024/212")
sub("Sammanfattning av ärendet")
para("Skolskjutssamordnare Erik Holmgren föredrar ärendet. Nuvarande riktlinjer antogs "
     "2021 och behöver anpassas till ny rättspraxis och till den trafikupphandling som "
     "Länstrafiken Örebro genomförde under 2024. Förslaget innebär oförändrade "
     "avståndsgränser för förskoleklass–årskurs 3 (2 km), årskurs 4–6 (3 km) och "
     "årskurs 7–9 (4 km), men att skolskjuts vid växelvis boende beviljas även när "
     "båda vårdnadshavarna bor inom kommunen. Bedömningen av trafikfarlig väg "
     "förtydligas.")
para("Kostnadsökningen beräknas till cirka 450 tkr per år. Arbetsutskottet föreslog den "
     "5 mars 2025 att nämnden antar riktlinjerna.")
sub("Yrkanden")
para("Sara Holm (V) yrkar att avståndsgränsen för elever i förskoleklass–årskurs 3 "
     "sänks till 1,5 km.")
para("Lena Forsberg (S) och Peter Sandin (M) yrkar bifall till arbetsutskottets förslag.")
sub("Propositionsordning")
para("Ordföranden ställer proposition på arbetsutskottets förslag mot Sara Holms (V) "
     "ändringsyrkande och finner att nämnden beslutar enligt arbetsutskottets förslag.")
beslut(["att anta Riktlinjer för skolskjuts 2025–2027 enligt bilaga, att gälla från och "
        "med den 1 juli 2025,",
        "att kostnadsökningen, beräknad till cirka 450 tkr per år, ska rymmas inom "
        "nämndens budgetram."])
sub("Reservation")
para("Sara Holm (V) reserverar sig mot beslutet till förmån för eget yrkande.")
exp("Skolskjutssamordnare, Rektorer, Länstrafiken Örebro")

item(51, "Statsbidrag för likvärdig skola 2025", "Dnr BUN 2025/9")
sub("Sammanfattning av ärendet")
para("Förvaltningschef Helena Dahlberg föredrar ärendet. Skolverket har meddelat att "
     "Askersunds kommun kan rekvirera högst 6 842 000 kr i statsbidrag för stärkt "
     "likvärdighet och kunskapsutveckling för 2025. Ett villkor är att kommunens egna "
     "kostnader för skolväsendet inte minskar under året.")
para("Förvaltningen föreslår att 4 100 tkr används till förstärkt elevhälsa "
     "(kurator och specialpedagoger) och 2 742 tkr till lärarassistenter i "
     "förskoleklass–årskurs 6. Rekvisitionen ska vara Skolverket tillhanda senast "
     "den 30 april 2025.")
beslut(["att rekvirera statsbidrag för likvärdig skola 2025 om 6 842 000 kr,",
        "att fördela medlen enligt förvaltningens förslag,",
        "att uppdra åt förvaltningschefen att lämna in rekvisitionen senast den "
        "30 april 2025."])
exp("Förvaltningschef, Ekonomiavdelningen")

item(52, "Förhyrning av lokaler för ny förskola i Åmmeberg", "Dnr BUN 2024/188")
sub("Jäv")
para("Maria Ek (C) anmäler jäv och deltar inte i handläggningen av ärendet. Jan Ödman "
     "(C) tjänstgör i hennes ställe.")
sub("Sammanfattning av ärendet")
para("Förvaltningschef Helena Dahlberg föredrar ärendet. Förskolan i Åmmeberg bedrivs i "
     "dag i en modul med en avdelning som är i dåligt skick. Åmmebergs Fastighets AB "
     "erbjuder nybyggda lokaler på Bruksvägen för tre avdelningar med totalt 54 "
     "platser. Hyresavtalet avser 10 år från och med den 1 januari 2026 med en "
     "årshyra om 1 240 000 kr inklusive värme. Hyran indexeras årligen.")
para("Kostnaden finansieras delvis inom ram genom att modulen avvecklas (nuvarande hyra "
     "310 000 kr per år). Eftersom avtalstiden överstiger fem år beslutar "
     "kommunstyrelsen om avtalet.")
beslut(["att föreslå kommunstyrelsen att godkänna att hyresavtal tecknas med Åmmebergs "
        "Fastighets AB för förskolelokaler i Åmmeberg med en avtalstid om 10 år från "
        "och med den 1 januari 2026 och en årshyra om 1 240 000 kr."])
exp("Kommunstyrelsen, Fastighetsenheten")

item(53, "Skolinspektionens tillsyn av Sjöängsskolan", "Dnr BUN 2024/240")
sub("Sammanfattning av ärendet")
para("Rektor Jonas Pihl redovisar Skolinspektionens beslut efter den regelbundna "
     "tillsynen av Sjöängsskolan hösten 2024. I beslutet den 29 januari 2025 konstaterar "
     "Skolinspektionen brister inom områdena trygghet och studiero samt extra "
     "anpassningar. Skolan har tagit fram en åtgärdsplan med nytt rastvärdsschema, "
     "ett trygghetsteam, en kartläggning av otrygga platser och fortbildning för "
     "personalen om extra anpassningar.")
para("Huvudmannen ska redovisa vidtagna åtgärder till Skolinspektionen senast den "
     "2 juni 2025.")
beslut(["att ställa sig bakom åtgärdsplanen,",
        "att uppdra åt rektor vid Sjöängsskolan att redovisa vidtagna åtgärder till "
        "Skolinspektionen senast den 2 juni 2025."])
exp("Rektor Sjöängsskolan, Skolinspektionen")

item(54, "Redovisning av delegationsbeslut", "Dnr BUN 2025/3")
para("Följande delegationsbeslut för perioden 2025-02-01–2025-02-28 redovisas:")
bullets(["Beslut om placering i förskola, 38 st", "Beslut om skolskjuts, 23 st",
         "Beslut om tilläggsbelopp, 6 st", "Anställningar, 4 st",
         "Mottagande i anpassad grundskola, 2 st"])
beslut(["Redovisningen godkänns."])

item(55, "Meddelanden", "Dnr BUN 2025/4")
bullets(["Kommunfullmäktige 2025-02-24 § 21, Revidering av mål och budget 2025",
         "Skolverket, beslut om bidragsram för likvärdig skola 2025",
         "Protokoll från förvaltningens samverkansgrupp 2025-03-04"])
beslut(["Meddelandena läggs till handlingarna."])

item(56, "Förvaltningschefen informerar", "Dnr BUN 2025/5")
para("Förvaltningschef Helena Dahlberg informerar om följande:")
bullets(["Rekryteringen av ny rektor vid Åsbro skola pågår. Tillträde planeras till "
         "den 1 augusti 2025.",
         "En förstudie om framtida skolorganisation på landsbygden (Zinkgruvan, "
         "Åmmeberg och Olshammar) startar i april. Förstudien leds av "
         "utvecklingsstrateg Sofia Wennberg och återrapporteras till nämnden hösten 2025.",
         "Nämndens kommande sammanträden är onsdag 23 april och onsdag 21 maj 2025, "
         "båda kl. 13.00 i sammanträdesrum Vättern."])
beslut(["Informationen läggs till handlingarna."])

# BEVIS
pdf.set_y(pdf.get_y() + 8)
if pdf.get_y() > 215:
    pdf.add_page()
pdf.set_draw_color(0, 0, 0)
y0 = pdf.get_y()
pdf.set_font("DejaVu", "B", 10)
pdf.cell(0, 6, "BEVIS", new_x="LMARGIN", new_y="NEXT")
pdf.set_font("DejaVu", "", 9)
pdf.multi_cell(0, 4.5, "Justeringen har tillkännagivits genom anslag på kommunens "
               "digitala anslagstavla.", new_x="LMARGIN", new_y="NEXT")
for k, v in [("Organ", "Barn- och utbildningsnämnden"), ("Sammanträdesdatum", "2025-03-19"),
             ("Datum då anslaget sätts upp", "2025-03-26"),
             ("Datum då anslaget tas ned", "2025-04-17"),
             ("Förvaringsplats för protokollet", "Kommunhuset, Askersund"),
             ("Underskrift", "................................................  Linnea Sjöberg")]:
    pdf.cell(60, 5, k)
    pdf.cell(0, 5, v, new_x="LMARGIN", new_y="NEXT")
pdf.rect(18, y0 - 2, 174, pdf.get_y() - y0 + 4)

pdf.output(str(OUT))
print("wrote", OUT, pdf.pages_count, "pages")
