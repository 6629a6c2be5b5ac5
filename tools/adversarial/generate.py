#!/usr/bin/env python3
"""Generate the Masker adversarial PHI test set (python3 standard library only).

Writes, relative to the repository root:
  bootstrap/src/test/resources/phi/phi-adversarial.jsonl       (records, same format as phi-dev.jsonl)
  bootstrap/src/test/resources/phi/phi-adversarial.meta.jsonl  (template / mode / span sub-types)

Labels follow ../shared/fixtures/PHI-DEV.md. Every span is recorded while the text is built piece
by piece, and every record is self-checked before anything is written; any violation aborts.

usage: python3 tools/adversarial/generate.py [--out-dir DIR]
"""
import datetime
import json
import os
import random
import re
import sys
import unicodedata

SEED = 7310421
PREFIX = "adv"

KINDS = ["NAME", "ADDRESS", "CITY", "ZIP", "DOB", "DATE", "AGE", "PHONE", "FAX", "EMAIL", "SSN", "MRN",
         "HEALTH_PLAN", "ACCOUNT", "CARD", "LICENSE", "VEHICLE", "DEVICE", "URL", "IP"]

# --------------------------------------------------------------------------------------------------
# value pools (invented for this set)
# --------------------------------------------------------------------------------------------------
# population -> (female given, male given, family names, family names f-form, family names m-form)
POPS = {
    "hispanic": (
        ["Xiomara", "Yoloxóchitl", "Yesenia", "Maribel", "Araceli", "Xóchitl", "Citlali", "Marisol", "Rocío",
         "Dulce María", "Ximena", "Belén", "Eulalia", "María José", "Anahí"],
        ["Eleuterio", "Efraín", "Rigoberto", "Joaquín", "Heriberto", "Abelardo", "Leobardo", "Anacleto",
         "Nicanor", "Baltazar", "Fidencio", "Eliseo"],
        ["García-López", "Quispe-Huanca", "Villaseñor", "Echeverría", "Zúñiga", "Iturbide-Solís",
         "Montesdeoca", "de la Fuente", "Peñaloza", "Anzaldúa", "Cázares-Ugalde", "Barragán", "Olvera",
         "Sepúlveda", "Huerta-Mandujano", "Arámbula", "del Toro", "Ocampo"], None, None),
    "chinese": (
        ["Jiayi", "Ruoxi", "Shuhua", "Yuting", "Xinyue", "Qiuyan"],
        ["Zhiwei", "Haoran", "Junjie", "Guoqiang", "Haoyu", "Zhenhua"],
        ["Ouyang", "Quan", "Qiao", "Situ", "Gong", "Pei", "Rong", "Cen", "Zhuo"], None, None),
    "korean": (
        ["Ji-woo", "Ye-eun", "Min-ji", "Eun-ji", "Soo-ah"],
        ["Jae-won", "Kyung-soo", "Sung-min", "Hyun-woo", "Tae-hoon"],
        ["Byeon", "Gwak", "Yeom", "Jang", "Heo", "Byun", "Seong"], None, None),
    "japanese": (
        ["Akiko", "Haruka", "Chiharu", "Michiko", "Fumiko", "Sayuri"],
        ["Haruki", "Takeshi", "Kenjiro", "Shigeru", "Tetsuya", "Isamu"],
        ["Tsukamoto", "Higashiyama", "Kuroda", "Matsudaira", "Okabe", "Nishizawa", "Fujimura"], None, None),
    "south_asian": (
        ["Aishwarya", "Lakshmi", "Harpreet", "Nandini", "Shreya", "Tanvi", "Fatema", "Ishita", "Meenakshi"],
        ["Venkatesh", "Gurpreet", "Siddharth", "Prabhjot", "Ramesh", "Farhan", "Karthik", "Anirudh"],
        ["Subramaniam", "Chakraborty", "Raghunathan", "Thirumalai", "Bhattacharjee", "Sandhu",
         "Gokhale", "Iyengar", "Chowdhury", "Venkataraman", "Kulkarni", "Bhatnagar"], None, None),
    "african": (
        ["Adaeze", "Nkechi", "Abena", "Thandiwe", "Achieng", "Nyambura", "Yetunde", "Chiamaka",
         "Selamawit", "Fatoumata"],
        ["Chidubem", "Oluwaseun", "Kwabena", "Tendai", "Odhiambo", "Tesfaye", "Babajide", "Mamadou",
         "Sekou", "Obinna"],
        ["Okonkwo", "Ogunleye-Bankole", "Boateng", "Mwangi", "Alemayehu", "Diallo", "Ndiaye", "Onyekachi",
         "Nwachukwu-Ibe", "Asante", "Ogundipe", "Moyo", "Wanjiru"], None, None),
    "arabic": (
        ["Rania", "Layla", "Nour", "Hiba", "Dalia", "Yasmin", "Reem", "Samira"],
        ["Yousef", "Abdelrahman", "Tariq", "Bilal", "Karim", "Mahmoud", "Hamza", "Walid"],
        ["Al-Masri", "El-Gamal", "Haddad", "Bou Nassar", "Abu Ghazaleh", "Al-Rashidi", "Nasrallah",
         "Khoury", "Darwish", "Mansour", "Al-Hakim"], None, None),
    "east_european": (
        ["Kamila", "Małgorzata", "Bożena", "Zuzana", "Oksana", "Ludmila", "Dragana", "Milena", "Jadwiga",
         "Věra"],
        ["Radosław", "Grzegorz", "Jiří", "Oleksandr", "Bohdan", "Tomáš", "Miroslav", "Dušan", "Vasyl",
         "Zbigniew"],
        ["Kovalenko", "Shevchuk", "Petrović", "Jovanović", "Horvat", "Kowalczyk", "Bondarenko", "Paulauskas"],
        ["Červinková", "Wojciechowska", "Nováková", "Szczepańska", "Dvořáková", "Procházková"],
        ["Červinka", "Wojciechowski", "Novák", "Szczepański", "Dvořák", "Růžička"]),
    "filipino": (
        ["Maricel", "Rowena", "Ligaya", "Marites", "Jocelyn", "Ma. Lourdes", "Analyn", "Lorna"],
        ["Jerico", "Dindo", "Rodel", "Bienvenido", "Jomar", "Reynaldo", "Arnel"],
        ["Macaraeg", "Dimaculangan", "Bautista-Reyes", "Pangilinan", "Magbanua", "Dalisay", "Tolentino",
         "Manalastas", "Galang", "Sison"], None, None),
    "native_american": (
        ["Shandiin", "Nizhoni", "Kateri", "Winona", "Tahnee", "Delphine", "Chenoa"],
        ["Ahiga", "Marlon", "Dwayne", "Hoskie", "Tokala", "Elias"],
        ["Two Bulls", "Tsosie", "Begay", "Yazzie", "Benally", "Nakai", "Manuelito", "Kills Crow",
         "Whitehorse", "Littlebear", "Yellowhair", "Running Wolf"], None, None),
    "anglo": (
        ["Ottoline", "Henrietta", "Philippa", "Bernadette", "Imogen", "Marguerite", "Winifred", "Lavinia"],
        ["Cornelius", "Thaddeus", "Ambrose", "Lucian", "Percival", "Mortimer", "Barnaby", "Erasmus"],
        ["Fairweather", "Ashby", "Pennington", "Whitcombe", "O'Callaghan", "McTavish", "van der Berg",
         "Ten Eyck", "St. Aubyn", "Dunleavy", "Hargreave"], None, None),
}
# Vietnamese names are built family + middle + given ("Nguyễn Thị Mai").
VN_FAMILY = ["Nguyễn", "Trần", "Dương", "Trương", "Võ", "Quách", "Huỳnh", "Tạ", "Đỗ", "Hoàng", "Mạc", "Vũ", "Diệp", "Thân"]
VN_MID_F = ["Thị", "Ngọc", "Thanh", "Bích", "Minh"]
VN_MID_M = ["Văn", "Quốc", "Minh", "Hữu", "Thanh"]
VN_GIVEN_F = ["Nhung", "Châu", "Huyền", "Hân", "Thảo", "Trang", "Uyên", "Yến"]
VN_GIVEN_M = ["Hùng", "Bảo", "Tùng", "Khoa", "Phúc", "Dũng", "Quân", "Sơn"]
# first names that are also ordinary English words (only labeled when used as a name)
WORD_NAMES_M = ["Will", "Bill", "Mark", "Chase", "Sunny", "Rich"]
WORD_NAMES_F = ["Grace", "Hope", "April", "June", "Faith", "Joy", "Dawn", "Sunny"]
WORD_NAMES = WORD_NAMES_M + WORD_NAMES_F

CITIES = [("Española", "NM"), ("Cañon City", "CO"), ("Coeur d'Alene", "ID"), ("Winston-Salem", "NC"),
          ("Truth or Consequences", "NM"), ("St. Cloud", "MN"), ("Wilkes-Barre", "PA"),
          ("Sault Ste. Marie", "MI"), ("Kalamazoo", "MI"), ("Hialeah", "FL"), ("Brownsville", "TX"),
          ("Laredo", "TX"), ("Gallup", "NM"), ("Window Rock", "AZ"), ("Shiprock", "NM"), ("Bethel", "AK"),
          ("Kotzebue", "AK"), ("Hilo", "HI"), ("Kahului", "HI"), ("Yakima", "WA"), ("Lumberton", "NC"),
          ("Tyler", "TX"), ("Marion", "OH"), ("Eugene", "OR"), ("Victoria", "TX"), ("Temple", "TX"),
          ("Mobile", "AL"), ("Normal", "IL"), ("Independence", "MO"), ("Paradise", "NV"), ("Pine Ridge", "SD"),
          ("Hamtramck", "MI"), ("Westminster", "CA"), ("Fort Defiance", "AZ"), ("Passaic", "NJ"),
          ("Cupertino", "CA"), ("Sugar Land", "TX"), ("Minot", "ND"), ("Cicero", "IL"), ("Hickory", "NC"),
          ("Bowling Green", "KY"), ("Atlanta", "GA"), ("Moses Lake", "WA"), ("Weslaco", "TX"),
          ("Kyle", "TX"), ("Chandler", "AZ"), ("Lafayette", "LA"), ("Beaumont", "TX")]
STATE_NAMES = {"NM": "New Mexico", "CO": "Colorado", "ID": "Idaho", "NC": "North Carolina", "MN": "Minnesota",
               "PA": "Pennsylvania", "MI": "Michigan", "FL": "Florida", "TX": "Texas", "AZ": "Arizona",
               "AK": "Alaska", "HI": "Hawaii", "WA": "Washington", "OH": "Ohio", "OR": "Oregon",
               "AL": "Alabama", "IL": "Illinois", "MO": "Missouri", "NV": "Nevada", "SD": "South Dakota",
               "CA": "California", "NJ": "New Jersey", "ND": "North Dakota", "KY": "Kentucky", "GA": "Georgia",
               "LA": "Louisiana"}
STREETS = ["Calle Alameda", "Calle de los Milagros", "Via Tesoro", "Via Montecito", "Camino Escondido",
           "Avenida Cortez", "N Kessler Blvd", "Old Mill Rd", "Tamarack Ct", "Sweetgrass Trl",
           "Juniper Hollow Ln", "Piñon Ridge Dr", "W Saguaro Vista Way", "Bayou Teche Rd", "Loon Lake Dr",
           "Kamehameha Ave", "E Ridgecrest Pkwy", "Quarry Hill Rd", "Calle Sombra", "Via del Lago"]
EMAIL_DOMAINS = ["fastmail.com", "proton.me", "yahoo.com", "icloud.com", "outlook.com", "hotmail.com", "aol.com",
                 "comcast.net", "att.net", "gmx.us", "hey.com", "mail.com", "zoho.com", "sbcglobal.net"]
AREA_CODES = ["646", "832", "404", "505", "907", "808", "915", "956", "928", "701", "209", "313", "602",
              "347", "971", "240", "769", "678", "463", "512", "413", "973", "860", "503", "224", "337"]

CLINICS = ["Mercy Valley Health System", "Johns Hopkins", "Cedar Ridge Family Practice",
           "Lone Pine Community Clinic", "St. Brendan Medical Center", "Henry Ford Health", "Mayo Clinic",
           "Northfork Pediatrics", "Harbor Lights Dialysis", "Baylor Scott & White", "Loma Linda University Health",
           "Mount Sinai", "Desert Bloom Women's Health"]
INSURERS = ["Aetna", "Cigna", "Humana", "UnitedHealthcare", "Blue Cross Blue Shield of Texas", "Molina",
            "Ambetter", "Tricare", "Anthem", "Highmark", "WellCare", "Oscar", "Medicaid", "Medicare Advantage"]
CONDITIONS = ["chronic kidney disease", "Parkinson's disease", "Hashimoto's thyroiditis", "Crohn's disease",
              "Bell's palsy", "Graves' disease", "Cushing's syndrome", "Guillain-Barré syndrome",
              "Addison's disease", "Ménière's disease", "Barrett's esophagus", "Alzheimer's", "Hodgkin lymphoma",
              "type 2 diabetes", "atrial fibrillation", "COPD"]
SCORES = ["Framingham Risk Score", "Glasgow Coma Scale", "Apgar score", "Wells criteria", "CHA2DS2-VASc score",
          "Epley maneuver", "PHQ-9", "MELD score"]
COUNTRIES = ["Guatemala", "Nigeria", "Vietnam", "Poland", "the Philippines", "India", "Lebanon", "Ethiopia",
             "Ukraine", "Mexico", "South Korea", "the Czech Republic", "Kenya", "El Salvador"]
DOSES = ["metformin 500 mg twice a day", "lisinopril 10 mg daily", "atorvastatin 40 mg at bedtime",
         "Eliquis 5 mg BID", "insulin glargine 22 units nightly", "amoxicillin 875 mg q12h",
         "levothyroxine 88 mcg", "sertraline 50 milligrams", "Ozempic 0.25 mg weekly", "furosemide 40 mg",
         "prednisone 20 mg x5 days", "tamsulosin 0.4 mg", "carvedilol 6.25 mg"]
CPTS = ["99213", "99214", "93000", "80053", "36415", "90471", "G0439", "99397", "71046", "97110"]
ICDS = ["E11.9", "I10", "N18.3", "J45.909", "M54.50", "F41.1", "Z00.00", "E78.5", "G20", "I48.91", "K50.90"]
ROOMS = ["Room 4B", "Suite 210", "Exam 7", "Bay 12", "Room 311", "Pod C", "Suite 1400"]
TIMES = ["3:30 pm", "08:15", "10:45 AM", "noon", "7:05 a.m.", "16:40"]
LABS = ["BP 138/84", "A1c 7.2", "eGFR 48", "LDL 131", "temp 101.3 F", "wt 182 lb", "SpO2 94%", "HR 88",
        "K 5.1", "INR 2.4"]
