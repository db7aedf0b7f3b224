#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""wdk-api.py - the WDK surface gpioclx-linux provides, read from its code.

  wdk-api.py port-check [-I DIR] [-D NAME[=VALUE]] [--strict] [--tsv] FILE.c...
      Compiles a GpioClx client's OS-neutral sources on the host against
      include/, as the module build would (-nostdinc, the kernel's -Werror=
      options, a free build DBG=0 and a checked build DBG=1), and lists by
      file:line every WDK name they use that include/ and the shim do not
      provide ("missing"), or provide only partly ("partly", "ignored").
      Exit status 0: it will build and link (partly provided names are
      listed; with --strict they fail too); 1: it will not; 2: usage.
  wdk-api.py table [-o FILE | --check FILE]
      Writes the Markdown table of that surface (docs/wdk-api.md), or checks
      that FILE is what it would write and that every export and every
      registration-packet callback is annotated ("api-table: N passed, M
      failed").
  wdk-api.py self-test
      The tests of both, on the clients in tools/tests/port-check/ and on
      this tree's own clients ("port-check: N passed, M failed").

Where the facts come from, so that neither output can go stale:
  - what a client module can link to: the EXPORT_SYMBOL*() lines of shim/;
  - what include/ declares, as gcc reads it: functions (gcc -aux-info),
    types and enumerators (a probe compile), macros (the #define lines);
  - how well each is provided, and by what Linux primitive: annotations in
    comments of shim/ (next to the implementation) and include/:

      gpioclx-api: NAME[, NAME...][; partly: WHAT IS MISSING][; linux: PRIMITIVE]
      gpioclx-api: NAME[, NAME...]; not: WHY IT DOES NOTHING[; linux: ...]

    NAME is a function, macro, type or enumerator of include/, a callback
    of GPIO_CLIENT_REGISTRATION_PACKET (CLIENT_*), or TYPE.member for a
    field (matched in a client by member name after '.' or '->'; setting it
    to 0, NULL or FALSE is not a use). Without partly/not it is supported.
    An annotation continues on the comment's next lines that are indented
    by a tab (or two spaces or more) after the '*'.
"""
import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CC = os.environ.get('WDK_API_CC', 'gcc')

# What the module build gives a client (Makefile, drivers/Kbuild and the
# kernel's own KBUILD_CFLAGS): GNU C11, no system headers, the -Werror
# options Linux always sets. Only the -Wundef warning is read (a WDK macro
# missing in an #if evaluates to 0 silently); -O2 as the kernel, so the
# object's undefined symbols are those a module would have.
KERNEL_CFLAGS = [
    '-std=gnu11', '-nostdinc', '-O2', '-fno-strict-aliasing', '-fno-common',
    '-fno-stack-protector', '-Wundef', '-Werror=strict-prototypes',
    '-Werror=implicit-function-declaration', '-Werror=implicit-int',
    '-Werror=return-type', '-Werror=incompatible-pointer-types',
]
DBGS = ('0', '1')
# gcc emits calls to these for its __builtin_mem*() and structure copies;
# the kernel exports them.
KERNEL_LIBC = {'memset', 'memcpy', 'memmove', 'memcmp'}
STUB_TAG = 'port_check_missing_'
# MSVC's own keywords: gcc (so the module build) has none of them. Each one
# a client uses is reported, and defined away for the next compile (as what
# it means, where that is simple) so that gcc can parse the rest.
MSVC_KEYWORDS = {
    '__declspec': '__declspec(x)', '__forceinline': '__forceinline inline',
    '__int8': '__int8 char', '__int16': '__int16 short', '__int32': '__int32 int',
    '__int64': '__int64 long long', '__ptr32': '__ptr32', '__ptr64': '__ptr64',
    '__unaligned': '__unaligned', '__assume': '__assume(x) ((void)0)',
    '__noop': '__noop(...) ((void)0)', '__debugbreak': '__debugbreak() ((void)0)',
    '__try': '__try if (1)', '__except': '__except(x) else if (0)', '__finally': '__finally',
    '__leave': '__leave',
}
FATAL = ('missing', 'mismatch', 'error')

C_KEYWORDS = set('''auto break case char const continue default do double else enum
extern float for goto if inline int long register restrict return short signed sizeof
static struct switch typedef union unsigned void volatile while _Bool _Static_assert
_Alignof _Alignas _Noreturn _Thread_local _Generic __attribute__ __inline__ __inline
__volatile__ __asm__ asm __typeof__ typeof __restrict __extension__ __signed__
__const__ __alignof__ __label__ __int128 __builtin_va_list'''.split())

TOKEN_RE = re.compile(r'''
    (?P<nl>\n)
  | (?P<ws>(?:[ \t\r\f\v]|\\\n)+)
  | (?P<comment>//(?:[^\n\\]|\\.)*|/\*.*?\*/)
  | (?P<str>[LuU8]*"(?:\\.|[^"\\\n])*"?|[LuU]?'(?:\\.|[^'\\\n])*'?)
  | (?P<id>[A-Za-z_]\w*)
  | (?P<num>\.?\d(?:[eEpP][-+]|[\w.])*)
  | (?P<punct>->|\+\+|--|<<=?|>>=?|[<>=!]=|&&|\|\||\#\#|[-+*/%&|^]=|\.\.\.|.)
''', re.S | re.X)


def lex(text):
    """Yield (line, kind, text, in_directive) for each token of C source."""
    line, bol, directive = 1, True, False
    for m in TOKEN_RE.finditer(text):
        kind, tok = m.lastgroup, m.group()
        if kind == 'nl':
            line, bol, directive = line + 1, True, False
            continue
        if kind in ('ws', 'comment'):
            if kind == 'comment':
                yield line, kind, tok, directive
            line += tok.count('\n')
            continue
        if bol and tok == '#':
            directive = True
        bol = False
        yield line, kind, tok, directive


LINEMARK = re.compile(r'^# (\d+) "((?:\\.|[^"\\])*)"')


def preprocessed(text):
    """Yield (file, line, [tokens]) for the lines of gcc -E output."""
    cur, line = '', 0
    for text_line in text.split('\n'):
        m = LINEMARK.match(text_line)
        if m:
            line, cur = int(m[1]), m[2].encode().decode('unicode_escape')
            continue
        if not text_line.startswith('#'):	# #pragma lines stay in -E output
            toks = [t for _, k, t, _ in lex(text_line) if k != 'comment']
            if toks:
                yield cur, line, toks
        line += 1


def run(cmd, **kw):
    return subprocess.run(cmd, capture_output=True, text=True,
                          env=dict(os.environ, LC_ALL='C'), **kw)


class Diag:
    def __init__(self, d):
        self.kind = d.get('kind', '')
        self.message = d.get('message', '')
        loc = (d.get('locations') or [{}])[0].get('caret', {})
        self.file = loc.get('file', '')
        self.line = loc.get('line', 0)
        self.children = [Diag(c) for c in d.get('children', [])]
        self.notes = [c for c in self.children if c.kind == 'note']

    def key(self):
        return (self.kind, self.file, self.line, self.message)


def diagnostics(stderr):
    """gcc's -fdiagnostics-format=json output (one array on one line), with
    the warnings and errors gcc nests in another's children (those of one
    line) brought up; notes stay children."""
    def flat(d):
        yield d
        for c in d.children:
            if c.kind != 'note':
                yield from flat(c)
    for text_line in stderr.splitlines():
        if text_line.startswith('['):
            return [f for d in json.loads(text_line) for f in flat(Diag(d))]
    return []


def quoted(message):
    return re.findall(r"'([^']*)'", message)


# --- what include/ and shim/ provide ------------------------------------------

class Annotation:
    def __init__(self, names, status, note, linux, where):
        self.names, self.status, self.note, self.linux, self.where = \
            names, status, note, linux, where

    def status_text(self):
        return self.status if self.status == 'supported' else f'{self.status}: {self.note}'


ANN_FIELD = re.compile(r';\s*(?=(?:partly|not|linux)\s*:)')


def parse_annotation(text, where, errors):
    parts = ANN_FIELD.split(text.strip())
    names = [n.strip() for n in parts[0].split(',')]
    status, note, linux = 'supported', '', ''
    for p in parts[1:]:
        key, _, val = p.partition(':')
        key, val = key.strip(), val.strip()
        if not val:
            errors.append(f'{where}: gpioclx-api: empty "{key}:"')
        if key == 'linux':
            linux = val
        else:
            status, note = key, val
    if not all(re.fullmatch(r'\w+(\.\w+)?', n) for n in names):
        errors.append(f'{where}: gpioclx-api: bad name list "{parts[0]}"')
        return None
    return Annotation(names, status, note, linux, where)


def annotations_in(path, rel, errors):
    """The gpioclx-api: annotations in the comments of one file."""
    found = []
    for line, kind, tok, _ in lex(path.read_text()):
        if kind != 'comment' or 'gpioclx-api:' not in tok:
            continue
        body = tok[2:-2] if tok.startswith('/*') else tok[2:]
        cur = None
        for i, raw in enumerate(body.split('\n')):
            s = re.sub(r'^\s*\*(?!/)', '', raw) if i else raw
            cont = cur is not None and re.match(r'(\t| {2,})\S', s)
            s = s.strip()
            if 'gpioclx-api:' in s:
                if cur:
                    found.append(cur)
                cur = [f'{rel}:{line + i}', s.split('gpioclx-api:', 1)[1]]
            elif cont:
                cur[1] += ' ' + s
            elif cur:
                found.append(cur)
                cur = None
        if cur:
            found.append(cur)
    return [a for a in (parse_annotation(t, w, errors) for w, t in found) if a]


class Surface:
    """What include/ declares and shim/ exports, and the annotations."""

    def __init__(self, root):
        self.root = Path(root)
        self.include = self.root / 'include'
        # gpioclx_*.h are the project's own (the ABI test table), not WDK names
        self.headers = sorted(h for h in self.include.glob('*.h')
                              if not h.name.startswith('gpioclx_'))
        self.errors = []
        self.exports = {}
        for c in sorted((self.root / 'shim').glob('*.c')):
            for n, text_line in enumerate(c.read_text().split('\n'), 1):
                m = re.match(r'\s*EXPORT_SYMBOL\w*\(\s*(\w+)', text_line)
                if m:
                    self.exports[m[1]] = f'{c.relative_to(self.root)}:{n}'
        self.annotations = []
        for f in sorted((self.root / 'shim').glob('*.[ch]')) + self.headers:
            self.annotations += annotations_in(f, f.relative_to(self.root), self.errors)
        self._read_macros()
        self._read_declarations()

    def hdr(self, path):
        return Path(path).name

    def _read_macros(self):
        """name -> (header, line, function-like, empty body, internal)."""
        self.macros = {}
        for h in self.headers:
            logical, prev = [], ''
            for n, text_line in enumerate(h.read_text().split('\n'), 1):
                if logical and logical[-1][1].endswith('\\'):
                    logical[-1][1] = logical[-1][1][:-1] + text_line
                else:
                    logical.append([n, text_line])
            for n, text_line in logical:
                m = re.match(r'\s*#\s*define\s+(\w+)(\(?)(.*)', text_line)
                if m and m[1] in self.macros and m[2]:
                    # defined twice (#if DBG): function-like if either is
                    self.macros[m[1]] = self.macros[m[1]][:2] + (True,) + \
                        self.macros[m[1]][3:]
                elif m and m[1] not in self.macros:
                    body = re.sub(r'/\*.*?\*/|//.*', '', m[3]).strip()
                    if m[2]:
                        body = body.partition(')')[2].strip()
                    # an include guard, or the headers' own helpers
                    guard = not body and not m[2] and \
                        re.match(r'\s*#\s*ifndef\s+' + m[1] + r'\s*$', prev)
                    internal = bool(guard) or m[1].startswith('GPIOCLX_') or \
                        re.match(r'[A-Z].*_$', m[1])
                    self.macros[m[1]] = (h.name, n, bool(m[2]), not body, internal)
                if text_line.strip():
                    prev = text_line

    def _read_declarations(self):
        tmp = Path(tempfile.mkdtemp(prefix='wdk-api-'))
        try:
            all_c = tmp / 'all.c'
            # with the helpers a WDK header declares only on request
            all_c.write_text('#define RESHUB_USE_HELPER_ROUTINES\n' +
                             ''.join(f'#include <{h.name}>\n' for h in self.headers))
            base = [CC, '-std=gnu11', '-nostdinc', '-I', str(self.include)]
            r = run(base + ['-fsyntax-only', '-aux-info', str(tmp / 'aux'), str(all_c)])
            if r.returncode:
                raise SystemExit(f'wdk-api: include/ does not compile:\n{r.stderr}')
            # functions: name -> (header, line, defined inline)
            self.functions = {}
            for text_line in (tmp / 'aux').read_text().split('\n'):
                m = re.match(r'/\* (\S+):(\d+):N([CF]) \*/ (.*?);', text_line)
                if not m or Path(m[1]).parent.resolve() != self.include.resolve():
                    continue
                decl = m[4].split('(')[0] if '(' in m[4] else m[4]
                name = re.findall(r'\w+', decl)[-1]
                self.functions.setdefault(name, (self.hdr(m[1]), int(m[2]), m[3] == 'F'))
            # every identifier of the headers, where it first appears
            r = run(base + ['-E', str(all_c)])
            first = {}
            for f, n, toks in preprocessed(r.stdout):
                if Path(f).parent.resolve() != self.include.resolve():
                    continue
                for t in toks:
                    if re.match(r'[A-Za-z_]', t) and t not in C_KEYWORDS and \
                            not t.startswith('__builtin'):
                        first.setdefault(t, (self.hdr(f), n))
            cands = [t for t in first if t not in self.functions]
            members = sorted({n for a in self.annotations for n in a.names if '.' in n})
            cb_cands = sorted(t for t in first if re.match(r'CLIENT_[A-Z][a-z]', t))
            probe = ['#line 1 "probe.c"']
            kinds = []
            for i, t in enumerate(cands):
                probe.append(f'typedef {t} wdk_api_t{i};')
                kinds.append(('type', t))
            for i, t in enumerate(cands):
                probe.append(f'enum {{ wdk_api_e{i} = ({t}) }};')
                kinds.append(('enumerator', t))
            for i, t in enumerate(cb_cands):
                probe.append(f'void wdk_api_c{i}(GPIO_CLIENT_REGISTRATION_PACKET *p)'
                             f' {{ (void)p->{t}; }}')
                kinds.append(('callback', t))
            for i, t in enumerate(members):
                ty, mem = t.split('.')
                probe.append(f'void wdk_api_m{i}({ty} *p) {{ (void)p->{mem}; }}')
                kinds.append(('member', t))
            (tmp / 'probe.c').write_text(all_c.read_text() + '\n'.join(probe) + '\n')
            r = run(base + ['-fsyntax-only', '-fdiagnostics-format=json', '-w',
                            str(tmp / 'probe.c')])
            bad = {d.line for d in diagnostics(r.stderr)
                   if d.kind == 'error' and d.file == 'probe.c'}
            ok = {k: set() for k in ('type', 'enumerator', 'callback', 'member')}
            for i, (k, t) in enumerate(kinds, 1):
                if i not in bad:
                    ok[k].add(t)
            self.types = {t: first[t] for t in cands if t in ok['type']}
            self.enumerators = {t: first[t] for t in cands if t in ok['enumerator']}
            self.callbacks = [t for t in sorted(cb_cands, key=lambda t: first[t])
                              if t in ok['callback']]
            self.members = ok['member']
        finally:
            shutil.rmtree(tmp)

    def validate(self):
        """Check the annotations against the code: (name -> Annotation,
        number of checks passed, failures). Every annotated name exists in
        include/, once; every WDK function the shim exports and every
        registration-packet callback is annotated with its Linux primitive;
        nothing is annotated as provided that the shim does not export."""
        index, passed, failed = {}, 0, list(self.errors)
        known = set(self.functions) | set(self.macros) | set(self.types) | \
            set(self.enumerators) | set(self.callbacks) | self.members
        for a in self.annotations:
            for n in a.names:
                if n in index:
                    failed.append(f'{a.where}: {n} is annotated twice '
                                  f'(also at {index[n].where})')
                elif n not in known:
                    failed.append(f'{a.where}: {n}: no such name in include/')
                elif a.status not in ('supported', 'partly', 'not'):
                    failed.append(f'{a.where}: {n}: "{a.status}" is not partly or not')
                else:
                    index[n] = a
                    passed += 1
        for name, where in sorted(self.exports.items()):
            if name.startswith('gpioclx_'):
                continue	# the Linux glue's own API, not a WDK name
            a = index.get(name)
            if name not in self.functions:
                failed.append(f'{where}: {name} is exported but include/ does not '
                              f'declare it')
            elif not a or not a.linux:
                failed.append(f'{where}: {name} is exported without a '
                              f'"gpioclx-api: {name}; linux: ..." annotation')
            else:
                passed += 1
        for name, (_, _, inline) in sorted(self.functions.items()):
            a = index.get(name)
            if not inline and name not in self.exports and a and a.status != 'not':
                failed.append(f'{a.where}: {name} is annotated as provided, but shim/ '
                              f'does not export it')
        for name in self.callbacks:
            a = index.get(name)
            if not a or not (a.linux or a.status == 'not'):
                failed.append(f'include/gpioclx.h: callback {name} has no '
                              f'"gpioclx-api: {name}; linux: ..." annotation in shim/')
            else:
                passed += 1
        return index, passed, failed

    def not_provided(self):
        """Functions include/ declares that the shim does not export."""
        return {n: h for n, (h, _, inline) in self.functions.items()
                if not inline and n not in self.exports}


# --- port-check -------------------------------------------------------------

class Finding:
    def __init__(self, sev, file, line, name, detail):
        self.sev, self.file, self.line, self.name, self.detail = sev, file, line, name, detail

    def key(self):
        return (self.file, self.line, self.sev, self.name)


def display(path):
    """A path as the user would write it: relative below the current
    directory, absolute elsewhere."""
    rel = os.path.relpath(path)
    return str(path) if rel.startswith('..') else rel


RE_IMPLICIT = re.compile(r"implicit declaration of function '(\w+)'")
RE_UNDECLARED = re.compile(r"'(\w+)' undeclared")
RE_UNKNOWN_TYPE = re.compile(r"unknown type name '(\w+)'")
RE_DEFAULT_INT = re.compile(r"type defaults to 'int' in declaration of '(\w+)'")
RE_NO_HEADER = re.compile(r'^(\S+): No such file or directory')
RE_NO_MEMBER = re.compile(r"^'([^']+)'.* has no member named '(\w+)'")
RE_ARGS = re.compile(r"^(too many|too few) arguments to function '(\w+)'")
RE_ARG_TYPE = re.compile(r"argument (\d+) of '(\w+)'")
RE_INCOMPLETE = re.compile(r"(?:invalid use of undefined type|dereferencing pointer "
                           r"to incomplete type) '([^']+)'")
RE_UNDEF = re.compile(r'^"(\w+)" is not defined, evaluates to 0')


def type_name(surface, text):
    """The typedef name of a type as gcc quotes it, None if anonymous."""
    if '<anonymous>' in text:
        return None
    text = re.sub(r'^(struct|union|enum) ', '', text)
    return text[1:] if text.startswith('_') and text[1:] in surface.types else text


def zero_assignment(toks, i):
    """toks[i] is followed by '= 0' (or NULL, FALSE after -E) up to ; , or }."""
    if i + 1 >= len(toks) or toks[i + 1] != '=':
        return False
    rest = []
    for t in toks[i + 2:]:
        if t in (';', ',', '}'):
            break
        rest.append(t)
    return [t for t in rest if t not in ('(', ')', 'void', '*')] in (['0'], ['0x0'], ['0U'])


class ClientTokens:
    """The tokens of a client's own files (not include/, not the stubs)."""

    def __init__(self, surface, stubs):
        self.skip = [str(surface.include.resolve()), str(stubs.resolve())]
        self.at = {}		# name -> {(file, line)}
        self.lines = {}		# (file, line) -> set of names
        self.stream = []	# [(file, line, token)] in order

    def source(self):
        """The same files' own tokens, before preprocessing (no #include)."""
        out = []
        for f in sorted({f for f, _, _ in self.stream}):
            try:
                text = Path(f).read_text()
            except OSError:
                continue
            include = set()
            for n, k, t, directive in lex(text):
                if directive and t == 'include':
                    include.add(n)
                if k in ('id', 'num', 'punct') and n not in include:
                    out.append((f, n, t))
        return out

    def add(self, cpp_output):
        for f, n, toks in preprocessed(cpp_output):
            if not f or f.startswith('<') or \
                    any(os.path.realpath(f).startswith(s) for s in self.skip):
                continue
            for t in toks:
                self.at.setdefault(t, set()).add((f, n))
                self.lines.setdefault((f, n), set()).add(t)
                self.stream.append((f, n, t))


