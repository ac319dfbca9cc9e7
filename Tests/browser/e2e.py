#!/usr/bin/python3
"""End-to-end tests of the booth and the kiosk in a real browser (issue 10, "Real parts and tests").

Drives the real `phieukin` binary and a real headless Chromium over WebDriver (Debian's chromium,
chromium-driver and python3-selenium):

  booth        init, roster, a quarterly-7 round; access-code slips printed to PDF, codes read
               back with pdftotext and QR codes with pdftoppm + zbarimg; `phieukin serve`; in
               Chromium at 360x740: a browser without WebCrypto X25519 told so (nothing sent); votes
               from the QR URL (code from the fragment), a lower-case code with spaces typed and
               sent with the keyboard, the English page, the English link keeping a typed code, a
               change after the review, a double tap on confirm, remarks (one given in NFD); marks by
               the form contract (docs/WEB.md), the review checked against them, receipt; on every
               screen no horizontal scroll, a label and a 44 px target for every control, no console
               error; used, wrong and closed-round codes refused in the page; close (server
               running), tally, the JSON report holds exactly the marks and remarks cast; audit
               bundle + scripts/verify-audit --receipt finds every receipt (and not a made-up one).
  booth-30     a 30-official office (issue 20, item 5): one official per step at 360x740 (7 boxes
               shown, under two screens high), "n/30" progress, Next/Previous, the jump list (pointer and
               arrow keys), "no opinion on the rest", a keyboard-only voter (Tab/Space/Enter), the review's
               count; report figures match; `phieukin receipt check` finds each displayed receipt in the
               audit bundle, not a wrong one. axe-core (axe-selenium-python) on every booth screen.
  booth-radio  a monthly-rating round: radio groups per official, the "clear" button; report levels
               and blanks match.
  kiosk        an unnumbered one-stop-desk round; `kiosk enroll` PDF, enrolment URL from its QR;
               taps on the big buttons; one tap while the server is down (queued on the tablet,
               sent once the server is back on the same port); the same rating resent (counted
               once); `kiosk counts`; close, tally, report counts per choice.
  kiosk-cap    a round with a daily cap of 2: the third tap is refused in the page, counts stop at 2.

usage: /usr/bin/python3 Tests/browser/e2e.py [--bin PATH/TO/phieukin] [--only booth|booth-30|booth-radio|kiosk|kiosk-cap] [--keep]
Without --bin: PHIEUKIN_BIN, else `swift build --show-bin-path`/phieukin. CHROMIUM and CHROMEDRIVER
override where the browser and its driver are (default: on PATH, else /usr/bin). Exit 0 when everything
passed, 1 on a failure (the workspace is kept and the server's log printed), 77 when Chromium or
chromedriver is missing (skipped).
"""

