// Fails the build when an artifact is missing or malformed. custom-functions-metadata exits 0
// and writes nothing when it meets a type it does not support (a Date parameter, say): without
// this check such a build would ship an add-in whose functions never register.
const { existsSync, readFileSync } = require('node:fs');
const { join } = require('node:path');
const acorn = require('acorn');
const { XMLValidator } = require('fast-xml-parser');

const dist = process.argv[2] ?? join(__dirname, '..', 'dist');
const problems = [];
const read = (path) => {
  const full = join(dist, path);
  if (!existsSync(full)) {
    problems.push(`dist/${path} was not written`);
    return null;
  }
  return readFileSync(full, 'utf8');
};

const CATALOGUE = [
  'AGEBUCKET',
  'DAYSOVERDUE',
  'AGEDBALANCE',
  'DUEDATE',
  'DUNNINGSTAGE',
  'LATEINTEREST',
  'RECOVERYFEE',
  'STATUTORYRATE',
  'COLLECTPROB',
  'EXPECTEDPAYDATE',
];

for (const file of ['functions.json', 'functions-fr.json']) {
  const text = read(`addin/${file}`);
  if (text === null) continue;
  const ids = JSON.parse(text).functions?.map((f) => f.id) ?? [];
  for (const id of CATALOGUE) if (!ids.includes(id)) problems.push(`dist/addin/${file} does not declare ${id}`);
}
const functionsJs = read('addin/functions.js');
if (functionsJs !== null) {
  for (const id of CATALOGUE)
    if (!functionsJs.includes(`CustomFunctions.associate("${id}"`)) problems.push(`functions.js does not register ${id}`);
}
for (const file of ['addin/taskpane.html', 'addin/manifest.xml', 'gas/appsscript.json']) read(file);
const manifest = read('addin/manifest.xml');
if (manifest !== null) {
  const valid = XMLValidator.validate(manifest);
  if (valid !== true) problems.push(`manifest.xml is not well-formed: ${valid.err.msg} (line ${valid.err.line})`);
}
const code = read('gas/Code.js');
if (code !== null) {
  try {
    acorn.parse(code, { ecmaVersion: 2020, sourceType: 'script' });
  } catch (error) {
    problems.push(`dist/gas/Code.js does not parse as a classic script: ${error.message}`);
  }
  for (const id of CATALOGUE) {
    if (!new RegExp(`@customfunction\\s*\\*/\\s*function ${id}\\(`).test(code))
      problems.push(`Code.js lacks a top-level function ${id} with @customfunction`);
  }
}

if (problems.length > 0) {
  console.error(`The build is incomplete:\n- ${problems.join('\n- ')}`);
  process.exit(1);
}
console.log(`Build checked: ${CATALOGUE.length} functions in dist/addin and dist/gas.`);
