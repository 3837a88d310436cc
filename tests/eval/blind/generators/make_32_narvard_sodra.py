"""Generate docs/32_narvard_sodra_styrgrupp.docx (invented minnesanteckningar)."""
from pathlib import Path
from docx import Document
from docx.shared import Pt, Cm, RGBColor
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

OUT = Path(__file__).resolve().parent.parent / "docs" / "32_narvard_sodra_styrgrupp.docx"

doc = Document()
sec = doc.sections[0]
sec.page_height, sec.page_width = Cm(29.7), Cm(21.0)
sec.left_margin = sec.right_margin = Cm(2.2)
st = doc.styles["Normal"]
st.font.name = "Arial"
st.font.size = Pt(10.5)
st.paragraph_format.space_after = Pt(5)
for hs in ("Heading 1", "Heading 2"):
    h = doc.styles[hs]
    h.font.name = "Arial"
    h.font.color.rgb = RGBColor(0x1F, 0x4E, 0x79)
doc.styles["Heading 2"].font.size = Pt(12)


def shade(cell, color):
    tcpr = cell._tc.get_or_add_tcPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), color)
    tcpr.append(shd)


def set_cell(cell, text, bold=False, size=None):
    cell.text = ""
    lines = text.split("\n")
    p = cell.paragraphs[0]
    for i, ln in enumerate(lines):
        r = p.add_run(ln)
        r.bold = bold
        if size:
            r.font.size = Pt(size)
        if i < len(lines) - 1:
            r.add_break()
    p.paragraph_format.space_after = Pt(0)


# page header / footer
hp = sec.header.paragraphs[0]
r = hp.add_run("Närvårdssamverkan Södra länsdelen\tAskersund · Hallsberg · Kumla · Laxå · "
               "Lekeberg · Region Örebro län")
r.font.size = Pt(8)
r.font.color.rgb = RGBColor(0x55, 0x55, 0x55)
fp = sec.footer.paragraphs[0]
fp.alignment = WD_ALIGN_PARAGRAPH.RIGHT
r = fp.add_run("Minnesanteckningar delregional styrgrupp Söder")
r.font.size = Pt(8)

doc.add_heading("Minnesanteckningar – Delregional styrgrupp, Närvårdssamverkan "
                "Södra länsdelen", level=1)

# header table: labels above values
labels = ["Datum", "Tid", "Plats", "Ordförande", "Anteckningar"]
values = ["2025-10-09", "09.00–12.00", "Kumla kommunhus, rum Kumlasjön (samt Teams)",
          "Ulrika Hammarström", "Josefin Ek"]
t = doc.add_table(rows=2, cols=5)
t.style = "Table Grid"
for i, (lab, val) in enumerate(zip(labels, values)):
    set_cell(t.rows[0].cells[i], lab, bold=True, size=9)
    shade(t.rows[0].cells[i], "DEEAF6")
    set_cell(t.rows[1].cells[i], val)
for row in t.rows:
    for c, w in zip(row.cells, (2.4, 2.4, 5.4, 3.2, 3.2)):
        c.width = Cm(w)

doc.add_paragraph()
p = doc.add_paragraph()
p.add_run("Deltagare").bold = True
rows = [
    ("Ulrika Hammarström", "Kumla kommun", "Socialchef, ordförande"),
    ("Jan-Erik Lööf", "Region Örebro län, Område nära vård", "Områdeschef, vice ordförande"),
    ("Petra Nyqvist", "Hallsbergs kommun", "Socialchef"),
    ("Mikael Hedberg", "Askersunds kommun", "Socialchef"),
    ("Anneli Kron", "Laxå kommun", "Verksamhetschef vård och omsorg, ersätter Leif Sjödin"),
    ("Sofie Dahl", "Lekebergs kommun", "Förvaltningschef vård och omsorg"),
    ("Maria Nygren", "Region Örebro län, Primärvården Söder", "Verksamhetschef"),
    ("Hans Brink", "Region Örebro län, Psykiatri", "Verksamhetschef allmänpsykiatri"),
    ("Karin Gyllen", "Hallsbergs kommun", "Medicinskt ansvarig sjuksköterska (MAS), punkt 4"),
    ("Josefin Ek", "Region Örebro län, Närvårdssamverkan",
     "Närvårdssamordnare Södra länsdelen, anteckningar"),
]
dt = doc.add_table(rows=1, cols=3)
dt.style = "Table Grid"
for c, h in zip(dt.rows[0].cells, ("Namn", "Organisation", "Funktion")):
    set_cell(c, h, bold=True)
    shade(c, "DEEAF6")
