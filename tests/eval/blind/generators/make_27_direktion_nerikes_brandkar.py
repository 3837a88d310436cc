"""Generate 27_direktion_nerikes_brandkar.docx (python-docx).

Header = bold-label paragraphs; attendance = 5-column table; officials = 2-column table;
member contributions = table with right-aligned amounts and a sum row.
"""
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt, Cm

OUT = "/work/wave5/docs/27_direktion_nerikes_brandkar.docx"

doc = Document()
st = doc.styles["Normal"]
st.font.name = "Calibri"
st.font.size = Pt(11)
for s in doc.sections:
    s.left_margin = Cm(2.2)
    s.right_margin = Cm(2.2)
    hp = s.header.paragraphs[0]
    hp.text = "NERIKES BRANDKÅR\tPROTOKOLL\tDirektionen 2024-06-12"
    fp = s.footer.paragraphs[0]
    fp.text = "Justerandes signatur: ____________        Utdragsbestyrkande: ____________"


def label(lbl, value):
    p = doc.add_paragraph()
    p.paragraph_format.space_after = Pt(2)
    r = p.add_run(lbl + " ")
    r.bold = True
    p.add_run(value)
    return p


def para(text, bold=False, italic=False):
    p = doc.add_paragraph()
    r = p.add_run(text)
    r.bold = bold
    r.italic = italic
    return p


def heading(text):
    h = doc.add_heading(text, level=2)
    return h


def att(lines):
    for ln in lines:
        p = doc.add_paragraph(ln)
        p.paragraph_format.left_indent = Cm(1.0)
        p.paragraph_format.first_line_indent = Cm(-1.0)
        p.paragraph_format.space_after = Pt(0)


def table(rows, header=True, widths=None, right_cols=()):
    t = doc.add_table(rows=len(rows), cols=len(rows[0]))
    t.style = "Table Grid"
    for i, row in enumerate(rows):
        for j, val in enumerate(row):
            c = t.cell(i, j)
            c.text = ""
            r = c.paragraphs[0].add_run(val)
            if header and i == 0:
                r.bold = True
            if j in right_cols and i > 0:
                c.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
            if widths:
                c.width = Cm(widths[j])
    return t


t = doc.add_paragraph()
r = t.add_run("PROTOKOLL")
r.bold = True
r.font.size = Pt(18)
para("Nerikes Brandkår – kommunalförbund för Askersund, Hallsberg, Kumla, Laxå, Lekeberg och Örebro", italic=True)

label("Organ:", "Direktionen")
label("Datum:", "onsdag 12 juni 2024")
label("Tid:", "13.00–15.30")
label("Plats:", "Räddningsstationen Kumla, konferensrummet")
label("Ordförande:", "Jan Hedman (S)")
label("Sekreterare:", "Therese Blom")
label("Justerare:", "Gunilla Ask (C)")
label("Justering:", "Förbundskansliet, onsdag 19 juni 2024")
label("Paragrafer:", "18–27")

doc.add_paragraph()
para("Närvaro", bold=True)
table([
    ["Namn", "Uppdrag", "Parti", "Medlemskommun", "Närvaro"],
    ["Jan Hedman", "Ordförande", "S", "Örebro", "Närvarande"],
    ["Erik Bratt", "Vice ordförande", "S", "Kumla", "Närvarande"],
    ["Karin Sjölin", "Ledamot", "M", "Örebro", "Närvarande"],
    ["Gunilla Ask", "Ledamot", "C", "Hallsberg", "Närvarande"],
    ["Olle Viberg", "Ledamot", "M", "Askersund", "Förhinder"],
    ["Britt Ahlin", "Ersättare", "S", "Askersund", "Tjänstgör för Olle Viberg"],
    ["Lena Mård", "Ledamot", "S", "Laxå", "Närvarande §§ 18–24"],
    ["Patrik Holm", "Ledamot", "KD", "Lekeberg", "Närvarande"],
    ["Sven Dahlgren", "Ersättare", "SD", "Örebro", "Ej tjänstgörande"],
], widths=[3.6, 3.0, 1.3, 3.0, 5.0])

doc.add_paragraph()
para("Tjänstepersoner", bold=True)
table([
    ["Namn", "Funktion"],
    ["Anders Hallin", "Förbundsdirektör och räddningschef"],
    ["Mira Jonsson", "Ekonomichef, §§ 20–21"],
    ["Stefan Ivarsson", "Avdelningschef förebyggande, § 22"],
    ["Therese Blom", "Nämndsekreterare"],
], widths=[4.5, 11.4])

doc.add_paragraph()
para("Underskrifter", bold=True)
para("Sekreterare ……………………………………   Therese Blom")
para("Ordförande ……………………………………   Jan Hedman")
para("Justerare ……………………………………   Gunilla Ask")

doc.add_page_break()

heading("§ 18 Mötets öppnande och val av justerare")
para("Ordföranden Jan Hedman öppnar sammanträdet och hälsar välkommen. Britt Ahlin (S) tjänstgör för Olle Viberg (M), Askersund.")
para("Direktionen beslutar", bold=True)
para("att utse Gunilla Ask (C) att jämte ordföranden justera protokollet onsdagen den 19 juni 2024 på förbundskansliet.")

heading("§ 19 Godkännande av dagordning")
para("Direktionen beslutar", bold=True)
para("att godkänna dagordningen.")

