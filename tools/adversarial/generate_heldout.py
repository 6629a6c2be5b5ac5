#!/usr/bin/env python3
"""Generate the Masker HELD-OUT PHI evaluation set (python3 standard library only).

Writes, relative to the repository root:
  bootstrap/src/test/resources/phi/phi-heldout.jsonl       (records, same format as phi-dev.jsonl)
  bootstrap/src/test/resources/phi/phi-heldout.meta.jsonl  (template / family / mode / span sub-types)

This set is MEASURED, NEVER TUNED ON. It was written blind: without reading or running the detector
and without looking at any detector output. Its template families, sentences and value pools are
its own (no family of phi-dev, phi-dev2 or phi-adversarial is reused; name, town and street tokens
were chosen to be absent from those sets and from tools/adversarial/generate.py).

Labels follow PHI-DEV.md. Every span is recorded while the text is built piece by piece, and every
record is self-checked before anything is written; any violation aborts.

usage: python3 tools/adversarial/generate_heldout.py [--out-dir DIR]
"""
import datetime
import json
import os
import random
import re
import sys
import unicodedata

SEED = 20250611
PREFIX = "ho"

KINDS = ["NAME", "ADDRESS", "CITY", "ZIP", "DOB", "DATE", "AGE", "PHONE", "FAX", "EMAIL", "SSN", "MRN",
         "HEALTH_PLAN", "ACCOUNT", "CARD", "LICENSE", "VEHICLE", "DEVICE", "URL", "IP"]

# ==================================================================================================
# value pools (invented for this set; checked against the other sets' name/place tokens)
# ==================================================================================================
# population -> (female given, male given, family names); order "gf" = given family, "fg" = family first
POPS = {
    "vietnamese": (["Kim Oanh", "Xuân Lan", "Diệu Hạnh", "Hồng Tuyết"],
                   ["Đức Thắng", "Đức Nghĩa", "Trọng Nhân", "Khắc Duy", "Phước Lợi"],
                   ["Lương", "Kiều", "Tôn", "Cao", "Lưu", "Triệu", "Khúc", "Giáp"]),
    "korean": (["Da-som", "Bo-ram", "Seul-gi", "Geum-ja", "Mal-soon"],
               ["Byung-chul", "Seung-gi", "Man-sik", "Doo-hwan"],
               ["Chae", "Ryu", "Kwon", "Ahn", "Noh", "Yoon", "Maeng", "Pyo"]),
    "nigerian": (["Fọláṣadé", "Tèmítọ́pẹ́", "Ifeoma", "Obiageli", "Hadiza", "Ngozi", "Adaobi"],
                 ["Kelechi", "Ikenna", "Adébáyọ̀", "Abubakar", "Garba", "Olúmídé"],
                 ["Ọdúyẹmí", "Ògúnwálé", "Onwuachi", "Uzodinma", "Akínwùmí", "Danladi", "Ezeudu", "Nwankwo-Ude"]),
    "ethiopian": (["Tigist", "Meseret", "Hiwot", "Alemitu", "Genet"],
                  ["Yohannes", "Dawit", "Tewodros", "Getachew", "Berhanu"],
                  ["Woldemariam", "Gebremedhin", "Tadesse", "Kebede", "Ayele", "Mengistu"]),
    "arabic": (["Ghada", "Suha", "Manal", "Abeer", "Wafa"],
               ["Ziad", "Fadi", "Nabil", "Majed", "Osama"],
               ["Al-Qahtani", "Barakat", "Shaheen", "Al-Sabbagh", "El-Khatib", "Zoubi", "Abdelnour", "Bitar"]),
    "polish": (["Agnieszka", "Grażyna", "Elżbieta", "Jolanta", "Stanisława"],
               ["Wiesław", "Krzysztof", "Łukasz", "Przemysław", "Zdzisław"],
               ["Wiśniewska", "Zielińska", "Dąbrowska", "Woźniak", "Pietrzak", "Gąsior", "Śliwa", "Błaszczyk"]),
    "ukrainian": (["Olena", "Iryna", "Nataliia", "Halyna", "Solomiia"],
                  ["Mykola", "Taras", "Yurii", "Serhii", "Andrii"],
                  ["Tkachenko", "Melnyk", "Kravchuk", "Savchenko", "Hnatiuk", "Ostapchuk", "Dmytrenko"]),
    "filipino": (["Rosalinda", "Erlinda", "Leonora", "Jinky", "Marivic", "Mylene"],
                 ["Rommel", "Danilo", "Efren", "Jhun", "Nestor"],
                 ["Panganiban", "Lacson", "Buenaventura", "Carandang", "Dizon", "Sarmiento", "Quiambao", "Tuazon"]),
    "navajo": (["Dezbah", "Yanaba", "Shiyana", "Marlene", "Loretta"],
               ["Bidziil", "Niyol", "Delbert", "Darrell", "Ashkii"],
               ["Tsinajinnie", "Bitsui", "Etsitty", "Bedonie", "Peshlakai", "Tohtsoni", "Yellowman"]),
    "samoan": (["Losa", "Siniva", "Lagi", "Mele", "Faʻafetai"],
               ["Ioane", "Siaosi", "Tavita", "Fetu", "Paepae"],
               ["Tuilagi", "Leaupepe", "Faleolo", "Tuiasosopo", "Sapolu", "Aumua", "Soliai", "Faʻamausili"]),
    "haitian": (["Wiselande", "Guerline", "Nadège", "Ketly", "Mirlande", "Dieula"],
                ["Mackenson", "Pierre-Richard", "Wilner", "Frantz", "Dieuseul", "Jean-Wesner"],
                ["Pierre-Louis", "Désir", "Jean-Baptiste", "Théodore", "Bellegarde", "Célestin", "Altidor", "Dorvilus"]),
    "brazilian": (["Thaís", "Luíza", "Raimunda", "Conceição", "Adriana"],
                  ["João Vitor", "Rogério", "Sebastião", "Thiago", "Wanderley", "Edivaldo"],
                  ["Gonçalves", "Araújo", "Magalhães", "Assunção", "Brandão", "Nogueira", "Falcão"]),
    "punjabi": (["Jaswinder", "Kulwinder", "Navneet", "Gurleen", "Baljit"],
                ["Harjot", "Amandeep", "Sukhdev", "Balwinder", "Jagtar"],
                ["Dhillon", "Grewal", "Sidhu", "Brar", "Randhawa", "Bains", "Chahal", "Cheema"]),
    "somali": (["Hodan", "Faadumo", "Ubah", "Hibaaq", "Deeqa"],
               ["Cabdiraxmaan", "Guuleed", "Xuseen", "Maxamuud", "Sahal"],
               ["Warsame", "Cabdi", "Jaamac", "Xirsi", "Samatar", "Faarax"]),
    "hmong": (["Paj Ntaub", "Maiv Yer", "Nou", "Youa", "Houa"],
              ["Yeng", "Tou", "Chue", "Pheng", "Neng"],
              ["Xiong", "Vang", "Kue", "Moua", "Lor", "Vue", "Khang", "Chang"]),
    "hispanic": (["Rosalba", "Eréndira", "Maricruz", "Tonantzin", "Yadira", "Citlalli"],
                 ["Epifanio", "Crisóforo", "Rutilio", "Gumersindo", "Jacinto", "Tiburcio"],
                 ["Tzul", "Xicará", "Bocanegra", "Saucedo", "Villalobos", "Ontiveros", "Ixcoy", "Jáuregui",
                  "Maldonado-Téllez", "Cuxil"]),
    "irish": (["Siobhán", "Aoife", "Niamh", "Caoimhe", "Gráinne"],
              ["Pádraig", "Seán", "Ciarán", "Diarmuid", "Tadhg"],
              ["Mac Giolla", "Breathnach", "Nic Gearailt", "Mhic Aodha"]),
}
FAMILY_FIRST = {"vietnamese"}
# given names that are also ordinary English words (labeled only where used as a name)
WORD_NAMES = {"f": ["Penny", "Robin", "Hazel", "Holly", "Ginger"], "m": ["Drew", "Guy", "Art", "Rusty", "Clay"]}
WORD_SURNAMES = ["Whitlock", "Haverford", "Ashcombe", "Brightwater", "Lockridge"]

# (city, state, zip3-or-zip-prefix list)
CITIES = [("Worthington", "MN", ["56187"]), ("Storm Lake", "IA", ["50588"]), ("Tukwila", "WA", ["98168", "98188"]),
          ("Pawtucket", "RI", ["02860", "02861"]), ("Lewiston", "ME", ["04240"]), ("Clarkston", "GA", ["30021"]),
          ("Tuba City", "AZ", ["86045"]), ("Chinle", "AZ", ["86503"]), ("Kayenta", "AZ", ["86033"]),
          ("Crownpoint", "NM", ["87313"]), ("Pago Pago", "AS", ["96799"]), ("Elk Grove", "CA", ["95624", "95757", "95758"]),
          ("Bridgeport", "CT", ["06604", "06606", "06608"]), ("Toppenish", "WA", ["98948"]), ("Eagle Pass", "TX", ["78852"]),
          ("Socorro", "NM", ["87801"]), ("Cheektowaga", "NY", ["14225", "14227"]), ("Woonsocket", "RI", ["02895"]),
          ("Fall River", "MA", ["02720", "02721", "02724"]), ("Opelousas", "LA", ["70570"]), ("Thibodaux", "LA", ["70301"]),
          ("Pikeville", "KY", ["41501"]), ("Hazard", "KY", ["41701"]), ("Beckley", "WV", ["25801"]),
          ("Ypsilanti", "MI", ["48197", "48198"]), ("Wyoming", "MI", ["49509", "49519"]), ("Orem", "UT", ["84057", "84058"]),
          ("Kearns", "UT", ["84118"]), ("Wailuku", "HI", ["96793"]), ("Nome", "AK", ["99762"]), ("Utqiaġvik", "AK", ["99723"]),
          ("Peñasco", "NM", ["87553"]), ("Mayagüez", "PR", ["00680", "00682"]), ("Bayamón", "PR", ["00956", "00957", "00959"]),
          ("Cataño", "PR", ["00962"]), ("Homestead", "FL", ["33030", "33033"]), ("Federal Way", "WA", ["98003", "98023"]),
          ("Chelsea", "MA", ["02150"]), ("Everett", "MA", ["02149"]), ("Schenectady", "NY", ["12303", "12307"]),
          ("Maplewood", "MN", ["55109", "55119"]), ("Chicopee", "MA", ["01013", "01020"]), ("Holyoke", "MA", ["01040"]),
          ("Cranston", "RI", ["02910", "02920"]), ("Biddeford", "ME", ["04005"]), ("Winooski", "VT", ["05404"]),
          ("Shakopee", "MN", ["55379"]), ("Faribault", "MN", ["55021"]), ("Marshalltown", "IA", ["50158"]),
          ("Ottumwa", "IA", ["52501"]), ("Liberal", "KS", ["67901"]), ("Renton", "WA", ["98055", "98056", "98058"]),
          ("Pasco", "WA", ["99301"]), ("Sunnyside", "WA", ["98944"]), ("Wenatchee", "WA", ["98801"]),
          ("Woodburn", "OR", ["97071"]), ("Porterville", "CA", ["93257"]), ("Calexico", "CA", ["92231"]),
          ("Lynwood", "CA", ["90262"]), ("Chamblee", "GA", ["30341"]), ("Doraville", "GA", ["30340"]),
          ("Immokalee", "FL", ["34142"]), ("Belle Glade", "FL", ["33430"]), ("Kissimmee", "FL", ["34741", "34744"]),
          ("Elkhart", "IN", ["46514", "46516"]), ("Logansport", "IN", ["46947"]), ("Lorain", "OH", ["44052", "44055"]),
          ("Gadsden", "AL", ["35901", "35903"]), ("Albertville", "AL", ["35950", "35951"]), ("Ganado", "AZ", ["86505"]),
          ("Shonto", "AZ", ["86054"]), ("Tohatchi", "NM", ["87325"]), ("Zuni", "NM", ["87327"]), ("Anadarko", "OK", ["73005"]),
          ("Guymon", "OK", ["73942"]), ("Meriden", "CT", ["06450", "06451"]), ("Waterbury", "CT", ["06704", "06705", "06708"]),
          ("Poughkeepsie", "NY", ["12601", "12603"]), ("Lackawanna", "NY", ["14218"]), ("Aguadilla", "PR", ["00603", "00605"]),
          ("Humacao", "PR", ["00791"]), ("Guaynabo", "PR", ["00965", "00966", "00969"]), ("Kapaʻa", "HI", ["96746"]),
          ("Lāhainā", "HI", ["96761"]), ("Kaunakakai", "HI", ["96748"]), ("Nānākuli", "HI", ["96792"]),
          ("Unalaska", "AK", ["99685"]), ("Dillingham", "AK", ["99576"]), ("Grants", "NM", ["87020"])]
STATES = {"MN": "Minnesota", "IA": "Iowa", "KS": "Kansas", "WA": "Washington", "MA": "Massachusetts",
          "RI": "Rhode Island", "ME": "Maine", "GA": "Georgia", "AZ": "Arizona", "NM": "New Mexico",
          "AS": "American Samoa", "CA": "California", "NY": "New York", "CT": "Connecticut", "OH": "Ohio",
          "TX": "Texas", "LA": "Louisiana", "KY": "Kentucky", "WV": "West Virginia", "MI": "Michigan",
          "AL": "Alabama", "UT": "Utah", "HI": "Hawaii", "AK": "Alaska", "PR": "Puerto Rico", "FL": "Florida",
          "VT": "Vermont", "IN": "Indiana", "OK": "Oklahoma", "OR": "Oregon"}
STREETS = ["Dorchester Ave", "Kalihi St", "Rainier Ave S", "Bellaire Blvd", "Buford Hwy", "Flatbush Ave",
           "Cedar Ave S", "Livernois Ave", "Farnam St", "Spring Garden St", "Calle Loíza", "Avenida Ponce de León",
           "Merrimack St", "Lafayette Rd", "Pali Hwy", "Navajo Route 12", "Bayou Blue Rd", "Coal Branch Rd",
           "Grand River Ave", "Wolf Creek Rd", "Cherokee Trl", "Acushnet Ave", "Shawmut Ave", "Pleasant St",
           "Fountain St", "Hosmer St", "Niagara Falls Blvd", "Plainfield Pike", "Kahekili Hwy", "Magnolia Bend Dr"]
STREETS_SPOKEN = {"Ave": "Avenue", "St": "Street", "Blvd": "Boulevard", "Hwy": "Highway", "Rd": "Road",
                  "Trl": "Trail", "Dr": "Drive", "S": "South"}
EMAIL_DOMAINS = ["gmail.com", "yahoo.com", "hotmail.com", "icloud.com", "outlook.com", "aol.com", "live.com",
                 "msn.com", "ymail.com", "verizon.net", "charter.net", "protonmail.com", "me.com", "cox.net"]
AREA_CODES = ["612", "651", "763", "952", "253", "206", "425", "617", "508", "774", "401", "305", "786", "954",
              "559", "916", "714", "657", "770", "470", "716", "518", "801", "385", "985", "606", "304", "734",
              "248", "586", "787", "939", "684", "207", "978", "857", "618", "319", "620", "480"]
