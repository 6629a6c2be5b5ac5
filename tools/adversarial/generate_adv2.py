#!/usr/bin/env python3
"""Generate the second Masker adversarial PHI test set (python3 standard library only).

Writes, relative to the repository root:
  bootstrap/src/test/resources/phi/phi-adversarial2.jsonl       (records, same format as phi-dev.jsonl)
  bootstrap/src/test/resources/phi/phi-adversarial2.meta.jsonl  (template / mode / span sub-types)

Written blind: without reading or running the detector. Labels follow ../shared/fixtures/PHI-DEV.md;
choices for styles the rules do not cover are listed in README.md ("Adversarial set 2").
Every span is recorded while the text is built piece by piece, and every record is self-checked
before anything is written; any violation aborts.

usage: python3 tools/adversarial/generate_adv2.py [--out-dir DIR] [--collisions FILE.jsonl ...]
  --collisions  also fail if a name/town token of this set's pools occurs in a NAME/CITY/ADDRESS span
                of the given gold files (used once to keep the pools disjoint from phi-dev*).
"""
import datetime
import json
import os
import random
import re
import sys
import unicodedata

SEED = 20260412
PREFIX = "adv2"

KINDS = ["NAME", "ADDRESS", "CITY", "ZIP", "DOB", "DATE", "AGE", "PHONE", "FAX", "EMAIL", "SSN", "MRN",
         "HEALTH_PLAN", "ACCOUNT", "CARD", "LICENSE", "VEHICLE", "DEVICE", "URL", "IP"]

# --------------------------------------------------------------------------------------------------
# value pools (new for this set; checked against phi-dev*, phi-adversarial and generate.py)
# population -> (female given, male given, family names)
# --------------------------------------------------------------------------------------------------
POPS = {
    "hispanic": (["Yadira", "Anabel", "Nohemí", "Dulcinea", "Betzaida", "Eréndira", "Zoraida", "Yamileth",
                  "Migdalia", "Jacinta", "Maite"],
                 ["Eustaquio", "Anselmo", "Fulgencio", "Ramiro", "Gumersindo", "Isidro", "Leoncio", "Evaristo",
                  "Crisanto", "Melquíades"],
                 ["Quintanilla", "Villalobos", "Arredondo", "Olivares", "Montemayor", "Ybarra", "Treviño",
                  "Benavides", "Zepeda", "Alcántar", "Irigoyen", "Covarrubias", "Santillán", "Bocanegra",
                  "Ledezma", "Urquidi", "Elizondo", "Galarza", "Betancourt", "Valdivia"]),
    "chinese": (["Xiaoling", "Meihua", "Jingyi", "Shuang", "Yanmei", "Qiaohui", "Wanrou", "Shuyi", "Lanying"],
                ["Yuchen", "Jianhua", "Zhenyu", "Weiming", "Hongbo", "Xiaofeng", "Guanghui", "Shaowei", "Kaiwen"],
                ["Duan", "Fang", "Pang", "Cai", "Tang", "Yuan", "Mao", "Lai", "Geng", "Sima"]),
    "korean": (["Yoo-na", "Bo-ram", "Na-rae", "Seul-gi"],
               ["Byung-chul", "Joon-young", "Dae-hyeon", "Gyu-bin"],
               ["Ryu", "Yoon", "Noh", "Chae", "Kang", "Ahn", "Bae", "Hong"]),
    "japanese": (["Ayaka", "Misaki", "Chihiro", "Natsumi", "Kaede", "Tomomi", "Noriko", "Mizuki"],
                 ["Kenta", "Shota", "Daisuke", "Ryosuke", "Takumi", "Haruto", "Kazuhiro", "Yusuke"],
                 ["Hasegawa", "Morimoto", "Ishikawa", "Fujiwara", "Nakagawa", "Uchida", "Shimizu", "Kurosawa",
                  "Tsuchiya", "Hayashida", "Nishimura"]),
    "south_asian": (["Aparna", "Shalini", "Kavitha", "Harleen", "Rukhsana", "Bhavana", "Gurleen", "Sushmita",
                     "Mehreen", "Vaishnavi", "Jasleen"],
                    ["Venkat", "Imtiaz", "Prasanna", "Jaswinder", "Raghav", "Shreyas", "Tanveer", "Karthikeyan"],
                    ["Banerjee", "Deshpande", "Mukhopadhyay", "Dhillon", "Grewal", "Rizvi", "Nadkarni", "Thakkar"]),
    "west_african": (["Folasade", "Ngozi", "Efua", "Titilayo", "Oluchi", "Akosua", "Bunmi", "Ifeoma", "Mariama"],
                     ["Babatunde", "Kofi", "Ikenna", "Yaw", "Kwame", "Tobenna", "Adewale", "Ousmane", "Lamine"],
                     ["Osei-Bonsu", "Agyeman", "Olatunji", "Ezeani", "Acheampong", "Sow", "Onwuachi", "Fashola"]),
    "east_african": (["Nyokabi", "Wambui", "Akinyi", "Njeri", "Atieno", "Nafula"],
                     ["Kipchoge", "Otieno", "Kiprono", "Wafula", "Mutua", "Kamau"],
                     ["Njoroge", "Wekesa", "Chebet", "Ruto", "Kariuki", "Omondi", "Muthoni", "Kimani"]),
    "ethiopian": (["Tigist", "Meseret", "Hiwot", "Bethlehem", "Mekdes", "Tsion", "Rahel", "Genet"],
                  ["Dawit", "Yohannes", "Biniam", "Mulugeta", "Tewodros", "Abebe", "Henok", "Girma"],
                  ["Gebremedhin", "Woldemariam", "Haile", "Bekele", "Tsegaye", "Gebreyes", "Kebede", "Assefa"]),
    "somali": (["Hodan", "Sahra", "Ifrah", "Ubah", "Nimco", "Hibaaq", "Faadumo", "Ayaan"],
               ["Abdirahman", "Mahad", "Guled", "Bashir", "Abdiwali", "Liban", "Abdikarim", "Sharmarke"],
               ["Warsame", "Jama", "Abdullahi", "Hersi", "Egal", "Samatar", "Dirie", "Gedi", "Shire"]),
    "arabic": (["Lubna", "Hanan", "Rasha", "Yasmeen", "Manal", "Suha", "Ghada", "Nisreen", "Rawan"],
               ["Khaled", "Marwan", "Nabil", "Samir", "Ziyad", "Anwar", "Fadi", "Haitham"],
               ["bin Saleh", "Shammas", "al-Amoudi", "Haidari", "Kassab", "al-Tamimi", "Qasim", "Bakri",
                "bin Mahfouz"]),
    "east_european": (["Zdeňka", "Agnieszka", "Jarmila", "Ludmiła", "Wiesława", "Danuta", "Květa", "Dorota", "Vesna"],
                      ["Wojciech", "Přemysl", "Jarosław", "Bogdan", "Tadeusz", "Ladislav", "Dragan", "Stanisław",
                       "Zdeněk"],
                      ["Wróblewski", "Kovačević", "Mlynář", "Jankowiak", "Šimůnek", "Żurawski", "Grabowska",
                       "Kaczmarczyk", "Dvořáčková", "Horvát", "Zieliński", "Nowicka", "Chmielewski"]),
    "slavic_translit": (["Yevgenia", "Svitlana", "Anastasiya", "Lyudmyla", "Tetiana", "Olena", "Yulia", "Kateryna"],
                        ["Dmytro", "Vsevolod", "Yaroslav", "Gennadiy", "Mykola", "Vitaliy", "Serhiy", "Taras"],
                        ["Shevchenko", "Zakharova", "Lysenko", "Tkachuk", "Hrytsenko", "Melnyk", "Kravchenko",
                         "Marchenko", "Boyko", "Pavlenko", "Savchuk"]),
    "filipino": (["Rosalinda", "Imelda", "Perla", "Luzviminda", "Jennylyn", "Divina", "Charito"],
                 ["Rommel", "Jericho", "Danilo", "Rodolfo", "Ferdinand", "Efren"],
                 ["Villanueva", "Dizon", "Magsaysay", "Manalo", "Dimaano", "Lacson", "Mendiola", "Catacutan",
                  "Malabanan"]),
    "native": (["Kimimela", "Aiyana", "Tayanita", "Halona"],
               ["Hastiin", "Wapi", "Chayton", "Kohana"],
               ["Yellowhorse", "Runningwater", "Spotted Eagle", "Bird Rattler", "Hollow Horn", "Chasing Hawk",
                "Manygoats", "Not Afraid"]),
    "pacific": (["Malia", "Keala", "Mele", "Makana", "Pualani", "Losaline"],
                ["Sione", "Tevita", "Kealoha", "Semisi", "Iosefa", "Kainoa", "Pita"],
                ["Fifita", "Taufa", "Tuilagi", "Kahananui", "Fonoti", "Aumua", "Kaʻaihue", "Tupou", "Vaifale",
                 "Mahoe"]),
    "haitian": (["Nadège", "Mirlande", "Guerline", "Widline", "Rosemène", "Fabienne", "Islande"],
                ["Wilner", "Fritznel", "Ducarmel", "Lesly", "Jean-Wesner", "Frantz", "Wisner", "Gesner"],
                ["Pierre-Louis", "Célestin", "Dorvil", "Jean-Gilles", "Beauplan", "Saintil", "Exantus", "Desrosiers",
                 "Métellus", "Thermidor"]),
    "persian": (["Shirin", "Parisa", "Golnaz", "Azadeh", "Roya", "Nasrin", "Ladan", "Mahsa"],
                ["Kourosh", "Babak", "Farhad", "Arash", "Behrouz", "Dariush", "Keyvan", "Siamak"],
                ["Rahimzadeh", "Tehrani", "Ghorbani", "Mousavi", "Sadeghi", "Esfandiari", "Hosseini", "Karimi",
                 "Najafabadi"]),
    "hmong": (["Kia", "Youa", "Ntxhi", "Paj", "Nou", "Maiv", "Zoua", "Bee"],
              ["Tou", "Xay", "Neng", "Pao", "Chue", "Fue", "Yeng"],
              ["Vang", "Xiong", "Lor", "Moua", "Her", "Hang", "Kue", "Vue"]),
}
# Vietnamese: family, middle, given (written family-first)
VN_FAMILY = ["Lương", "Cao", "Kiều", "Tôn", "Âu"]
VN_MID = ["Kim", "Thu", "Xuân", "Hồng", "Đức", "Công", "Mỹ", "Bá"]
VN_GIVEN = ["Hạnh", "Thủy", "Oanh", "Cường", "Hiếu", "Lộc", "Nhàn", "Khánh", "Thịnh", "Phước"]
# names that are also English words (exempt from the "token outside a span" check)
WORD_GIVEN = ["Cash", "Story", "Bliss", "Sterling", "Ransom", "Patience", "Royal", "Honor", "Rusty", "Temperance",
              "Merit", "Noble", "Chance", "Justice", "Sage", "Haven", "Rowan", "Lark", "Fortune"]
WORD_FAMILY = ["Young", "Price", "Hunter", "Stone", "Major", "Bishop", "Ward", "Marshal", "Noble", "Story"]
NICK = {"Babatunde": "Tunde", "Małgorzata": "Gosia", "Wojciech": "Wojtek", "Bienvenido": "Benny",
        "Gumersindo": "Chindo", "Kwame": "Kwams", "Abdirahman": "Abdi", "Kaczmarczyk": "Kacz",
        "Yevgenia": "Zhenya", "Luzviminda": "Luz", "Jarosław": "Jarek", "Dmytro": "Dima", "Tewodros": "Teddy",
        "Jennylyn": "Jen", "Folasade": "Sade", "Ikenna": "Ike"}
WORDISH = {w.lower() for w in WORD_GIVEN + WORD_FAMILY} | {"her", "hang", "bee", "kia", "moon", "why", "winner",
                                                          "sells", "pleasant", "ike", "jen", "luz", "sage",
                                                          "not", "afraid", "horn", "bird", "hawk", "spotted", "chasing"}

TOWNS = [("Fort Kent", "ME"), ("Mount Juliet", "TN"), ("St. Johnsbury", "VT"), ("Saint Marys", "GA"),
         ("Socorro", "NM"), ("Los Fresnos", "TX"), ("Ojo Caliente", "NM"), ("Kayenta", "AZ"), ("Tuba City", "AZ"),
         ("Chinle", "AZ"), ("Sedro-Woolley", "WA"), ("Milton-Freewater", "OR"), ("Mayagüez", "PR"),
         ("Cabo Rojo", "PR"), ("Aguadilla", "PR"), ("Toa Baja", "PR"), ("Humacao", "PR"), ("Hatillo", "PR"),
         ("Vieques", "PR"), ("Guaynabo", "PR"), ("Coamo", "PR"), ("Yauco", "PR"), ("Mount Airy", "NC"),
         ("Port Lavaca", "TX"), ("Kapaʻa", "HI"), ("Waianae", "HI"), ("Pahoa", "HI"), ("Tahlequah", "OK"),
         ("Fort Yates", "ND"), ("Eagle Butte", "SD"), ("Mountain Home", "ID"), ("St. Martinville", "LA"),
         ("Opelousas", "LA"), ("Faribault", "MN"), ("Willmar", "MN"), ("Sells", "AZ"), ("Ganado", "AZ"),
         ("Lame Deer", "MT"), ("Hoopa", "CA"), ("Neah Bay", "WA"), ("Fort Totten", "ND"), ("Saint Ignace", "MI"),
         ("Eagle Pass", "TX"), ("Fort Pierce", "FL"), ("Ste. Genevieve", "MO"), ("Winner", "SD"), ("Why", "AZ"),
         ("Chugiak", "AK"), ("Unalakleet", "AK"), ("Dillingham", "AK"), ("Wahpeton", "ND"), ("Pembroke", "NC")]
HOODS = [("Little Haiti", "FL"), ("Frogtown", "MN"), ("Koreatown", "CA"), ("Little Saigon", "CA"), ("Pilsen", "IL"),
         ("Boyle Heights", "CA"), ("Kalihi", "HI"), ("Little Mogadishu", "MN"), ("Swede Hollow", "MN"),
         ("Pill Hill", "WA"), ("Kensington", "PA"), ("Fruitvale", "CA"), ("Fishtown", "PA")]
STATE_NAMES = {"ME": "Maine", "TN": "Tennessee", "VT": "Vermont", "GA": "Georgia", "NM": "New Mexico", "TX": "Texas",
               "AZ": "Arizona", "WA": "Washington", "OR": "Oregon", "PR": "Puerto Rico", "NC": "North Carolina",
               "HI": "Hawaii", "OK": "Oklahoma", "ND": "North Dakota", "SD": "South Dakota", "ID": "Idaho",
               "LA": "Louisiana", "MN": "Minnesota", "MT": "Montana", "CA": "California", "MI": "Michigan",
               "FL": "Florida", "MO": "Missouri", "AK": "Alaska", "IL": "Illinois", "PA": "Pennsylvania"}
STREETS = ["Sagebrush", "Kalanianaʻole", "Manzanita", "Yucca Flats", "Pawnee", "Larkspur", "Bittersweet",
           "Chokecherry", "Huisache", "Mesquite", "Cottonwood Wash", "Buttonwood", "Hackberry", "Sassafras",
           "Persimmon", "Ponderosa", "Arroyo Seco", "Ceiba", "Flamboyán", "Beaver Dam", "Kiowa", "Tupelo",
           "Catalpa", "Sweetgum", "Kinnikinnick", "Paloverde", "Ocotillo", "Agarita", "Smoketree", "Chinaberry",
           "Buckeye", "Coyote Pass", "Bobwhite", "Sandhill Crane", "Tumbleweed"]
ST_SUFFIX = ["Ave", "St", "Rd", "Blvd", "Ln", "Dr", "Way", "Ct", "Trl", "Loop", "Hwy", "Pkwy", "Circle", "Terrace",
             "Street", "Avenue", "Road", "Lane"]
DIRS = ["NE", "NW", "SE", "SW", "N", "E", "S", "W"]
EMAIL_DOMAINS = ["comcast.net", "att.net", "gmx.com", "ymail.com", "zoho.com", "mail.com", "msn.com",
                 "verizon.net", "sbcglobal.net", "me.com", "live.com", "tutanota.com"]
AREA = ["520", "928", "787", "939", "651", "763", "207", "802", "615", "912", "575", "956", "360", "541", "808",
        "918", "701", "605", "208", "337", "907", "910", "484", "267", "323", "773"]
