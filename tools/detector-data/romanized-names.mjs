// Writes the romanized name lists the PHI detector ships (domain/src/main/resources/dev/masker/domain/phi/detect/):
// the Chinese and Korean given names and surnames of @faker-js/faker, written in the Latin letters an English-speaking
// clinic sees them in: pinyin without tones (pinyin-pro) and the Revised Romanization of Korean (hangul-romanization).
// A given name is listed joined ("chunhua", "minji"); its syllables are not, since a hyphenated or spaced form
// ("Chun-hua") is judged part by part and single syllables would make everyday words names. Usage, from the
// repository root:
//   node tools/detector-data/romanized-names.mjs FAKER_DIR PINYIN_DIR HANGUL_DIR SUBTLEX_DIR OUT_DIR
// where each *_DIR is the "package" folder of the tarball `npm pack` fetched (see the README beside this file).
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

const [fakerDir, pinyinDir, hangulDir, subtlexDir, outDir] = process.argv.slice(2);
if (!fakerDir || !pinyinDir || !hangulDir || !subtlexDir || !outDir) {
  console.error('usage: node romanized-names.mjs FAKER_DIR PINYIN_DIR HANGUL_DIR SUBTLEX_DIR OUT_DIR');
  process.exit(2);
}
const require = createRequire(import.meta.url);
const { pinyin } = require(path.resolve(pinyinDir, 'dist', 'index.js'));
const hangul = require(path.resolve(hangulDir, 'dist', 'index.js'));
const faker = await import(pathToFileURL(path.join(fakerDir, 'dist', 'index.js')).href);

function flat(x) {
  if (!x) return [];
  if (Array.isArray(x)) return x.flatMap(flat);
  if (typeof x === 'object') return Object.values(x).flatMap(flat);
  return [x];
}

const chinese = (name) => pinyin(name, { toneType: 'none', type: 'array', surname: 'all' }).join('');
const korean = (name) => hangul.convert(name);
const ROMANIZERS = [['ZH_CN', chinese], ['ZH_TW', chinese], ['KO', korean]];

const first = new Set();
const last = new Set();
for (const [locale, romanize] of ROMANIZERS) {
  const person = faker[`faker${locale}`]?.rawDefinitions?.person;
  if (!person) throw new Error(`no person definitions for ${locale}`);
  for (const [names, into] of [[person.first_name, first], [person.last_name, last]]) {
    for (const name of flat(names)) {
      const latin = romanize(String(name)).toLowerCase().replace(/ü/g, 'u').replace(/[^a-z]/g, '');
      if (latin.length >= 3) into.add(latin); // "no", "ok", "ga" and the like are words before they are names
    }
  }
}

// As in names.mjs: an everyday spoken English word ("long", "man") is never a name on a list's word alone.
const COMMON_MIN_COUNT = 100;
const common = new Set(JSON.parse(fs.readFileSync(path.join(subtlexDir, 'index.json'), 'utf8'))
  .filter((e) => e.count >= COMMON_MIN_COUNT && e.word === e.word.toLowerCase()).map((e) => e.word));
for (const list of [first, last]) {
  for (const word of [...list]) {
    if (common.has(word)) list.delete(word);
  }
}
const write = (file, words) => fs.writeFileSync(path.join(outDir, file), [...words].sort().join('\n') + '\n');
write('romanized-first-names.txt', first);
write('romanized-surnames.txt', last);
console.log(`romanized given names ${first.size}, surnames ${last.size}`);