INTL_PHONES = {  # population -> (country word, number template, digit patterns)
    "nigerian": ("Nigeria", "+234 803 {a} {b}", "###|####"), "ethiopian": ("Ethiopia", "+251 91 {a} {b}", "###|####"),
    "vietnamese": ("Vietnam", "+84 90 {a} {b}", "###|####"), "korean": ("South Korea", "+82 10-{a}-{b}", "####|####"),
    "polish": ("Poland", "+48 {a} {b}", "601 ###|###"), "ukrainian": ("Ukraine", "+380 67 {a} {b}", "###|## ##"),
    "filipino": ("the Philippines", "+63 917 {a} {b}", "###|####"), "haitian": ("Haiti", "+509 {a} {b}", "37##|####"),
    "brazilian": ("Brazil", "+55 11 {a}-{b}", "9####|####"), "punjabi": ("India", "+91 {a} {b}", "98###|#####"),
    "somali": ("Somalia", "+252 61 {a}", "#######|"), "hispanic": ("Mexico", "+52 55 {a} {b}", "####|####"),
    "samoan": ("Samoa", "+685 {a}", "72#####|"), "irish": ("Ireland", "+353 87 {a} {b}", "###|####"),
}
CLINICS = ["Hennepin Healthcare", "Cook County Health", "Kaiser Permanente", "Intermountain Health",
           "Grady Memorial", "Bellevue Hospital", "Parkland Memorial", "Harborview Medical Center",
           "Jackson Memorial", "Cleveland Clinic", "Massachusetts General", "Sloan Kettering", "Dana-Farber",
           "Cedars-Sinai", "St. Jude", "Shriners Children's", "Vanderbilt Health", "Good Samaritan Home Health",
           "Northern Navajo Medical Center", "Lutheran Social Services", "Sunrise Dialysis", "Sutter Health", "Ochsner",
           "Hackensack Meridian"]
INSURERS = ["Blue Cross Blue Shield of Michigan", "Kaiser", "Aetna Better Health", "CareSource", "Centene",
            "Medica", "HealthPartners", "Tufts Health Plan", "Priority Health", "Amerigroup", "Triple-S",
            "MassHealth", "Medi-Cal", "AHCCCS", "SoonerCare", "Devoted Health", "Clover Health"]
EPONYMS = ["Raynaud's phenomenon", "Sjögren's syndrome", "Kawasaki disease", "Wilson's disease",
           "Huntington's disease", "Lou Gehrig's disease", "Down syndrome", "Dupuytren's contracture",
           "Paget's disease", "Osgood-Schlatter", "Baker's cyst", "a Whipple procedure", "a Nissen fundoplication",
           "Tay-Sachs", "Marfan syndrome", "Ehlers-Danlos", "Stevens-Johnson syndrome", "Hirschsprung disease",
           "Kaposi sarcoma", "Tourette syndrome", "Legg-Calvé-Perthes disease", "Tommy John surgery"]
SIGNS = ["Babinski sign", "Murphy's sign", "McBurney's point tenderness", "Romberg test", "Snellen 20/40",
         "Holter monitor", "Foley catheter", "Swan-Ganz catheter", "Gram stain", "Pap smear", "Kernig's sign",
         "Apgar 8/9", "Glasgow 15", "Mallampati II", "NYHA class III", "Wells score 4.5"]
DRUGS = ["Allegra", "Lyrica", "Evista", "Boniva", "Xarelto", "Jardiance", "Trulicity", "Entresto", "Farxiga",
         "Keppra", "Lexapro", "Abilify", "Lasix", "Norco", "Zofran", "Flomax", "Brilinta", "Humira", "Dupixent",
         "Januvia", "Valtrex", "Plavix", "Latuda", "Rexulti", "gabapentin", "hydrochlorothiazide", "losartan",
         "apixaban", "semaglutide", "pantoprazole", "albuterol", "methotrexate", "warfarin", "tramadol"]
DOSES = ["20 mg once daily", "0.5 mg at bedtime", "1,000 mg twice a day", "10 units with meals", "2 puffs q4h PRN",
         "75 mcg every morning", "12.5 mg BID", "300 mg three times a day", "1 tab PO daily", "5 mL twice daily"]
ROOMS = ["Room 5C", "Suite 330", "Bay 4", "Exam Room 9", "Pod B", "Room 1217", "Infusion Chair 6", "Suite 2100"]
TIMES = ["2:15 pm", "09:40", "11:20 AM", "6 am", "17:05", "half past four", "quarter to nine"]
VITALS = ["BP 146/92", "HR 104", "RR 22", "SpO2 91% on RA", "T 38.4 C", "wt 71.2 kg", "BMI 31.7", "glucose 243",
          "A1c 9.1%", "Cr 1.42", "Hgb 10.8", "TSH 4.9", "PSA 6.2", "BNP 1,140", "troponin <0.01", "Na 131"]
CPTS = ["99203", "99215", "99495", "99496", "G0180", "G0299", "70553", "74177", "93306", "77067", "45378", "20610"]
ICDS = ["I50.22", "J44.1", "E11.65", "N17.9", "Z79.4", "I63.9", "C50.911", "M17.11", "F32.1", "R26.81", "Z91.81", "L89.152"]
PRICES = ["$35 copay", "$1,842.17", "$9.99", "$412.00", "$75 no-show fee", "$2,500 out-of-pocket max"]
COUNTRIES = ["Somalia", "Haiti", "Samoa", "Ethiopia", "Brazil", "Ukraine", "Poland", "Vietnam", "Nigeria",
             "Guatemala", "the Dominican Republic", "Bangladesh", "Nepal", "Ireland"]
VERSIONS = ["v3.18.2", "2.7.0-beta", "iOS 17.4.1", "Android 14", "build 5521", "1.0.44"]
HOLIDAYS = ["Thanksgiving", "Christmas Eve", "the Fourth of July", "New Year's Day", "Labor Day", "Eid", "Tết"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
EMOJI = ["☺", "♥", "✔", "☹", "✨", "❤", "⚠", "☀", ":)", ":(", "<3", ":-/"]
SPELL_NATO = {c: w for c, w in zip("ABCDEFGHIJKLMNOPQRSTUVWXYZ",
              ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india", "juliet", "kilo",
               "lima", "mike", "november", "oscar", "papa", "quebec", "romeo", "sierra", "tango", "uniform",
               "victor", "whiskey", "x-ray", "yankee", "zulu"])}

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
MON3 = [m[:3] for m in MONTHS]
MESES = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre",
         "noviembre", "diciembre"]

# ==================================================================================================
# numbers in words (English and Spanish)
# ==================================================================================================
ONES = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
        "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
ORD = ["", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
       "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth",
       "nineteenth", "twentieth"]


def num2(n, hy=False):
    if n < 20:
        return ONES[n]
    t, o = divmod(n, 10)
    return TENS[t] if o == 0 else TENS[t] + ("-" if hy else " ") + ONES[o]


def num3(n, hy=False, and_=False):
    if n < 100:
        return num2(n, hy)
    h, r = divmod(n, 100)
    return ONES[h] + " hundred" + ((" and " if and_ else " ") + num2(r, hy) if r else "")


def ordw(n, hy=False):
    if n <= 20:
        return ORD[n]
    if n == 30:
        return "thirtieth"
    t, o = divmod(n, 10)
    return TENS[t] + ("-" if hy else " ") + ORD[o]


def sfx(n):
    return "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


def pairw(dd, hy=False):
    return ("oh " + ONES[int(dd[1])]) if dd[0] == "0" else num2(int(dd), hy)


def yearw(y, rng, hy=False):
    if 2000 <= y <= 2009:
        return "two thousand" + ("" if y == 2000 else " " + ONES[y - 2000])
    if y >= 2010:
        return rng.choice(["twenty ", "two thousand "]) + num2(y - 2000, hy)
    hi, lo = divmod(y, 100)
    return num2(hi, hy) + " " + (("oh " + ONES[lo]) if 0 < lo < 10 else ("hundred" if lo == 0 else num2(lo, hy)))


DIGW = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
HOMOPHONE = {"four": "for", "two": "to", "eight": "ate"}


def digw(s, rng, zero="oh", doubles=False, homophones=False):
    out, i = [], 0
    while i < len(s):
        c = s[i]
        w = (rng.choice(["oh", "zero"]) if zero == "mixed" else zero) if c == "0" else DIGW[int(c)]
        if homophones and w in HOMOPHONE and rng.random() < 0.6:
            w = HOMOPHONE[w]
        if doubles and i + 1 < len(s) and s[i + 1] == c:
            out.append("double " + w)
            i += 2
        else:
            out.append(w)
            i += 1
    return " ".join(out)


ES_ONES = ["cero", "uno", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve", "diez", "once", "doce",
           "trece", "catorce", "quince", "dieciséis", "diecisiete", "dieciocho", "diecinueve", "veinte", "veintiuno",
           "veintidós", "veintitrés", "veinticuatro", "veinticinco", "veintiséis", "veintisiete", "veintiocho",
           "veintinueve"]
ES_TENS = ["", "", "", "treinta", "cuarenta", "cincuenta", "sesenta", "setenta", "ochenta", "noventa"]


def es2(n):
    if n == 100:
        return "cien"
    if n > 100:
        return "ciento " + es2(n - 100)
    if n < 30:
        return ES_ONES[n]
    t, o = divmod(n, 10)
    return ES_TENS[t] + ("" if o == 0 else " y " + ES_ONES[o])


def es_year(y):
    if y >= 2000:
        return "dos mil" + ("" if y == 2000 else " " + es2(y - 2000))
    return "mil novecientos" + ("" if y == 1900 else " " + es2(y - 1900))


def es_digits(s):
    return " ".join(ES_ONES[int(c)] for c in s)


# ==================================================================================================
# checksums
# ==================================================================================================
def luhn_digit(payload):
    tot = 0
    for i, ch in enumerate(reversed(payload)):
        d = int(ch)
        if i % 2 == 0:
            d = d * 2 - 9 if d * 2 > 9 else d * 2
        tot += d
    return str((10 - tot % 10) % 10)


def luhn_ok(num):
    return luhn_digit(num[:-1]) == num[-1]


VIN_TR = {**{str(i): i for i in range(10)}, "A": 1, "B": 2, "C": 3, "D": 4, "E": 5, "F": 6, "G": 7, "H": 8,
          "J": 1, "K": 2, "L": 3, "M": 4, "N": 5, "P": 7, "R": 9, "S": 2, "T": 3, "U": 4, "V": 5, "W": 6,
          "X": 7, "Y": 8, "Z": 9}
VIN_W = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2]


def vin_check(v):
    r = sum(VIN_TR[c] * w for c, w in zip(v, VIN_W)) % 11
    return "X" if r == 10 else str(r)


def gtin_check(body):
    s = sum(int(c) * (3 if i % 2 == 0 else 1) for i, c in enumerate(reversed(body)))
    return str((10 - s % 10) % 10)


def dea_ok(d):
    n = [int(c) for c in d[2:]]
    return (n[0] + n[2] + n[4] + 2 * (n[1] + n[3] + n[5])) % 10 == n[6]


# ==================================================================================================
# helpers and builder
# ==================================================================================================
def fold(s):
    s = s.replace("đ", "d").replace("Đ", "D").replace("ł", "l").replace("Ł", "L").replace("ʻ", "'")
    return "".join(c for c in unicodedata.normalize("NFD", s) if not unicodedata.combining(c))


def pat(rng, p, letters="ABCDEFGHJKLMNPRSTUVWXYZ"):
    out = []
    for c in p:
        out.append(rng.choice("0123456789") if c == "#" else rng.choice(letters) if c == "@" else
                   rng.choice("123456789") if c == "%" else c)
    return "".join(out)


STT_DROP = re.compile(r"[,.;:?!\"()\[\]…]")


def stt_text(s):
    s = s.lower().replace("—", " ").replace(" - ", " ").replace("ʻ", "")
    s = re.sub(r"(?<=\w)-(?=\w)", " ", s)
    s = STT_DROP.sub("", s)
    return re.sub(r" {2,}", " ", s)


def stt_name(s):
    return re.sub(r" {2,}", " ", fold(s).lower().replace("-", " ").replace(".", "").replace(",", "")).strip()


class Builder:
    def __init__(self, mode):
        self.mode = mode
        self.parts, self.n, self.spans, self.dist = [], 0, [], []
        self.name_tokens = set()

    def _app(self, s):
        if self.mode == "stt":
            s = stt_text(s)
        if self.parts and self.parts[-1][-1:] in (" ", "\n") and s[:1] == " ":
            s = s.lstrip(" ")
        if not self.parts:
            s = s.lstrip(" ")
        if s:
            self.parts.append(s)
            self.n += len(s)
        return s

    def t(self, s):
        self._app(s)
        return self

    def d(self, s, typ):
        """a deliberate look-alike (never labeled); recorded as a distractor in meta"""
        lead = len(s) - len(s.lstrip(" "))
        if lead:
            self._app(s[:lead])
            s = s[lead:]
        st = self.n
        got = self._app(s)
        if got.strip():
            self.dist.append({"start": st, "end": self.n, "type": typ})
        return self

    def v(self, val, kind, sub=None):
        if isinstance(val, tuple):
            val, sub2 = val
            sub = sub or sub2
        assert kind in KINDS, kind
        assert val and val == val.strip(), (kind, val)
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


# ==================================================================================================
# persons and PHI values
# ==================================================================================================
class Person:
    def __init__(self, rng, pop=None, g=None, word=False, avoid=None):
        self.pop = pop or rng.choice(list(POPS))
        self.g = g or rng.choice("fm")
        fs, ms, lasts = POPS[self.pop]
        pool = [x for x in (fs if self.g == "f" else ms) if not avoid or x != avoid.given]
        self.given = rng.choice(pool)
        self.family = rng.choice(lasts)
        self.mi = rng.choice("ABCDEFGHJKLMNPRSTVW")
        if self.pop == "polish" and self.g == "m":
            self.family = {"Wiśniewska": "Wiśniewski", "Zielińska": "Zieliński", "Dąbrowska": "Dąbrowski"}.get(
                self.family, self.family)
        if self.pop == "ethiopian" or self.pop == "somali":   # given + father's name
            self.family = rng.choice(lasts)
        if word:
            self.pop = "wordname"
            self.given = rng.choice(WORD_NAMES[self.g])
            self.family = rng.choice(WORD_SURNAMES)

    def full(self):
        if self.pop in FAMILY_FIRST:
            return f"{self.family} {self.given}"
        return f"{self.given} {self.family}"

    def name(self, form="full", mode="fmt"):
        g, f = self.given, self.family
        s = {"full": self.full(), "western": f"{g} {f}", "first": g, "last": f, "mi": f"{g} {self.mi}. {f}",
             "init_last": f"{fold(g)[0]}. {f}", "last_first": f"{f}, {g}",
             "LAST_FIRST": f"{fold(f).upper()}, {fold(g).upper()}", "UPPER": fold(self.full()).upper(),
             "lower": self.full().lower(), "ascii": fold(self.full())}[form]
        if self.pop in FAMILY_FIRST and form == "first":
            s = g.split(" ")[-1]
        if mode == "stt":
            s = stt_name(s)
        elif mode == "spoken" and form not in ("lower",):
            s = s  # punctuated STT keeps diacritics half the time; callers decide with ascii
        acc = "_accented" if fold(s) != s else ""
        return s, f"name_{form}{acc}:{self.pop}"

    def letters(self):
        return re.sub(r"[^A-Za-z]", "", fold(self.family)).upper()

    def email(self, rng):
        g = re.sub(r"[^a-z]", "", fold(self.given).lower())
        f = re.sub(r"[^a-z]", "", fold(self.family).lower())
        n = rng.choice([str(rng.randint(1, 99)), str(rng.randint(1950, 2005)), ""])
        local = rng.choice([f"{g}.{f}", f"{g[0]}{f}{n}", f"{f}.{g}{n}", f"{g}_{f[:5]}", f"{g}{n}", f"{f}-{g[0]}"])
        return f"{local}@{rng.choice(EMAIL_DOMAINS)}"


def email_spoken(addr, rng, mode, lang="en"):
    local, dom = addr.split("@")
    words = {"en": {".": rng.choice(["dot", "period"]), "_": "underscore", "-": rng.choice(["dash", "hyphen"]),
                    "@": rng.choice(["at", "at sign"])},
             "es": {".": "punto", "_": "guion bajo", "-": "guion", "@": "arroba"}}[lang]
    out = []
    for tok in re.split(r"([._\-]|\d+)", local):
        if tok in words:
            out.append(words[tok])
        elif tok.isdigit():
            out.append(digw(tok, rng) if lang == "en" or len(tok) > 2 else es2(int(tok)))
        elif tok:
            out.append(tok)
    out.append(words["@"])
    out.append(f" {words['.']} ".join(dom.split(".")))
    s = " ".join(out)
    return s if mode != "stt" else stt_text(s)