VANITY = [("NEW", "ROOF"), ("DOG", "WASH"), ("TAX", "HELP"), ("CUT", "HAIR"), ("PET", "SITS"), ("FIX", "VANS"),
          ("ASK", "TACO"), ("BUY", "SOAP")]

# look-alikes (never labelled)
CLINICS = ["Kestrel Valley Family Medicine", "Bayou Teche Community Health", "Desert Willow Internal Medicine",
           "Tidewater Pulmonary Associates", "Three Rivers Pediatrics", "Red Mesa Dialysis Center",
           "Northshore Wound Care", "Copper Basin Cardiology"]
CLINIC_URLS = ["kestrelvalleyfm.org/portal", "mychart.bayouteche.org", "desertwillowim.com/forms",
               "https://tidewaterpulm.com/billing", "www.threeriverspeds.org/after-hours", "redmesadialysis.com/pay"]
HOSPITALS = ["Mayo Clinic", "Cedars-Sinai", "Mount Sinai", "Sloan Kettering", "Scripps Health", "Ochsner",
             "Geisinger", "Intermountain Health", "Baylor Scott & White", "Mass General Brigham"]
INSURERS = ["Ambetter", "Oscar Health", "Medi-Cal", "Wellcare", "Priority Health", "Highmark", "CareSource",
            "Superior HealthPlan", "Tricare", "Anthem"]
EPONYMS = ["Graves' disease", "Hunter syndrome", "Bell's palsy", "Kawasaki disease", "Cushing's syndrome",
           "Wilson's disease", "Meniere's disease", "Barrett's esophagus", "Guillain-Barré syndrome",
           "Sjögren's syndrome", "Addison's disease", "Tourette syndrome"]
SCORES = ["Braden score 14", "Morse Fall Scale 45", "APACHE II 17", "Child-Pugh class B", "MELD 18", "GCS 14",
          "Mallampati III", "PHQ-9 of 12", "NIHSS 3", "CURB-65 of 2", "Wells score 4"]
DOSES = ["amlodipine 5 mg every morning", "gabapentin 300 mg at bedtime", "insulin glargine 22 units nightly",
         "levothyroxine 88 mcg before breakfast", "apixaban 5 mg BID", "sertraline 50 mg daily",
         "furosemide 40 mg PO daily", "tamsulosin 0.4 mg qhs", "prednisone 10 mg taper",
         "albuterol HFA 2 puffs q4h PRN", "metoprolol succinate 25 mg", "empagliflozin 10 mg daily"]
LABS = [("Sodium", "131", "135-145", "mmol/L"), ("Potassium", "5.6", "3.5-5.1", "mmol/L"),
        ("Hemoglobin", "9.8", "12.0-15.5", "g/dL"), ("TSH", "6.21", "0.45-4.50", "mIU/L"),
        ("Creatinine", "1.42", "0.57-1.00", "mg/dL"), ("Glucose", "212", "70-99", "mg/dL"),
        ("WBC", "11.9", "3.4-10.8", "x10E3/uL"), ("Platelets", "138", "150-450", "x10E3/uL"),
        ("ALT", "61", "0-32", "IU/L"), ("Magnesium", "1.5", "1.6-2.3", "mg/dL"), ("INR", "2.7", "0.9-1.2", ""),
        ("Hemoglobin A1c", "8.4", "4.8-5.6", "%")]
LOINC = ["2951-2", "2823-3", "718-7", "3016-3", "2160-0", "2345-7", "6690-2", "777-3", "1742-6", "19123-9",
         "6301-6", "4548-4"]
CPTS = ["99204", "99215", "G0438", "83036", "85610", "74177", "J1100", "96372", "93306", "70450", "95810"]
ICDS = ["E03.9", "N39.0", "I50.32", "L03.115", "R07.89", "Z79.01", "J44.1", "O24.410", "G47.33", "M17.11"]
ROOMS = ["Rm 612-B", "Bed 14", "Suite 330", "PACU bay 3", "4 West", "Room 1120", "Pod D", "Infusion chair 9"]
TIMES = ["0700", "19:00", "2:15 PM", "half past six", "11p", "06:45", "1930", "quarter to nine"]
YOUNG = ["89 y/o", "eighty-nine", "age 9", "a 67 yo", "71M", "a 16-year-old", "34 weeks pregnant", "58F",
         "88 years young", "a 3-month-old"]
YEARS = ["since 2009", "in '97", "back in 2016", "from 2011 to 2014", "in the year 2000", "circa 1999"]
PRICES = ["$37.40", "$1,912.06", "$0.00", "$215 coinsurance", "$60 specialist copay", "$4,300.00 deductible"]
COUNTRIES = ["Somalia", "Haiti", "Ukraine", "Tonga", "Laos", "Eritrea", "El Salvador", "Bangladesh", "Iran",
             "the Dominican Republic"]
STAFF_HANDLES = ["@frontdesk2", "@rn_nights", "@sched_team", "@pharm_tech", "@care_coord", "@billing_q",
                 "@triage_line"]
HEADINGS = ["CHIEF COMPLAINT", "HOPE PROGRAM ELIGIBILITY", "MAJOR BLEED RISK", "NOBLE GAS SCAN", "PRICE ESTIMATE",
            "CASH PAY DISCOUNT", "YOUNG ADULT CLINIC", "STONE PROTOCOL", "HUNTER SYNDROME SCREEN", "WARD TRANSFER"]
SPELL_A = {"A": "apple", "B": "boy", "C": "cat", "D": "dog", "E": "egg", "F": "fox", "G": "goat", "H": "house",
           "I": "ice", "J": "jam", "K": "kite", "L": "lion", "M": "mom", "N": "nut", "O": "orange", "P": "pig",
           "Q": "queen", "R": "rat", "S": "sun", "T": "tree", "U": "umbrella", "V": "van", "W": "water",
           "X": "x-ray", "Y": "yes", "Z": "zoo"}
NATO = {"A": "Alfa", "B": "Bravo", "C": "Charlie", "D": "Delta", "E": "Echo", "F": "Foxtrot", "G": "Golf",
        "H": "Hotel", "I": "India", "J": "Juliett", "K": "Kilo", "L": "Lima", "M": "Mike", "N": "November",
        "O": "Oscar", "P": "Papa", "Q": "Quebec", "R": "Romeo", "S": "Sierra", "T": "Tango", "U": "Uniform",
        "V": "Victor", "W": "Whiskey", "X": "X-ray", "Y": "Yankee", "Z": "Zulu"}

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
MON3 = [m[:3] for m in MONTHS]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
ONES = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
        "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
ORD_ONES = ["", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
            "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth",
            "eighteenth", "nineteenth"]
DIGW = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]


# --------------------------------------------------------------------------------------------------
# number words
# --------------------------------------------------------------------------------------------------
def two_words(n, hy=False):
    if n < 20:
        return ONES[n]
    t, o = divmod(n, 10)
    return TENS[t] if o == 0 else TENS[t] + ("-" if hy else " ") + ONES[o]


def int_words(n, hy=False, and_=False):
    if n < 100:
        return two_words(n, hy)
    h, r = divmod(n, 100)
    s = ONES[h] + " hundred"
    if r:
        s += (" and " if and_ else " ") + two_words(r, hy)
    return s


def ord_words(n):
    if n < 20:
        return ORD_ONES[n]
    t, o = divmod(n, 10)
    if o == 0:
        return {20: "twentieth", 30: "thirtieth"}[n]
    return TENS[t] + " " + ORD_ONES[o]


def ord_suffix(n):
    if 10 <= n % 100 <= 20:
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


def pair_words(dd):
    return ("oh " + ONES[int(dd[1])]) if dd[0] == "0" else two_words(int(dd))


def year_words(y, rng):
    if 2000 <= y <= 2009:
        return "two thousand" + ("" if y == 2000 else rng.choice([" ", " and "]) + ONES[y - 2000])
    if 2010 <= y <= 2099:
        return rng.choice(["twenty ", "two thousand "]) + two_words(y - 2000)
    hi, lo = divmod(y, 100)
    return two_words(hi) + " " + (("oh " + ONES[lo]) if lo < 10 else two_words(lo))


def digit_words(s, rng, zero="oh", doubles=False):
    out = []
    i = 0
    while i < len(s):
        c = s[i]
        z = rng.choice(["oh", "zero"]) if zero == "mixed" else zero
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
# builder
# --------------------------------------------------------------------------------------------------
def fold(s):
    s = s.replace("đ", "d").replace("Đ", "D").replace("ł", "l").replace("Ł", "L").replace("ʻ", "")
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


STT_DROP = re.compile(r"[,.;:?!\"()\[\]]")


def stt_lit(s):
    s = re.sub(r"\$(\d[\d,]*)(?:\.(\d\d))?", lambda m: m.group(1).replace(",", "") + " dollars", s)
    s = re.sub(r"(\d)\.(\d)", r"\1 point \2", s)
    s = re.sub(r"'(\d\d)\b", r"\1", s)
    s = re.sub(r"(\d):(\d\d)", r"\1 \2", s)
    s = s.replace("&", " and ").replace("%", " percent").replace("/", " ").replace("#", " number ")
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

    def _app(self, s):
        if not s:
            return
        if self.parts and self.parts[-1][-1:] == " " and s[0] == " ":
            s = s.lstrip(" ")
        if not self.parts:
            s = s.lstrip(" \n")
        if s:
            self.parts.append(s)
            self.n += len(s)

    def t(self, s):
        if self.mode == "stt":
            s = stt_lit(s)
        self._app(s)
        return self

    def d(self, s, typ):
        """a look-alike (never labelled); recorded in meta as a distractor"""
        if self.mode == "stt":
            s = stt_lit(s)
        s2 = s.strip()
        lead = s[:len(s) - len(s.lstrip())]
        trail = s[len(s.rstrip()):]
        self._app(lead)
        st = self.n
        self._app(s2)
        if s2:
            self.dist.append({"start": st, "end": self.n, "type": typ})
        self._app(trail)
        return self

    def v(self, val, kind, sub=None):
        if isinstance(val, tuple):
            val, sub2 = val
            sub = sub or sub2
        assert kind in KINDS, kind
        if self.mode == "stt":
            assert val == val.lower() and not STT_DROP.search(val) and "-" not in val, (val, kind)
        if not self.parts:
            pass
        st = self.n
        self.parts.append(val)
        self.n += len(val)
        self.spans.append({"start": st, "end": self.n, "kind": kind, "sub": sub, "value": val})
        return self

    def text(self):
        return "".join(self.parts).rstrip()


# --------------------------------------------------------------------------------------------------
# persons
# --------------------------------------------------------------------------------------------------
ALL_POPS = list(POPS) + ["vietnamese"]


class Person:
    def __init__(self, rng, pop=None, g=None, word=False):
        self.rng = rng
        self.pop = pop or rng.choice(ALL_POPS)
        self.g = g or rng.choice("fm")
        if self.pop == "vietnamese":
            self.family = rng.choice(VN_FAMILY)
            self.mid = rng.choice(VN_MID)
            self.given = rng.choice(VN_GIVEN)
        else:
            f, m, fam = POPS[self.pop]
            self.given = rng.choice(f if self.g == "f" else m)
            self.family = rng.choice(fam)
            self.mid = None
            if self.pop == "hispanic" and rng.random() < 0.45:
                other = rng.choice([x for x in fam if x != self.family])
                self.family = self.family + rng.choice([" ", "-", " y "]) + other
        if word:
            if rng.random() < 0.5:
                self.given = rng.choice(WORD_GIVEN)
            else:
                self.family = rng.choice(WORD_FAMILY)
        self.mi = rng.choice("ABCDEFGHJKLMNPRSTVW")

    def full(self):
        if self.pop == "vietnamese":
            return f"{self.family} {self.mid} {self.given}"
        return f"{self.given} {self.family}"

    def first(self):
        return self.given

    def last(self):
        return self.family

    def nick(self):
        return NICK.get(self.given, self.given)

    def render(self, style, mode="fmt"):
        r = self.rng
        if mode != "fmt":
            base = {"full": self.full(), "first": self.given, "last": self.family}.get(style, self.full())
            if mode == "stt":
                return stt_val(base), "name_stt_" + style
            return base, "name_spk_" + style
        if style == "full":
            return self.full(), "name_full"
        if style == "first":
            return self.given, "name_first"
        if style == "last":
            return self.family, "name_last"
        if style == "mi":
            if self.pop == "vietnamese":
                return self.full(), "name_full"
            return f"{self.given} {self.mi}. {self.family}", "name_mi"
        if style == "lastfirst":
            if self.pop == "vietnamese":
                return f"{self.family}, {self.mid} {self.given}", "name_lastfirst_vn"
            return f"{self.family}, {self.given}", "name_lastfirst"
        if style == "LASTFIRST":
            return f"{self.family.upper()}, {self.given.upper()}", "name_lastfirst_caps"
        if style == "CAPS":
            return self.full().upper(), "name_caps"
        if style == "initial":
            if self.pop == "vietnamese":
                return f"{self.family} {self.mid[0]}. {self.given}", "name_vn_initial"
            return f"{self.given[0]}. {self.family}", "name_initial_last"
        if style == "nick":
            return f"{self.nick()} {self.family}", "name_nick"
        if style == "lower":
            return self.full().lower(), "name_lower"
        raise ValueError(style)

    def tokens(self):
        return re.findall(r"[^\W\d_]+", self.full() + " " + self.nick())


def P(rng, **kw):
    return Person(rng, **kw)


def provider(rng):
    return Person(rng, pop=rng.choice(ALL_POPS))


# --------------------------------------------------------------------------------------------------
# values
# --------------------------------------------------------------------------------------------------
def phone_num(rng):
    return rng.choice(AREA) + str(rng.randint(2, 9)) + pat(rng, "##") + pat(rng, "####")


def phone_fmt(num, style, rng):
    a, b, c = num[:3], num[3:6], num[6:]
    return {"paren": f"({a}) {b}-{c}", "paren_tight": f"({a}){b}-{c}", "dash": f"{a}-{b}-{c}",
            "dot": f"{a}.{b}.{c}", "space": f"{a} {b} {c}", "plus1": f"+1 {a} {b} {c}",
            "plus1dash": f"+1-{a}-{b}-{c}", "one_dash": f"1-{a}-{b}-{c}", "one_paren": f"1 ({a}) {b}-{c}",
            "bare": f"{a}{b}{c}", "slash": f"{a}/{b}-{c}", "e164": f"+1{a}{b}{c}", "one_dot": f"1.{a}.{b}.{c}"}[style]


FMT_PHONE = ["paren", "paren_tight", "dash", "dot", "space", "plus1", "plus1dash", "one_dash", "one_paren", "bare",
             "slash", "e164", "one_dot"]


def phone_value(rng, mode, styles=None, ext_p=0.15, num=None):
    num = num or phone_num(rng)
    if mode == "fmt":
        st = rng.choice(styles or FMT_PHONE)
        if st == "vanity":
            w1, w2 = rng.choice(VANITY)
            a = num[:3]
            s = rng.choice([f"1-{a}-{w1}-{w2}", f"({a}) {w1}-{w2}", f"{a}-{w1}{w2}"])
            return s, "phone_vanity"
        s = phone_fmt(num, st, rng)
        if rng.random() < ext_p:
            e = str(rng.randint(2, 9999))
            s += rng.choice([f" x{e}", f" ext. {e}", f" Ext {e}", f",{e}", f" extension {e}", f" #{e}"])
            return s, "phone_" + st + "_ext"
        return s, "phone_" + st
    a, b, c = num[:3], num[3:6], num[6:]
    st = rng.choice(styles or ["digits", "pairs", "doubles", "mixed", "dash"])
    sep = ", " if mode == "spoken" else " "
    if st == "digits":
        s = sep.join(digit_words(g, rng, "mixed") for g in (a, b, c))
    elif st == "pairs":
        s = sep.join([ONES[int(a[0])] + " " + pair_words(a[1:]), ONES[int(b[0])] + " " + pair_words(b[1:]),
                      pair_words(c[:2]) + " " + pair_words(c[2:])])
    elif st == "doubles":
        s = sep.join(digit_words(g, rng, "oh", doubles=True) for g in (a, b, c))
    elif st == "dash":
        s = " dash ".join(digit_words(g, rng, "zero") for g in (a, b, c))
    else:
        s = sep.join([digit_words(a, rng), ONES[int(b[0])] + " " + pair_words(b[1:]), digit_words(c, rng)])
    if rng.random() < 0.2:
        s = "one " + s
    if rng.random() < ext_p:
        s += " extension " + digit_words(str(rng.randint(10, 999)), rng)
    return s, "phone_spk_" + st