for row in rows:
    cells = dt.add_row().cells
    for c, v in zip(cells, row):
        set_cell(c, v)
for row in dt.rows:
    for c, w in zip(row.cells, (4.2, 6.0, 6.4)):
        c.width = Cm(w)

p = doc.add_paragraph()
p.paragraph_format.space_before = Pt(6)
p.add_run("Förhinder: ").bold = True
p.add_run("Leif Sjödin, Laxå kommun; Tord Palm, Region Örebro län, Habiliteringen.")


def item(title, presenter=None):
    doc.add_heading(title, level=2)
    if presenter:
        p = doc.add_paragraph()
        r = p.add_run("Föredragande: " + presenter)
        r.italic = True


def text(t):
    doc.add_paragraph(t)


def beslut(t):
    p = doc.add_paragraph()
    p.add_run("Beslut: ").bold = True
    p.add_run(t)


def bullet(t):
    doc.add_paragraph(t, style="List Bullet")


item("1. Mötets öppnande och godkännande av dagordning")
text("Ordföranden Ulrika Hammarström hälsade välkommen. Anneli Kron deltar för Laxå "
     "kommun i stället för Leif Sjödin. Punkten om suicidprevention flyttades fram så "
     "att Hans Brink kunde delta innan han behövde gå.")
beslut("Dagordningen godkänns.")

item("2. Föregående minnesanteckningar")
text("Anteckningarna från mötet 2025-08-28 gicks igenom. Uppdraget att kartlägga "
     "läkemedelsgenomgångar är genomfört och redovisas under punkt 4.")
beslut("Minnesanteckningarna läggs till handlingarna.")

item("3. Trygg och säker utskrivning – uppföljning kvartal 3", "Josefin Ek")
text("Josefin Ek redovisade genomsnittligt antal dagar som patienter blivit kvar i "
     "slutenvården efter att de bedömts utskrivningsklara. Länsdelens gemensamma mål "
     "är högst 1,5 dagar.")
kt = doc.add_table(rows=1, cols=3)
kt.style = "Table Grid"
for c, h in zip(kt.rows[0].cells, ("Kommun", "Kv 2 2025 (dagar)", "Kv 3 2025 (dagar)")):
    set_cell(c, h, bold=True)
    shade(c, "F2F2F2")
for row in [("Askersund", "1,6", "1,4"), ("Hallsberg", "1,8", "2,1"), ("Kumla", "1,3", "1,2"),
            ("Laxå", "2,2", "3,0"), ("Lekeberg", "1,5", "1,6")]:
    cells = kt.add_row().cells
    for i, (c, v) in enumerate(zip(cells, row)):
        set_cell(c, v)
        if i:
            c.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
doc.add_paragraph()
text("Ökningen i Laxå förklaras av brist på korttidsplatser under sommaren och i "
     "Hallsberg av vakanser i hemsjukvården. Kumla och Askersund ligger under målet.")
beslut("Hallsbergs och Laxå kommuner tar fram handlingsplaner för att nå målet och "
       "redovisar dem vid nästa möte den 27 november. Ansvariga: Petra Nyqvist "
       "(Hallsberg) och Anneli Kron (Laxå).")

