// Writes us-places.txt for the PHI detector (domain/src/main/resources/dev/masker/domain/phi/detect/): every US city
// and town of the npm package zipcodes (BSD licence; its data are the US ZIP code list of federalgovernmentzipcodes.us),
// one "name|state code" a line, folded to lower-case ASCII. A line ends in "|common" when the place's one-word name is
// a common spoken English word (SUBTLEX-US, as for the name lists): such a name is a city only before its state.
// Usage, from the repository root:
//   node tools/detector-data/places.mjs ZIPCODES_PACKAGE_DIR SUBTLEX_PACKAGE_DIR OUT_DIR
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const [zipDir, subtlexDir, outDir] = process.argv.slice(2);
if (!zipDir || !subtlexDir || !outDir) {
  console.error('usage: node places.mjs ZIPCODES_PACKAGE_DIR SUBTLEX_PACKAGE_DIR OUT_DIR');
  process.exit(2);
}
const require = createRequire(import.meta.url);
const { codes } = require(path.resolve(zipDir, 'lib', 'codes.js'));
const common = new Set(JSON.parse(fs.readFileSync(path.join(subtlexDir, 'index.json'), 'utf8'))
  .filter((e) => e.count >= 100 && e.word === e.word.toLowerCase()).map((e) => e.word));

const fold = (s) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
const places = new Set();
for (const entry of Object.values(codes)) {
  if (entry.country !== 'US' || !entry.city || !/^[A-Z]{2}$/.test(entry.state)) continue;
  const name = fold(entry.city);
  if (!/^[a-z][a-z .'-]*[a-z.]$/.test(name)) continue;
  places.add(`${name}|${entry.state.toLowerCase()}${!name.includes(' ') && common.has(name) ? '|common' : ''}`);
}
fs.writeFileSync(path.join(outDir, 'us-places.txt'), [...places].sort().join('\n') + '\n');
console.log(`places ${places.size}`);
