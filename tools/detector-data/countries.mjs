// Writes countries.txt for the PHI detector (domain/src/main/resources/dev/masker/domain/phi/detect/): the English
// names of the countries of ISO 3166-1 from the npm package country-list, folded to lower-case ASCII, with the
// everyday short names that differ from the ISO ones. A country is never a person's city or name (SPEC §6).
// Usage, from the repository root:  node tools/detector-data/countries.mjs COUNTRY_LIST_PACKAGE_DIR OUT_DIR
import fs from 'node:fs';
import path from 'node:path';

const [packageDir, outDir] = process.argv.slice(2);
if (!packageDir || !outDir) {
  console.error('usage: node countries.mjs COUNTRY_LIST_PACKAGE_DIR OUT_DIR');
  process.exit(2);
}

// Names in everyday use whose ISO 3166-1 form differs ("Viet Nam", "Korea (the Republic of)").
const EVERYDAY = ['Vietnam', 'South Korea', 'North Korea', 'Russia', 'Syria', 'Laos', 'Czech Republic', 'United Kingdom',
  'Great Britain', 'England', 'Scotland', 'Wales', 'Northern Ireland', 'United States', 'Ivory Coast', 'Cape Verde',
  'Burma', 'Turkey', 'Macedonia', 'Vatican', 'Democratic Republic of the Congo', 'Republic of the Congo', 'East Timor',
  'Swaziland', 'Micronesia', 'Palestine', 'Tanzania', 'Bolivia', 'Venezuela', 'Iran', 'Moldova', 'Brunei'];

const fold = (name) => name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
const iso = JSON.parse(fs.readFileSync(path.join(packageDir, 'data.json'), 'utf8'))
  // "Korea (the Republic of)" -> "Korea"; "Tanzania, the United Republic of" -> "Tanzania"
  .map((entry) => entry.name.replace(/\s*\(.*?\)/g, '').replace(/,.*$/, ''));
const names = new Set([...iso, ...EVERYDAY].map(fold));
fs.writeFileSync(path.join(outDir, 'countries.txt'), [...names].sort().join('\n') + '\n');
console.log(`countries ${names.size}`);
