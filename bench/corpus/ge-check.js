// bench/corpus/ge-check.js FILE.wxml...: the peer of fc-corpus-check:
// whether glass-easel's template compiler (bench/glass-easel/node_modules)
// accepts each file, one JSON line a file: {"file", "accept", "error"}.
// A file is refused when the compiler reports a diagnostic that is an error.
'use strict'
const fs = require('fs')
const path = require('path')
const { TmplGroup } = require(path.join(__dirname, '..', 'glass-easel', 'node_modules',
  'glass-easel-template-compiler'))

for (const file of process.argv.slice(2)) {
  let accept = true
  let error
  try {
    const group = new TmplGroup()
    const diags = group.addTmpl('', fs.readFileSync(file, 'utf8')) || []
    for (const d of diags) {
      if (d.isError) {
        accept = false
        error = `${d.startLine + 1}:${d.startColumn + 1}: ${d.message}`
        break
      }
    }
    if (accept) group.getTmplGenObjectGroups()
    group.free()
  } catch (e) {
    accept = false
    error = String(e && e.message ? e.message : e)
  }
  process.stdout.write(JSON.stringify(error ? { file, accept, error } : { file, accept }) + '\n')
}
