"""Generate docs/31_krf_nora.docx (invented minnesanteckningar) with python-docx.

Item numbers (1., 2., ...) and sub-points (a), b), ...) are Word automatic list
numbering defined in numbering.xml; they are NOT part of the paragraph text.
"""
from pathlib import Path
from docx import Document
from docx.shared import Pt, Cm, RGBColor
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

OUT = Path(__file__).resolve().parent.parent / "docs" / "31_krf_nora.docx"

doc = Document()
sec = doc.sections[0]
sec.page_height, sec.page_width = Cm(29.7), Cm(21.0)
sec.left_margin = sec.right_margin = Cm(2.5)
sec.top_margin = Cm(2.2)
normal = doc.styles["Normal"]
normal.font.name = "Calibri"
normal.font.size = Pt(11)
normal.paragraph_format.space_after = Pt(4)

# ---------------------------------------------------------------- numbering
numbering = doc.part.numbering_part.element
ABS_ID, NUM_ID = 77, 77


def el(tag, **attrs):
    e = OxmlElement(tag)
    for k, v in attrs.items():
        e.set(qn(k), str(v))
    return e


absn = el("w:abstractNum", **{"w:abstractNumId": ABS_ID})
absn.append(el("w:multiLevelType", **{"w:val": "hybridMultilevel"}))
for ilvl, fmt, text, left in [(0, "decimal", "%1.", 426), (1, "lowerLetter", "%2)", 851)]:
    lvl = el("w:lvl", **{"w:ilvl": ilvl})
    lvl.append(el("w:start", **{"w:val": 1}))
    lvl.append(el("w:numFmt", **{"w:val": fmt}))
    lvl.append(el("w:lvlText", **{"w:val": text}))
    lvl.append(el("w:lvlJc", **{"w:val": "left"}))
    ppr = el("w:pPr")
    ppr.append(el("w:ind", **{"w:left": left, "w:hanging": 426}))
    lvl.append(ppr)
    if ilvl == 0:
        rpr = el("w:rPr")
        rpr.append(el("w:b"))
        lvl.append(rpr)
    absn.append(lvl)
# abstractNum elements must come before num elements
first_num = numbering.find(qn("w:num"))
if first_num is not None:
    first_num.addprevious(absn)
else:
    numbering.append(absn)
num = el("w:num", **{"w:numId": NUM_ID})
num.append(el("w:abstractNumId", **{"w:val": ABS_ID}))
numbering.append(num)


def numbered(text, level, bold=False, space_before=0):
    p = doc.add_paragraph()
    ppr = p._p.get_or_add_pPr()
    numpr = el("w:numPr")
    numpr.append(el("w:ilvl", **{"w:val": level}))
    numpr.append(el("w:numId", **{"w:val": NUM_ID}))
    ppr.append(numpr)
    r = p.add_run(text)
    r.bold = bold
    if space_before:
        p.paragraph_format.space_before = Pt(space_before)
    return p


def item(title):
    p = numbered(title, 0, bold=True, space_before=10)
    p.paragraph_format.keep_with_next = True
    return p


def body(text):
    p = doc.add_paragraph(text)
    p.paragraph_format.left_indent = Cm(0.75)
    return p


def sub(text):
    return numbered(text, 1)


def plain(text, bold=False, size=None, after=None):
    p = doc.add_paragraph()
    r = p.add_run(text)
    r.bold = bold
    if size:
        r.font.size = Pt(size)
    if after is not None:
        p.paragraph_format.space_after = Pt(after)
    return p


# ---------------------------------------------------------------- header/footer
hp = sec.header.paragraphs[0]
hr = hp.add_run("NORA KOMMUN")
hr.bold = True
hr.font.size = Pt(9)
hp.add_run("\tKommunala rådet för funktionshinderfrågor").font.size = Pt(9)
fp = sec.footer.paragraphs[0]
fp.alignment = WD_ALIGN_PARAGRAPH.CENTER
fr = fp.add_run("Minnesanteckningar KRF 2024-05-27")
fr.font.size = Pt(8)
fr.font.color.rgb = RGBColor(0x66, 0x66, 0x66)

