"""Generate 28_folkhalsoradet_lekeberg_kallelse.docx (python-docx).

A kallelse with föredragningslista where the minutes were typed into the
'Anteckning' column of the agenda table after the meeting.
"""
from docx import Document
from docx.enum.text import WD_COLOR_INDEX
from docx.shared import Pt, Cm

OUT = "/work/wave5/docs/28_folkhalsoradet_lekeberg_kallelse.docx"

doc = Document()
doc.styles["Normal"].font.name = "Arial"
doc.styles["Normal"].font.size = Pt(10)
for s in doc.sections:
    s.left_margin = Cm(2.0)
    s.right_margin = Cm(2.0)
    s.header.paragraphs[0].text = "Lekebergs kommun\tKommunstyrelseförvaltningen"
    s.footer.paragraphs[0].text = "Lekebergs kommun · 716 81 Fjugesta · Besök: Kommunhuset, Fjugesta"


def p(text="", bold=False, size=None, italic=False, hl=False):
    par = doc.add_paragraph()
    r = par.add_run(text)
    r.bold = bold
    r.italic = italic
    if size:
        r.font.size = Pt(size)
    if hl:
        r.font.highlight_color = WD_COLOR_INDEX.YELLOW
    par.paragraph_format.space_after = Pt(3)
    return par


p("Folkhälsorådet 2023", bold=True, size=9)
p("KALLELSE", bold=True, size=20)
p("Folkhälsorådet i Lekebergs kommun", bold=True, size=13)
p("Tid: tis 14 mars kl 13.15–15.30 (fika från 13.00)")
p("Plats: Kommunhuset, Fjugesta, rum Lanna")
p("Anmäl förhinder till Hanna Lindgren senast fre 10 mars.")
p("Kallelsen skickad 2023-03-03", italic=True, size=8)

p("Kallade", bold=True)
for line in [
    "Kerstin Sjöberg (C), ordförande, kommunstyrelsen",
    "Anders Fröjd (S), vice ordförande, kommunstyrelsen",
    "Mona Eriksson (M), kommunstyrelsen",
    "Per-Olof Svahn (SD), kommunstyrelsen",
    "Roland Berg, skolchef",
    "Åsa Kvarnström, socialchef",
    "Niklas Sund, fritidschef",
    "Daniel Ståhlberg, kommunpolis, Polisen",
    "Hanna Lindgren, folkhälsostrateg (sekreterare)",
    "Adjungerad p. 3: Jenny Oskarsson, folkhälsoplanerare, Region Örebro län",
]:
    q = doc.add_paragraph(line, style="List Bullet")
    q.paragraph_format.space_after = Pt(0)

p()
p("MINNESANTECKNINGAR: Anteckningarna från mötet är inskrivna i kolumnen ”Anteckning” nedan. "
  "/Hanna L, 2023-03-16. Justerat av Mona Eriksson 2023-03-21.", bold=True, hl=True)

p("Föredragningslista", bold=True, size=12)

rows = [
    ("Nr", "Ärende", "Föredragande, tid", "Anteckning"),
    ("1", "Mötets öppnande, val av justerare", "Kerstin Sjöberg\n13.15",
     "Ordföranden öppnade mötet. Mona Eriksson valdes att justera anteckningarna.\n"
     "Närvarande: alla kallade utom Per-Olof Svahn och Roland Berg (förhinder). Maria Tell, rektor "
     "Lekebergsskolan, deltog i stället för Roland Berg."),
    ("2", "Uppföljning från föregående möte den 29/11", "Hanna Lindgren\n13.20",
     "Anteckningarna från 29/11 godkändes. Utegymmet i Lanna är klart och invigs i maj."),
    ("3", "Folkhälsoplan 2023–2026 – remissversion\nBilaga: remissversion daterad 2023-02-24",
     "Hanna Lindgren, Jenny Oskarsson (Region Örebro län)\n13.30–14.00",
     "Hanna och Jenny gick igenom planens fyra målområden och kopplingen till länets folkhälsopolitiska program. "
     "Rådet ställer sig bakom remissversionen med två tillägg: ofrivillig ensamhet bland äldre och skärmtid "
     "bland unga ska lyftas tydligare. Övriga synpunkter mejlas till Hanna senast den 3/4. "
     "Planen går till KS för beslut tis 16 maj."),
    ("4", "Föreningsbidrag för folkhälsoinsatser 2023", "Niklas Sund\n14.00–14.20",
     "7 ansökningar har kommit in, totalt sökt 185 000 kr. Budget 120 000 kr. Rådets förslag:\n"
     "Fjugesta IF, prova-på-idrott – 30 000 kr\n"
     "Mullhyttans bygdegårdsförening, ungdomskvällar – 25 000 kr\n"
     "Lekebergs ridklubb, ridning för barn med funktionsnedsättning – 20 000 kr\n"
     "Hidinge SK, spontanfotboll – 18 000 kr\n"
     "PRO Lekeberg, träffpunkt mot ensamhet – 15 000 kr\n"
     "Lanna IK, stavgång – 12 000 kr\n"
     "Fjugesta schackklubb – avslag (ej folkhälsoinriktat).\n"
     "Niklas fattar delegationsbeslut enligt förslaget. Besked till föreningarna v. 14."),
    ("5", "Trygghetsvandring i Fjugesta v. 12", "Daniel Ståhlberg\n14.20–14.40",
     "Trygghetsvandringen blir v. 12 (tors 23/3) kl 18.00, samling vid kommunhuset. Daniel och Niklas Sund leder "
     "vandringen. Ledamöterna anmäler sig till Hanna senast fre 17/3."),
    ("6", "Lokal ANDT-lägesbild", "Åsa Kvarnström\n14.40–15.00",
     "Åsa informerade: ökad oro för snus och nikotinpåsar bland unga; fyra serveringsställen har fått tillsyn "
     "under året. Information, inget beslut."),
    ("7", "Liv och hälsa ung – resultat för Lekeberg", "Hanna Lindgren\n15.00–15.15",
     "312 elever i Lekeberg svarade. Fler flickor än pojkar uppger stress. Presentationen skickas ut med "
     "anteckningarna."),
    ("8", "Övriga frågor", "15.15",
     "Mona Eriksson frågade om utegym i Mullhyttan. Niklas Sund återkommer till nästa möte."),
    ("9", "Nästa möte", "",
     "tis 13 juni kl 13.15 och tis 19 sept kl 13.15, båda i rum Lanna."),
]
t = doc.add_table(rows=len(rows), cols=4)
t.style = "Table Grid"
widths = [1.0, 4.6, 3.4, 8.0]
for i, row in enumerate(rows):
    for j, val in enumerate(row):
        c = t.cell(i, j)
        c.width = Cm(widths[j])
        lines = val.split("\n")
        c.text = ""
        par = c.paragraphs[0]
        for k, ln in enumerate(lines):
            r = par.add_run(ln)
            if i == 0:
                r.bold = True
            if k < len(lines) - 1:
                r.add_break()

p()
p("Välkomna!")
p("Kerstin Sjöberg, ordförande                    Hanna Lindgren, folkhälsostrateg")
p("Kontakt: Hanna Lindgren, folkhälsostrateg, Kommunstyrelseförvaltningen", size=8)

doc.save(OUT)