def ssn_digits(rng):
    while True:
        a = rng.randint(1, 899)
        if a != 666:
            break
    return f"{a:03d}", f"{rng.randint(1, 99):02d}", f"{rng.randint(1, 9999):04d}"


def ssn_value(rng, mode, last4=False):
    a, b, c = ssn_digits(rng)
    if last4:
        if mode == "fmt":
            return c, "ssn_last4"
        return digit_words(c, rng, "mixed"), "ssn_last4_spk"
    if mode == "fmt":
        st = rng.choice(["dash", "space", "bare", "dot"])
        return {"dash": f"{a}-{b}-{c}", "space": f"{a} {b} {c}", "bare": a + b + c, "dot": f"{a}.{b}.{c}"}[st], \
            "ssn_" + st
    sep = ", " if mode == "spoken" else " "
    return sep.join(digit_words(g, rng, "mixed") for g in (a, b, c)), "ssn_spk"


def rand_date(rng, y0, y1):
    d0 = datetime.date(y0, 1, 1).toordinal()
    d1 = datetime.date(y1, 12, 31).toordinal()
    return datetime.date.fromordinal(rng.randint(d0, d1))


FMT_FULL = ["iso", "mdy4", "mdy2", "mdy_np", "ord_of_apos", "mon_d_y", "d_mon_y", "dd_MON_yyyy", "dash",
            "mon_abbr_apos", "ord_of_y", "dmy_dot", "MON_d_y_caps", "mon_ord_y"]
FMT_PART = ["mon_ord", "mon_d", "md_slash", "ord_of_mon", "mon_y", "mon_abbr_d"]
SPK_FULL = ["spk_mdy_ord", "spk_the_ord_of", "spk_slash", "spk_digits", "spk_mon_the", "spk_compact"]
SPK_PART = ["spk_md_ord", "spk_mon_the_part", "spk_ord_of_part", "spk_my"]


def date_str(d, style, rng):
    """formatted or spoken (lowercase) date string, no leading article, no weekday"""
    y, m, dd = d.year, d.month, d.day
    M = MONTHS[m - 1]
    if style == "iso":
        return f"{y:04d}-{m:02d}-{dd:02d}"
    if style == "mdy4":
        return f"{m:02d}/{dd:02d}/{y}"
    if style == "mdy2":
        return f"{m:02d}/{dd:02d}/{y % 100:02d}"
    if style == "mdy_np":
        return f"{m}/{dd}/{y}"
    if style == "ord_of_apos":
        return f"{dd}{ord_suffix(dd)} of {M} '{y % 100:02d}"
    if style == "mon_d_y":
        return f"{M} {dd}, {y}"
    if style == "d_mon_y":
        return f"{dd} {MON3[m - 1]} {y}"
    if style == "dd_MON_yyyy":
        return f"{dd:02d}-{MON3[m - 1].upper()}-{y}"
    if style == "dash":
        return f"{m}-{dd}-{y}"
    if style == "mon_abbr_apos":
        return f"{MON3[m - 1]} {dd} '{y % 100:02d}"
    if style == "ord_of_y":
        return f"{dd}{ord_suffix(dd)} of {M}, {y}"
    if style == "dmy_dot":
        return f"{dd:02d}.{m:02d}.{y}"
    if style == "MON_d_y_caps":
        return f"{M.upper()} {dd} {y}"
    if style == "mon_ord_y":
        return f"{M} {dd}{ord_suffix(dd)} {y}"
    if style == "mon_ord":
        return f"{M} {dd}{ord_suffix(dd)}"
    if style == "mon_d":
        return f"{MON3[m - 1]}. {dd}" if m != 5 else f"May {dd}"
    if style == "md_slash":
        return f"{m}/{dd}"
    if style == "ord_of_mon":
        return f"{dd}{ord_suffix(dd)} of {M}"
    if style == "mon_y":
        return f"{M} {y}"
    if style == "mon_abbr_d":
        return f"{MON3[m - 1].upper()} {dd:02d}"
    ml = M.lower()
    if style == "spk_mdy_ord":
        return f"{ml} {ord_words(dd)} {year_words(y, rng)}"
    if style == "spk_the_ord_of":
        return f"{ord_words(dd)} of {ml} {year_words(y, rng)}"
    if style == "spk_slash":
        return f"{pair_words(f'{m:02d}')} slash {pair_words(f'{dd:02d}')} slash {pair_words(f'{y % 100:02d}')}"
    if style == "spk_digits":
        return f"{two_words(m)} {two_words(dd)} {pair_words(f'{y % 100:02d}')}"
    if style == "spk_mon_the":
        return f"{ml} the {ord_words(dd)} {year_words(y, rng)}"
    if style == "spk_compact":
        return digit_words(f"{m:02d}{dd:02d}", rng, "zero") + " " + year_words(y, rng)
    if style == "spk_md_ord":
        return f"{ml} {ord_words(dd)}"
    if style == "spk_mon_the_part":
        return f"{ml} the {ord_words(dd)}"
    if style == "spk_ord_of_part":
        return f"{ord_words(dd)} of {ml}"
    if style == "spk_my":
        return f"{ml} {year_words(y, rng)}"
    raise ValueError(style)


def dob_value(rng, mode, styles=None, d=None):
    d = d or rand_date(rng, 1926, 2012)
    st = rng.choice(styles or (FMT_FULL if mode == "fmt" else SPK_FULL))
    s = date_str(d, st, rng)
    if mode == "stt":
        s = stt_val(s)
    return s, "dob_" + st


def date_value(rng, mode, styles=None, d=None, partial=True):
    d = d or rand_date(rng, 2023, 2026)
    pool = (FMT_FULL + (FMT_PART if partial else [])) if mode == "fmt" else (SPK_FULL + (SPK_PART if partial else []))
    st = rng.choice(styles or pool)
    s = date_str(d, st, rng)
    if mode == "stt":
        s = stt_val(s)
    return s, "date_" + st


def age90_value(rng, mode, n=None, words=None):
    n = n or rng.choice([90, 91, 92, 93, 94, 95, 96, 97, 98, 99, 100, 101, 102, 104])
    if words is None:
        words = mode != "fmt"
    if not words:
        return str(n), "age_digits"
    s = int_words(n, hy=(mode == "fmt" and rng.random() < 0.5), and_=rng.random() < 0.5)
    if mode == "stt":
        s = stt_val(s)
    return s, "age_words"


def zip_value(rng, mode, plus4=None, base=None):
    z = base or pat(rng, "#####")
    if z[0] == "0" and base is None:
        z = "8" + z[1:]
    p4 = pat(rng, "####") if (plus4 if plus4 is not None else rng.random() < 0.35) else None
    if mode == "fmt":
        return (z + "-" + p4 if p4 else z), ("zip4" if p4 else "zip5")
    s = digit_words(z, rng, "mixed")
    if p4:
        s += rng.choice([" dash ", " hyphen ", " plus "]) + digit_words(p4, rng, "mixed")
    if mode == "stt":
        s = stt_val(s)
    return s, "zip_spk" + ("4" if p4 else "")


def town_value(town, mode):
    if mode == "stt":
        return stt_val(fold(town) if "ʻ" in town else town), "city_stt"
    return town, "city"


def house_no(rng):
    return str(rng.choice([rng.randint(2, 99), rng.randint(100, 999), rng.randint(1000, 9999), rng.randint(10000, 48999)]))


def address_value(rng, mode, style=None):
    st = style or rng.choice(["plain", "dir_suffix", "unit", "half", "pob", "hash_unit", "lot", "dir_prefix"])
    street = rng.choice(STREETS)
    suf = rng.choice(ST_SUFFIX)
    hn = house_no(rng)
    if mode != "fmt":
        # spoken house numbers: pairs ("nineteen oh five") or digits
        if len(hn) == 4:
            hw = two_words(int(hn[:2])) + " " + pair_words(hn[2:]) if hn[2:] != "00" else two_words(int(hn[:2])) + " hundred"
        else:
            hw = digit_words(hn, rng)
        sufw = {"Ave": "avenue", "St": "street", "Rd": "road", "Blvd": "boulevard", "Ln": "lane", "Dr": "drive",
                "Trl": "trail", "Hwy": "highway", "Pkwy": "parkway", "Ct": "court"}.get(suf, suf.lower())
        streetw = fold(street).lower() if mode == "stt" else street
        if st == "pob":
            s = rng.choice(["p o box ", "post office box ", "po box "]) + digit_words(pat(rng, "####")[:rng.randint(2, 4)], rng)
        elif st in ("unit", "hash_unit"):
            s = f"{hw} {streetw} {sufw} {rng.choice(['apartment', 'unit', 'apt'])} {rng.choice(['two b', 'three', 'four oh one', 'c', 'twelve'])}"
        elif st == "dir_suffix":
            s = f"{hw} {streetw} {sufw} {rng.choice(['northeast', 'southwest', 'north west', 'south east'])}"
        else:
            s = f"{hw} {streetw} {sufw}"
        if mode == "stt":
            s = stt_val(s)
        return s, "addr_spk_" + st
    if st == "plain":
        s = f"{hn} {street} {suf}"
    elif st == "dir_suffix":
        s = f"{hn} {street} {suf} {rng.choice(DIRS)}"
    elif st == "dir_prefix":
        s = f"{hn} {rng.choice(['N', 'S', 'E', 'W', 'North', 'South'])} {street} {suf}"
    elif st == "unit":
        s = f"{hn} {street} {suf}, {rng.choice(['Apt', 'Apt.', 'Unit', 'Bldg 3 Apt', 'Trlr', 'Spc'])} {pat(rng, rng.choice(['#', '##', '#@', '@', '###']))}"
    elif st == "hash_unit":
        s = f"{hn} {street} {suf} #{pat(rng, rng.choice(['#', '##', '#@']))}"
    elif st == "half":
        s = f"{hn} 1/2 {street} {suf}" + rng.choice(["", f" {rng.choice(DIRS)}", ", Rear"])
    elif st == "lot":
        s = f"{hn} {street} {suf} Lot {rng.randint(1, 88)}"
    elif st == "pob":
        s = rng.choice(["P.O.B. ", "Post Office Box ", "PO Drawer ", "P O Box ", "POB "]) + str(rng.randint(3, 9999))
    elif st == "military":
        s = rng.choice([f"PSC {rng.randint(100, 9999)}, Box {rng.randint(1, 9999)}",
                        f"Unit {rng.randint(2000, 9999)} Box {rng.randint(1, 999)}",
                        f"CMR {rng.randint(400, 499)} Box {rng.randint(1, 9999)}"])
    else:
        raise ValueError(st)
    return s, "addr_" + st


def mrn_raw(rng):
    return pat(rng, rng.choice(["########", "E#########", "MR-#######", "H00######", "###-##-####", "00#########",
                                "@@######", "####-#####", "M#######"]))


def account_raw(rng):
    return pat(rng, rng.choice(["A-#######", "##########", "GA-#####-#", "#########", "ACCT######", "7#######-##",
                                "PB#######"]))


def mbi(rng):
    L = "ACDEFGHJKMNPQRTUVWXY"
    N = "0123456789"
    c = [rng.choice("123456789"), rng.choice(L), rng.choice(L + N), rng.choice(N), rng.choice(L), rng.choice(L + N),
         rng.choice(N), rng.choice(L), rng.choice(L), rng.choice(N), rng.choice(N)]
    s = "".join(c)
    return s if rng.random() < 0.4 else f"{s[:4]}-{s[4:7]}-{s[7:]}"


def plan_raw(rng):
    return pat(rng, rng.choice(["@@@#########", "W#### #####", "@@@-###-###-##", "#########@", "U########01",
                                "@@########", "ZG#######", "8##########"]))


def medicaid_case(rng):
    return pat(rng, rng.choice(["####-#####-#", "@@#####@", "#########@", "##-###-####"]))


def npi(rng):
    body = rng.choice("12") + pat(rng, "########")
    return body + luhn_digit("80840" + body)


def dea(rng, last):
    while True:
        d6 = pat(rng, "######")
        n = [int(c) for c in d6]
        chk = (n[0] + n[2] + n[4] + 2 * (n[1] + n[3] + n[5])) % 10
        s = rng.choice("ABFM") + last + d6 + str(chk)
        assert dea_ok(s)
        return s


def dl_value(rng):
    st = rng.choice(["CA", "FL", "NY", "IL", "WA", "PA", "TX", "WI", "NJ", "MN", "AZ"])
    v = {"CA": "@#######", "FL": "@###-###-##-###-#", "NY": "### ### ###", "IL": "@###-####-####",
         "WA": "WDL@@@###@#", "PA": "## ### ###", "TX": "########", "WI": "@###-####-####-##",
         "NJ": "@#### ##### #####", "MN": "@############", "AZ": "D########"}[st]
    return pat(rng, v), st


VIN_CH = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789"
WMI = ["1N4", "2HG", "3FA", "4S3", "5NP", "JHM", "KNA", "WDD", "YV1", "1GC", "3GN", "5XY"]


def vin(rng):
    while True:
        body = rng.choice(WMI) + "".join(rng.choice(VIN_CH) for _ in range(5))
        tail = "".join(rng.choice(VIN_CH) for _ in range(3)) + "".join(rng.choice("0123456789") for _ in range(5))
        v = body + "0" + tail
        v = v[:8] + vin_check(v) + v[9:]
        if vin_check(v) == v[8]:
            return v


def plate(rng):
    return pat(rng, rng.choice(["#@@@###", "@@@-####", "@@@ ####", "###-@@@", "@## #@@", "#@@@##"]))


def serial(rng):
    return pat(rng, rng.choice(["@@@######@", "##@@#####", "SN-####-@@##", "@#@#@#####", "PT######-##"]))


def udi(rng):
    body = "0" + pat(rng, "08845########")[:12]
    gtin = body + gtin_check(body)
    exp = f"{rng.randint(25, 29)}{rng.randint(1, 12):02d}{rng.choice([0, 28, 30]):02d}"
    lot = pat(rng, rng.choice(["@####", "##@@#", "L#####"]))
    if rng.random() < 0.6:
        return f"(01){gtin}(17){exp}(10){lot}", "udi_gs1_paren"
    return f"01{gtin}17{exp}10{lot}", "udi_gs1_plain"


def ipv4(rng):
    return ".".join(str(x) for x in (rng.choice([24, 67, 73, 98, 108, 172, 174, 184, 203]), rng.randint(0, 255),
                                       rng.randint(0, 255), rng.randint(1, 254)))


def ipv6(rng):
    groups = ["2601", format(rng.randint(0x100, 0xfff), "x"), format(rng.randint(0x1000, 0xffff), "x"),
              format(rng.randint(0x10, 0xfff), "x")]
    if rng.random() < 0.5:
        groups += [format(rng.randint(0x1000, 0xffff), "x") for _ in range(4)]
        return ":".join(groups)
    return ":".join(groups) + "::" + format(rng.randint(0x10, 0xfff), "x")


def ip_spoken(ip, rng, mode):
    parts = []
    for o in ip.split("."):
        parts.append(rng.choice([digit_words(o, rng, "zero"), int_words(int(o))]) if len(o) > 1 else ONES[int(o)])
    s = " dot ".join(parts)
    return s


def slug(p):
    return re.sub(r"[^a-z0-9]+", "-", fold(p.full()).lower()).strip("-")


def url_value(p, rng, mode):
    sl = slug(p)
    h = sl.replace("-", "")
    if mode == "fmt":
        s = rng.choice([f"gofundme.com/f/help-{sl}-heal", f"https://www.caringbridge.org/site/{sl}",
                        f"linktr.ee/{h}", f"https://sites.google.com/view/{sl}-recovery",
                        f"tiktok.com/@{h}{rng.randint(1, 99)}", f"www.mealtrain.com/trains/{pat(rng, '##@@##')}",
                        f"https://{h}.substack.com", f"instagram.com/{h}_art"])
        return s, "url_personal"
    fn = fold(p.given).lower().replace("-", " ")
    ln = fold(p.family).lower().replace("-", " ")
    s = rng.choice([f"caringbridge dot org slash site slash {fn} {ln}", f"gofundme dot com slash f slash help {fn}",
                    f"linktree slash {fn} {ln}"])
    return s, "url_spk"