# ---------------------------------------------------------------- content
t = plain("Minnesanteckningar", bold=True, size=18, after=0)
plain("Kommunala rådet för funktionshinderfrågor (KRF)", bold=True, size=13, after=2)
plain("Måndagen den 27 maj 2024 kl. 14.00–16.10 i sammanträdesrum Gyttorp, "
      "kommunhuset, Nora", after=10)

plain("Närvarande", bold=True, size=12, after=2)
plain("Politiker:", bold=True, after=0)
for ln in ["Birgitta Nordin (S), ordförande, kommunstyrelsen",
           "Henrik Alm (M), vice ordförande, kommunstyrelsen",
           "Susanne Falk (C), socialnämnden"]:
    plain(ln, after=0)
plain("", after=0)
plain("Organisationer:", bold=True, after=0)
for ln in ["SRF Örebro län: Gunnar Ekdahl",
           "DHR: Marita Lund",
           "Neuroförbundet Bergslagen: Bo Ferm",
           "HRF Nora: Inger Sahlin",
           "FUB Nora: Kerstin Wall",
           "Autism- och Aspergerföreningen Örebro län: Jenny Holst",
           "Reumatikerföreningen Nora-Lindesberg: Håkan Pers (ersätter Ann-Marie Kask)"]:
    plain(ln, after=0)
plain("", after=0)
plain("Tjänstepersoner:", bold=True, after=0)
for ln in ["Olof Berglund, tillgänglighetssamordnare",
           "Elin Kvist, nämndsekreterare",
           "Tommy Rask, trafikingenjör, punkt 4",
           "Annika Borg, enhetschef LSS, punkt 5"]:
    plain(ln, after=0)
plain("", after=0)
plain("Förhinder:", bold=True, after=0)
plain("Ulf Sand (SD), Ann-Marie Kask (Reumatikerföreningen Nora-Lindesberg)", after=8)

item("Mötets öppnande och val av justerare")
body("Ordföranden Birgitta Nordin hälsade alla välkomna, särskilt Håkan Pers som "
     "deltog för första gången. Gunnar Ekdahl valdes att justera dagens "
     "minnesanteckningar.")

item("Godkännande av dagordningen")
body("Dagordningen godkändes med ett tillägg under övriga frågor: ledsagarservice.")

item("Föregående minnesanteckningar")
body("Minnesanteckningarna från mötet den 18 mars 2024 godkändes och lades till "
     "handlingarna. Uppföljning av frågor från förra mötet:")
sub("Hörslingan i kommunhusets sessionssal är nu åtgärdad och kontrollerad.")
sub("Frågan om fler parkeringsplatser för rörelsehindrade vid vårdcentralen har "
    "skickats vidare till Region Örebro län. Svar har ännu inte kommit.")

item("Tillgänglighet i centrala Nora")
body("Trafikingenjör Tommy Rask informerade om de pågående ombyggnaderna i centrum.")
sub("Ombyggnaden av Rådstugugatan och Prästgatan ger sex nya nivåfria övergångsställen "
    "med kontrastmarkering. Arbetet ska vara klart den 31 oktober 2024.")
sub("Vid busstationen (Nora resecentrum) läggs taktila ledstråk från busshållplatserna "
    "till väntsalen och till taxiplatsen. Budgeten för ledstråken är 1,8 mnkr, varav "
    "900 tkr är statlig medfinansiering.")
sub("Rådet har möjlighet att lämna synpunkter på ritningarna senast fredag den 14 juni "
    "2024 till Tommy Rask.")
body("Rådet beslutade att Gunnar Ekdahl och Marita Lund går igenom ritningarna och "
     "lämnar rådets synpunkter till Tommy Rask senast den 14 juni.")

