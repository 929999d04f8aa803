#!/usr/bin/env node
// tests/schema/validate.cjs: validate JSON files against specs/schemas/ with ajv (Draft 2020-12,
// ajv/dist/2020), every schema file added with addSchema (references resolve locally, never over
// the network; strict mode, so that a misspelt keyword in a schema is an error).
//
// usage: node validate.cjs SCHEMA_DIR SCHEMA [--field KEY] [--files-from LIST] [FILE...]
// Same output as validate.py: "VALID FILE" / "INVALID FILE: reason" per file, then
// "# ajv VERSION: N valid, M invalid"; exit status 0 iff every file is valid (2 on usage/schema errors).
"use strict";
const fs = require("fs");
const path = require("path");
const Ajv2020 = require("ajv/dist/2020").default;
const ajvVersion = require("ajv/package.json").version;

function schemaFiles(dir) {
  const out = [];
  for (const ent of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const p = path.join(dir, ent.name);
    if (ent.isDirectory()) out.push(...schemaFiles(p));
    else if (ent.name.endsWith(".schema.json")) out.push(p);
  }
  return out;
}

function main(argv) {
  if (argv.length < 3) {
    console.error("usage: node validate.cjs SCHEMA_DIR SCHEMA [--field KEY] [--files-from LIST] [FILE...]");
    return 2;
  }
  const [dir, schemaFile] = argv;
  let rest = argv.slice(2), field = null, files = [];
  while ((rest[0] === "--field" || rest[0] === "--files-from") && rest.length >= 2) {
    if (rest[0] === "--field") field = rest[1];
    else files.push(...fs.readFileSync(rest[1], "utf8").split("\n").filter((l) => l.trim() !== ""));
    rest = rest.slice(2);
  }
  files.push(...rest);
  const ajv = new Ajv2020({ strict: true, strictTypes: false, strictRequired: false, allErrors: false });
  let rootId = null;
  for (const p of schemaFiles(dir)) {
    const doc = JSON.parse(fs.readFileSync(p, "utf8"));
    if (!doc.$id) { console.error(`validate.cjs: ${p} has no $id`); return 2; }
    ajv.addSchema(doc);
    if (path.relative(dir, p) === schemaFile) rootId = doc.$id;
  }
  if (!rootId) { console.error(`validate.cjs: ${schemaFile} not found under ${dir}`); return 2; }
  const validate = ajv.getSchema(rootId);   // compiles; throws on an unresolvable $ref
  let nvalid = 0, ninvalid = 0;
  for (const p of files) {
    let doc;
    try {
      doc = JSON.parse(fs.readFileSync(p, "utf8"));
      if (field !== null) {
        if (doc === null || typeof doc !== "object" || !(field in doc)) throw new Error(`no top-level key "${field}"`);
        doc = doc[field];
      }
    } catch (e) {
      console.log(`INVALID ${p}: ${String(e.message).split(/\s+/).join(" ")}`);
      ninvalid++;
      continue;
    }
    if (validate(doc)) { console.log(`VALID ${p}`); nvalid++; }
    else {
      const e = validate.errors[0];
      let msg = `at ${e.instancePath || "(root)"}: ${e.message} (${e.schemaPath}${e.params ? " " + JSON.stringify(e.params) : ""})`;
      msg = msg.split(/\s+/).join(" ");
      if (msg.length > 300) msg = msg.slice(0, 300) + "...";
      console.log(`INVALID ${p}: ${msg}`);
      ninvalid++;
    }
  }
  console.log(`# ajv ${ajvVersion}: ${nvalid} valid, ${ninvalid} invalid`);
  return ninvalid === 0 ? 0 : 1;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (e) {
  console.error(`validate.cjs: ${e.message}`);
  process.exitCode = 2;
}