def email_value(p, rng, mode, domain=None):
    fn = re.sub(r"[^a-z]", "", fold(p.given).lower())
    ln = re.sub(r"[^a-z]", "", fold(p.family).lower())
    dom = domain or rng.choice(EMAIL_DOMAINS)
    st = rng.choice(["dot", "initial", "under", "yr", "dash"])
    loc = {"dot": f"{fn}.{ln}", "initial": f"{fn[0]}{ln}{rng.randint(1, 99)}", "under": f"{ln}_{fn}",
           "yr": f"{fn}{ln[:3]}{rng.randint(40, 99)}", "dash": f"{fn}-{ln}"}[st]
    if mode == "fmt":
        return f"{loc}@{dom}", "email_" + st
    sp = loc.replace(".", " dot ").replace("_", " underscore ").replace("-", " dash ")
    sp = re.sub(r"(\d+)", lambda m: " " + digit_words(m.group(1), rng) + " ", sp)
    s = f"{sp} at {dom.replace('.', ' dot ')}"
    s = re.sub(r" {2,}", " ", s).strip()
    return s, "email_spk_" + st


def spelled(word, rng, mode, style=None):
    letters = [c for c in fold(word).upper() if c.isalpha()]
    st = style or rng.choice(["dash", "space", "as_in", "nato", "mixed"])
    if st == "dash":
        s = "-".join(letters)
    elif st == "space":
        s = " ".join(letters)
    elif st == "as_in":
        s = ", ".join(f"{c} as in {SPELL_A[c]}" for c in letters)
    elif st == "nato":
        s = " ".join(f"{c} {NATO[c]}" if rng.random() < 0.5 else f"{c} like {NATO[c]}" for c in letters)
    else:
        s = ", ".join(f"{c} for {SPELL_A[c]}" if i % 2 == 0 else c for i, c in enumerate(letters))
    if mode == "stt":
        s = stt_val(s.replace("x-ray", "xray").replace("X-ray", "xray"))
        s = s.replace("xray", "x ray")
    return s, "spelled_" + st


def lookalike(rng, b, kinds=None):
    k = rng.choice(kinds or ["dose", "lab", "cpt", "icd", "room", "time", "young", "year", "price", "clinic",
                             "hospital", "eponym", "score", "insurer", "country", "state"])
    if k == "dose":
        b.d(rng.choice(DOSES), "dose")
    elif k == "lab":
        n, v, r, u = rng.choice(LABS)
        b.d(f"{n} {v} {u}".strip(), "lab")
    elif k == "cpt":
        b.t("CPT ").d(rng.choice(CPTS), "cpt")
    elif k == "icd":
        b.t("ICD-10 ").d(rng.choice(ICDS), "icd10")
    elif k == "room":
        b.d(rng.choice(ROOMS), "room")
    elif k == "time":
        b.d(rng.choice(TIMES), "time")
    elif k == "young":
        b.d(rng.choice(YOUNG), "age_under_90")
    elif k == "year":
        b.d(rng.choice(YEARS), "year_only")
    elif k == "price":
        b.d(rng.choice(PRICES), "price")
    elif k == "clinic":
        b.d(rng.choice(CLINICS), "clinic")
    elif k == "hospital":
        b.d(rng.choice(HOSPITALS), "hospital")
    elif k == "eponym":
        b.d(rng.choice(EPONYMS), "eponym")
    elif k == "score":
        b.d(rng.choice(SCORES), "score")
    elif k == "insurer":
        b.d(rng.choice(INSURERS), "insurer")
    elif k == "country":
        b.d(rng.choice(COUNTRIES), "country")
    elif k == "state":
        b.d(rng.choice(list(STATE_NAMES.values())), "state")
    return b


def ch(rng, *xs):
    return rng.choice(xs)


# --------------------------------------------------------------------------------------------------
# families
# --------------------------------------------------------------------------------------------------
def fam_chat_export(rng, mode, nophi):
    b = Builder("fmt")
    h1, h2 = rng.sample(STAFF_HANDLES, 2)
    hh, mm = rng.randint(6, 20), rng.randint(0, 50)
    tsf = ch(rng, "[{:02d}:{:02d}]", "{:02d}:{:02d} -", "({:02d}:{:02d})")

    def ts(k):
        return tsf.format(hh, mm + k)
    b.t(ch(rng, "Exported chat — #scheduling\n", "--- begin export ---\n", "Slack export (channel: care-team)\n"))
    if nophi:
        b.t(f"{ts(0)} {h1}: pt in ").d(rng.choice(ROOMS), "room").t(" asking about her ").d(rng.choice(DOSES), "dose").t("\n")
        b.t(f"{ts(1)} {h2}: ok, she's ").d(rng.choice(YOUNG), "age_under_90").t(", on ").d(rng.choice(INSURERS), "insurer").t(" — copay ").d(rng.choice(PRICES), "price").t("\n")
        b.t(f"{ts(2)} {h1}: will send portal link ").d(rng.choice(CLINIC_URLS), "clinic_url").t(" :thumbsup:")
        return "user", b, "n1"
    p = P(rng)
    v = rng.randint(1, 3)
    if v == 1:
        b.t(f"{ts(0)} {h1}: callback req for ").v(p.render(ch(rng, "full", "nick", "lastfirst")), "NAME").t(", dob ").v(dob_value(rng, "fmt"), "DOB").t("\n")
        b.t(f"{ts(1)} {h2}: number?\n")
        b.t(f"{ts(2)} {h1}: ").v(phone_value(rng, "fmt"), "PHONE").t(ch(rng, " (cell)", " - mobile", "")).t("\n")
        b.t(f"{ts(4)} {h2}: got it, booked ").v(date_value(rng, "fmt", FMT_PART), "DATE").t(" ").d(rng.choice(TIMES), "time")
    elif v == 2:
        q = P(rng, word=rng.random() < 0.4)
        b.t(f"{ts(0)} {h1}: @here ").v(p.render("LASTFIRST"), "NAME").t(" MRN ").v(mrn_raw(rng), "MRN").t(" is in lobby\n")
        b.t(f"{ts(1)} {h2}: daughter ").v(q.render("first"), "NAME").t(" says new addr ").v(address_value(rng, "fmt"), "ADDRESS").t("\n")
        c, stt = rng.choice(TOWNS)
        b.t(f"{ts(3)} {h1}: in ").v(town_value(c, "fmt"), "CITY").t(" ").v(zip_value(rng, "fmt"), "ZIP").t("? updating")
    else:
        b.t(f"{ts(0)} {h1}: anyone reach ").v(p.render("initial"), "NAME").t("?\n")
        b.t(f"{ts(1)} {h2}: left vm on ").v(phone_value(rng, "fmt"), "PHONE").t(", emailed ").v(email_value(p, rng, "fmt"), "EMAIL").t("\n")
        b.t(f"{ts(2)} {h1}: she's ").v(age90_value(rng, "fmt"), "AGE").t(" so call the son too\n")
        b.t(f"{ts(3)} {h2}: :+1:")
    return "user", b, f"p{v}"


def fam_email_thread(rng, mode, nophi):
    b = Builder("fmt")
    if nophi:
        b.t("From: Scheduling Team\nTo: Front Desk\nSubject: RE: Friday clinic\n\n")
        b.t("Moving all ").d(rng.choice(CPTS), "cpt").t(" visits to ").d(rng.choice(ROOMS), "room").t(" after ").d(rng.choice(TIMES), "time").t(".\n\n")
        b.t("> Are we still closed for the Fourth of July?\n> Yes — reminder that ").d(rng.choice(INSURERS), "insurer").t(" patients need referrals.\n\n")
        b.t("--\n").d(rng.choice(CLINICS), "clinic").t("\n").d(rng.choice(CLINIC_URLS), "clinic_url")
        return "user", b, "n1"
    pt, doc = P(rng), provider(rng)
    v = rng.randint(1, 3)
    b.t("From: ").v(pt.render("full"), "NAME").t(" <").v(email_value(pt, rng, "fmt"), "EMAIL").t(">\n")
    b.t(ch(rng, "Sent: Thursday 8:52 AM\n", "Sent: Mon 4:17 PM\n", ""))
    b.t("To: Dr. ").v(doc.render(ch(rng, "full", "last")), "NAME").t(" <").v(email_value(doc, rng, "fmt", domain=ch(rng, "kestrelvalleyfm.org", "desertwillowim.com")), "EMAIL").t(">\n")
    if v == 1:
        q = P(rng)
        b.t("Cc: ").v(q.render("full"), "NAME").t(" <").v(email_value(q, rng, "fmt"), "EMAIL").t(">\n")
    b.t("Subject: " + ch(rng, "RE: ", "Re: Re: ", "FW: ") + ch(rng, "refill question", "my mom's results", "appointment"))
    if v == 2:
        b.t(" (DOB ").v(dob_value(rng, "fmt", ["mdy4", "mdy_np", "iso"]), "DOB").t(")")
    b.t("\n\n")
    if v == 3:
        b.t("Hi, I moved to ").v(address_value(rng, "fmt"), "ADDRESS").t(", ")
        c, s = rng.choice(TOWNS)
        b.t("").v(town_value(c, "fmt"), "CITY").t(f", {s} ").v(zip_value(rng, "fmt"), "ZIP").t(" — please update my chart.\n\n")
    else:
        b.t("Thank you doctor. Yes the appointment on ").v(date_value(rng, "fmt", FMT_PART + ["mdy4"]), "DATE").t(" works.\n\n")
    b.t(f"> On {ch(rng, 'Tue', 'Wed', 'Fri')}, Dr. ").v(doc.render("last"), "NAME").t(" wrote:\n")
    b.t("> Please confirm your member ID and we will send the ").d(rng.choice(DOSES).split(" ")[0], "drug").t(" to the pharmacy.\n")
    b.t(">> My member ID is ").v(plan_raw(rng), "HEALTH_PLAN").t("\n\n")
    b.t("--\n").v(pt.render(ch(rng, "full", "first")), "NAME").t("\n" + ch(rng, "cell ", "c: ", "mobile ")).v(phone_value(rng, "fmt", ext_p=0), "PHONE")
    return "user", b, f"p{v}"


def fam_sbar(rng, mode, nophi):
    b = Builder("fmt")
    b.t(ch(rng, "SBAR HAND-OFF", "Shift report (SBAR)", "S-B-A-R / nights -> days") + "\n")
    if nophi:
        b.t("S: ").d(rng.choice(YOUNG), "age_under_90").t(" in ").d(rng.choice(ROOMS), "room").t(", new O2 need.\n")
        b.t("B: hx of ").d(rng.choice(EPONYMS), "eponym").t(", on ").d(rng.choice(DOSES), "dose").t(".\n")
        b.t("A: ").d(rng.choice(SCORES), "score").t("; ").d(" ".join(rng.choice(LABS)[:2]), "lab").t(".\n")
        b.t("R: recheck at ").d(rng.choice(TIMES), "time").t(", fall precautions.")
        return "system", b, "n1"
    p = P(rng)
    doc = provider(rng)
    v = rng.randint(1, 2)
    b.t("S: ").v(p.render(ch(rng, "full", "lastfirst", "CAPS")), "NAME").t(", ")
    if v == 1:
        b.v(age90_value(rng, "fmt"), "AGE").t(ch(rng, " y/o F", " yo M", " yr old", "-year-old"))
    else:
        b.d(rng.choice(YOUNG), "age_under_90")
    b.t(" in ").d(rng.choice(ROOMS), "room").t(", c/o chest tightness.\n")
    b.t("B: admitted ").v(date_value(rng, "fmt", ["md_slash", "mon_d", "mdy4"]), "DATE").t(" w/ ").d(rng.choice(EPONYMS), "eponym").t(". MRN ").v(mrn_raw(rng), "MRN").t(".\n")
    b.t("A: ").d(rng.choice(SCORES), "score").t(", ").d(" ".join(rng.choice(LABS)[:2]), "lab").t(".\n")
    b.t("R: notify Dr. ").v(doc.render("last"), "NAME").t(" if worse; ")
    q = P(rng)
    b.t(ch(rng, "HCPOA ", "contact ", "spouse ") if True else "").v(q.render(ch(rng, "full", "first", "nick")), "NAME").t(" wants call at ").v(phone_value(rng, "fmt"), "PHONE").t(".")
    return "system", b, f"p{v}"


def fam_discharge(rng, mode, nophi):
    b = Builder("fmt")
    if nophi:
        b.t("DISCHARGE INSTRUCTIONS (template)\nDiagnosis: ").d(rng.choice(EPONYMS), "eponym").t(" (").d(rng.choice(ICDS), "icd10").t(")\n")
        b.t("Medications: ").d(rng.choice(DOSES), "dose").t("; ").d(rng.choice(DOSES), "dose").t("\n")
        b.t("Follow up in 2 weeks at ").d(rng.choice(CLINICS), "clinic").t(". Forms at ").d(rng.choice(CLINIC_URLS), "clinic_url").t(".")
        return "system", b, "n1"
    p, doc = P(rng), provider(rng)
    b.t("DISCHARGE SUMMARY\n")
    b.t("Patient: ").v(p.render(ch(rng, "LASTFIRST", "lastfirst", "mi")), "NAME").t(ch(rng, "   ", "\n"))
    b.t("DOB: ").v(dob_value(rng, "fmt", ["mdy4", "dd_MON_yyyy", "iso"]), "DOB").t("\n")
    adm = rand_date(rng, 2023, 2025)
    dis = adm + datetime.timedelta(days=rng.randint(1, 12))
    b.t("Admit: ").v(date_value(rng, "fmt", ["mdy4", "mdy_np"], d=adm), "DATE").t("   Discharge: ").v(date_value(rng, "fmt", ["mdy4", "mdy_np"], d=dis), "DATE").t("\n")
    b.t("Attending: ").v(doc.render(ch(rng, "full", "initial")), "NAME").t(", MD\n")
    b.t("Hospital course: ").d(rng.choice(YOUNG), "age_under_90").t(" treated for ").d(rng.choice(EPONYMS), "eponym").t(".\n")
    b.t("Disposition: home with daughter ").v(P(rng, g="f", word=rng.random() < 0.5).render("first"), "NAME").t(" at ")
    b.v(address_value(rng, "fmt"), "ADDRESS").t(", ")
    c, s = rng.choice(TOWNS + HOODS)
    b.v(town_value(c, "fmt"), "CITY").t(f", {s}.\n")
    b.t("Follow-up: PCP ").v(date_value(rng, "fmt", FMT_PART), "DATE").t("; home health to call ").v(phone_value(rng, "fmt"), "PHONE").t(".")
    return "system", b, "p1"


def fam_medrec(rng, mode, nophi):
    b = Builder("fmt")
    b.t(ch(rng, "MEDICATION RECONCILIATION", "Med Rec — admission", "HOME MEDICATION LIST") + "\n")
    if not nophi:
        p = P(rng)
        b.t(ch(rng, "Pt: ", "Name: ")).v(p.render(ch(rng, "LASTFIRST", "full")), "NAME").t(ch(rng, "  DOB ", " | born ")).v(dob_value(rng, "fmt"), "DOB").t("\n")
    for i in range(rng.randint(3, 5)):
        b.t(ch(rng, "- ", "* ", f"{i + 1}. ")).d(rng.choice(DOSES), "dose").t(ch(rng, "  [continue]", "  [hold]", "  [stop]", ""))
        if not nophi and i == 1:
            b.t(" started ").v(date_value(rng, "fmt", ["mon_y", "md_slash", "mdy4"]), "DATE")
        b.t("\n")
    if nophi:
        b.t("Source: pt + pharmacy fill history; ").d(rng.choice(INSURERS), "insurer").t(" formulary.")
        return "system", b, "n1"
    b.t("Pharmacy: ").d(rng.choice(["Walgreens #4411", "CVS store 2290", "H-E-B Pharmacy", "Rite Aid"]), "pharmacy").t(", patient cell ").v(phone_value(rng, "fmt"), "PHONE")
    b.t("\nReconciled by ").v(provider(rng).render(ch(rng, "initial", "full")), "NAME").t(", PharmD")
    return "system", b, "p1"


