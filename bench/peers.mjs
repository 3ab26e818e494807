// Times compromise's entity extraction on the benchmark documents.
//
//   node bench/peers.mjs [--budget SECONDS] DOC...
//
// Run with compromise installed under bench/work/node (scripts/bench.sh does
// it; never committed). One run = nlp(text) then .people(), .organizations()
// and .places() as arrays of text: what Nutshell's key facts give. Prints one
// JSON line per document: the median wall time over the runs (21 under 10 KB,
// else 5, fewer only if a run is longer than the budget allows), after one
// warm-up run on the 3 KB document.
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { performance } from "node:perf_hooks";

const require = createRequire(new URL("./work/node/", import.meta.url));
const nlp = require("compromise");

const args = process.argv.slice(2);
let budget = 240;
const docs = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === "--budget") budget = Number(args[++i]);
  else docs.push(args[i]);
}

function extract(text) {
  const doc = nlp(text);
  return {
    people: doc.people().out("array"),
    organizations: doc.organizations().out("array"),
    places: doc.places().out("array"),
  };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
let warmedUp = false;
for (const path of docs) {
  const text = readFileSync(path, "utf8");
  if (!warmedUp) {
    extract(text);
    warmedUp = true;
  }
  const wanted = text.length < 10_000 ? 21 : 5;
  const times = [];
  let spent = 0;
  let found;
  while (times.length < wanted && (times.length === 0 || spent + times.at(-1) <= budget * 1e3)) {
    const t0 = performance.now();
    found = extract(text);
    const dt = performance.now() - t0;
    times.push(dt);
    spent += dt;
  }
  console.log(
    JSON.stringify({
      system: "compromise",
      doc: basename(path, ".txt"),
      bytes: Buffer.byteLength(text),
      runs: times.length,
      ms: +median(times).toFixed(3),
      min_ms: +Math.min(...times).toFixed(3),
      n_entities: found.people.length + found.organizations.length + found.places.length,
    }),
  );
}