class PortCheck:
    """port-check of a set of client files; self.findings, self.consequences."""

    def __init__(self, surface, extra):
        self.surface, self.extra = surface, extra
        self.index = surface.validate()[0]
        self.findings, self.consequences = {}, []
        self.missing = {}		# name -> detail, over all files
        self.objects = {d: [] for d in DBGS}	# [(path, object, ClientTokens)]
        self.links = True		# every file compiled
        self.tmp = Path(tempfile.mkdtemp(prefix='port-check-'))

    def add(self, sev, file, line, name, detail):
        f = Finding(sev, display(file), line, name, detail)
        self.findings.setdefault(f.key(), f)

    def run(self, files):
        try:
            for idx, path in enumerate(files):
                self.check_file(idx, Path(path).resolve())
            self.check_link()
        finally:
            shutil.rmtree(self.tmp)
        return sorted(self.findings.values(), key=lambda f: (f.file, f.line, f.sev, f.name))

    def compile(self, idx, path, dbg, stubs):
        """(diagnostics, object or None, gcc -E output) of one build."""
        obj = self.tmp / f'{idx}-{path.stem}-dbg{dbg}.o'
        cmd = [CC] + KERNEL_CFLAGS + [f'-DDBG={dbg}', '-I', str(self.surface.include),
                                      '-I', str(stubs / 'include')] + self.extra + \
            ['-include', str(stubs / 'types.h')]
        r = run(cmd + ['-fdiagnostics-format=json', '-c', str(path), '-o', str(obj)])
        e = run(cmd + ['-E', str(path)])
        return diagnostics(r.stderr), (obj if r.returncode == 0 else None), e.stdout

    def compile_stubbed(self, idx, path):
        """Both builds of @path, each missing header, type and MSVC keyword
        stubbed (an empty file; a pointer to an undefined struct; a macro)
        and the file compiled again: gcc skips a function whose parameter
        type it does not know, hiding what its body uses. Returns the last
        builds, what was stubbed, and the client's tokens."""
        stubs = self.tmp / f'stubs{idx}'
        (stubs / 'include').mkdir(parents=True)
        headers, types, msvc = {}, {}, {}
        for _ in range(10):
            for h in headers:
                (stubs / 'include' / h).parent.mkdir(parents=True, exist_ok=True)
                (stubs / 'include' / h).touch()
            (stubs / 'types.h').write_text(''.join(
                f'typedef struct {STUB_TAG}{t} *{t};\n' for t in types) + ''.join(
                f'#define {MSVC_KEYWORDS[k]}\n' for k in msvc))
            results = [self.compile(idx, path, d, stubs) for d in DBGS]
            tokens = ClientTokens(self.surface, stubs)
            for _, _, cpp in results:
                tokens.add(cpp)
            new = False
            for k in MSVC_KEYWORDS:
                if k in tokens.at and k not in msvc:
                    msvc[k], new = sorted(tokens.at[k]), True
            for diags, _, _ in results:
                for d in diags:
                    m = RE_NO_HEADER.match(d.message)
                    if d.kind == 'fatal error' and m and m[1] not in headers:
                        headers[m[1]], new = d, True
                    m = RE_UNKNOWN_TYPE.search(d.message)
                    if d.kind == 'error' and m and m[1] not in types:
                        types[m[1]], new = d, True
            if not new:
                break
        return results, headers, types, msvc, tokens

    def check_file(self, idx, path):
        if path.suffix in ('.cpp', '.cc', '.cxx'):
            self.add('error', path, 0, path.name, 'C++: a Linux module is built from C only')
            self.links = False
            return
        results, headers, types, msvc, tokens = self.compile_stubbed(idx, path)
        for d, (_, obj, _) in zip(DBGS, results):
            if obj:
                self.objects[d].append((path, obj, tokens))
            else:
                self.links = False

        missing = {}	# name -> (detail, [diagnostics])
        for h, d in headers.items():
            self.add('missing', d.file, d.line, h, 'header: not in include/ (one of the '
                     "client's own? give its directory with -I)")
        for t, d in types.items():
            if t in tokens.at:	# else it was inside an MSVC keyword's parentheses
                missing[t] = ('type: include/ does not declare it', [d])
        seen, others = set(), []
        for diags, _, _ in results:
            for d in diags:
                if d.key() not in seen:
                    seen.add(d.key())
                    self.triage(d, missing, others)
        not_provided = self.surface.not_provided()
        for name, h in not_provided.items():
            if name in tokens.at:
                missing.setdefault(name, (f'declared in include/{h}, but the shim does '
                                          'not export it', []))
        self.drop_macro_arguments(missing, tokens)

        missing_lines = set()
        for name, where in msvc.items():
            for f, n in where:
                self.add('missing', f, n, name, 'MSVC keyword: gcc and the kernel build '
                         'have no such thing')
                missing_lines.add((f, n))
        for name, (what, diags) in missing.items():
            where = sorted(tokens.at.get(name, ())) or [(d.file, d.line) for d in diags[:1]]
            for f, n in where:
                self.add('missing', f, n, name, what)
                missing_lines.add((f, n))
            self.missing[name] = what
        near = set()
        for loc in missing_lines:
            near |= tokens.lines.get(loc, set())
        for d in others:
            self.other_error(d, missing_lines, near)
        self.scan_annotations(tokens)

    def triage(self, d, missing, others):
        """Sort one diagnostic: a missing name, an undefined macro, or other."""
        msg = d.message
        if d.kind == 'warning':
            m = RE_UNDEF.match(msg)
            if m:
                self.add('undefined', d.file, d.line, m[1], 'macro not defined: #if takes it as 0')
            return
        if d.kind not in ('error', 'fatal error') or RE_NO_HEADER.match(msg) or \
                RE_UNKNOWN_TYPE.search(msg):
            return
        for rx, what in ((RE_IMPLICIT, 'function: include/ does not declare it'),
                         (RE_UNDECLARED, 'identifier: include/ does not declare it'),
                         (RE_DEFAULT_INT, 'used as a declaration (a WDK macro?): include/ '
                          'does not define it')):
            m = rx.search(msg)
            if m:
                missing.setdefault(m[1], (what, []))[1].append(d)
                return
        others.append(d)

    @staticmethod
    def drop_macro_arguments(missing, tokens):
        """The arguments of a missing macro used as a declaration are that
        macro's business (WDF_DECLARE_CONTEXT_TYPE(T, GetT) makes GetT)."""
        stream = [t for _, _, t in tokens.stream]
        args = set()
        for i, t in enumerate(stream):
            if t in missing and missing[t][0].startswith('used as a declaration') and \
                    stream[i + 1:i + 2] == ['(']:
                depth = 0
                for j in range(i + 1, len(stream)):
                    depth += {'(': 1, ')': -1}.get(stream[j], 0)
                    if depth == 0:
                        break
                    args.add(j)
        for name in list(missing):
            at = [i for i, t in enumerate(stream) if t == name]
            if at and all(i in args for i in at):
                del missing[name]

    def other_error(self, d, missing_lines, near):
        """An error that is not a missing name: a consequence of one (on its
        line, or about a name declared next to one, or a stub), a mismatch
        with include/, or an error of the client's own."""
        msg = d.message
        locs = [(d.file, d.line)] + [(c.file, c.line) for c in d.notes]
        # (gcc drops a return statement it could not compile)
        if STUB_TAG in msg or any(loc in missing_lines for loc in locs) or \
                any(q in near and q not in C_KEYWORDS for q in quoted(msg)) or \
                (missing_lines and msg == 'control reaches end of non-void function'):
            self.consequences.append(d)
            return
        m = RE_NO_MEMBER.match(msg)
        if m:
            ty = type_name(self.surface, m[1])
            self.add('mismatch', d.file, d.line, f'{ty}.{m[2]}' if ty else m[2],
                     f"include/'s {ty or m[1]} has no member {m[2]}")
            return
        m = RE_ARGS.match(msg) or RE_ARG_TYPE.search(msg)
        if m and m[2] in self.surface.functions:
            self.add('mismatch', d.file, d.line, m[2],
                     f'{msg} (as include/{self.surface.functions[m[2]][0]} declares it)')
            return
        m = RE_INCOMPLETE.search(msg)
        if m:
            self.add('mismatch', d.file, d.line, type_name(self.surface, m[1]) or m[1],
                     'opaque in include/: the shim has its own object behind it')
            return
        self.add('error', d.file, d.line, '-', msg)

    def scan_annotations(self, tokens):
        """Uses of what is partly provided, or declared but doing nothing:
        macros are looked for in the source (gcc -E has expanded them), the
        rest in what gcc compiled; a field set to 0 or NULL is not a use."""
        plain, by_member = {}, {}
        for n, a in self.index.items():
            if a.status == 'supported':
                continue
            if '.' in n:
                by_member.setdefault(n.split('.')[1], []).append((n, a))
            else:
                plain[n] = a
        for src, macros in ((tokens.stream, False), (tokens.source(), True)):
            stream = [t for _, _, t in src]
            for i, (f, n, t) in enumerate(src):
                hits = [(t, plain[t])] if t in plain and \
                    (t in self.surface.macros) == macros else []
                if not macros and i > 0 and stream[i - 1] in ('.', '->'):
                    hits += by_member.get(t, [])
                if not hits or zero_assignment(stream, i):
                    continue
                done = set()
                for name, a in hits:
                    if id(a) not in done:
                        done.add(id(a))
                        self.add('partly' if a.status == 'partly' else 'ignored', f, n,
                                 name, a.note)

    def check_link(self):
        """Every undefined symbol of the objects is exported by the shim,
        defined by another of the files, or one the kernel provides."""
        for d in DBGS:
            if not self.links:
                return
            defined, undefined = set(), []
            for path, obj, tokens in self.objects[d]:
                for text_line in run(['nm', '-P', '-g', str(obj)]).stdout.split('\n'):
                    parts = text_line.split()
                    if len(parts) >= 2 and parts[1] == 'U':
                        undefined.append((parts[0], path, tokens))
                    elif len(parts) >= 2:
                        defined.add(parts[0])
            for sym, path, tokens in undefined:
                if sym in defined or sym in self.surface.exports or sym in KERNEL_LIBC or \
                        sym in self.missing:
                    continue
                for f, n in sorted(tokens.at.get(sym, ())) or [(str(path), 0)]:
                    self.add('missing', f, n, sym, 'undefined symbol: not defined by these '
                             'files and not exported by the shim')


