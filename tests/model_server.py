"""A fake argos package index on 127.0.0.1 (loopback only), served by a thread: index.json naming one package
file, the file itself, optionally slowed down (to watch the progress bar) or cut off midway (a network cut).

    python tests/model_server.py PACKAGE.argosmodel [--rate BYTES_PER_S] [--drop]

prints the index URL and serves until Ctrl-C: `QWEN_READER_MODEL_INDEX=URL qwen-reader model install`.
"""

from __future__ import annotations

import hashlib
import json
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path


@contextmanager
def serve(package: Path, *, rate: float | None = None, drop: bool = False, sha256: str | None = "auto",
          from_code: str = "zh") -> Iterator[str]:
    """Yield the index URL. `sha256="auto"` lists the file's real checksum, None lists none, any other value
    lists that (a wrong checksum). `drop` sends the full Content-Length, then half the bytes, then closes."""
    data = package.read_bytes()
    listed = hashlib.sha256(data).hexdigest() if sha256 == "auto" else sha256

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:  # quiet
            pass

        def do_GET(self) -> None:
            port = self.server.server_address[1]
            if self.path == "/index.json":
                entry = {"package_version": "0.0.1", "argos_version": "1.9", "from_code": from_code,
                         "from_name": "Chinese", "to_code": "en", "to_name": "English", "type": "translate",
                         "links": [f"http://127.0.0.1:{port}/{package.name}"]}
                if listed is not None:
                    entry["sha256"] = listed
                body = json.dumps([entry]).encode()
            elif self.path == f"/{package.name}":
                body = data
            else:
                self.send_error(404)
                return
            self.send_response(200)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            limit = len(body) // 2 if drop and self.path != "/index.json" else len(body)
            step = 1 << 14
            for start in range(0, limit, step):
                try:
                    self.wfile.write(body[start:min(limit, start + step)])
                    self.wfile.flush()
                except OSError:
                    return
                if rate:
                    time.sleep(step / rate)
            if limit < len(body):
                self.close_connection = True

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/index.json"
    finally:
        server.shutdown()
        server.server_close()


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("package", type=Path)
    parser.add_argument("--rate", type=float, default=None)
    parser.add_argument("--drop", action="store_true")
    args = parser.parse_args()
    with serve(args.package, rate=args.rate, drop=args.drop) as url:
        print(url, flush=True)
        try:
            while True:
                time.sleep(3600)
        except KeyboardInterrupt:
            pass
