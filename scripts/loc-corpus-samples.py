#!/usr/bin/env python3
"""Writes one small sample file per cloc language that has no sample yet under tests/Jiedan.Loc.Tests/corpus/languages/.

Usage: python3 scripts/loc-corpus-samples.py

Each sample is written for the test from the language's comment markers in src/Jiedan.Loc/Languages/cloc-languages.tsv:
a header comment, code, blank lines, a block comment spanning lines, code with a trailing comment and an inline block, so
that every filter cloc applies to the language has something to remove. Existing files are never overwritten (real files
and hand-written samples for ambiguous extensions live next to them). ClocCorpusTests counts them all with the installed
cloc and compares file by file.
"""
import os, re, collections

HERE = os.path.dirname(os.path.abspath(__file__))
TABLE = os.path.join(HERE, "..", "src", "Jiedan.Loc", "Languages", "cloc-languages.tsv")
OUT = os.path.join(HERE, "..", "tests", "Jiedan.Loc.Tests", "corpus", "languages")

# Entries that name an ambiguous extension rather than a language, and languages cloc cannot reach by name or #! line.
SKIP = {"PHP/Pascal", "Pascal/Puppet", "Raku/Prolog", "Ant/XML", "Maven/XML", "Crystal Reports", "Teamcenter def",
        "C# Generated", "Mercury", "Puppet", "Brainfuck"}
AMBIGUOUS_EXT = {"m", "ts", "pl", "PL", "cs", "v", "inc", "pro", "d", "pp", "cl", "jl", "f", "for", "fs", "ui", "cls", "sls",
                 "tpl", "b", "bf", "p6", "P6"}

def slug(name):
    name = name.replace("++", "pp").replace("#", "sharp").replace("+", "plus")
    return re.sub(r"[^A-Za-z0-9]+", "-", name).strip("-").lower()

def literal(pattern):
    """The marker of a `^\\s*X` line-comment pattern, when X is plain text."""
    m = re.match(r"^\^\\s\*(.+)$", pattern)
    if not m: return None
    x = m.group(1).replace("\\47", "'")
    x = re.sub(r"\\(.)", r"\1", x)
    return x if re.fullmatch(r"[^\\^$()\[\]{}|+?.*]+|[#;%!'*/&@$-]+.*", x) and "\\" not in x else None

def markers(filters):
    line, blocks = [], []
    for f in filters:
        fn, args = f[0], f[1:]
        if fn == "remove_matches" and args and literal(args[0]): line.append(literal(args[0]))
        elif fn == "call_regexp_common":
            kind = args[0]
            if kind in ("C", "C++", "PL/SQL"): blocks.append(("/*", "*/"))
            if kind == "C++": line.append("//")
            if kind == "PL/SQL": line.append("--")
            if kind == "HTML": blocks.append(("<!--", "-->"))
            if kind == "Pascal": blocks.append(("{", "}")); blocks.append(("(*", "*)"))
            if kind == "Smalltalk": blocks.append(('"', '"'))
        elif fn in ("remove_between_general",) and len(args) >= 2 and not args[0].startswith("^"): blocks.append((args[0], args[1]))
        elif fn == "remove_html_comments": blocks.append(("<!--", "-->"))
        elif fn == "remove_jsp_comments": blocks.append(("<%--", "--%>"))
        elif fn == "remove_haskell_comments": line.append("--"); blocks.append(("{-", "-}"))
        elif fn == "remove_OCaml_comments": blocks.append(("(*", "*)"))
        elif fn == "docstring_to_C": blocks.append(('"""', '"""'))
        elif fn == "powershell_to_C": blocks.append(("<#", "#>"))
        elif fn == "smarty_to_C": blocks.append(("{*", "*}"))
        elif fn == "remove_f90_comments": line.append("!")
        elif fn == "remove_f77_comments": line.append("C")
    return line, blocks

def sample(name, filters):
    line, blocks = markers(filters)
    out = []
    if line: out.append(f"{line[0]} {name} sample, written for Jiedan's line-counter tests")
    out += ["value = 42", "", "total = value + 1"]
    if blocks:
        o, c = blocks[0]
        out += [f"{o} a block comment", f"   that spans two lines {c}", f"result = total {o} inline {c}",
                f"  {o} whole line {c}"]
    if len(line) > 1: out.append(f"  {line[1]} another comment style")
    if line: out.append(f"check = result {line[0]} trailing comment")
    out += ["", "", "done = check", ""]
    return "\n".join(out)

def main():
    filters = collections.OrderedDict(); exts = collections.defaultdict(list); files = collections.defaultdict(list)
    scripts = collections.defaultdict(list)
    for l in open(TABLE, encoding="utf-8"):
        f = l.rstrip("\n").split("\t")
        if f[0] == "lang": filters[f[1]] = []
        elif f[0] == "filter": filters[f[1]].append(f[2:])
        elif f[0] == "ext": exts[f[1]].append(f[2])
        elif f[0] == "file": files[f[1]].append(f[2])
        elif f[0] == "script": scripts[f[1]].append(f[2])
    written = 0
    for name, fl in filters.items():
        if name in SKIP: continue
        d = os.path.join(OUT, slug(name))
        if os.path.isdir(d) and os.listdir(d): continue
        usable = [e for e in exts[name] if e not in AMBIGUOUS_EXT]
        if usable:
            fname = "sample." + sorted(usable, key=lambda e: (e != e.lower(), len(e), e))[0]
            body = sample(name, fl)
        elif files[name]:
            fname, body = files[name][0], sample(name, fl)
        elif scripts[name]:
            fname, body = "script", f"#!/usr/bin/env {scripts[name][0]}\n" + sample(name, fl)
        else:
            continue
        os.makedirs(d, exist_ok=True)
        with open(os.path.join(d, fname), "w", encoding="utf-8", newline="\n") as fh: fh.write(body)
        written += 1
    print(f"{written} samples written to {OUT}")

if __name__ == "__main__":
    main()
