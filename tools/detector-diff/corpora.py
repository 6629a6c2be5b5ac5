#!/usr/bin/env python3
"""Writes the corpora tools/detector-diff.sh compares detectors on: the dev set and nine texts derived from it.

Usage: corpora.py DEV_SET_JSONL OUT_DIR. One file per corpus, one text per line, with backslash, newline and carriage
return escaped (\\\\, \\n, \\r). Fixed seeds: the same input always gives the same corpora.
"""
import json
import random
import re
import string
import sys

texts = [json.loads(line)["text"] for line in open(sys.argv[1], encoding="utf-8")]
out_dir = sys.argv[2]
rnd = random.Random(7)


def write(name, items):
    with open(f"{out_dir}/{name}.txt", "w", encoding="utf-8") as out:
        for text in items:
            out.write(text.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r") + "\n")


def edited(text):
    chars = list(text)
    for _ in range(3):
        if not chars:
            break
        i = rnd.randrange(len(chars))
        op = rnd.random()
        if op < 0.3:
            del chars[i]
        elif op < 0.6:
            chars.insert(i, rnd.choice(string.printable[:-5]))
        else:
            chars[i] = chars[i].swapcase()
    return "".join(chars)


def accented(text):
    # Accented letters, combining marks, underscores, tabs and odd blanks: where \\b and \\w stop being obvious.
    odd = ["\u00e9", "\u00c9", "e\u0301", "_", "\t", "\u00a0", "\u2009", "\u00f1", "\u00df"]
    chars = list(text)
    for _ in range(4):
        if chars:
            chars.insert(rnd.randrange(len(chars)), rnd.choice(odd))
    return "".join(chars)


write("dev", texts)
write("lower", [t.lower() for t in texts])
write("upper", [t.upper() for t in texts])
write("title", [t.title() for t in texts])
write("nopunct", [re.sub(r"[^\w\s]", "", t) for t in texts])
write("nopunct_lower", [re.sub(r"[^\w\s]", "", t).lower() for t in texts])
joined = []
for _ in range(150):
    joined.append(rnd.choice([" ", "\n", "  ", ". ", ", "]).join(rnd.sample(texts, rnd.randint(2, 30))))
for size in (30_000, 60_000, 100_000, 102_400):
    shuffled = texts[:]
    rnd.shuffle(shuffled)
    joined.append("\n".join(shuffled)[:size])
write("concat", joined)
slices = []
for _ in range(1500):
    big = " ".join(rnd.sample(texts, 5))
    start = rnd.randrange(len(big))
    slices.append(big[start:min(len(big), start + rnd.randint(1, 300))])
write("slices", slices)
write("noisy", [edited(t) for t in texts])
write("unicode", [accented(t) for t in texts])
