"""Generate 26_tn_kumla_ocr.pdf: a 'scanned' 2018 protocol with an OCR-like text layer.

The noise is deliberate: ligatures (ﬁ, ﬂ), 'l' for '1' in one heading (§ 3l),
'rn' for 'm' once (Kurnla), broken words, stray specks, a rotated JUSTERAT stamp,
and a digitisation footer dated 2021 (not the meeting date).
"""
import re

from fpdf import FPDF

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf"
FONT_B = "/usr/share/fonts/truetype/dejavu/DejaVuSerif-Bold.ttf"
OUT = "/work/wave5/docs/26_tn_kumla_ocr.pdf"

# Each page: list of (style, indent_mm, text). style: 'n' normal, 'b' bold, 'h' heading, 'blank'
P1 = [
    ("b", 0, "KUMLA KOMMUN                     SAMMANTRÄDESPROTOKOLL          Sida 1 (4)"),
    ("n", 0, "Tekniska nämnden                  Sammanträdesdatum 2018-05-23"),
    ("blank", 0, ""),
    ("n", 0, "Plats och tid        Kumla kommunhus, sammanträdesrum Hardemo,"),
    ("n", 0, "                     onsdagen den 23 maj 2018 kl. 18.00–20.15"),
    ("blank", 0, ""),
    ("n", 0, "Beslutande           Bengt Axelsson (S), ordförande"),
    ("n", 0, "                     Lisbeth Krantz (M), vice ordförande"),
    ("n", 0, "|                    Roger Dahl (S)"),
    ("n", 0, "                     Eva-Lena Granath (S)"),
    ("n", 0, "                     Tomas Wiklund (C)"),
    ("n", 0, "                     Ingvar Stål (SD)"),
    ("n", 0, "                     Kjell Öberg (KD), tjg ersättare för Anita"),
    ("n", 0, "                     Sporre (L)"),
    ("blank", 0, ""),
    ("n", 0, "Ersättare            Lisa Bergkvist (S)"),
    ("blank", 0, ""),
    ("n", 0, "Övriga deltagare     Håkan Nyqvist, förvaltningschef"),
    ("n", 0, "                     Jessica Lund, gatuchef, §§ 30–32"),
    ("n", 0, "                     Tobias Ek, VA-ingenjör, § 33"),
    ("n", 0, "                     Monica Rydén, sekreterare"),
    ("blank", 0, ""),
    ("n", 0, "Utses att justera    Lisbeth Krantz (M)"),
    ("blank", 0, ""),
    ("n", 0, "Justeringens         Tekniska kontoret, måndagen den 28 maj 2018"),
    ("n", 0, "plats och tid"),
    ("blank", 0, ""),
    ("n", 0, "Underskrifter        Sekreterare  ........................  Paragrafer 28–36"),
    ("n", 0, "                                  Monica Rydén"),
    ("blank", 0, ""),
    ("n", 0, "                     Ordförande   ........................"),
    ("n", 0, "                                  Bengt Axelsson"),
    ("blank", 0, ""),
    ("n", 0, "                     Justerande   ........................"),
    ("n", 0, "                                  Lisbeth Krantz"),
    ("blank", 0, ""),
    ("n", 0, ".                                  ANSLAG/BEVIS"),
    ("n", 0, "Protokollet är justerat. Justeringen har tillkännagivits genom anslag."),
    ("n", 0, "Anslaget sätts upp 2018-05-29   Anslaget tas ned 2018-06-20"),
    ("n", 0, "Förvaringsplats: Tekniska förvaltningen, Kumla kommun"),
]