import argparse
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import traceback
import unicodedata
import urllib.error
import urllib.request

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CHROMIUM = os.environ.get("CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = os.environ.get("CHROMEDRIVER") or shutil.which("chromedriver") or "/usr/bin/chromedriver"
WIDTH, HEIGHT = 360, 740
try:  # axe-core, from the axe-selenium-python wheel (scripts/install-deps)
    from axe_selenium_python import Axe
except ImportError:
    Axe = None
CODE_RE = re.compile(r"\b([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4})\b")


# Injected before a page's own scripts: WebCrypto without X25519 (as in an older browser), and a
# count of fetch calls.
NO_X25519 = """
(() => {
  if (!location.pathname.startsWith("/phieu") || !window.crypto || !crypto.subtle) return;
  const subtle = crypto.subtle;
  const generateKey = subtle.generateKey.bind(subtle);
  const importKey = subtle.importKey.bind(subtle);
  const x = (alg) => alg === "X25519" || (alg && alg.name === "X25519");
  const refuse = () => Promise.reject(new DOMException("Algorithm: Unrecognized name", "NotSupportedError"));
  subtle.generateKey = (alg, ...rest) => x(alg) ? refuse() : generateKey(alg, ...rest);
  subtle.importKey = (format, data, alg, ...rest) => x(alg) ? refuse() : importKey(format, data, alg, ...rest);
  window.__phieukinFetches = 0;
  const realFetch = window.fetch.bind(window);
  window.fetch = (...args) => { window.__phieukinFetches += 1; return realFetch(...args); };
})();
"""


class Failure(Exception):
    pass


def check(condition, message):
    if not condition:
        raise Failure(message)


def step(text):
    print("-- " + text, flush=True)


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def normalize_code(code):
    return code.replace("-", "").replace(" ", "").upper()


class Harness:
    def __init__(self, binary, keep):
        self.binary = binary
        self.keep = keep
        self.dir = tempfile.mkdtemp(prefix="phieukin-browser-")
        self.ws = os.path.join(self.dir, "ws")
        self.port = free_port()
        self.url = "http://127.0.0.1:%d" % self.port
        self.server = None
        self.server_log = os.path.join(self.dir, "serve.log")
        self.driver = None

    # --- the CLI --------------------------------------------------------------------------------

    def pk(self, *args, ok=(0,)):
        env = dict(os.environ, PHIEUKIN_WORKSPACE=self.ws)
        p = subprocess.run([self.binary, *args], env=env, cwd=self.dir, capture_output=True, text=True)
        if p.returncode not in ok:
            raise Failure("phieukin %s exited %d\nstdout:\n%s\nstderr:\n%s"
                          % (" ".join(args), p.returncode, p.stdout, p.stderr))
        return p.stdout

    def init_workspace(self):
        os.makedirs(self.ws)
        key = os.path.join(self.dir, "agency-key.pem")
        shutil.copyfile(os.path.join(REPO, "keys/demo/agency-DEMO-ONLY.pem"), key)
        os.chmod(key, 0o600)
        self.pk("init", "--agency", "UBND quận Ba Đình (BROWSER TEST)", "--signing-key", key)
        os.remove(key)
        # The example roster and a 30-official office (unit BIG) for the step-by-step booth.
        roster = self.path("roster.csv")
        with open(os.path.join(REPO, "examples/roster.csv"), encoding="utf-8") as f:
            text = f.read()
        if not text.endswith("\n"):
            text += "\n"
        text += "".join("BIG,Văn phòng ba mươi người,BIG%02d,Cán bộ Số %d,Chuyên viên\n" % (i, i) for i in range(1, 31))
        with open(roster, "w", encoding="utf-8") as f:
            f.write(text)
        self.pk("roster", "import", roster)

    def path(self, name):
        return os.path.join(self.dir, name)

    # --- the server -----------------------------------------------------------------------------

    def start_server(self):
        check(self.server is None, "server already running")
        log = open(self.server_log, "ab")
        env = dict(os.environ, PHIEUKIN_WORKSPACE=self.ws)
        self.server = subprocess.Popen(
            [self.binary, "serve", "--listen", "127.0.0.1:%d" % self.port, "--public-url", self.url],
            env=env, cwd=self.dir, stdout=log, stderr=subprocess.STDOUT)
        log.close()
        deadline = time.time() + 30
        while time.time() < deadline:
            check(self.server.poll() is None, "phieukin serve exited %s" % self.server.returncode)
            try:
                with urllib.request.urlopen(self.url + "/healthz", timeout=2) as r:
                    if r.status == 200 and r.read().strip() == b"ok":
                        return
            except (urllib.error.URLError, ConnectionError, OSError):
                pass
            time.sleep(0.2)
        raise Failure("server did not answer /healthz within 30 s")

    def stop_server(self):
        if self.server is None:
            return
        self.server.send_signal(signal.SIGTERM)
        try:
            code = self.server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.server.kill()
            self.server.wait()
            self.server = None
            raise Failure("phieukin serve did not stop within 20 s of SIGTERM")
        self.server = None
        check(code == 0, "phieukin serve exited %d on SIGTERM (expected 0)" % code)

    # --- the browser ----------------------------------------------------------------------------

    def start_browser(self):
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service

        options = webdriver.ChromeOptions()
        options.binary_location = CHROMIUM
        for a in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                  "--no-first-run", "--window-size=%d,%d" % (WIDTH, HEIGHT),
                  "--user-data-dir=" + self.path("chromium-profile")):
            options.add_argument(a)
        # Console errors (a CSP violation, a failed script or asset) are read back after each page.
        options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
        service = Service(CHROMEDRIVER, log_path=self.path("chromedriver.log"))
        self.driver = webdriver.Chrome(service=service, options=options)
        self.driver.set_page_load_timeout(30)
        # A desktop window cannot be narrower than 500 px; emulate a 360x740 phone screen instead.
        self.driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
            "width": WIDTH, "height": HEIGHT, "deviceScaleFactor": 2, "mobile": True})

    def stop_browser(self):
        if self.driver is not None:
            try:
                self.driver.quit()
            finally:
                self.driver = None

    def open(self, url):
        """A fresh page load: from /phieu, going to /phieu#CODE would only change the fragment."""
        self.driver.get("about:blank")
        self.driver.get(url)

    def js(self, script, *args):
        return self.driver.execute_script(script, *args)

    def screen(self):
        return self.js("return document.body.dataset.screen")

    def wait_for(self, predicate, what, timeout=20):
        deadline = time.time() + timeout
        last = None
        while time.time() < deadline:
            try:
                last = predicate()
                if last:
                    return last
            except Exception as e:  # a page mid-navigation; try again
                last = e
            time.sleep(0.1)
        raise Failure("timed out after %ds waiting for %s (screen=%r, alert=%r, last=%r)"
                      % (timeout, what, self.safe_screen(), self.alert_text(), last))

    def safe_screen(self):
        try:
            return self.screen()
        except Exception:
            return None

    def wait_screen(self, name, timeout=20):
        self.wait_for(lambda: self.screen() == name and self.js("return document.body.dataset.busy") != "true",
                      "screen %r" % name, timeout)

    def alert_text(self):
        try:
            return self.js("""const a = document.querySelector('[role=alert]');
                              return a && !a.hidden ? a.textContent.trim() : '';""")
        except Exception:
            return None

    def click(self, element):
        self.js("arguments[0].scrollIntoView({block: 'center'})", element)
        element.click()

    def css(self, selector):
        from selenium.webdriver.common.by import By
        return self.driver.find_elements(By.CSS_SELECTOR, selector)

    def one(self, selector):
        found = [e for e in self.css(selector) if e.is_displayed()]
        check(len(found) == 1, "expected one visible %r, found %d" % (selector, len(found)))
        return found[0]

    def check_layout(self, where):
        """No horizontal scroll at 360 px; every visible control has an accessible name."""
        width = self.js("return window.innerWidth")
        check(width == WIDTH, "%s: viewport is %d px wide, not %d" % (where, width, WIDTH))
        scroll = self.js("return document.documentElement.scrollWidth")
        check(scroll <= WIDTH, "%s: horizontal scroll at %d px (scrollWidth %d)" % (where, WIDTH, scroll))
        unlabelled = self.js("""
            const bad = [];
            for (const el of document.querySelectorAll('input, textarea, select, button')) {
              if (el.type === 'hidden' || el.closest('[hidden]')) continue;
              let name = (el.getAttribute('aria-label') || '').trim();
              const by = el.getAttribute('aria-labelledby');
              if (!name && by) name = by.split(/\\s+/).map(id => (document.getElementById(id) || {}).textContent || '').join(' ').trim();
              if (!name && el.id) {
                const l = document.querySelector('label[for="' + CSS.escape(el.id) + '"]');
                if (l) name = l.textContent.trim();
              }
              if (!name && el.closest('label')) name = el.closest('label').textContent.trim();
              if (!name && el.tagName === 'BUTTON') name = el.textContent.trim();
              if (!name) bad.push(el.outerHTML.slice(0, 120));
            }
            return bad;""")
        check(not unlabelled, "%s: controls without an accessible label: %s" % (where, unlabelled))
        # Large targets: each visible control, or the label that toggles it, at least 44x44 CSS px.
        small = self.js("""
            const bad = [];
            for (const el of document.querySelectorAll('input, textarea, select, button')) {
              if (el.type === 'hidden' || el.closest('[hidden]') || !el.offsetParent) continue;
              const boxes = [el.getBoundingClientRect()];
              if (el.id) {
                const l = document.querySelector('label[for="' + CSS.escape(el.id) + '"]');
                if (l) boxes.push(l.getBoundingClientRect());
              }
              if (!boxes.some(r => r.width >= 44 && r.height >= 44))
                bad.push((el.name || el.dataset.action || el.id || el.tagName) + ' ' +
                         boxes.map(r => Math.round(r.width) + 'x' + Math.round(r.height)).join('/'));
            }
            return bad;""")
        check(not small, "%s: targets smaller than 44x44 px: %s" % (where, small))

    def check_axe(self, where):
        """axe-core finds no accessibility violation on the page as it is shown now."""
        if Axe is None:
            return
        axe = Axe(self.driver)
        axe.inject()
        violations = axe.run()["violations"]
        check(not violations, "%s: axe-core violations: %r" % (where, [
            (v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3]) for v in violations]))

    def check_console(self, where):
        """No error in the page's console: no CSP violation, no failed asset or script error.
        (A refused API call is logged by Chromium as a failed resource; those are expected where
        the test provokes a refusal, and are filtered out by their /api/ URL.)"""
        errors = [e["message"] for e in self.driver.get_log("browser")
                  if e.get("level") == "SEVERE" and "/api/" not in e.get("message", "")]
        check(not errors, "%s: errors in the browser console: %r" % (where, errors))

    def cleanup(self, passed):
        self.stop_browser()
        try:
            self.stop_server()
        except Failure as e:
            print("warning: " + str(e), file=sys.stderr)
        if passed and not self.keep:
            shutil.rmtree(self.dir, ignore_errors=True)
        else:
            print("workspace kept: " + self.dir, file=sys.stderr)
            if os.path.exists(self.server_log):
                with open(self.server_log, encoding="utf-8", errors="replace") as f:
                    print("---- serve log (last 40 lines) ----\n" + "".join(f.readlines()[-40:]), file=sys.stderr)


