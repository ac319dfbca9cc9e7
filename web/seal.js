// PhieuKin: the ballot sealed in the browser (docs/WEB.md, "What the page seals"), and the small
// helpers the booth and the kiosk share (language, strings, the JSON API).
//
// Sealing is docs/FORMAT.md, "Sealed box", with WebCrypto:
//   box = 0x01 ‖ eph_pub [32] ‖ nonce [12] ‖ ciphertext ‖ tag [16]
//   key = HKDF-SHA-256(ikm = X25519(e, R), salt = eph_pub ‖ R, info = "phieukin sealed-box v1" ‖ C)
//   AES-256-GCM with additional data 0x01 ‖ eph_pub ‖ R ‖ C
// The receipt is the Merkle leaf hash of the stored leaf FF FF FF FF ‖ box:
//   receipt = hex(SHA-256(0x00 ‖ FF FF FF FF ‖ box))
"use strict";

(function () {
  const encoder = new TextEncoder();

  function utf8(text) {
    return encoder.encode(text);
  }

  function concat(...parts) {
    const length = parts.reduce((sum, part) => sum + part.length, 0);
    const out = new Uint8Array(length);
    let offset = 0;
    for (const part of parts) {
      out.set(part, offset);
      offset += part.length;
    }
    return out;
  }

  function hexToBytes(hex) {
    if (!/^([0-9a-fA-F]{2})*$/.test(hex)) throw new Error("not hex");
    const out = new Uint8Array(hex.length / 2);
    for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.substr(i * 2, 2), 16);
    return out;
  }

  function bytesToHex(bytes) {
    return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
  }

  function base64(bytes) {
    let binary = "";
    for (let i = 0; i < bytes.length; i += 0x8000) {
      binary += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
    }
    return btoa(binary);
  }

  // RFC 8785 (JCS) with PhieuKin's NFC rule: strings NFC-normalized, object keys sorted by UTF-16
  // code units (JavaScript's default sort), strings and numbers written as JSON.stringify does.
  function canonical(value) {
    if (value === null) return "null";
    switch (typeof value) {
      case "string":
        return JSON.stringify(value.normalize("NFC"));
      case "number":
        if (!Number.isFinite(value)) throw new Error("number out of range");
        return JSON.stringify(value);
      case "boolean":
        return value ? "true" : "false";
      case "object":
        if (Array.isArray(value)) return "[" + value.map(canonical).join(",") + "]";
        return (
          "{" +
          Object.keys(value)
            .map((key) => [key.normalize("NFC"), key])
            .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
            .map(([normal, key]) => JSON.stringify(normal) + ":" + canonical(value[key]))
            .join(",") +
          "}"
        );
      default:
        throw new Error("not JSON");
    }
  }

  // The ballot bytes (docs/FORMAT.md, "Ballot"): blank answers absent, the remark NFC and trimmed,
  // omitted when empty.
  function ballotBytes(roundID, surveyID, answers, remark) {
    const kept = {};
    for (const [question, code] of Object.entries(answers)) {
      if (typeof code === "string" && code !== "") kept[question] = code;
    }
    const ballot = { answers: kept, round: roundID, survey: surveyID, v: 1 };
    const trimmed = (remark || "").normalize("NFC").trim();
    if (trimmed !== "") ballot.remark = trimmed;
    return utf8(canonical(ballot));
  }

  // True when this browser can seal: WebCrypto (a secure context) with X25519.
  async function supported() {
    try {
      if (!window.crypto || !crypto.subtle || !window.TextEncoder) return false;
      const pair = await crypto.subtle.generateKey({ name: "X25519" }, true, ["deriveBits"]);
      const raw = await crypto.subtle.exportKey("raw", pair.publicKey);
      return raw.byteLength === 32;
    } catch (e) {
      return false;
    }
  }

  async function seal(plaintext, recipientHex, contextText) {
    const recipient = hexToBytes(recipientHex);
    if (recipient.length !== 32) throw new Error("bad public key");
    const context = utf8(contextText);
    const pair = await crypto.subtle.generateKey({ name: "X25519" }, true, ["deriveBits"]);
    const ephPub = new Uint8Array(await crypto.subtle.exportKey("raw", pair.publicKey));
    const peer = await crypto.subtle.importKey("raw", recipient, { name: "X25519" }, false, []);
    const shared = new Uint8Array(
      await crypto.subtle.deriveBits({ name: "X25519", public: peer }, pair.privateKey, 256)
    );
    if (shared.every((b) => b === 0)) throw new Error("low-order public key");
    const ikm = await crypto.subtle.importKey("raw", shared, "HKDF", false, ["deriveKey"]);
    const key = await crypto.subtle.deriveKey(
      {
        name: "HKDF",
        hash: "SHA-256",
        salt: concat(ephPub, recipient),
        info: concat(utf8("phieukin sealed-box v1"), context),
      },
      ikm,
      { name: "AES-GCM", length: 256 },
      false,
      ["encrypt"]
    );
    const nonce = crypto.getRandomValues(new Uint8Array(12));
    const sealed = new Uint8Array(
      await crypto.subtle.encrypt(
        {
          name: "AES-GCM",
          iv: nonce,
          additionalData: concat(Uint8Array.of(1), ephPub, recipient, context),
          tagLength: 128,
        },
        key,
        plaintext
      )
    );
    return concat(Uint8Array.of(1), ephPub, nonce, sealed);
  }

  async function receipt(box) {
    const leaf = concat(Uint8Array.of(0x00, 0xff, 0xff, 0xff, 0xff), box);
    return bytesToHex(new Uint8Array(await crypto.subtle.digest("SHA-256", leaf)));
  }

  // --- What both pages share ------------------------------------------------------------------

  const lang = new URLSearchParams(location.search).get("lang") === "en" ? "en" : "vi";

  // Fills every [data-i18n] element with its string in the page's language.
  function applyStrings(strings) {
    document.documentElement.lang = lang;
    for (const element of document.querySelectorAll("[data-i18n]")) {
      const text = strings[lang][element.dataset.i18n];
      if (text !== undefined) element.textContent = text;
    }
    for (const element of document.querySelectorAll("[data-i18n-label]")) {
      const text = strings[lang][element.dataset.i18nLabel];
      if (text !== undefined) element.setAttribute("aria-label", text);
    }
    const title = strings[lang].pageTitle;
    if (title) document.title = title;
    const other = document.getElementById("lang-switch");
    if (other) {
      other.textContent = lang === "en" ? "Tiếng Việt" : "English";
      other.lang = lang === "en" ? "vi" : "en";
      other.href = location.pathname + (lang === "en" ? "" : "?lang=en");
    }
  }

  // POSTs JSON to the API. Resolves {status, body}; rejects only when the network fails.
  async function post(path, payload) {
    const response = await fetch(path + (lang === "en" ? "?lang=en" : ""), {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(payload),
      credentials: "omit",
      cache: "no-store",
      referrerPolicy: "no-referrer",
    });
    let body = null;
    try {
      body = await response.json();
    } catch (e) {
      body = null;
    }
    return { status: response.status, body: body };
  }

  window.PhieuKinSeal = {
    canonical,
    ballotBytes,
    supported,
    seal,
    receipt,
    base64,
    hexToBytes,
    bytesToHex,
  };
  window.PhieuKinPage = { lang, applyStrings, post };
})();