def cmd_port_check(args):
    surface = Surface(args.root)
    extra = [f'-I{i}' for i in args.I] + [f'-D{d}' for d in args.D]
    missing_files = [f for f in args.files if not Path(f).is_file()]
    if missing_files:
        print(f'port-check: no such file: {" ".join(missing_files)}', file=sys.stderr)
        return 2
    check = PortCheck(surface, extra)
    findings, consequences = check.run(args.files), check.consequences
    for f in findings:
        if args.tsv:
            print(f'{f.sev}\t{f.file}\t{f.line}\t{f.name}')
        else:
            print(f'{f.file}:{f.line}: {f.sev}: {f.name}: {f.detail}')
    if args.verbose:
        for d in consequences:
            print(f'{display(d.file)}:{d.line}: (follows) {d.message}')
    fatal = [f for f in findings if f.sev in FATAL]
    soft = [f for f in findings if f.sev not in FATAL]
    counts = []
    for sev in FATAL + ('partly', 'ignored', 'undefined'):
        # a name once, however many lines use it; an error each time
        these = {f.key() if sev == 'error' else f.name for f in findings if f.sev == sev}
        counts.append(f'{len(these)} {sev}')
    verdict = 'will not build or link' if fatal else 'builds and links'
    summary = f'port-check: {len(args.files)} file(s): {", ".join(counts)}: {verdict}'
    if consequences:
        summary += (f' ({len(consequences)} more compiler errors follow from the '
                    f'missing names: --verbose)')
    print(summary, file=sys.stderr if args.tsv else sys.stdout)
    return 1 if fatal or (args.strict and soft) else 0