def phone_num(rng):
    return rng.choice(AREA_CODES) + rng.choice("23456789") + pat(rng, "##") + pat(rng, "####")


def phone_fmt(rng, num=None, styles=None):
    num = num or phone_num(rng)
    a, e, l = num[:3], num[3:6], num[6:]
    st = rng.choice(styles or ["paren", "dash", "dot", "plus1", "e164", "space", "one_paren", "plus1_paren"])
    s = {"paren": f"({a}) {e}-{l}", "dash": f"{a}-{e}-{l}", "dot": f"{a}.{e}.{l}", "plus1": f"+1 {a}-{e}-{l}",
         "e164": f"+1{num}", "space": f"{a} {e} {l}", "one_paren": f"1 ({a}) {e}-{l}",
         "plus1_paren": f"+1 ({a}) {e}-{l}", "plain": num}[st]
    return s, "phone_" + st


def phone_spoken(rng, mode, num=None, styles=None, homophones=False):
    num = num or phone_num(rng)
    a, e, l = num[:3], num[3:6], num[6:]
    st = rng.choice(styles or ["groups", "pairs", "odd", "run", "double", "area_teens"])
    sep = rng.choice([", ", ". ", ", "]) if mode == "spoken" else " "
    z = rng.choice(["oh", "zero", "mixed"])
    if st == "groups":
        s = sep.join([digw(a, rng, z, homophones=homophones), digw(e, rng, z, homophones=homophones),
                      digw(l, rng, z, homophones=homophones)])
    elif st == "pairs":
        s = sep.join([digw(a, rng, z), digw(e, rng, z), pairw(l[:2]) + " " + pairw(l[2:])])
    elif st == "odd":
        digits, cuts, i = num, [], 0
        while i < len(digits):
            k = rng.choice([2, 3, 4])
            cuts.append(digits[i:i + k])
            i += k
        s = sep.join(digw(c, rng, z, homophones=homophones) for c in cuts)
    elif st == "run":
        s = digw(num, rng, z, homophones=homophones)
    elif st == "double":
        s = sep.join([digw(a, rng, z), digw(e, rng, z, doubles=True), digw(l, rng, z, doubles=True)])
    else:  # area code as "six twelve"
        s = sep.join([ONES[int(a[0])] + " " + (pairw(a[1:])), digw(e, rng, z), pairw(l[:2]) + " " + pairw(l[2:])])
    if mode == "stt":
        s = stt_text(s)
    return s, "phone_spoken_" + st + ("_homophone" if homophones else "")


def phone_value(rng, mode, **kw):
    if mode == "fmt":
        return phone_fmt(rng, kw.get("num"), kw.get("styles"))
    return phone_spoken(rng, mode, kw.get("num"), kw.get("sp_styles"), kw.get("homophones", False))


def intl_phone(rng, pop):
    country, tpl, p = INTL_PHONES[pop]
    pa, pb = p.split("|")
    return country, tpl.format(a=pat(rng, pa), b=pat(rng, pb)).strip(), "phone_intl"


def ssn_parts(rng):
    while True:
        a = rng.randint(1, 899)
        if a != 666:
            break
    return f"{a:03d}", f"{rng.randint(1, 99):02d}", f"{rng.randint(1, 9999):04d}"


def ssn_value(rng, mode, last4=False, lang="en"):
    a, g, s = ssn_parts(rng)
    if last4:
        if mode == "fmt":
            return s, "ssn_last4"
        if lang == "es":
            return es_digits(s), "ssn_last4_es"
        return (pairw(s[:2]) + " " + pairw(s[2:]) if rng.random() < 0.4 else digw(s, rng, "zero")), "ssn_last4_spoken"
    if mode == "fmt":
        st = rng.choice(["dash", "dash", "space", "plain"])
        return {"dash": f"{a}-{g}-{s}", "space": f"{a} {g} {s}", "plain": a + g + s}[st], "ssn_" + st
    if lang == "es":
        return ", ".join([es_digits(a), es_digits(g), es_digits(s)]) if mode == "spoken" else \
            " ".join([es_digits(a), es_digits(g), es_digits(s)]), "ssn_spoken_es"
    sep = rng.choice([", ", " dash "]) if mode == "spoken" else " "
    return sep.join([digw(a, rng, "zero"), digw(g, rng, "zero"), digw(s, rng, "zero")]), "ssn_spoken"


def DAYS(n):
    return datetime.timedelta(days=n)


def rdate(rng, y0, y1):
    y, m = rng.randint(y0, y1), rng.randint(1, 12)
    d = rng.randint(1, 28 if m == 2 else 30 if m in (4, 6, 9, 11) else 31)
    return datetime.date(y, m, d)


FMT_FULL = ["mdy", "mdy_nopad", "mdy2", "iso", "dmy_mon", "mon_d_y", "month_d_y", "d_month_y", "dot_dmy",
            "ymd_dot", "dmy_upper", "month_dth_y", "mdy_dash"]
FMT_PART = ["md", "month_d", "mon_dth", "month_y", "d_mon", "the_dth_of"]


def date_fmt(d, st):
    y, m, dd = d.year, d.month, d.day
    M = MONTHS[m - 1]
    return {"mdy": f"{m:02d}/{dd:02d}/{y}", "mdy_nopad": f"{m}/{dd}/{y}", "mdy2": f"{m}/{dd}/{y % 100:02d}",
            "iso": d.isoformat(), "dmy_mon": f"{dd:02d}-{MON3[m - 1]}-{y}", "mon_d_y": f"{MON3[m - 1]} {dd} {y}",
            "month_d_y": f"{M} {dd}, {y}", "d_month_y": f"{dd} {M} {y}", "dot_dmy": f"{dd:02d}.{m:02d}.{y}",
            "ymd_dot": f"{y}.{m:02d}.{dd:02d}", "dmy_upper": f"{dd:02d}{MON3[m - 1].upper()}{y}",
            "month_dth_y": f"{M} {dd}{sfx(dd)}, {y}", "mdy_dash": f"{m:02d}-{dd:02d}-{y}",
            "md": f"{m}/{dd}", "month_d": f"{M} {dd}", "mon_dth": f"{MON3[m - 1]} {dd}{sfx(dd)}",
            "month_y": f"{M} {y}", "d_mon": f"{dd} {MON3[m - 1]}", "the_dth_of": f"{dd}{sfx(dd)} of {M}"}[st]


SP_FULL = ["sp_month_ord_y", "sp_month_card_y", "sp_ord_of_month_y", "sp_num_slash", "sp_six_digits", "sp_month_the_ord_y"]
SP_PART = ["sp_month_ord", "sp_ord_of_month", "sp_month_the_ord", "sp_month_y"]


def date_sp(d, st, mode, rng):
    hy = mode == "spoken" and rng.random() < 0.4
    cm = ", " if mode == "spoken" and rng.random() < 0.6 else " "
    y, m, dd = d.year, d.month, d.day
    M = MONTHS[m - 1]
    s = {"sp_month_ord_y": f"{M} {ordw(dd, hy)}{cm}{yearw(y, rng, hy)}",
         "sp_month_card_y": f"{M} {num2(dd, hy)}{cm}{yearw(y, rng, hy)}",
         "sp_ord_of_month_y": f"{ordw(dd, hy)} of {M}{cm}{yearw(y, rng, hy)}",
         "sp_month_the_ord_y": f"{M} the {ordw(dd, hy)}{cm}{yearw(y, rng, hy)}",
         "sp_num_slash": f"{num2(m)} {num2(dd)} {pairw(f'{y % 100:02d}')}",
         "sp_six_digits": f"{digw(f'{m:02d}', rng)} {digw(f'{dd:02d}', rng)} {digw(f'{y % 100:02d}', rng)}",
         "sp_month_ord": f"{M} {ordw(dd, hy)}", "sp_ord_of_month": f"{ordw(dd, hy)} of {M}",
         "sp_month_the_ord": f"{M} the {ordw(dd, hy)}", "sp_month_y": f"{M} {yearw(y, rng, hy)}"}[st]
    return stt_text(s) if mode == "stt" else s


def date_es(d, full=True):
    day = "primero" if d.day == 1 else es2(d.day)
    s = f"{day} de {MESES[d.month - 1]}"
    return s + f" de {es_year(d.year)}" if full else s


def dob_value(rng, mode, d=None, styles=None):
    d = d or rdate(rng, 1922, 2012)
    if mode == "fmt":
        st = rng.choice(styles or FMT_FULL)
        return date_fmt(d, st), "dob_" + st
    st = rng.choice(styles or SP_FULL)
    return date_sp(d, st, mode, rng), "dob_" + st


def date_value(rng, mode, d=None, styles=None):
    d = d or rdate(rng, 2023, 2026)
    if mode == "fmt":
        st = rng.choice(styles or FMT_FULL + FMT_PART)
        return date_fmt(d, st), "date_" + st
    st = rng.choice(styles or SP_PART + SP_FULL[:3])
    return date_sp(d, st, mode, rng), "date_" + st


def age_num(rng):
    return rng.choice(list(range(90, 105)) + [106, 108])


def dob_for_age(rng, n, ref=2025):
    d = rdate(rng, ref - n - 1, ref - n - 1)
    return d if d.month > 6 else datetime.date(ref - n, d.month, d.day)


def age_value(rng, mode, n=None):
    n = n or age_num(rng)
    if mode == "fmt":
        return str(n), "age_digits"
    s = num3(n, mode == "spoken" and rng.random() < 0.5, and_=rng.random() < 0.4)
    return (stt_text(s) if mode == "stt" else s), "age_words"


def city_pick(rng):
    return rng.choice(CITIES)


def city_value(c, mode):
    name = c[0]
    if mode == "stt":
        return stt_name(name), "city_stt"
    return name, "city" + ("_accented" if fold(name) != name else "") + ("_multi" if " " in name else "")


def zip_value(rng, c, mode, plus4=None):
    z = rng.choice(c[2])
    p4 = pat(rng, "####") if (plus4 if plus4 is not None else rng.random() < 0.3) else None
    if mode == "fmt":
        return z + ("-" + p4 if p4 else ""), "zip9" if p4 else "zip5"
    s = digw(z, rng, rng.choice(["oh", "zero"])) + (" dash " + digw(p4, rng) if p4 else "")
    return s, "zip_spoken" + ("9" if p4 else "5")


def house_no(rng):
    return str(rng.choice([rng.randint(3, 98), rng.randint(101, 989), rng.randint(1001, 9899), rng.randint(10010, 24999)]))


def address_value(rng, mode, style=None):
    style = style or rng.choice(["street", "street", "apt", "unit_hash", "lot", "pobox", "nsew"])
    hn, st = house_no(rng), rng.choice(STREETS)
    if mode == "fmt":
        s = {"street": f"{hn} {st}", "apt": f"{hn} {st}, Apt {rng.choice(['2R', '14', '3-B', '108', 'G'])}",
             "unit_hash": f"{hn} {st} #{rng.randint(2, 420)}", "lot": f"{hn} {st} Lot {rng.randint(1, 80)}",
             "pobox": f"P.O. Box {rng.randint(11, 98999)}",
             "nsew": f"{hn} {rng.choice(['N', 'S', 'E', 'W', 'NE', 'SW'])} {st}"}[style]
        return s, "addr_" + style
    words = " ".join(STREETS_SPOKEN.get(w, w) for w in st.split(" "))
    if len(hn) == 4 and hn[2] != "0":
        hs = num2(int(hn[:2])) + " " + num2(int(hn[2:]))
    elif len(hn) <= 2:
        hs = num2(int(hn))
    else:
        hs = digw(hn, rng)
    style = style if style in ("street", "apt", "pobox") else "street"
    s = {"street": f"{hs} {words}", "apt": f"{hs} {words}, apartment {num2(rng.randint(1, 30))}",
         "pobox": f"P O Box {digw(str(rng.randint(100, 9999)), rng)}"}[style]
    if mode == "stt":
        s = stt_text(s)
    return s, "addr_spoken_" + style


MRN_STYLES = ["##########", "MR-####-####", "HN#######", "K-00######", "##-###-###", "A00######", "E#########",
              "UMC#######", "###-##-##-#", "PT%######", "%######", "CH-%#####"]


def mrn_value(rng):
    st = rng.choice(MRN_STYLES)
    return pat(rng, st), "mrn:" + st


def mbi(rng):
    L = "ACDEFGHJKMNPQRTUVWXY"
    AN = L + "0123456789"
    return (rng.choice("123456789") + rng.choice(L) + rng.choice(AN) + rng.choice("0123456789") + rng.choice(L) +
            rng.choice(AN) + rng.choice("0123456789") + rng.choice(L) + rng.choice(L) + pat(rng, "##"))


def plan_value(rng):
    k = rng.choice(["mbi", "mbi_dash", "cin", "uhc", "bcbs", "medi_cal", "generic"])
    if k == "mbi":
        return mbi(rng), "plan_mbi"
    if k == "mbi_dash":
        m = mbi(rng)
        return f"{m[:4]}-{m[4:7]}-{m[7:]}", "plan_mbi_dash"
    return {"cin": pat(rng, "@@#####@"), "uhc": pat(rng, "9########"), "bcbs": pat(rng, "XYP%########"),
            "medi_cal": pat(rng, "9#######@"), "generic": pat(rng, "M%#######-01")}[k], "plan_" + k


def account_value(rng):
    st = rng.choice(["HAR %########", "##########", "GT-######", "%###-###-##", "ACC%#######"])
    v = pat(rng, st)
    if v.startswith("HAR "):
        return v[4:], "acct_har"
    return v, "acct:" + st


def card_value(rng):
    k = rng.choice(["visa", "mc", "amex", "disc"])
    body = {"visa": "4" + pat(rng, "#" * 14), "mc": "5" + rng.choice("12345") + pat(rng, "#" * 13),
            "amex": "3" + rng.choice("47") + pat(rng, "#" * 12), "disc": "6011" + pat(rng, "#" * 11)}[k]
    num = body + luhn_digit(body)
    assert luhn_ok(num)
    groups = [num[:4], num[4:10], num[10:]] if k == "amex" else [num[i:i + 4] for i in range(0, 16, 4)]
    return num, groups, "card_" + k


def npi(rng):
    p9 = rng.choice("12") + pat(rng, "#" * 8)
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


def dl_value(rng):
    st, sub = rng.choice([("@#######", "dl_ca"), ("########", "dl_tx"), ("@###-###-##-###-#", "dl_fl"),
                          ("### ### ###", "dl_ny"), ("@############", "dl_mn"), ("WDL@@@@###@@", "dl_wa"),
                          ("@##-##-####", "dl_mi_like")])
    return pat(rng, st), sub


WMI = ["1N4", "2HG", "3FA", "5NP", "KNA", "JM1", "1GN", "4S4", "YV1", "SAL", "3GC", "ML3"]


def vin(rng):
    ch = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789"
    v = rng.choice(WMI) + "".join(rng.choice(ch) for _ in range(5)) + "0" + rng.choice("GHJKLMNPR") + \
        rng.choice(ch) + pat(rng, "######")
    v = v[:8] + vin_check(v) + v[9:]
    assert vin_check(v) == v[8] and len(v) == 17
    return v


def plate(rng):
    st = rng.choice(["%@@@###", "@@@ ###", "###-@@@", "@@#-####", "%@@#%#"])
    return pat(rng, st), "plate:" + st


def serial_value(rng):
    st, sub = rng.choice([("%##########", "serial_cpap_digits"), ("@@@######@", "serial_pacer"),
                          ("SM########", "serial_cgm"), ("%%@@######", "serial_o2"), ("NG-######-@", "serial_pump"),
                          ("@#@-###-####", "serial_hearing")])
    return pat(rng, st), sub


