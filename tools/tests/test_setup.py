# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""The set-up of `make run` and `make test` (tools/common.sh), run by bash.

The release download is served by a local HTTP server from a tarball of a
minimal tree that looks like Odoo 18.0 (odoo/release.py); every run works in
throwaway cache and build folders.  Run by `make test` before the addon's
tests.
"""

import http.server
import io
import os
import subprocess
import tarfile
import tempfile
import threading
import unittest
from pathlib import Path

COMMON = Path(__file__).resolve().parents[1] / "common.sh"
RELEASE_PY = "version_info = (18, 0, 0, FINAL, 0, '')\n"


def tarball(release_py=RELEASE_PY, top="odoo-18.0.post20261101"):
    """A gzipped tarball of a minimal source tree under one top folder."""
    files = {
        "odoo/release.py": release_py,
        "odoo-bin": "#!/usr/bin/env python3\n",
        "requirements.txt": "",
    }
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as archive:
        for name, text in files.items():
            data = text.encode()
            info = tarfile.TarInfo(f"{top}/{name}")
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    return buffer.getvalue()


class _Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        self.server.requests.append(self.path)
        body = self.server.files.get(self.path)
        if body is None:
            self.send_error(404)
            return
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


class TestReleaseDownload(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
        cls.server.files = {
            "/odoo_18.0.latest.tar.gz": tarball(),
            "/odoo_17.0.latest.tar.gz": tarball("version_info = (17, 0, 0, FINAL, 0, '')\n"),
            "/broken.tar.gz": b"this is not a tarball",
        }
        cls.server.requests = []
        threading.Thread(target=cls.server.serve_forever, daemon=True).start()
        cls.addClassCleanup(cls.server.server_close)
        cls.addClassCleanup(cls.server.shutdown)

    def setUp(self):
        self.server.requests.clear()
        self.tmp = Path(tempfile.mkdtemp())
        self.addCleanup(subprocess.run, ["rm", "-rf", str(self.tmp)], check=False)
        self.cache_tree = self.tmp / "cache" / "hr_technical_grade" / "odoo-18.0"

    def url(self, path):
        return f"http://127.0.0.1:{self.server.server_address[1]}{path}"

    def run_common(self, script, url):
        env = {
            key: value
            for key, value in os.environ.items()
            if key not in ("ODOO_SRC", "ODOO_RELEASE_URL", "BUILD")
        }
        env.update(
            XDG_CACHE_HOME=str(self.tmp / "cache"),
            BUILD=str(self.tmp / "build"),
            ODOO_RELEASE_URL=url,
            no_proxy="127.0.0.1",
            NO_PROXY="127.0.0.1",
        )
        return subprocess.run(
            ["bash", "-c", f'source "{COMMON}"; {script}'],
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )

    def test_download_fills_the_shared_cache_folder(self):
        done = self.run_common("download_release", self.url("/odoo_18.0.latest.tar.gz"))
        self.assertEqual(done.returncode, 0, done.stderr)
        self.assertEqual(done.stdout.strip(), str(self.cache_tree))
        self.assertEqual((self.cache_tree / "odoo" / "release.py").read_text(), RELEASE_PY)
        self.assertEqual(self.server.requests, ["/odoo_18.0.latest.tar.gz"])
        # Nothing of the download is left beside the tree.
        self.assertEqual(sorted(p.name for p in self.cache_tree.parent.iterdir()), ["odoo-18.0"])

    def test_a_tree_in_the_cache_folder_counts_as_downloaded(self):
        (self.cache_tree / "odoo").mkdir(parents=True)
        (self.cache_tree / "odoo" / "release.py").write_text(RELEASE_PY)
        done = self.run_common("download_release", self.url("/odoo_18.0.latest.tar.gz"))
        self.assertEqual(done.returncode, 0, done.stderr)
        self.assertEqual(done.stdout.strip(), str(self.cache_tree))
        self.assertEqual(self.server.requests, [])

    def test_the_cache_folder_is_not_keyed_by_the_clone(self):
        """Two clones (two build folders) find the same tree: CI's fresh clone too."""
        done = self.run_common('echo "$ODOO_CACHE_SRC"; echo "$BUILD"', "")
        cache, build = done.stdout.split()
        self.assertEqual(cache, str(self.cache_tree))
        self.assertEqual(build, str(self.tmp / "build"))

    def test_a_failed_download_leaves_no_tree(self):
        for path in ("/missing.tar.gz", "/broken.tar.gz", "/odoo_17.0.latest.tar.gz"):
            with self.subTest(path=path):
                done = self.run_common("download_release", self.url(path))
                self.assertNotEqual(done.returncode, 0)
                self.assertFalse(self.cache_tree.exists())
                self.assertEqual(list(self.cache_tree.parent.glob("download.*")), [])

    def test_no_download_when_the_url_is_empty(self):
        done = self.run_common("download_release", "")
        self.assertNotEqual(done.returncode, 0)
        self.assertEqual(self.server.requests, [])


if __name__ == "__main__":
    unittest.main()