# --- the table --------------------------------------------------------------

def md(text):
    return text.replace('|', '\\|')


def render_table(surface, index):
    order = {h.name: i for i, h in enumerate(surface.headers)}
    sections = {k: [] for k in ('functions', 'callbacks', 'members', 'types',
                                'constants', 'sal')}

    def row(section, name, header, line, status, linux):
        sections[section].append([[name], header, line, status, linux])


    def from_ann(name, default_linux):
        a = index.get(name)
        if a:
            return a.status_text(), a.linux
        return 'supported', default_linux

    not_provided = surface.not_provided()
    for name, (h, line, inline) in surface.functions.items():
        if name in not_provided:
            a = index.get(name)
            st = a.status_text() if a and a.status == 'not' else \
                'not: declared, but the shim does not export it'
            row('functions', name, h, line, st, a.linux if a else '')
        else:
            row('functions', name, h, line, *from_ann(name, 'header only' if inline else ''))
    for name, (h, line, funclike, empty, internal) in surface.macros.items():
        if internal:
            continue
        default = 'expands to nothing' if empty else 'header only'
        section = 'sal' if h == 'sal.h' else 'functions' if funclike else 'constants'
        row(section, name, h, line, *from_ann(name, default))
    for i, name in enumerate(surface.callbacks):
        row('callbacks', name, 'gpioclx.h', i, *from_ann(name, ''))
    for name in sorted(surface.members):
        a = index[name]
        h, line = surface.types.get(name.split('.')[0], ('', 0))
        row('members', name, h, line, a.status_text(), a.linux)
    for name, (h, line) in surface.enumerators.items():
        row('constants', name, h, line, *from_ann(name, 'header only'))
    # a type and its pointer types are one row
    family = {}
    for name, (h, line) in surface.types.items():
        base = name
        for pre in ('PC', 'P', 'PFN_'):
            cand = name[len(pre):]
            if name.startswith(pre) and surface.types.get(cand, ('',))[0] == h:
                base = cand
            if pre == 'PFN_' and name.startswith(pre) and \
                    surface.types.get('EVT_' + cand, ('',))[0] == h:
                base = 'EVT_' + cand
        family.setdefault(base, []).append(name)
    for base, names in family.items():
        h, line = surface.types[base]
        st, linux = from_ann(base, 'header only')
        for n in names:
            if n in index:
                st, linux = from_ann(n, 'header only')
        sections['types'].append([sorted(names, key=lambda n: (n != base, n)), h, line,
                                  st, linux, base])

    out = [
        '# The WDK surface of gpioclx-linux',
        '',
        'Generated by `make api-table` (`tools/wdk-api.py table`) from the code: what',
        '`include/` declares as gcc reads it, the symbols `shim/` exports, and the',
        '`gpioclx-api:` annotations next to their implementations in `shim/` and `include/`.',
        'Do not edit it: `make check` fails when it differs from what `make api-table` writes.',
        '',
        '- **supported**: provided; *Linux* names what implements it ("header only": the',
        '  header alone, nothing in `gpioclx.ko`);',
        '- **partly**: provided, except for what the status says;',
        '- **not**: declared so that sources compile, but it does nothing on Linux.',
        '',
        'A name not listed here is not provided. `make port-check CLIENT="a.c b.c"` lists, by',
        'file and line, every one a client uses, and every partly provided one.',
    ]
    titles = {
        'functions': ('Functions and function-like macros a client calls', 'name'),
        'callbacks': ('Client callbacks the shim calls (`GPIO_CLIENT_REGISTRATION_PACKET`)',
                      'callback'),
        'members': ('Fields and flags with their own status', 'field'),
        'types': ('Types', 'type'),
        'constants': ('Constants (macros and enumerators)', 'name'),
        'sal': ('Source annotations (SAL)', 'annotation'),
    }
    for key, rows in sections.items():
        merged = {}
        for names, h, line, st, linux, *base in rows:
            # one row per type, callback and field; the rest by header and status
            k = (names[0],) if key in ('callbacks', 'members', 'types') else (h, st, linux)
            if k in merged:
                merged[k][0] += names
                merged[k][2] = min(merged[k][2], line)
            else:
                merged[k] = [list(names), h, line, st, linux]
        title, col = titles[key]
        out += ['', f'## {title}', '', f'| {col} | header | status | Linux |',
                '|---|---|---|---|']
        for names, h, line, st, linux in sorted(
                merged.values(), key=lambda r: (order.get(r[1], 99), r[2], r[0][0])):
            st = st if st == 'supported' else re.sub(r'^(\w+):', r'**\1**:', st)
            out.append(f'| {", ".join(f"`{n}`" for n in names)} | {h} | {md(st)} | '
                       f'{md(linux)} |')
    return '\n'.join(out) + '\n'