PRICES = ["$125.50", "$40 copay", "$1,280.00", "$18.75", "$250 deductible"]
YOUNG_AGES_FMT = ["a 60-year-old female", "62yo F", "78 y/o M", "a 45-year-old male", "age 71", "84F", "a 7-year-old"]
SPELL_WORDS = {"A": "Apple", "B": "Boy", "C": "Charlie", "D": "David", "E": "Edward", "F": "Frank", "G": "George",
               "H": "Henry", "I": "Ida", "J": "John", "K": "King", "L": "Lincoln", "M": "Mary", "N": "Nancy",
               "O": "Ocean", "P": "Peter", "Q": "Queen", "R": "Robert", "S": "Sam", "T": "Tom", "U": "Union",
               "V": "Victor", "W": "William", "X": "X-ray", "Y": "Yellow", "Z": "Zebra"}

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
MON3 = [m[:3] for m in MONTHS]
MON_DOT = ["Jan.", "Feb.", "Mar.", "Apr.", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
ONES = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
        "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
ORD_ONES = ["", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
            "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth",
            "eighteenth", "nineteenth"]
ORD_TENS = {20: "twentieth", 30: "thirtieth"}


# --------------------------------------------------------------------------------------------------
# number words
# --------------------------------------------------------------------------------------------------
def two_words(n, hy):
    if n < 20:
        return ONES[n]
    t, o = divmod(n, 10)
    return TENS[t] if o == 0 else TENS[t] + ("-" if hy else " ") + ONES[o]


def int_words(n, hy, and_=False):
    if n < 100:
        return two_words(n, hy)
    h, r = divmod(n, 100)
    s = ONES[h] + " hundred"
    if r:
        s += (" and " if and_ else " ") + two_words(r, hy)
    return s


def pair_words(dd, hy):
    """'05' -> 'oh five', '84' -> 'eighty four'."""
    if dd[0] == "0":
        return "oh " + ONES[int(dd[1])]
    return two_words(int(dd), hy)


def triple_words(ddd, hy):
    """'621' -> 'six twenty one', '607' -> 'six oh seven', '600' -> 'six hundred'."""
    if ddd[1:] == "00":
        return ONES[int(ddd[0])] + " hundred"
    return ONES[int(ddd[0])] + " " + pair_words(ddd[1:], hy)


def ord_words(n, hy):
    if n < 20:
        return ORD_ONES[n]
    t, o = divmod(n, 10)
    if o == 0:
        return ORD_TENS[n * 1]
    return TENS[t] + ("-" if hy else " ") + ORD_ONES[o]


def ord_suffix(n):
    if 10 <= n % 100 <= 20:
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


def year_words(y, hy, rng):
    if 2000 <= y <= 2009:
        return "two thousand" + ("" if y == 2000 else rng.choice([" ", " and "]) + ONES[y - 2000])
    if 2010 <= y <= 2099:
        return rng.choice(["twenty ", "two thousand "]) + two_words(y - 2000, hy)
    hi, lo = divmod(y, 100)
    if lo == 0:
        return two_words(hi, hy) + " hundred"
    return two_words(hi, hy) + " " + (("oh " + ONES[lo]) if lo < 10 else two_words(lo, hy))


DIGW = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]


def digit_words(s, rng, zero="oh", doubles=False):
    out = []
    i = 0
    while i < len(s):
        c = s[i]
        z = (rng.choice(["oh", "zero"]) if zero == "mixed" else zero)
        w = z if c == "0" else DIGW[int(c)]
        if doubles and i + 2 < len(s) and s[i + 1] == c and s[i + 2] == c:
            out.append("triple " + w)
            i += 3
        elif doubles and i + 1 < len(s) and s[i + 1] == c:
            out.append("double " + w)
            i += 2
        else:
            out.append(w)
            i += 1
    return " ".join(out)


# --------------------------------------------------------------------------------------------------
# checksums
# --------------------------------------------------------------------------------------------------
def luhn_digit(payload):
    total = 0
    for i, ch in enumerate(reversed(payload)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return str((10 - total % 10) % 10)


def luhn_ok(num):
    return luhn_digit(num[:-1]) == num[-1]


VIN_TR = {**{str(i): i for i in range(10)}, "A": 1, "B": 2, "C": 3, "D": 4, "E": 5, "F": 6, "G": 7, "H": 8,
          "J": 1, "K": 2, "L": 3, "M": 4, "N": 5, "P": 7, "R": 9, "S": 2, "T": 3, "U": 4, "V": 5, "W": 6,
          "X": 7, "Y": 8, "Z": 9}
VIN_W = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2]


def vin_check(v):
    r = sum(VIN_TR[c] * w for c, w in zip(v, VIN_W)) % 11
    return "X" if r == 10 else str(r)


def dea_ok(d):
    n = [int(c) for c in d[2:]]
    return (n[0] + n[2] + n[4] + 2 * (n[1] + n[3] + n[5])) % 10 == n[6]


def gtin_check(body13):
    s = sum(int(c) * (3 if i % 2 == 0 else 1) for i, c in enumerate(reversed(body13)))
    return str((10 - s % 10) % 10)


# --------------------------------------------------------------------------------------------------
# helpers
# --------------------------------------------------------------------------------------------------
def fold(s):
    s = s.replace("đ", "d").replace("Đ", "D").replace("ł", "l").replace("Ł", "L")
    s = unicodedata.normalize("NFD", s)
    return "".join(c for c in s if not unicodedata.combining(c))


def pat(rng, p, letters="ABCDEFGHJKLMNPRSTUVWXYZ"):
    out = []
    for c in p:
        if c == "#":
            out.append(rng.choice("0123456789"))
        elif c == "@":
            out.append(rng.choice(letters))
        elif c == "?":
            out.append(rng.choice("0123456789" + letters))
        else:
            out.append(c)
    return "".join(out)


def cap_words(s):
    return " ".join(w[:1].upper() + w[1:] for w in s.split(" "))


STT_DROP = re.compile(r"[,.;:?!\"()\[\]]")


def stt_lit(s):
    s = re.sub(r"\$(\d[\d,]*)(?:\.(\d\d))?", lambda m: m.group(1).replace(",", "") + " dollars" +
               (" and " + m.group(2) + " cents" if m.group(2) and m.group(2) != "00" else ""), s)
    s = re.sub(r"(\d)\.(\d)", r"\1 point \2", s)
    s = re.sub(r"(\d):(\d\d)", r"\1 \2", s)
    s = s.replace("&", " and ").replace("%", " percent").replace("/", " ").replace("+", " plus ").replace("#", " number ")
    s = s.lower().replace("—", " ").replace(" - ", " ")
    s = re.sub(r"(?<=\w)-(?=\w)", " ", s)
    s = STT_DROP.sub("", s)
    s = re.sub(r" {2,}", " ", s)
    return s


def stt_val(s):
    s = s.lower().replace("-", " ").replace(".", "").replace(",", "")
    return re.sub(r" {2,}", " ", s).strip()


class Builder:
    def __init__(self, mode):
        self.mode = mode
        self.parts = []
        self.n = 0
        self.spans = []
        self.dist = []
        self.name_tokens = set()

    def _app(self, s):
        if not s:
            return
        if self.parts and self.parts[-1][-1:] in (" ", "\n") and s[0] == " ":
            s = s.lstrip(" ")
        if not self.parts:
            s = s.lstrip(" ")
        if s:
            self.parts.append(s)
            self.n += len(s)

    def t(self, s):
        if self.mode == "stt":
            s = stt_lit(s)
        self._app(s)
        return self

    def d(self, s, typ):
        """a look-alike (never labeled); recorded in meta as a distractor"""
        if self.mode == "stt":
            s = stt_lit(s)
        if self.parts and self.parts[-1][-1:] in (" ", "\n") and s[:1] == " ":
            s = s.lstrip(" ")
        st = self.n
        self._app(s)
        if s.strip():
            self.dist.append({"start": st, "end": self.n, "type": typ})
        return self

    def v(self, val, kind, sub):
        if isinstance(val, tuple):
            val, sub2 = val
            sub = sub or sub2
        assert kind in KINDS, kind
        if self.mode == "stt":
            assert val == val.lower() and not STT_DROP.search(val), (val, kind)
        st = self.n
        self.parts.append(val)
        self.n += len(val)
        self.spans.append({"start": st, "end": self.n, "kind": kind, "sub": sub, "value": val})
        if kind == "NAME":
            for tok in re.findall(r"[^\W\d_]{3,}", val):
                self.name_tokens.add(tok.lower())
        return self

    def text(self):
        return "".join(self.parts).rstrip()


# --------------------------------------------------------------------------------------------------
# persons and values
# --------------------------------------------------------------------------------------------------
class Person:
    def __init__(self, rng, pop=None, g=None, word_name=False):
        self.rng = rng
        self.pop = pop or rng.choice(list(POPS) + ["vietnamese", "vietnamese"])
        self.g = g or rng.choice("fm")
        self.mi = rng.choice("ABCDEFGHJKLMNPRSTVW")
        if self.pop == "vietnamese":
            self.family = rng.choice(VN_FAMILY)
            self.middle = rng.choice(VN_MID_F if self.g == "f" else VN_MID_M)
            self.given = rng.choice(VN_GIVEN_F if self.g == "f" else VN_GIVEN_M)
            self.mi = fold(self.middle)[0]
        else:
            fs, ms, lasts, lf, lm = POPS[self.pop]
            self.given = rng.choice(fs if self.g == "f" else ms)
            pool = lasts + ((lf if self.g == "f" else lm) or [])
            self.family = rng.choice(pool)
            self.middle = None
        if word_name:
            self.pop = "anglo"
            self.given = rng.choice(WORD_NAMES_F if self.g == "f" else WORD_NAMES_M)
            self.family = rng.choice(POPS["anglo"][2])
            self.middle = None

    def title(self):
        return "Ms." if self.g == "f" else "Mr."

    def full(self):
        if self.pop == "vietnamese":
            return f"{self.family} {self.middle} {self.given}"
        return f"{self.given} {self.family}"

    def name(self, form, mode="fmt"):
        """returns (surface, sub)"""
        g, f = self.given, self.family
        if form == "full":
            s = self.full()
        elif form == "western":  # given first even for Vietnamese
            s = f"{g} {f}"
        elif form == "mi":
            s = f"{g} {self.mi}. {f}"
        elif form == "first":
            s = g
        elif form == "last":
            s = f
        elif form == "init_last":
            s = f"{fold(g)[0]}. {f}"
        elif form == "init2_last":
            s = f"{fold(g)[0]}.{self.mi}. {f}"
        elif form == "last_first":
            s = f"{f}, {g}"
        elif form == "last_first_mi":
            s = f"{f}, {g} {self.mi}"
        elif form == "LAST_FIRST":
            s = f"{fold(f).upper()}, {fold(g).upper()}"
        elif form == "hl7":
            s = f"{fold(f).upper()}^{fold(g).upper()}^{self.mi}"
        elif form == "x12":
            s = f"{fold(f).upper()}*{fold(g).upper()}*{self.mi}"
        elif form == "ascii":
            s = fold(self.full())
        else:
            raise ValueError(form)
        if mode == "stt":
            s = stt_val(s)
        acc = "_accented" if fold(s) != s else ""
        return s, f"name_{form}{acc}:{self.pop}"

    def spelled(self, mode, rng):
        w = re.sub(r"[^A-Za-z]", "", fold(self.family)).upper()
        if mode == "stt":
            return " ".join(w.lower()), "name_spelled_spaces"
        if mode == "spoken" and rng.random() < 0.5:
            parts = [f"{w[0]} as in {SPELL_WORDS[w[0]]}"] + list(w[1:])
            return ", ".join(parts), "name_spelled_as_in"
        return "-".join(w), "name_spelled_dash"

    def email(self, rng):
        g = re.sub(r"[^a-z]", "", fold(self.given).lower())
        f = re.sub(r"[^a-z]", "", fold(self.family).lower())
        n = str(rng.randint(2, 99))
        form = rng.choice(["{g}.{f}", "{g0}_{f}", "{f}-{g}", "{g}{f}{n}", "{g0}.{f}{n}", "{g}_{f}", "{f}.{g0}"])
        local = form.format(g=g, f=f, g0=g[0], n=n)
        return f"{local}@{rng.choice(EMAIL_DOMAINS)}"


def email_value(p, rng, mode):
    addr = p.email(rng)
    if mode == "fmt":
        return addr, "email_fmt"
    local, dom = addr.split("@")
    dot_w = rng.choice(["dot", "period"])
    dash_w = rng.choice(["dash", "hyphen"])
    at_w = rng.choice(["at", "at sign"])
    out = []
    for tok in re.split(r"([._\-]|\d+)", local):
        if tok == ".":
            out.append(dot_w)
        elif tok == "_":
            out.append("underscore")
        elif tok == "-":
            out.append(dash_w)
        elif tok.isdigit():
            out.append(digit_words(tok, rng))
        elif tok:
            out.append(tok)
    out.append(at_w)
    dparts = dom.split(".")
    out.append(f" {rng.choice(['dot', 'period'])} ".join(dparts))
    s = " ".join(out)
    sub = "email_spoken" + ("_atsign" if at_w == "at sign" else "") + ("_underscore" if "_" in local else "") + \
          ("_" + dash_w if "-" in local else "")
    return s, sub


def phone_num(rng):
    return rng.choice(AREA_CODES) + str(rng.randint(2, 9)) + pat(rng, "##") + pat(rng, "####")


def phone_fmt(num, style, ext=None):
    a, e, l = num[:3], num[3:6], num[6:]
    s = {"paren": f"({a}) {e}-{l}", "dot": f"{a}.{e}.{l}", "plus1_space": f"+1 {a} {e} {l}",
         "e164": f"+1{num}", "dash": f"{a}-{e}-{l}", "one_dash": f"1-{a}-{e}-{l}",
         "plus1_dash": f"+1-{a}-{e}-{l}", "paren_nospace": f"({a}){e}-{l}", "plus1_dot": f"+1.{a}.{e}.{l}",
         "space": f"{a} {e} {l}"}[style]
    if ext:
        s += ext
    return s


def phone_value(rng, mode, styles=None, ext_p=0.2, num=None, prefix="phone"):
    num = num or phone_num(rng)
    if mode == "fmt":
        style = rng.choice(styles or ["paren", "dot", "plus1_space", "e164", "dash", "one_dash", "plus1_dash",
                                      "paren_nospace", "plus1_dot"])
        ext = None
        if rng.random() < ext_p:
            x = pat(rng, rng.choice(["##", "###", "####"])).lstrip("0") or "7"
            ext = rng.choice([f" x{x}", f" ext. {x}", f" ext {x}", f" Ext. {x}"])
            style += "_ext"
        return phone_fmt(num, style.replace("_ext", ""), ext), f"{prefix}_{style}"
    hy = mode == "spoken" and rng.random() < 0.5
    sep = ", " if mode == "spoken" else " "
    a, e, l = num[:3], num[3:6], num[6:]
    style = rng.choice(styles or ["digits", "pairs", "double", "dash", "plus1", "hundred"])
    if style == "double":
        l = l[0] + l[1] + l[1] + l[3]
        e = e[0] + e[1] + e[1]
    if style == "hundred":
        l = str(rng.choice([x for x in range(11, 100) if x % 10])) + "00"
    ga, ge = digit_words(a, rng), digit_words(e, rng)
    if style == "digits":
        s = sep.join([ga, ge, digit_words(l, rng)])
    elif style == "pairs":
        s = sep.join([ga, ge, pair_words(l[:2], hy) + " " + pair_words(l[2:], hy)])
    elif style == "double":
        s = sep.join([ga, digit_words(e, rng, doubles=True), digit_words(l, rng, doubles=True)])
    elif style == "dash":
        s = " dash ".join([ga, ge, digit_words(l, rng)])
    elif style == "plus1":
        s = rng.choice(["plus one", "one"]) + sep + sep.join([ga, ge, pair_words(l[:2], hy) + " " + pair_words(l[2:], hy)])
    elif style == "hundred":
        s = sep.join([ga, ge, two_words(int(l[:2]), hy) + " hundred" if l[0] != "0" else digit_words(l, rng)])
    else:
        raise ValueError(style)
    if rng.random() < ext_p:
        s += " extension " + digit_words(pat(rng, "#") + pat(rng, "##"), rng)
        style += "_ext"
    return s, f"{prefix}_spoken_{style}"