item("4. Gemensam rutin för läkemedelsgenomgångar i särskilt boende", "Karin Gyllen, MAS")
text("Karin Gyllen presenterade kartläggningen: 74 % av de boende i länsdelens särskilda "
     "boenden har haft en läkemedelsgenomgång under de senaste 12 månaderna. Målet är "
     "90 %. Förslaget till gemensam rutin tydliggör ansvaret mellan vårdcentralens "
     "läkare och kommunens sjuksköterskor och att genomgången ska ske inom fyra veckor "
     "efter inflyttning och därefter minst en gång per år.")
beslut("Styrgruppen ställer sig bakom den gemensamma rutinen. Rutinen införs från "
       "1 januari 2026 och följs upp i september 2026.")

item("5. Mobil närvård Söder – utvärdering och fortsättning", "Maria Nygren")
text("Maria Nygren redovisade utvärderingen av det första året (2024-10-01–2025-09-30). "
     "Teamet har haft 312 inskrivna patienter och bedöms ha förhindrat cirka 148 "
     "akutbesök. Patienter och anhöriga är mycket nöjda. Årskostnaden är 2,9 mnkr, som "
     "enligt överenskommelsen delas lika mellan regionen och kommunerna.")
beslut("Mobil närvård Söder förlängs till 2026-12-31 och leds även fortsatt av Maria "
       "Nygren. Kostnaden delas lika: 1 450 tkr för Region Örebro län och 1 450 tkr för "
       "kommunerna, fördelat efter invånarantal.")

item("6. Fördelning av utvecklingsmedel 2026", "Josefin Ek")
text("Länsdelen har 1 200 tkr i gemensamma utvecklingsmedel för 2026. Förslaget togs "
     "fram av beredningsgruppen den 25 september.")
bullet("500 tkr – utbildning om psykisk ohälsa hos äldre för personal i hemtjänst och "
       "särskilt boende")
bullet("400 tkr – gemensam kompetensutveckling i palliativ vård")
bullet("300 tkr – reserv, beslutas av styrgruppen under året")
beslut("Utvecklingsmedlen 2026 fördelas enligt förslaget.")

item("7. Suicidprevention – gemensam workshop", "Hans Brink")
text("Hans Brink berättade att psykiatrin och kommunerna i länsdelen bjuder in till en "
     "gemensam workshop om suicidprevention för chefer och nyckelpersoner torsdagen "
     "den 20 november kl. 08.30–12.00 på Folkets Hus i Hallsberg. Planeringsgruppen "
     "leds av Sofie Dahl och Hans Brink.")
beslut("Varje kommun anmäler fem deltagare senast den 6 november.")

item("8. Information från länsnivå", "Jan-Erik Lööf")
text("Förslaget till ny länsövergripande överenskommelse om hemsjukvård för 2026–2028 "
     "är ute på remiss. Svar ska vara inne senast fredag 14 november. Jan-Erik Lööf "
     "informerade också om att regionens budget för 2026 innebär ett "
     "effektiviseringskrav på 1,5 % inom primärvården.")
beslut("Kommunerna skickar sina synpunkter på remissen till Josefin Ek senast den "
       "31 oktober. Josefin sammanställer länsdelens gemensamma svar.")

item("9. Övriga frågor och nästa möte")
text("Mikael Hedberg påminde om att Askersunds kommun enligt rotationsschemat tar över "
     "ordförandeskapet i styrgruppen från 1 januari 2026.")
text("Nästa möte är torsdag 27 november kl. 09.00–12.00 i Hallsbergs kommunhus. "
     "Därefter torsdag 29 januari 2026 kl. 09.00–12.00 i Askersunds kommunhus.")
p = doc.add_paragraph()
p.paragraph_format.space_before = Pt(14)
p.add_run("Vid anteckningarna\nJosefin Ek, närvårdssamordnare").italic = True

doc.save(str(OUT))
print("wrote", OUT)