def udi_value(rng):
    body = "0" + pat(rng, "#" * 12)
    g = body + gtin_check(body)
    return f"(01){g}(17){rng.randint(26, 30)}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}(21){pat(rng, '@@####')}", "udi_gs1"


def url_value(p, rng, kinds=None):
    g = re.sub(r"[^a-z]", "", fold(p.given).lower())
    f = re.sub(r"[^a-z]", "", fold(p.family).lower())
    k = rng.choice(kinds or ["caringbridge", "gofundme", "facebook", "instagram", "blog", "youtube", "venmo", "mealtrain"])
    u = {"caringbridge": f"caringbridge.org/visit/{g}{f}", "gofundme": f"https://gofund.me/{pat(rng, '%#@#@#', 'abcdef')}",
         "facebook": f"https://www.facebook.com/{g}.{f}.{rng.randint(3, 90)}", "instagram": f"instagram.com/{f}_{g}",
         "blog": f"https://{g}{f}.blogspot.com", "youtube": f"youtube.com/@{g}{f}{rng.randint(1, 9)}",
         "venmo": f"venmo.com/u/{g}-{f}", "mealtrain": f"mealtrain.com/trains/{pat(rng, '%@#@#@', 'kmpqrvxz')}"}[k]
    return u, "url_" + k


def url_spoken(u, rng, mode):
    u = re.sub(r"^https://(www\.)?", "", u)
    out = []
    for tok in re.split(r"([./_\-@])", u):
        if tok in (".", "/", "_", "-", "@"):
            out.append({".": "dot", "/": "slash", "_": "underscore", "-": "dash", "@": "at"}[tok])
        elif tok:
            out.append(" ".join(re.sub(r"(\d)", lambda m: " " + DIGW[int(m.group(1))] + " ", tok).split()))
    s = " ".join(out)
    return stt_text(s) if mode == "stt" else s


def ipv4(rng):
    return [rng.choice([24, 50, 63, 69, 70, 72, 76, 96, 97, 100, 107, 136, 162, 172, 174, 208]),
            rng.randint(0, 255), rng.randint(0, 255), rng.randint(1, 254)]


def ip_value(rng, mode="fmt"):
    o = ipv4(rng)
    if mode == "fmt":
        if rng.random() < 0.35:
            h = lambda: pat(rng, rng.choice(["@##", "#@#@", "@#", "####"]), "abcdef").lstrip("0") or "a"
            if rng.random() < 0.5:
                return f"2600:{h()}:{h()}:{h()}:{h()}:{h()}:{h()}:{h()}", "ipv6_full"
            return f"2607:fb90:{h()}:{h()}::{h()}", "ipv6_compressed"
        return ".".join(map(str, o)), "ipv4"
    if rng.random() < 0.5:
        s = " dot ".join(digw(str(x), rng, "zero") for x in o)
    else:
        s = " dot ".join(num3(x) if x >= 100 else num2(x) for x in o)
    return (stt_text(s) if mode == "stt" else s), "ipv4_spoken"


def spelled(p, mode, rng):
    w = p.letters()
    if mode == "stt":
        return " ".join(w.lower()), "name_spelled_spaces"
    k = rng.choice(["dash", "nato", "space", "dots"])
    if k == "dash":
        return "-".join(w), "name_spelled_dash"
    if k == "nato":
        return ", ".join(f"{c} as in {SPELL_NATO[c]}" if i < 2 else c for i, c in enumerate(w)), "name_spelled_as_in"
    if k == "dots":
        return ". ".join(w), "name_spelled_dots"
    return " ".join(w), "name_spelled_space"


def dr(mode):
    return "doctor " if mode == "stt" else "Dr. "


def young_age(rng, mode="fmt"):
    n = rng.choice([34, 47, 58, 63, 71, 76, 82, 85, 87, 88, 89])
    if mode == "fmt":
        return str(n)
    return num2(n, mode == "spoken" and rng.random() < 0.5)


def pick(rng, seq):
    return rng.choice(seq)


LAST2 = [None, None]


def pick2(rng, seq):
    LAST2[:] = rng.sample(seq, 2)
    return LAST2


def rel(rng, g=None):
    r = rng.choice({"f": ["daughter", "sister", "niece", "wife", "granddaughter"],
                    "m": ["son", "brother", "nephew", "husband", "grandson"]}[g or rng.choice("fm")])
    return r


# ==================================================================================================
# families. Each returns (role, builder, variant); variants "nN" carry no PHI.
# ==================================================================================================
def fam_discharge(rng, mode, nophi):
    b = Builder("fmt")
    if nophi:
        v = rng.randint(1, 2)
        if v == 1:
            b.t("DISCHARGE SUMMARY (template)\nHospital course: ").d(young_age(rng), "age_under_90")
            b.t("-year-old with ").d(pick(rng, EPONYMS), "eponym").t(" admitted for CHF exacerbation (").d(pick(rng, ICDS), "icd10")
            b.t("). Diuresed with IV ").d("Lasix", "drug").t("; discharge weight ").d("71.2 kg", "vital").t(". ")
            b.d(pick2(rng, VITALS)[0], "lab").t(", ").d(LAST2[1], "lab").t(" at discharge.\nDischarge meds: ")
            b.d(pick(rng, DRUGS) + " " + pick(rng, DOSES), "dose").t("; ").d(pick(rng, DRUGS) + " " + pick(rng, DOSES), "dose")
            b.t(".\nFollow-up: ").d(pick(rng, CLINICS), "clinic").t(" heart failure clinic in 7-10 days, ").d(pick(rng, ROOMS), "room")
            b.t(". Billing: CPT ").d(pick(rng, ["99238", "99239"]), "cpt").t(".")
        else:
            b.t("Hospital course was uncomplicated. Patient was seen by cardiology; ").d(pick(rng, SIGNS), "eponym")
            b.t(" negative. Transitioned from heparin drip to ").d("apixaban 5 mg BID", "dose").t(" on hospital day ")
            b.d("3", "count").t(". Discharged home in stable condition on ").d(pick(rng, WEEKDAYS), "weekday").t(" at ")
            b.d(pick(rng, TIMES), "time").t(" with home health through ").d(pick(rng, CLINICS), "clinic")
            b.t(". Readmission risk (LACE) ").d("11", "score").t(".")
        return "system", b, f"n{v}"
    p, att, pcp = Person(rng), Person(rng), Person(rng)
    v = rng.randint(1, 3)
    if v == 1:
        b.t("DISCHARGE SUMMARY\nPatient: ").v(p.name(pick(rng, ["LAST_FIRST", "last_first", "UPPER"])), "NAME")
        n = age_num(rng) if rng.random() < 0.6 else rng.choice([67, 74, 81, 86, 89])
        b.t("    MRN: ").v(mrn_value(rng), "MRN").t("    DOB: ").v(dob_value(rng, "fmt", d=dob_for_age(rng, n)), "DOB")
        adm = rdate(rng, 2024, 2025)
        dst = pick(rng, FMT_FULL)
        b.t("\nAdmitted: ").v(date_value(rng, "fmt", d=adm, styles=[dst]), "DATE", "date_admit")
        b.t("    Discharged: ").v(date_value(rng, "fmt", d=adm + DAYS(rng.randint(2, 12)), styles=[dst]), "DATE", "date_discharge")
        b.t("\nAttending: ").v(att.name(pick(rng, ["full", "mi"])), "NAME").t(", MD\n\nHospital course: ")
        b.t("Mrs. " if p.g == "f" else "Mr. ").v(p.name("last"), "NAME").t(" is a ")
        if n >= 90:
            b.v(age_value(rng, "fmt", n), "AGE")
        else:
            b.d(str(n), "age_under_90")
        b.t("-year-old with ").d(pick(rng, EPONYMS), "eponym").t(" admitted with community-acquired pneumonia. ")
        b.d(pick(rng, VITALS), "lab").t(" on arrival. Treated with ").d("ceftriaxone 1 g daily", "dose")
        b.t(". Discharged home to ").v(city_value(city_pick(rng), "fmt"), "CITY").t(" with her " if p.g == "f" else " with his ")
        q = Person(rng, pop=p.pop, avoid=p)
        b.t(rel(rng, q.g)).t(", ").v(q.name("first"), "NAME").t(" (").v(phone_fmt(rng), "PHONE").t(").\n")
        b.t("Follow-up: Dr. ").v(pcp.name("last"), "NAME").t(" on ").v(date_value(rng, "fmt", styles=FMT_PART), "DATE", "date_followup")
        b.t(" at ").d(pick(rng, TIMES), "time").t(", ").d(pick(rng, ROOMS), "room").t(". PCP fax: ").v(phone_fmt(rng), "FAX").t(".")
    elif v == 2:
        b.t("Brief narrative: ").v(p.name(pick(rng, ["full", "mi"])), "NAME").t(", a ").v(age_value(rng, "fmt"), "AGE")
        b.t(" yo ").t("woman" if p.g == "f" else "man").t(" from ").v(city_value(city_pick(rng), "fmt"), "CITY")
        adm = rdate(rng, 2023, 2025)
        b.t(", presented on ").v(date_value(rng, "fmt", d=adm, styles=["md", "month_d", "mon_dth", "the_dth_of"]), "DATE", "date_admit")
        b.t(" after a fall at home. CT head negative; ").d(pick(rng, SIGNS), "eponym").t(". Discharged to ").d(pick(rng, CLINICS), "clinic")
        b.t(" SNF on ").v(date_value(rng, "fmt", d=adm + DAYS(rng.randint(3, 15)), styles=FMT_FULL), "DATE", "date_discharge").t(". ")
        q = Person(rng, pop=p.pop, avoid=p)
        b.t("HCP is " + ("her " if p.g == "f" else "his ") + rel(rng, q.g) + " ").v(q.name("full"), "NAME")
        b.t(", cell ").v(phone_fmt(rng), "PHONE").t(", e-mail ").v(q.email(rng), "EMAIL", "email_fmt").t(".")
    else:
        b.t("Dear ").v(p.name("first"), "NAME").t(",\nYou were in the hospital from ")
        b.v(date_value(rng, "fmt", styles=["month_d", "md", "mon_dth"]), "DATE", "date_admit").t(" to ")
        b.v(date_value(rng, "fmt", styles=["month_d", "md", "mon_dth", "month_dth_y"]), "DATE", "date_discharge")
        b.t(" for ").d(pick(rng, EPONYMS), "eponym").t(". Please take ").d(pick(rng, DRUGS) + " " + pick(rng, DOSES), "dose")
        b.t(".\nYour next appointment: ").d(pick(rng, WEEKDAYS), "weekday").t(", ")
        b.v(date_value(rng, "fmt", styles=["month_d", "md", "month_dth_y"]), "DATE", "date_followup").t(" at ")
        b.d(pick(rng, TIMES), "time").t(" with ").v(att.name(pick(rng, ["full", "init_last"])), "NAME").t(", NP.\n")
        b.t("We will call you at ").v(phone_fmt(rng), "PHONE").t(" within 2 days. Call 911 for chest pain.")
    return "system", b, str(v)


PA_DRUGS = {"Dupixent": "300 mg SC every 2 weeks", "Humira": "40 mg SC every other week", "Entresto": "24/26 mg BID",
            "Trulicity": "1.5 mg weekly", "Jardiance": "10 mg daily", "Rexulti": "2 mg daily", "Latuda": "40 mg with dinner",
            "Xarelto": "20 mg with the evening meal", "Otezla": "30 mg BID", "Nurtec ODT": "75 mg every other day"}
PHARMS = ["Walgreens", "CVS Pharmacy", "Rite Aid", "Costco Pharmacy", "Hy-Vee Pharmacy", "Kroger Pharmacy"]


def fam_rx_ivr(rng, mode, nophi):
    b = Builder("spoken")
    cm = mode  # caller line style: spoken or stt-like lowercase
    ph = pick(rng, PHARMS)
    b.t(f"IVR: Thank you for calling the {ph} automated refill line.")
    if nophi:
        v = rng.randint(1, 2)
        b.t(" For refills, say refill or press 1.\nCALLER: refill\n")
        if v == 1:
            b.t("IVR: I found a prescription for ").d(pick(rng, DRUGS), "drug").t(", ").d(pick(rng, DOSES), "dose")
            b.t(", with ").d(pick(rng, ["two refills", "three refills", "no refills"]), "count").t(" remaining. Say yes to refill it.\n")
            b.t("CALLER: yes please\nIVR: Your refill will be ready ").d(pick(rng, WEEKDAYS), "weekday").t(" after ")
            b.d(pick(rng, TIMES), "time").t(". Your copay is ").d(pick(rng, PRICES[:4]), "price").t(". Goodbye.")
        else:
            b.t("IVR: Sorry, I didn't get that. Our pharmacy is closed on ").d(pick(rng, HOLIDAYS), "holiday")
            b.t(". For store hours say hours.\nCALLER: uh hours\nIVR: The pharmacy is open ").d("nine a.m. to nine p.m.", "time")
            b.t(" daily and ").d("ten to six", "time").t(" on Sundays. For the ").d("90-day supply", "count").t(" program, say mail order.")
        return "system", b, f"n{v}"
    p = Person(rng)
    v = rng.randint(1, 4)
    b.t(" Please say the patient's date of birth.\nCALLER: ")
    b.v(dob_value(rng, "stt" if cm == "stt" else "spoken"), "DOB")
    if v == 1:
        b.t("\nIVR: Now say the phone number on the prescription.\nCALLER: ")
        b.v(phone_spoken(rng, "stt" if cm == "stt" else "spoken"), "PHONE")
        b.t("\nIVR: Thanks. I found prescriptions for ").v(p.name("western"), "NAME").t(". Refill the ")
        b.d(pick(rng, DRUGS), "drug").t("?\nCALLER: yes the ").d(pick(rng, DRUGS).lower(), "drug").t(" too")
    elif v == 2:
        b.t("\nIVR: I couldn't find that. Say your insurance member ID, one character at a time.\nCALLER: ")
        pid = plan_value(rng)[0]
        b.v(" ".join(("oh" if c == "0" else DIGW[int(c)]) if c.isdigit() else (c if cm != "stt" else c.lower())
                     for c in pid if c != "-"), "HEALTH_PLAN", "plan_spoken_chars")
        b.t("\nIVR: And the last four digits of the social security number.\nCALLER: ")
        b.v(ssn_value(rng, "spoken", last4=True), "SSN")
    elif v == 3:
        b.t("\nIVR: Your copay is ").d(pick(rng, PRICES[:4]), "price").t(". Say or enter the card number.\nCALLER: ")
        num, groups, sub = card_value(rng)
        sep = ", " if cm != "stt" else " "
        b.v(sep.join(digw(g, rng, "zero") for g in groups), "CARD", sub + "_spoken")
        b.t("\nIVR: And the billing ZIP code.\nCALLER: ")
        b.v(zip_value(rng, city_pick(rng), "spoken", plus4=False), "ZIP")
    else:
        b.t("\nIVR: Please spell the patient's last name.\nCALLER: ")
        b.v(spelled(p, "stt" if cm == "stt" else "spoken", rng), "NAME")
        b.t("\nIVR: I heard ").v(p.name("western"), "NAME").t(". To reach a pharmacist, say pharmacist.\nCALLER: pharmacist, she's ")
        b.v(age_value(rng, "spoken"), "AGE").t(" and the ").d(pick(rng, DRUGS), "drug").t(" makes her dizzy")
    return "system", b, str(v)