def cmd_table(args):
    surface = Surface(args.root)
    index, passed, failed = surface.validate()
    text = render_table(surface, index)
    if args.check:
        path = Path(args.check)
        if path.is_file() and path.read_text() == text:
            passed += 1
        else:
            failed.append(f'{display(path)} is stale: run "make api-table" and commit it')
    for f in failed:
        print(f'FAIL {f}')
    if args.check:
        print(f'api-table: {passed} passed, {len(failed)} failed')
    elif failed:
        print('api-table: not written', file=sys.stderr)
    elif args.output:
        Path(args.output).write_text(text)
    else:
        sys.stdout.write(text)
    return 1 if failed else 0


# --- self-test --------------------------------------------------------------

TESTS = ROOT / 'tools' / 'tests' / 'port-check'


def expected_findings(path):
    """The "port-check: SEV NAME[, SEV NAME]" markers in a test client's comments."""
    want = set()
    for line, kind, tok, _ in lex(path.read_text()):
        m = kind == 'comment' and re.fullmatch(r'/\* port-check: (.*) \*/', tok)
        if m:
            for item in m[1].split(','):
                sev, name = item.split()
                want.add((sev, display(path), line, name))
    return want


def cmd_self_test(args):
    me = [sys.executable, str(Path(__file__).resolve())]
    results = []

    def check(what, ok, detail=''):
        results.append(ok)
        print(f'{"ok" if ok else "FAIL"} {what}{"" if ok or not detail else ": " + detail}')

    def port_check(files, root=ROOT, *opts):
        r = run(me + ['--root', str(root), 'port-check', '--tsv'] + list(opts) +
                [str(f) for f in files])
        got = set()
        for text_line in r.stdout.splitlines():
            sev, f, n, name = text_line.split('\t')
            got.add((sev, f, int(n), name))
        return r.returncode, got, r.stderr

    def against_markers(title, files, want_rc, root=ROOT, *opts):
        rc, got, err = port_check(files, root, *opts)
        want = set().union(*(expected_findings(f) for f in files))
        for w in sorted(want, key=lambda w: w[2]):
            check(f'{title}: {w[1]}:{w[2]}: {w[0]} {w[3]}', w in got)
        extra = sorted(got - want, key=lambda g: g[2])
        check(f'{title}: nothing else reported', not extra,
              '; '.join(f'{g[1]}:{g[2]}: {g[0]} {g[3]}' for g in extra))
        check(f'{title}: exit status {want_rc}', rc == want_rc, f'{rc}: {err.strip()}')

    against_markers('bad client', [TESTS / 'bad_client.c'], 1)
    against_markers('partly client', [TESTS / 'partly_client.c'], 0)
    rc, _, _ = port_check([TESTS / 'partly_client.c'], ROOT, '--strict')
    check('partly client --strict: exit status 1', rc == 1, str(rc))
    against_markers('link client', [TESTS / 'link_client.c'], 1)
    against_markers('unload client', [TESTS / 'unload_client.c'], 0)

    for title, files in (('sim client', ['drivers/sim/simgpio.c',
                                         'drivers/sim/simgpio_model.c']),
                         ('pl061 client', ['drivers/pl061/pl061_gpio.c'])):
        rc, got, err = port_check([ROOT / f for f in files])
        fatal = sorted(g for g in got if g[0] in FATAL)
        check(f'{title}: nothing missing', not fatal,
              '; '.join(f'{g[1]}:{g[2]}: {g[0]} {g[3]}' for g in fatal))
        check(f'{title}: exit status 0', rc == 0, f'{rc}: {err.strip()}')

    # Copies of the tree with a broken shim: what the tool must notice.
    tmp = Path(tempfile.mkdtemp(prefix='wdk-api-test-'))

    def tree(name, edit):
        t = tmp / name
        for d in ('include', 'shim'):
            shutil.copytree(ROOT / d, t / d)
        edit(t)
        return t

    def drop_line(path, pattern):
        lines = path.read_text().split('\n')
        kept = [text_line for text_line in lines if pattern not in text_line]
        if len(kept) != len(lines) - 1:
            raise ValueError(f'{path.name}: no single line with "{pattern}" to drop')
        path.write_text('\n'.join(kept))

    def table(root, *opts):
        return run(me + ['--root', str(root), 'table'] + list(opts))

    def unexported():
        # the function is still declared, so a client compiles, but does not link
        t = tree('unexported', lambda t: drop_line(
            t / 'shim/gpioclx_mmio.c', 'EXPORT_SYMBOL_NS_GPL(MmUnmapIoSpace,'))
        against_markers('MmUnmapIoSpace not exported', [TESTS / 'unmap_client.c'], 1, t)
        r = table(t)
        check('MmUnmapIoSpace not exported: the table refuses its annotation',
              r.returncode == 1 and 'MmUnmapIoSpace is annotated as provided' in r.stdout,
              r.stdout + r.stderr)

    def unannotated():
        r = table(tree('unannotated', lambda t: drop_line(
            t / 'shim/gpioclx_driver.c', 'gpioclx-api: WdfDeviceCreate;')))
        check('unannotated WdfDeviceCreate: the table fails naming it',
              r.returncode == 1 and 'WdfDeviceCreate is exported without' in r.stdout,
              r.stdout + r.stderr)

    def unknown_name():
        def bogus(t):
            p = t / 'shim/gpioclx_main.c'
            p.write_text(p.read_text() + '/* gpioclx-api: WdfNoSuchThing; linux: x */\n')
        r = table(tree('bogus', bogus))
        check('annotation of an unknown name: the table fails naming it',
              r.returncode == 1 and 'WdfNoSuchThing: no such name' in r.stdout,
              r.stdout + r.stderr)

    def stale():
        # a table just written passes the check; a reworded annotation makes it stale
        t = tree('reworded', lambda t: None)
        written = tmp / 'wdk-api.md'
        r = table(t, '-o', str(written))
        r = r if r.returncode else table(t, '--check', str(written))
        check('a table just written: the check passes', r.returncode == 0,
              r.stdout + r.stderr)
        p = t / 'shim/gpioclx_mmio.c'
        text = p.read_text()
        if 'linux: iounmap()' not in text:
            raise ValueError('gpioclx_mmio.c: no "linux: iounmap()" to reword')
        p.write_text(text.replace('linux: iounmap()', 'linux: iounmap() (reworded)'))
        r = table(t, '--check', str(written))
        check('reworded annotation: that table is stale',
              r.returncode == 1 and 'is stale' in r.stdout, r.stdout + r.stderr)

    try:
        for scenario in (unexported, unannotated, unknown_name, stale):
            try:
                scenario()
            except (OSError, ValueError) as e:
                check(f'{scenario.__name__}: setting up the broken tree', False, str(e))
    finally:
        shutil.rmtree(tmp)

    print(f'port-check: {results.count(True)} passed, {results.count(False)} failed')
    return 0 if all(results) else 1