# --- PDFs ---------------------------------------------------------------------------------------

def pdf_text(pdf):
    return subprocess.run(["pdftotext", "-layout", pdf, "-"], check=True, capture_output=True,
                          text=True).stdout


def pdf_qr_codes(pdf, workdir):
    """Every QR code on the PDF's pages, each once. zbar's whole-page scan can miss one code at one
    resolution and read it at another (seen: 7 of 8 at 200 dpi, 8 at 150 and 300), as a phone
    moved closer does: each page is read at 200 and 300 dpi and the codes are united."""
    found = []
    for dpi in (200, 300):
        prefix = os.path.join(workdir, "%s-%d-page" % (os.path.basename(pdf), dpi))
        subprocess.run(["pdftoppm", "-r", str(dpi), "-png", pdf, prefix], check=True)
        for name in sorted(os.listdir(workdir)):
            full = os.path.join(workdir, name)
            if full.startswith(prefix) and name.endswith(".png"):
                p = subprocess.run(["zbarimg", "-q", "--raw", full], capture_output=True, text=True)
                check(p.returncode in (0, 4), "zbarimg failed on %s: %s" % (full, p.stderr))
                found += [line for line in p.stdout.splitlines() if line.strip() and line not in found]
    return found


# --- the booth ----------------------------------------------------------------------------------

def step_of(h, name):
    """The booth step (0-based) whose card holds the control `name`."""
    return int(h.js("return document.querySelector('[name=\"' + CSS.escape(arguments[0]) + '\"]')"
                    ".closest('fieldset[data-step]').dataset.step", name))


def current_step(h):
    return int(h.js("return document.body.dataset.step"))


def check_step(h, where, per_step=7):
    """One step of the booth at 360 px: one card shown, `per_step` answer controls visible, the
    progress says n/total, the page at most two screens high, no horizontal scroll."""
    h.check_layout(where)
    visible = [b for b in h.css("#ballot-fields input") if b.is_displayed()]
    check(len(visible) == per_step, "%s: %d answer controls visible, expected %d" % (where, len(visible), per_step))
    cards = [c for c in h.css("#ballot-fields fieldset") if c.is_displayed()]
    check(len(cards) == 1, "%s: %d cards shown" % (where, len(cards)))
    total = len(h.css("#ballot-fields fieldset"))
    progress = h.one("#step-progress").text
    check(re.search(r"\b%d/%d$" % (current_step(h) + 1, total), progress), "%s: progress says %r" % (where, progress))
    height = h.js("return document.documentElement.scrollHeight")
    check(height <= 2 * HEIGHT, "%s: the page is %d px high at %d px wide (over 2 screens)" % (where, height, WIDTH))
    return height


def keyboard_to(h, target, limit=40):
    """Presses Tab until `target` has the focus (fails after `limit` presses): every control on
    the way is reachable by keyboard, in order."""
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys
    for _ in range(limit):
        if h.js("return document.activeElement === arguments[0]", target):
            return
        ActionChains(h.driver).send_keys(Keys.TAB).perform()
    raise Failure("Tab never reached %s" % target.get_attribute("outerHTML")[:120])


def press(h, key):
    from selenium.webdriver.common.action_chains import ActionChains
    ActionChains(h.driver).send_keys(key).perform()


def go_to_step(h, index, keyboard=False):
    """Next when `index` is the following step, else the jump list."""
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support.ui import Select
    here = current_step(h)
    if index == here:
        return
    if index == here + 1:
        button = h.one('[data-action="next"]')
        if keyboard:
            keyboard_to(h, button)
            press(h, Keys.ENTER)
        else:
            h.click(button)
        h.wait_for(lambda: current_step(h) == index, "step %d" % index)
        # Next puts the focus on the new step's heading, which names the official.
        focused = h.js("const a = document.activeElement; return a.tagName + ' ' + (a.closest('fieldset') || {}).id")
        check(focused == "H2 step-%d" % index, "after Next the focus is on %r, not the step's heading" % focused)
    elif keyboard:
        jump = h.one("#jump")
        keyboard_to(h, jump)
        for _ in range(abs(index - here)):
            press(h, Keys.ARROW_DOWN if index > here else Keys.ARROW_UP)
        h.wait_for(lambda: current_step(h) == index, "step %d from the jump list (keyboard)" % index)
    else:
        Select(h.one("#jump")).select_by_value(str(index))
        h.wait_for(lambda: current_step(h) == index, "step %d from the jump list" % index)