def fam_reminder_thread(rng, mode, nophi):
    b = Builder("fmt")
    clinic = pick(rng, CLINICS)
    wd = pick(rng, ["Mon", "Tue", "Wed", "Thu", "Fri"])
    if nophi:
        v = rng.randint(1, 2)
        b.t(f"[{wd} 9:0{rng.randint(0, 9)} AM] {clinic}: Reminder: you have an appointment ")
        b.d(pick(rng, ["tomorrow", "on " + pick(rng, WEEKDAYS)]), "relative_date").t(" at ").d(pick(rng, TIMES), "time")
        b.t(". Reply C to confirm, R to reschedule. Msg&data rates may apply.\n")
        if v == 1:
            b.t(f"[{wd} 9:14 AM] Patient: C\n[{wd} 9:14 AM] {clinic}: Thank you! Please arrive 15 min early and bring your med list. Parking is ")
            b.d("$5", "price").t(" in Garage B.")
        else:
            b.t(f"[{wd} 11:52 AM] Patient: R. will there be a slot after ").d(pick(rng, TIMES), "time").t(" on ").d(pick(rng, WEEKDAYS), "weekday")
            b.t("? i have dialysis MWF ✔\n[").t(wd).t(" 11:53 AM] ").t(clinic).t(": A scheduler will call you. Reply STOP to opt out.")
        return "system", b, f"n{v}"
    p, doc = Person(rng), Person(rng)
    v = rng.randint(1, 4)
    b.t(f"[{wd} 8:3{rng.randint(0, 9)} AM] {clinic} → ").v(phone_fmt(rng, styles=["paren", "e164", "dash"]), "PHONE")
    b.t(": Hi ").v(p.name("first"), "NAME").t(", this is a reminder of your appt with Dr. ").v(doc.name("last"), "NAME")
    b.t(" on ").v(date_value(rng, "fmt", styles=["md", "month_d", "mon_dth", "mdy_nopad"]), "DATE", "date_appt")
    b.t(" at ").d(pick(rng, TIMES), "time").t(". Reply C to confirm, R to reschedule.\n")
    b.t(f"[{wd} 8:5{rng.randint(0, 9)} AM] Reply: ")
    if v == 1:
        q = Person(rng, pop=p.pop, avoid=p)
        b.t("R - cant make it, my " + rel(rng, q.g) + " ").v(q.name(pick(rng, ["first", "western"])), "NAME")
        b.t(" has surgery that day. can we do ").v(date_value(rng, "fmt", styles=["md", "month_d"]), "DATE", "date_appt").t(" instead?")
    elif v == 2:
        b.t("This is her daughter. Mom passed away on ").v(date_value(rng, "fmt", styles=["md", "month_d", "mdy"]), "DATE", "date_death")
        b.t(". Please remove ").v(p.name("full"), "NAME").t(" from your list. ☹")
    elif v == 3:
        q = Person(rng)
        b.t("wrong number, this is ").v(q.name(pick(rng, ["western", "lower"])), "NAME").t(" not ").v(p.name("first"), "NAME")
        b.t(". she changed her number to ").v(phone_fmt(rng, styles=["dash", "space", "plain", "dot"]), "PHONE")
    else:
        b.t("C. also new address ").v(address_value(rng, "fmt"), "ADDRESS").t(" ")
        c = city_pick(rng)
        b.v(city_value(c, "fmt"), "CITY").t(" ").v(zip_value(rng, c, "fmt"), "ZIP").t(" pls update")
    b.t(f"\n[{wd} 9:0{rng.randint(0, 9)} AM] {clinic}: Thank you, we have updated our records.")
    return "system", b, str(v)


def fam_prior_auth(rng, mode, nophi):
    b = Builder("fmt")
    drug, sig = pick(rng, list(PA_DRUGS.items()))
    if nophi:
        b.t("PRIOR AUTHORIZATION CRITERIA — ").d(drug, "drug").t(" (").d(pick(rng, INSURERS), "insurer").t(")\n")
        b.t("1. Diagnosis of ").d(pick(rng, EPONYMS), "eponym").t(" or ICD-10 ").d(pick(rng, ICDS), "icd10").t(".\n")
        b.t("2. Trial and failure of ").d(pick(rng, DRUGS), "drug").t(" for at least ").d("90 days", "count").t(".\n")
        b.t("3. Labs within 60 days (e.g. ").d(pick(rng, VITALS), "lab").t(").\n4. Approval duration: ")
        b.d("12 months", "count").t("; reauthorization requires chart notes. Decisions are issued within 72 hours.")
        return "assistant", b, "n1"
    p, doc = Person(rng), Person(rng)
    v = rng.randint(1, 3)
    b.t("RE: Prior Authorization Request — ").d(drug, "drug").t("\nPatient: ").v(p.name(pick(rng, ["full", "mi", "LAST_FIRST"])), "NAME")
    b.t("\nDate of Birth: ").v(dob_value(rng, "fmt"), "DOB").t("\nMember ID: ").v(plan_value(rng), "HEALTH_PLAN")
    b.t("\nGroup #: ").d(pat(rng, "%######"), "group_number").t("\nPrescriber: ").v(doc.name(pick(rng, ["full", "mi"])), "NAME")
    b.t(", MD   NPI: ").v(npi(rng), "LICENSE", "npi")
    if v == 3:
        b.t("   DEA: ").v(dea(rng, doc.family), "LICENSE", "dea")
    b.t("\nOffice phone: ").v(phone_fmt(rng), "PHONE").t("   Fax: ").v(phone_fmt(rng), "FAX").t("\n\n")
    b.t("To the Pharmacy Review Team at ").d(pick(rng, INSURERS), "insurer").t(":\n\nI am requesting coverage of ")
    b.d(drug + " " + sig, "dose").t(" for ").t("Ms. " if p.g == "f" else "Mr. ").v(p.name("last"), "NAME")
    b.t(", who has ").d(pick(rng, EPONYMS), "eponym").t(" (").d(pick(rng, ICDS), "icd10").t(").")
    if v >= 2:
        b.t(" The patient failed ").d(pick(rng, [x for x in DRUGS if x != drug]), "drug").t(" started on ")
        b.v(date_value(rng, "fmt", d=rdate(rng, 2021, 2023), styles=["month_y", "mdy", "month_d_y"]), "DATE", "date_trial")
        adm, dst = rdate(rng, 2024, 2025), pick(rng, ["md", "mdy", "month_d"])
        b.t(" and was hospitalized from ").v(date_value(rng, "fmt", d=adm, styles=[dst]), "DATE", "date_admit").t(" to ")
        b.v(date_value(rng, "fmt", d=adm + DAYS(rng.randint(1, 9)), styles=[dst]), "DATE", "date_discharge").t(".")
    b.t(" Please fax the determination to ").v(phone_fmt(rng, styles=["dash", "paren"]), "FAX").t(".\n\nSincerely,\n")
    b.v(doc.name("full"), "NAME").t(", MD")
    return "assistant", b, str(v)


TESTS = ["lipid panel", "CBC with differential", "comprehensive metabolic panel", "hemoglobin A1c", "TSH", "urinalysis",
         "vitamin D", "PSA", "lipid panel and A1c"]


def fam_lab_email(rng, mode, nophi):
    b = Builder("fmt")
    test = pick(rng, TESTS)
    if nophi:
        b.t("From: Patient Portal Notifications\nSubject: New test result available\n\nHello,\n\nA new result (")
        b.d(test, "test").t(") has been released to your portal. Reference ranges: ").d(pick2(rng, VITALS)[0], "lab").t(", ")
        b.d(LAST2[1], "lab").t(". Results released on ").d(pick(rng, WEEKDAYS), "weekday").t("s may be reviewed by your care team within ")
        b.d("3 business days", "count").t(".\nThis mailbox is not monitored. For emergencies call 911.\n— ")
        b.d(pick(rng, CLINICS), "clinic").t(" (app ").d(pick(rng, VERSIONS), "version").t(")")
        return "system", b, "n1"
    p, doc = Person(rng), Person(rng)
    v = rng.randint(1, 3)
    if v in (1, 2):
        b.t("From: Patient Portal Notifications\nTo: ").v(p.email(rng), "EMAIL", "email_fmt")
        b.t("\nSubject: Test results for ").v(p.name(pick(rng, ["full", "first"])), "NAME").t("\n\nHello ")
        b.v(p.name(pick(rng, ["first", "western"])), "NAME").t(",\n\nYour ").d(test, "test").t(" from your visit on ")
        b.v(date_value(rng, "fmt"), "DATE", "date_visit").t(" is ready: ").d(pick2(rng, VITALS)[0], "lab").t(", ")
        b.d(LAST2[1], "lab").t(".\nOrdered by: ").v(doc.name(pick(rng, ["full", "init_last"])), "NAME").t(", PA-C\n")
        if v == 2:
            b.t("Chart: ").v(mrn_value(rng), "MRN").t("   Account: ").v(account_value(rng), "ACCOUNT").t("\n")
        b.t("Log in to the portal to see comments. Do not reply to this e-mail.")
    else:
        b.t("Subject: RE: Test results\n\nHi Dr. ").v(doc.name("last"), "NAME").t(", thanks for the note. Should I worry about the ")
        b.d(pick(rng, VITALS), "lab").t("? My mother had ").d(pick(rng, EPONYMS), "eponym").t(".\n\n")
        b.v(p.name(pick(rng, ["full", "mi"])), "NAME").t("\n").v(address_value(rng, "fmt"), "ADDRESS").t("\n")
        c = city_pick(rng)
        b.v(city_value(c, "fmt"), "CITY").t(", ").t(c[1]).t(" ").v(zip_value(rng, c, "fmt"), "ZIP").t("\nmobile ")
        b.v(phone_fmt(rng), "PHONE").t("\nSent from my iPhone")
    return "system", b, str(v)


def typo_phone(rng):
    num = phone_num(rng)
    a, e, l = num[:3], num[3:6], num[6:]
    st = rng.choice(["nospace", "glued", "space", "mixed", "dots2"])
    return {"nospace": num, "glued": f"{a}{e} {l}", "space": f"{a} {e} {l}", "mixed": f"({a}){e} {l}",
            "dots2": f"{a}.{e}{l}"}[st], "phone_typo_" + st


def fam_chat_typos(rng, mode, nophi):
    b = Builder("fmt")
    em = lambda: " " + pick(rng, EMOJI)
    if nophi:
        v = rng.randint(1, 5)
        if v == 5:
            b.t("omw!! running ").d("10 min", "count").t(" late, is it ").d(pick(rng, ROOMS).lower(), "room").t(" or the new building on ")
            b.d(pick(rng, ["level 3", "floor 2", "garage b"]), "room").t(em()).t(" copay still ").d(pick(rng, ["$35", "$20", "$0"]), "price").t("?")
        elif v == 1:
            b.t("lol the ").d(pick(rng, ["lyrica", "allegra", "evista", "latuda"]), "drug").t(" makes me sooo dizzy").t(em())
            b.t(" is that normal?? also ").d(pick(rng, ["bp 146/92", "sugar 243", "hr 104", "o2 91%"]), "lab").t(" this am")
        elif v == 2:
            b.t("can i take ").d(pick(rng, DRUGS).lower(), "drug").t(" w my ").d(pick(rng, DRUGS).lower(), "drug")
            b.t(" or will it mess w the ").d(pick(rng, ["inr", "a1c", "potasium", "kidneys"]), "lab").t(em())
        elif v == 3:
            b.t("will the ").d(pick(rng, ["2:15", "930", "11:20"]), "time").t(" appt still happen if it snows ❄ i live like ")
            b.d(pick(rng, ["40 min", "an hour", "12 miles"]), "count").t(" out. grace period for the copay?")
        else:
            b.t("hiii quick q ").t(em()).t(" does ").d(pick(rng, INSURERS), "insurer").t(" cover ").d(pick(rng, EPONYMS), "eponym")
            b.t(" testing? cpt ").d(pick(rng, CPTS), "cpt").t(" is what they told me lol. im ").d(young_age(rng), "age_under_90").t(" btw")
        return "user", b, f"n{v}"
    v = rng.randint(1, 6)
    p = Person(rng, g={1: "f", 4: "m"}.get(v))
    if v == 1:
        b.t("hii so my mom ").v(p.name("lower"), "NAME")
        b.t(" cant log in").t(em()).t(" her dob is ").v(dob_value(rng, "fmt", styles=["mdy_nopad", "mdy2", "mdy"]), "DOB")
        b.t(" and it says acount locked??")
    elif v == 2:
        b.t("new # is ").v(typo_phone(rng), "PHONE").t(" pls update my chart thnks").t(em()).t(" - ")
        b.v((p.name("first")[0].lower(), p.name("first")[1]), "NAME")
    elif v == 3:
        b.t("i moved!! new adress ").v((address_value(rng, "fmt")[0].lower(), "addr_lower"), "ADDRESS").t(" ")
        c = city_pick(rng)
        b.v((c[0].lower(), "city_lower"), "CITY").t(" ").v(zip_value(rng, c, "fmt", plus4=False), "ZIP").t(" so send the bill there not the old one").t(em())
    elif v == 4:
        b.t("my dad is in the icu, we made a page for updates ").v(url_value(p, rng), "URL")
        b.t(" can u share w dr ").v((Person(rng).family.lower(), "name_last_lower"), "NAME").t("? he's ").v(age_value(rng, "fmt"), "AGE").t(" so everyone is worried").t(em())
    elif v == 5:
        b.t("recieved the perscription but its under the wrong name, its ").v(p.name("lower"), "NAME")
        b.t(" not ").v((Person(rng, pop=p.pop, avoid=p).given.lower(), "name_first_lower"), "NAME").t(". email me at ").v(p.email(rng), "EMAIL", "email_fmt")
    else:
        b.t("ok paying the ").d(pick(rng, PRICES[:4]), "price").t(" on acct ").v(account_value(rng), "ACCOUNT").t(" now, card ")
        num, groups, sub = card_value(rng)
        b.v(pick(rng, [" ".join(groups), "".join(groups)]), "CARD", sub).t(" is that safe to type here").t(em())
    return "user", b, str(v)


def fam_codeswitch(rng, mode, nophi):
    b = Builder(mode)
    if nophi:
        v = rng.randint(1, 2)
        if v == 1:
            b.t("Hola, buenas tardes, quería preguntar si el doctor acepta ").d(pick(rng, INSURERS), "insurer")
            b.t(", because my plan changed. Tengo diabetes y tomo metformina ").d("quinientos miligramos", "dose")
            b.t(" dos veces al día. My sugar was like ").d("two forty", "lab").t(" this morning.")
        else:
            b.t("Sí, sí, la cita es el ").d("martes", "weekday").t(" a las ").d("tres y media", "time")
            b.t(", right? Mi hija tiene ").d("ocho años", "age_under_90").t(" and she has asthma, usa el ")
            b.d("albuterol", "drug").t(" two puffs. Okay, gracias, muy amable.")
        return "user", b, f"n{v}"
    p = Person(rng, pop=pick(rng, ["hispanic", "hispanic", "brazilian", "filipino"]))
    v = rng.randint(1, 7)
    nm = p.name(pick(rng, ["full", "western"]), mode)
    b.t(pick(rng, ["Hola, sí, ", "Bueno, hi, ", "Oye, okay, ", "Sí, hello, "]))
    b.t(pick(rng, ["mi nombre es ", "me llamo ", "my name is, eh, "])).v(nm, "NAME")
    if v == 1:
        b.t(", and I'm calling porque necesito una cita. Mi fecha de nacimiento es el ")
        d = rdate(rng, 1930, 1999)
        b.v((date_es(d), "dob_es"), "DOB").t(".")
    elif v == 2:
        q = Person(rng, pop=p.pop, g="f", avoid=p)
        b.t(", I'm calling for my mom, mi mamá, se llama ").v(q.name("western", mode), "NAME").t(", y tiene ")
        n = rng.choice(range(90, 104))
        b.v((es2(n), "age_es"), "AGE").t(" años, she can't hear well.")
    elif v == 3:
        num = phone_num(rng)
        es = (", " if mode == "spoken" else " ").join([es_digits(num[:3]), es_digits(num[3:6]), es_digits(num[6:])])
        b.t(". Mi número es ").v((es, "phone_es_digits"), "PHONE").t(pick(rng, [", or in English, ", ", I mean, "]))
        b.v(phone_spoken(rng, mode, num=num, styles=["groups"]), "PHONE").t(".")
    elif v == 4:
        b.t(". Vivo en el ").v(address_value(rng, mode, style="street"), "ADDRESS").t(", en ")
        c = city_pick(rng)
        b.v(city_value(c, mode), "CITY").t(", código postal ").v(zip_value(rng, c, "spoken", plus4=False), "ZIP").t(".")
    elif v == 7:
        b.t(". Para la factura, mi seguro social es ").v(ssn_value(rng, "spoken" if mode == "spoken" else "stt", lang="es"), "SSN")
        acct = account_value(rng)
        b.t(pick(rng, [", and the account number, ", ", y el número de cuenta es "])).v((id_chars(acct[0], mode), acct[1] + "_spoken"), "ACCOUNT").t(".")
    elif v == 6:
        b.t(". Mi hija puso todo en su página, ").v((url_spoken(url_value(Person(rng, pop=p.pop, g="f", avoid=p), rng)[0], rng, mode), "url_spoken"), "URL")
        b.t(", para la familia en ").d(pick(rng, ["México", "Guatemala", "Brasil", "Filipinas"]), "country").t(".")
    else:
        b.t(". Mi correo es ").v((email_spoken(p.email(rng), rng, mode, "es"), "email_spoken_es"), "EMAIL")
        b.t(" y el seguro es ").d(pick(rng, ["Medi-Cal", "MassHealth", "AHCCCS", "Triple-S"]), "insurer").t(", el número de miembro es ")
        pid = plan_value(rng)[0]
        b.v((" ".join(ES_ONES[int(c)] if c.isdigit() else (c if mode != "stt" else c.lower()) for c in pid if c != "-"), "plan_es_chars"), "HEALTH_PLAN").t(".")
    return "user", b, str(v)