PORT_CHECK_HELP = """\
Compile a GpioClx client's sources against include/ as the module build
would, and list by file:line each name they use that is
  missing     not in include/, a function the shim does not export, or an
              MSVC keyword: the module would not build or link
  mismatch    there, but used otherwise (arguments, a field, an opaque type)
  error       another compiler error
  partly      provided, except for what the line says
  ignored     accepted, but it does nothing on Linux
  undefined   a macro an #if takes as 0
Exit status 0: it builds and links (with --strict: and nothing is partly
provided, ignored or undefined); 1: it does not; 2: usage."""


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--root', default=str(ROOT), help=argparse.SUPPRESS)
    sub = ap.add_subparsers(dest='cmd', required=True)
    p = sub.add_parser('port-check', help='what of the WDK a client uses is missing',
                       formatter_class=argparse.RawDescriptionHelpFormatter,
                       description=PORT_CHECK_HELP)
    p.add_argument('-I', action='append', default=[], metavar='DIR',
                   help="a directory of the client's own headers")
    p.add_argument('-D', action='append', default=[], metavar='NAME[=VALUE]',
                   help='a macro the client is built with')
    p.add_argument('--strict', action='store_true', help='partly provided names fail too')
    p.add_argument('--tsv', action='store_true', help='severity, file, line, name per line')
    p.add_argument('-v', '--verbose', action='store_true',
                   help='also the compiler errors that follow from missing names')
    p.add_argument('files', nargs='+', metavar='FILE.c', help="the client's OS-neutral sources")
    p = sub.add_parser('table', help='the Markdown table of the WDK surface')
    p.add_argument('-o', '--output')
    p.add_argument('--check', metavar='FILE')
    sub.add_parser('self-test')
    args = ap.parse_args()
    for tool in (CC, 'nm'):
        if not shutil.which(tool):
            sys.exit(f'wdk-api: {tool} not found (Debian: apt-get install build-essential)')
    return {'port-check': cmd_port_check, 'table': cmd_table,
            'self-test': cmd_self_test}[args.cmd](args)


if __name__ == '__main__':
    sys.exit(main())
