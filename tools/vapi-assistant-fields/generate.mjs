// Writes the list of Vapi's assistant fields Masker checks an agent's `assistant` against
// (domain/src/main/resources/dev/masker/domain/assistant/vapi-assistant-fields.tsv): each top-level field of
// CreateAssistantDto (the `assistant` of Vapi's assistant-request answer) with the JSON types its value may take, read
// from the type declarations of Vapi's server SDK. Usage, from the repository root:
//   node tools/vapi-assistant-fields/generate.mjs SDK_PACKAGE_DIR OUT_FILE
// where SDK_PACKAGE_DIR is the "package" folder of `npm pack @vapi-ai/server-sdk@<version>` (see the README beside
// this file). Only names and JSON types are taken from the SDK; a declaration this script cannot read stops it.
import fs from 'node:fs';
import path from 'node:path';

const [sdkDir, outFile] = process.argv.slice(2);
if (!sdkDir || !outFile) {
  console.error('usage: node tools/vapi-assistant-fields/generate.mjs SDK_PACKAGE_DIR OUT_FILE');
  process.exit(2);
}
const pkg = JSON.parse(fs.readFileSync(path.join(sdkDir, 'package.json'), 'utf8'));
const typesDir = path.join(sdkDir, 'dist', 'cjs', 'api', 'types');

/** The declarations of one SDK type, without comments and imports. */
function declarations(name) {
  const file = path.join(typesDir, `${name}.d.ts`);
  if (!fs.existsSync(file)) throw new Error(`no declaration file for Vapi.${name}`);
  return fs.readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/^import .*$/gm, '');
}

/** The fields of an interface body, in declaration order: [name, type expression]. */
function fieldsOf(body, where) {
  return body.split('\n').map((line) => line.trim()).filter((line) => line && line !== '}').map((line) => {
    const field = /^([A-Za-z_$][\w$]*)\??: (.+);$/.exec(line);
    if (!field) throw new Error(`cannot read the field declaration "${line}" of ${where}`);
    return [field[1], field[2]];
  });
}

/** The fields of `export interface Name { ... }` (and of the interface it extends) in the type's own file. */
function interfaceFields(name) {
  const source = declarations(name);
  const match = new RegExp(`export interface ${name} (?:extends Vapi\\.(\\w+) )?\\{([\\s\\S]*?)\\n\\}`).exec(source);
  if (!match) throw new Error(`Vapi.${name} is not an interface`);
  return [...(match[1] ? interfaceFields(match[1]) : []), ...fieldsOf(match[2], `Vapi.${name}`)];
}

/** The fields of a member interface of a namespace, e.g. CreateAssistantDtoModel.CustomLlm. */
function memberFields(namespace, member) {
  const source = declarations(namespace);
  const match = new RegExp(`interface ${member} extends Vapi\\.(\\w+) \\{([\\s\\S]*?)\\n    \\}`).exec(source);
  if (!match) throw new Error(`Vapi.${namespace}.${member} is not a member interface`);
  return [...interfaceFields(match[1]), ...fieldsOf(match[2], `Vapi.${namespace}.${member}`)];
}

/** The parts of a union, split at top-level `|` only (not inside <...> or (...)). */
function unionParts(expression) {
  const parts = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < expression.length; i++) {
    const c = expression[i];
    if (c === '<' || c === '(' || c === '{') depth++;
    else if (c === '>' || c === ')' || c === '}') depth--;
    else if (c === '|' && depth === 0) {
      parts.push(expression.slice(start, i).trim());
      start = i + 1;
    }
  }
  parts.push(expression.slice(start).trim());
  return parts.filter((part) => part !== 'undefined');
}

/** The JSON types a TypeScript type expression of the SDK allows: object, array, string, number, boolean. */
function jsonTypes(expression) {
  const types = new Set();
  for (const part of unionParts(expression)) {
    if (part.endsWith('[]') || part.startsWith('Array<')) types.add('array');
    else if (part === 'string' || /^"[^"]*"$/.test(part)) types.add('string');
    else if (part === 'number' || /^-?\d+(\.\d+)?$/.test(part)) types.add('number');
    else if (part === 'boolean' || part === 'true' || part === 'false') types.add('boolean');
    else if (part.startsWith('Record<')) types.add('object');
    else if (/^Vapi\.\w+\.\w+$/.test(part)) types.add('object'); // a member interface of a union's namespace
    else if (/^Vapi\.\w+$/.test(part)) namedTypes(part.slice('Vapi.'.length)).forEach((type) => types.add(type));
    else throw new Error(`cannot tell the JSON type of "${part}"`);
  }
  return types;
}

/** The JSON types of a named SDK type: an interface, a union alias, or a const enum of literals. */
function namedTypes(name) {
  const source = declarations(name);
  if (new RegExp(`export interface ${name}\\b`).test(source)) return new Set(['object']);
  const enumValues = new RegExp(`export declare const ${name}: \\{([\\s\\S]*?)\\};`).exec(source);
  if (enumValues) {
    return jsonTypes(fieldsOf(enumValues[1].replace(/readonly /g, ''), `Vapi.${name}`).map(([, v]) => v).join(' | '));
  }
  const alias = new RegExp(`export type ${name} = ([\\s\\S]*?);\\n`).exec(source);
  if (alias) return jsonTypes(alias[1]);
  throw new Error(`cannot read the declaration of Vapi.${name}`);
}

const ORDER = ['object', 'array', 'string', 'number', 'boolean'];
const row = ([field, expression]) => `${field}\t${ORDER.filter((t) => jsonTypes(expression).has(t)).join(',')}`;

const assistant = interfaceFields('CreateAssistantDto');
// The model Masker writes into every assistant it answers with (provider custom-llm, url, model, headers): its fields,
// so that a test can hold Masker's rewrite to Vapi's names and types.
const customLlm = memberFields('CreateAssistantDtoModel', 'CustomLlm').map(([field, type]) => [`model.${field}`, type]);
const lines = [
  `# Vapi's assistant object, from the type declarations of ${pkg.name} ${pkg.version} (npm), written by`,
  '# tools/vapi-assistant-fields/generate.mjs; do not edit by hand. One field a line: name, tab, the JSON types its',
  '# value may take (object, array, string, number, boolean). The top-level rows are the fields of CreateAssistantDto,',
  "# the `assistant` of Vapi's assistant-request answer. The `model.*` rows are the fields of its custom-llm model",
  '# (CreateAssistantDtoModel.CustomLlm), the model Masker routes every call through.',
  ...assistant.map(row),
  ...customLlm.map(row),
];
fs.writeFileSync(outFile, `${lines.join('\n')}\n`);
console.log(`${outFile}: ${assistant.length} assistant fields and ${customLlm.length} custom-llm model fields`);