def mbi_spoken(m, mode):
    out = []
    for c in m:
        out.append(("oh" if c == "0" else DIGW[int(c)]) if c.isdigit() else (c if mode != "stt" else c.lower()))
    return " ".join(out)


def fam_caregiver(rng, mode, nophi):
    b = Builder(mode)
    if nophi:
        v = rng.randint(1, 3)
        b.t(pick(rng, ["Hi, ", "Yes, hello, ", "Hey, good morning, "]))
        if v == 3:
            b.t("my father turns ").d("eighty-nine", "age_under_90").t(" in ").d(pick(rng, MONTHS), "month").t(". He's been on ").d("warfarin", "drug")
            b.t(" since ").d(yearw(rng.randint(2008, 2020), rng), "year").t(", and his INR was ").d("two point four", "lab").t(" last week at ")
            b.d(pick(rng, CLINICS), "clinic").t(". Does ").d(pick(rng, INSURERS), "insurer").t(" cover the home testing kit?")
        elif v == 1:
            b.t("I'm calling about my mother's ").d(pick(rng, DRUGS), "drug").t(". She's ").d(num2(rng.choice([84, 86, 87, 88, 89])), "age_under_90")
            b.t(" and since she started the ").d("seventy-five milligram", "dose").t(" dose she's been falling. Her pressure was ")
            b.d("one forty over ninety", "lab").t(". Is ").d(pick(rng, CLINICS), "clinic").t(" open on ").d(pick(rng, HOLIDAYS), "holiday").t("?")
        else:
            b.t("I take care of my dad, he has ").d(pick(rng, ["Parkinson's", "Alzheimer's", "Lou Gehrig's disease", "Huntington's"]), "eponym")
            b.t(". We moved him here from ").d(pick(rng, COUNTRIES), "country").t(" back in ").d(yearw(rng.randint(2015, 2023), rng), "year")
            b.t(". I will need the forms for ").d(pick(rng, INSURERS), "insurer").t(", and I hope the ").d("ninety day supply", "count").t(" is approved.")
        return "user", b, f"n{v}"
    word = pick(rng, ["father", "mother", "dad", "mom", "grandmother", "grandfather"])
    par = Person(rng, g="f" if word in ("mother", "mom", "grandmother") else "m")
    me = Person(rng, pop=par.pop, avoid=par)
    v = rng.randint(1, 6)
    n = age_num(rng)
    b.t(pick(rng, ["Hi, yes, ", "Hello, ", "Yeah, hi, "])).t(f"I'm calling for my {word}, ").v(par.name(pick(rng, ["full", "western"]), mode), "NAME")
    b.t(". ").t("She's " if par.g == "f" else "He's ").v(age_value(rng, mode, n), "AGE")
    b.t(" and can't really come to the phone. ")
    if v == 1:
        b.t("Date of birth is ").v(dob_value(rng, mode, d=dob_for_age(rng, n)), "DOB").t(". I'm the ").t("daughter" if me.g == "f" else "son")
        b.t(", ").v(me.name(pick(rng, ["full", "first"]), mode), "NAME").t(", I'm on the HIPAA form.")
    elif v == 2:
        b.t("The Medicare number is ").v((mbi_spoken(mbi(rng), mode), "plan_mbi_spoken"), "HEALTH_PLAN").t(", and the social is ")
        b.v(ssn_value(rng, mode), "SSN").t(".")
    elif v == 3:
        b.t("I have power of attorney. Can the nurse call me at ").v(phone_spoken(rng, mode), "PHONE")
        b.t("? It's ").v(me.name("first", mode), "NAME").t(".")
    elif v == 4:
        b.t("We set up a fundraiser for the surgery, it's ")
        b.v((url_spoken(url_value(par, rng, ["caringbridge", "gofundme", "mealtrain"])[0], rng, mode), "url_spoken"), "URL")
        b.t(", if the social worker wants to see it.")
    elif v == 6:
        b.t("I post updates on ").v((url_spoken(url_value(me, rng)[0], rng, mode), "url_spoken"), "URL")
        b.t(" and my e-mail is ").v((email_spoken(me.email(rng), rng, mode), "email_spoken"), "EMAIL").t(".")
    else:
        b.t("The home nurse should come to ").v(address_value(rng, mode, style=pick(rng, ["street", "apt"])), "ADDRESS").t(" in ")
        c = city_pick(rng)
        b.v(city_value(c, mode), "CITY").t(", not the old place. The surgery is on ").v(date_value(rng, mode), "DATE", "date_surgery").t(".")
    return "user", b, str(v)


def id_chars(s, mode):
    out = []
    for c in s:
        if c.isdigit():
            out.append("zero" if c == "0" else DIGW[int(c)])
        elif c.isalpha():
            out.append(c if mode != "stt" else c.lower())
        elif c == "-":
            out.append("dash")
    return " ".join(out)


def fam_rad_header(rng, mode, nophi):
    if nophi:
        b = Builder("fmt")
        b.t("EXAM: MRI BRAIN WITHOUT AND WITH CONTRAST (CPT ").d("70553", "cpt").t(")\nTECHNIQUE: Multiplanar ").d("1.5 T", "value")
        b.t(" imaging; ").d("15 mL", "dose").t(" gadobutrol.\nCOMPARISON: None.\nFINDINGS: ").d("4 mm", "value")
        b.t(" nonspecific T2 hyperintensity; no ").d(pick(rng, ["Chiari malformation", "Dandy-Walker variant", "Arnold-Chiari"]), "eponym")
        b.t(".\nIMPRESSION: No acute intracranial abnormality. ").d("BI-RADS 2", "score").t(" not applicable. ICD-10 ").d(pick(rng, ICDS), "icd10")
        return "system", b, "n1"
    p, ref, rad = Person(rng), Person(rng), Person(rng)
    v = rng.randint(1, 3)
    if v in (1, 2):
        b = Builder("fmt")
        b.t("EXAM: ").t(pick(rng, ["CT ABDOMEN/PELVIS W CONTRAST", "CHEST 2 VIEWS", "US RENAL COMPLETE"] +
                               (["MAMMO SCREENING BILAT"] if p.g == "f" else ["XR KNEE 3 VIEWS LEFT"])))
        n = age_num(rng) if rng.random() < 0.5 else rng.choice([58, 66, 73, 79, 84, 88, 89])
        b.t("\nPATIENT: ").v(p.name(pick(rng, ["LAST_FIRST", "UPPER"])), "NAME").t("   DOB: ")
        b.v(dob_value(rng, "fmt", d=dob_for_age(rng, n), styles=["mdy", "dmy_mon", "dmy_upper"]), "DOB")
        if n >= 90:
            b.t("   AGE: ").v(age_value(rng, "fmt", n), "AGE").t(" y")
        else:
            b.t("   AGE: ").d(str(n), "age_under_90").t(" y")
        dos = rdate(rng, 2025, 2025)
        b.t("\nMRN: ").v(mrn_value(rng), "MRN").t("   DOS: ").v(date_value(rng, "fmt", d=dos, styles=FMT_FULL), "DATE", "date_service")
        b.t("\nREFERRING: ").v(ref.name(pick(rng, ["LAST_FIRST", "mi", "full"])), "NAME").t(", MD (NPI ").v(npi(rng), "LICENSE", "npi").t(")")
        if v == 2:
            b.t("\nIMPLANT: pacemaker SN ").v(serial_value(rng), "DEVICE").t(" (MR conditional)")
        b.t("\nCOMPARISON: ").v(date_value(rng, "fmt", d=dos - DAYS(rng.randint(30, 900)), styles=["mdy", "iso"]), "DATE", "date_prior").t("\nHISTORY: ")
        b.d(pick(rng, EPONYMS), "eponym").t("; ").d(pick(rng, ICDS), "icd10")
        return "system", b, str(v)
    b = Builder("spoken" if mode == "fmt" else mode)
    m = b.mode
    b.t(f"This is {dr(m)}").v(rad.name(pick(rng, ["full", "last"]), m), "NAME").t(" dictating a ").t(pick(rng, ["chest x-ray", "CT of the head", "renal ultrasound"]))
    b.t(" on ").v(p.name("western", m), "NAME").t(", date of birth ").v(dob_value(rng, m), "DOB").t(", medical record number ")
    dos = rdate(rng, 2025, 2025)
    b.v((id_chars(mrn_value(rng)[0], m), "mrn_spoken"), "MRN").t(". Date of exam ").v(date_value(rng, m, d=dos), "DATE", "date_service")
    b.t(". Comparison ").v(date_value(rng, m, d=dos - DAYS(rng.randint(30, 900)), styles=SP_FULL[:3]), "DATE", "date_prior").t(". Findings: no acute process, period. New paragraph.")
    return "system", b, "3"


AGENCIES = ["Good Samaritan Home Health", "Lutheran Social Services", "Sunrise Home Care", "VNS Health", "Bayada"]


def fam_homehealth(rng, mode, nophi):
    b = Builder("fmt")
    ag = pick(rng, AGENCIES)
    if nophi:
        b.t("SN VISIT NOTE — ").d(ag, "clinic").t("\nTime in ").d("10:05", "time").t("  Time out ").d("10:52", "time")
        b.t("\nPt alert, oriented x3. ").d(pick2(rng, VITALS)[0], "lab").t(", ").d(LAST2[1], "lab").t(". Stage 2 pressure injury L heel (")
        b.d("L89.622", "icd10").t("), ").d("2 x 1.5 cm", "value").t(", no drainage. Caregiver educated on ").d(pick(rng, DRUGS), "drug")
        b.t(" ").d(pick(rng, DOSES), "dose").t(". Next SN visit per schedule (").d("2w4", "frequency").t("). G-code ").d("G0299", "cpt").t(".")
        return "system", b, "n1"
    p = Person(rng)
    v = rng.randint(1, 3)
    c = city_pick(rng)
    b.t("SN VISIT NOTE — ").d(ag, "clinic").t("\nVisit date: ").v(date_value(rng, "fmt", styles=FMT_FULL), "DATE", "date_visit")
    b.t("   Time in ").d("09:15", "time").t("\nPt: ").v(p.name(pick(rng, ["full", "last_first", "mi"])), "NAME").t(" (")
    if rng.random() < 0.55:
        b.v(age_value(rng, "fmt"), "AGE")
    else:
        b.d(young_age(rng), "age_under_90")
    b.t(" y/o)\nHome: ").v(address_value(rng, "fmt", style=pick(rng, ["street", "apt", "unit_hash", "lot", "nsew"])), "ADDRESS").t(", ").v(city_value(c, "fmt"), "CITY").t(", ").t(c[1]).t(" ")
    b.v(zip_value(rng, c, "fmt"), "ZIP")
    q = Person(rng, pop=p.pop, avoid=p)
    b.t("\nCaregiver: ").t(rel(rng, q.g)).t(" ").v(q.name(pick(rng, ["full", "first"])), "NAME").t(" ").v(phone_fmt(rng), "PHONE")
    b.t("\nVitals: ").d(pick2(rng, VITALS)[0], "lab").t(", ").d(LAST2[1], "lab")
    if v >= 2:
        b.t("\nDME: O2 concentrator SN ").v(serial_value(rng), "DEVICE").t(", ").d("2 L/min", "dose").t(" via NC")
    if v == 3:
        b.t("\nOrders faxed to Dr. ").v(Person(rng).name("last"), "NAME").t(" at ").v(phone_fmt(rng, styles=["dash", "paren"]), "FAX")
    b.t("\nNarrative: pt's dog at the door, ").d(pick(rng, EPONYMS), "eponym").t(" stable. Next visit ")
    b.d(pick(rng, WEEKDAYS), "weekday").t(" ").v(date_value(rng, "fmt", styles=["md", "month_d", "d_mon"]), "DATE", "date_visit").t(".")
    return "system", b, str(v)


def fam_tele_yaml(rng, mode, nophi):
    b = Builder("fmt")
    if nophi:
        b.t("visit:\n  type: telehealth\n  reason: \"").d(pick(rng, EPONYMS), "eponym").t(" follow-up\"\n  vitals_reported:\n    bp: \"")
        b.d(f"{rng.randint(110, 160)}/{rng.randint(60, 99)}", "lab").t("\"\n    weight_lb: ").d(str(rng.randint(110, 260)), "vital")
        b.t("\n  meds:\n    - name: ").d(pick(rng, DRUGS), "drug").t("\n      sig: \"").d(pick(rng, DOSES), "dose")
        b.t("\"\n  codes: [").d(pick(rng, CPTS), "cpt").t(", \"").d(pick(rng, ICDS), "icd10").t("\"]\nclient:\n  app: ")
        b.d(pick(rng, VERSIONS), "version").t("\n  room: virtual-").d(str(rng.randint(2, 9)), "room").t("\n  started: \"").d(pick(rng, ["14:30", "09:05", "16:45"]), "time").t("\"")
        return "system", b, "n1"
    p = Person(rng)
    v = rng.randint(1, 3)
    c = city_pick(rng)
    q = lambda: pick(rng, ['"', ""])
    b.t("intake:\n  patient:\n    name: ").v(p.name(pick(rng, ["full", "western", "ascii"])), "NAME")
    b.t("\n    preferred: ").v(p.name("first"), "NAME").t("\n    dob: ")
    qq = q()
    n = age_num(rng)
    b.t(qq).v(dob_value(rng, "fmt", d=dob_for_age(rng, n) if v == 1 else None, styles=["iso", "mdy", "d_month_y"]), "DOB").t(qq)
    if v == 1:
        b.t("\n    age: ").v(age_value(rng, "fmt", n), "AGE")
    if v == 2:
        b.t("\n    family_updates: ").v(url_value(p, rng), "URL")
    b.t("\n    phone: \"").v(phone_fmt(rng, styles=["e164", "plus1", "dash"]), "PHONE").t("\"")
    b.t("\n  address:\n    line1: ").v(address_value(rng, "fmt", style=pick(rng, ["street", "apt", "unit_hash", "nsew"])), "ADDRESS").t("\n    city: ").v(city_value(c, "fmt"), "CITY")
    b.t("\n    state: ").t(c[1]).t("\n    zip: \"").v(zip_value(rng, c, "fmt"), "ZIP").t("\"")
    b.t("\n  visit:\n    reason: ").d(pick(rng, EPONYMS), "eponym").t("\n    scheduled: ").v(date_value(rng, "fmt", styles=["iso", "mdy"]), "DATE", "date_appt")
    b.t(" ").d(pick(rng, ["14:30", "09:05", "16:45"]), "time")
    b.t("\n  connection:\n    ip: ").v(ip_value(rng), "IP").t("\n    client: ").d(pick(rng, VERSIONS), "version")
    if v >= 2:
        b.t("\n  devices:\n    - kind: ").t(pick(rng, ["cgm", "bp_cuff", "pulse_ox"])).t("\n      serial: ").v(serial_value(rng), "DEVICE")
    if v == 3:
        b.t("\n  insurance:\n    payer: ").d(pick(rng, INSURERS), "insurer").t("\n    member_id: ").v(plan_value(rng), "HEALTH_PLAN")
    return "system", b, str(v)


