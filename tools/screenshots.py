# Copyright 2026 hr_technical_grade contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""Screenshots of the main screens, in English and in Chinese.

Drives a headless Chromium through the Chrome DevTools protocol
(websocket-client) against a running Odoo with the addon's demo data, and
saves PNGs in static/description/ (the Apps page, index.html, shows them).

    python3 tools/screenshots.py --url http://localhost:8099 --db DB

`make screenshots` (tools/screenshots.sh) serves a throwaway demo database
and runs this script against it.  The script moves the demo's submitted
evaluation to the committee and computes a payslip, through the same
buttons as users (JSON-RPC as the demo users, whose password is their
login): run it on a demo database only.
"""

import argparse
import base64
import calendar
import json
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from datetime import date
from http.cookiejar import CookieJar
from pathlib import Path

import websocket

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "static" / "description"
LANGS = {"en": "en_US", "zh": "zh_CN"}
BROWSERS = ("chromium", "google-chrome", "chromium-browser", "google-chrome-stable")


class Odoo:
    """JSON-RPC to the server: calls as a user, and session cookies for the browser."""

    def __init__(self, url, db):
        self.url = url.rstrip("/")
        self.db = db
        self.uids = {}

    def _post(self, path, params, opener=None):
        data = json.dumps({"jsonrpc": "2.0", "method": "call", "params": params}).encode()
        request = urllib.request.Request(
            self.url + path, data, {"Content-Type": "application/json"}
        )
        with (opener or urllib.request.build_opener()).open(request, timeout=120) as response:
            reply = json.load(response)
        if reply.get("error"):
            error = reply["error"]
            raise RuntimeError(error.get("data", {}).get("message") or error.get("message"))
        return reply.get("result")

    def call(self, login, model, method, *args, **kwargs):
        if login not in self.uids:
            self.uids[login] = self._post(
                "/jsonrpc",
                {"service": "common", "method": "login", "args": [self.db, login, login]},
            )
            if not self.uids[login]:
                raise RuntimeError(f"cannot log in as {login} (password = login on demo data)")
        return self._post(
            "/jsonrpc",
            {
                "service": "object",
                "method": "execute_kw",
                "args": [self.db, self.uids[login], login, model, method, list(args), kwargs],
            },
        )

    def session_id(self, login):
        jar = CookieJar()
        opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
        self._post(
            "/web/session/authenticate",
            {"db": self.db, "login": login, "password": login},
            opener,
        )
        return next(cookie.value for cookie in jar if cookie.name == "session_id")

    def ref(self, xmlid):
        module, name = xmlid.split(".")
        data = self.call(
            "admin",
            "ir.model.data",
            "search_read",
            [("module", "=", module), ("name", "=", name)],
            fields=["res_id"],
        )
        return data[0]["res_id"]


class Chrome:
    """A headless Chromium page driven through the DevTools protocol."""

    def __init__(self, width=1366, height=860):
        binary = next((shutil.which(name) for name in BROWSERS if shutil.which(name)), None)
        if not binary:
            sys.exit("No Chromium found: install it (apt-get install chromium).")
        self.profile = tempfile.mkdtemp(prefix="tg_screenshots_")
        self.process = subprocess.Popen(
            [
                binary,
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--no-first-run",
                "--hide-scrollbars",
                f"--user-data-dir={self.profile}",
                "--remote-debugging-port=0",
                f"--window-size={width},{height}",
                "about:blank",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        port_file = Path(self.profile, "DevToolsActivePort")
        for _ in range(100):
            if port_file.exists() and port_file.read_text().strip():
                break
            time.sleep(0.2)
        port = int(port_file.read_text().split()[0])
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list") as response:
            page = next(target for target in json.load(response) if target["type"] == "page")
        self.ws = websocket.create_connection(
            page["webSocketDebuggerUrl"], suppress_origin=True, timeout=60
        )
        self.next_id = 0
        self.send("Page.enable")
        self.send(
            "Emulation.setDeviceMetricsOverride",
            width=width,
            height=height,
            deviceScaleFactor=1,
            mobile=False,
        )

    def send(self, method, **params):
        self.next_id += 1
        self.ws.send(json.dumps({"id": self.next_id, "method": method, "params": params}))
        while True:
            message = json.loads(self.ws.recv())
            if message.get("id") == self.next_id:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message.get("result", {})

    def evaluate(self, expression):
        result = self.send("Runtime.evaluate", expression=expression, returnByValue=True)
        return result.get("result", {}).get("value")

    def login(self, url, session_id):
        host = urllib.request.urlparse(url).hostname
        self.send("Network.clearBrowserCookies")
        self.send("Network.setCookie", name="session_id", value=session_id, domain=host, path="/")

    def open(self, url, ready, click=(), settle=1.5):
        """Open ``url``, wait for the ``ready`` selector, click ``click`` in turn."""
        self.send("Page.navigate", url=url)
        self.wait(ready)
        for selector in click:
            self.wait(selector)
            self.evaluate(f"document.querySelector({json.dumps(selector)}).click()")
            time.sleep(1)
        time.sleep(settle)

    def wait(self, selector, timeout=60):
        check = (
            f"!!document.querySelector({json.dumps(selector)})"
            " && !document.querySelector('.o_loading_indicator, .o_blockUI')"
        )
        deadline = time.time() + timeout
        while time.time() < deadline:
            if self.evaluate(check):
                return
            time.sleep(0.3)
        raise RuntimeError(f"{selector} did not appear")

    def screenshot(self, path):
        data = self.send("Page.captureScreenshot", format="png")["data"]
        path.write_bytes(base64.b64decode(data))
        print(f"saved {path.relative_to(ROOT)}")

    def close(self):
        try:
            self.send("Browser.close")
        except Exception:
            self.process.terminate()
        self.process.wait(timeout=20)
        shutil.rmtree(self.profile, ignore_errors=True)


def prepare(odoo):
    """The scenes: an evaluation in approval, one before the committee, a payslip."""
    Evaluation = "hr.technical.grade.evaluation"
    in_approval = odoo.ref("hr_technical_grade.campaign_2026_q4_install_02")
    scenes = {"in_approval": in_approval}
    # The demo's submitted evaluation waits for the direct superior: screenshot it
    # there first, then every approver in turn approves it up to the committee.
    values = odoo.call("admin", Evaluation, "read", [in_approval], ["state", "employee_id"])[0]
    if values["state"] != "submitted":
        raise RuntimeError("the demo evaluation is not in approval: use a fresh demo database")
    scenes["approver"] = approver_login(odoo, in_approval)
    scenes["employee_id"] = values["employee_id"][0]
    return scenes


def approver_login(odoo, evaluation_id):
    step_id = odoo.call(
        "admin", "hr.technical.grade.evaluation", "read", [evaluation_id], ["current_approval_id"]
    )[0]["current_approval_id"][0]
    step = odoo.call(
        "admin",
        "hr.technical.grade.approval",
        "read",
        [step_id],
        ["approver_ids", "committee_step"],
    )[0]
    users = odoo.call("admin", "res.users", "read", step["approver_ids"], ["login"])
    return step["committee_step"], next(u["login"] for u in users if u["login"] != "admin")


def to_the_committee(odoo, evaluation_id):
    """Approve the evaluation step by step until its committee scores it."""
    while True:
        committee, login = approver_login(odoo, evaluation_id)
        if committee:
            break
        odoo.call(login, "hr.technical.grade.evaluation", "action_approve", [evaluation_id])
    scores = odoo.call(
        "admin",
        "hr.technical.grade.evaluation.score",
        "search_read",
        [("evaluation_id", "=", evaluation_id), ("state", "=", "pending")],
        fields=["member_id"],
    )
    members = odoo.call(
        "admin", "res.users", "read", [s["member_id"][0] for s in scores], ["login"]
    )
    return next(m["login"] for m in members if m["login"] != "admin")


def payslip(odoo, employee_id):
    """A computed payslip of this month for the employee (created once)."""
    today = date.today()
    first = today.replace(day=1)
    last = today.replace(day=calendar.monthrange(today.year, today.month)[1])
    slips = odoo.call(
        "admin",
        "hr.payslip",
        "search",
        [("employee_id", "=", employee_id), ("date_from", "=", first.isoformat())],
    )
    if slips:
        return slips[0]
    contract = odoo.call(
        "admin",
        "hr.contract",
        "search_read",
        [("employee_id", "=", employee_id), ("state", "=", "open")],
        fields=["struct_id"],
        limit=1,
    )[0]
    slip = odoo.call(
        "admin",
        "hr.payslip",
        "create",
        {
            "employee_id": employee_id,
            "contract_id": contract["id"],
            "struct_id": contract["struct_id"][0],
            "date_from": first.isoformat(),
            "date_to": last.isoformat(),
        },
    )
    odoo.call("admin", "hr.payslip", "compute_sheet", [slip])
    return slip


def shoot(odoo, chrome, name, login, path, ready, click=()):
    for suffix, lang in LANGS.items():
        user_id = odoo.call("admin", "res.users", "search", [("login", "=", login)])
        odoo.call("admin", "res.users", "write", user_id, {"lang": lang})
        chrome.login(odoo.url, odoo.session_id(login))
        chrome.open(odoo.url + path, ready, click)
        chrome.screenshot(OUT / f"screenshot_{name}_{suffix}.png")
    odoo.call("admin", "res.users", "write", user_id, {"lang": "en_US"})


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--url", default="http://localhost:8069")
    parser.add_argument("--db", default="hr_technical_grade_demo")
    args = parser.parse_args()
    odoo = Odoo(args.url, args.db)
    installed = odoo.call("admin", "res.lang", "search", [("code", "=", "zh_CN")])
    if not installed:
        sys.exit("Chinese (zh_CN) is not loaded in the database: load it first.")
    scenes = prepare(odoo)
    OUT.mkdir(parents=True, exist_ok=True)
    action = "/odoo/action-hr_technical_grade."
    chrome = Chrome()
    try:
        shoot(
            odoo,
            chrome,
            "my_grade",
            "tg_engineer",
            action + "action_my_technical_grade",
            ".o_form_view .o_field_widget[name=my_grade_id]",
        )
        evaluation = scenes["in_approval"]
        shoot(
            odoo,
            chrome,
            "evaluation",
            scenes["approver"][1],
            f"{action}hr_technical_grade_evaluation_action/{evaluation}",
            ".o_form_view button[name=action_approve]",
            click=[".o_notebook a[name=approvals]"],
        )
        member = to_the_committee(odoo, evaluation)
        score_action = odoo.ref("hr_technical_grade.hr_technical_grade_score_wizard_action")
        shoot(
            odoo,
            chrome,
            "committee",
            member,
            f"{action}hr_technical_grade_evaluation_action/{evaluation}",
            f".o_form_view button[name='{score_action}']",
            click=[f".o_form_view button[name='{score_action}']", ".modal div[name=theory_score]"],
        )
        shoot(
            odoo,
            chrome,
            "campaign",
            "tg_hr",
            action + "hr_technical_grade_campaign_action_progress",
            ".o_kanban_view .o_kanban_record:not(.o_kanban_ghost)",
        )
        shoot(
            odoo,
            chrome,
            "distribution",
            "tg_hr",
            action + "hr_employee_action_grade_distribution?view_type=pivot",
            ".o_pivot_view table",
        )
        shoot(
            odoo,
            chrome,
            "reviews",
            "tg_hr",
            action + "hr_technical_grade_review_action?view_type=pivot",
            ".o_pivot_view table",
        )
        slip = payslip(odoo, scenes["employee_id"])
        shoot(
            odoo,
            chrome,
            "payslip",
            "admin",
            f"/odoo/hr.payslip/{slip}",
            ".o_form_view .o_notebook",
            click=[".o_notebook a[name=computation]"],
        )
    finally:
        chrome.close()


if __name__ == "__main__":
    main()
