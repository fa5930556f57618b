#!/usr/bin/env python3
"""Checks that the crate's layers only point down.

Reads every `src/**/*.rs` file (outside `#[cfg(test)]` modules), collects the
`crate::…` paths it names, maps each to the top-level module it belongs to,
and fails when:

* the top-level modules import each other in a cycle;
* the files of one folder import each other in a cycle (`db/a.rs` names
  `db::b` and `db/b.rs` names `db::a`, or longer circles): at every level of
  the module tree, the children of a folder must point one way as well. A
  folder's `mod.rs` is the folder itself: its children may use what it
  declares or re-exports without making a circle;
* `routes`, `startup` or `cli` import `db`, `domain`, `auth`, `geo`,
  `labels`, `mail`, `webhooks` or `jobs` (they go through `app`);
* `domain` imports anything but `error`;
* the ground floor (`error`, `config`, `clock`, `telemetry`, `storage`, `secrets`) imports any
  other module of the crate.

`scripts/deps.py --graph` prints the module graph as well, `--files` the
graph between the files of each folder.
"""

import os
import re
import sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src")

UPPER = {"routes", "startup", "cli"}
LOWER_ONLY_VIA_APP = {"db", "domain", "auth", "geo", "labels", "jobs", "mail", "webhooks"}
GROUND = {"error", "config", "clock", "telemetry", "storage", "secrets"}


def strip(src):
    """The code of a Rust file without comments, strings and char literals."""
    out = []
    i, n = 0, len(src)
    while i < n:
        c = src[i]
        if src.startswith("//", i):
            j = src.find("\n", i)
            i = n if j < 0 else j
        elif src.startswith("/*", i):
            depth, i = 1, i + 2
            while i < n and depth:
                if src.startswith("/*", i):
                    depth, i = depth + 1, i + 2
                elif src.startswith("*/", i):
                    depth, i = depth - 1, i + 2
                else:
                    i += 1
        elif c == "r" and (src.startswith('r"', i) or src.startswith("r#", i)) and (
            i == 0 or not (src[i - 1].isalnum() or src[i - 1] == "_")
        ):
            j = i + 1
            while j < n and src[j] == "#":
                j += 1
            if j < n and src[j] == '"':
                end = '"' + "#" * (j - i - 1)
                k = src.find(end, j + 1)
                i = n if k < 0 else k + len(end)
                out.append('""')
            else:
                out.append(c)
                i += 1
        elif c == '"':
            i += 1
            while i < n and src[i] != '"':
                i += 2 if src[i] == "\\" else 1
            i += 1
            out.append('""')
        elif c == "'":
            # A char literal ('x', '\n', '\u{1F600}') or a lifetime ('a).
            if i + 2 < n and src[i + 1] == "\\":
                k = src.find("'", i + 2)
                i = k + 1
                out.append("' '")
            elif i + 2 < n and src[i + 2] == "'":
                i += 3
                out.append("' '")
            else:
                out.append(c)
                i += 1
        else:
            out.append(c)
            i += 1
    return "".join(out)


def without_tests(code):
    """Drops `#[cfg(test)]` items (modules and impls) with their bodies."""
    out, i = [], 0
    while True:
        j = code.find("#[cfg(test)]", i)
        if j < 0:
            out.append(code[i:])
            return "".join(out)
        out.append(code[i:j])
        k = code.find("{", j)
        semi = code.find(";", j)
        if k < 0 or (0 <= semi < k):
            i = semi + 1
            continue
        depth, k = 1, k + 1
        while k < len(code) and depth:
            depth += {"{": 1, "}": -1}.get(code[k], 0)
            k += 1
        i = k


def ident_at(code, i):
    j = i
    while j < len(code) and (code[j].isalnum() or code[j] == "_"):
        j += 1
    return code[i:j], j


def crate_roots(code):
    """The first segment of every `crate::` path, including `crate::{a, b}` groups."""
    roots = set()
    i = 0
    while True:
        i = code.find("crate::", i)
        if i < 0:
            return roots
        before = code[i - 1] if i else " "
        i += len("crate::")
        if before.isalnum() or before == "_" or before == "$":
            continue
        if code.startswith("{", i):
            depth, j, start = 1, i + 1, i + 1
            while j < len(code) and depth:
                if code[j] == "{":
                    depth += 1
                elif code[j] == "}":
                    depth -= 1
                elif code[j] == "," and depth == 1:
                    roots.add(ident_at(code, start + len(code[start:j]) - len(code[start:j].lstrip()))[0])
                    start = j + 1
                j += 1
            last = code[start : j - 1]
            roots.add(ident_at(code, start + len(last) - len(last.lstrip()))[0])
        else:
            roots.add(ident_at(code, i)[0])


def top_level_of(path):
    rel = os.path.relpath(path, ROOT)[: -len(".rs")]
    return rel.split(os.sep)[0]


