// PhieuKin booth (docs/WEB.md): code → ballot, one official (or question) per step → review →
// "Đã ghi nhận phiếu". The form contract: <input name="code">; every answer control's name is the
// question id and its value the answer code; buttons carry data-action; the receipt is in
// [data-receipt]; errors in [role=alert]. document.body.dataset.screen names the screen (code,
// ballot, review, done) and dataset.step the step shown (0-based) on the ballot screen.
"use strict";

(function () {
  const S = window.PhieuKinSeal;
  const P = window.PhieuKinPage;

  const STRINGS = {
    vi: {
      pageTitle: "Phiếu kín — Bỏ phiếu điện tử",
      brand: "Phiếu kín",
      unsupportedTitle: "Trình duyệt chưa hỗ trợ",
      unsupportedText:
        "Trình duyệt này không niêm phong được phiếu. Vui lòng mở lại đường dẫn bằng phiên bản mới " +
        "của Chrome, Edge, Firefox hoặc Safari. Chưa có gì được gửi đi.",
      codeTitle: "Nhập mã bỏ phiếu",
      codeLabel: "Mã trên phiếu mã của bạn",
      codeHint:
        "Không phân biệt chữ hoa, chữ thường; có thể gõ hoặc bỏ dấu cách và dấu gạch ngang.",
      open: "Mở phiếu",
      secrecyNote:
        "Phiếu được niêm phong ngay trên máy của bạn trước khi gửi: máy chủ không đọc được lựa chọn " +
        "của bạn, và mã không gắn với tên của bạn.",
      ballotLegend: "Lựa chọn của bạn",
      remarkLabel: "Ý kiến khác (không bắt buộc)",
      review: "Xem lại",
      previous: "Trước",
      next: "Tiếp",
      jumpLabel: "Chuyển đến người",
      jumpLabelQuestions: "Chuyển đến câu",
      progress: "Người {n}/{total}",
      progressQuestions: "Câu {n}/{total}",
      optionDone: "{label} (đã có ý kiến)",
      skipRest: "Không có ý kiến về những người còn lại",
      skipRestQuestions: "Không có ý kiến về các câu còn lại",
      reviewCount: "Bạn có ý kiến về {marked}/{total} người; những người khác để trống.",
      reviewCountQuestions: "Bạn đã trả lời {marked}/{total} câu; các câu khác để trống.",
      reviewTitle: "Xem lại lựa chọn của bạn",
      reviewText: "Kiểm tra lại trước khi gửi. Sau khi gửi, phiếu không sửa được.",
      edit: "Sửa lại",
      confirm: "Xác nhận và gửi phiếu",
      doneTitle: "Đã ghi nhận phiếu",
      doneText: "Cảm ơn bạn. Phiếu của bạn đã được niêm phong và ghi nhận.",
      receiptLabel: "Mã biên nhận của bạn:",
      receiptHelp:
        "Ghi lại hoặc chụp mã này. Sau khi phiếu được đưa vào sổ phiếu của đợt bỏ phiếu, mã này là " +
        "một trong các mã băm của tệp leaves.bin trong bộ hồ sơ kiểm tra được công bố: bạn có thể tự " +
        "kiểm tra phiếu của mình đã được tính mà không ai biết bạn chọn gì.",
      doneClose: "Bạn có thể đóng trang này.",
      clear: "Bỏ chọn",
      clearLabel: "Bỏ chọn: {name}",
      emptyCode: "Vui lòng nhập mã trên phiếu mã.",
      network: "Không kết nối được máy chủ. Kiểm tra mạng rồi thử lại; phiếu chưa được gửi.",
      sealFailed: "Không niêm phong được phiếu trên trình duyệt này. Chưa có gì được gửi đi.",
      receiptMismatch:
        "Cảnh báo: mã biên nhận máy chủ trả về khác với mã tính trên máy của bạn. Hãy báo cho tổ " +
        "kiểm phiếu; mã dưới đây là mã tính trên máy của bạn.",
      working: "Đang xử lý…",
      unit: "Đơn vị",
      period: "Kỳ",
    },
    en: {
      pageTitle: "Phiếu kín — Electronic voting",
      brand: "Phiếu kín",
      unsupportedTitle: "This browser cannot be used",
      unsupportedText:
        "This browser cannot seal a ballot. Please open the link again in a current version of " +
        "Chrome, Edge, Firefox or Safari. Nothing has been sent.",
      codeTitle: "Enter your voting code",
      codeLabel: "The code on your slip",
      codeHint: "Upper or lower case; spaces and dashes may be typed or left out.",
      open: "Open the ballot",
      secrecyNote:
        "Your ballot is sealed on your own device before it is sent: the server cannot read your " +
        "choices, and the code is not linked to your name.",
      ballotLegend: "Your choices",
      remarkLabel: "Other remarks (optional)",
      review: "Review",
      previous: "Previous",
      next: "Next",
      jumpLabel: "Go to a person",
      jumpLabelQuestions: "Go to a question",
      progress: "Person {n}/{total}",
      progressQuestions: "Question {n}/{total}",
      optionDone: "{label} (answered)",
      skipRest: "No opinion on the rest",
      skipRestQuestions: "No opinion on the remaining questions",
      reviewCount: "You gave an opinion on {marked}/{total} people; the others are left blank.",
      reviewCountQuestions: "You answered {marked}/{total} questions; the others are left blank.",
      reviewTitle: "Review your choices",
      reviewText: "Check before sending. Once sent, a ballot cannot be changed.",
      edit: "Change",
      confirm: "Confirm and cast the ballot",
      doneTitle: "Ballot recorded",
      doneText: "Thank you. Your ballot has been sealed and recorded.",
      receiptLabel: "Your receipt:",
      receiptHelp:
        "Write this down or take a picture. Once your ballot is appended to the round's ballot log, " +
        "this receipt is one of the hashes in leaves.bin of the published audit bundle: you can check " +
        "that your ballot is counted without anyone learning how you voted.",
      doneClose: "You may close this page.",
      clear: "Clear",
      clearLabel: "Clear: {name}",
      emptyCode: "Please enter the code on your slip.",
      network: "The server could not be reached. Check the network and try again; nothing was sent.",
      sealFailed: "This browser could not seal the ballot. Nothing has been sent.",
      receiptMismatch:
        "Warning: the receipt the server returned differs from the one computed on your device. " +
        "Please tell the counting committee; the receipt below is the one computed on your device.",
      working: "Working…",
      unit: "Unit",
      period: "Period",
    },
  };
  const T = STRINGS[P.lang];

  const $ = (id) => document.getElementById(id);
  const alertBox = $("alert");
  let ballot = null; // the definition from POST /api/code
  let code = ""; // the code as typed, kept only in this page's memory
  // The last box sent and the ballot bytes it seals, kept in memory until the server answers: a
  // retry after a lost answer (network, server restart) resends the very same box, which the
  // server answers with the same receipt instead of "code already used" (docs/WEB.md).
  let sent = null;
  let busy = false;

  function showAlert(text) {
    alertBox.textContent = text;
    alertBox.hidden = !text;
    if (text) alertBox.scrollIntoView({ block: "nearest" });
  }

  function show(screen) {
    for (const id of ["screen-unsupported", "screen-code", "screen-ballot", "screen-done"]) {
      $(id).hidden = id !== "screen-" + screen;
    }
    document.body.dataset.screen = screen;
  }

  function setBusy(value, button) {
    busy = value;
    document.body.dataset.busy = value ? "true" : "false";
    for (const b of document.querySelectorAll("button[data-action]")) b.disabled = value;
    if (button) button.setAttribute("aria-busy", value ? "true" : "false");
  }

  function errorText(result) {
    if (result && result.body && typeof result.body.message === "string") return result.body.message;
    return T.network;
  }

  // --- Screen 1: the code -----------------------------------------------------------------------

  function readFragment() {
    if (!location.hash || location.hash.length < 2) return;
    let fragment = location.hash.slice(1);
    try {
      fragment = decodeURIComponent(fragment);
    } catch (e) {
      // keep it as it is
    }
    $("code").value = fragment.trim();
    // The code leaves the address bar (and the history) as soon as it is read.
    history.replaceState(null, "", location.pathname + location.search);
  }

  async function openBallot(event) {
    event.preventDefault();
    if (busy) return;
    showAlert("");
    code = $("code").value.trim();
    if (!code) {
      showAlert(T.emptyCode);
      $("code").focus();
      return;
    }
    setBusy(true, event.submitter);
    let result;
    try {
      result = await P.post("/api/code", { code: code });
    } catch (e) {
      result = null;
    }
    setBusy(false, event.submitter);
    if (!result || result.status !== 200 || !result.body) {
      showAlert(errorText(result));
      $("code").focus();
      return;
    }
    ballot = result.body;
    renderBallot();
    show("ballot");
    $("ballot-title").focus({ preventScroll: true });
    window.scrollTo(0, 0);
  }

  // --- Screen 2: the ballot, one step per official (or question), then the review ---------------
  //
  // Every card is in the form from the start (so the answers are read from one place), but only
  // the current step's card is shown: a 30-official ballot is 30 short steps, not 210 checkboxes.

  let steps = []; // [{card, heading, label}], in ballot order
  let current = 0;

  function element(tag, attributes, text) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) node.setAttribute(name, value);
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function controlID(name, value) {
    return "q-" + name + (value === undefined ? "" : "--" + value);
  }

  function fill(text, values) {
    return text.replace(/\{(\w+)\}/g, (all, key) => (key in values ? String(values[key]) : all));
  }

  // Whether the ballot asks about officials (grid, official-choice) rather than questions.
  function perOfficial() {
    return ballot.shape !== "questions";
  }

  // A step's card: a fieldset whose legend holds the step's heading (focused on each step).
  function stepCard(index, label, detail) {
    const fieldset = element("fieldset", { class: "card", id: "step-" + index, "data-step": String(index) });
    const legend = element("legend");
    const heading = element("h2", { class: "name", tabindex: "-1" }, label);
    legend.append(heading);
    if (detail) legend.append(element("span", { class: "title" }, detail));
    fieldset.append(legend);
    steps.push({ card: fieldset, heading: heading, label: label });
    return fieldset;
  }

  // One checkbox per official × criterion: name "<official>.<criterion>", value the mark code.
  function renderGrid(container) {
    for (const official of ballot.officials) {
      const fieldset = stepCard(steps.length, official.name, official.title);
      for (const criterion of ballot.criteria) {
        const name = official.id + "." + criterion.id;
        const row = element("div", { class: "option" });
        const input = element("input", {
          type: "checkbox",
          id: controlID(name),
          name: name,
          value: ballot.mark_code,
        });
        row.append(input, element("label", { for: controlID(name) }, criterion.label));
        fieldset.append(row);
      }
      container.append(fieldset);
    }
  }

  // One radio group per question (an official or a question): name the question id, value the
  // choice code; a "clear" button leaves the question blank, as on paper.
  function renderRadioGroups(container, questions) {
    for (const question of questions) {
      const fieldset = stepCard(steps.length, question.label, question.detail);
      for (const choice of ballot.choices) {
        const row = element("div", { class: "option" });
        const id = controlID(question.id, choice.code);
        const input = element("input", { type: "radio", id: id, name: question.id, value: choice.code });
        row.append(input, element("label", { for: id }, choice.label));
        fieldset.append(row);
      }
      const clear = element("button", {
        type: "button",
        class: "link",
        "data-action": "clear",
        "data-question": question.id,
        "aria-label": T.clearLabel.replace("{name}", question.label),
      }, T.clear);
      clear.addEventListener("click", () => {
        for (const input of fieldset.querySelectorAll("input[type=radio]")) input.checked = false;
        markDone();
      });
      fieldset.append(clear);
      container.append(fieldset);
    }
  }

  // The questions of a radio-group ballot, as [{id, label, detail}].
  function radioQuestions() {
    if (ballot.shape === "official-choice") {
      return ballot.officials.map((o) => ({ id: o.id, label: o.name, detail: o.title }));
    }
    return ballot.questions.map((q) => ({ id: q.id, label: q.label, detail: "" }));
  }

  function answered(step) {
    return step.card.querySelector("input:checked") !== null;
  }

  // The jump list: "3. Name", with "(answered)" once a step has a mark.
  function markDone() {
    const options = $("jump").options;
    steps.forEach((step, i) => {
      const label = i + 1 + ". " + step.label;
      options[i].textContent = answered(step) ? fill(T.optionDone, { label: label }) : label;
    });
  }

  function renderBallot() {
    $("ballot-title").textContent = ballot.title;
    $("ballot-title").setAttribute("tabindex", "-1");
    const meta = [];
    if (ballot.unit) meta.push(T.unit + ": " + ballot.unit);
    if (ballot.period) meta.push(T.period + ": " + ballot.period);
    $("ballot-meta").textContent = meta.join(" · ");
    $("ballot-instructions").textContent = ballot.instructions || "";
    const container = $("ballot-fields");
    container.replaceChildren();
    steps = [];
    if (ballot.shape === "grid") renderGrid(container);
    else renderRadioGroups(container, radioQuestions());
    const jump = $("jump");
    jump.replaceChildren(...steps.map((step, i) => element("option", { value: String(i) }, "")));
    markDone();
    document.querySelector('label[for="jump"]').textContent = perOfficial() ? T.jumpLabel : T.jumpLabelQuestions;
    document.querySelector("[data-action=skip-rest]").textContent = perOfficial()
      ? T.skipRest
      : T.skipRestQuestions;
    const remark = ballot.remark || { allowed: false };
    $("remark-field").hidden = !remark.allowed;
    $("remark").disabled = !remark.allowed;
    if (remark.allowed && remark.max_length) $("remark").maxLength = remark.max_length;
    setReviewing(false);
    showStep(0, false);
  }

  // Shows step `index` alone; `moveFocus` puts the focus on its heading (Previous, Next, Edit),
  // while a jump from the list leaves it on the list, which a keyboard user is still using.
  function showStep(index, moveFocus) {
    current = Math.max(0, Math.min(index, steps.length - 1));
    steps.forEach((step, i) => {
      step.card.hidden = i !== current;
    });
    document.body.dataset.step = String(current);
    $("ballot-instructions").hidden = current !== 0 || !ballot.instructions;
    const progress = perOfficial() ? T.progress : T.progressQuestions;
    $("step-progress").textContent = fill(progress, { n: current + 1, total: steps.length });
    $("jump").value = String(current);
    const last = current === steps.length - 1;
    document.querySelector("[data-action=previous]").hidden = current === 0;
    document.querySelector("[data-action=next]").textContent = last ? T.review : T.next;
    document.querySelector("[data-action=skip-rest]").hidden = last;
    if (moveFocus) {
      window.scrollTo(0, 0);
      steps[current].heading.focus({ preventScroll: true });
    }
  }

  function move(delta) {
    showAlert("");
    if (delta > 0 && current === steps.length - 1) review();
    else showStep(current + delta, true);
  }

  // The answers as the page will seal them: {question id: code}.
  function answers() {
    const out = {};
    for (const input of $("ballot-fields").querySelectorAll("input:checked")) {
      out[input.name] = input.value;
    }
    return out;
  }

  function remarkText() {
    if (!ballot.remark || !ballot.remark.allowed) return "";
    return $("remark").value.normalize("NFC").trim();
  }

  // The review: how many steps have an answer, then those steps with their answers (the voter's
  // own screen only; nothing of it is logged or sent but the sealed box).
  function renderReview() {
    const list = $("review-list");
    list.replaceChildren();
    const chosen = answers();
    const dl = element("dl");
    let marked = 0;
    if (ballot.shape === "grid") {
      for (const official of ballot.officials) {
        const labels = ballot.criteria
          .filter((c) => chosen[official.id + "." + c.id] !== undefined)
          .map((c) => c.label);
        if (!labels.length) continue;
        marked += 1;
        dl.append(element("dt", {}, official.name));
        dl.append(element("dd", {}, labels.join(", ")));
      }
    } else {
      const labels = Object.fromEntries(ballot.choices.map((c) => [c.code, c.label]));
      for (const question of radioQuestions()) {
        const code = chosen[question.id];
        if (code === undefined) continue;
        marked += 1;
        dl.append(element("dt", {}, question.label));
        dl.append(element("dd", {}, labels[code] || code));
      }
    }
    const count = perOfficial() ? T.reviewCount : T.reviewCountQuestions;
    $("review-count").textContent = fill(count, { marked: marked, total: steps.length });
    if (marked) list.append(dl);
  }

  function setReviewing(reviewing) {
    for (const id of ["step-nav", "ballot-fields", "step-actions"]) $(id).hidden = reviewing;
    if (reviewing) $("ballot-instructions").hidden = true;
    $("review").hidden = !reviewing;
    document.body.dataset.screen = reviewing ? "review" : "ballot";
  }

  // "Review" on the last step, or "no opinion on the rest" on any step: the marks made so far
  // stay as they are (the review lists them), every other step stays blank.
  function review() {
    showAlert("");
    renderReview();
    setReviewing(true);
    window.scrollTo(0, 0);
    $("review-title").focus({ preventScroll: true });
  }

  function edit() {
    showAlert("");
    setReviewing(false);
    showStep(current, true);
  }

  async function confirmBallot(event) {
    if (busy) return;
    showAlert("");
    setBusy(true, event.currentTarget);
    let box;
    let expected;
    try {
      const bytes = S.ballotBytes(ballot.round, ballot.survey, answers(), remarkText());
      const text = S.bytesToHex(bytes);
      if (sent && sent.code === code && sent.text === text) {
        box = sent.box;
      } else {
        box = await S.seal(bytes, ballot.seal.public_key, ballot.seal.context);
        sent = { code: code, text: text, box: box };
      }
      expected = await S.receipt(box);
    } catch (e) {
      setBusy(false);
      showAlert(T.sealFailed);
      return;
    }
    let result;
    try {
      result = await P.post("/api/ballots", {
        code: code,
        round: ballot.round,
        sealed: S.base64(box),
        key: ballot.seal.public_key,
      });
    } catch (e) {
      result = null;
    }
    setBusy(false);
    // 201: recorded; 200: recorded before (this very box, resent after a lost answer).
    if (!result || (result.status !== 201 && result.status !== 200) || !result.body) {
      showAlert(errorText(result));
      return;
    }
    sent = null;
    code = "";
    $("code").value = "";
    document.querySelector("[data-receipt]").textContent = expected;
    if (result.body.receipt !== expected) showAlert(T.receiptMismatch);
    show("done");
    $("done-title").focus();
  }

  // --- Start ------------------------------------------------------------------------------------

  async function start() {
    P.applyStrings(STRINGS);
    readFragment();
    // Another slip's QR opened in this tab: start afresh from its code, so nothing of the last
    // voter (their choices, their receipt) stays on screen.
    window.addEventListener("hashchange", () => {
      if (location.hash.length > 1) location.reload();
    });
    // Switching language keeps a code already typed (in the fragment, which no server sees).
    $("lang-switch").addEventListener("click", (event) => {
      const typed = $("code").value.trim();
      if (typed && document.body.dataset.screen === "code") {
        event.preventDefault();
        location.assign(event.currentTarget.getAttribute("href") + "#" + encodeURIComponent(typed));
      }
    });
    $("code-form").addEventListener("submit", openBallot);
    document.querySelector("[data-action=previous]").addEventListener("click", () => move(-1));
    document.querySelector("[data-action=next]").addEventListener("click", () => move(1));
    document.querySelector("[data-action=skip-rest]").addEventListener("click", review);
    $("jump").addEventListener("change", () => showStep(Number($("jump").value), false));
    $("ballot-fields").addEventListener("change", markDone);
    document.querySelector("[data-action=edit]").addEventListener("click", edit);
    document.querySelector("[data-action=confirm]").addEventListener("click", confirmBallot);
    if (!(await S.supported())) {
      show("unsupported");
      return;
    }
    show("code");
    if ($("code").value) document.querySelector("[data-action=open]").focus();
    else $("code").focus();
  }

  start();
})();
