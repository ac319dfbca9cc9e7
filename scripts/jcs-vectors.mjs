// Computes the expected outputs in Tests/PhieuKinCoreTests/Fixtures/canonical-json.json with an
// independent implementation: the ECMAScript engine's own Number::toString / JSON.stringify and
// Array.prototype.sort (UTF-16 code-unit order) — the reference RFC 8785 Appendix names.
// Usage: node scripts/jcs-vectors.mjs > Tests/PhieuKinCoreTests/Fixtures/canonical-json.json
function canon(v, nfc) {
  if (v === null || typeof v !== 'object') {
    if (typeof v === 'string') return JSON.stringify(nfc ? v.normalize('NFC') : v);
    return JSON.stringify(v);
  }
  if (Array.isArray(v)) return '[' + v.map((e) => canon(e, nfc)).join(',') + ']';
  const entries = Object.keys(v).map((k) => [nfc ? k.normalize('NFC') : k, v[k]]);
  entries.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return '{' + entries.map(([k, e]) => JSON.stringify(k) + ':' + canon(e, nfc)).join(',') + '}';
}
const hex = (s) => Buffer.from(s, 'utf8').toString('hex');
const docs = [
  ['rfc8785-3.2.2-sorting',
   '{\n  "\\u20ac": "Euro Sign",\n  "\\r": "Carriage Return",\n  "\\ufb33": "Hebrew Letter Dalet With Dagesh",\n  "1": "One",\n  "\\ud83d\\ude00": "Emoji: Grinning Face",\n  "\\u0080": "Control",\n  "\\u00f6": "Latin Small Letter O With Diaeresis"\n}'],
  ['rfc8785-3.2.3-sample',
   '{\n  "numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],\n  "string": "\\u20ac$\\u000F\\u000aA\'\\u0042\\u0022\\u005c\\\\\\"\\/",\n  "literals": [null, true, false]\n}'],
  ['escapes', '["\\u0000\\u0001\\b\\t\\n\\u000b\\f\\r\\u000e\\u001f \\"\\\\\\/\\u007f\\u0080\\u2028"]'],
  ['nfd-vietnamese-to-nfc', '{"ho_ten":"Nguye\\u0302\\u0303n Thi\\u0323 Ho\\u0300a","e\\u0301":1}'],
  ['nested-and-integers', '{"b":[1,-0,-1.5,100,1e2,12345678901234567890],"a":{"z":true,"y":null,"":"empty"}}'],
  ['top-level-string', '"Tín nhiệm"'],
  ['top-level-number', ' 1e21 '],
];
const documents = docs.map(([name, input]) => {
  const v = JSON.parse(input);
  const phieukin = canon(v, true), rfc = canon(v, false);
  const d = { name, input, canonical: phieukin, canonical_hex: hex(phieukin) };
  if (rfc !== phieukin) d.rfc8785_hex = hex(rfc);
  return d;
});
// RFC 8785 Appendix B: IEEE 754 bit patterns.
const bits = ['0000000000000000', '8000000000000000', '0000000000000001', '8000000000000001',
  '7fefffffffffffff', 'ffefffffffffffff', '4340000000000000', 'c340000000000000',
  '4430000000000000', '44b52d02c7e14af5', '44b52d02c7e14af6', '44b52d02c7e14af7',
  '444b1ae4d6e2ef4e', '444b1ae4d6e2ef4f', '444b1ae4d6e2ef50', '3eb0c6f7a0b5ed8c',
  '3eb0c6f7a0b5ed8d', '41b3de4355555553', '41b3de4355555554', '41b3de4355555555',
  '41b3de4355555556', '41b3de4355555557', 'becbf647612f3696', '43143ff3c1cb0959',
  '3ff0000000000000', '3fb999999999999a', '3e7ad7f29abcaf48', '3eb0c6f7a0b5ed8e'];
const numbers = bits.map((b) => {
  const dv = new DataView(new ArrayBuffer(8));
  dv.setBigUint64(0, BigInt('0x' + b));
  const x = dv.getFloat64(0);
  return { bits: b, expected: JSON.stringify(x === 0 ? 0 : x) };
});
const invalid = [
  ['duplicate-key', '{"a":1,"a":2}'], ['nfc-duplicate-key', '{"\\u00e9":1,"e\\u0301":2}'],
  ['trailing-garbage', '{"a":1} x'], ['trailing-comma', '[1,2,]'], ['lone-high-surrogate', '"\\ud83d"'],
  ['lone-low-surrogate', '"\\ude00x"'], ['leading-zero', '012'], ['plus-sign', '+1'], ['bare-dot', '1.'],
  ['nan', 'NaN'], ['infinite', '1e400'], ['single-quotes', "['a']"], ['raw-control', '"a\tb"'],
  ['empty', ''], ['comment', '[1]//c'],
].map(([name, s]) => ({ name, input_hex: hex(s) }));
for (const [name, h] of [['invalid-utf8', '22ff22'], ['overlong-utf8', '22c0af22'],
  ['utf8-surrogate', '22eda08022'], ['truncated-utf8', '22e1ba'], ['bom', 'efbbbf7b7d'],
  ['above-10ffff', '22f490808022']]) invalid.push({ name, input_hex: h });
process.stdout.write(JSON.stringify({ documents, numbers, invalid }, null, 2) + '\n');
