#!/usr/bin/env python3
"""Regenerates Tests/PhieuKinCryptoTests/Test Vectors/*.json independently of the Swift code.

Published values (RFC 8032, RFC 7748, RFC 4231, RFC 5869, McGrew-Viega GCM, certificate-transparency
Merkle) are typed in from the documents and cross-checked here against Python's hashlib/hmac and
pyca/cryptography; the Merkle proofs, the sealed-box vector and the Shamir vector are computed by
independent Python implementations of docs/FORMAT.md. Run: python3 scripts/crypto-test-vectors.py
"""
import hashlib
import hmac
import json
import os
import sys

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat, PrivateFormat, NoEncryption

OUT = os.path.join(os.path.dirname(__file__), "..", "Tests", "PhieuKinCryptoTests", "Test Vectors")
h = bytes.fromhex


def sha256(b):
    return hashlib.sha256(b).digest()


def check(cond, what):
    if not cond:
        sys.exit("vector check failed: " + what)


# --- SHA-256 (FIPS 180-2 examples) ---
sha_vectors = [
    ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
    ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
    ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
     "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
]
for text, digest in sha_vectors:
    check(sha256(text.encode()).hex() == digest, "sha256 " + text)
sha_json = [{"text": t, "digest": d} for t, d in sha_vectors]

# --- HMAC-SHA-256, RFC 4231 ---
hmac_cases = [
    (1, "0b" * 20, b"Hi There".hex(), "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"),
    (2, b"Jefe".hex(), b"what do ya want for nothing?".hex(),
     "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"),
    (3, "aa" * 20, "dd" * 50, "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe"),
    (4, "0102030405060708090a0b0c0d0e0f10111213141516171819", "cd" * 50,
     "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b"),
    (6, "aa" * 131, b"Test Using Larger Than Block-Size Key - Hash Key First".hex(),
     "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"),
    (7, "aa" * 131,
     b"This is a test using a larger than block-size key and a larger than block-size data. "
     b"The key needs to be hashed before being used by the HMAC algorithm.".hex(),
     "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2"),
]
for n, k, m, mac in hmac_cases:
    check(hmac.new(h(k), h(m), hashlib.sha256).hexdigest() == mac, "hmac case %d" % n)
hmac_json = [{"case": n, "key": k, "message": m, "mac": mac} for n, k, m, mac in hmac_cases]


# --- HKDF-SHA-256, RFC 5869 A.1-A.3 ---
def hkdf(ikm, salt, info, length):
    prk = hmac.new(salt or b"\0" * 32, ikm, hashlib.sha256).digest()
    okm, t, i = b"", b"", 1
    while len(okm) < length:
        t = hmac.new(prk, t + info + bytes([i]), hashlib.sha256).digest()
        okm += t
        i += 1
    return okm[:length]


hkdf_cases = [
    (1, "0b" * 22, "000102030405060708090a0b0c", "f0f1f2f3f4f5f6f7f8f9", 42,
     "3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865"),
    (2, bytes(range(0x00, 0x50)).hex(), bytes(range(0x60, 0xb0)).hex(), bytes(range(0xb0, 0x100)).hex(), 82,
     "b11e398dc80327a1c8e7f78c596a49344f012eda2d4efad8a050cc4c19afa97c59045a99cac7827271cb41c65e590e09"
     "da3275600c2f09b8367793a9aca3db71cc30c58179ec3e87c14c01d5c1f3434f1d87"),
    (3, "0b" * 22, "", "", 42,
     "8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d9d201395faa4b61a96c8"),
]
for n, ikm, salt, info, length, okm in hkdf_cases:
    check(hkdf(h(ikm), h(salt), h(info), length).hex() == okm, "hkdf case %d" % n)
hkdf_json = [{"case": n, "ikm": i, "salt": s, "info": f, "length": l, "okm": o} for n, i, s, f, l, o in hkdf_cases]