def local7_value(rng, mode):
    l = "01" + pat(rng, "##")
    if mode == "fmt":
        return f"555-{l}", "phone_local7"
    sep = ", " if mode == "spoken" else " "
    return f"five five five{sep}{digit_words(l, rng)}", "phone_local7_spoken"


def ssn_digits(rng):
    while True:
        a = rng.randint(1, 899)
        if a != 666:
            break
    return f"{a:03d}", f"{rng.randint(1, 99):02d}", f"{rng.randint(1, 9999):04d}"


def ssn_value(rng, mode, last4=False):
    a, g, s = ssn_digits(rng)
    hy = mode == "spoken" and rng.random() < 0.6
    if last4:
        if mode == "fmt":
            return s, "ssn_last4"
        return (pair_words(s[:2], hy) + " " + pair_words(s[2:], hy) if rng.random() < 0.5 else digit_words(s, rng)), \
            "ssn_last4_spoken"
    if mode == "fmt":
        st = rng.choice(["dash", "space", "plain"])
        return {"dash": f"{a}-{g}-{s}", "space": f"{a} {g} {s}", "plain": a + g + s}[st], "ssn_" + st
    sep = ", " if mode == "spoken" else " "
    if rng.random() < 0.5:
        return sep.join([triple_words(a, hy), pair_words(g, hy), pair_words(s[:2], hy) + " " + pair_words(s[2:], hy)]), \
            "ssn_spoken_groups"
    return sep.join([digit_words(a, rng), digit_words(g, rng), digit_words(s, rng, doubles=rng.random() < 0.3)]), \
        "ssn_spoken_digits"


def rand_date(rng, y0, y1):
    y = rng.randint(y0, y1)
    m = rng.randint(1, 12)
    d = rng.randint(1, 28 if m == 2 else (30 if m in (4, 6, 9, 11) else 31))
    return datetime.date(y, m, d)


FMT_DATE_FULL = ["iso", "mdy_slash", "mdy_slash_nopad", "dmy_dot", "dmy_upper", "dmy_ord", "mdy_apos", "mdy_long",
                 "dmy_abbr_dash", "mdy_abbr_dot", "mdy_dash2", "dmy_long"]
FMT_DATE_PART = ["md_slash", "dm_long", "md_long", "md_ord", "my_long", "md_abbr_dot"]
SPK_DATE_FULL = ["spk_mdy_ord", "spk_mdy_card", "spk_slash", "spk_digits", "spk_ord_of_y", "spk_dmy"]
SPK_DATE_PART = ["spk_md_ord", "spk_month_the", "spk_ord_of", "spk_my", "spk_md_card"]


def date_str(d, style, mode, rng):
    y, m, dd = d.year, d.month, d.day
    M = MONTHS[m - 1]
    if style == "iso":
        s = d.isoformat()
    elif style == "mdy_slash":
        s = f"{m:02d}/{dd:02d}/{y}"
    elif style == "mdy_slash_nopad":
        s = f"{m}/{dd}/{y}"
    elif style == "md_slash":
        s = f"{m}/{dd}"
    elif style == "dmy_dot":
        s = f"{dd:02d}.{m:02d}.{y}"
    elif style == "dmy_upper":
        s = f"{dd:02d}{MON3[m - 1].upper()}{y}"
    elif style == "dmy_ord":
        s = f"{dd}{ord_suffix(dd)} {M} {y}"
    elif style == "dmy_long":
        s = f"{dd} {M} {y}"
    elif style == "dm_long":
        s = f"{dd} {M}"
    elif style == "mdy_apos":
        s = f"{MON3[m - 1]} {dd} '{y % 100:02d}"
    elif style == "yyyymmdd":
        s = f"{y}{m:02d}{dd:02d}"
    elif style == "mdy_long":
        s = f"{M} {dd}, {y}"
    elif style == "md_long":
        s = f"{M} {dd}"
    elif style == "md_ord":
        s = f"{M} {dd}{ord_suffix(dd)}"
    elif style == "md_abbr_dot":
        s = f"{MON_DOT[m - 1]} {dd}"
    elif style == "dmy_abbr_dash":
        s = f"{dd:02d}-{MON3[m - 1]}-{y}"
    elif style == "mdy_abbr_dot":
        s = f"{MON_DOT[m - 1]} {dd}, {y}"
    elif style == "mdy_dash2":
        s = f"{m}-{dd}-{y % 100:02d}"
    elif style == "my_long":
        s = f"{M} {y}"
    else:
        hy = mode == "spoken" and rng.random() < 0.5
        cm = ", " if mode == "spoken" else " "
        if style == "spk_mdy_ord":
            s = f"{M} {ord_words(dd, hy)}{cm}{year_words(y, hy, rng)}"
        elif style == "spk_mdy_card":
            s = f"{M} {two_words(dd, hy)} {year_words(y, hy, rng)}"
        elif style == "spk_slash":
            s = f"{two_words(m, hy)} slash {two_words(dd, hy)} slash {pair_words(f'{y % 100:02d}', hy)}"
        elif style == "spk_digits":
            s = f"{pair_words(f'{m:02d}', hy)} {pair_words(f'{dd:02d}', hy)} {pair_words(f'{y % 100:02d}', hy)}"
        elif style == "spk_ord_of_y":
            s = f"{ord_words(dd, hy)} of {M}{cm}{year_words(y, hy, rng)}"
        elif style == "spk_dmy":
            s = f"{two_words(dd, hy)} {M} {year_words(y, hy, rng)}"
        elif style == "spk_md_ord":
            s = f"{M} {ord_words(dd, hy)}"
        elif style == "spk_md_card":
            s = f"{M} {two_words(dd, hy)}"
        elif style == "spk_month_the":
            s = f"{M} the {ord_words(dd, hy)}"
        elif style == "spk_ord_of":
            s = f"{ord_words(dd, hy)} of {M}"
        elif style == "spk_my":
            s = f"{M} {year_words(y, hy, rng)}"
        else:
            raise ValueError(style)
        if mode == "stt":
            s = stt_val(s)
    return s


def dob_value(rng, mode, styles=None, d=None):
    d = d or rand_date(rng, 1926, 2016)
    if mode == "fmt":
        st = rng.choice(styles or FMT_DATE_FULL)
    else:
        st = rng.choice(styles or SPK_DATE_FULL)
    return date_str(d, st, mode, rng), "dob_" + st


def date_value(rng, mode, styles=None, d=None):
    d = d or rand_date(rng, 2022, 2025)
    if mode == "fmt":
        st = rng.choice(styles or (FMT_DATE_FULL + FMT_DATE_PART))
    else:
        st = rng.choice(styles or (SPK_DATE_FULL[:2] + SPK_DATE_PART))
    return date_str(d, st, mode, rng), "date_" + st


def age90_value(rng, mode):
    n = rng.choice([90, 91, 92, 93, 94, 95, 96, 97, 98, 99, 100, 101, 102, 103])
    if mode == "fmt":
        return str(n), "age_digits"
    hy = mode == "spoken" and rng.random() < 0.5
    return int_words(n, hy, and_=rng.random() < 0.5), "age_words"


def zip_value(rng, mode, plus4=None):
    z = pat(rng, "#####")
    if z[0] == "0":
        z = "7" + z[1:]
    p4 = pat(rng, "####") if (plus4 if plus4 is not None else rng.random() < 0.35) else None
    if mode == "fmt":
        return (z + ("-" + p4 if p4 else "")), ("zip9" if p4 else "zip5")
    s = digit_words(z, rng)
    if p4:
        s += " dash " + digit_words(p4, rng)
    return s, ("zip9_spoken" if p4 else "zip5_spoken")


def city_value(city, mode):
    if mode == "fmt":
        return city, "city" + ("_accented" if fold(city) != city else "") + ("_multiword" if " " in city else "")
    s = city.replace("St. ", "Saint ").replace("Ste. ", "Sainte ")
    if mode == "stt":
        s = stt_val(s)
    return s, "city_spoken"


def house_no(rng):
    return str(rng.choice([rng.randint(2, 99), rng.randint(100, 999), rng.randint(1000, 9999), rng.randint(10000, 29999)]))


def address_value(rng, mode, style=None, upper=False):
    style = style or rng.choice(["street", "apt", "unit", "hash", "rr", "hc", "pobox", "county", "grid"])
    hn = house_no(rng)
    st = rng.choice(STREETS)
    unit = rng.choice(["3", "5B", "12", "2F", "410", "C"])
    if mode == "fmt":
        s = {"street": f"{hn} {st}", "apt": f"{hn} {st} Apt {unit}", "unit": f"{hn} {st} Unit {unit}",
             "hash": f"{hn} {st} #{pat(rng, '###')}", "rr": f"RR {rng.randint(1, 9)} Box {rng.randint(10, 399)}",
             "hc": f"HC {rng.randint(60, 89)} Box {rng.randint(100, 9999)}",
             "pobox": rng.choice(["PO Box ", "P.O. Box "]) + str(rng.randint(100, 99999)),
             "county": f"{hn} County Road {rng.randint(2, 540)}",
             "grid": f"{rng.choice('NSEW')}{rng.randint(1000, 9999)} {rng.choice(['Birch Ln', 'Cty Rd K', 'Hwy 64'])}"}[style]
        if upper:
            s = fold(s).upper().replace("P.O.", "PO")
        return s, "addr_" + style
    hy = mode == "spoken" and rng.random() < 0.5
    cm = ", " if mode == "spoken" else " "

    def num_sp(n):
        n = str(n)
        if len(n) == 4 and n[2] != "0":
            return two_words(int(n[:2]), hy) + " " + two_words(int(n[2:]), hy)
        if len(n) <= 2:
            return two_words(int(n), hy)
        return digit_words(n, rng)

    def unit_sp(u):
        if u.isdigit():
            return two_words(int(u), hy) if len(u) <= 2 else digit_words(u, rng)
        return " ".join(DIGW[int(c)] if c.isdigit() else c for c in u)

    stw = st.replace("Blvd", "Boulevard").replace("Rd", "Road").replace("Ct", "Court").replace("Trl", "Trail")
    stw = stw.replace("Ln", "Lane").replace("Dr", "Drive").replace("Pkwy", "Parkway").replace("Ave", "Avenue")
    stw = re.sub(r"^N ", "North ", stw)
    stw = re.sub(r"^E ", "East ", stw)
    stw = re.sub(r"^W ", "West ", stw)
    style = rng.choice(["street", "apt", "unit", "rr", "pobox"]) if style in ("hash", "hc", "grid", "county") else style
    if style == "street":
        s = f"{num_sp(hn)} {stw}"
    elif style == "apt":
        s = f"{num_sp(hn)} {stw}{cm}apartment {unit_sp(unit)}"
    elif style == "unit":
        s = f"{num_sp(hn)} {stw}{cm}unit {unit_sp(unit)}"
    elif style == "rr":
        s = f"rural route {ONES[rng.randint(1, 9)]} box {num_sp(rng.randint(10, 99))}"
    else:
        s = f"P O box {num_sp(rng.randint(1000, 9999))}"
    if mode == "stt":
        s = stt_val(s)
    return s, "addr_spoken_" + style


def id_spoken(idstr, mode, rng, dash=True):
    out = []
    for c in idstr:
        if c.isdigit():
            out.append(DIGW[int(c)] if c != "0" else rng.choice(["oh", "zero"]))
        elif c.isalpha():
            out.append(c.upper() if mode == "spoken" else c.lower())
        elif c == "-" and dash:
            out.append("dash")
    return " ".join(out)


def mrn_raw(rng):
    st = rng.choice(["HJ-#######", "M########", "#########", "CH######", "E-####-####", "##-###-###", "MV#######",
                     "P#######", "###-##-####"])
    return pat(rng, st.replace("HJ", rng.choice(["HJ", "KR", "TX", "QA"]))), "mrn:" + st


def mbi(rng):
    L = "ACDEFGHJKMNPQRTUVWXY"
    AN = L + "0123456789"
    s = (rng.choice("123456789") + rng.choice(L) + rng.choice(AN) + rng.choice("0123456789") + rng.choice(L) +
         rng.choice(AN) + rng.choice("0123456789") + rng.choice(L) + rng.choice(L) + rng.choice("0123456789") +
         rng.choice("0123456789"))
    return s


def plan_raw(rng):
    k = rng.choice(["mbi_dash", "mbi", "member", "member2", "medicaid", "sub"])
    if k == "mbi_dash":
        m = mbi(rng)
        return f"{m[:4]}-{m[4:7]}-{m[7:]}", "plan:mbi_dash"
    if k == "mbi":
        return mbi(rng), "plan:mbi"
    if k == "member":
        return pat(rng, "@@@#########"), "plan:@@@#########"
    if k == "member2":
        return pat(rng, "@#########-0#"), "plan:@#########-0#"
    if k == "medicaid":
        return pat(rng, "########@"), "plan:medicaid"
    return pat(rng, "ZG#-####-####"), "plan:ZG#-####-####"


def account_raw(rng):
    st = rng.choice(["G########", "##########", "PA-#######", "####-####-##", "A#########", "B-######-#"])
    return pat(rng, st), "acct:" + st


def card_raw(rng):
    k = rng.choice(["visa", "mc", "mc2", "amex", "disc"])
    if k == "visa":
        body = "4" + pat(rng, "##############")
    elif k == "mc":
        body = "5" + rng.choice("12345") + pat(rng, "#############")
    elif k == "mc2":
        body = "22" + rng.choice(["23", "45", "71"]) + pat(rng, "###########")
    elif k == "amex":
        body = "3" + rng.choice("47") + pat(rng, "############")
    else:
        body = "6011" + pat(rng, "###########")
    num = body + luhn_digit(body)
    assert luhn_ok(num)
    if k == "amex":
        groups = [num[:4], num[4:10], num[10:]]
    else:
        groups = [num[i:i + 4] for i in range(0, 16, 4)]
    return num, groups, "card_" + k


def card_value(rng, mode):
    num, groups, sub = card_raw(rng)
    if mode == "fmt":
        sep = rng.choice([" ", "-", ""])
        return sep.join(groups), sub + ("_" + {" ": "space", "-": "dash", "": "plain"}[sep])
    sep = ", " if mode == "spoken" else " "
    return sep.join(digit_words(g, rng, zero="zero") for g in groups), sub + "_spoken"


def npi(rng):
    p9 = rng.choice("12") + pat(rng, "########")
    n = p9 + luhn_digit("80840" + p9)
    assert luhn_ok("80840" + n)
    return n


