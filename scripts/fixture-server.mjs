#!/usr/bin/env node
// Serves a recorded corpus (samples/demo/ and corpora of the same format) on 127.0.0.1, so the demo runs with no
// network: node scripts/fixture-server.mjs --corpus DIR [--port 0] [--port-file FILE]
// The corpus format is described in samples/demo/README.md. This server reads the subset the demo uses: per route
// "path", "file", "contentType", "status", "queryContains" and "redirect"; {{BASE}} in bodies and redirects becomes
// http://127.0.0.1:PORT. Node's standard library only, so it needs nothing beyond Node.js itself.
import { createServer } from "node:http";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";

const { values } = parseArgs({ options: { corpus: { type: "string" }, port: { type: "string", default: "0" }, "port-file": { type: "string" } } });
if (!values.corpus) {
  console.error("usage: node scripts/fixture-server.mjs --corpus DIR [--port 0] [--port-file FILE]");
  process.exit(2);
}

const routes = JSON.parse(readFileSync(join(values.corpus, "routes.json"), "utf8")).routes;
const bodies = new Map(routes.filter((r) => r.file).map((r) => [r.file, readFileSync(join(values.corpus, r.file))]));
let base = "";

// The route for a path: one whose queryContains occurs in the query wins over one without.
function match(path, query) {
  const candidates = routes.filter((r) => decodeURIComponent(r.path) === path);
  return candidates.find((r) => r.queryContains != null && query.includes(r.queryContains)) ?? candidates.find((r) => r.queryContains == null);
}

const server = createServer((request, response) => {
  const [rawPath, query = ""] = request.url.split(/\?(.*)/s);
  const route = match(decodeURIComponent(rawPath), query);
  if (!route) {
    response.writeHead(404, { "Content-Type": "text/plain" }).end("not in the demo corpus\n");
    return;
  }
  if (route.redirect) {
    const location = route.redirect.startsWith("/") ? base + route.redirect : route.redirect.replaceAll("{{BASE}}", base);
    response.writeHead(route.status ?? 302, { Location: location }).end();
    return;
  }
  const body = route.file ? Buffer.from(bodies.get(route.file).toString("latin1").replaceAll("{{BASE}}", base), "latin1") : Buffer.alloc(0);
  response.writeHead(route.status ?? 200, { "Content-Type": route.contentType ?? "application/octet-stream", "Content-Length": body.length });
  response.end(request.method === "HEAD" ? undefined : body);
});

server.listen(Number(values.port), "127.0.0.1", () => {
  base = `http://127.0.0.1:${server.address().port}`;
  if (values["port-file"]) writeFileSync(values["port-file"], String(server.address().port));
  console.log(`fixture server: ${values.corpus} on ${base}`);
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => process.exit(0));
