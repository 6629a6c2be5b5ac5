// Writes the world name lists the PHI detector ships (domain/src/main/resources/dev/masker/domain/phi/detect/):
// given names and surnames of the Latin-script locales of @faker-js/faker, and the name parts of
// @cspell/dict-people-names, folded to lower-case ASCII. Usage, from the repository root:
//   node tools/detector-data/names.mjs FAKER_PACKAGE_DIR CSPELL_PACKAGE_DIR SUBTLEX_PACKAGE_DIR OUT_DIR
// where each *_PACKAGE_DIR is the "package" folder of the tarball `npm pack` fetched (see the README beside this file).
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const [fakerDir, cspellDir, subtlexDir, outDir] = process.argv.slice(2);
if (!fakerDir || !cspellDir || !subtlexDir || !outDir) {
  console.error('usage: node extract.mjs FAKER_PACKAGE_DIR CSPELL_PACKAGE_DIR SUBTLEX_PACKAGE_DIR OUT_DIR');
  process.exit(2);
}

// Locales whose names are written in Latin letters, one per population; faker's base English list (and the locales
// that only copy it) is left out: it is the pool synthetic test sets are most often drawn from, and the US census
// lists already cover English names.
const LOCALES = ['AF_ZA', 'AZ', 'CS_CZ', 'DA', 'DE', 'DE_CH', 'EN_AU', 'EN_GH', 'EN_HK', 'EN_IN', 'EN_NG', 'EN_NP',
  'EN_ZA', 'ES', 'ES_MX', 'FI', 'FR', 'FR_CH', 'FR_SN', 'HR', 'HU', 'ID_ID', 'IT', 'KU_kmr_latin', 'LV', 'NB_NO', 'NL',
  'NL_BE', 'PL', 'PT_BR', 'PT_PT', 'RO', 'RO_MD', 'SK', 'SL_SI', 'SR_RS_latin', 'SV', 'TR', 'UZ_UZ_latin', 'VI',
  'YO_NG', 'ZU_ZA'];

/** Lower-case ASCII letters, apostrophes inside, or null when the part is not written in Latin letters. */
function fold(part) {
  const folded = part.normalize('NFD').replace(/\p{M}/gu, '').replace(/[łŁ]/g, 'l').replace(/[đĐ]/g, 'd')
    .replace(/[øØ]/g, 'o').replace(/ı/g, 'i').replace(/[’`]/g, "'").toLowerCase();
  return /^[a-z][a-z']*[a-z]$/.test(folded) ? folded : null;
}

/** Every folded part of the names (a name may be several words or hyphenated parts). */
function parts(names) {
  return names.flatMap((name) => String(name).split(/[\s-]+/)).map(fold).filter((p) => p !== null);
}

function flat(x) {
  if (!x) return [];
  if (Array.isArray(x)) return x.flatMap(flat);
  if (typeof x === 'object') return Object.values(x).flatMap(flat);
  return [x];
}

const faker = await import(pathToFileURL(path.join(fakerDir, 'dist', 'index.js')).href);
const first = new Set();
const last = new Set();
for (const locale of LOCALES) {
  const person = faker[`faker${locale}`]?.rawDefinitions?.person;
  if (!person) throw new Error(`no person definitions for ${locale}`);
  parts(flat(person.first_name)).forEach((p) => first.add(p));
  parts(flat(person.last_name)).forEach((p) => last.add(p));
}
const cspell = fs.readFileSync(path.join(cspellDir, 'dict', 'people-names.txt'), 'utf8').split('\n')
  .map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
const anyPart = new Set(parts(cspell));

// Common spoken English words (SUBTLEX-US, written lower case in film subtitles at least twice per million words) are
// left out: a name that is also an everyday word ("will", "hope", "self") is told by context, never by a list. Names
// are capitalized in subtitles, so they are not counted as words here.
const COMMON_MIN_COUNT = 100;
const common = new Set(JSON.parse(fs.readFileSync(path.join(subtlexDir, 'index.json'), 'utf8'))
  .filter((e) => e.count >= COMMON_MIN_COUNT && e.word === e.word.toLowerCase()).map((e) => e.word));
for (const list of [first, last, anyPart]) {
  for (const word of [...list]) {
    if (common.has(word) || word.length < 2) list.delete(word);
  }
}

const write = (file, words) => fs.writeFileSync(path.join(outDir, file), [...words].sort().join('\n') + '\n');
write('world-first-names.txt', first);
write('world-surnames.txt', last);
write('world-name-parts.txt', anyPart);
console.log(`common words ${common.size}; given names ${first.size}, surnames ${last.size}, name parts ${anyPart.size}`);