def dea(rng, last):
    a = rng.choice("ABFGM")
    b = (re.sub(r"[^A-Z]", "", fold(last).upper()) or "X")[0]
    d = [rng.randint(0, 9) for _ in range(6)]
    c = (d[0] + d[2] + d[4] + 2 * (d[1] + d[3] + d[5])) % 10
    s = a + b + "".join(map(str, d)) + str(c)
    assert dea_ok(s)
    return s


def dl_raw(rng):
    st = rng.choice(["@###-####-####", "@#######", "### ### ###", "@##-###-###-###", "########", "@@######"])
    return pat(rng, st), "dl:" + st


WMI = ["1HG", "1FT", "2T1", "3VW", "5YJ", "JTD", "KMH", "1G1", "WBA", "4T1", "1C4", "JN8"]
VIN_CH = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789"


def vin(rng):
    v = rng.choice(WMI) + "".join(rng.choice(VIN_CH) for _ in range(5)) + "0" + rng.choice("LMNPRS") + \
        rng.choice("ABCDEFGHJKLMNPRSTUVWXYZ0123456789") + pat(rng, "######")
    v = v[:8] + vin_check(v) + v[9:]
    assert vin_check(v) == v[8]
    return v


def plate(rng):
    st = rng.choice(["#@@@###", "@@@-####", "@@@ ####", "###-@@@", "#@@@@##"])
    return pat(rng, st, letters="ABCDEFGHJKLMNPRSTUVWXYZ"), "plate:" + st


def serial(rng):
    st = rng.choice(["@@@##@#######", "@@-#@##-#####", "##@@#####", "@#######@", "SN####@@####"])
    return pat(rng, st), "serial:" + st


def udi(rng):
    body = "0" + pat(rng, "############")
    g = body + gtin_check(body)
    exp = f"{rng.randint(25, 29)}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}"
    return f"(01){g}(17){exp}(10){pat(rng, '@####')}", "udi_gs1"


def url_value(p, rng, mode):
    g = re.sub(r"[^a-z]", "", fold(p.given).lower())
    f = re.sub(r"[^a-z]", "", fold(p.family).lower())
    k = rng.choice(["facebook", "instagram", "gofundme", "caringbridge", "linkedin", "site", "tiktok"])
    u = {"facebook": f"facebook.com/{g}.{f}.{rng.randint(1, 99)}",
         "instagram": f"instagram.com/{g}_{f[:4]}",
         "gofundme": f"https://www.gofundme.com/f/help-{g}-{f}-recover",
         "caringbridge": f"www.caringbridge.org/visit/{g}{f}",
         "linkedin": f"linkedin.com/in/{g}-{f}-{pat(rng, '#@#', letters='abcdef')}",
         "site": f"{g}{f}.net",
         "tiktok": f"tiktok.com/@{g}.{f[:3]}"}[k]
    if mode == "fmt":
        return u, "url_" + k
    u = re.sub(r"^https://www\.", "", u).replace("www.", "")
    out = []
    for tok in re.split(r"([./_\-@])", u):
        out.append({".": "dot", "/": "slash", "_": "underscore", "-": "dash", "@": "at"}.get(tok, tok)
                   if tok in "./_-@" and tok else (digit_words(tok, rng) if tok.isdigit() else tok))
    return " ".join(x for x in out if x), "url_spoken_" + k


def ipv4(rng):
    first = rng.choice([24, 47, 66, 67, 68, 71, 73, 75, 98, 99, 104, 107, 108, 173, 174, 184])
    return [first, rng.randint(0, 255), rng.randint(0, 255), rng.randint(1, 254)]


def ip_value(rng, mode):
    o = ipv4(rng)
    if mode == "fmt":
        if rng.random() < 0.4:
            s = f"2601:{pat(rng, '#@#', letters='abcdef')}:{pat(rng, '####')}:{pat(rng, '#@#', letters='abcdef')}::{pat(rng, '@#', letters='abcdef')}"
            return s, "ipv6"
        return ".".join(map(str, o)), "ipv4"
    hy = mode == "spoken" and rng.random() < 0.5
    if rng.random() < 0.5:
        parts = [digit_words(str(x), rng) for x in o]
        sub = "ipv4_spoken_digits"
    else:
        parts = [(triple_words(str(x), hy) if x >= 100 else two_words(x, hy)) for x in o]
        sub = "ipv4_spoken_numbers"
    return " point ".join(parts), sub


# --------------------------------------------------------------------------------------------------
# look-alike snippets
# --------------------------------------------------------------------------------------------------
def look(rng, b, kinds=None):
    """append one look-alike phrase (with its own leading space) as a distractor"""
    k = rng.choice(kinds or ["dose", "time", "room", "cpt", "icd", "clinic", "cond", "score", "insurer", "price",
                             "lab", "young", "year"])
    if k == "dose":
        b.d(" " + rng.choice(DOSES), "dose")
    elif k == "time":
        b.d(" at " + rng.choice(TIMES), "time")
    elif k == "room":
        b.d(" in " + rng.choice(ROOMS), "room")
    elif k == "cpt":
        b.d(" CPT " + rng.choice(CPTS), "cpt")
    elif k == "icd":
        b.d(" dx " + rng.choice(ICDS), "icd10")
    elif k == "clinic":
        b.d(" at " + rng.choice(CLINICS), "clinic")
    elif k == "cond":
        b.d(" history of " + rng.choice(CONDITIONS), "condition")
    elif k == "score":
        b.d(" (" + rng.choice(SCORES) + " reviewed)", "eponym")
    elif k == "insurer":
        b.d(" via " + rng.choice(INSURERS), "insurer")
    elif k == "price":
        b.d(" balance " + rng.choice(PRICES), "price")
    elif k == "lab":
        b.d(" " + rng.choice(LABS), "lab")
    elif k == "young":
        b.d(" " + rng.choice(YOUNG_AGES_FMT), "age_under_90")
    elif k == "year":
        b.d(" since " + str(rng.randint(1995, 2023)), "year")
    return b


REL_G = {"daughter": "f", "son": "m", "spouse": None, "niece": "f", "nephew": "m", "neighbor": None, "grandson": "m",
         "granddaughter": "f", "wife": "f", "husband": "m", "sister": "f", "brother": "m", "mother": "f", "father": "m"}


def relative(rng, choices, pop=None):
    r = rng.choice(choices)
    return r, Person(rng, pop=pop, g=REL_G[r])


def dr(rng, mode="fmt"):
    return rng.choice(["Dr. ", "Dr. ", "Doctor "]) if mode != "stt" else "doctor "


# ==================================================================================================
# families. Each returns (role, builder, variant)
# ==================================================================================================
def fam_json(rng, mode, nophi):
    b = Builder("fmt")
    if nophi:
        v = rng.randint(1, 4)
        if v == 1:
            b.t('check_coverage({"cpt":"').d(rng.choice(CPTS), "cpt").t('","icd10":["').d(rng.choice(ICDS), "icd10")
            b.t('","').d(rng.choice(ICDS), "icd10").t('"],"payer":"').d(rng.choice(INSURERS), "insurer")
            b.t('","state":"').d(rng.choice(list(STATE_NAMES)), "state").t('","copay_usd":').d("25.00", "price").t("})")
        elif v == 2:
            b.t('{"tool":"find_slots","args":{"clinic":"').d(rng.choice(CLINICS), "clinic").t('","room":"')
            b.d(rng.choice(ROOMS), "room").t('","weekday":"').d(rng.choice(WEEKDAYS), "weekday")
            b.t('","after":"').d(rng.choice(["15:30", "08:00", "13:15"]), "time").t('","duration_min":').d(str(rng.choice([15, 20, 40])), "count").t("}}")
        elif v == 3:
            b.t('refill_request({"drug":"').d(rng.choice(["metformin", "lisinopril", "Eliquis", "sertraline"]), "drug")
            b.t('","dose":"').d(rng.choice(["500 mg", "10 mg", "5 mg BID", "50 mg"]), "dose")
            b.t('","days_supply":').d("90", "count").t(',"refills":').d(str(rng.randint(0, 5)), "count")
            b.t(',"patient_age":').d(str(rng.randint(19, 89)), "age_under_90").t(',"dob_verified":true}')
        else:
            b.t('{"name":"log_call","arguments":"{\\"reason\\":\\"').d(rng.choice(CONDITIONS), "condition")
            b.t('\\",\\"risk\\":\\"').d(rng.choice(SCORES), "eponym").t(' 14%\\",\\"app_version\\":\\"')
            b.d(f"4.{rng.randint(0, 9)}.{rng.randint(0, 9)}", "version").t('\\"}"}')
        return "assistant", b, f"n{v}"
    p = Person(rng)
    v = rng.randint(1, 8)
    if v == 7:
        b.t('{"tool":"save_contact","args":{"name":"').v(p.name(rng.choice(["full", "ascii"])), "NAME", None)
        b.t('","relation":"caregiver","profile_url":"').v(url_value(p, rng, "fmt"), "URL", None).t('","verified":false}}')
        return "assistant", b, str(v)
    if v == 8:
        b.t('take_payment({"amount":"').d(rng.choice(PRICES).split(" ")[0], "price").t('","card_number":"')
        b.v(card_value(rng, "fmt"), "CARD", None).t('","billing_zip":"').v(zip_value(rng, "fmt", False), "ZIP", None)
        b.t('","account":"').v(account_raw(rng), "ACCOUNT", None).t('"})')
        return "assistant", b, str(v)
    if v == 1:
        b.t('lookup_patient({"patient_name":"').v(p.name(rng.choice(["full", "mi", "western"])), "NAME", None)
        b.t('","dob":"').v(dob_value(rng, "fmt", ["iso"]), "DOB", None).t('","phone":"')
        b.v(phone_value(rng, "fmt", ["plus1_space", "e164", "dot"], 0), "PHONE", None).t('"})')
    elif v == 2:
        prov = Person(rng)
        b.t('{"type":"function","name":"book_appointment","arguments":"{\\"patient\\":\\"')
        b.v(p.name("full"), "NAME", None).t('\\",\\"date\\":\\"').v(date_value(rng, "fmt", ["iso"]), "DATE", None)
        b.t('\\",\\"time\\":\\"').d(rng.choice(["15:30", "09:45", "11:00"]), "time").t('\\",\\"provider\\":\\"Dr. ')
        b.v(prov.name(rng.choice(["init_last", "init2_last", "last"])), "NAME", None).t('\\",\\"room\\":\\"')
        b.d(rng.choice(ROOMS), "room").t('\\"}"}')
    elif v == 3:
        b.t('{"caller":{"first_name":"').v(p.name("first"), "NAME", None).t('","last_name":"').v(p.name("last"), "NAME", None)
        b.t('","age":').v(age90_value(rng, "fmt"), "AGE", None).t('},"callback":{"number":"')
        b.v(phone_value(rng, "fmt", ["e164"], 0), "PHONE", None).t('","type":"mobile"},"reason":"')
        b.d(rng.choice(CONDITIONS), "condition").t(' follow-up"}')
    elif v == 4:
        b.t('update_demographics({"mrn":"').v(mrn_raw(rng), "MRN", None).t('","email":"').v(p.email(rng), "EMAIL", "email_fmt")
        b.t('","address":{"line1":"').v(address_value(rng, "fmt"), "ADDRESS", None).t('","city":"')
        city, stt = rng.choice(CITIES)
        b.v(city_value(city, "fmt"), "CITY", None).t(f'","state":"{stt}","zip":"').v(zip_value(rng, "fmt"), "ZIP", None)
        b.t('"}})')
    elif v == 5:
        b.t('verify_identity({"ssn_last4":"').v(ssn_value(rng, "fmt", last4=True), "SSN", None)
        b.t('","member_id":"').v(plan_raw(rng), "HEALTH_PLAN", None).t('","payer":"').d(rng.choice(INSURERS), "insurer")
        b.t('","dob":"').v(dob_value(rng, "fmt", ["mdy_slash", "yyyymmdd", "dmy_dot"]), "DOB", None).t('"})')
    else:
        b.t('{"action":"send_fax","to_fax":"').v(phone_value(rng, "fmt", ["one_dash", "paren", "e164"], 0, prefix="fax"), "FAX", None)
        b.t('","attn":"').v(Person(rng).name(rng.choice(["last_first", "LAST_FIRST"])), "NAME", None)
        b.t('","re_patient":"').v(p.name("full"), "NAME", None).t('","client_ip":"').v(ip_value(rng, "fmt"), "IP", None)
        b.t('","pages":').d(str(rng.randint(2, 9)), "count").t("}")
    return "assistant", b, str(v)


def fam_query(rng, mode, nophi):
    b = Builder("fmt")
    role = rng.choice(["assistant", "system"])
    if nophi:
        v = rng.randint(1, 3)
        if v == 1:
            b.t("GET /api/v2/fee-schedule?cpt=").d(rng.choice(CPTS), "cpt").t("&state=").d(rng.choice(list(STATE_NAMES)), "state")
            b.t("&payer=").d(rng.choice(["aetna", "cigna", "humana", "molina"]), "insurer").t("&page=2&sort=dob")
        elif v == 2:
            b.t("POST /slots/search?room=").d(rng.choice(["4B", "12", "311"]), "room").t("&after=").d("15:30", "time")
            b.t("&weekday=").d(rng.choice(WEEKDAYS).lower(), "weekday").t("&limit=10&phone_required=true")
        else:
            b.t("Tool result: GET /meds?drug=").d("metformin", "drug").t("&dose_mg=").d("500", "dose")
            b.t("&qty=").d("180", "count").t("&icd=").d(rng.choice(ICDS), "icd10").t(" -> 200 OK (v").d("3.1.4", "version").t(")")
        return role, b, f"n{v}"
    p = Person(rng)
    v = rng.randint(1, 4)
    if v == 1:
        b.t("GET /api/patients/search?phone=").v(phone_value(rng, "fmt", ["dash", "e164"], 0), "PHONE", None)
        b.t("&dob=").v(dob_value(rng, "fmt", ["iso", "yyyymmdd"]), "DOB", None).t("&x=1&limit=1")
    elif v == 2:
        b.t("callback?last=").v(p.name("last"), "NAME", None).t("&first=").v(p.name("first"), "NAME", None)
        b.t("&mrn=").v(mrn_raw(rng), "MRN", None).t("&zip=").v(zip_value(rng, "fmt", False), "ZIP", None).t("&lang=es")
    elif v == 3:
        b.t("POST /v1/notify?email=").v(p.email(rng), "EMAIL", "email_fmt").t("&appt=")
        b.v(date_value(rng, "fmt", ["iso"]), "DATE", None).t("&slot=").d("15:30", "time").t("&channel=sms")
    else:
        b.t("GET /claims?member=").v(plan_raw(rng), "HEALTH_PLAN", None).t("&acct=").v(account_raw(rng), "ACCOUNT", None)
        b.t("&dos=").v(date_value(rng, "fmt", ["iso"]), "DATE", None).t("&cpt=").d(rng.choice(CPTS), "cpt")
    return role, b, str(v)


