// Runs generator/search/engine.js in Node for tests (tests/search_node.py drives it).
//   node search_harness.js fold            stdin: JSON list of strings -> [[[fold, keep], ...], ...]
//   node search_harness.js search FOLDER   stdin: JSON list of queries -> [[id, ...], ...]
//   node search_harness.js count FOLDER    stdin: JSON list of queries -> [pages found, ...]
// FOLDER is a language's search/ folder of a built site; files are read like the browser
// loads them: each is a script calling thutucSearch(name, data).
"use strict";
const fs = require("fs");
const path = require("path");
const engine = require(path.join(__dirname, "..", "generator", "search", "engine.js"));

const input = JSON.parse(fs.readFileSync(0, "utf-8"));
const [mode, folder] = process.argv.slice(2);

function loadFile(name) {
  let data;
  const thutucSearch = (_, d) => { data = d; };
  new Function("thutucSearch", fs.readFileSync(path.join(folder, name + ".js"), "utf-8"))(
    thutucSearch);
  return Promise.resolve(data);
}

if (mode === "fold") {
  process.stdout.write(JSON.stringify(input.map(
    (text) => engine.words(text).map((w) => [engine.fold(w), engine.keep(w)]))));
} else {
  const manifest = fs.readdirSync(folder).find((f) => /^m[0-9a-f]+\.js$/.test(f)).slice(0, -3);
  Promise.all(input.map((q) => engine.search(q, manifest, loadFile))).then((results) => {
    process.stdout.write(JSON.stringify(results.map((r) => (mode === "count" ?
      (r ? r.count : 0) : (r ? r.docs.map((d) => d[0]) : [])))));
  });
}