def jesc(s):
    return json.dumps(s, ensure_ascii=False)[1:-1]


def fam_chat_api(rng, mode, nophi):
    b = Builder("fmt")
    clinic = pick(rng, CLINICS)
    call = "call_" + pat(rng, "@#@@#@#@@#", "abcdefghkmnpqrstuvwxyz")
    b.t('{"model":"').d(pick(rng, ["gpt-4o-mini", "gpt-4.1", "claude-3-5-sonnet"]), "version").t('","temperature":0.2,"messages":[')
    b.t('{"role":"system","content":"You are the scheduling assistant for ').d(jesc(clinic), "clinic").t('."},')
    if nophi:
        v = rng.randint(1, 2)
        if v == 1:
            b.t('{"role":"user","content":"do you take ').d(pick(rng, INSURERS), "insurer").t(' and is ').d(pick(rng, DRUGS), "drug")
            b.t(' covered"}],"tools":[{"type":"function","function":{"name":"lookup_formulary","parameters":{"type":"object",')
            b.t('"properties":{"drug":{"type":"string"},"tier":{"type":"integer","enum":[1,2,3,4]}},"required":["drug"]}}}]}')
        else:
            b.t('{"role":"assistant","tool_calls":[{"id":"').d(call, "call_id").t('","type":"function","function":{"name":"find_slots",')
            b.t('"arguments":"{\\"cpt\\":[\\"').d(pick(rng, CPTS), "cpt").t('\\",\\"').d(pick(rng, CPTS), "cpt").t('\\"],\\"room\\":\\"')
            b.d(pick(rng, ROOMS), "room").t('\\",\\"weekday\\":\\"').d(pick(rng, WEEKDAYS), "weekday").t('\\",\\"after\\":\\"').d("13:30", "time").t('\\"}"}}]}]}')
        return "assistant", b, f"n{v}"
    p = Person(rng)
    v = rng.randint(1, 4)
    b.t('{"role":"user","content":"hi this is ').v((jesc(p.name(pick(rng, ["full", "western"]))[0]), "name_json"), "NAME")
    b.t(', my birthday is ').v(dob_value(rng, "fmt", styles=["month_d_y", "mdy_nopad", "d_month_y"]), "DOB").t('"},')
    b.t('{"role":"assistant","tool_calls":[{"id":"').d(call, "call_id").t('","type":"function","function":{"name":"')
    if v == 1:
        b.t('upsert_contacts","arguments":"{\\"patient\\":{\\"name\\":\\"').v((jesc(p.name("full")[0]), "name_json"), "NAME")
        q = Person(rng, pop=p.pop, avoid=p)
        b.t('\\",\\"contacts\\":[{\\"name\\":\\"').v((jesc(q.name("full")[0]), "name_json"), "NAME").t('\\",\\"relation\\":\\"').t(rel(rng, q.g))
        b.t('\\",\\"phones\\":[\\"').v(phone_fmt(rng, styles=["e164"]), "PHONE").t('\\",\\"').v(phone_fmt(rng, styles=["dash", "paren"]), "PHONE")
        b.t('\\"]}]}}"}}]}]}')
    elif v == 2:
        b.t('register_device","arguments":"{\\"mrn\\":\\"').v(mrn_value(rng), "MRN").t('\\",\\"devices\\":[{\\"kind\\":\\"insulin_pump\\",\\"serial\\":\\"')
        b.v(serial_value(rng), "DEVICE").t('\\"},{\\"kind\\":\\"cgm\\",\\"udi\\":\\"').v(udi_value(rng), "DEVICE")
        b.t('\\"}],\\"client\\":{\\"ip\\":\\"').v(ip_value(rng), "IP").t('\\",\\"app\\":\\"').d(pick(rng, VERSIONS), "version").t('\\"}}"}}]}]}')
    elif v == 3:
        b.t('book","arguments":"{\\"slots\\":[{\\"date\\":\\"').v(date_value(rng, "fmt", styles=["iso"]), "DATE", "date_appt")
        b.t('\\",\\"time\\":\\"').d("10:40", "time").t('\\"}],\\"notify\\":{\\"email\\":\\"').v(p.email(rng), "EMAIL", "email_fmt")
        b.t('\\",\\"sms\\":\\"').v(phone_fmt(rng, styles=["e164"]), "PHONE").t('\\"},\\"provider\\":\\"').v((jesc(Person(rng).name("init_last")[0]), "name_json"), "NAME")
        b.t('\\"}"}}]}]}')
    else:
        b.t('verify_identity","arguments":"{\\"ssn_last4\\":\\"').v(ssn_value(rng, "fmt", last4=True), "SSN")
        b.t('\\",\\"coverage\\":[{\\"payer\\":\\"').d(pick(rng, INSURERS), "insurer").t('\\",\\"member_id\\":\\"').v(plan_value(rng), "HEALTH_PLAN")
        b.t('\\"}],\\"guarantor\\":{\\"account\\":\\"').v(account_value(rng), "ACCOUNT").t('\\",\\"dl\\":\\"').v(dl_value(rng), "LICENSE")
        b.t('\\"}}"}}]}]}')
    return "assistant", b, str(v)


def fam_kvlog(rng, mode, nophi):
    b = Builder("fmt")
    hh, mm, ss = rng.randint(7, 19), rng.randint(0, 59), rng.randint(0, 50)
    ts = lambda k: f"t={hh:02d}:{mm:02d}:{ss + k:02d}.{rng.randint(100, 999)}"
    trace = pat(rng, "@#@@#@#@", "abcdef")
    if nophi:
        b.d(ts(0), "log_time").t(" lvl=info svc=voice-gw evt=call.start trace=").d(trace, "trace_id").t(" lang=en-US codec=opus\n")
        b.d(ts(1), "log_time").t(" lvl=warn svc=asr evt=latency p95_ms=").d(str(rng.randint(300, 900)), "count").t(" model=asr-").d(pick(rng, ["v3.18.2", "2.7.0-beta", "1.0.44"]), "version").t("\n")
        b.d(ts(3), "log_time").t(" lvl=info svc=agent evt=intent name=refill drug=").d(pick(rng, DRUGS).lower(), "drug").t(" dose=\"").d(pick(rng, DOSES), "dose")
        b.t("\"\n").d(ts(4), "log_time").t(" lvl=error svc=ehr evt=http status=503 retry=3 queue=rx-refill room=\"").d(pick(rng, ROOMS), "room").t("\"")
        return "system", b, "n1"
    p = Person(rng)
    v = rng.randint(1, 3)
    b.d(ts(0), "log_time").t(" lvl=info svc=voice-gw evt=call.start trace=").d(trace, "trace_id").t(" caller_id=").v(phone_fmt(rng, styles=["e164"]), "PHONE")
    b.t(" remote_ip=").v(ip_value(rng), "IP").t("\n")
    b.d(ts(2), "log_time").t(" lvl=debug svc=asr evt=final conf=0.9").t(str(rng.randint(0, 9))).t(" text=\"my name is ").v(p.name("western", "stt"), "NAME").t("\"\n")
    if v == 1:
        b.d(ts(4), "log_time").t(" lvl=info svc=ehr evt=lookup mrn=").v(mrn_value(rng), "MRN").t(" dob=").v(dob_value(rng, "fmt", styles=["iso"]), "DOB").t(" match=1")
    elif v == 2:
        b.d(ts(4), "log_time").t(" lvl=info svc=billing evt=charge acct=").v(account_value(rng), "ACCOUNT").t(" amount=").d(pick(rng, ["35.00", "9.99", "412.00"]), "price")
        num, groups, sub = card_value(rng)
        b.t(" pan=").v((num, sub), "CARD").t(" status=approved")
    else:
        b.d(ts(4), "log_time").t(" lvl=info svc=crm evt=update field=email old=").v(p.email(rng), "EMAIL", "email_fmt").t(" new=").v(Person(rng, pop=p.pop, avoid=p).email(rng), "EMAIL", "email_fmt")
        b.t("\n").d(ts(5), "log_time").t(" lvl=info svc=crm evt=update field=address value=\"").v(address_value(rng, "fmt", style="street"), "ADDRESS").t("\"")
    return "system", b, str(v)


FILLERS = ["uh", "um", "like", "you know", "I mean", "so", "uhh", "hmm"]


def fam_disfluent(rng, mode, nophi):
    if mode == "fmt":
        mode = "spoken"
    b = Builder(mode)
    f = lambda: pick(rng, FILLERS)
    if nophi:
        v = rng.randint(1, 3)
        if v == 3:
            b.t(f"The the bill says, {f()}, CPT ").d("nine nine two one five", "cpt").t(" and ").d(pick(rng, ["one eighty five dollars", "two hundred and twelve dollars"]), "price")
            b.t(f", and the room was, {f()}, ").d(pick(rng, ["twelve seventeen", "five C", "suite three thirty"]), "room").t(" I think. It was ")
            b.d(pick(rng, ["last Tuesday", "the Monday after Thanksgiving", "two weeks ago"]), "relative_date").t(".")
        elif v == 1:
            b.t(f"{f()}, so I I take the the {f()} ").d(pick(rng, ["lyrica", "keppra", "lexapro"]), "drug").t(", like ")
            b.d("seventy five", "dose").t(" twice a day, and and my sugar was, " + f() + ", ").d("two forty three", "lab")
            b.t(" this morning. Is that, is that bad? ").d("March", "month").t(" was worse honestly.")
        else:
            b.t(f"Yeah {f()}, the the pharmacy said I have ").d("three", "count").t(" refills left, and the copay went up to ")
            b.d("forty two fifty", "price").t(f", {f()}, since ").d("twenty twenty two", "year").t(". I will I will call ").d(pick(rng, INSURERS), "insurer").t(" I guess.")
        return "user", b, f"n{v}"
    p = Person(rng)
    v = rng.randint(1, 6)
    if v == 1:
        b.t(f"{f()}, so my my number is, {f()}, ").v(phone_spoken(rng, mode, styles=["odd", "groups"]), "PHONE")
        b.t(", yeah, that's, that's my cell.")
    elif v == 2:
        b.t(f"It's, it's {f()} ").v(p.name(pick(rng, ["western", "full"]), mode), "NAME").t(f", {f()}, last name ").v(spelled(p, mode, rng), "NAME").t(".")
    elif v == 3:
        d = rdate(rng, 1925, 2005)
        wrong = MONTHS[(d.month + rng.randint(1, 10)) % 12]
        b.t("Date of birth is ").d(wrong, "month").t(", no, sorry, ").v((date_sp(d, pick(rng, ["sp_month_ord_y", "sp_month_card_y"]), mode, rng), "dob_after_correction"), "DOB").t(".")
    elif v == 4:
        b.t(f"The the social is {f()} ").v(ssn_value(rng, mode), "SSN").t(f", and {f()} my date of birth ").v(dob_value(rng, mode, styles=["sp_six_digits", "sp_num_slash"]), "DOB").t(".")
    elif v == 5:
        b.t(f"Call me back at, {f()}, ").v(phone_spoken(rng, mode, styles=["groups", "odd", "run"], homophones=True), "PHONE")
        b.t(f", {f()}, after ").d("five", "time").t(".")
    else:
        b.t(f"Okay so yeah I live at, {f()}, ").v(address_value(rng, mode, style=pick(rng, ["street", "apt"])), "ADDRESS").t(", in in ")
        c = city_pick(rng)
        b.v(city_value(c, mode), "CITY").t(", zip ").v(zip_value(rng, c, mode), "ZIP").t(".")
    return "user", b, str(v)


def fam_bare_names(rng, mode, nophi):
    if nophi:
        b = Builder("fmt" if mode == "fmt" else mode)
        v = rng.randint(1, 9)
        s = {1: [("Thanks, ", None), ("will", "word"), (" do. The ", None), ("grace", "word"), (" period is ten days, right?", None)],
             2: [("They ", None), ("drew", "word"), (" blood at nine and my sugar ", None), ("rose", "word"), (" to three hundred.", None)],
             3: [("Some ", None), ("guy", "word"), (" at the front desk said the ", None), ("art", "word"), (" therapy group moved.", None)],
             4: [("My Spanish is ", None), ("rusty", "word"), (", sorry. The ", None), ("summer", "word"), (" heat makes my asthma worse.", None)],
             5: [("It's a poison ", None), ("ivy", "word"), (" rash, I think. Not a ", None), ("penny", "word"), (" covered by the plan.", None)],
             6: [("Frank", "word"), (" blood in the stool since ", None), ("Tuesday", "weekday"), (". I ", None), ("hope", "word"), (" it's nothing.", None)],
             7: [("Okay. ", None), ("Sloan Kettering", "clinic"), (" or ", None), ("Dana-Farber", "clinic"), (", whichever takes ", None),
                 ("Medica", "insurer"), (".", None)],
             8: [("Ginger", "word"), (" tea helps the nausea. Eyes are ", None), ("hazel", "word"), (", if the form asks.", None)],
             9: [("The road out here is all ", None), ("clay", "word"), (", so the van should come early. ", None),
                 ("Holly", "word"), (" wreaths on the door, you can't miss it.", None)]}[v]
        for txt, typ in s:
            if typ:
                b.d(txt, typ)
            else:
                b.t(txt)
        return "user", b, f"n{v}"
    v = rng.randint(1, 6)
    if v == 1:
        b = Builder(mode)
        p = Person(rng)
        b.v(p.name(pick(rng, ["full", "western"]), mode), "NAME").t(". Calling about the refill.")
        return "user", b, "1"
    if v == 2:
        b = Builder(mode)
        p = Person(rng)
        b.t("Okay, thank you so much, ").v(p.name("first", mode), "NAME")
        return "user", b, "2"
    if v == 3:
        b = Builder("fmt")
        p = Person(rng)
        b.v(p.name(pick(rng, ["full", "mi", "last_first"])), "NAME").t(", your ride is confirmed for ").d(pick(rng, WEEKDAYS), "weekday").t(".")
        return "assistant", b, "3"
    if v == 4:
        b = Builder("stt")
        p = Person(rng)
        b.v(p.name("western", "stt"), "NAME").t(" i need to move my appointment")
        return "user", b, "4"
    if v == 5:
        b = Builder(mode)
        p = Person(rng, word=True)
        b.v(p.name("first", mode), "NAME", "name_wordname").t(", it's me again. Tell ").v(Person(rng).name("first", mode), "NAME").t(" I'll be late.")
        return "user", b, "5"
    b = Builder("fmt")
    p = Person(rng)
    b.t("Yes. ").v(p.name(pick(rng, ["full", "western"])), "NAME").t(". ").v(dob_value(rng, "fmt", styles=["mdy", "mdy2", "mdy_nopad"]), "DOB").t(".")
    return "user", b, "6"


def intl_spoken(num, mode):
    out = []
    for tok in num.replace("-", " ").split(" "):
        if tok.startswith("+"):
            out.append("plus " + " ".join(DIGW[int(c)] for c in tok[1:]))
        else:
            out.append(" ".join(("zero" if c == "0" else DIGW[int(c)]) for c in tok))
    return (", " if mode == "spoken" else " ").join(out)