def fam_intake(rng, mode, nophi):
    b = Builder("fmt")
    clinic = rng.choice(CLINICS)
    if nophi:
        b.t("NEW PATIENT PACKET — ").d(clinic, "clinic").t(" (blank template)\n")
        b.t("1. Legal name (Last, First MI): ____________\n2. Date of birth (MM/DD/YYYY): __/__/____\n")
        b.t("3. Preferred pharmacy hours: ").d(rng.choice(TIMES), "time").t("\n4. Insurance carrier: [ ] ")
        b.d(rng.choice(INSURERS), "insurer").t(" [ ] ").d(rng.choice(INSURERS), "insurer").t(" [ ] other\n")
        b.t("5. Conditions (check all): [ ] ").d(rng.choice(CONDITIONS), "condition").t(" [ ] ").d(rng.choice(CONDITIONS), "condition")
        b.t("\nReturn to ").d(rng.choice(ROOMS), "room").t(". Copay due at check-in: ").d(rng.choice(PRICES), "price")
        return "system", b, "n1"
    p = Person(rng)
    v = rng.randint(1, 3)
    b.t("NEW PATIENT INTAKE — ").d(clinic, "clinic").t("\n")
    b.t("1. Legal name (Last, First MI): ").v(p.name(rng.choice(["last_first_mi", "last_first"])), "NAME", None)
    if rng.random() < 0.5:
        b.t("\n2. Preferred name: ").v(p.name("first"), "NAME", None)
    ds = {1: ["mdy_slash"], 2: ["dmy_dot"], 3: ["dmy_upper", "dmy_abbr_dash"]}[v]
    hdr = {1: "MM/DD/YYYY", 2: "DD.MM.YYYY", 3: "DDMONYYYY"}[v]
    dob = rand_date(rng, 1926, 2005)
    b.t(f"\n3. Date of birth ({hdr}): ").v(dob_value(rng, "fmt", ds, d=dob), "DOB", None)
    age = 2024 - dob.year
    if age >= 90:
        b.t("   Age: ").v(str(age), "AGE", "age_digits")
    else:
        b.t("   Age: ").d(str(age), "age_under_90")
    b.t("\n4. Sex at birth: " + ("[x] F [ ] M" if p.g == "f" else "[ ] F [x] M") + "\n5. Home address: ").v(address_value(rng, "fmt"), "ADDRESS", None)
    city, stt = rng.choice(CITIES)
    b.t("   City: ").v(city_value(city, "fmt"), "CITY", None).t(f"   State: {stt}   ZIP: ").v(zip_value(rng, "fmt"), "ZIP", None)
    b.t("\n6. Cell: ").v(phone_value(rng, "fmt", ["dot", "paren", "dash"], 0), "PHONE", None).t("   [x] OK to text")
    if rng.random() < 0.6:
        b.t("\n7. Work: ").v(phone_value(rng, "fmt", ["paren", "dash"], 1.0), "PHONE", None)
    b.t("\n8. Emergency contact (name / relationship / phone): ")
    r, ec = relative(rng, ["daughter", "son", "spouse", "niece", "neighbor", "nephew"], p.pop if rng.random() < 0.7 else None)
    b.v(ec.name("full"), "NAME", None).t(" / ").t(r).t(" / ")
    b.v(phone_value(rng, "fmt", ["dash", "plus1_space", "paren"], 0), "PHONE", None)
    b.t("\n9. Insurance: ").d(rng.choice(INSURERS), "insurer").t("   Member ID: ").v(plan_raw(rng), "HEALTH_PLAN", None)
    if rng.random() < 0.5:
        b.t("\n10. Driver's license #: ").v(dl_raw(rng), "LICENSE", None)
    b.t("\nReason for visit: ").d(rng.choice(CONDITIONS), "condition")
    return "system", b, str(v)


def fam_hl7(rng, mode, nophi):
    b = Builder("fmt")
    fac = rng.choice(["MVHS", "CRFP", "LPCC", "SBMC"])
    b.t(f"MSH|^~\\&|EPIC|{fac}|MASKER|VOICE||ADT^A04|MSG{pat(rng, '#####')}|P|2.5.1\n")
    if nophi:
        b.t("OBX|1|NM|2345-7^Glucose^LN||").d(str(rng.randint(70, 240)), "lab").t("|mg/dL|70-99|H|||F\n")
        b.t("OBX|2|NM|4548-4^Hemoglobin A1c^LN||").d(f"{rng.randint(5, 11)}.{rng.randint(0, 9)}", "lab").t("|%|<5.7|H|||F\n")
        b.t("NTE|1||Pt ").d(rng.choice(YOUNG_AGES_FMT), "age_under_90").t(", ").d(rng.choice(CONDITIONS), "condition")
        b.t("; ").d(rng.choice(DOSES), "dose").t("\nDG1|1||").d(rng.choice(ICDS), "icd10").t("^^I10C")
        return "system", b, "n1"
    p = Person(rng)
    v = rng.randint(1, 3)
    mrn, msub = mrn_raw(rng)
    mrn = mrn.replace("-", "")
    b.t("PID|1||").v(mrn, "MRN", msub).t(f"^^^{fac}^MR||").v(p.name("hl7"), "NAME", None).t("||")
    b.v(dob_value(rng, "fmt", ["yyyymmdd"]), "DOB", None).t(f"|{p.g.upper()}|||")
    b.v(address_value(rng, "fmt", rng.choice(["street", "apt", "rr", "pobox"]), upper=True), "ADDRESS", None).t("^^")
    city, stt = rng.choice(CITIES)
    b.v(fold(city).upper(), "CITY", "city_hl7").t(f"^{stt}^").v(zip_value(rng, "fmt"), "ZIP", None).t("||")
    b.v(phone_value(rng, "fmt", ["paren_nospace"], 0), "PHONE", None).t("^PRN^PH|||||")
    b.v(account_raw(rng), "ACCOUNT", None).t("|").v(ssn_value(rng, "fmt"), "SSN", None).t("\n")
    if v >= 2:
        nk = Person(rng, pop=p.pop)
        b.t("NK1|1|").v(nk.name("hl7"), "NAME", None).t("|").t(rng.choice(["SPO", "CHD", "SIB"])).t("||")
        b.v(phone_value(rng, "fmt", ["paren_nospace", "dash"], 0), "PHONE", None).t("\n")
    prov = Person(rng)
    b.t("PV1|1|O|CLINIC^").d(rng.choice(["4B", "12", "311"]), "room").t("^1||||")
    b.v(npi(rng), "LICENSE", "npi").t("^").v(f"{fold(prov.family).upper()}^{fold(prov.given).upper()}", "NAME", "name_hl7_provider").t("^^^DR")
    if v == 3:
        b.t("|||||||||||||||||||||||||||||||||||").v(date_value(rng, "fmt", ["yyyymmdd"]), "DATE", "date_admit_yyyymmdd")
    b.t("\nIN1|1|").d(rng.choice(["AETNA", "CIGNA", "HUMANA", "MOLINA"]), "insurer").t("|||||||||||||||||||||||||||||||||||||")
    b.v(plan_raw(rng), "HEALTH_PLAN", None)
    return "system", b, str(v)


def fam_csv(rng, mode, nophi):
    b = Builder("fmt")
    role = rng.choice(["system", "assistant"])
    if nophi:
        b.t("cpt,description,fee,room,icd10\n")
        for _ in range(rng.randint(2, 4)):
            b.d(rng.choice(CPTS), "cpt").t(",office visit,").d(rng.choice(PRICES).split(" ")[0], "price").t(",")
            b.d(rng.choice(ROOMS), "room").t(",").d(rng.choice(ICDS), "icd10").t("\n")
        return role, b, "n1"
    v = rng.randint(1, 3)
    if v == 1:
        b.t("patient_name,dob,phone,mrn\n")
        for _ in range(rng.randint(2, 3)):
            p = Person(rng)
            b.t('"').v(p.name("last_first"), "NAME", None).t('",').v(dob_value(rng, "fmt", ["mdy_slash", "iso"]), "DOB", None)
            b.t(",").v(phone_value(rng, "fmt", ["dash", "dot", "e164"], 0), "PHONE", None).t(",").v(mrn_raw(rng), "MRN", None).t("\n")
    elif v == 2:
        b.t("Last;First;Cell;Email;ZIP\n")
        for _ in range(rng.randint(2, 3)):
            p = Person(rng)
            b.v(p.name("last"), "NAME", None).t(";").v(p.name("first"), "NAME", None).t(";")
            b.v(phone_value(rng, "fmt", ["dot", "plus1_space"], 0), "PHONE", None).t(";").v(p.email(rng), "EMAIL", "email_fmt")
            b.t(";").v(zip_value(rng, "fmt"), "ZIP", None).t("\n")
    else:
        b.t("appt_date,time,provider,patient,member_id,copay\n")
        for _ in range(rng.randint(2, 3)):
            p, prov = Person(rng), Person(rng)
            b.v(date_value(rng, "fmt", ["mdy_slash", "iso", "md_slash"]), "DATE", None).t(",").d(rng.choice(TIMES), "time")
            b.t(",").v(prov.name("init_last"), "NAME", None).t(",").v(p.name("full"), "NAME", None).t(",")
            b.v(plan_raw(rng), "HEALTH_PLAN", None).t(",").d(rng.choice(["$25.00", "$40.00", "$0.00"]), "price").t("\n")
    return role, b, str(v)


def fam_mdtable(rng, mode, nophi):
    b = Builder("fmt")
    role = rng.choice(["system", "assistant"])
    if nophi:
        b.t("| Medication | Dose | Frequency | Refills |\n|---|---|---|---|\n")
        for _ in range(rng.randint(2, 4)):
            dose = rng.choice(DOSES).split(" ")
            b.t("| ").d(dose[0], "drug").t(" | ").d(" ".join(dose[1:3]), "dose").t(" | ").t(rng.choice(["daily", "BID", "qHS", "weekly"]))
            b.t(" | ").d(str(rng.randint(0, 5)), "count").t(" |\n")
        return role, b, "n1"
    v = rng.randint(1, 3)
    if v == 1:
        b.t("| Patient | DOB | Callback | Member ID |\n|---|---|---|---|\n")
        for _ in range(rng.randint(1, 3)):
            p = Person(rng)
            b.t("| ").v(p.name(rng.choice(["full", "mi", "last_first"])), "NAME", None).t(" | ")
            b.v(dob_value(rng, "fmt", ["mdy_slash", "dmy_abbr_dash", "mdy_abbr_dot"]), "DOB", None).t(" | ")
            b.v(phone_value(rng, "fmt", None, 0.3), "PHONE", None).t(" | ").v(plan_raw(rng), "HEALTH_PLAN", None).t(" |\n")
    elif v == 2:
        b.t("| Field | Value |\n|---|---|\n| Name | ")
        p = Person(rng)
        b.v(p.name("full"), "NAME", None).t(" |\n| Age | ").v(age90_value(rng, "fmt"), "AGE", None).t(" |\n| Chart | #")
        b.v(mrn_raw(rng), "MRN", None).t(" |\n| Lives in | ")
        city, stt = rng.choice(CITIES)
        b.v(city_value(city, "fmt"), "CITY", None).t(f", {stt} |\n| Device | ")
        if rng.random() < 0.5:
            b.t("CPAP, SN ").v(serial(rng), "DEVICE", None)
        else:
            b.t("insulin pump, UDI ").v(udi(rng), "DEVICE", None)
        b.t(" |\n| Payer | ").d(rng.choice(INSURERS), "insurer").t(" |\n")
    else:
        b.t("| Visit | Provider | Notes |\n|---|---|---|\n")
        for _ in range(rng.randint(2, 3)):
            prov = Person(rng)
            b.t("| ").v(date_value(rng, "fmt", ["md_abbr_dot", "dm_long", "mdy_apos", "iso"]), "DATE", None).t(" | Dr. ")
            b.v(prov.name(rng.choice(["init_last", "last"])), "NAME", None).t(" | ")
            b.d(rng.choice(LABS), "lab").t("; ").d(rng.choice(ICDS), "icd10").t(" |\n")
    return role, b, str(v)


def fam_soap(rng, mode, nophi):
    b = Builder("fmt")
    if nophi:
        b.t("S: ").d(rng.choice(["62yo F", "a 60-year-old female", "71 y/o M", "58yo M"]), "age_under_90")
        b.t(" c/o fatigue x2 wks. PMH ").d(rng.choice(CONDITIONS), "condition").t(", ").d(rng.choice(CONDITIONS), "condition")
        b.t(". Moved from ").d(rng.choice(COUNTRIES), "country").t(" in ").d(str(rng.randint(1990, 2021)), "year")
        b.t(".\nO: ").d(rng.choice(LABS), "lab").t(", ").d(rng.choice(LABS), "lab").t(".\nA: ").d(rng.choice(ICDS), "icd10")
        b.t(". ").d(rng.choice(SCORES), "eponym").t(" 12%.\nP: ").d(rng.choice(DOSES), "dose")
        b.t("; RTC ").d(rng.choice(["in 3 months", "next Tuesday", "in May"]), "relative_date").t(", ").d(rng.choice(ROOMS), "room").t(".")
        return "system", b, "n1"
    p = Person(rng)
    v = rng.randint(1, 3)
    b.t("S: ")
    if v == 1:
        b.v(age90_value(rng, "fmt"), "AGE", None).t(rng.choice([" y/o ", " yo ", "-year-old "])).t(p.g.upper()).t(", ")
        b.v(p.name("full"), "NAME", None)
    else:
        b.t("Pt ").v(p.name(rng.choice(["full", "mi"])), "NAME", None).t(", DOB ").v(dob_value(rng, "fmt", ["dmy_upper", "mdy_slash", "dmy_dot"]), "DOB", None)
    b.t(", c/o ").t(rng.choice(["dyspnea", "dizziness", "L knee pain", "poor appetite"])).t(". PMH ").d(rng.choice(CONDITIONS), "condition")
    b.t(". Lives in ")
    city, stt = rng.choice(CITIES)
    r, cg = relative(rng, ["daughter", "son", "grandson", "husband" if p.g == "f" else "wife", "granddaughter"], p.pop)
    b.v(city_value(city, "fmt"), "CITY", None).t(f", {stt} with {r} ")
    b.v(cg.name(rng.choice(["full", "first"])), "NAME", None).t(".\nO: ").d(rng.choice(LABS), "lab").t(", ").d(rng.choice(LABS), "lab")
    b.t(".\nA: ").d(rng.choice(ICDS), "icd10").t("; ").d(rng.choice(SCORES), "eponym").t(" reviewed.\nP: ").d(rng.choice(DOSES), "dose")
    prov = Person(rng)
    b.t(". F/u ").v(date_value(rng, "fmt", ["mdy_slash", "md_slash", "mdy_apos", "dm_long"]), "DATE", None).t(" w/ Dr. ")
    b.v(prov.name(rng.choice(["init_last", "last", "init2_last"])), "NAME", None).t(". Call pt at ")
    b.v(phone_value(rng, "fmt", ["dot", "dash"], 0), "PHONE", None)
    if v == 3:
        b.t("; pt ID #").v(mrn_raw(rng), "MRN", None)
    b.t(".")
    return "system", b, str(v)


