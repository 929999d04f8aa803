#!/usr/bin/env python3
"""tests/schema/validate.py: validate JSON files against specs/schemas/ with python3-jsonschema
(Draft 2020-12), references resolved from the local schema folder only (never the network).

usage: validate.py SCHEMA_DIR SCHEMA [--field KEY] [--files-from LIST] [FILE...]
  SCHEMA            file name under SCHEMA_DIR, e.g. certificate.schema.json or instance.schema.json
  --field KEY       validate the value of top-level KEY of each file (e.g. instance) instead of the file
  --files-from LIST also the files named in LIST, one per line
Prints one line per file, "VALID FILE" or "INVALID FILE: reason", then a summary line
"# python3-jsonschema VERSION: N valid, M invalid"; exit status 0 iff every file is valid
(2 on a usage or schema error). Works with jsonschema 4.10 (Debian 12: RefResolver) and with
later versions (the referencing registry)."""
import json
import os
import sys

import jsonschema

try:
    from importlib.metadata import version as _version
    VERSION = _version("jsonschema")
except Exception:  # pragma: no cover
    VERSION = getattr(jsonschema, "__version__", "?")


def load_schemas(folder):
    """Every *.schema.json under FOLDER, keyed by its $id."""
    out = {}
    for dirpath, _dirs, files in os.walk(folder):
        for name in sorted(files):
            if name.endswith(".schema.json"):
                path = os.path.join(dirpath, name)
                with open(path, encoding="utf-8") as f:
                    doc = json.load(f)
                sid = doc.get("$id")
                if not sid:
                    sys.exit("validate.py: %s has no $id" % path)
                out[sid] = (os.path.relpath(path, folder), doc)
    return out


def make_validator(folder, schema_file):
    schemas = load_schemas(folder)
    root = None
    for sid, (rel, doc) in schemas.items():
        if rel == schema_file:
            root = doc
    if root is None:
        sys.exit("validate.py: %s not found under %s" % (schema_file, folder))
    cls = jsonschema.Draft202012Validator
    for _sid, (rel, doc) in schemas.items():
        cls.check_schema(doc)
    try:  # jsonschema >= 4.18: the referencing registry
        from referencing import Registry, Resource
        from referencing.jsonschema import DRAFT202012
        registry = Registry().with_resources(
            (sid, Resource.from_contents(doc, default_specification=DRAFT202012))
            for sid, (_rel, doc) in schemas.items())

        def retrieve_nothing(uri):
            raise LookupError("no network: %s is not a local schema" % uri)
        registry = Registry(retrieve=retrieve_nothing).with_resources(
            (sid, Resource.from_contents(doc, default_specification=DRAFT202012))
            for sid, (_rel, doc) in schemas.items())
        return cls(root, registry=registry)
    except ImportError:  # jsonschema 4.10 (Debian 12): RefResolver with a local store
        store = {sid: doc for sid, (_rel, doc) in schemas.items()}

        def no_remote(uri):
            raise jsonschema.exceptions.RefResolutionError("no network: %s is not a local schema" % uri)
        resolver = jsonschema.RefResolver(base_uri=root["$id"], referrer=root, store=store,
                                          handlers={"http": no_remote, "https": no_remote})
        return cls(root, resolver=resolver)


def reason(err):
    best = jsonschema.exceptions.best_match([err]) if err else None
    where = "/".join(str(p) for p in best.absolute_path) or "(root)"
    msg = " ".join(best.message.split())
    if len(msg) > 300:
        msg = msg[:300] + "..."
    return "at %s: %s" % (where, msg)


def main(argv):
    if len(argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    folder, schema_file, rest = argv[0], argv[1], argv[2:]
    field = None
    files = []
    while rest[:1] in (["--field"], ["--files-from"]) and len(rest) >= 2:
        if rest[0] == "--field":
            field = rest[1]
        else:
            with open(rest[1], encoding="utf-8") as f:
                files += [line.rstrip("\n") for line in f if line.strip()]
        rest = rest[2:]
    files += rest
    validator = make_validator(folder, schema_file)
    nvalid = ninvalid = 0
    for path in files:
        try:
            with open(path, encoding="utf-8") as f:
                doc = json.load(f)
            if field is not None:
                if not isinstance(doc, dict) or field not in doc:
                    raise ValueError("no top-level key %r" % field)
                doc = doc[field]
            errs = sorted(validator.iter_errors(doc), key=lambda e: list(e.absolute_path))
            bad = jsonschema.exceptions.best_match(errs) if errs else None
        except (ValueError, OSError, RecursionError) as exc:
            print("INVALID %s: %s" % (path, " ".join(str(exc).split())))
            ninvalid += 1
            continue
        if bad is None:
            print("VALID %s" % path)
            nvalid += 1
        else:
            print("INVALID %s: %s" % (path, reason(bad)))
            ninvalid += 1
    print("# python3-jsonschema %s: %d valid, %d invalid" % (VERSION, nvalid, ninvalid))
    return 0 if ninvalid == 0 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