def vote(h, url, marks_for, typed_code=None, english=False, edit_once=False, keyboard=False, double_confirm=False,
         remark=None, remark_js=None, switch_language=False, per_step=7):
    """One ballot through the booth: code screen → one step per official → review → done. Marks
    are made on their officials' steps, reached by Next or the jump list; after the last marked
    step, "no opinion on the rest" (or Review on the last step). Returns (marks, receipt).
    remark: typed into the remark field; remark_js: set as the field's value by script (e.g. NFD text);
    switch_language: type the code on the Vietnamese page, then follow its "English" link;
    keyboard: Tab, Space, Enter and arrows only."""
    from selenium.webdriver.common.keys import Keys
    d = h.driver
    h.open(url)
    h.wait_screen("code")
    h.check_layout("code screen")
    h.check_axe("code screen")
    code_input = h.one('input[name="code"]')
    if typed_code is None:
        check(code_input.get_attribute("value"), "the code field is not filled from the URL fragment")
        check("#" not in d.current_url, "the code stays in the address bar: %s" % d.current_url)
    else:
        check(code_input.get_attribute("value") == "", "code field not empty before typing")
        code_input.send_keys(typed_code)
    if switch_language:
        h.click(h.one("#lang-switch"))
        h.wait_for(lambda: h.js("return document.documentElement.lang") == "en" and h.screen() == "code",
                   "the English code screen")
        code_input = h.one('input[name="code"]')
        check(code_input.get_attribute("value") == typed_code.strip(),
              "the typed code was lost on the language switch: %r" % code_input.get_attribute("value"))
        check("#" not in d.current_url, "the code stays in the address bar: %s" % d.current_url)
    body = d.find_element("tag name", "body").text
    if english:
        check("Enter your voting code" in body and "Open the ballot" in body,
              "?lang=en: the code screen is not in English: %r" % body[:300])
        check(h.js("return document.documentElement.lang") == "en", "?lang=en: <html lang> is not en")
    else:
        check("Nhập mã bỏ phiếu" in body, "the code screen is not in Vietnamese: %r" % body[:300])
    if keyboard:
        code_input.send_keys(Keys.ENTER)
    else:
        h.click(h.one('[data-action="open"]'))
    h.wait_screen("ballot")
    check(current_step(h) == 0, "the ballot does not open on its first step")
    check_step(h, "ballot, first step", per_step)
    h.check_axe("ballot, first step")
    progress = h.one("#step-progress").text
    check(progress.startswith("Person " if english else "Người "), "progress %r" % progress)

    boxes = h.css('#ballot-fields input[type="checkbox"]')
    names = [b.get_attribute("name") for b in boxes]
    check(names and all(re.fullmatch(r"[^.]+\.[^.]+", n) for n in names),
          "grid checkboxes are not named <official>.<criterion>: %r" % names[:5])
    check(len(set(names)) == len(names), "duplicate checkbox names")
    marks = marks_for(names)
    by_name = dict(zip(names, boxes))
    steps = len(h.css("#ballot-fields fieldset"))
    check(len(h.css("#jump option")) == steps, "the jump list does not name every step")
    taps = 0

    def toggle(n):
        nonlocal taps
        go_to_step(h, step_of(h, n), keyboard)
        if keyboard:
            keyboard_to(h, by_name[n])
            press(h, Keys.SPACE)
        else:
            h.click(by_name[n])
        taps += 1

    extra = next(n for n in names if n not in marks) if edit_once else None
    for n in sorted(marks, key=names.index):
        toggle(n)
        check(by_name[n].is_selected(), "checkbox %s did not check" % n)
        option = h.css("#jump option")[step_of(h, n)].text
        check(("(answered)" if english else "(đã có ý kiến)") in option, "the jump list does not mark %r done" % option)
        check_step(h, "ballot, step %d" % current_step(h), per_step)
    if edit_once:
        # Mark one box more, review, go back, take it off again: what is sent is the final state.
        toggle(extra)
        h.click(h.one('[data-action="skip-rest"]') if current_step(h) < steps - 1 else h.one('[data-action="next"]'))
        h.wait_screen("review")
        h.click(h.one('[data-action="edit"]'))
        h.wait_screen("ballot")
        check(current_step(h) == step_of(h, extra), "Edit does not go back to the step left")
        toggle(extra)
        check(not by_name[extra].is_selected(), "checkbox %s did not uncheck" % extra)
    last = current_step(h) == steps - 1
    finish = h.one('[data-action="next"]' if last else '[data-action="skip-rest"]')
    if keyboard:
        keyboard_to(h, finish)
        press(h, Keys.ENTER)
    else:
        h.click(finish)
    h.wait_screen("review")
    check(h.js("return document.activeElement.id") == "review-title", "the review's heading does not get the focus")
    if remark is not None:
        h.one('textarea[name="remark"]').send_keys(remark)
    if remark_js is not None:
        h.js("const t = arguments[0]; t.value = arguments[1]; t.dispatchEvent(new Event('input', {bubbles: true}));",
             h.one('textarea[name="remark"]'), remark_js)
    h.check_layout("review")
    h.check_axe("review")
    # The review counts the officials with marks and lists exactly them, with the criteria marked.
    review = h.js("""return [...document.querySelectorAll('#review-list dt')].map(dt => [dt.textContent, dt.nextElementSibling.textContent]);""")
    expected_review = []
    for fs in h.css("#ballot-fields fieldset"):
        labels = [h.js("return document.querySelector('label[for=\"' + CSS.escape(arguments[0].id) + '\"]').textContent", b)
                  for b in fs.find_elements("css selector", 'input[type="checkbox"]') if b.get_attribute("name") in marks]
        if labels:
            official = h.js("return arguments[0].querySelector('legend .name').textContent", fs)
            expected_review.append([official, ", ".join(labels)])
    check(review == expected_review, "review %r, marked %r" % (review, expected_review))
    count = h.one("#review-count").text
    check("%d/%d" % (len(expected_review), steps) in count, "review count %r, %d of %d marked" % (count, len(expected_review), steps))

    confirm = h.one('[data-action="confirm"]')
    if double_confirm:
        # An impatient double tap: both clicks in the same task; one ballot only (counts checked later).
        h.js("const b = arguments[0]; b.scrollIntoView({block: 'center'}); b.click(); b.click();", confirm)
    elif keyboard:
        keyboard_to(h, confirm)
        press(h, Keys.ENTER)
    else:
        h.click(confirm)
    h.wait_screen("done")
    h.check_layout("done screen")
    h.check_axe("done screen")
    done = d.find_element("tag name", "body").text
    title = "Ballot recorded" if english else "Đã ghi nhận phiếu"
    check(title in done, "done screen does not say %r: %r" % (title, done[:300]))
    receipt = h.one("[data-receipt]").text.strip()
    check(re.fullmatch(r"[0-9a-f]{64}", receipt), "receipt is not 64 hex digits: %r" % receipt)
    check(h.alert_text() == "", "an alert on the done screen: %r" % h.alert_text())
    h.check_console("booth")
    check(taps == len(marks) + (2 if edit_once else 0), "%d taps on answer boxes for %d marks" % (taps, len(marks)))
    return marks, receipt