def fam_fax(rng, mode, nophi):
    b = Builder("fmt")
    clinic = rng.choice(CLINICS)
    if nophi:
        b.t("FAX TRANSMITTAL\nFrom: ").d(clinic, "clinic").t(", Medical Records\nTo: Utilization Review, ").d(rng.choice(INSURERS), "insurer")
        b.t("\nPages: ").d(str(rng.randint(2, 12)), "count").t(" (including cover)\nRe: CPT ").d(rng.choice(CPTS), "cpt")
        b.t(" fee schedule update for ").d(rng.choice(list(STATE_NAMES.values())), "state")
        b.t("\nCONFIDENTIALITY NOTICE: intended only for the named recipient.")
        return "system", b, "n1"
    p, to = Person(rng), Person(rng)
    v = rng.randint(1, 3)
    b.t("FAX TRANSMITTAL\nTo: ").v(to.name(rng.choice(["last_first", "LAST_FIRST", "full"])), "NAME", None).t(", MD")
    b.t("\nFax: ").v(phone_value(rng, "fmt", ["paren", "one_dash", "dot"], 0.2, prefix="fax"), "FAX", None)
    b.t("\nFrom: ").d(clinic, "clinic").t(", Medical Records\nPages: ").d(str(rng.randint(2, 14)), "count")
    b.t("\nRe: ").v(p.name(rng.choice(["full", "LAST_FIRST", "mi"])), "NAME", None).t("  DOB ")
    b.v(dob_value(rng, "fmt", ["dmy_dot", "mdy_slash", "dmy_upper"]), "DOB", None).t("  MRN: #").v(mrn_raw(rng), "MRN", None)
    if v >= 2:
        b.t("\nDischarged ").v(date_value(rng, "fmt", ["mdy_slash", "dmy_ord"]), "DATE", None).t(" — please see ")
        b.d(rng.choice(ICDS), "icd10").t(" and ").d(rng.choice(DOSES), "dose").t(".")
    if v == 3:
        b.t("\nReply fax: ").v(phone_value(rng, "fmt", ["dash", "plus1_space"], 0, prefix="fax"), "FAX", None)
        b.t("  Patient cell: ").v(phone_value(rng, "fmt", ["dot"], 0), "PHONE", None)
    b.t("\nCONFIDENTIALITY NOTICE: intended only for the named recipient.")
    return "system", b, str(v)


def fam_x12(rng, mode, nophi):
    b = Builder("fmt")
    payer = rng.choice(["AETNA", "CIGNA", "HUMANA", "MOLINA HEALTHCARE"])
    b.t("ST*271*").t(pat(rng, "####")).t("*005010X279A1~\nHL*1**20*1~\nNM1*PR*2*").d(payer, "insurer").t(f"*****PI*{pat(rng, '#####')}~\n")
    if nophi:
        b.t("HL*2*1*21*1~\nEB*1**30**").d(rng.choice(["GOLD PPO", "SILVER HMO", "BRONZE EPO"]), "plan_name").t("~\n")
        b.t("EB*B*IND*98***27*").d(rng.choice(["25", "40", "15"]), "price").t("~\nEB*C*IND*30***23*").d("1500", "price")
        b.t("~\nMSG*OFFICE VISIT CPT ").d(rng.choice(CPTS), "cpt").t(" COVERED~\nSE*9*0001~")
        return "system", b, "n1"
    p = Person(rng)
    v = rng.randint(1, 2)
    b.t("HL*2*1*21*1~\nNM1*1P*2*").d(rng.choice(["CEDAR RIDGE FAMILY PRACTICE", "MERCY VALLEY HEALTH SYSTEM"]), "clinic")
    b.t("*****XX*").v(npi(rng), "LICENSE", "npi").t("~\nHL*3*2*22*0~\nNM1*IL*1*").v(p.name("x12"), "NAME", None)
    b.t("***MI*").v(plan_raw(rng), "HEALTH_PLAN", None).t("~\nN3*")
    b.v(address_value(rng, "fmt", rng.choice(["street", "apt", "rr", "hc"]), upper=True), "ADDRESS", None).t("~\nN4*")
    city, stt = rng.choice(CITIES)
    b.v(fold(city).upper(), "CITY", "city_x12").t(f"*{stt}*").v(zip_value(rng, "fmt", True)[0].replace("-", ""), "ZIP", "zip9_nodash")
    b.t("~\nDMG*D8*").v(dob_value(rng, "fmt", ["yyyymmdd"]), "DOB", None).t(f"*{p.g.upper()}~\n")
    if v == 2:
        b.t("DTP*472*D8*").v(date_value(rng, "fmt", ["yyyymmdd"]), "DATE", "date_dos_yyyymmdd").t("~\n")
    b.t("EB*1*IND*30**").d(rng.choice(["GOLD PPO", "SILVER HMO"]), "plan_name").t("~\nEB*B*IND*98***27*").d("40", "price").t("~\nSE*14*0001~")
    return "system", b, str(v)


def fam_voicemail(rng, mode, nophi):
    b = Builder(mode)
    if mode == "fmt":
        mode = "spoken"
        b.mode = "spoken"
    if nophi:
        b.t(rng.choice(["Hi, ", "Hey, ", "Good morning, "])).t("this message is for the front desk. I will be about ten minutes late for my ")
        b.d(rng.choice(["three thirty", "nine fifteen", "eleven o'clock"]), "time").t(" appointment ")
        b.d(rng.choice(["tomorrow", "next Tuesday", "on Friday"]), "relative_date").t(". My copay is ")
        b.d(rng.choice(["forty dollars", "twenty five dollars"]), "price").t(", right? And the pharmacy said the ")
        b.d(rng.choice(["metformin five hundred", "lisinopril ten milligrams", "ninety day supply"]), "dose").t(" is ready. I hope that's okay. Thanks, bye.")
        return "user", b, "n1"
    p = Person(rng)
    v = rng.randint(1, 5)
    prov = Person(rng)
    b.t(rng.choice(["Hi, ", "Hello, ", "Yeah hi, "])).t("this message is for ").t(dr(rng, mode)).v(prov.name("last", mode), "NAME", None)
    b.t("'s office. This is ").v(p.name(rng.choice(["full", "western"]), mode), "NAME", None)
    if v == 1:
        b.t(", date of birth ").v(dob_value(rng, mode), "DOB", None).t(". ")
    elif v == 2:
        b.t(", calling about my ").t(rng.choice(["mother", "father", "grandmother"])).t(", who is ")
        b.v(age90_value(rng, mode), "AGE", None).t(" years old. ")
    elif v == 3:
        b.t(", I had surgery on ").v(date_value(rng, mode), "DATE", None).t(" and the incision is red. ")
    elif v == 4:
        b.t(", my chart number is ").v(id_spoken(mrn_raw(rng)[0], mode, rng), "MRN", "mrn_spoken").t(". ")
    else:
        b.t(", last name spelled ").v(p.spelled(mode, rng), "NAME", None).t(". ")
    b.t("Please call me back at ").v(phone_value(rng, mode, None, 0.15), "PHONE", None)
    if rng.random() < 0.4:
        r, q = relative(rng, ["husband", "wife", "son", "sister", "brother"], p.pop)
        b.t(", or my ").t(r).t(" ").v(q.name("first", mode), "NAME", None)
        b.t(" at ").v(phone_value(rng, mode, ["digits", "pairs"], 0), "PHONE", None)
    b.t(". Thank you, bye.")
    return "user", b, str(v)


def fam_referral(rng, mode, nophi):
    b = Builder("fmt")
    if nophi:
        b.t("Referral guidelines (").d(rng.choice(CLINICS), "clinic").t("): nephrology accepts referrals for ")
        b.d("chronic kidney disease", "condition").t(" stage 3b or worse (eGFR below ").d("45", "lab").t("). Include the ")
        b.d(rng.choice(SCORES), "eponym").t(", ICD-10 code (e.g. ").d(rng.choice(ICDS), "icd10").t(") and the last two ")
        b.t("BMPs. Prior authorization from ").d(rng.choice(INSURERS), "insurer").t(" is required for CPT ").d(rng.choice(CPTS), "cpt").t(".")
        return "system", b, "n1"
    p, to, frm = Person(rng), Person(rng), Person(rng)
    v = rng.randint(1, 3)
    b.t("Dear Dr. ").v(to.name("last"), "NAME", None).t(",\n\nI am referring my patient, ").t(p.title()).t(" ")
    b.v(p.name(rng.choice(["full", "mi"])), "NAME", None).t(" (DOB: ").v(dob_value(rng, "fmt", ["dmy_ord", "mdy_long", "mdy_abbr_dot", "dmy_long"]), "DOB", None)
    b.t("), for evaluation of ").d(rng.choice(CONDITIONS), "condition").t(". ")
    if v >= 2:
        b.t("She" if p.g == "f" else "He").t(" was last seen here on ")
        b.v(date_value(rng, "fmt", ["dmy_ord", "md_long", "mdy_long", "my_long"]), "DATE", None).t(" and is currently on ").d(rng.choice(DOSES), "dose").t(". ")
    b.t("The patient can be reached at ").v(phone_value(rng, "fmt", None, 0.25), "PHONE", None)
    if v == 3:
        b.t(" or ").v(p.email(rng), "EMAIL", "email_fmt")
    b.t(". The authorization is valid through ").v(date_value(rng, "fmt", ["mdy_slash", "dmy_ord", "md_ord"]), "DATE", "date_auth")
    b.t(".\n\nSincerely,\n").v(frm.name(rng.choice(["full", "mi"])), "NAME", None).t(", MD\nNPI ").v(npi(rng), "LICENSE", "npi")
    if rng.random() < 0.4:
        b.t("  DEA ").v(dea(rng, frm.family), "LICENSE", "dea")
    return "system", b, str(v)


def fam_portal(rng, mode, nophi):
    b = Builder("fmt")
    if nophi:
        b.t("Subject: question about my bill\n\nHi, I got a statement for ").d(rng.choice(PRICES), "price").t(" for CPT ")
        b.d(rng.choice(CPTS), "cpt").t(". I thought ").d(rng.choice(INSURERS), "insurer").t(" covered it? Is there a grace period ")
        b.t("before it goes to collections? Also my ").d(rng.choice(DOSES), "dose").t(" refill — can you mark it urgent? Thanks")
        return "user", b, "n1"
    p = Person(rng)
    prov = Person(rng)
    v = rng.randint(1, 5)
    b.t("Subject: ").t(rng.choice(["refill", "new number", "appointment", "forms"])).t("\n\nHi Dr. ").v(prov.name("last"), "NAME", None).t(",\n")
    if v == 1:
        b.t("My new cell is ").v(phone_value(rng, "fmt", ["e164", "plus1_space", "dot"], 0.1), "PHONE", None)
        b.t(" and I moved to ").v(address_value(rng, "fmt"), "ADDRESS", None).t(", ")
        city, stt = rng.choice(CITIES)
        b.v(city_value(city, "fmt"), "CITY", None).t(f", {stt} ").v(zip_value(rng, "fmt"), "ZIP", None).t(". ")
    elif v == 2:
        b.t("Can we move my ").v(date_value(rng, "fmt", ["md_slash", "md_abbr_dot", "mdy_apos", "dm_long"]), "DATE", None)
        b.t(" appointment? My mom ").v(Person(rng, pop=p.pop).name("full"), "NAME", None).t(" can drive me, she's ").d(str(rng.randint(60, 89)), "age_under_90").t(". ")
    elif v == 3:
        b.t("Please send the forms to ").v(p.email(rng), "EMAIL", "email_fmt").t(". My chart # is ").v(mrn_raw(rng), "MRN", None).t(". ")
    elif v == 5:
        b.t("I posted the surgery updates for my family at ").v(url_value(p, rng, "fmt"), "URL", None).t(" if the nurses want to see. ")
    else:
        b.t("My pharmacy needs my insurance ID, it's ").v(plan_raw(rng), "HEALTH_PLAN", None).t(" (").d(rng.choice(INSURERS), "insurer").t("). ")
    b.t("I also take ").d(rng.choice(DOSES), "dose").t(".\n\nThanks,\n").v(p.name(rng.choice(["full", "first", "mi"])), "NAME", None)
    return "user", b, str(v)


def fam_sms(rng, mode, nophi):
    b = Builder("fmt")
    if nophi:
        v = rng.randint(1, 2)
        if v == 1:
            b.t("ok running late, there by ").d(rng.choice(["3:30", "10:15", "noon"]), "time").t(" pls tell front desk. is it still ")
            b.d(rng.choice(ROOMS).lower(), "room").t("?? thx")
        else:
            b.t("hey r u open on ").d(rng.choice(["the 4th of july", "christmas eve", "labor day", "memorial day"]), "holiday")
            b.t("? need my ").d(rng.choice(["metformin 500", "insulin", "90 day supply"]), "dose").t(" b4 we leave for ")
            b.d(rng.choice(COUNTRIES), "country").t(" lol")
        return "user", b, f"n{v}"
    p = Person(rng)
    v = rng.randint(1, 6)
    if v == 6:
        b.t("pls share my moms page ").v(url_value(Person(rng), rng, "fmt"), "URL", None).t(" w the nurses, she loved the ").d("Room 4B", "room").t(" team")
    elif v == 1:
        b.t("hey its ").v(p.name("first"), "NAME", None).t(" new # is ").v(phone_value(rng, "fmt", ["dot", "dash", "space"], 0), "PHONE", None).t(" thx")
    elif v == 2:
        b.t("appt ").v(date_value(rng, "fmt", ["md_slash", "md_abbr_dot", "mdy_apos"]), "DATE", None).t(" still on? dob ")
        b.v(dob_value(rng, "fmt", ["dmy_upper", "mdy_slash_nopad", "mdy_dash2"]), "DOB", None).t(" - ").v(p.name(rng.choice(["first", "full"])), "NAME", None)
    elif v == 3:
        b.t("pls send refill note to ").v(p.email(rng), "EMAIL", "email_fmt").t(" not my old one. ").d(rng.choice(DOSES), "dose")
    elif v == 4:
        b.t("this is ").v(p.name("full"), "NAME", None).t("'s daughter, she's ")
        b.v(age90_value(rng, "fmt"), "AGE", None).t(" now lol. call me at ").v(local7_value(rng, "fmt"), "PHONE", None).t(" pls")
    else:
        b.t("my husband ").v(Person(rng, g="m", word_name=True).name("first"), "NAME", "name_wordname").t(" will pick up the rx. his cell ")
        b.v(phone_value(rng, "fmt", ["dash", "paren_nospace"], 0), "PHONE", None).t(" - i hope thats ok")
    return "user", b, str(v)


def fam_phone_groups(rng, mode, nophi):
    if mode == "fmt":
        mode = "spoken"
    b = Builder(mode)
    if nophi:
        b.t("The pharmacy said ").d(rng.choice(["two refills", "three refills", "a ninety day supply"]), "count")
        b.t(", and my blood pressure was ").d(rng.choice(["one forty two over eighty eight", "one thirty over seventy six"]), "lab")
        b.t(", and I take ").d(rng.choice(["twenty milligrams", "five hundred milligrams", "two tablets"]), "dose").t(" at ")
        b.d(rng.choice(["six thirty", "eight fifteen", "nine"]), "time").t(". Should I call nine one one if it gets worse?")
        return "user", b, "n1"
    v = rng.randint(1, 5)
    if v == 1:
        b.t(rng.choice(["Yeah, ", "Okay so ", "Um, "])).t("my number is ").v(phone_value(rng, mode, None, 0.15), "PHONE", None).t(".")
    elif v == 2:
        b.t("You can fax it to my lawyer at ").v(phone_value(rng, mode, ["digits", "pairs", "plus1"], 0.1, prefix="fax"), "FAX", None)
        b.t(", that's a fax, not a phone.")
    elif v == 3:
        b.t("My social is ").v(ssn_value(rng, mode), "SSN", None).t(".")
    elif v == 4:
        b.t("The last four of my social are ").v(ssn_value(rng, mode, last4=True), "SSN", None).t(" and my cell is ")
        b.v(phone_value(rng, mode, ["pairs", "double", "hundred"], 0), "PHONE", None).t(".")
    else:
        b.t("Call my daughter ").v(Person(rng, g="f").name("first", mode), "NAME", None).t(" at ").v(local7_value(rng, mode), "PHONE", None)
        b.t(", she lives local.")
    return "user", b, str(v)