# --- Ed25519, RFC 8032 §7.1 TEST 1-3 ---
ed_cases = [
    (1, "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60",
     "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a", "",
     "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46b"
     "d25bf5f0595bbe24655141438e7a100b"),
    (2, "4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb",
     "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c", "72",
     "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c"
     "387b2eaeb4302aeeb00d291612bb0c00"),
    (3, "c5aa8df43f9f837bedb7442f31dcb7b166d38535076f094b85ce3a2e0b4458f7",
     "fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025", "af82",
     "6291d657deec24024827e69c3abe01a30ce548a284743a445e3680d7db5ac3ac18ff9b538d16f290ae67f760984dc659"
     "4a7c15e9716ed28dc027beceea1ec40a"),
]
for n, sk, pk, msg, sig in ed_cases:
    key = Ed25519PrivateKey.from_private_bytes(h(sk))
    check(key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw).hex() == pk, "ed25519 pk %d" % n)
    check(key.sign(h(msg)).hex() == sig, "ed25519 sig %d" % n)
ed_json = [{"test": n, "secretKey": s, "publicKey": p, "message": m, "signature": g} for n, s, p, m, g in ed_cases]

# --- X25519, RFC 7748 §5.2 and §6.1 ---
x_cases = [
    ("a546e36bf0527c9d3b16154b82465edd62144c0ac1fc5a18506a2244ba449ac4",
     "e6db6867583030db3594c1a424b15f7c726624ec26b3353b10a903a6d0ab1c4c",
     "c3da55379de9c6908e94ea4df28d084f32eccf03491c71f754b4075577a28552"),
    ("4b66e9d4d1b4673c5ad22691957d6af5c11b6421e0ea01d42ca4169e7918ba0d",
     "e5210f12786811d3f4b7959d0538ae2c31dbe7106fc03c3efc4cd549c715a493",
     "95cbde9476e8907d7aade45cb4b873f88b595a68799fa152e6f8f7647aac7957"),
]
for s, u, out in x_cases:
    got = X25519PrivateKey.from_private_bytes(h(s)).exchange(X25519PublicKey.from_public_bytes(h(u))).hex()
    check(got == out, "x25519 5.2 " + s)
x_json = [{"scalar": s, "u": u, "output": o} for s, u, o in x_cases]
dh = {
    "alicePrivate": "77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a",
    "alicePublic": "8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a",
    "bobPrivate": "5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb",
    "bobPublic": "de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f",
    "shared": "4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742",
}
for who in ("alice", "bob"):
    k = X25519PrivateKey.from_private_bytes(h(dh[who + "Private"]))
    check(k.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw).hex() == dh[who + "Public"], who)
check(X25519PrivateKey.from_private_bytes(h(dh["alicePrivate"])).exchange(
    X25519PublicKey.from_public_bytes(h(dh["bobPublic"]))).hex() == dh["shared"], "dh")

# --- AES-256-GCM, McGrew-Viega test cases 13-16 ---
p15 = ("d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a72"
       "1c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b391aafd255")
k15 = "feffe9928665731c6d6a8f9467308308feffe9928665731c6d6a8f9467308308"
gcm_cases = [
    (13, "00" * 32, "00" * 12, "", "", "", "530f8afbc74536b9a963b4f1c4cb738b"),
    (14, "00" * 32, "00" * 12, "00" * 16, "", "cea7403d4d606b6e074ec5d3baf39d18", "d0d1c8a799996bf0265b98b5d48ab919"),
    (15, k15, "cafebabefacedbaddecaf888", p15, "",
     "522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa"
     "8cb08e48590dbb3da7b08b1056828838c5f61e6393ba7a0abcc9f662898015ad", "b094dac5d93471bdec1a502270e3cc6c"),
    (16, k15, "cafebabefacedbaddecaf888", p15[:120], "feedfacedeadbeeffeedfacedeadbeefabaddad2",
     "522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa"
     "8cb08e48590dbb3da7b08b1056828838c5f61e6393ba7a0abcc9f662", "76fc6ece0f4e1768cddf8853bb2d551b"),
]
for n, k, iv, p, a, c, t in gcm_cases:
    check(AESGCM(h(k)).encrypt(h(iv), h(p), h(a) if a else None).hex() == c + t, "gcm %d" % n)