def booth(h):
    step("booth: a quarterly-7 round for Phòng TN&MT (8 officials), 8 codes")
    round_id = h.pk("round", "open", "--survey", "quarterly-7", "--period", "2026-Q4", "--unit", "TNMT",
                    "--ballots", "8").strip().splitlines()[-1]
    check(round_id.startswith("2026-Q4-TNMT"), "round id %r" % round_id)
    slips = h.path("slips.pdf")
    h.pk("ballots", "slips", "--round", round_id, "--public-url", h.url, "--out", slips)

    step("booth: codes from the slips PDF (pdftotext), QR codes (pdftoppm + zbarimg)")
    codes = CODE_RE.findall(pdf_text(slips))
    check(len(codes) == 8 and len(set(codes)) == 8, "expected 8 distinct codes in the slips, found %r" % codes)
    qrs = pdf_qr_codes(slips, h.dir)
    check(len(qrs) == 8, "expected 8 QR codes in the slips, zbarimg found %d: %r" % (len(qrs), qrs))
    qr_by_code = {}
    for q in qrs:
        m = re.fullmatch(re.escape(h.url) + r"/phieu#([0-9A-Z-]+)", q)
        check(m, "QR does not open %s/phieu#CODE: %r" % (h.url, q))
        qr_by_code[normalize_code(m.group(1))] = q
    check(set(qr_by_code) == {normalize_code(c) for c in codes},
          "the QR codes do not carry the printed codes: %r vs %r" % (sorted(qr_by_code), codes))

    h.start_server()
    h.start_browser()

    # Marks: every voter marks the first official's first criterion; each also marks two boxes
    # that move through the grid, so several officials and criteria get different counts.
    def marks_for(i):
        return lambda names: sorted({names[0], names[(3 * i + 5) % len(names)], names[(7 * i + 11) % len(names)]},
                                    key=names.index)

    expected = {}
    receipts = []
    step("booth: a browser without WebCrypto X25519 is told so, and nothing is sent")
    script = h.driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": NO_X25519})
    try:
        h.open(qr_by_code[normalize_code(codes[0])])
        h.wait_screen("unsupported")
        h.check_layout("unsupported screen")
        text = h.driver.find_element("tag name", "body").text
        check("Trình duyệt chưa hỗ trợ" in text and "Chưa có gì được gửi đi" in text,
              "unsupported browser: the page says %r" % text[:300])
        check(h.js("return window.__phieukinFetches") == 0, "unsupported browser: the page called fetch")
    finally:
        h.driver.execute_cdp_cmd("Page.removeScriptToEvaluateOnNewDocument", {"identifier": script["identifier"]})

    remark_typed = "Cần nhiệt tình hơn với người dân"
    remark_nfd = unicodedata.normalize("NFD", "Thái độ phục vụ chưa tốt")  # the page must send NFC
    plan = [  # (how, code)
        ("qr + remark", codes[0]),
        ("typed lower case with spaces, keyboard only", codes[1]),
        ("?lang=en, typed", codes[2]),
        ("qr, edit after review, NFD remark", codes[3]),
        ("qr, double tap on confirm", codes[4]),
        ("typed with dashes, then the English link", codes[5]),
    ]
    started = time.time()
    for i, (how, code) in enumerate(plan):
        step("booth: vote %d (%s)" % (i + 1, how))
        qr = qr_by_code[normalize_code(code)]
        if i == 0:
            marks, receipt = vote(h, qr, marks_for(i), remark=remark_typed)
        elif i == 1:
            typed = "  " + " ".join(normalize_code(code)[j:j + 4] for j in range(0, 16, 4)).lower() + " "
            marks, receipt = vote(h, h.url + "/phieu", marks_for(i), typed_code=typed, keyboard=True)
        elif i == 2:
            marks, receipt = vote(h, h.url + "/phieu?lang=en", marks_for(i), typed_code=code, english=True)
        elif i == 3:
            marks, receipt = vote(h, qr, marks_for(i), edit_once=True, remark_js=remark_nfd)
        elif i == 4:
            marks, receipt = vote(h, qr, marks_for(i), double_confirm=True)
        else:
            marks, receipt = vote(h, h.url + "/phieu", marks_for(i), typed_code=code.lower(), english=True,
                                  switch_language=True)
        for n in marks:
            expected[n] = expected.get(n, 0) + 1
        receipts.append(receipt)
    check(len(set(receipts)) == len(receipts), "two ballots got the same receipt: %r" % receipts)
    print("   %d ballots cast in %.1f s" % (len(plan), time.time() - started))

    step("booth: a used code is refused in the page (QR link and typed)")
    h.open(qr_by_code[normalize_code(codes[0])])
    h.wait_screen("code")
    h.click(h.one('[data-action="open"]'))
    alert = h.wait_for(lambda: h.alert_text(), "an alert for a used code")
    check("Mã này đã được dùng để bỏ phiếu" in alert, "used code: unexpected alert %r" % alert)
    check(h.screen() == "code", "used code: the page left the code screen (%r)" % h.screen())
    h.open(h.url + "/phieu?lang=en")
    h.wait_screen("code")
    h.one('input[name="code"]').send_keys(codes[1].lower())
    h.click(h.one('[data-action="open"]'))
    alert = h.wait_for(lambda: h.alert_text(), "an alert for a used code (English)")
    check("already been used" in alert, "used code (en): unexpected alert %r" % alert)

    step("booth: a wrong code is refused in the page")
    h.open(h.url + "/phieu")
    h.wait_screen("code")
    wrong = list(normalize_code(codes[6]))
    wrong[0] = "A" if wrong[0] != "A" else "B"
    h.one('input[name="code"]').send_keys("".join(wrong))
    h.click(h.one('[data-action="open"]'))
    alert = h.wait_for(lambda: h.alert_text(), "an alert for a wrong code")
    check("Mã không đúng" in alert, "wrong code: unexpected alert %r" % alert)

    step("booth: round close while the server runs, tally, JSON report")
    h.pk("round", "close", "--round", round_id)
    # A code of a closed round is refused too.
    h.open(qr_by_code[normalize_code(codes[7])])
    h.wait_screen("code")
    h.click(h.one('[data-action="open"]'))
    alert = h.wait_for(lambda: h.alert_text(), "an alert for a closed round")
    check("Đợt bỏ phiếu này đã kết thúc" in alert, "closed round: unexpected alert %r" % alert)
    h.pk("tally", "--round", round_id)
    report = json.loads(h.pk("report", "round", "--round", round_id, "--format", "json"))
    check(report["suppressed"] is False, "the report is suppressed")
    check(report["ballots_counted"] == len(plan), "ballots_counted %r, cast %d" % (report["ballots_counted"], len(plan)))
    counted = {}
    for official in report["summary"]["officials"]:
        for c in official["criteria"]:
            counted["%s.%s" % (official["official_id"], c["criterion_id"])] = c["marked"]
            check(c["valid"] == len(plan), "valid %r for %s.%s" % (c["valid"], official["official_id"], c["criterion_id"]))
    for name, n in sorted(expected.items()):
        check(counted.get(name) == n, "%s marked %d times in the browser, report says %r" % (name, n, counted.get(name)))
    extra = {k: v for k, v in counted.items() if v and k not in expected}
    check(not extra, "marks in the report that nobody cast: %r" % extra)
    print("   report: %s" % ", ".join("%s=%d" % kv for kv in sorted(expected.items())))
    remarks = report.get("remarks")
    check(sorted(remarks) == sorted([remark_typed, unicodedata.normalize("NFC", remark_nfd)]),
          "report remarks %r, typed %r and (NFD) %r" % (remarks, remark_typed, remark_nfd))
    anomalies = report.get("anomalies") or {}
    check(not any(anomalies.values()), "report anomalies: %r" % anomalies)

    step("booth: audit bundle; scripts/verify-audit finds every receipt")
    bundle = h.path("audit-booth")
    h.pk("audit", "export", "--round", round_id, "--out", bundle)
    for r in receipts:
        p = subprocess.run([sys.executable, os.path.join(REPO, "scripts/verify-audit"), bundle, "--receipt", r],
                           capture_output=True, text=True)
        check(p.returncode == 0, "verify-audit --receipt %s exited %d:\n%s%s" % (r, p.returncode, p.stdout, p.stderr))
    p = subprocess.run([sys.executable, os.path.join(REPO, "scripts/verify-audit"), bundle, "--receipt", "00" * 32],
                       capture_output=True, text=True)
    check(p.returncode != 0, "verify-audit accepted a receipt that was never issued")
    check_receipts(h, bundle, round_id, receipts)
    h.pk("verify", "--round", round_id)