def fam_email_spoken(rng, mode, nophi):
    if mode == "fmt":
        mode = "spoken"
    b = Builder(mode)
    if nophi:
        b.t("Do you have an email I can send the insurance card to? I don't want to use the portal, the app version ")
        b.d("four point two point one", "version").t(" keeps crashing. Or is it easier at ")
        b.d("mercy valley health dot org slash pay" if mode == "stt" else "mercyvalleyhealth.org/pay", "clinic_url").t("?")
        return "user", b, "n1"
    p = Person(rng)
    v = rng.randint(1, 5)
    if v >= 4:
        b.t(rng.choice(["My mom's page is ", "We set up a page at ", "You can see his updates on "])).v(url_value(p, rng, mode), "URL", None).t(".")
    elif v == 1:
        b.t("My email is ").v(email_value(p, rng, mode), "EMAIL", None).t(".")
    elif v == 2:
        b.t("Send it to ").v(email_value(p, rng, mode), "EMAIL", None).t(", that's for ").v(p.name("full", mode), "NAME", None).t(".")
    else:
        b.t("It's my son's address, ").v(email_value(Person(rng, pop=p.pop), rng, mode), "EMAIL", None)
        b.t(", and my date of birth is ").v(dob_value(rng, mode), "DOB", None).t(".")
    return "user", b, str(v)


def fam_ip(rng, mode, nophi):
    b = Builder(mode)
    if nophi:
        b.t("The telehealth app version is ").d("five point three point two", "version").t(" and my temperature was ")
        b.d("one hundred point four", "lab").t(". Is the video visit at ").d("two thirty", "time").t(" still on?")
        return "user", b, "n1"
    if mode == "fmt":
        b.t("Telehealth session log: patient joined from ").v(ip_value(rng, "fmt"), "IP", None).t(" at ").d("14:02", "time")
        if rng.random() < 0.5:
            b.t(", paired glucometer SN ").v(serial(rng), "DEVICE", None)
        b.t("; provider ").v(Person(rng).name("init_last"), "NAME", None).t("; device browser v").d("118.0.2", "version").t(".")
        return "assistant", b, "1"
    v = rng.randint(2, 3)
    if v == 2:
        b.t("The IT person asked for my IP, it's ").v(ip_value(rng, mode), "IP", None).t(".")
    else:
        b.t("My home router shows ").v(ip_value(rng, mode), "IP", None).t(" and my email is ").v(email_value(Person(rng), rng, mode), "EMAIL", None).t(".")
    return "user", b, str(v)


def fam_city(rng, mode, nophi):
    b = Builder(mode)
    city, stt = rng.choice(CITIES)
    if nophi:
        v = rng.randint(1, 3)
        if v == 1:
            b.t("We take ").d(rng.choice(INSURERS), "insurer").t(" plans from ").d(STATE_NAMES[stt], "state").t(" and ")
            b.d(rng.choice(list(STATE_NAMES.values())), "state").t(", but not out-of-network plans.")
        elif v == 2:
            b.t("My father was born in ").d(rng.choice(COUNTRIES), "country").t(" back in ").d(str(rng.randint(1935, 1960)), "year")
            b.t(" and he has ").d(rng.choice(CONDITIONS), "condition").t(".")
        else:
            b.t("Is ").d(rng.choice(CLINICS), "clinic").t(" in network? I'm ").d(str(rng.randint(30, 89)), "age_under_90")
            b.t(" and on ").d(rng.choice(["Medicare", "Medicaid", "Tricare"]), "insurer").t(".")
        return "user", b, f"n{v}"
    v = rng.randint(1, 4)
    p = Person(rng)
    if mode == "fmt":
        b.t(rng.choice(["Patient", "Caller"])).t(" lives in ").v(city_value(city, "fmt"), "CITY", None).t(f", {stt}")
        b.t(rng.choice([" and", ";"])).t(" daughter ").v(Person(rng, g="f").name("full"), "NAME", None).t(" is the contact.")
        return "assistant", b, "1"
    if v == 1:
        b.t("I live in ").v(city_value(city, mode), "CITY", None).t(", ").t(STATE_NAMES[stt]).t(", near ").v(zip_value(rng, mode, False), "ZIP", None).t(".")
    elif v == 2:
        b.t("My mom is staying with my sister in ").v(city_value(city, mode), "CITY", None).t(" until ")
        b.d(rng.choice(["after Christmas", "next month", "June"]), "relative_date").t(".")
    elif v == 3:
        b.t("We moved to ").v(city_value(city, mode), "CITY", None).t(" from ").d(rng.choice(COUNTRIES), "country").t(" last year.")
    else:
        b.t("Is there a lab near ").v(zip_value(rng, mode, False), "ZIP", None).t("? I'm in ").v(city_value(city, mode), "CITY", None).t(".")
    return "user", b, str(v + 1)


def fam_address(rng, mode, nophi):
    b = Builder(mode)
    if nophi:
        b.t("Is the clinic in ").d(rng.choice(["Suite 200", "Building C, Suite 1400", "Room 4B"]), "room").t("? The sign says ")
        b.d(rng.choice(CLINICS), "clinic").t(" and parking is ").d("$5", "price").t(".")
        return "user", b, "n1"
    v = rng.randint(1, 4)
    city, stt = rng.choice(CITIES)
    if v == 1:
        b.t("My address is ").v(address_value(rng, mode, rng.choice(["apt", "unit", "street"])), "ADDRESS", None).t(", ")
        b.v(city_value(city, mode), "CITY", None).t(", ").v(zip_value(rng, mode), "ZIP", None).t(".")
    elif v == 2:
        b.t("Mail it to ").v(address_value(rng, mode, rng.choice(["rr", "pobox", "hc"])), "ADDRESS", None).t(" in ")
        b.v(city_value(city, mode), "CITY", None).t(".")
    elif v == 3:
        b.t("I'm at ").v(address_value(rng, mode, rng.choice(["hash", "county", "grid", "street"])), "ADDRESS", None)
        b.t(", that's near ").v(zip_value(rng, mode, False), "ZIP", None).t(".")
    else:
        b.t("New address: ").v(address_value(rng, mode), "ADDRESS", None).t(", ").v(city_value(city, mode), "CITY", None)
        b.t(" ").t(stt if mode != "stt" else STATE_NAMES[stt]).t(" ").v(zip_value(rng, mode), "ZIP", None)
    return "user", b, str(v)


def fam_ids_hash(rng, mode, nophi):
    b = Builder("fmt")
    role = rng.choice(["assistant", "system"])
    if nophi:
        b.t("Order #").d(pat(rng, "##"), "count").t(": ").d(rng.choice(CPTS), "cpt").t(" x").d("2", "count").t(", ")
        b.d(rng.choice(ROOMS), "room").t(", ICD ").d(rng.choice(ICDS), "icd10").t(", ticket #").d(pat(rng, "###"), "count").t(" resolved.")
        return role, b, "n1"
    v = rng.randint(1, 4)
    if v == 1:
        b.t("MRN: #").v(mrn_raw(rng), "MRN", None).t("  Acct #").v(account_raw(rng), "ACCOUNT", None)
    elif v == 2:
        b.t("Member #: ").v(plan_raw(rng), "HEALTH_PLAN", None).t(" (").d(rng.choice(INSURERS), "insurer").t(")  Guarantor acct: ")
        b.v(account_raw(rng), "ACCOUNT", None)
    elif v == 3:
        b.t("Chart#").v(mrn_raw(rng), "MRN", None).t(" / DL# ").v(dl_raw(rng), "LICENSE", None)
        if rng.random() < 0.5:
            b.t(" / Plate: ").v(plate(rng), "VEHICLE", None)
        else:
            b.t(" / VIN: ").v(vin(rng), "VEHICLE", "vin")
    else:
        b.t("patient_id | policy_no | device_sn\n").v(mrn_raw(rng), "MRN", None).t(" | ").v(plan_raw(rng), "HEALTH_PLAN", None)
        b.t(" | ").v(serial(rng), "DEVICE", None)
    return role, b, str(v)


def fam_providers(rng, mode, nophi):
    b = Builder("fmt")
    role = rng.choice(["system", "assistant"])
    if nophi:
        b.t("Care team roles: PCP, cardiology (").d(rng.choice(CLINICS), "clinic").t("), dialysis at ").d("Harbor Lights Dialysis", "clinic")
        b.t(". Mark it urgent if ").d(rng.choice(SCORES), "eponym").t(" is high. Will call with results.")
        return role, b, "n1"
    v = rng.randint(1, 3)
    if v == 1:
        b.t("CARE TEAM\nPCP: ").v(Person(rng).name(rng.choice(["last_first", "last_first_mi"])), "NAME", None).t(" (NPI ").v(npi(rng), "LICENSE", "npi")
        b.t(")\nCardiology: ").t(dr(rng)).v(Person(rng).name(rng.choice(["init_last", "init2_last"])), "NAME", None)
        b.t("\nNephrology: ").v(Person(rng).name("LAST_FIRST"), "NAME", None).t(", MD")
    elif v == 2:
        pr = Person(rng)
        b.t("Attending: ").v(pr.name("last_first"), "NAME", None).t(" MD, DEA ").v(dea(rng, pr.family), "LICENSE", "dea")
        b.t("; resident ").t(dr(rng)).v(Person(rng).name("full"), "NAME", None).t("; pager ").v(phone_value(rng, "fmt", ["dash"], 0), "PHONE", "phone_pager")
    else:
        b.t("Seen by ").t(dr(rng)).v(Person(rng).name("init_last"), "NAME", None).t(" and ").t(rng.choice(["NP ", "PA-C "]))
        b.v(Person(rng).name("full"), "NAME", None).t(" on ").v(date_value(rng, "fmt"), "DATE", None).t(" in ").d(rng.choice(ROOMS), "room").t(".")
    return role, b, str(v)


def fam_nocue(rng, mode, nophi):
    b = Builder(mode)
    p = Person(rng)
    v = rng.randint(1, 4)
    if mode == "fmt":
        role = rng.choice(["user", "system"])
        if v == 1:
            b.v(p.name("full"), "NAME", None).t(" ").v(dob_value(rng, "fmt", ["mdy_slash", "dmy_dot"]), "DOB", None).t(" needs ").d(rng.choice(DOSES), "dose")
        elif v == 2:
            b.t("cc: ").v(Person(rng).name("full"), "NAME", None).t("; ").v(Person(rng).name("mi"), "NAME", None)
        elif v == 3:
            b.v(p.name("LAST_FIRST"), "NAME", None).t(" — ").v(phone_value(rng, "fmt"), "PHONE", None)
        else:
            b.v(p.name("first"), "NAME", None).t(" and ").v(Person(rng, pop=p.pop).name("first"), "NAME", None).t(" both need flu shots.")
        return role, b, str(v)
    if v == 1:
        b.v(p.name("full", mode), "NAME", None).t(", I need to reschedule.")
    elif v == 2:
        b.t("Yes, ").v(p.name("full", mode), "NAME", None).t(", ").v(dob_value(rng, mode), "DOB", None).t(".")
    elif v == 3:
        b.t("It's for ").v(Person(rng, word_name=True).name("full", mode), "NAME", "name_wordname").t(", I hope that's fine.")
    else:
        b.t("Last name ").v(p.name("last", mode), "NAME", None).t(", ").v(p.spelled(mode, rng), "NAME", None).t(".")
    return "user", b, str(v)


def fam_dates(rng, mode, nophi):
    b = Builder(mode)
    if nophi:
        v = rng.randint(1, 4)
        if v == 1:
            b.t("The clinic is closed on ").d(rng.choice(["December 24", "November 28", "July 4"]), "clinic_date")
            b.t(" and opens again ").d(rng.choice(["the next Monday", "on Monday"]), "relative_date").t(".")
        elif v == 2:
            b.t("I was born in ").d(str(rng.randint(1940, 1999)), "year").t(" and I've had ").d(rng.choice(CONDITIONS), "condition").t(" since ")
            b.d(str(rng.randint(2000, 2020)), "year").t(".")
        elif v == 3:
            b.t("Can I come in ").d(rng.choice(["next Tuesday", "tomorrow", "in May", "sometime in June"]), "relative_date").t(" at ")
            b.d(rng.choice(["three thirty", "nine", "ten fifteen"]), "time").t("?")
        else:
            b.t("Flu shots start ").d(rng.choice(["October 1", "September 15"]), "clinic_date").t(" at all ").d(rng.choice(CLINICS), "clinic").t(" locations.")
        return ("assistant" if v in (1, 4) and mode == "fmt" else "user"), b, f"n{v}"
    v = rng.randint(1, 6)
    role = "user"
    if v == 1:
        b.t(rng.choice(["My birthday is ", "Date of birth, ", "I was born on "])).v(dob_value(rng, mode), "DOB", None).t(".")
    elif v == 2:
        d = rand_date(rng, 2023, 2025)
        st = rng.choice(["md_long", "md_ord", "md_abbr_dot"]) if mode == "fmt" else rng.choice(["spk_md_ord", "spk_month_the", "spk_md_card"])
        b.d(WEEKDAYS[d.weekday()] + ",", "weekday").t(" ").v(date_str(d, st, mode, rng), "DATE", "date_" + st)
        b.t(" at ").d(rng.choice(["3:30 pm", "10 am"]) if mode == "fmt" else rng.choice(["three thirty", "ten in the morning"]), "time").t(" works for the follow-up.")
    elif v == 3:
        b.t("I was admitted on the ").v(date_value(rng, mode, ["spk_ord_of"] if mode != "fmt" else ["dm_long", "dmy_ord"]), "DATE", None)
        b.t(" and discharged ").v(date_value(rng, mode, None if mode != "fmt" else ["md_slash", "mdy_apos"]), "DATE", None).t(".")
    elif v == 4:
        role = "assistant"
        b = Builder("fmt")
        b.t("I have your date of birth as ").v(dob_value(rng, "fmt", ["dmy_ord", "mdy_apos", "dmy_dot", "dmy_abbr_dash"]), "DOB", None)
        b.t(" and your next visit on ").v(date_value(rng, "fmt", ["dm_long", "dmy_ord", "mdy_abbr_dot"]), "DATE", None).t(".")
    elif v == 5:
        b.t("My date of birth is ").v(dob_value(rng, mode, ["spk_slash", "spk_digits", "spk_mdy_card"] if mode != "fmt" else None), "DOB", None)
        b.t(", not ").d(rng.choice(["nineteen eighty five", "1985"]) if mode != "stt" else "nineteen eighty five", "year").t(".")
    else:
        b.t("The prior auth expires ").v(date_value(rng, mode, ["my_long", "dmy_dot", "dmy_ord"] if mode == "fmt" else ["spk_my", "spk_mdy_ord"]), "DATE", "date_auth_expiry").t(".")
    return role, b, str(v)