gcm_json = [{"case": n, "key": k, "nonce": iv, "plaintext": p, "aad": a, "ciphertext": c, "tag": t}
            for n, k, iv, p, a, c, t in gcm_cases]

# --- Merkle, RFC 6962 §2.1 (recursive reference implementation) ---
leaves = [h(x) for x in ["", "00", "10", "2021", "3031", "40414243", "5051525354555657",
                         "606162636465666768696a6b6c6d6e6f"]]


def k_split(n):
    k = 1
    while k * 2 < n:
        k *= 2
    return k


def mth(d):
    if not d:
        return sha256(b"")
    if len(d) == 1:
        return sha256(b"\x00" + d[0])
    k = k_split(len(d))
    return sha256(b"\x01" + mth(d[:k]) + mth(d[k:]))


def path(m, d):
    if len(d) <= 1:
        return []
    k = k_split(len(d))
    if m < k:
        return path(m, d[:k]) + [mth(d[k:])]
    return path(m - k, d[k:]) + [mth(d[:k])]


def subproof(m, d, b):
    n = len(d)
    if m == n:
        return [] if b else [mth(d)]
    k = k_split(n)
    if m <= k:
        return subproof(m, d[:k], b) + [mth(d[k:])]
    return subproof(m - k, d[k:], False) + [mth(d[:k])]


roots = [mth(leaves[:n]).hex() for n in range(9)]
ct_roots = ["e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
            "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
            "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
            "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328"]
check(roots == ct_roots, "merkle roots")
# The certificate-transparency suite's published proofs (merkle_tree_test.cc / trillian).
ct_inclusion = [
    (0, 1, []),
    (0, 8, ["96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
            "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
            "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"]),
    (5, 8, ["bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
            "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"]),
    (2, 3, ["fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125"]),
    (1, 5, ["6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
            "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"]),
]
ct_consistency = [
    (1, 1, []),
    (1, 8, ["96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
            "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
            "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"]),
    (6, 8, ["0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
            "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"]),
    (2, 5, ["5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
            "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"]),
]
for m, n, p in ct_inclusion:
    check([x.hex() for x in path(m, leaves[:n])] == p, "ct inclusion %d %d" % (m, n))
for m, n, p in ct_consistency:
    check([x.hex() for x in subproof(m, leaves[:n], True)] == p, "ct consistency %d %d" % (m, n))
inclusion = [{"index": m, "size": n, "proof": [x.hex() for x in path(m, leaves[:n])]}
             for n in range(1, 9) for m in range(n)]
consistency = [{"oldSize": m, "newSize": n, "proof": [x.hex() for x in subproof(m, leaves[:n], True)]}
               for n in range(1, 9) for m in range(1, n + 1)]
merkle_json = {
    "leaves": [x.hex() for x in leaves],
    "roots": roots,
    "ctInclusion": [{"index": m, "size": n, "proof": p} for m, n, p in ct_inclusion],
    "ctConsistency": [{"oldSize": m, "newSize": n, "proof": p} for m, n, p in ct_consistency],
    "inclusion": inclusion,
    "consistency": consistency,
}