def check_receipts(h, bundle, round_id, receipts):
    """`phieukin receipt check RECEIPT --bundle DIR`, as a voter runs it with what the booth
    showed: found (exit 0); a receipt nobody was given is not found (exit 1)."""
    step("receipts: phieukin receipt check finds each receipt the booth showed, not a wrong one")
    for r in receipts:
        out = h.pk("receipt", "check", r, "--bundle", bundle)
        check("Tìm thấy: mã biên nhận này là một phiếu đã niêm phong trong sổ phiếu của vòng %s." % round_id in out,
              "receipt check %s says %r" % (r, out))
    wrong = receipts[0][:-1] + ("0" if receipts[0][-1] != "0" else "1")
    env = dict(os.environ, PHIEUKIN_WORKSPACE=h.ws)
    p = subprocess.run([h.binary, "receipt", "check", wrong, "--bundle", bundle], env=env, capture_output=True, text=True)
    check(p.returncode == 1 and "Không tìm thấy" in p.stdout,
          "receipt check of a wrong receipt exited %d: %s%s" % (p.returncode, p.stdout, p.stderr))


def booth_thirty(h):
    """Issue 20, item 5: a 30-official office on a phone. Each voter sees one official at a time
    (7 boxes, under two screens high), "n/30" progress, a jump list, and "no opinion on the rest";
    the receipt on the done screen is found by `phieukin receipt check` in the audit bundle."""
    step("booth, 30 officials: a quarterly-7 round for unit BIG, 3 codes")
    round_id = h.pk("round", "open", "--survey", "quarterly-7", "--period", "2026-Q3", "--unit", "BIG",
                    "--ballots", "3").strip().splitlines()[-1]
    slips = h.path("slips-big.pdf")
    h.pk("ballots", "slips", "--round", round_id, "--public-url", h.url, "--out", slips)
    codes = CODE_RE.findall(pdf_text(slips))
    check(len(set(codes)) == 3, "expected 3 codes in the slips, found %r" % codes)
    if h.server is None:
        h.start_server()
    if h.driver is None:
        h.start_browser()
    plans = [  # (how, marks by index into the 210 boxes): officials 1, 2, 17; 1 and 30; 5 only, by keyboard
        ("pointer: Next, the jump list, no opinion on the rest", lambda names: [names[0], names[3], names[8], names[16 * 7 + 6]]),
        ("English: the first and the last official", lambda names: [names[1], names[29 * 7 + 2]]),
        ("keyboard only: one official in the middle", lambda names: [names[4 * 7 + 5]]),
    ]
    expected = {}
    receipts = []
    for i, (how, marks_for) in enumerate(plans):
        step("booth, 30 officials: vote %d (%s)" % (i + 1, how))
        if i == 0:
            # Before voting: the first step of a 30-official ballot at 360 px.
            h.open(h.url + "/phieu#" + codes[i])
            h.wait_screen("code")
            h.click(h.one('[data-action="open"]'))
            h.wait_screen("ballot")
            check(len(h.css("#ballot-fields input")) == 210, "the 30-official ballot does not hold 210 boxes")
            check(h.one("#step-progress").text == "Người 1/30", "progress %r" % h.one("#step-progress").text)
            heights = [check_step(h, "30 officials, step 1")]
            go_to_step(h, 29)
            heights.append(check_step(h, "30 officials, step 30"))
            check(not h.css('[data-action="skip-rest"]')[0].is_displayed(), "'no opinion on the rest' on the last step")
            print("   page height per step at %d px: %r (screen %d)" % (WIDTH, heights, HEIGHT))
            h.click(h.one('[data-action="previous"]'))
            h.wait_for(lambda: current_step(h) == 28, "Previous from step 30")
            # The code is used only when the ballot is cast: this page is reloaded below.
        url = h.url + ("/phieu?lang=en#" if i == 1 else "/phieu#") + codes[i]
        marks, receipt = vote(h, url, marks_for, english=(i == 1), keyboard=(i == 2))
        for n in marks:
            expected[n] = expected.get(n, 0) + 1
        receipts.append(receipt)

    step("booth, 30 officials: close, tally, report, audit bundle")
    h.pk("round", "close", "--round", round_id)
    h.pk("tally", "--round", round_id)
    report = json.loads(h.pk("report", "round", "--round", round_id, "--format", "json"))
    # 3 ballots are below the survey's minimum: counted, but no figure is shown (by design).
    check(report["suppressed"] is True,
          "30-official report (3 ballots): suppressed %r" % report["suppressed"])
    bundle = h.path("audit-big")
    h.pk("audit", "export", "--round", round_id, "--out", bundle)
    check_receipts(h, bundle, round_id, receipts)