def fam_age(rng, mode, nophi):
    b = Builder(mode)
    if nophi:
        v = rng.randint(1, 3)
        if v == 1:
            b.t("She's ").d(rng.choice(["eighty nine", "eighty-seven", "89", "seventy"]) if mode != "stt" else "eighty nine", "age_under_90")
            b.t(" and takes ").d(rng.choice(DOSES), "dose").t(".")
        elif v == 2:
            b.t("My son is ").d("seven", "age_child").t(" and I'm ").d("thirty two weeks", "pregnancy").t(" along.")
        else:
            b = Builder("fmt")
            b.t("HPI: ").d(rng.choice(YOUNG_AGES_FMT), "age_under_90").t(" with ").d(rng.choice(CONDITIONS), "condition").t(", ")
            b.d(rng.choice(LABS), "lab").t(".")
            return "system", b, "n3"
        return "user", b, f"n{v}"
    v = rng.randint(1, 3)
    if v == 1:
        b.t("My grandmother is ").v(age90_value(rng, mode), "AGE", None).t(" years old and lives in ")
        b.v(city_value(rng.choice(CITIES)[0], mode), "CITY", None).t(".")
    elif v == 2:
        b.t("He turned ").v(age90_value(rng, mode), "AGE", None).t(rng.choice([" in March", " last week"])).t(", can he still get the shot?")
    else:
        b = Builder("fmt")
        b.t("HPI: a ").v(age90_value(rng, "fmt"), "AGE", None).t("-year-old ").t(rng.choice(["female", "male"])).t(" with ")
        b.d(rng.choice(CONDITIONS), "condition").t("; daughter ").d("62yo", "age_under_90").t(" at bedside.")
        return "system", b, "3"
    return "user", b, str(v)


def fam_payment(rng, mode, nophi):
    b = Builder(mode)
    if nophi:
        b.t("I want to pay the ").d(rng.choice(["one twenty five fifty", "$125.50", "forty dollars"]) if mode == "fmt" else "forty dollars", "price")
        b.t(" balance, and is the card fee still ").d("three percent", "price").t("?")
        return "user", b, "n1"
    v = rng.randint(1, 3)
    if v == 1:
        b.t("Card number ").v(card_value(rng, mode), "CARD", None).t(", and the bill is ").d("ninety dollars", "price").t(".")
    elif v == 2:
        acct, sub = account_raw(rng)
        b.t("My account number is ").v((acct if mode == "fmt" else id_spoken(acct, mode, rng), sub), "ACCOUNT", None).t(" and I'll pay with ")
        b.v(card_value(rng, mode), "CARD", None).t(".")
    else:
        b.t("Put it on my ").t(rng.choice(["Visa", "Mastercard", "card"])).t(", ").v(card_value(rng, mode), "CARD", None).t(", zip ").v(zip_value(rng, mode, False), "ZIP", None).t(".")
    return "user", b, str(v)


def fam_vehicle_device(rng, mode, nophi):
    b = Builder(mode)
    if nophi:
        b.t("The CPAP pressure is set to ").d("twelve", "lab").t(" and the mask is size ").d("medium", "count").t(", app version ")
        b.d("2.8.1" if mode == "fmt" else "two point eight point one", "version").t(".")
        return "user", b, "n1"
    v = rng.randint(1, 4)
    if mode == "fmt":
        if v == 1:
            b.t("Parking permit for VIN ").v(vin(rng), "VEHICLE", "vin").t(", plate ").v(plate(rng), "VEHICLE", None).t(".")
        elif v == 2:
            b.t("Pump replaced; UDI ").v(udi(rng), "DEVICE", None).t(".")
        elif v == 3:
            b.t("Pacemaker serial ").v(serial(rng), "DEVICE", None).t(" interrogated in ").d(rng.choice(ROOMS), "room").t(".")
        else:
            b.t("Their car: plate ").v(plate(rng), "VEHICLE", None).t(" in the ").d("Lot B", "room").t(" handicap spot.")
        return rng.choice(["assistant", "user"]), b, str(v)
    if v in (1, 4):
        pl, sub = plate(rng)
        b.t("My license plate is ").v(id_spoken(pl, mode, rng, dash=False), "VEHICLE", sub + "_spoken").t(".")
    else:
        s, sub = serial(rng)
        b.t("The serial number on the CPAP is ").v(id_spoken(s, mode, rng), "DEVICE", sub + "_spoken").t(".")
    return "user", b, str(v)


def fam_license(rng, mode, nophi):
    b = Builder(mode)
    if nophi:
        b.t("Do I need my license to pick up the ").d(rng.choice(["Adderall", "oxycodone", "tramadol"]), "drug").t("? It's ")
        b.d("five milligrams" if mode != "fmt" else "5 mg", "dose").t(".")
        return "user", b, "n1"
    v = rng.randint(1, 3)
    if v == 1:
        dl, sub = dl_raw(rng)
        b.t("My driver's license is ").v((dl if mode == "fmt" else id_spoken(dl, mode, rng), sub), "LICENSE", None).t(".")
    elif v == 2:
        b = Builder("fmt")
        prov = Person(rng)
        b.t("Prescriber ").t(dr(rng)).v(prov.name("full"), "NAME", None).t(", NPI ").v(npi(rng), "LICENSE", "npi").t(", DEA ")
        b.v(dea(rng, prov.family), "LICENSE", "dea").t(".")
        return "assistant", b, "2"
    else:
        n = npi(rng)
        b.t("The doctor's NPI is ").v((n if mode == "fmt" else id_spoken(n, mode, rng), "npi"), "LICENSE", None).t(".")
    return "user", b, str(v)


def fam_sttrun(rng, mode, nophi):
    b = Builder("stt")
    if nophi:
        b.t("yeah so i take ").d("metformin five hundred twice a day", "dose").t(" and my sugar was ").d("one eighty", "lab")
        b.t(" this morning i will call back ").d("tomorrow", "relative_date").t(" around ").d("ten", "time")
        return "user", b, "n1"
    p = Person(rng)
    v = rng.randint(1, 3)
    b.t("yeah hi my name is ").v(p.name("full", "stt"), "NAME", None)
    if v == 1:
        b.t(" date of birth ").v(dob_value(rng, "stt"), "DOB", None).t(" and my phone is ").v(phone_value(rng, "stt"), "PHONE", None)
    elif v == 2:
        b.t(" i live at ").v(address_value(rng, "stt"), "ADDRESS", None).t(" in ").v(city_value(rng.choice(CITIES)[0], "stt"), "CITY", None)
        b.t(" and my medicaid number is ").v(id_spoken(plan_raw(rng)[0], "stt", rng, dash=False), "HEALTH_PLAN", "plan_spoken")
    else:
        b.t(" my wife ").v(Person(rng, pop=p.pop, g="f").name("first", "stt"), "NAME", None).t(" is ").v(age90_value(rng, "stt"), "AGE", None)
        b.t(" and she takes ").d("twenty milligrams", "dose").t(" her email is ").v(email_value(p, rng, "stt"), "EMAIL", None)
    b.t(" okay thank you")
    return "user", b, str(v)


# (family, phi count, nophi count, modes)
PLAN = [
    (fam_json, 24, 8, ["fmt"]), (fam_query, 12, 5, ["fmt"]), (fam_intake, 16, 5, ["fmt"]),
    (fam_hl7, 18, 6, ["fmt"]), (fam_csv, 16, 6, ["fmt"]), (fam_mdtable, 14, 6, ["fmt"]),
    (fam_soap, 16, 7, ["fmt"]), (fam_fax, 14, 5, ["fmt"]), (fam_x12, 14, 5, ["fmt"]),
    (fam_voicemail, 22, 7, ["spoken", "stt"]), (fam_referral, 14, 5, ["fmt"]), (fam_portal, 18, 6, ["fmt"]),
    (fam_sms, 20, 7, ["fmt"]), (fam_phone_groups, 24, 6, ["spoken", "stt"]),
    (fam_email_spoken, 20, 5, ["spoken", "stt"]), (fam_ip, 12, 4, ["fmt", "spoken", "stt"]),
    (fam_city, 18, 8, ["fmt", "spoken", "stt"]), (fam_address, 18, 5, ["fmt", "spoken", "stt"]),
    (fam_ids_hash, 16, 6, ["fmt"]), (fam_providers, 16, 6, ["fmt"]), (fam_nocue, 16, 0, ["fmt", "spoken", "stt"]),
    (fam_dates, 24, 9, ["fmt", "spoken", "stt"]), (fam_age, 14, 8, ["fmt", "spoken", "stt"]),
    (fam_payment, 14, 4, ["fmt", "spoken", "stt"]), (fam_vehicle_device, 18, 5, ["fmt", "spoken", "stt"]),
    (fam_license, 12, 4, ["fmt", "spoken", "stt"]), (fam_sttrun, 16, 5, ["stt"]),
]


# --------------------------------------------------------------------------------------------------
# self-check
# --------------------------------------------------------------------------------------------------
def is_punct_or_space(c):
    return c.isspace() or unicodedata.category(c)[0] in "PSZ"


def check(rec, meta, name_tokens, dist):
    t = rec["text"]
    rid = rec["id"]
    errs = []
    if unicodedata.normalize("NFC", t) != t:
        errs.append("text not NFC")
    if any(ord(c) > 0xFFFF for c in t):
        errs.append("non-BMP character")
    if t != t.strip():
        errs.append("leading/trailing whitespace")
    if meta["mode"] == "stt" and not re.fullmatch(r"[^\W_]+(?:[ '][^\W_]+)*'?", t, re.UNICODE):
        errs.append("stt text has punctuation/uppercase: " + repr(t[:80]))
    if meta["mode"] == "stt" and t != t.lower():
        errs.append("stt text not lowercase")
    prev_end = -1
    for s, ms in zip(rec["spans"], meta["spans"]):
        st, en, k = s["start"], s["end"], s["kind"]
        if k not in KINDS:
            errs.append(f"bad kind {k}")
        if not (0 <= st < en <= len(t)):
            errs.append(f"bad offsets {s}")
            continue
        if st < prev_end:
            errs.append(f"overlap/unsorted at {st}")
        prev_end = en
        val = t[st:en]
        if val != ms["value"]:
            errs.append(f"value mismatch {val!r} != {ms['value']!r}")
        first_ok = not is_punct_or_space(val[0]) or (k in ("PHONE", "FAX") and val[0] in "(+") or \
            (k == "DEVICE" and val[0] == "(")
        if not first_ok:
            errs.append(f"span starts with {val[0]!r}: {val!r}")
        if is_punct_or_space(val[-1]):
            errs.append(f"span ends with {val[-1]!r}: {val!r}")
        if st > 0 and t[st - 1].isalnum():
            errs.append(f"span starts inside a word: {t[max(0, st - 5):en]!r}")
        if en < len(t) and t[en].isalnum():
            errs.append(f"span ends inside a word: {t[st:en + 5]!r}")
        if val != val.strip():
            errs.append("span has outer whitespace")
    if (meta["template"].split("/")[-1].startswith("n")) != (not rec["spans"]):
        errs.append("nophi template with spans or phi template without spans")
    # no name token of a labeled name may appear outside spans (except words that are also names)
    covered = [False] * len(t)
    for s in rec["spans"]:
        for i in range(s["start"], s["end"]):
            covered[i] = True
    wordish = {w.lower() for w in WORD_NAMES}
    for tok in name_tokens:
        if tok in wordish:
            continue
        for m in re.finditer(r"(?<![^\W_])" + re.escape(tok) + r"(?![^\W_])", t, re.IGNORECASE):
            if not all(covered[m.start():m.end()]):
                errs.append(f"name token {tok!r} outside a span")
    # long digit runs outside spans and distractors would be unlabeled numbers
    dcov = covered[:]
    for dd in dist:
        for i in range(dd["start"], dd["end"]):
            dcov[i] = True
    for m in re.finditer(r"\d[\d\-. ]{5,}\d", t):
        if not any(covered[m.start():m.end()]) and not all(dcov[m.start():m.end()]):
            digits = re.sub(r"\D", "", m.group())
            if len(digits) >= 7:
                errs.append(f"unlabeled long number {m.group()!r}")
    if errs:
        raise SystemExit(f"SELF-CHECK FAILED for {rid} ({meta['template']}): " + "; ".join(errs) + f"\n  text={t!r}")


def main(argv):
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.dirname(os.path.dirname(here))
    out_dir = os.path.join(root, "bootstrap", "src", "test", "resources", "phi")
    if "--out-dir" in argv:
        out_dir = argv[argv.index("--out-dir") + 1]
    rng = random.Random(SEED)
    items = []
    for fam, n_phi, n_nophi, modes in PLAN:
        fname = fam.__name__[4:]
        jobs = [False] * n_phi + [True] * n_nophi
        for i, nophi in enumerate(jobs):
            mode = modes[i % len(modes)]
            role, b, var = fam(rng, mode, nophi)
            items.append((fname, var, role, b))
    rng.shuffle(items)
    recs, metas = [], []
    for i, (fname, var, role, b) in enumerate(items, 1):
        rid = f"{PREFIX}-{i:06d}"
        text = b.text()
        spans = [{"start": s["start"], "end": s["end"], "kind": s["kind"]} for s in b.spans]
        rec = {"id": rid, "role": role, "text": text, "spans": spans}
        meta = {"id": rid, "template": f"{PREFIX}/{fname}/{var}", "mode": b.mode,
                "spans": [{"start": s["start"], "end": s["end"], "kind": s["kind"], "sub": s["sub"], "value": s["value"]}
                          for s in b.spans],
                "distractors": b.dist}
        check(rec, meta, b.name_tokens, b.dist)
        for ms in meta["spans"]:
            del ms["value"]
        recs.append(rec)
        metas.append(meta)
    ids = [r["id"] for r in recs]
    assert len(set(ids)) == len(ids)
    os.makedirs(out_dir, exist_ok=True)
    with open(os.path.join(out_dir, "phi-adversarial.jsonl"), "w", encoding="utf-8", newline="\n") as f:
        for r in recs:
            f.write(json.dumps(r, ensure_ascii=False, separators=(",", ":")) + "\n")
    with open(os.path.join(out_dir, "phi-adversarial.meta.jsonl"), "w", encoding="utf-8", newline="\n") as f:
        for m in metas:
            f.write(json.dumps(m, ensure_ascii=False, separators=(",", ":")) + "\n")
    nophi = sum(1 for r in recs if not r["spans"])
    kinds = {}
    for r in recs:
        for s in r["spans"]:
            kinds[s["kind"]] = kinds.get(s["kind"], 0) + 1
    print(f"{len(recs)} records ({nophi} without PHI, {100 * nophi / len(recs):.1f}%), "
          f"{sum(kinds.values())} spans, {len({m['template'].split('/')[1] for m in metas})} families")
    print(" ".join(f"{k}={kinds.get(k, 0)}" for k in KINDS))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