# --- Sealed box (docs/FORMAT.md), independent implementation ---
recipient_priv = h("a8abababababababababababababababababababababababababababababab6b")
eph_priv = h("c8cdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcd4d")
box_nonce = h("000102030405060708090a0b")
box_context = b"survey:2025-Q1/round:1"
box_plain = "Phiếu kín: 1 2 3".encode()
rk = X25519PrivateKey.from_private_bytes(recipient_priv)
rpub = rk.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
ek = X25519PrivateKey.from_private_bytes(eph_priv)
epub = ek.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
shared = ek.exchange(X25519PublicKey.from_public_bytes(rpub))
box_key = hkdf(shared, epub + rpub, b"phieukin sealed-box v1" + box_context, 32)
ct = AESGCM(box_key).encrypt(box_nonce, box_plain, b"\x01" + epub + rpub + box_context)
box = b"\x01" + epub + box_nonce + ct
check(AESGCM(box_key).decrypt(box[33:45], box[45:], b"\x01" + epub + rpub + box_context) == box_plain, "box")


# --- Shamir over GF(256), 0x11b, via log/antilog tables with generator 3 (not the Swift code's method) ---
exp, log = [0] * 512, [0] * 256
x = 1
for i in range(255):
    exp[i] = x
    log[x] = i
    x ^= (x << 1) ^ (0x11b if x & 0x80 else 0)  # x *= 3
    x &= 0xff
for i in range(255, 512):
    exp[i] = exp[i - 255]


def gmul(a, b):
    return 0 if a == 0 or b == 0 else exp[log[a] + log[b]]


def gdiv(a, b):
    return 0 if a == 0 else exp[(log[a] - log[b]) % 255]


shamir_secret = b"PhieuKin"
coeffs = [h("0102030405060708"), h("a0b0c0d0e0f00010")]  # degree-2 polynomial: threshold 3


def evaluate(xv, pos):
    acc = 0
    for c in reversed([shamir_secret] + coeffs):
        acc = gmul(acc, xv) ^ c[pos]
    return acc


shares = {xv: bytes(evaluate(xv, p) for p in range(len(shamir_secret))) for xv in range(1, 6)}
use = [2, 4, 5]
combined = bytearray()
for p in range(len(shamir_secret)):
    acc = 0
    for i in use:
        basis = 1
        for j in use:
            if j != i:
                basis = gmul(basis, gdiv(j, j ^ i))
        acc ^= gmul(basis, shares[i][p])
    combined.append(acc)
check(bytes(combined) == shamir_secret, "shamir")

format_json = {
    "sha256": sha_json[:2],
    "merkle": {"emptyRoot": roots[0], "oneLeaf": {"leaf": "", "root": roots[1]},
               "eightLeaves": {"leaves": [x.hex() for x in leaves], "roots": roots[1:]}},
    "sealedBox": {
        "recipientPrivateKey": recipient_priv.hex(), "recipientPublicKey": rpub.hex(),
        "ephemeralPrivateKey": eph_priv.hex(), "ephemeralPublicKey": epub.hex(),
        "context": box_context.hex(), "contextText": box_context.decode(),
        "sharedSecret": shared.hex(), "key": box_key.hex(), "nonce": box_nonce.hex(),
        "box": box.hex(), "plaintext": box_plain.hex(), "plaintextText": box_plain.decode(),
    },
    "shamir": {"threshold": 3, "secret": shamir_secret.hex(), "secretText": shamir_secret.decode(),
               "coefficients": [c.hex() for c in coeffs],
               "shares": [(bytes([i]) + shares[i]).hex() for i in range(1, 6)],
               "combineFrom": [(bytes([i]) + shares[i]).hex() for i in use]},
}


def write(name, obj):
    with open(os.path.join(OUT, name), "w") as f:
        json.dump(obj, f, indent=2, ensure_ascii=False)
        f.write("\n")


write("primitives.json", {"sha256": sha_json, "hmacSHA256": hmac_json, "hkdfSHA256": hkdf_json,
                          "ed25519": ed_json, "x25519": x_json, "x25519DiffieHellman": dh,
                          "aes256GCM": gcm_json})
write("merkle.json", merkle_json)
write("format.json", format_json)
print("vectors written and cross-checked")