def fam_lab_report(rng, mode, nophi):
    b = Builder("fmt")
    b.t(ch(rng, "LABORATORY REPORT", "Lab Results", "CHEMISTRY PANEL - FINAL") + "\n")
    if not nophi:
        p, doc = P(rng), provider(rng)
        old = rng.random() < 0.4
        n = rng.randint(90, 101)
        b.t("Patient: ").v(p.render(ch(rng, "LASTFIRST", "lastfirst")), "NAME").t("\tDOB: ").v(dob_value(rng, "fmt", ["mdy4", "iso", "mdy_np"], d=rand_date(rng, 2024 - n, 2024 - n) if old else None), "DOB")
        if old:
            b.t(" (").v(age90_value(rng, "fmt", n=n), "AGE").t(" y " + p.g.upper() + ")")
        b.t("\n")
        b.t("MRN: ").v(mrn_raw(rng), "MRN").t("\tOrdering: ").v(doc.render(ch(rng, "lastfirst", "initial", "full")), "NAME").t(", NPI ").v(npi(rng), "LICENSE").t("\n")
        b.t("Collected: ").v(date_value(rng, "fmt", ["mdy4", "iso", "dd_MON_yyyy"], partial=False), "DATE").t(" ").d(rng.choice(TIMES), "time").t("\n")
    b.t("TEST\tRESULT\tREF RANGE\tLOINC\n")
    for name, val, ref, unit in rng.sample(LABS, rng.randint(3, 5)):
        b.t(f"{name}\t").d(f"{val}", "lab").t(f" {unit}\t".replace("  ", " ")).d(ref, "ref_range").t("\t").d(rng.choice(LOINC), "loinc").t("\n")
    b.t(ch(rng, "Performed at ", "Lab: ")).d(rng.choice(HOSPITALS), "hospital")
    return "system", b, "n1" if nophi else "p1"


def fam_rad_report(rng, mode, nophi):
    b = Builder("fmt")
    if nophi:
        b.t("RADIOLOGY — PROTOCOL\nExam: CT abdomen/pelvis w contrast (").d("74177", "cpt").t(")\nIndication: ").d(rng.choice(ICDS), "icd10").t("\nContrast: 100 mL iohexol at ").d(rng.choice(TIMES), "time").t("\nReading room ").d(rng.choice(ROOMS), "room")
        return "system", b, "n1"
    p, doc, rad = P(rng), provider(rng), provider(rng)
    b.t(ch(rng, "EXAM: MRI BRAIN W/WO CONTRAST", "EXAM: XR CHEST 2 VIEWS", "EXAM: US RENAL COMPLETE") + "\n")
    b.t("PATIENT: ").v(p.render(ch(rng, "LASTFIRST", "CAPS")), "NAME").t("    SEX: ").t(ch(rng, "F", "M")).t("    DOB: ").v(dob_value(rng, "fmt", ["mdy4", "dd_MON_yyyy"]), "DOB").t("\n")
    b.t("MRN: ").v(mrn_raw(rng), "MRN").t("    EXAM DATE: ").v(date_value(rng, "fmt", ["mdy4", "iso"], partial=False), "DATE").t("\n")
    b.t("REFERRING: ").v(doc.render(ch(rng, "lastfirst", "LASTFIRST", "initial")), "NAME").t(", MD   FAX ").v(phone_value(rng, "fmt", ext_p=0), "FAX").t("\n")
    b.t("COMPARISON: prior study ").v(date_value(rng, "fmt", ["mdy4", "mon_y"], partial=True), "DATE").t("\n")
    b.t("IMPRESSION: no acute findings.\nDictated by: ").v(rad.render(ch(rng, "full", "mi")), "NAME").t(", MD")
    return "system", b, "p1"


def fam_refill(rng, mode, nophi):
    if mode == "fmt":
        b = Builder("fmt")
        if nophi:
            b.t("REFILL REQUEST — ").d(rng.choice(DOSES), "dose").t(", qty 90, 3 refills, ").d(rng.choice(PRICES), "price").t(". Pharmacy to fax when ready. Reply via ").d(rng.choice(CLINIC_URLS), "clinic_url")
            return "user", b, "n1"
        p, doc = P(rng), provider(rng)
        b.t("PHARMACY REFILL REQUEST\nTo: Dr. ").v(doc.render("last"), "NAME").t(" (DEA ").v(dea(rng, fold(doc.family)[0].upper()), "LICENSE").t(")\n")
        b.t("Patient: ").v(p.render(ch(rng, "lastfirst", "full", "LASTFIRST")), "NAME").t(" DOB ").v(dob_value(rng, "fmt", ["mdy4", "mdy2"]), "DOB").t("\n")
        b.t("Drug: ").d(rng.choice(DOSES), "dose").t("  Last filled: ").v(date_value(rng, "fmt", ["md_slash", "mdy4", "mon_d"]), "DATE").t("\n")
        b.t("Patient phone: ").v(phone_value(rng, "fmt"), "PHONE").t("   Pharmacy fax: ").v(phone_value(rng, "fmt", ext_p=0), "FAX")
        return "user", b, "p1"
    b = Builder(mode)
    if nophi:
        b.t(ch(rng, "hi i need a refill on my ", "can you send in more of the ", "i'm almost out of my ")).d(ch(rng, "amlodipine 5 mg", "gabapentin three hundred", "sertraline 50 mg", "insulin pens"), "dose").t(ch(rng, " i have like three pills left", " i ran out friday", "")).t(ch(rng, " and the pharmacy said to call you guys", " and the pharmacy needs a new script", " please"))
        return "user", b, "n1"
    p = P(rng)
    b.t("yeah hi um this is ").v(p.render("full", mode), "NAME").t(" calling about a refill, date of birth ").v(dob_value(rng, mode), "DOB").t(", and the pharmacy is on ")
    b.t(ch(rng, "main street", "the highway", "fourth avenue")).t(" if you need me call back ").v(phone_value(rng, mode), "PHONE")
    return "user", b, "p2"


def fam_prior_auth(rng, mode, nophi):
    b = Builder("fmt")
    b.t("PRIOR AUTHORIZATION REQUEST\n")
    if nophi:
        b.t("Payer: ").d(rng.choice(INSURERS), "insurer").t("\nService: ").d(rng.choice(CPTS), "cpt").t(" x1\nDx: ").d(rng.choice(ICDS), "icd10").t("\nPolicy criteria: ").d(rng.choice(SCORES), "score").t(" documented; trial of ").d(rng.choice(DOSES), "dose").t(" failed.\nSubmit via ").d(rng.choice(CLINIC_URLS), "clinic_url")
        return "system", b, "n1"
    p, doc = P(rng), provider(rng)
    b.t("Payer: ").d(rng.choice(INSURERS), "insurer").t("   Member ID: ").v(plan_raw(rng), "HEALTH_PLAN").t("   Group: ").d(pat(rng, "######"), "group_no").t("\n")
    b.t("Member name: ").v(p.render(ch(rng, "lastfirst", "full", "mi")), "NAME").t("   DOB: ").v(dob_value(rng, "fmt", ["mdy4", "iso", "mdy_np"]), "DOB").t("\n")
    if rng.random() < 0.5:
        b.t("Medicaid Case No. ").v(medicaid_case(rng), "HEALTH_PLAN").t("\n")
    b.t("Requesting provider: ").v(doc.render("full"), "NAME").t("  NPI: ").v(npi(rng), "LICENSE").t("  Fax: ").v(phone_value(rng, "fmt", ext_p=0), "FAX").t("\n")
    b.t("CPT ").d(rng.choice(CPTS), "cpt").t("  ICD-10 ").d(rng.choice(ICDS), "icd10").t("\n")
    b.t("Requested start: ").v(date_value(rng, "fmt", ["mdy4"]), "DATE").t("   Auth valid through: ").v(date_value(rng, "fmt", ["mdy4", "mon_d_y"]), "DATE")
    return "system", b, "p1"


def fam_reminder_sms(rng, mode, nophi):
    b = Builder("fmt")
    if nophi:
        b.t(ch(rng, "Reminder: ", "REMINDER - ", "")).t("you have an appt at ").d(rng.choice(CLINICS), "clinic").t(" tomorrow at ").d(rng.choice(TIMES), "time").t(". Reply C to confirm, R to reschedule. Check in: ").d(rng.choice(CLINIC_URLS), "clinic_url").t(" Msg&data rates may apply. Reply STOP to opt out.")
        return "assistant", b, "n1"
    p, doc = P(rng, word=rng.random() < 0.3), provider(rng)
    v = rng.randint(1, 3)
    if v == 1:
        b.t("Hi ").v(p.render(ch(rng, "first", "nick")), "NAME").t(ch(rng, "! ", ", ")).t("Reminder: appt w/ Dr. ").v(doc.render("last"), "NAME").t(" on ").v(date_value(rng, "fmt", ["md_slash", "mon_d", "mon_abbr_d"]), "DATE").t(" @ ").d(rng.choice(TIMES), "time").t(". Reply C to confirm.")
    elif v == 2:
        b.t(ch(rng, "HOLA ", "Hola ")).v(p.render("first"), "NAME").t(", su cita es el ").v(date_value(rng, "fmt", ["md_slash"]), "DATE").t(". Conteste SI para confirmar. Reply STOP to opt out.")
    else:
        b.t("For ").v(p.render("initial"), "NAME").t(": your ride is booked ").v(date_value(rng, "fmt", ["mon_ord", "md_slash"]), "DATE").t(". Driver will text from ").v(phone_value(rng, "fmt", ext_p=0), "PHONE").t(". Pickup: ").v(address_value(rng, "fmt", "plain"), "ADDRESS").t(".")
    return "assistant", b, f"p{v}"


def fam_eob(rng, mode, nophi):
    b = Builder("fmt")
    b.t(ch(rng, "EXPLANATION OF BENEFITS — THIS IS NOT A BILL", "Explanation of Benefits", "EOB SUMMARY") + "\n")
    if not nophi:
        p, q = P(rng), P(rng)
        b.t("Member: ").v(p.render(ch(rng, "CAPS", "full")), "NAME").t("   Member ID: ").v(plan_raw(rng), "HEALTH_PLAN").t("\n")
        b.t("Patient: ").v(q.render(ch(rng, "CAPS", "full")), "NAME").t("   Acct#: ").v(account_raw(rng), "ACCOUNT").t("\n")
        b.t("Mail to: ").v(address_value(rng, "fmt", ch(rng, "pob", "unit", "plain")), "ADDRESS").t(", ")
        c, s = rng.choice(TOWNS)
        b.v(town_value(c.upper() if rng.random() < 0.3 else c, "fmt"), "CITY").t(f" {s} ").v(zip_value(rng, "fmt", plus4=True), "ZIP").t("\n")
        b.t("Date of service: ").v(date_value(rng, "fmt", ["mdy4", "mdy2"], partial=False), "DATE").t("\n")
    b.t("Service  CPT  Billed  Allowed  You owe\n")
    for _ in range(rng.randint(1, 3)):
        b.t("Office visit  ").d(rng.choice(CPTS), "cpt").t("  ").d(f"${rng.randint(80, 900)}.00", "price").t("  ").d(f"${rng.randint(20, 80)}.{rng.randint(10, 99)}", "price").t("  ").d(f"${rng.randint(0, 60)}.00", "price").t("\n")
    b.t("Plan: ").d(rng.choice(INSURERS), "insurer").t(" · Group ").d(pat(rng, "#####"), "group_no")
    return "system", b, "n1" if nophi else "p1"


def fam_denial_letter(rng, mode, nophi):
    b = Builder("fmt")
    if nophi:
        b.t("NOTICE OF ADVERSE BENEFIT DETERMINATION (sample)\nThe requested service (").d(rng.choice(CPTS), "cpt").t(") for ").d(rng.choice(ICDS), "icd10").t(" was denied: not medically necessary per ").d(rng.choice(SCORES), "score").t(" criteria. You may appeal within 180 days. ").d(rng.choice(INSURERS), "insurer").t(" Appeals Unit, ").d(rng.choice(list(STATE_NAMES.values())), "state").t(".")
        return "system", b, "n1"
    p, doc = P(rng), provider(rng)
    b.t("Dear ").t(ch(rng, "Mx. ", "Sra. ", "Ms. ", "") if p.g == "f" else ch(rng, "Mx. ", "Sr. ", "Mr. ", "")).v(p.render(ch(rng, "last", "full")), "NAME").t(ch(rng, ":", ",")).t("\n\n")
    b.t("We reviewed the claim for services on ").v(date_value(rng, "fmt", ["mon_d_y", "mdy4"], partial=False), "DATE").t(" billed by ").v(doc.render("full"), "NAME").t(", MD (NPI ").v(npi(rng), "LICENSE").t("). ")
    b.t("The claim was denied (reason code CO-50). Subscriber #: ").v(plan_raw(rng), "HEALTH_PLAN").t(".\n")
    b.t("To appeal, write to us or have your representative, ").v(P(rng).render(ch(rng, "full", "mi")), "NAME").t(", sign the enclosed form.\n")
    b.t("cc: ").v(address_value(rng, "fmt"), "ADDRESS").t(", ")
    c, s = rng.choice(TOWNS)
    b.v(town_value(c, "fmt"), "CITY").t(f", {STATE_NAMES[s]} ").v(zip_value(rng, "fmt"), "ZIP")
    return "system", b, "p1"


def fam_portal_audit(rng, mode, nophi):
    b = Builder("fmt")
    b.t("timestamp | actor | action | target | source_ip\n")
    for i in range(rng.randint(2, 4)):
        b.d(f"2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}T{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d}Z", "log_timestamp").t(" | ")
        if nophi:
            b.t(ch(rng, "svc-batch", "system", "svc-fhir")).t(" | " + ch(rng, "REINDEX", "PURGE_CACHE", "EXPORT_STATS") + " | ").d(rng.choice(CPTS), "cpt").t(" | ").t("internal\n")
        else:
            p = P(rng)
            b.t(ch(rng, "proxy:", "patient:", "")).v(p.render(ch(rng, "lower", "lastfirst", "full")), "NAME").t(" | " + ch(rng, "VIEW_RESULT", "DOWNLOAD_CCD", "MSG_SEND", "LOGIN_OK") + " | mrn=").v(mrn_raw(rng), "MRN").t(" | ")
            ip = ipv4(rng) if rng.random() < 0.6 else ipv6(rng)
            b.v(ip, "IP", "ipv4" if "." in ip else "ipv6").t("\n")
    return "system", b, "n1" if nophi else "p1"


def fam_crm_note(rng, mode, nophi):
    b = Builder("fmt")
    b.t(ch(rng, "CRM NOTE", "Call log", "Interaction summary") + " — agent ").t(ch(rng, "#214", "#87", "T3")).t("\n")
    if nophi:
        b.t("Caller asked if ").d(rng.choice(INSURERS), "insurer").t(" covers ").d(rng.choice(CPTS), "cpt").t(". Quoted ").d(rng.choice(PRICES), "price").t(". Advised portal ").d(rng.choice(CLINIC_URLS), "clinic_url").t(". No PHI collected. Disposition: INFO_ONLY.")
        return "system", b, "n1"
    p = P(rng, word=rng.random() < 0.3)
    v = rng.randint(1, 3)
    b.t("Caller: ").v(p.render(ch(rng, "full", "nick", "lastfirst")), "NAME").t(" (").t(ch(rng, "self", "spouse", "POA")).t(")\n")
    b.t("Verified: DOB ").v(dob_value(rng, "fmt"), "DOB")
    if rng.random() < 0.5:
        b.t(" + last 4 SSN ").v(ssn_value(rng, "fmt", last4=True), "SSN").t("\n")
    else:
        b.t(" + SSN on file " + ch(rng, "XXX-XX-", "***-**-", "xxx-xx-")).v(ssn_value(rng, "fmt", last4=True)[0], "SSN", "ssn_masked_last4").t("\n")
    if v == 1:
        b.t("Updated phone ").v(phone_value(rng, "fmt"), "PHONE").t(" -> ").v(phone_value(rng, "fmt"), "PHONE").t("\n")
    elif v == 2:
        b.t("Acct# ").v(account_raw(rng), "ACCOUNT").t(" payment plan set up, ").d(rng.choice(PRICES), "price").t("/mo\n")
    else:
        b.t("Enc # ").v(account_raw(rng), "ACCOUNT").t(" billing question; Mbr ").v(plan_raw(rng), "HEALTH_PLAN").t("\n")
    b.t("Callback ").v(date_value(rng, "fmt", ["md_slash", "mon_d"]), "DATE").t(" after ").d(rng.choice(TIMES), "time").t(". Disposition: RESOLVED.")
    return "system", b, f"p{v}"