def fam_intl_caller(rng, mode, nophi):
    b = Builder(mode)
    if nophi:
        country = pick(rng, COUNTRIES)
        b.t("I just flew back from ").d(country, "country").t(" last week and I've had a fever, like ").d("thirty nine" if mode != "fmt" else "39.2 C", "vital")
        b.t(". Do I need the ").d(pick(rng, ["yellow fever", "typhoid", "hepatitis A"]), "vaccine").t(" shot? My travel insurance is ").d(pick(rng, ["GeoBlue", "Allianz", "IMG"]), "insurer").t(".")
        return "user", b, "n1"
    p = Person(rng, pop=pick(rng, ["nigerian", "ethiopian", "vietnamese", "korean", "polish", "ukrainian", "filipino",
                                 "haitian", "brazilian", "punjabi", "somali", "samoan", "irish"]))
    v = rng.randint(1, 3)
    country, num, sub = intl_phone(rng, p.pop)
    b.t("Hi, this is ").v(p.name("western" if mode != "fmt" else "full", mode if mode != "fmt" else "fmt"), "NAME").t(", I'm visiting from ").d(country, "country")
    if v == 1:
        b.t(". My number there is ").v((num if mode == "fmt" else intl_spoken(num, mode), sub + ("" if mode == "fmt" else "_spoken")), "PHONE")
        b.t(", WhatsApp works best.")
    elif v == 2:
        d = rdate(rng, 1930, 2000)
        st = pick(rng, ["dmy_slash", "dot_dmy", "d_month_y"]) if mode == "fmt" else pick(rng, ["sp_ord_of_month_y", "sp_month_ord_y"])
        if st == "dmy_slash":
            val = f"{d.day:02d}/{d.month:02d}/{d.year}"
        elif st.startswith("sp_"):
            val = date_sp(d, st, mode, rng)
        else:
            val = date_fmt(d, st)
        b.t(". My date of birth is ").v((val, "dob_" + st), "DOB").t(", day first, the way we write it.")
    else:
        b.t(". I'm staying with my cousin in ").v(city_value(city_pick(rng), mode), "CITY").t(", you can call her at ")
        b.v(phone_value(rng, mode), "PHONE").t(" or my number back home, ")
        b.v((num if mode == "fmt" else intl_spoken(num, mode), sub + ("" if mode == "fmt" else "_spoken")), "PHONE").t(".")
    return "user", b, str(v)


MAKES = ["gray Honda Odyssey", "white Toyota Sienna", "silver Nissan Rogue", "blue Ford Escape", "black Chevy Tahoe"]


def fam_nemt(rng, mode, nophi):
    b = Builder("fmt" if mode == "fmt" else "spoken")
    if nophi:
        b.t("Your dialysis ride is set for ").d(pick(rng, WEEKDAYS), "weekday").t("s at ").d(pick(rng, TIMES), "time")
        b.t(". It's a wheelchair van, ").d("45 minutes", "count").t(", about ").d("12 miles", "count").t(", free with ")
        b.d(pick(rng, INSURERS), "insurer").t(". Mileage reimbursement is ").d("$0.21", "price").t(" per mile. Please call 24 hours ahead to cancel.")
        return "assistant", b, "n1"
    p = Person(rng)
    v = rng.randint(1, 3)
    m = b.mode
    c = city_pick(rng)
    b.t("I need a ride to dialysis on ").v(date_value(rng, m, styles=(FMT_PART[:3] + FMT_FULL[:8]) if m == "fmt" else SP_PART[:3] + SP_FULL[:2]), "DATE", "date_ride")
    b.t(". Pick me up at ").v(address_value(rng, m, style=pick(rng, ["street", "apt", "street", "nsew"])), "ADDRESS").t(", ").v(city_value(c, m), "CITY").t(" ").v(zip_value(rng, c, m), "ZIP")
    b.t(". My Medicaid ID is ").v(plan_value(rng) if m == "fmt" else (id_chars(plan_value(rng)[0], m), "plan_spoken_chars"), "HEALTH_PLAN").t(".")
    if v >= 2:
        s = Person(rng, pop=p.pop, g="m", avoid=p)
        b.t(" My son ").v(s.name("first", m), "NAME").t(" drives me for the mileage program, a ").t(pick(rng, MAKES)).t(", plate ")
        pl = plate(rng)
        b.v(pl if m == "fmt" else (id_chars(pl[0], m), "plate_spoken"), "VEHICLE")
        if v == 3:
            vn, dl = vin(rng), dl_value(rng)
            b.t(", VIN ").v((vn, "vin") if m == "fmt" else (id_chars(vn, m), "vin_spoken"), "VEHICLE")
            b.t(", and his license is ").v(dl if m == "fmt" else (id_chars(dl[0], m), dl[1] + "_spoken"), "LICENSE")
        b.t(".")
    return "user", b, str(v)


# ==================================================================================================
# plan, self-check, output
# ==================================================================================================
PLAN = [  # (family, records with PHI, records without PHI, modes cycled)
    (fam_discharge, 26, 8, ["fmt"]),
    (fam_rx_ivr, 26, 8, ["spoken", "stt"]),
    (fam_reminder_thread, 24, 8, ["fmt"]),
    (fam_prior_auth, 22, 7, ["fmt"]),
    (fam_lab_email, 22, 7, ["fmt"]),
    (fam_chat_typos, 26, 9, ["fmt"]),
    (fam_codeswitch, 26, 8, ["spoken", "stt"]),
    (fam_caregiver, 26, 8, ["spoken", "stt", "spoken"]),
    (fam_rad_header, 22, 6, ["fmt", "spoken", "stt"]),
    (fam_homehealth, 22, 7, ["fmt"]),
    (fam_tele_yaml, 20, 6, ["fmt"]),
    (fam_chat_api, 20, 7, ["fmt"]),
    (fam_kvlog, 20, 6, ["fmt"]),
    (fam_disfluent, 28, 9, ["spoken", "stt"]),
    (fam_bare_names, 24, 12, ["spoken", "stt", "fmt"]),
    (fam_intl_caller, 20, 7, ["fmt", "spoken", "stt"]),
    (fam_nemt, 20, 7, ["fmt", "spoken"]),
]

WORDISH = {"hazard", "wyoming", "chelsea", "everett", "homestead", "liberal", "grants", "nome", "storm", "lake",
           "tuba", "city", "elk", "grove", "eagle", "pass", "fall", "river", "federal", "way", "belle", "glade", "pago",
           "nou", "lor", "chang", "kue", "genet", "mele", "marlene", "loretta", "adriana", "nadia", "jerome",
           "darrell", "nestor", "danilo", "man", "gil", "bae", "joo", "hang"} | {w.lower() for g in WORD_NAMES.values() for w in g}


def pool_tokens():
    toks = set()
    for fs, ms, lasts in POPS.values():
        for n in fs + ms + lasts:
            toks |= {t.lower() for t in re.findall(r"[^\W\d_]{3,}", n)}
            toks |= {t.lower() for t in re.findall(r"[^\W\d_]{3,}", fold(n))}
    for n in WORD_SURNAMES:
        toks.add(n.lower())
    for c in CITIES:
        toks |= {t.lower() for t in re.findall(r"[^\W\d_]{3,}", c[0])}
        toks |= {t.lower() for t in re.findall(r"[^\W\d_]{3,}", fold(c[0]))}
    return toks


POOL_TOKENS = pool_tokens()
NUMWORDS = set(ONES[:10]) | {"oh", "double", "triple", "for", "to", "ate"} | set(ES_ONES[:10])


def is_punct_or_space(c):
    return c.isspace() or unicodedata.category(c)[0] in "PSZ"


def validate_value(kind, sub, val):
    """kind-specific sanity of the inserted value; returns an error string or None"""
    digits = re.sub(r"\D", "", val)
    if kind == "CARD" and digits and not sub.endswith("_spoken") and not luhn_ok(digits):
        return "card not Luhn-valid"
    if kind == "LICENSE" and sub == "npi" and not (len(val) == 10 and luhn_ok("80840" + val)):
        return "bad NPI"
    if kind == "LICENSE" and sub == "dea" and not dea_ok(val):
        return "bad DEA"
    if kind == "VEHICLE" and sub == "vin" and not (len(val) == 17 and vin_check(val) == val[8]):
        return "bad VIN"
    if kind == "SSN" and sub == "ssn_dash" and not re.fullmatch(r"(?!000|666|9)\d{3}-(?!00)\d{2}-(?!0000)\d{4}", val):
        return "bad SSN"
    if kind == "EMAIL" and not ("@" in val or " at " in val or " arroba " in val):
        return "email without at"
    if kind == "AGE" and digits and int(digits) < 90:
        return "AGE under 90"
    if kind in ("DOB", "DATE") and re.fullmatch(r"(19|20)\d\d", val):
        return "year-only date"
    if kind == "ZIP" and sub in ("zip5", "zip9") and not re.fullmatch(r"\d{5}(-\d{4})?", val):
        return "bad ZIP"
    if kind == "DEVICE" and sub == "udi_gs1":
        g = re.search(r"\(01\)(\d{14})", val).group(1)
        if gtin_check(g[:-1]) != g[-1]:
            return "bad GTIN"
    return None


def check(rec, meta, name_tokens, dist):
    t, errs = rec["text"], []
    if unicodedata.normalize("NFC", t) != t:
        errs.append("text not NFC")
    if any(ord(c) > 0xFFFF for c in t):
        errs.append("non-BMP character")
    if t != t.strip():
        errs.append("leading/trailing whitespace")
    if meta["mode"] == "stt" and (t != t.lower() or not re.fullmatch(r"[^\W_]+(?:[ '][^\W_]+)*'?", t)):
        errs.append("stt text has punctuation/uppercase")
    prev = -1
    for s, ms in zip(rec["spans"], meta["spans"]):
        st, en, k = s["start"], s["end"], s["kind"]
        if k not in KINDS:
            errs.append(f"bad kind {k}")
        if not (0 <= st < en <= len(t)):
            errs.append(f"bad offsets {s}")
            continue
        if st < prev:
            errs.append(f"overlap/unsorted at {st}")
        prev = en
        val = t[st:en]
        if val != ms["value"]:
            errs.append(f"value mismatch {val!r} != {ms['value']!r}")
        if is_punct_or_space(val[0]) and not ((k in ("PHONE", "FAX") and val[0] in "(+") or (k == "DEVICE" and val[0] == "(")):
            errs.append(f"span starts with {val[0]!r}: {val!r}")
        if is_punct_or_space(val[-1]):
            errs.append(f"span ends with {val[-1]!r}: {val!r}")
        if st > 0 and t[st - 1].isalnum():
            errs.append(f"span starts inside a word: {t[max(0, st - 5):en]!r}")
        if en < len(t) and t[en].isalnum():
            errs.append(f"span ends inside a word: {t[st:en + 5]!r}")
        if "\n" in val:
            errs.append("span crosses a line")
        e = validate_value(k, ms["sub"] or "", val)
        if e:
            errs.append(f"{e}: {val!r}")
    if meta["template"].split("/")[-1].startswith("n") != (not rec["spans"]):
        errs.append("nophi variant with spans or PHI variant without spans")
    cov = [False] * len(t)
    for s in rec["spans"]:
        for i in range(s["start"], s["end"]):
            cov[i] = True
    dcov = cov[:]
    for dd in dist:
        for i in range(dd["start"], dd["end"]):
            dcov[i] = True
    # tokens of labeled names never appear unlabeled elsewhere (except ordinary-word names)
    for tok in name_tokens - WORDISH:
        for m in re.finditer(r"(?<![^\W_])" + re.escape(tok) + r"(?![^\W_])", t, re.IGNORECASE):
            if not all(cov[m.start():m.end()]):
                errs.append(f"name token {tok!r} outside a span")
    # no name/town pool token anywhere outside spans and declared look-alikes
    for m in re.finditer(r"[^\W\d_]{3,}", t):
        w = m.group()
        lw = w.lower()
        if lw in POOL_TOKENS and not all(dcov[m.start():m.end()]):
            if lw in WORDISH and not w[0].isupper():
                continue
            if lw in WORDISH and lw in {"north", "new", "city", "park", "way", "pass", "lake", "river", "fall"}:
                continue
            errs.append(f"pool token {w!r} unlabeled")
    # no unlabeled run of 5+ digits, no unlabeled run of 7+ spoken digit words
    masked = "".join("X" if dcov[i] else c for i, c in enumerate(t))
    for m in re.finditer(r"\d(?:[\-. /]?\d){4,}", masked):
        errs.append(f"unlabeled digit run {m.group()!r}")
    words = [(m.start(), m.end(), m.group().lower()) for m in re.finditer(r"[^\W_]+", t)]
    run = []
    for w in words + [(len(t), len(t), "")]:
        if w[2] in NUMWORDS and not any(dcov[w[0]:w[1]]):
            run.append(w)
        else:
            if len(run) >= 7:
                errs.append("unlabeled spoken number " + repr(t[run[0][0]:run[-1][1]]))
            run = []
    if errs:
        raise SystemExit(f"SELF-CHECK FAILED for {rec['id']} ({meta['template']}): " + "; ".join(errs) + f"\n  text={t!r}")


def main(argv):
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.dirname(os.path.dirname(here))
    out_dir = os.path.join(root, "bootstrap", "src", "test", "resources", "phi")
    if "--out-dir" in argv:
        out_dir = argv[argv.index("--out-dir") + 1]
    rng = random.Random(SEED)
    items, seen = [], set()
    for fam, n_phi, n_nophi, modes in PLAN:
        fname = fam.__name__[4:]
        for i, nophi in enumerate([False] * n_phi + [True] * n_nophi):
            for _ in range(50):  # no two records with the same text
                role, b, var = fam(rng, modes[i % len(modes)], nophi)
                if b.text() not in seen:
                    break
            else:
                raise SystemExit(f"cannot draw a distinct record for {fname}")
            seen.add(b.text())
            items.append((fname, var, role, b))
    rng.shuffle(items)
    recs, metas = [], []
    for i, (fname, var, role, b) in enumerate(items, 1):
        rid = f"{PREFIX}-{i:06d}"
        spans = [{"start": s["start"], "end": s["end"], "kind": s["kind"]} for s in b.spans]
        rec = {"id": rid, "role": role, "text": b.text(), "spans": spans}
        meta = {"id": rid, "template": f"{PREFIX}/{fname}/{var}", "family": fname, "mode": b.mode,
                "spans": [dict(s) for s in b.spans], "distractors": b.dist}
        check(rec, meta, b.name_tokens, b.dist)
        for ms in meta["spans"]:
            del ms["value"]
        recs.append(rec)
        metas.append(meta)
    assert len({r["id"] for r in recs}) == len(recs)
    os.makedirs(out_dir, exist_ok=True)
    for name, rows in (("phi-heldout.jsonl", recs), ("phi-heldout.meta.jsonl", metas)):
        with open(os.path.join(out_dir, name), "w", encoding="utf-8", newline="\n") as f:
            for r in rows:
                f.write(json.dumps(r, ensure_ascii=False, separators=(",", ":")) + "\n")
    nophi = sum(1 for r in recs if not r["spans"])
    kinds, fams, modes = {}, {}, {}
    for r, m in zip(recs, metas):
        for s in r["spans"]:
            kinds[s["kind"]] = kinds.get(s["kind"], 0) + 1
        fp = fams.setdefault(m["family"], [0, 0, 0])
        fp[0 if r["spans"] else 1] += 1
        fp[2] += len(r["spans"])
        modes[m["mode"]] = modes.get(m["mode"], 0) + 1
    print(f"{len(recs)} records ({nophi} without PHI, {100 * nophi / len(recs):.1f}%), "
          f"{sum(kinds.values())} spans, {len(fams)} families; self-check passed")
    print("kinds:  " + " ".join(f"{k}={kinds.get(k, 0)}" for k in KINDS))
    print("modes:  " + " ".join(f"{k}={v}" for k, v in sorted(modes.items())))
    print("families (phi records / no-PHI records / spans):")
    for k, (a, n, s) in fams.items():
        print(f"  {k:16s} {a:3d} / {n:3d} / {s:4d}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
