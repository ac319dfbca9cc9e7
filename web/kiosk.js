// PhieuKin kiosk (docs/WEB.md, "Kiosk"): a tablet at a one-stop desk. Enrolled once from
// #enrol=TOKEN; shows the survey's choices as big buttons (one tap for a one-question survey, one
// question per step otherwise); seals each rating on the tablet, queues it in local storage with a
// random 16-byte id, and sends the queue until the server has every rating (201, or 200 for a
// resend it already holds): a tablet offline keeps taking ratings, nothing is lost or counted twice.
"use strict";

(function () {
  const S = window.PhieuKinSeal;
  const P = window.PhieuKinPage;

  const STRINGS = {
    vi: {
      pageTitle: "Phiếu kín — Đánh giá sự hài lòng",
      brand: "Phiếu kín",
      unsupportedTitle: "Trình duyệt chưa hỗ trợ",
      unsupportedText: "Trình duyệt của máy này không niêm phong được phiếu. Vui lòng cập nhật trình duyệt.",
      unenrolledTitle: "Máy chưa được đăng ký",
      unenrolledText:
        "Cán bộ phụ trách mở đường dẫn đăng ký (mã QR in từ lệnh phieukin kiosk enroll) trên máy này một lần.",
      skip: "Bỏ qua",
      next: "Tiếp tục",
      thanksTitle: "Cảm ơn Quý khách!",
      thanksText: "Ý kiến của Quý khách đã được ghi nhận.",
      step: "Câu {n}/{total}",
      queued: "Đang chờ gửi: {n} lượt đánh giá (sẽ tự gửi khi có mạng).",
      ready: "Sẵn sàng.",
      enrolled: "Đã đăng ký máy cho {desk}.",
      noBallot: "Chưa tải được phiếu đánh giá. Máy sẽ tự thử lại.",
      sealFailed: "Không niêm phong được phiếu trên máy này.",
    },
    en: {
      pageTitle: "Phiếu kín — Satisfaction rating",
      brand: "Phiếu kín",
      unsupportedTitle: "This browser cannot be used",
      unsupportedText: "This tablet's browser cannot seal a rating. Please update the browser.",
      unenrolledTitle: "This tablet is not enrolled",
      unenrolledText:
        "A member of staff opens the enrolment link (the QR code printed by phieukin kiosk enroll) on this tablet once.",
      skip: "Skip",
      next: "Next",
      thanksTitle: "Thank you!",
      thanksText: "Your rating has been recorded.",
      step: "Question {n} of {total}",
      queued: "Waiting to send: {n} ratings (sent automatically when the network is back).",
      ready: "Ready.",
      enrolled: "Tablet enrolled for {desk}.",
      noBallot: "The rating form could not be loaded yet. The tablet will try again.",
      sealFailed: "This tablet could not seal the rating.",
    },
  };
  const T = STRINGS[P.lang];

  const KEY_ENROLMENT = "phieukin.kiosk";
  const KEY_QUEUE = "phieukin.kiosk.queue";
  const KEY_DAY = "phieukin.kiosk.day";
  const keyBallot = () => "phieukin.kiosk.ballot." + P.lang;
  const THANKS_MS = 4000;
  const RETRY_MS = 15000;

  const $ = (id) => document.getElementById(id);
  let enrolment = null;
  let ballot = null;
  let steps = [];
  let stepIndex = 0;
  let chosen = {};
  let sending = false;
  let locked = false;

  function load(key) {
    try {
      return JSON.parse(localStorage.getItem(key) || "null");
    } catch (e) {
      return null;
    }
  }

  function save(key, value) {
    localStorage.setItem(key, JSON.stringify(value));
  }

  function showAlert(text) {
    $("alert").textContent = text;
    $("alert").hidden = !text;
  }

  function show(screen) {
    for (const id of ["screen-unsupported", "screen-unenrolled", "screen-rate", "screen-thanks"]) {
      $(id).hidden = id !== "screen-" + screen;
    }
    document.body.dataset.screen = screen;
  }

  function queue() {
    return load(KEY_QUEUE) || [];
  }

  function updateStatus() {
    const n = queue().length;
    $("kiosk-status").textContent = n ? T.queued.replace("{n}", n) : T.ready;
    document.body.dataset.queued = String(n);
  }

  // --- Enrolment and the ballot -----------------------------------------------------------------

  async function enrolFromFragment() {
    const match = /^#enrol=(.+)$/.exec(location.hash);
    if (!match) return;
    history.replaceState(null, "", location.pathname + location.search);
    let result;
    try {
      result = await P.post("/api/kiosk/enrol", { token: decodeURIComponent(match[1]) });
    } catch (e) {
      result = null;
    }
    if (result && result.status === 200 && result.body && result.body.kiosk) {
      save(KEY_ENROLMENT, result.body);
      localStorage.removeItem("phieukin.kiosk.ballot.vi");
      localStorage.removeItem("phieukin.kiosk.ballot.en");
      showAlert("");
      $("kiosk-status").textContent = T.enrolled.replace("{desk}", result.body.desk || "");
    } else {
      showAlert(result && result.body && result.body.message ? result.body.message : T.noBallot);
    }
  }

  async function loadBallot() {
    try {
      const result = await P.post("/api/kiosk/ballot", { kiosk: enrolment.kiosk });
      if (result.status === 200 && result.body) {
        save(keyBallot(), result.body);
        return result.body;
      }
      if (result.body && result.body.message) showAlert(result.body.message);
    } catch (e) {
      // offline: the cached form below
    }
    return load(keyBallot());
  }

  // --- Rating -----------------------------------------------------------------------------------

  function makeSteps() {
    if (ballot.shape === "questions") {
      return ballot.questions.map((q) => ({ id: q.id, label: q.label, grid: false }));
    }
    if (ballot.shape === "official-choice") {
      return ballot.officials.map((o) => ({ id: o.id, label: o.name, grid: false }));
    }
    return ballot.officials.map((o) => ({ id: o.id, label: o.name, grid: true }));
  }

  function button(attributes, text) {
    const b = document.createElement("button");
    b.type = "button";
    for (const [name, value] of Object.entries(attributes)) b.setAttribute(name, value);
    b.textContent = text;
    return b;
  }

  function renderStep() {
    const step = steps[stepIndex];
    $("rate-title").textContent = ballot.title;
    $("kiosk-desk").textContent = ballot.desk || (enrolment && enrolment.desk) || T.brand;
    $("rate-step").textContent =
      steps.length > 1 ? T.step.replace("{n}", stepIndex + 1).replace("{total}", steps.length) : "";
    $("rate-question").textContent = step.label;
    const container = $("rate-choices");
    container.replaceChildren();
    if (step.grid) {
      // One toggle per criterion; "next" moves on.
      for (const criterion of ballot.criteria) {
        const name = step.id + "." + criterion.id;
        const b = button({ class: "choice", name: name, value: ballot.mark_code, "aria-pressed": "false" },
          criterion.label);
        b.addEventListener("click", () => {
          const on = b.getAttribute("aria-pressed") !== "true";
          b.setAttribute("aria-pressed", on ? "true" : "false");
          if (on) chosen[name] = ballot.mark_code;
          else delete chosen[name];
        });
        container.append(b);
      }
    } else {
      for (const choice of ballot.choices) {
        const b = button({ class: "choice", name: step.id, value: choice.code }, choice.label);
        b.addEventListener("click", () => {
          if (locked) return;
          chosen[step.id] = choice.code;
          advance();
        });
        container.append(b);
      }
    }
    $("rate-skip").hidden = steps.length === 1 && !step.grid;
    $("rate-next").hidden = !step.grid;
  }

  function advance() {
    if (stepIndex + 1 < steps.length) {
      stepIndex += 1;
      renderStep();
      $("rate-question").scrollIntoView({ block: "nearest" });
      return;
    }
    finish();
  }

  function reset() {
    chosen = {};
    stepIndex = 0;
    locked = false;
    renderStep();
    show("rate");
  }

  function randomID() {
    return S.bytesToHex(crypto.getRandomValues(new Uint8Array(16)));
  }

  async function finish() {
    if (locked) return;
    locked = true;
    let item;
    try {
      const bytes = S.ballotBytes(ballot.round, ballot.survey, chosen, "");
      const box = await S.seal(bytes, ballot.seal.public_key, ballot.seal.context);
      // The kiosk token goes with the rating: one made before a re-enrolment is still sent as
      // the kiosk (and round) it was sealed for.
      item = { id: randomID(), sealed: S.base64(box), kiosk: enrolment.kiosk, key: ballot.seal.public_key };
    } catch (e) {
      showAlert(T.sealFailed);
      locked = false;
      return;
    }
    const items = queue();
    items.push(item);
    save(KEY_QUEUE, items);
    updateStatus();
    show("thanks");
    $("thanks-title").focus();
    flush();
    setTimeout(reset, Math.max(THANKS_MS, nextAllowed() - Date.now()));
  }

  // The round's pace, as the server counts it: on average one rating per min_interval_seconds
  // since the day's first. The thank-you screen stays until the next rating is within it, so
  // the queue never holds more than the server will take.
  function nextAllowed() {
    const now = new Date();
    const today = [now.getFullYear(), now.getMonth() + 1, now.getDate()].join("-");
    let day = load(KEY_DAY);
    if (!day || day.day !== today) day = { day: today, first: now.getTime(), count: 0 };
    day.count += 1;
    save(KEY_DAY, day);
    const interval = (ballot.min_interval_seconds || (enrolment && enrolment.min_interval_seconds) || 0) * 1000;
    return day.first + day.count * interval;
  }

  // --- Sending the queue ------------------------------------------------------------------------

  // Sends queued ratings one by one, oldest first. A rating leaves the queue when the server holds
  // it (201, or 200 for a resend), or when the server says it can never take it (400, 409, or the
  // kiosk's daily cap reached); it stays while the network is down, the server fails, the
  // kiosk is unknown (staff re-enrol it) or the pace is exceeded (429 kiosk-too-fast).
  async function flush() {
    if (sending || !enrolment) return;
    sending = true;
    try {
      for (const item of queue()) {
        let result;
        try {
          const kiosk = item.kiosk || enrolment.kiosk;
          const payload = { kiosk: kiosk, id: item.id, sealed: item.sealed };
          if (item.key) payload.key = item.key; // ratings queued before issue 19 name no key
          result = await P.post("/api/kiosk/ballots", payload);
        } catch (e) {
          break; // offline: try again later
        }
        const error = result.body && result.body.error;
        const refused = result.status === 400 || result.status === 409 || error === "kiosk-daily-cap";
        if (refused && result.body && result.body.message) showAlert(result.body.message);
        const done = result.status === 201 || result.status === 200 || refused;
        if (!done) {
          if (result.status === 403 && result.body && result.body.message) showAlert(result.body.message);
          break;
        }
        save(KEY_QUEUE, queue().filter((other) => other.id !== item.id));
        updateStatus();
      }
    } finally {
      sending = false;
      updateStatus();
    }
  }

  // --- Start ------------------------------------------------------------------------------------

  async function start() {
    P.applyStrings(STRINGS);
    if (!(await S.supported())) {
      show("unsupported");
      return;
    }
    await enrolFromFragment();
    enrolment = load(KEY_ENROLMENT);
    updateStatus();
    window.addEventListener("online", flush);
    setInterval(flush, RETRY_MS);
    if (!enrolment || !enrolment.kiosk) {
      show("unenrolled");
      return;
    }
    flush();
    $("rate-skip").addEventListener("click", () => {
      if (!locked) advance();
    });
    $("rate-next").addEventListener("click", () => {
      if (!locked) advance();
    });
    while (!ballot) {
      ballot = await loadBallot();
      if (!ballot) {
        showAlert(T.noBallot);
        await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
      }
    }
    showAlert("");
    steps = makeSteps();
    reset();
  }

  start();
})();