def fam_triage(rng, mode, nophi):
    b = Builder("fmt")
    b.t(ch(rng, "NURSE TRIAGE", "Triage protocol", "After-hours triage") + " — " + ch(rng, "Chest Pain (Adult)", "Fever (Pediatric)", "Fall", "Shortness of Breath") + "\n")
    if nophi:
        b.t("Caller: anonymous, asking for general advice.\nPt: ").d(rng.choice(YOUNG), "age_under_90").t(", temp 102.1 F, ").d(rng.choice(DOSES), "dose").t(" given at ").d(rng.choice(TIMES), "time").t(".\nDisposition: call 911 if worse; see ").d(rng.choice(CLINICS), "clinic").t(" within 24 h.")
        return "system", b, "n1"
    p, c = P(rng), P(rng, word=rng.random() < 0.3)
    b.t("Caller: ").v(c.render(ch(rng, "full", "first")), "NAME").t(" (").t(ch(rng, "daughter", "neighbor", "grandson", "caregiver")).t(") cb# ").v(phone_value(rng, "fmt"), "PHONE").t("\n")
    b.t("Patient: ").v(p.render(ch(rng, "full", "lastfirst")), "NAME").t(", ")
    if rng.random() < 0.6:
        b.v(age90_value(rng, "fmt"), "AGE").t(ch(rng, " yo", " y.o.", " years"))
    else:
        b.t("DOB ").v(dob_value(rng, "fmt"), "DOB")
    b.t("\nLocation: ").v(address_value(rng, "fmt"), "ADDRESS").t(", ")
    t, s = rng.choice(TOWNS + HOODS)
    b.v(town_value(t, "fmt"), "CITY").t("\nSx: dizzy after ").d(rng.choice(DOSES), "dose").t("; ").d(rng.choice(SCORES), "score").t("\nDisposition: ED now.")
    return "system", b, "p1"


def fam_fhir(rng, mode, nophi):
    b = Builder("fmt")
    xml = rng.random() < 0.5
    if nophi:
        if xml:
            b.t('<Organization xmlns="http://hl7.org/fhir">\n  <name value="').d(rng.choice(CLINICS), "clinic").t('"/>\n  <telecom><system value="url"/><value value="').d(rng.choice(CLINIC_URLS), "clinic_url").t('"/></telecom>\n  <address><state value="').d(rng.choice(list(STATE_NAMES)), "state").t('"/><country value="US"/></address>\n</Organization>')
        else:
            b.t('{"resourceType":"Observation","code":{"coding":[{"system":"http://loinc.org","code":"').d(rng.choice(LOINC), "loinc").t('"}]},"valueQuantity":{"value":').d(rng.choice(LABS)[1], "lab").t(',"unit":"mg/dL"}}')
        return "system", b, "n1"
    p = P(rng)
    c, s = rng.choice(TOWNS)
    if xml:
        b.t('<Patient xmlns="http://hl7.org/fhir">\n  <identifier><system value="urn:oid:').d("2.16.840.1.113883.3.72", "oid").t('"/><value value="').v(mrn_raw(rng), "MRN").t('"/></identifier>\n')
        b.t('  <name><family value="').v(p.last(), "NAME", "name_last").t('"/><given value="').v(p.first(), "NAME", "name_first").t('"/></name>\n')
        b.t('  <telecom><system value="phone"/><value value="').v(phone_value(rng, "fmt", ext_p=0), "PHONE").t('"/><use value="mobile"/></telecom>\n')
        b.t('  <gender value="').t(ch(rng, "female", "male", "other")).t('"/>\n  <birthDate value="').v(dob_value(rng, "fmt", ["iso"]), "DOB").t('"/>\n')
        b.t('  <address><line value="').v(address_value(rng, "fmt"), "ADDRESS").t('"/><city value="').v(town_value(c, "fmt"), "CITY").t(f'"/><state value="{s}"/><postalCode value="').v(zip_value(rng, "fmt"), "ZIP").t('"/></address>\n</Patient>')
    else:
        b.t('{"resourceType": "Patient", "identifier": [{"type": {"text": "Member"}, "value": "').v(plan_raw(rng), "HEALTH_PLAN").t('"}],\n "name": [{"use": "official", "family": "').v(p.last(), "NAME", "name_last").t('", "given": ["').v(p.first(), "NAME", "name_first").t('"]}],\n')
        b.t(' "telecom": [{"system": "email", "value": "').v(email_value(p, rng, "fmt"), "EMAIL").t('"}, {"system": "fax", "value": "').v(phone_value(rng, "fmt", ["dash", "dot"], ext_p=0), "FAX").t('"}],\n')
        b.t(' "birthDate": "').v(dob_value(rng, "fmt", ["iso"]), "DOB").t('", "address": [{"line": ["').v(address_value(rng, "fmt"), "ADDRESS").t('"], "city": "').v(town_value(c, "fmt"), "CITY").t(f'", "state": "{s}", "postalCode": "').v(zip_value(rng, "fmt"), "ZIP").t('"}]}')
    return "system", b, "p2" if not xml else "p1"


def fam_yaml(rng, mode, nophi):
    b = Builder("fmt")
    if nophi:
        b.t("visit_type: follow_up\nclinic: ").d(rng.choice(CLINICS), "clinic").t("\nslot:\n  weekday: Tuesday\n  time: \"").d(rng.choice(TIMES), "time").t("\"\nbilling:\n  cpt: \"").d(rng.choice(CPTS), "cpt").t("\"\n  copay: ").d(rng.choice(PRICES), "price").t("\nnotes: >\n  bring ").d(rng.choice(DOSES), "dose").t(" bottle")
        return "system", b, "n1"
    p = P(rng)
    q = P(rng, word=rng.random() < 0.4)
    b.t("patient:\n  name: ").v(p.render(ch(rng, "full", "lastfirst", "CAPS")), "NAME").t("\n  dob: ").v(dob_value(rng, "fmt", ["iso", "mdy4"]), "DOB").t("\n")
    b.t("  mrn: \"").v(mrn_raw(rng), "MRN").t("\"\n  contact:\n    - type: cell\n      value: ").v(phone_value(rng, "fmt", ext_p=0), "PHONE").t("\n    - type: email\n      value: ").v(email_value(p, rng, "fmt"), "EMAIL").t("\n")
    b.t("  emergency_contact: {name: ").v(q.render("full"), "NAME").t(", relation: ").t(ch(rng, "sister", "son", "partner")).t("}\n")
    b.t("device:\n  kind: ").t(ch(rng, "cpap", "insulin_pump", "cgm")).t("\n  serial: ").v(serial(rng), "DEVICE").t("\nappointment: ").v(date_value(rng, "fmt", ["iso"]), "DATE")
    return "system", b, "p1"


def fam_kvlog(rng, mode, nophi):
    b = Builder("fmt")
    n = rng.randint(1, 3)
    for i in range(n):
        b.d(f"2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d} {rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d}.{rng.randint(100, 999)}", "log_timestamp").t(ch(rng, " INFO ", " WARN ", " DEBUG ")).t(ch(rng, "voice.agent", "tool.lookup", "ivr.flow")).t(" ")
        if nophi:
            b.t("event=turn_end latency_ms=").d(str(rng.randint(100, 2500)), "latency").t(" model=v").d(f"{rng.randint(1, 5)}.{rng.randint(0, 9)}.{rng.randint(0, 9)}", "version").t(" room=").d(rng.choice(["4B", "12", "ICU-2"]), "room").t(" cpt=").d(rng.choice(CPTS), "cpt").t("\n")
        else:
            p = P(rng)
            k = rng.randint(1, 4)
            if k == 1:
                b.t("event=lookup caller=\"").v(p.render(ch(rng, "full", "lower")), "NAME").t("\" dob=").v(dob_value(rng, "fmt", ["iso", "mdy4"]), "DOB").t(" mrn=").v(mrn_raw(rng), "MRN").t("\n")
            elif k == 2:
                b.t("event=callback_set ani=").v(phone_value(rng, "fmt", ["e164", "bare"], ext_p=0), "PHONE").t(" client_ip=").v(ipv4(rng), "IP", "ipv4").t(" when=").v(date_value(rng, "fmt", ["iso"]), "DATE").t("\n")
            elif k == 3:
                b.t("event=eligibility member_id=").v(plan_raw(rng).replace(" ", ""), "HEALTH_PLAN").t(" subscriber=").v(p.render("lastfirst")[0].replace(", ", ","), "NAME", "name_lastfirst_nospace").t(" ssn_last4=").v(ssn_value(rng, "fmt", last4=True), "SSN").t("\n")
            else:
                b.t("event=device_sync serial=").v(serial(rng), "DEVICE").t(" ip6=").v(ipv6(rng), "IP", "ipv6").t(" email=").v(email_value(p, rng, "fmt"), "EMAIL").t("\n")
    return "system", b, "n1" if nophi else "p1"


def fam_tsv(rng, mode, nophi):
    b = Builder("fmt")
    if nophi:
        b.t("code\tdescription\tfee\n")
        for _ in range(3):
            b.d(rng.choice(CPTS), "cpt").t("\t" + ch(rng, "office visit", "A1c", "echo", "injection") + "\t").d(rng.choice(PRICES), "price").t("\n")
        return "system", b, "n1"
    b.t(ch(rng, "last\tfirst\tdob\tphone\tzip\n", "LAST\tFIRST\tDOB\tPHONE\tZIP\n"))
    for _ in range(rng.randint(2, 3)):
        p = P(rng)
        last = p.last().upper() if rng.random() < 0.3 else p.last()
        b.v(last, "NAME", "name_last").t("\t").v(p.first(), "NAME", "name_first").t("\t").v(dob_value(rng, "fmt", ["mdy4", "iso", "mdy2"]), "DOB").t("\t").v(phone_value(rng, "fmt", ["dash", "dot", "bare", "paren"], ext_p=0), "PHONE").t("\t").v(zip_value(rng, "fmt"), "ZIP").t("\n")
    return "system", b, "p1"


def fam_fixed_width(rng, mode, nophi):
    b = Builder("fmt")
    if nophi:
        b.t("CODE    DESC                 QTY   AMOUNT\n")
        for _ in range(3):
            c = rng.choice(CPTS)
            b.d(c, "cpt").t(" " * (8 - len(c))).t(f"{ch(rng, 'VENIPUNCTURE', 'OFFICE VISIT', 'ECHO TTE', 'PT EVAL'):<21}").t(f"{rng.randint(1, 3):<6}").d(rng.choice(PRICES[:3]), "price").t("\n")
        return "system", b, "n1"
    b.t("NAME                      DOB         MEMBER ID       PCP\n")
    for _ in range(rng.randint(2, 3)):
        p, doc = P(rng), provider(rng)
        nm, sub = p.render("LASTFIRST")
        b.v(nm, "NAME", sub).t(" " * max(2, 26 - len(nm)))
        dv = dob_value(rng, "fmt", ["mdy4"])
        b.v(dv, "DOB").t("  ")
        pl = plan_raw(rng).replace(" ", "")
        b.v(pl, "HEALTH_PLAN").t(" " * max(2, 16 - len(pl))).v(doc.render("last")[0].upper(), "NAME", "name_last_caps").t("\n")
    return "system", b, "p1"


def fam_bullets(rng, mode, nophi):
    b = Builder("fmt")
    if nophi:
        b.t(rng.choice(HEADINGS) + "\n")
        b.t("• ").d(rng.choice(EPONYMS), "eponym").t(" — refer to ").d(rng.choice(HOSPITALS), "hospital").t("\n• ").d(rng.choice(YOUNG), "age_under_90").t(" eligible\n• bring ").d(rng.choice(PRICES), "price").t(" for cash pay\n• ").d(rng.choice(YEARS), "year_only").t(" guideline")
        return "system", b, "n1"
    b.t(rng.choice(HEADINGS) + "\n" + ch(rng, "Care team / contacts:\n", "Contacts\n", ""))
    for _ in range(rng.randint(3, 4)):
        p = P(rng, word=rng.random() < 0.25)
        b.t(ch(rng, "• ", "- ", "  * ", "▪ "))
        k = rng.randint(1, 5)
        if k == 1:
            b.t("Dr. ").v(p.render(ch(rng, "last", "full")), "NAME").t(" (").d(rng.choice(["cardiology", "nephrology", "PCP"]), "specialty").t(") NPI ").v(npi(rng), "LICENSE").t("\n")
        elif k == 2:
            b.v(p.render(ch(rng, "full", "nick")), "NAME").t(ch(rng, "'s", "")).t(" cell: ").v(phone_value(rng, "fmt", ["vanity", "dash", "paren"]), "PHONE").t("\n")
        elif k == 3:
            b.t("Caregiver ").v(p.render("full"), "NAME").t(" — ").v(email_value(p, rng, "fmt"), "EMAIL").t("\n")
        elif k == 4:
            b.t("Fundraiser: ").v(url_value(p, rng, "fmt"), "URL").t("\n")
        else:
            b.t(ch(rng, "Sra. ", "Mx. ", "Mr. ")).v(p.render("last"), "NAME").t(", fax ").v(phone_value(rng, "fmt", ext_p=0), "FAX").t("\n")
    return "system", b, "p1"


FILL = ["uh", "um", "uh", "like", "you know", "er", "hmm"]


def fam_asr(rng, mode, nophi):
    b = Builder(mode)
    sep = ", " if mode == "spoken" else " "
    if nophi:
        b.t(ch(rng, "um so ", "uh yeah ", "okay ", "so um ")).t(ch(rng, "my my ", "the the ", "her her ")).t(ch(rng, "blood pressure was uh ", "pressure this morning was um ", "reading was like ")).d("one forty over ninety" if mode == "stt" else "one forty over ninety", "bp").t(sep).t("and she's ").d(ch(rng, "eighty nine", "sixty seven", "seventy two"), "age_under_90").t(sep).t("no wait eighty eight").t(sep).t("and i take the ").d("metformin five hundred", "dose").t(" twice a day since ").d(ch(rng, "twenty nineteen", "two thousand and twelve", "nineteen ninety nine"), "year_only")
        return "user", b, "n1"
    p = P(rng)
    v = rng.randint(1, 4)
    if v == 1:
        # DOB with false start and fillers, full value one span
        d = rand_date(rng, 1928, 2008)
        mm = MONTHS[d.month - 1].lower()
        b.t(ch(rng, "okay so ", "yeah ", "")).t("my my date of birth is uh ")
        val = f"{mm} {ord_words(d.day)} {rng.choice(FILL)} {year_words(d.year, rng)}"
        b.v(val if mode == "stt" else val, "DOB", "dob_spk_filler").t(sep).t("and the name is ").v(p.render("full", mode), "NAME")
    elif v == 2:
        # number correction mid-value: whole stretch is one span
        num = phone_num(rng)
        a, c_, d_ = num[:3], num[3:6], num[6:]
        wrong = str((int(c_[2]) + 3) % 10)
        val = f"{digit_words(a, rng)} {digit_words(c_[:2], rng)} {DIGW[int(wrong)]} {ch(rng, 'no wait', 'no sorry', 'scratch that')} {digit_words(c_, rng)} {digit_words(d_, rng, doubles=True)}"
        b.t("you can reach me at ").v(val, "PHONE", "phone_spk_correction").t(sep).t("that's my cell")
    elif v == 3:
        # oh five slash oh three style + nineteen oh x address number
        d = rand_date(rng, 1930, 2009)
        b.t("birthday ").v(date_str(d, "spk_slash", rng), "DOB").t(sep).t("and i live at ")
        hn = f"{rng.randint(11, 19)}0{rng.randint(1, 9)}"
        street = fold(rng.choice(STREETS)).lower()
        b.v(f"{two_words(int(hn[:2]))} oh {ONES[int(hn[3])]} {street} {ch(rng, 'road', 'drive', 'avenue')}", "ADDRESS", "addr_spk_oh")
        c, s = rng.choice(TOWNS)
        b.t(" in ").v(town_value(c, mode), "CITY")
    else:
        # age 90+ with restart, and a year-only look-alike
        n = rng.choice([91, 93, 95, 97, 100, 102])
        b.t("she's uh she's ").v(age90_value(rng, mode, n=n, words=True), "AGE").t(" years old").t(sep).t("born in ").d(year_words(2025 - n, rng), "year_only").t(sep).t("her name is ").v(p.render(ch(rng, "full", "first"), mode), "NAME")
    if mode == "spoken":
        b.t(".")
    return "user", b, f"p{v}"


