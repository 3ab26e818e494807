#!/usr/bin/env bash
# trunk post_build hook (Trunk.toml). Edits the staging dir, which trunk then
# moves to dist/ (editing dist/ itself would be overwritten):
#   1. the Content-Security-Policy meta of index.html gets the sha256 of each
#      inline <script> trunk wrote (its module loader), so no inline script
#      runs unless it is exactly that one; the build fails if the policy has
#      no placeholder or a script cannot be hashed;
#   2. worker.js gets the hashed names of the app's JS glue and wasm, which
#      the Web Worker loads too (one wasm for page and worker);
#   3. the JS glue and worker.js are minified (esbuild);
#   4. sw.js gets the list of built files and a version (a hash of their
#      contents), so every deploy gets a fresh offline cache.
set -euo pipefail
: "${TRUNK_STAGING_DIR:?run by trunk as a post_build hook}"

python3 - "$TRUNK_STAGING_DIR" <<'PY'
import base64, hashlib, os, re, sys

staging = sys.argv[1]
index_path = os.path.join(staging, "index.html")
html = open(index_path, encoding="utf-8").read()

placeholder = "__INLINE_SCRIPT_HASHES__"
if placeholder not in html:
    sys.exit("post-build: the CSP meta in index.html has no __INLINE_SCRIPT_HASHES__ placeholder")
hashes = []
for match in re.finditer(r"<script\b([^>]*)>(.*?)</script>", html, re.S):
    attrs, body = match.group(1), match.group(2)
    if re.search(r"\bsrc\s*=", attrs):
        continue
    digest = base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode()
    hashes.append(f"'sha256-{digest}'")
if not hashes:
    sys.exit("post-build: found no inline script to hash; trunk's loader changed?")
html = html.replace(placeholder, " ".join(hashes))
open(index_path, "w", encoding="utf-8").write(html)

names = os.listdir(staging)
app_js = [n for n in names if re.fullmatch(r"app-[0-9a-f]+\.js", n)]
app_wasm = [n for n in names if re.fullmatch(r"app-[0-9a-f]+_bg\.wasm", n)]
if len(app_js) != 1 or len(app_wasm) != 1:
    sys.exit(f"post-build: expected one app JS and one app wasm, found {app_js} {app_wasm}")
worker_path = os.path.join(staging, "worker.js")
worker = open(worker_path, encoding="utf-8").read()
for marker in ("__NUTSHELL_APP_JS__", "__NUTSHELL_APP_WASM__"):
    if marker not in worker:
        sys.exit(f"post-build: worker.js has no {marker} marker")
worker = worker.replace("__NUTSHELL_APP_JS__", app_js[0]).replace("__NUTSHELL_APP_WASM__", app_wasm[0])
open(worker_path, "w", encoding="utf-8").write(worker)

# trunk leaves wasm-bindgen's JS glue unminified (45 KB); esbuild (npm, package.json) minifies it
# and the worker to a third of that, 1.9 KB less gzipped (measured at f3cb5fd: 8,153 -> 6,237).
# No bundling and no renaming of exports: the files keep their module interfaces. The glue's
# subresource-integrity hash in index.html is recomputed to match.
import shutil, subprocess
esbuild = shutil.which("esbuild") or os.path.abspath("node_modules/.bin/esbuild")
for name in (app_js[0], "worker.js"):
    path = os.path.join(staging, name)
    subprocess.run([esbuild, path, "--minify", "--log-level=warning", "--allow-overwrite", "--outfile=" + path], check=True)
glue = open(os.path.join(staging, app_js[0]), "rb").read()
sri = "sha384-" + base64.b64encode(hashlib.sha384(glue).digest()).decode()
html, count = re.subn(r"(<link\b[^>]*\bhref=\"?\./" + re.escape(app_js[0]) + r"\"?[^>]*\bintegrity=\"?)sha384-[A-Za-z0-9+/=]+", lambda m: m.group(1) + sri, html)
if count != 1:
    sys.exit(f"post-build: expected one integrity hash for {app_js[0]} in index.html, found {count}")
open(index_path, "w", encoding="utf-8").write(html)

files = []
for root, _dirs, names in os.walk(staging):
    for name in names:
        path = os.path.join(root, name)
        rel = os.path.relpath(path, staging).replace(os.sep, "/")
        if rel != "sw.js":
            files.append(rel)
files.sort()
version = hashlib.sha256()
for rel in files:
    version.update(rel.encode())
    version.update(open(os.path.join(staging, rel), "rb").read())

sw_path = os.path.join(staging, "sw.js")
sw = open(sw_path, encoding="utf-8").read()
for marker in ("__NUTSHELL_VERSION__", "__NUTSHELL_FILES__"):
    if marker not in sw:
        sys.exit(f"post-build: sw.js has no {marker} marker")
assets = ", ".join(f'"./{rel}"' for rel in files if rel != "index.html")
sw = sw.replace('"__NUTSHELL_FILES__"', assets).replace("__NUTSHELL_VERSION__", version.hexdigest()[:16])
open(sw_path, "w", encoding="utf-8").write(sw)
print(f"post-build: CSP {len(hashes)} inline script hash(es); worker.js loads {app_wasm[0]}; sw.js caches {len(files)} files")
PY