def graph():
    modules = {top_level_of(os.path.join(ROOT, f)) for f in os.listdir(ROOT) if f.endswith(".rs")}
    modules |= {d for d in os.listdir(ROOT) if os.path.isdir(os.path.join(ROOT, d))}
    modules -= {"lib", "main"}
    edges = {m: set() for m in modules}
    for base, _, files in os.walk(ROOT):
        for f in files:
            if not f.endswith(".rs"):
                continue
            path = os.path.join(base, f)
            me = top_level_of(path)
            if me in ("lib", "main"):
                continue
            with open(path, encoding="utf-8") as fh:
                code = without_tests(strip(fh.read()))
            for root in crate_roots(code):
                if root in modules and root != me:
                    edges[me].add(root)
    return edges


def module_of(path):
    """The module path of a file: `src/db/returns.rs` -> ("db", "returns")."""
    rel = os.path.relpath(path, ROOT)[: -len(".rs")].split(os.sep)
    if rel[-1] == "mod":
        rel = rel[:-1]
    if rel in (["lib"], ["main"]):
        return ()
    return tuple(rel)


def use_paths(code, start):
    """The paths of the use tree at `start` (after `crate::`/`super::`), as lists
    of segments: `a::{b, c::d}` -> [a, b], [a, c, d]."""
    paths = []

    def tree(i, prefix):
        segs = list(prefix)
        while True:
            while i < len(code) and code[i].isspace():
                i += 1
            if code.startswith("{", i):
                i += 1
                while True:
                    i = tree(i, segs)
                    while i < len(code) and code[i].isspace():
                        i += 1
                    if code.startswith(",", i):
                        i += 1
                        continue
                    if code.startswith("}", i):
                        return i + 1
                    return i
            name, j = ident_at(code, i)
            if not name:
                paths.append(segs)
                return i
            segs = segs + [name]
            i = j
            if code.startswith("::", i):
                i += 2
                continue
            paths.append(segs)
            return i

    tree(start, [])
    return paths


def file_refs(code, me):
    """The module paths a file names through `crate::` and `super::` paths."""
    refs = []
    for m in re.finditer(r"(?<![A-Za-z0-9_$])(crate|super)::", code):
        if m.group(1) == "crate":
            base, i = [], m.end()
        else:
            base, i = list(me[:-1]), m.end()
            while code.startswith("super::", i):
                base, i = base[:-1], i + len("super::")
        for tail in use_paths(code, i):
            refs.append(tuple(base + [s for s in tail if s != "self"]))
    return refs


def file_graph():
    """Edges between sibling modules, per folder: {folder: {child: {child}}}."""
    files = {}
    for base, _, names in os.walk(ROOT):
        for f in names:
            if f.endswith(".rs"):
                path = os.path.join(base, f)
                files[module_of(path)] = path
    modules = set(files)
    folders = {}
    for me, path in files.items():
        if not me:
            continue
        with open(path, encoding="utf-8") as fh:
            code = without_tests(strip(fh.read()))
        for ref in file_refs(code, me):
            # The longest prefix of the path that is a module (the rest names an item).
            target = next((ref[:k] for k in range(len(ref), 0, -1) if ref[:k] in modules), None)
            if target is None:
                continue
            k = 0
            while k < min(len(me), len(target)) and me[k] == target[k]:
                k += 1
            if k == len(me) or k == len(target):
                continue  # a module and its own parent or child
            if k == 0:
                continue  # between top-level modules: checked by graph()
            folder = "/".join(me[:k])
            edges = folders.setdefault(folder, {})
            edges.setdefault(me[k], set()).add(target[k])
            edges.setdefault(target[k], set())
    return folders


def cycles(edges):
    index, low, stack, on, found, counter = {}, {}, [], set(), [], [0]

    def visit(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in sorted(edges[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for v in sorted(edges):
        if v not in index:
            visit(v)
    return found


def main():
    edges = graph()
    if "--graph" in sys.argv:
        for m in sorted(edges):
            print(f"{m:10} -> {' '.join(sorted(edges[m])) or '-'}")
    problems = [f"import cycle: {' -> '.join(c)}" for c in cycles(edges)]
    folders = file_graph()
    if "--files" in sys.argv:
        for folder in sorted(folders):
            for m in sorted(folders[folder]):
                print(f"{folder}/{m:16} -> {' '.join(sorted(folders[folder][m])) or '-'}")
    for folder in sorted(folders):
        for c in cycles(folders[folder]):
            problems.append(f"import cycle between files of {folder}/: {' -> '.join(c)}")
    for m in sorted(UPPER & edges.keys()):
        for bad in sorted(edges[m] & LOWER_ONLY_VIA_APP):
            problems.append(f"{m} imports {bad} (go through app)")
    for bad in sorted(edges.get("domain", set()) - {"error"}):
        problems.append(f"domain imports {bad} (the rules depend on nothing above them)")
    for m in sorted(GROUND & edges.keys()):
        for bad in sorted(edges[m] - GROUND):
            problems.append(f"{m} (ground floor) imports {bad}")
    for p in problems:
        print(p, file=sys.stderr)
    if problems:
        sys.exit(1)
    print(
        f"layers ok: {len(edges)} top-level modules, no cycle, every import points down; "
        f"no cycle between the files of {len(folders)} folders"
    )


if __name__ == "__main__":
    main()