def fam_spelled(rng, mode, nophi):
    b = Builder(mode)
    if nophi:
        drug = ch(rng, "Eliquis", "Jardiance", "Xarelto", "Ozempic", "Trulicity")
        b.t(ch(rng, "the drug is ", "it's called ", "the new one is ")).d(drug + ", " + spelled(drug, rng, "spoken", ch(rng, "dash", "space"))[0] if mode == "spoken" else stt_val(drug + " " + spelled(drug, rng, "stt", "space")[0]), "drug_spelled").t(ch(rng, " and the code is ", " for ")).d(ch(rng, "E eleven point nine", "I ten", "N eighteen point three") if mode == "spoken" else ch(rng, "e eleven point nine", "i ten", "n eighteen point three"), "icd10")
        return "user", b, "n1"
    p = P(rng)
    sep = ", " if mode == "spoken" else " "
    b.t(ch(rng, "last name is ", "surname ", "it's ")).v(p.render("last", mode), "NAME").t(sep).t(ch(rng, "spelled ", "that's ", "let me spell it ")).v(spelled(p.last(), rng, mode), "NAME")
    if rng.random() < 0.6:
        b.t(sep).t("and first name ").v(spelled(p.first(), rng, mode, ch(rng, "nato", "as_in", "space")), "NAME")
    if mode == "spoken":
        b.t(".")
    return "user", b, "p1"


def fam_split_turns(rng, mode, nophi):
    b = Builder(mode)
    A, C = ("Agent: ", "Caller: ") if mode == "spoken" else ("agent ", "caller ")
    nl = "\n"
    if nophi:
        dose = ch(rng, "five hundred", "two fifty", "forty", "one thousand")
        b.t(A + ch(rng, "what's the dose?", "how much do you take?", "and the strength?") + nl + C).d(dose, "dose").t(nl + A + "milligrams?" + nl + C + "yeah " + dose + " milligrams " + ch(rng, "twice a day", "at night", "every morning") + nl + A + "and your copay was").t(nl + C).d(ch(rng, "forty dollars", "twelve fifty", "nothing", "eighty five dollars"), "price")
        return "user", b, "n1"
    v = rng.randint(1, 3)
    if v == 1:
        num = phone_num(rng)
        b.t(A + "best callback number?" + nl + C).v(digit_words(num[:3], rng, "mixed"), "PHONE", "phone_split").t(nl + A + "mm-hm" + nl + C).v(digit_words(num[3:6], rng), "PHONE", "phone_split").t(nl + A + "go ahead" + nl + C).v(ch(rng, pair_words(num[6:8]) + " " + pair_words(num[8:]), digit_words(num[6:], rng)), "PHONE", "phone_split")
    elif v == 2:
        a, bb, c = ssn_digits(rng)
        b.t(A + "and your social?" + nl + C).v(digit_words(a, rng), "SSN", "ssn_split").t(nl + A + "okay" + nl + C).v(digit_words(bb, rng), "SSN", "ssn_split").t(nl + C).v(digit_words(c, rng), "SSN", "ssn_split")
    else:
        m = mrn_raw(rng)
        digits = re.sub(r"\D", "", m)
        h = len(digits) // 2
        b.t(A + "your chart number?" + nl + C).v(digit_words(digits[:h], rng, "zero"), "MRN", "mrn_split").t(nl + A + "yes" + nl + C).v(digit_words(digits[h:], rng, "zero"), "MRN", "mrn_split").t(nl + A + "and date of birth" + nl + C).v(dob_value(rng, mode, ["spk_mdy_ord", "spk_slash"]), "DOB")
    return "user", b, f"p{v}"


def fam_places(rng, mode, nophi):
    b = Builder(mode)
    if nophi:
        b.t(ch(rng, "the clinic is in ", "we have a site in ")).d(rng.choice(list(STATE_NAMES.values())), "state").t(" and another near ").d(rng.choice(HOSPITALS), "hospital").t(", ").d(rng.choice(ROOMS), "room").t(", open ").d(rng.choice(YEARS), "year_only")
        return "user", b, "n1"
    v = rng.randint(1, 4) if mode == "fmt" else rng.randint(1, 2)
    sep = ", " if mode != "stt" else " "
    if v == 1:
        c, s = rng.choice(TOWNS)
        b.t(ch(rng, "i live at ", "home address is ", "send it to ")).v(address_value(rng, mode), "ADDRESS").t(sep).v(town_value(c, mode), "CITY")
        b.t(sep + (STATE_NAMES[s] if mode != "fmt" else s) + " ").v(zip_value(rng, mode), "ZIP")
    elif v == 2:
        c, s = rng.choice(HOODS + TOWNS)
        b.t(ch(rng, "we're over in ", "staying in ", "moved to ")).v(town_value(c, mode), "CITY").t(" now" + sep + "zip is ").v(zip_value(rng, mode, plus4=True), "ZIP")
    elif v == 3:
        mil, zp = ch(rng, ("APO AE", "09"), ("FPO AP", "96"), ("APO AA", "34"), ("DPO AE", "09"))
        b.t(ch(rng, "APO address: ", "Ship to (military): ", "Son's mailing address: ")).v(address_value(rng, "fmt", "military"), "ADDRESS").t(", ").d(mil, "military_postal").t(" ").v(zip_value(rng, "fmt", base=zp + pat(rng, "###")), "ZIP")
    else:
        c, s = rng.choice(TOWNS)
        b.t("Mail: ").v(address_value(rng, "fmt", ch(rng, "pob", "half", "dir_suffix", "lot")), "ADDRESS").t("\n").v(town_value(c.upper(), "fmt"), "CITY").t(f" {s}  ").v(zip_value(rng, "fmt"), "ZIP")
    return "user", b, f"p{v}"


def fam_id_labels(rng, mode, nophi):
    b = Builder("fmt")
    if nophi:
        b.t("Ref: ").d(rng.choice(CPTS), "cpt").t(" / ").d(rng.choice(ICDS), "icd10").t(" / LOINC ").d(rng.choice(LOINC), "loinc").t(" / ").d(rng.choice(ROOMS), "room").t(" / v").d("4.12.0", "version").t(" / ").d(rng.choice(PRICES), "price")
        return "system", b, "n1"
    items = [("Acct#", account_raw, "ACCOUNT"), ("Acct #", account_raw, "ACCOUNT"), ("Guarantor acct", account_raw, "ACCOUNT"),
             ("Enc #", account_raw, "ACCOUNT"), ("Mbr", plan_raw, "HEALTH_PLAN"), ("Subscriber No.", plan_raw, "HEALTH_PLAN"),
             ("MBI", mbi, "HEALTH_PLAN"), ("Medicare #", mbi, "HEALTH_PLAN"), ("Case No.", medicaid_case, "HEALTH_PLAN"),
             ("Chart #", mrn_raw, "MRN"), ("Pt ID", mrn_raw, "MRN"), ("Hosp No.", mrn_raw, "MRN"), ("MR#", mrn_raw, "MRN"),
             ("S/N", serial, "DEVICE"), ("Serial No.", serial, "DEVICE"), ("UDI", udi, "DEVICE"), ("VIN", vin, "VEHICLE"),
             ("Plate", plate, "VEHICLE"), ("NPI", npi, "LICENSE"), ("DL", None, "LICENSE"), ("IP", ipv4, "IP"),
             ("IPv6", ipv6, "IP"), ("SSN", None, "SSN"), ("Fax", None, "FAX"), ("Tel.", None, "PHONE")]
    for lab, fn, kind in rng.sample(items, rng.randint(3, 5)):
        sep = ch(rng, ": ", " ", " - ", "=")
        if lab == "Case No.":
            b.t(ch(rng, "Medicaid ", "Medi-Cal ", "")).t(lab + " ")
            b.v(fn(rng), kind, "medicaid_case")
        elif lab == "DL":
            val, st = dl_value(rng)
            b.t(f"DL ({st})" + sep).v(val, kind, "dl_" + st)
        elif lab == "SSN":
            if rng.random() < 0.5:
                b.t("SSN" + sep).v(ssn_value(rng, "fmt"), kind)
            else:
                b.t("SSN" + sep + ch(rng, "XXX-XX-", "***-**-", "xxx-xx-")).v(ssn_value(rng, "fmt", last4=True)[0], kind, "ssn_masked_last4")
        elif lab in ("Fax", "Tel."):
            b.t(lab + sep).v(phone_value(rng, "fmt", FMT_PHONE + ["vanity"]), kind)
        elif lab == "NPI":
            b.t(lab + sep).v(npi(rng), kind, "npi")
        elif lab == "UDI":
            b.t(lab + sep).v(udi(rng), kind)
        else:
            b.t(lab + sep).v(fn(rng), kind, lab.lower().strip("#.: "))
        b.t(ch(rng, "\n", " | ", "; ", "\t"))
    return "system", b, "p1"


def fam_phone_forms(rng, mode, nophi):
    b = Builder(mode)
    if nophi:
        if mode == "fmt":
            b.t("For emergencies dial 911. Take ").d(rng.choice(DOSES), "dose").t(" at ").d(rng.choice(TIMES), "time").t("; bill was ").d(rng.choice(PRICES), "price").t(". Results online at ").d(rng.choice(CLINIC_URLS), "clinic_url").t(".")
        else:
            b.t(ch(rng, "i called nine one one last night", "my neighbor called nine one one", "we almost called nine one one")).t(" and they said my sugar was ").d(ch(rng, "two twelve", "three oh five", "ninety eight", "one forty"), "lab").t(" and my pressure ").d(ch(rng, "one sixty over ninety five", "one twenty over eighty", "two hundred over one ten"), "bp")
        return "user", b, "n1"
    v = rng.randint(1, 3)
    sep = ", " if mode == "spoken" else " "
    if mode == "fmt":
        p = P(rng)
        if v == 1:
            b.t(ch(rng, "My new number: ", "call me on ", "text ")).v(phone_value(rng, "fmt", FMT_PHONE + ["vanity"], ext_p=0.3), "PHONE").t(ch(rng, " (work)", " after 5", "")).t(ch(rng, ". Home: ", " / landline ")).v(phone_value(rng, "fmt", ext_p=0), "PHONE")
        elif v == 2:
            b.t("Please fax records to ").v(phone_value(rng, "fmt", ext_p=0), "FAX").t(", attn ").v(p.render(ch(rng, "full", "initial")), "NAME").t(ch(rng, ", or call ", ". Voice: ")).v(phone_value(rng, "fmt", ext_p=0.5), "PHONE")
        else:
            b.v(p.render(ch(rng, "first", "nick")), "NAME").t(ch(rng, "'s", "’s")).t(" pager ").v(phone_value(rng, "fmt", ["dash", "dot"], ext_p=0), "PHONE").t(", SSN on file ").v(ssn_value(rng, "fmt"), "SSN")
    else:
        if v == 1:
            b.t("my number is ").v(phone_value(rng, mode, ext_p=0.3), "PHONE")
        elif v == 2:
            b.t("the fax over there is ").v(phone_value(rng, mode, ext_p=0), "FAX").t(sep).t("and my home phone ").v(phone_value(rng, mode, ext_p=0), "PHONE")
        else:
            b.t("social is ").v(ssn_value(rng, mode), "SSN").t(sep).t("or just the last four of my social ").v(ssn_value(rng, mode, last4=True), "SSN")
        if mode == "spoken":
            b.t(".")
    return "user", b, f"p{v}"


def fam_name_forms(rng, mode, nophi):
    b = Builder(mode)
    if nophi:
        if mode == "fmt":
            b.t(rng.choice(HEADINGS) + ": ").t(ch(rng, "Young adults ", "Cash patients ", "The price list ")).t("with ").d(rng.choice(EPONYMS), "eponym").t(" may ask the ").d(rng.choice(HOSPITALS), "hospital").t(" desk. Patience is appreciated; honor system for ").d(rng.choice(PRICES), "price").t(" fees.")
        else:
            b.t(ch(rng, "i'll pay cash if the price is right and i have a major question about ", "is the price the same for cash and i have a question about ", "my young one has ", "we'll stone cold need a referral for ", "can you honor the old price for ")).d(ch(rng, "hunter syndrome", "bells palsy", "graves disease"), "eponym").t(" for my son he's ").d(ch(rng, "nine", "sixteen", "twelve"), "age_under_90")
        return "user", b, "n1"
    v = rng.randint(1, 4)
    sep = ", " if mode == "spoken" else " "
    if mode == "fmt":
        p = P(rng, word=v == 1)
        doc = provider(rng)
        if v == 1:
            b.t(ch(rng, "Message for ", "Per ", "Spoke with ")).v(p.render(ch(rng, "full", "first")), "NAME").t(" — ").t(ch(rng, "price quote sent", "young adult clinic referral", "cash pay agreed")).t(". Dr. ").v(doc.render("last"), "NAME").t(" aware.")
        elif v == 2:
            b.v(p.render(ch(rng, "LASTFIRST", "CAPS", "lastfirst")), "NAME").t(" / ").v(dob_value(rng, "fmt"), "DOB").t(" / seen by ").t(ch(rng, "Dr. ", "Mx. ", "Sra. ", "Prof. ")).v(doc.render(ch(rng, "last", "initial", "mi")), "NAME")
        elif v == 3:
            b.t(ch(rng, "pls update: ", "Note: ")).v(p.render("nick"), "NAME").t(" (legal name ").v(p.render(ch(rng, "full", "mi")), "NAME").t(") prefers text")
        else:
            b.v(p.render(ch(rng, "full", "first")), "NAME").t(ch(rng, "'s ", "’s ")).t(ch(rng, "mother ", "aunt ", "grandfather ")).v(P(rng).render("full"), "NAME").t(" is ").v(age90_value(rng, "fmt"), "AGE").t(" and lives in ").v(town_value(rng.choice(TOWNS)[0], "fmt"), "CITY")
    else:
        p = P(rng, word=v == 1)
        if v == 1:
            b.t("this is ").v(p.render("full", mode), "NAME").t(sep).t("calling for my husband ").v(P(rng, word=True).render("first", mode), "NAME")
        elif v == 2:
            b.t("yes ").v(p.render("last", mode), "NAME").t(sep).t("first name ").v(p.render("first", mode), "NAME").t(sep).t("doctor ").v(provider(rng).render("last", mode), "NAME").t(" is my doctor")
        elif v == 3:
            b.t("it's for my grandma ").v(P(rng).render("full", mode), "NAME").t(sep).t("she's ").v(age90_value(rng, mode), "AGE")
        else:
            b.v(p.render("full", mode), "NAME").t(sep).t("date of birth ").v(dob_value(rng, mode), "DOB")
        if mode == "spoken":
            b.t(".")
    return "user", b, f"p{v}"


def fam_ages(rng, mode, nophi):
    b = Builder(mode)
    sep = ", " if mode != "stt" else " "
    if nophi:
        if mode == "fmt":
            b.t("Pt ").d(rng.choice(YOUNG), "age_under_90").t(", ").d(ch(rng, "90 mg", "90-day supply", "Room 94", "SpO2 91%", "HR 96"), "number").t(", ").d(rng.choice(YEARS), "year_only").t(".")
        else:
            b.t("she turned ").d(ch(rng, "eighty nine", "eighty eight", "seventy"), "age_under_90").t(" and the pills are ").d(ch(rng, "ninety milligrams", "a ninety day supply"), "dose").t(sep).t("pulse was ").d(ch(rng, "ninety two", "ninety six"), "vital")
        return "user", b, "n1"
    v = rng.randint(1, 4)
    if mode == "fmt":
        if v == 1:
            b.t(ch(rng, "Age: ", "AGE ", "age=")).v(age90_value(rng, "fmt"), "AGE").t(ch(rng, "", " yrs", " years")).t(" | HR ").d("96", "vital")
        elif v == 2:
            b.t(ch(rng, "A ", "This ")).v(age90_value(rng, "fmt", words=False), "AGE").t(ch(rng, "-yr-old", "-year-old", " y.o.", " yo")).t(" with ").d(rng.choice(EPONYMS), "eponym").t(", on ").d(ch(rng, "90 mg", "a 90-day supply"), "dose")
        elif v == 3:
            n = rng.randint(90, 99)
            b.t("Turned ").v(age90_value(rng, "fmt", n=n, words=True), "AGE").t(" last week; DOB ").v(dob_value(rng, "fmt", d=rand_date(rng, 2025 - n, 2025 - n)), "DOB")
        else:
            b.t("Patient aged ").v(age90_value(rng, "fmt"), "AGE").t(", spouse ").d(rng.choice(YOUNG[:2]), "age_under_90")
    else:
        if v == 1:
            b.t("my dad is ").v(age90_value(rng, mode), "AGE").t(sep).t("he'll be ").v(age90_value(rng, mode, n=rng.choice([95, 98, 100])), "AGE").t(" in june")
        elif v == 2:
            b.t(ch(rng, "she's ", "grandma is ", "my aunt just turned ")).v(age90_value(rng, mode, n=rng.choice([100, 101, 102, 103, 105])), "AGE").t(sep).t(ch(rng, "still sharp", "lives alone", "uses a walker"))
        elif v == 3:
            b.t(ch(rng, "he's not ", "no he isn't ", "she's not ")).d(ch(rng, "eighty nine", "eighty", "eighty eight"), "age_under_90").t(sep).t(ch(rng, "he's ", "they're ", "actually ")).v(age90_value(rng, mode, n=rng.choice([90, 91, 92])), "AGE").t(ch(rng, "", " now", " as of this spring"))
        else:
            b.t("age ").v(age90_value(rng, mode), "AGE").t(sep).t("and her sister is ").d(ch(rng, "eighty five", "seventy nine"), "age_under_90")
        if mode == "spoken":
            b.t(".")
    return "user", b, f"p{v}"