item("Information från LSS-verksamheten")
body("Enhetschef Annika Borg informerade om läget inom LSS.")
sub("Den nya gruppbostaden på Järnvägsgatan med sex lägenheter är under byggnation. "
    "Inflyttning planeras till oktober 2025.")
sub("Fyra personer väntar på att få sitt beslut om bostad med särskild service "
    "verkställt. Samtliga har erbjudits tillfälliga lösningar.")
sub("Den dagliga verksamheten flyttar till nya lokaler i Gyttorp den 1 september 2024. "
    "Resorna dit ordnas med kommunens egna bilar.")
body("Rådet tackade för informationen.")

item("Färdtjänst – förseningar och ny egenavgift")
body("Marita Lund (DHR) tog upp frågan om färdtjänsten.")
sub("DHR har fått många klagomål på sena hämtningar. Enligt Länstrafikens egen "
    "statistik var 14 procent av färdtjänstresorna i Nora mer än 15 minuter försenade "
    "under april.")
sub("Region Örebro län har beslutat att egenavgiften för färdtjänst höjs från och med "
    "den 1 juli 2024. Flera organisationer uttryckte oro för att fler avstår från att "
    "resa.")
body("Rådet beslutade att ordföranden tillsammans med Marita Lund skriver en skrivelse "
     "till Region Örebro län om förseningarna. Skrivelsen ska skickas senast den "
     "10 juni 2024.")

item("Remiss: Tillgänglighetsplan 2025–2028")
body("Tillgänglighetssamordnare Olof Berglund presenterade förslaget till ny "
     "tillgänglighetsplan för Nora kommun 2025–2028.")
sub("Remissen skickas till organisationerna den 3 juni. Svar ska lämnas senast den "
    "30 augusti 2024.")
sub("Rådet beslutade att en arbetsgrupp med Olof Berglund som sammankallande samt "
    "Gunnar Ekdahl och Kerstin Wall sammanställer rådets gemensamma yttrande.")

item("Information från organisationerna")
sub("SRF: Vita käppens dag den 15 oktober uppmärksammas med en manifestation på Nora "
    "torg. Alla är välkomna.")
sub("HRF: Hörslingan i Nora kyrka fungerar inte. Olof Berglund kontaktar församlingen.")
sub("FUB: Sommarlägret på Ånnaboda hålls 8–12 juli. 14 deltagare från Nora är anmälda.")
sub("Neuroförbundet: Föreningen söker fler kontaktpersoner i Nora.")

item("Övriga frågor")
sub("Ledsagarservice: Jenny Holst frågade om handläggningstiderna för ledsagarservice, "
    "som upplevs som långa. Olof Berglund bjuder in en handläggare till nästa möte.")
sub("Tillgänglighetspriset 2024: Nomineringar lämnas senast den 15 september 2024. "
    "Priset är 10 000 kr och delas ut vid kommunfullmäktiges sammanträde i december.")

item("Nästa möten")
table = doc.add_table(rows=1, cols=3)
table.style = "Table Grid"
hdr = table.rows[0].cells
for c, txt in zip(hdr, ["Datum", "Tid", "Plats"]):
    c.text = ""
    c.paragraphs[0].add_run(txt).bold = True
for row in [("Onsdag 28 augusti", "10.00–11.30",
             "Studiebesök Nora resecentrum, samling vid busstationen"),
            ("Måndag 16 september", "14.00–16.00", "Kommunhuset, sammanträdesrum Gyttorp"),
            ("Måndag 18 november", "14.00–16.00", "Kommunhuset, sammanträdesrum Gyttorp")]:
    cells = table.add_row().cells
    for c, txt in zip(cells, row):
        c.text = txt
for r in table.rows:
    r.cells[0].width, r.cells[1].width, r.cells[2].width = Cm(4.2), Cm(3.0), Cm(8.8)

plain("", after=12)
plain("Vid anteckningarna", after=18)
plain("Elin Kvist", after=12)
plain("Justeras", after=18)
plain("Gunnar Ekdahl", after=0)

doc.save(str(OUT))
print("wrote", OUT)