P2 = [
    ("b", 0, "KUMLA KOMMUN                     SAMMANTRÄDESPROTOKOLL          Sida 2 (4)"),
    ("n", 0, "Tekniska nämnden                  2018-05-23"),
    ("blank", 0, ""),
    ("h", 0, "§ 28  Val av justerare"),
    ("n", 0, "Tekniska nämnden beslutar"),
    ("n", 0, "att utse Lisbeth Krantz (M) att jämte ordföranden justera protokollet."),
    ("blank", 0, ""),
    ("h", 0, "§ 29  Godkännande av dagordning"),
    ("n", 0, "Dagordningen godkänns."),
    ("blank", 0, ""),
    ("h", 0, "§ 30  Gatu- och parkprogram 2018                    Dnr TN 2018/41"),
    ("n", 0, "Gatuchef Jessica Lund redovisar förslag till gatu- och parkprogram för"),
    ("n", 0, "2018. Beläggningsunderhållet omfattar Skolgatan, Hagendalsvägen och"),
    ("n", 0, "Sveavägen och beräknas kosta 4,2 mnkr, vilket ryms inom driftbudgeten."),
    ("n", 0, "Arbetena utförs under perioden juni–september 2018. I parkprogrammet"),
    ("n", 0, "ingår ﬂytt av lekutrustningen i Djupadalsparken."),
    ("blank", 0, ""),
    ("n", 0, "Tekniska nämnden beslutar"),
    ("n", 0, "att godkänna gatu- och parkprogram 2018."),
    ("blank", 0, ""),
    ("h", 0, "§ 3l  Gång- och cykelväg Ekeby–Kumla, tilläggsanslag   Dnr TN 2017/88"),
    ("n", 0, "Gång- och cykelvägen mellan Ekeby och Kumla ska byggas med start i"),
    ("n", 0, "augusti 2018. Efter upphandling beräknas den totala kostnaden till"),
    ("n", 0, "6,8 mnkr. I investeringsbudgeten ﬁnns 5,5 mnkr. Förvaltningen föreslår"),
    ("n", 0, "att nämnden begär ett tilläggsanslag på 1,3 mnkr för att säkra ﬁnansie-"),
    ("n", 0, "ringen. Jessica Lund föredrar ärendet."),
    ("blank", 0, ""),
    ("n", 0, "Yrkanden"),
    ("n", 0, "Ingvar Stål (SD) yrkar avslag på förvaltningens förslag."),
    ("n", 0, "Bengt Axelsson (S) yrkar bifall till förvaltningens förslag."),
    ("blank", 0, ""),
    ("n", 0, "Propositionsordning"),
    ("n", 0, "Ordföranden ställer proposition på bifall mot avslag och ﬁnner att"),
    ("n", 0, "nämnden bifaller förvaltningens förslag."),
    ("blank", 0, ""),
    ("n", 0, "Tekniska nämnden beslutar"),
    ("n", 0, "att hemställa hos kommunstyrelsen om tilläggsanslag på 1,3 mnkr för"),
    ("n", 0, "gång- och cykel"),
    ("n", 0, "vägen Ekeby–Kumla."),
    ("blank", 0, ""),
    ("n", 0, "Reservation"),
    ("n", 0, "Ingvar Stål (SD) reserverar sig mot beslutet."),
]

P3 = [
    ("b", 0, "KUMLA KOMMUN                     SAMMANTRÄDESPROTOKOLL          Sida 3 (4)"),
    ("n", 0, "Tekniska nämnden                  2018-05-23"),
    ("blank", 0, ""),
    ("h", 0, "§ 32  Vinterväghållning – uppföljning av säsongen 2017/2018"),
    ("n", 0, "                                                     Dnr TN 2018/19"),
    ("n", 0, "Jessica Lund redovisar säsongen 2017/2018. Det har varit 38 plogtill-"),
    ("n", 0, "fällen, mot normalt 25. Kostnaden blev 7,9 mnkr mot budgeterade"),
    ("n", 0, "5,5 mnkr. Underskottet redovisas i delårsrapporten."),
    ("blank", 0, ""),
    ("n", 0, "Tekniska nämnden beslutar"),
    ("n", 0, "att lägga uppföljningen till handlingarna."),
    ("blank", 0, ""),
    ("h", 0, "§ 33  VA-taxa 2019                                   Dnr TN 2018/52"),
    ("n", 0, "VA-ingenjör Tobias Ek redovisar förslag till VA-taxa för 2019. För att"),
    ("n", 0, "klara investeringarna i Kurnla reningsverk föreslås att bruknings-"),
    ("n", 0, "avgiften höjs med 5 procent. Anläggningsavgiften lämnas oförändrad."),
    ("blank", 0, ""),
    ("n", 0, "Tekniska nämnden beslutar"),
    ("n", 0, "att föreslå kommunfullmäktige att anta VA-taxa 2019 att gälla från"),
    ("n", 0, "och med 2019-01-01."),
    ("blank", 0, ""),
    ("h", 0, "§ 34  Anmälan av delegationsbeslut"),
    ("n", 0, "Förteckning över delegationsbeslut fattade under april 2018 redovisas."),
    ("blank", 0, ""),
    ("n", 0, "Tekniska nämnden beslutar"),
    ("n", 0, "att lägga anmälan till handlingarna."),
    ("blank", 0, ""),
    ("h", 0, "§ 35  Förvaltningschefens information"),
    ("n", 0, "Förvaltningschef Håkan Nyqvist informerar om att:"),
    ("n", 0, "- återvinningscentralen på Mosstorp öppnar efter ombyggnad måndagen"),
    ("n", 0, "  den 3 september 2018,"),
    ("n", 0, "- rekryteringen av ny parkchef är klar; Sara Holmgren börjar 2018-08-13,"),
    ("n", 0, "- förvaltningen ﬁck 14 synpunkter via e-tjänsten under april."),
    ("blank", 0, ""),
    ("n", 0, "Informationen noteras."),
]