def fam_dates_mixed(rng, mode, nophi):
    b = Builder(mode)
    sep = ", " if mode != "stt" else " "
    if nophi:
        if mode == "fmt":
            b.t("Clinic closed ").d("Thanksgiving", "holiday").t(" and every ").d("Monday", "weekday").t(" in ").d("May", "month_only").t("; reopened ").d(rng.choice(YEARS), "year_only").t(". Hours ").d(rng.choice(TIMES), "time").t(".")
        else:
            b.t(ch(rng, "can i come in next tuesday or maybe the week after around ", "is there anything friday morning like ", "tomorrow works if you have ")).d(ch(rng, "three thirty", "ten fifteen"), "time").t(" i was last there back in ").d(ch(rng, "twenty twenty", "two thousand nineteen"), "year_only")
        return "user", b, "n1"
    v = rng.randint(1, 4)
    if mode == "fmt":
        if v == 1:
            d = rand_date(rng, 2024, 2026)
            b.t("Surgery is ").d(WEEKDAYS[d.weekday()], "weekday").t(" the ").v(date_str(d, "ord_of_mon", rng), "DATE", "date_wk_the_ord_of").t(" at ").d(rng.choice(TIMES), "time").t("; born ").v(dob_value(rng, "fmt", ["ord_of_apos", "mon_abbr_apos", "mdy2"]), "DOB")
        elif v == 2:
            b.t("DOB ").v(dob_value(rng, "fmt", ["dd_MON_yyyy", "dmy_dot", "MON_d_y_caps"]), "DOB").t(" • seen ").v(date_value(rng, "fmt", ["mon_ord", "mon_y"]), "DATE")
        elif v == 3:
            b.t("Referral expires ").v(date_value(rng, "fmt", ["mon_ord_y", "ord_of_y"]), "DATE").t(", next visit ").v(date_value(rng, "fmt", ["mon_abbr_d", "md_slash"]), "DATE")
        else:
            b.t("born ").v(dob_value(rng, "fmt", ["mon_d_y", "iso", "dash"]), "DOB").t(" (not ").d(rng.choice(YEARS), "year_only").t(")")
    else:
        if v == 1:
            d = rand_date(rng, 2001, 2009)
            b.t("my son was born ").v(dob_value(rng, mode, ["spk_mdy_ord", "spk_mon_the"], d=d), "DOB")
        elif v == 2:
            d = rand_date(rng, 2024, 2026)
            b.t("the appointment is ").d(WEEKDAYS[d.weekday()].lower(), "weekday").t(" the ").v(stt_val(date_str(d, "spk_ord_of_part", rng)), "DATE", "date_wk_the_ord_of")
        elif v == 3:
            b.t("date of birth ").v(dob_value(rng, mode, ["spk_slash", "spk_digits", "spk_compact"]), "DOB")
        else:
            b.t("i was discharged ").v(date_value(rng, mode, SPK_PART), "DATE").t(sep).t("and born ").v(dob_value(rng, mode, ["spk_the_ord_of"]), "DOB")
        if mode == "spoken":
            b.t(".")
    return "user", b, f"p{v}"


def fam_vehicle_ids(rng, mode, nophi):
    b = Builder("fmt")
    if nophi:
        b.t(ch(rng, "Parking: level ", "Garage ", "Lot ")).d(ch(rng, "P3", "B", "2"), "parking").t(", validation ").d(ch(rng, "$5.00", "$2.50", "$0.00"), "price").t(ch(rng, ". Shuttle every ", ". Van runs every ")).d(ch(rng, "15 min", "20 minutes", "half hour"), "interval").t(" from ").d(rng.choice(HOSPITALS), "hospital").t(ch(rng, ". Open from ", " main entrance, first run ", " after ")).d(rng.choice(TIMES), "time")
        return "user", b, "n1"
    p = P(rng)
    b.t(ch(rng, "NEMT trip: ", "Ride booking — ", "Valet ticket: ")).v(p.render(ch(rng, "full", "initial")), "NAME").t("\n")
    b.t("Vehicle: ").t(ch(rng, "2014 Honda Odyssey", "2019 Toyota Sienna", "2011 Ford E-350")).t(" VIN ").v(vin(rng), "VEHICLE", "vin").t(" plate ").v(plate(rng), "VEHICLE", "plate").t(ch(rng, " (NM)", " TX", ""))
    b.t("\nDriver DL ").v(dl_value(rng)[0], "LICENSE", "dl").t("\nPickup ").v(address_value(rng, "fmt"), "ADDRESS").t(" on ").v(date_value(rng, "fmt", ["md_slash", "mon_d"]), "DATE")
    return "user", b, "p1"


def fam_device_ip(rng, mode, nophi):
    b = Builder(mode)
    if nophi:
        b.t(ch(rng, "firmware ", "app version ", "the update ")).d(ch(rng, "3.2.7", "4.0.1", "2.11.5"), "version").t(ch(rng, " fixed the sync", " is out", " broke bluetooth")).t(ch(rng, " for the pump dosing ", " and my basal is ")).d(ch(rng, "1.5 units per hour", "0.8 units an hour", "twelve units"), "dose")
        return "user", b, "n1"
    if mode == "fmt":
        b.t(ch(rng, "CPAP ", "Insulin pump ", "Pacemaker ", "CGM ")).t(ch(rng, "SN ", "serial# ", "S/N: ")).v(serial(rng), "DEVICE").t(", UDI ").v(udi(rng), "DEVICE").t("; home router ").v(ipv4(rng) if rng.random() < 0.5 else ipv6(rng), "IP")
        return "user", b, "p1"
    ip = ipv4(rng)
    b.t("the ip on my tablet says ").v(ip_spoken(ip, rng, mode), "IP", "ipv4_spk").t(", ").t("and the serial on the back is ").v(" ".join(NATO[c].lower() if c.isalpha() else DIGW[int(c)] for c in serial(rng) if c.isalnum()).replace("x-ray", "x ray"), "DEVICE", "serial_spk_nato")
    if mode == "stt":
        pass
    return "user", b, "p2"


def fam_email_url(rng, mode, nophi):
    b = Builder(mode)
    sep = ", " if mode != "stt" else " "
    if nophi:
        b.t(ch(rng, "you can find the forms on ", "pay online at ", "the portal is ")).d(rng.choice(CLINIC_URLS) if mode == "fmt" else ch(rng, "kestrel valley f m dot org slash portal", "my chart dot bayou teche dot org"), "clinic_url").t(sep).t(ch(rng, "and the email is on the back of your ", "or call the number on your ")).d(rng.choice(INSURERS), "insurer").t(" card")
        return "user", b, "n1"
    p = P(rng)
    b.t(ch(rng, "my email is ", "send it to ", "email ")).v(email_value(p, rng, mode), "EMAIL").t(sep).t("and our page for updates is ").v(url_value(p, rng, mode), "URL")
    return "user", b, "p1"


# (family, phi count, nophi count, modes)
PLAN = [
    (fam_chat_export, 14, 5, ["fmt"]), (fam_email_thread, 14, 5, ["fmt"]), (fam_sbar, 12, 4, ["fmt"]),
    (fam_discharge, 11, 4, ["fmt"]), (fam_medrec, 11, 4, ["fmt"]), (fam_lab_report, 12, 4, ["fmt"]),
    (fam_rad_report, 11, 4, ["fmt"]), (fam_refill, 12, 4, ["fmt", "spoken", "stt"]), (fam_prior_auth, 12, 4, ["fmt"]),
    (fam_reminder_sms, 14, 5, ["fmt"]), (fam_eob, 11, 4, ["fmt"]), (fam_denial_letter, 10, 4, ["fmt"]),
    (fam_portal_audit, 10, 4, ["fmt"]), (fam_crm_note, 12, 4, ["fmt"]), (fam_triage, 11, 4, ["fmt"]),
    (fam_fhir, 12, 4, ["fmt"]), (fam_yaml, 10, 4, ["fmt"]), (fam_kvlog, 12, 4, ["fmt"]), (fam_tsv, 8, 3, ["fmt"]),
    (fam_fixed_width, 8, 3, ["fmt"]), (fam_bullets, 11, 4, ["fmt"]), (fam_asr, 22, 6, ["spoken", "stt"]),
    (fam_spelled, 12, 4, ["spoken", "stt"]), (fam_split_turns, 12, 4, ["spoken", "stt"]),
    (fam_places, 22, 6, ["fmt", "spoken", "stt"]), (fam_id_labels, 20, 6, ["fmt"]),
    (fam_phone_forms, 16, 5, ["fmt", "spoken", "stt"]), (fam_name_forms, 18, 6, ["fmt", "spoken", "stt"]),
    (fam_ages, 12, 5, ["fmt", "spoken", "stt"]), (fam_dates_mixed, 14, 5, ["fmt", "spoken", "stt"]),
    (fam_vehicle_ids, 8, 3, ["fmt"]), (fam_device_ip, 9, 3, ["fmt", "spoken", "stt"]),
    (fam_email_url, 9, 3, ["fmt", "spoken", "stt"]),
]


# --------------------------------------------------------------------------------------------------
# self-check
# --------------------------------------------------------------------------------------------------
def pool_tokens():
    toks = set()
    names = []
    for f, m, fam in POPS.values():
        names += f + m + fam
    names += VN_FAMILY + VN_MID + VN_GIVEN + list(NICK.values()) + [t for t, _ in TOWNS + HOODS]
    struct = {"fort", "mount", "saint", "ste", "heights", "little", "los", "port", "bay", "home", "hill", "hollow",
              "bin", "city", "eagle", "deer", "pass"}
    for n in names:
        for t in re.findall(r"[^\W\d_]{3,}", n):
            if t.lower() not in struct:
                toks.add(t.lower())
    return toks - WORDISH


POOL_TOKENS = pool_tokens()


def is_punct_or_space(c):
    return c.isspace() or unicodedata.category(c)[0] in "PSZ"


def check(rec, meta, dist):
    t = rec["text"]
    rid = rec["id"]
    errs = []
    if unicodedata.normalize("NFC", t) != t:
        errs.append("text not NFC")
    if any(ord(c) > 0xFFFF for c in t):
        errs.append("non-BMP character")
    if t != t.strip():
        errs.append("leading/trailing whitespace")
    if meta["mode"] == "stt" and not re.fullmatch(r"[^\W_]+(?:[ '\n][^\W_]+)*'?", t, re.UNICODE):
        errs.append("stt text has punctuation: " + repr(t[:120]))
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
        if "\n" in val:
            errs.append("span crosses a line break")
        if k == "AGE":
            digits = re.sub(r"\D", "", val)
            if digits and int(digits) < 90:
                errs.append(f"AGE under 90: {val!r}")
        if k in ("DATE", "DOB") and re.fullmatch(r"\d{4}", val):
            errs.append("year-only date labelled")
        if k == "LICENSE" and re.fullmatch(r"\d{10}", val) and not luhn_digit("80840" + val[:9]) == val[9]:
            errs.append("NPI fails Luhn")
        if k == "LICENSE" and re.fullmatch(r"[A-Z]{2}\d{7}", val) and not dea_ok(val):
            errs.append("DEA check digit")
        if k == "VEHICLE" and len(val) == 17 and val.isalnum() and vin_check(val) != val[8]:
            errs.append("VIN check digit")
    if (meta["template"].split("/")[-1].startswith("n")) != (not rec["spans"]):
        errs.append("nophi template with spans or phi template without spans")
    covered = [False] * len(t)
    for s in rec["spans"]:
        for i in range(s["start"], s["end"]):
            covered[i] = True
    for m in re.finditer(r"[^\W\d_]{3,}", t):
        if m.group().lower() in POOL_TOKENS and not all(covered[m.start():m.end()]):
            errs.append(f"pool name/town token {m.group()!r} outside a span")
    dcov = covered[:]
    for dd in dist:
        for i in range(dd["start"], dd["end"]):
            dcov[i] = True
    for m in re.finditer(r"\d[\d\-. ]{4,}\d", t):
        if any(covered[m.start():m.end()]):
            continue
        free = sum(1 for i in range(m.start(), m.end()) if t[i].isdigit() and not dcov[i])
        if free >= 5:
            errs.append(f"unlabelled number {m.group()!r}")
    if errs:
        raise SystemExit(f"SELF-CHECK FAILED for {rid} ({meta['template']}): " + "; ".join(errs) + f"\n  text={t!r}")


def collisions(paths):
    bad = set()
    for pth in paths:
        with open(pth, encoding="utf-8") as f:
            for line in f:
                r = json.loads(line)
                for s in r["spans"]:
                    if s["kind"] in ("NAME", "CITY", "ADDRESS"):
                        for tok in re.findall(r"[^\W\d_]{3,}", r["text"][s["start"]:s["end"]]):
                            if tok.lower() in POOL_TOKENS:
                                bad.add(tok)
    return bad


def main(argv):
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.dirname(os.path.dirname(here))
    out_dir = os.path.join(root, "bootstrap", "src", "test", "resources", "phi")
    if "--out-dir" in argv:
        out_dir = argv[argv.index("--out-dir") + 1]
    if "--collisions" in argv:
        paths = [a for a in argv[argv.index("--collisions") + 1:] if not a.startswith("--")]
        bad = collisions(paths)
        if bad:
            raise SystemExit("pool tokens found in other sets: " + ", ".join(sorted(bad)))
        print(f"no pool token of this set occurs in NAME/CITY/ADDRESS spans of {len(paths)} file(s)")
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
    recs, metas, dups = [], [], []
    seen = {}
    for i, (fname, var, role, b) in enumerate(items, 1):
        rid = f"{PREFIX}-{i:06d}"
        text = b.text()
        spans = [{"start": s["start"], "end": s["end"], "kind": s["kind"]} for s in b.spans]
        rec = {"id": rid, "role": role, "text": text, "spans": spans}
        dist = [d for d in b.dist if d["end"] <= len(text)]
        meta = {"id": rid, "template": f"{PREFIX}/{fname}/{var}", "mode": b.mode,
                "spans": [{"start": s["start"], "end": s["end"], "kind": s["kind"], "sub": s["sub"], "value": s["value"]}
                          for s in b.spans],
                "distractors": dist}
        check(rec, meta, dist)
        if text in seen:
            dups.append(f"{rid} ({meta['template']}) = {seen[text]}: {text[:80]!r}")
        seen[text] = rid
        for ms in meta["spans"]:
            del ms["value"]
        recs.append(rec)
        metas.append(meta)
    if dups:
        raise SystemExit("duplicate texts:\n" + "\n".join(dups))
    os.makedirs(out_dir, exist_ok=True)
    with open(os.path.join(out_dir, "phi-adversarial2.jsonl"), "w", encoding="utf-8", newline="\n") as f:
        for r in recs:
            f.write(json.dumps(r, ensure_ascii=False, separators=(",", ":")) + "\n")
    with open(os.path.join(out_dir, "phi-adversarial2.meta.jsonl"), "w", encoding="utf-8", newline="\n") as f:
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