def booth_radio(h):
    """A one-choice-per-official survey (monthly rating): radio groups named by official id, values
    the choice codes, and a "clear" button that leaves an official blank, as on paper."""
    step("booth, radio groups: a monthly-rating round for Phòng Tư pháp (3 officials), 5 codes")
    round_id = h.pk("round", "open", "--survey", "monthly-rating", "--period", "2026-11", "--unit", "TP",
                    "--ballots", "5").strip().splitlines()[-1]
    slips = h.path("slips-rating.pdf")
    h.pk("ballots", "slips", "--round", round_id, "--public-url", h.url, "--out", slips)
    qrs = pdf_qr_codes(slips, h.dir)
    check(len(qrs) == 5, "expected 5 QR codes, found %r" % qrs)
    if h.server is None:
        h.start_server()
    if h.driver is None:
        h.start_browser()
    expected = {}   # (official, code) -> count; (official, None) -> blank
    for i, qr in enumerate(qrs):
        step("booth, radio groups: vote %d" % (i + 1))
        h.open(qr)
        h.wait_screen("code")
        h.click(h.one('[data-action="open"]'))
        h.wait_screen("ballot")
        radios = h.css('input[type="radio"]')
        groups = []
        for r in radios:
            if r.get_attribute("name") not in groups:
                groups.append(r.get_attribute("name"))
        check(len(groups) == 3, "expected 3 radio groups (one per official), found %r" % groups)
        chosen = {}
        for j, official in enumerate(groups):
            go_to_step(h, j)
            options = [r for r in radios if r.get_attribute("name") == official]
            check_step(h, "radio ballot, step %d" % j, per_step=len(options))
            pick = options[(i + j) % len(options)]
            h.click(pick)
            check(pick.is_selected(), "radio %s=%s did not select" % (official, pick.get_attribute("value")))
            chosen[official] = pick.get_attribute("value")
        if i % 2 == 0:
            # Changes their mind: the last official is left blank with the group's clear button.
            official = groups[-1]
            h.click(h.one('[data-action="clear"][data-question="%s"]' % official))
            check(not any(r.is_selected() for r in radios if r.get_attribute("name") == official),
                  "clear left %s selected" % official)
            chosen[official] = None
        h.click(h.one('[data-action="next"]'))  # "Xem lại" on the last step
        h.wait_screen("review")
        h.check_axe("radio review")
        review = h.js("return [...document.querySelectorAll('#review-list dd')].map(dd => dd.textContent)")
        answered = [c for c in chosen.values() if c is not None]
        check(len(review) == len(answered), "review of a radio ballot: %r, chosen %r" % (review, chosen))
        count = h.one("#review-count").text
        check("%d/3" % len(answered) in count, "review count %r, chosen %r" % (count, chosen))
        h.click(h.one('[data-action="confirm"]'))
        h.wait_screen("done")
        check(re.fullmatch(r"[0-9a-f]{64}", h.one("[data-receipt]").text.strip()), "no receipt")
        h.check_console("radio booth")
        for official, code in chosen.items():
            expected[(official, code)] = expected.get((official, code), 0) + 1

    step("booth, radio groups: close, tally, report")
    h.pk("round", "close", "--round", round_id)
    h.pk("tally", "--round", round_id)
    report = json.loads(h.pk("report", "round", "--round", round_id, "--format", "json"))
    check(report["kind"] == "rating" and report["ballots_counted"] == len(qrs),
          "rating report: kind %r, %r ballots" % (report["kind"], report["ballots_counted"]))
    for official in report["summary"]["officials"]:
        oid = official["official_id"]
        for level in official["levels"]:
            want = expected.get((oid, level["code"]), 0)
            check(level["count"] == want, "%s chose %s %d times in the browser, report says %d"
                  % (oid, level["code"], want, level["count"]))
        want_blank = expected.get((oid, None), 0)
        check(official["blank"] == want_blank, "%s left blank %d times, report says %r" % (oid, want_blank, official["blank"]))
    print("   report: %s" % ", ".join("%s=%s:%d" % (o, c or "blank", n) for (o, c), n in sorted(expected.items(), key=str)))


# --- the kiosk ----------------------------------------------------------------------------------

def kiosk(h):
    step("kiosk: an unnumbered one-stop-desk round (citizens), enrolment PDF")
    round_id = h.pk("round", "open", "--survey", "one-stop-desk", "--period", "2026-Q4", "--unit", "VP",
                    "--serials", "none", "--ballots", "100", "--channel", "citizens",
                    "--kiosk-interval", "1").strip().splitlines()[-1]
    enrol_pdf = h.path("enrol.pdf")
    desk = "Quầy 2 – Bộ phận một cửa"
    h.pk("kiosk", "enroll", "--round", round_id, "--desk", desk, "--public-url", h.url,
         "--out", enrol_pdf)
    qrs = pdf_qr_codes(enrol_pdf, h.dir)
    check(len(qrs) == 1, "expected one QR in the enrolment PDF, found %r" % qrs)
    check(re.fullmatch(re.escape(h.url) + r"/kiosk#enrol=\S+", qrs[0]), "enrolment QR %r" % qrs[0])
    check("Quầy 2" in pdf_text(enrol_pdf), "the enrolment PDF does not name the desk")

    if h.server is None:
        h.start_server()
    if h.driver is None:
        h.start_browser()
    d = h.driver
    h.open(qrs[0])
    h.wait_screen("rate", timeout=30)
    check("#" not in d.current_url, "the enrolment token stays in the address bar: %s" % d.current_url)
    h.check_layout("kiosk")
    check("Quầy 2" in d.find_element("tag name", "body").text, "the kiosk page does not show its desk")
    buttons = [b for b in h.css("#rate-choices button") if b.is_displayed()]
    check(len(buttons) == 6, "one-stop-desk: expected 6 big buttons, found %d" % len(buttons))
    question = buttons[0].get_attribute("name")
    codes = [b.get_attribute("value") for b in buttons]
    check(codes == ["1", "2", "3", "4", "5", "6"], "choice codes %r" % codes)
    for b in buttons:
        size = b.size
        check(size["height"] >= 44 and size["width"] >= 44, "button %s is small: %r" % (b.get_attribute("value"), size))

    taps = ["1", "1", "2", "5", "3"]
    expected = {}
    started = time.time()

    def tap(code):
        h.wait_screen("rate", timeout=30)
        button = h.one('#rate-choices button[name="%s"][value="%s"]' % (question, code))
        h.click(button)
        h.wait_for(lambda: h.screen() == "thanks", "the thank-you screen")
        expected[code] = expected.get(code, 0) + 1

    for code in taps:
        step("kiosk: tap %s" % code)
        tap(code)
        h.wait_for(lambda: h.js("return document.body.dataset.queued") == "0", "the rating to be sent")
    # After the thank-you screen the kiosk is ready again by itself.
    h.wait_screen("rate", timeout=15)
    print("   %d taps in %.1f s" % (len(taps), time.time() - started))
    h.check_console("kiosk")

    check_kiosk_counts(h, round_id, len(taps))
    step("kiosk: offline — server stopped, tap, restart on the same port, queued rating sent once")
    h.stop_server()
    tap("6")
    h.wait_for(lambda: h.js("return document.body.dataset.queued") == "1", "the rating queued on the tablet")
    time.sleep(1)
    check(h.js("return document.body.dataset.queued") == "1", "queued rating vanished while offline")
    queued = h.js("return localStorage.getItem('phieukin.kiosk.queue')")
    check(queued and len(json.loads(queued)) == 1, "the tablet's queue: %r" % queued)
    h.start_server()
    h.wait_for(lambda: h.js("return document.body.dataset.queued") == "0", "the queued rating to be sent", timeout=40)
    check_kiosk_counts(h, round_id, len(taps) + 1)

    step("kiosk: the same rating sent again (as after a lost answer) is counted once")
    h.js("localStorage.setItem('phieukin.kiosk.queue', arguments[0]); window.dispatchEvent(new Event('online'));", queued)
    h.wait_for(lambda: h.js("return localStorage.getItem('phieukin.kiosk.queue')") == "[]",
               "the resent rating to leave the queue", timeout=40)
    check(h.alert_text() == "", "the kiosk shows an alert after a resend: %r" % h.alert_text())

    step("kiosk: kiosk counts")
    total = len(taps) + 1
    check_kiosk_counts(h, round_id, total)
    counts_text = h.pk("kiosk", "counts", "--round", round_id)
    # phieukin speaks Vietnamese by default: "<desk>: hôm nay N (date), tổng cộng N".
    check("%s: hôm nay %d" % (desk, total) in counts_text,
          "kiosk counts does not show %d for the desk:\n%s" % (total, counts_text))

    step("kiosk: close, tally, report counts every tap once per choice")
    h.pk("round", "close", "--round", round_id)
    h.pk("tally", "--round", round_id)
    report = json.loads(h.pk("report", "round", "--round", round_id, "--format", "json"))
    check(report["ballots_counted"] == total, "ballots_counted %r, tapped %d" % (report["ballots_counted"], total))
    q = [x for x in report["summary"]["questions"] if x["question_id"] == question]
    check(len(q) == 1, "question %s not in the report" % question)
    got = {lv["code"]: lv["count"] for lv in q[0]["levels"]}
    for code in codes:
        check(got.get(code, 0) == expected.get(code, 0),
              "choice %s: tapped %d times, report says %r" % (code, expected.get(code, 0), got.get(code)))
    print("   report: %s" % ", ".join("%s=%d" % (c, got.get(c, 0)) for c in codes))


