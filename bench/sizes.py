#!/usr/bin/env python3
"""Transfer size of the built page: raw, gzip -9 and brotli (quality 11) of
each file in DIST, one JSON line per file.

    sizes.py DIST      (run with the bench venv, which has PyPI `brotli`)
"""
import gzip
import json
import sys
from pathlib import Path

import brotli


def main():
    dist = Path(sys.argv[1])
    for path in sorted(p for p in dist.rglob("*") if p.is_file() and ".stage" not in p.parts):
        data = path.read_bytes()
        print(json.dumps({
            "file": str(path.relative_to(dist)),
            "raw": len(data),
            "gzip": len(gzip.compress(data, compresslevel=9, mtime=0)),
            "brotli": len(brotli.compress(data, quality=11)),
        }))


if __name__ == "__main__":
    main()