P4 = [
    ("b", 0, "KUMLA KOMMUN                     SAMMANTRÄDESPROTOKOLL          Sida 4 (4)"),
    ("n", 0, "Tekniska nämnden                  2018-05-23"),
    ("blank", 0, ""),
    ("h", 0, "§ 36  Övriga frågor"),
    ("n", 0, "Roger Dahl (S) frågar om belysningen längs gångstråket runt Kumlasjön."),
    ("n", 0, "Jessica Lund återkommer med svar till nästa sammanträ-"),
    ("n", 0, "de."),
    ("blank", 0, ""),
    ("n", 0, "Nästa sammanträde hålls onsdagen den 20 juni 2018 kl. 18.00 i"),
    ("n", 0, "sammanträdesrum Hardemo."),
    ("blank", 0, ""),
    ("n", 0, "Ordföranden förklarar sammanträdet avslutat kl. 20.15."),
    ("blank", 0, ""),
    ("blank", 0, ""),
    ("n", 0, "Justerandes sign        Utdragsbestyrkande"),
    ("n", 0, "  LK  BA       ."),
]


class ScanPDF(FPDF):
    def footer(self):
        self.set_y(-12)
        self.set_font("serif", size=6.5)
        self.set_text_color(120, 120, 120)
        self.cell(0, 4, "Skannad av Kumla kommuns centralarkiv 2021-03-02  |  TN 2018 prot 5  |  OCR",
                  align="R")
        self.set_text_color(0, 0, 0)


def page(pdf, lines, stamp=False):
    pdf.add_page()
    # faint greyish 'paper' tone
    pdf.set_fill_color(248, 247, 243)
    pdf.rect(0, 0, 210, 297, style="F")
    pdf.set_xy(22, 18)
    for style, indent, text in lines:
        if style == "blank":
            pdf.ln(3.2)
            continue
        if style in ("b", "h"):
            pdf.set_font("serifb", size=10.5 if style == "h" else 9.5)
        else:
            pdf.set_font("serif", size=9.5)
        y = pdf.get_y()
        # place segments separated by 3+ spaces at the column they start in,
        # like an OCR engine that positions each word where it was scanned
        x_min = 0
        for m in re.finditer(r"\S+(?: {1,2}\S+)*", text):
            x = max(22 + indent + m.start() * 1.95, x_min)
            pdf.set_xy(x, y)
            pdf.cell(0, 5.2, m.group(0))
            x_min = x + pdf.get_string_width(m.group(0)) + 3
        pdf.set_xy(22, y + 5.2)
        if style == "h":
            pdf.ln(0.8)
    if stamp:
        with pdf.rotation(angle=12, x=150, y=60):
            pdf.set_draw_color(150, 40, 40)
            pdf.set_text_color(150, 40, 40)
            pdf.set_line_width(0.8)
            pdf.rect(125, 48, 56, 24)
            pdf.set_font("serifb", size=16)
            pdf.set_xy(125, 50)
            pdf.cell(56, 9, "JUSTERAT", align="C")
            pdf.set_font("serif", size=9)
            pdf.set_xy(125, 59)
            pdf.cell(56, 5, "2018-05-28", align="C")
            pdf.set_xy(125, 64)
            pdf.cell(56, 5, "LK / BA", align="C")
            pdf.set_text_color(0, 0, 0)
            pdf.set_draw_color(0, 0, 0)


def main():
    pdf = ScanPDF(format="A4")
    pdf.set_auto_page_break(False)
    pdf.add_font("serif", fname=FONT)
    pdf.add_font("serifb", fname=FONT_B)
    pdf.set_title("TN 2018-05-23 protokoll (skannad)")
    page(pdf, P1, stamp=True)
    page(pdf, P2)
    page(pdf, P3)
    page(pdf, P4)
    pdf.output(OUT)


if __name__ == "__main__":
    main()