def kiosk_cap(h):
    step("kiosk cap: a round with a daily cap of 2 per kiosk; a second tablet enrolled on the same browser")
    round_id = h.pk("round", "open", "--survey", "one-stop-desk", "--period", "2026-12", "--unit", "VP",
                    "--serials", "none", "--ballots", "100", "--channel", "citizens",
                    "--kiosk-interval", "1", "--kiosk-daily-cap", "2").strip().splitlines()[-1]
    desk = "Quầy 3"
    enrol_pdf = h.path("enrol-cap.pdf")
    h.pk("kiosk", "enroll", "--round", round_id, "--desk", desk, "--public-url", h.url, "--out", enrol_pdf)
    qrs = pdf_qr_codes(enrol_pdf, h.dir)
    check(len(qrs) == 1, "expected one QR in the enrolment PDF, found %r" % qrs)
    if h.server is None:
        h.start_server()
    if h.driver is None:
        h.start_browser()
    h.open(qrs[0])
    h.wait_screen("rate", timeout=30)
    check(desk in h.driver.find_element("tag name", "body").text, "the re-enrolled kiosk does not show its desk")
    for i in range(3):
        h.wait_screen("rate", timeout=30)
        h.click(h.one('#rate-choices button[value="1"]'))
        h.wait_for(lambda: h.screen() == "thanks", "the thank-you screen")
        h.wait_for(lambda: h.js("return document.body.dataset.queued") == "0", "the rating to leave the queue")
    alert = h.wait_for(lambda: h.alert_text(), "the daily-cap message")
    check("Máy này đã nhận đủ số lượt đánh giá cho hôm nay" in alert, "daily cap: unexpected alert %r" % alert)
    check_kiosk_counts(h, round_id, 2, desk=desk)


def check_kiosk_counts(h, round_id, n, desk="Quầy 2 – Bộ phận một cửa"):
    counts = json.loads(h.pk("kiosk", "counts", "--round", round_id, "--json"))
    check(len(counts) == 1 and counts[0].get("desk") == desk
          and counts[0].get("today") == n and counts[0].get("total") == n,
          "kiosk counts --json: expected one desk with %d today and in all, got %r" % (n, counts))


# --- main ---------------------------------------------------------------------------------------

def find_binary(arg):
    if arg:
        return os.path.abspath(arg)
    if os.environ.get("PHIEUKIN_BIN"):
        return os.path.abspath(os.environ["PHIEUKIN_BIN"])
    p = subprocess.run(["swift", "build", "--show-bin-path"], cwd=REPO, capture_output=True, text=True, check=True)
    return os.path.join(p.stdout.strip(), "phieukin")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--bin", help="the phieukin binary (default: PHIEUKIN_BIN, else the debug build)")
    ap.add_argument("--only", choices=("booth", "booth-30", "booth-radio", "kiosk", "kiosk-cap"))
    ap.add_argument("--keep", action="store_true", help="keep the scratch workspace")
    args = ap.parse_args()

    missing = [p for p in (CHROMIUM, CHROMEDRIVER) if not os.access(p, os.X_OK)]
    try:
        import selenium  # noqa: F401
    except ImportError:
        missing.append("python3-selenium")
    if missing:
        print("browser tests SKIPPED: %s missing (scripts/install-deps installs chromium, chromium-driver "
              "and python3-selenium)" % ", ".join(missing))
        return 77
    for tool in ("pdftotext", "pdftoppm", "zbarimg"):
        if not shutil.which(tool):
            print("browser tests: %s missing (scripts/install-deps)" % tool, file=sys.stderr)
            return 1
    binary = find_binary(args.bin)
    if not os.access(binary, os.X_OK):
        print("browser tests: no phieukin binary at %s (swift build first)" % binary, file=sys.stderr)
        return 1

    # Killed from outside (a CI timeout, Ctrl-C): still stop the server and the browser we started.
    def interrupted(signum, frame):
        raise SystemExit("browser tests: interrupted by signal %d" % signum)
    signal.signal(signal.SIGTERM, interrupted)
    signal.signal(signal.SIGINT, interrupted)

    h = Harness(binary, args.keep)
    started = time.time()
    passed = False
    try:
        print("browser tests: %s, %s, port %d, workspace %s" % (binary, CHROMIUM, h.port, h.dir), flush=True)
        h.init_workspace()
        if args.only in (None, "booth"):
            booth(h)
        if args.only in (None, "booth-30"):
            booth_thirty(h)
        if args.only in (None, "booth-radio"):
            booth_radio(h)
        if args.only in (None, "kiosk"):
            kiosk(h)
        if args.only in (None, "kiosk-cap"):
            kiosk_cap(h)
        passed = True
    except Failure as e:
        print("\nFAIL: %s" % e, file=sys.stderr)
    except Exception:
        traceback.print_exc()
        print("\nFAIL: unexpected error (above)", file=sys.stderr)
    finally:
        h.cleanup(passed)
    print("browser tests %s in %.1f s" % ("passed" if passed else "FAILED", time.time() - started))
    return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main())