heading("§ 20 Delårsrapport januari–april 2024")
para("Dnr NB 2024/61", italic=True)
para("Ekonomichef Mira Jonsson redovisar delårsrapporten för perioden januari–april 2024. Intäkterna följer budget. "
     "Personalkostnaderna är något lägre på grund av vakanser inom heltidsorganisationen. Prognosen för helåret är ett "
     "överskott på 2,4 mnkr.")
para("Direktionen beslutar", bold=True)
para("att godkänna delårsrapporten för januari–april 2024.")

heading("§ 21 Medlemsbidrag 2025")
para("Dnr NB 2024/58", italic=True)
para("Mira Jonsson presenterar förslaget till medlemsbidrag för 2025. Bidraget räknas upp med 3,8 procent jämfört med 2024 "
     "och fördelas enligt förbundsordningens fördelningsnyckel, som bygger på invånarantal och riskbild.")
table([
    ["Medlemskommun", "Medlemsbidrag 2025"],
    ["Örebro", "158,3 mnkr"],
    ["Kumla", "23,1 mnkr"],
    ["Hallsberg", "17,2 mnkr"],
    ["Askersund", "13,4 mnkr"],
    ["Laxå", "8,9 mnkr"],
    ["Lekeberg", "15,6 mnkr"],
    ["Summa", "236,5 mnkr"],
], widths=[6.0, 5.0], right_cols=(1,))
para("")
para("Direktionen beslutar", bold=True)
para("att föreslå medlemskommunerna att fastställa medlemsbidraget för 2025 till totalt 236,5 mnkr fördelat enligt tabellen ovan, och")
para("att be medlemskommunerna lämna besked senast den 30 september 2024.")

heading("§ 22 Handlingsprogram enligt lagen om skydd mot olyckor 2024–2027")
para("Dnr NB 2023/144", italic=True)
para("Avdelningschef Stefan Ivarsson föredrar förslaget till handlingsprogram för räddningstjänst och förebyggande "
     "verksamhet för perioden 2024–2027. Programmet har varit på samråd med medlemskommunerna, Länsstyrelsen i Örebro län "
     "och Polisen. Inkomna synpunkter har i huvudsak beaktats.")
para("Yrkanden", bold=True)
para("Karin Sjölin (M) yrkar bifall till förslaget med tillägget att uppföljningen av handlingsprogrammet ska redovisas "
     "för direktionen en gång per år.")
para("Jan Hedman (S) yrkar bifall till förslaget och till Karin Sjölins tilläggsyrkande.")
para("Propositionsordning", bold=True)
para("Ordföranden ställer proposition på förslaget och därefter på tilläggsyrkandet och finner båda bifallna.")
para("Direktionen beslutar", bold=True)
para("att anta handlingsprogrammet för 2024–2027, att gälla från och med den 1 juli 2024, och")
para("att uppföljningen av handlingsprogrammet ska redovisas för direktionen en gång per år.")

heading("§ 23 Förstudie om ny räddningsstation i Fjugesta")
para("Dnr NB 2024/33", italic=True)
para("Förbundsdirektör Anders Hallin redovisar förstudien om en ny räddningsstation i Fjugesta, Lekebergs kommun. Den "
     "nuvarande stationen uppfyller inte arbetsmiljökraven. Kostnaden för en ny station bedöms preliminärt till 32 mnkr. "
     "Lekebergs kommun har anvisat en tomt vid Lekebergsvägen.")
para("Direktionen beslutar", bold=True)
para("att uppdra åt förbundsdirektören att ta fram ett förslag till investeringsbeslut till direktionens sammanträde den 16 oktober 2024.")

heading("§ 24 Insatsstatistik januari–maj 2024")
para("Anders Hallin redovisar insatsstatistiken. Under januari–maj 2024 larmades förbundet 2 148 gånger, varav 236 bränder "
     "i byggnad, 412 bränder ej i byggnad och 598 trafikolyckor. Antalet automatlarm utan brand har minskat med 11 procent "
     "jämfört med samma period 2023.")
para("Direktionen noterar informationen.")
para("Lena Mård (S) lämnar sammanträdet efter § 24.", italic=True)

heading("§ 25 Anmälan av delegationsbeslut")
para("Förteckning över delegationsbeslut fattade under perioden 2024-03-01–2024-05-31 redovisas.")
para("Direktionen beslutar", bold=True)
para("att lägga anmälan av delegationsbeslut till handlingarna.")

heading("§ 26 Förbundsdirektörens information")
para("Anders Hallin informerar om att 18 nya brandmän i beredskap (RIB) har rekryterats till stationerna i Askersund, "
     "Laxå och Fjugesta, och att förbundet tillsammans med Länsstyrelsen bevakar brandrisken inför sommaren. "
     "Beslut om eldningsförbud fattas vid behov av räddningschefen.")
para("Direktionen noterar informationen.")

heading("§ 27 Övriga frågor och nästa sammanträde")
para("Inga övriga frågor.")
para("Nästa sammanträden: onsdag 11 september 2024 kl. 13.00 på Brandstationen Örebro och onsdag 16 oktober 2024 "
     "kl. 13.00 på Räddningsstationen Kumla.")
para("Ordföranden avslutar sammanträdet kl. 15.30.")

doc.save(OUT)
