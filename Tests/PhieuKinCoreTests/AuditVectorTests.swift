import Foundation
import PhieuKinCore
import PhieuKinTestSupport
import Testing

/// The test vectors of docs/FORMAT.md, "Round manifest" and "Count commitments"
/// (Fixtures/audit-vectors.json, computed with Python's json and hashlib): the Swift encoder and
/// the independent verifier (scripts/verify-audit) must both reproduce them.
@Suite("Audit bundle test vectors")
struct AuditVectorTests {
    struct Vectors: Decodable {
        struct ManifestVector: Decodable {
            struct Input: Decodable {
                struct Official: Decodable {
                    var id: String
                    var name: String
                    var title: String
                    var unit: String
                }
                var id: String
                var survey: String
                var survey_version: Int
                var survey_yaml: String
                var units: [String]
                var period: String
                var channel: String
                var numbered: Bool
                var ballots_planned: Int
                var electorate: Int?
                var tally_public_key: String
                var committee_size: Int
                var committee_threshold: Int
                var officials: [Official]
                var agency_public_key: String
            }
            var round: Input
            var canonical: String
            var canonical_hex: String
            var sha256: String
        }
        struct CommitmentVector: Decodable {
            struct Code: Decodable {
                var round: String
                var typed: String
            }
            var serials: [String]
            var access_codes: [Code]
            var sorted_hashes: [String]
            var count: Int
            var sha256: String
            var empty_sha256: String
        }
        var manifest: ManifestVector
        var commitment: CommitmentVector
    }

    static let vectors = try! Fixtures.decode(Vectors.self, from: "audit-vectors.json")

    @Test func theManifestOfARoundHasTheDocumentedBytesAndHash() throws {
        let v = Self.vectors.manifest
        let r = v.round
        let round = Round(
            id: RoundID(r.id), surveyID: SurveyID(r.survey), surveyVersion: r.survey_version,
            surveyYAML: r.survey_yaml, unitID: UnitID(r.units[0]), period: r.period, channel: r.channel,
            state: .open, numbered: r.numbered, ballotsPlanned: r.ballots_planned, electorate: r.electorate,
            tallyPublicKey: hexBytes(r.tally_public_key), committeeSize: r.committee_size,
            committeeThreshold: r.committee_threshold, layoutID: nil, openedOn: "2026-07-01", closedOn: nil)
        // Given out of order: the manifest lists officials in ballot order.
        let officials = r.officials.enumerated().map { index, o in
            RoundOfficial(
                roundID: round.id, officialID: OfficialID(o.id), position: index + 1, fullName: o.name,
                title: o.title, unitID: UnitID(o.unit))
        }.reversed()
        let fingerprint = "SHA256:" + hexString(RoundManifest.digest(hexBytes(r.agency_public_key)))
        let bytes = try RoundManifest(
            round: round, units: r.units.map { UnitID($0) }, officials: Array(officials),
            agencyKeyFingerprint: fingerprint
        ).canonicalBytes()
        #expect(String(decoding: bytes, as: UTF8.self) == v.canonical)
        #expect(hexString(bytes) == v.canonical_hex)
        #expect(hexString(RoundManifest.digest(bytes)) == v.sha256)
        #expect(RoundManifest.differingFields(bytes, bytes).isEmpty)
        var other = round
        other.numbered.toggle()
        let changed = try RoundManifest(
            round: other, units: r.units.map { UnitID($0) }, officials: Array(officials),
            agencyKeyFingerprint: fingerprint
        ).canonicalBytes()
        #expect(RoundManifest.differingFields(bytes, changed) == ["numbered"])
    }

    @Test func theCommitmentToSerialHashesIsTheDocumentedOne() throws {
        let v = Self.vectors.commitment
        var hashes = try v.serials.map { SerialHash(try Serial(bytes: hexBytes($0))) }
        for code in v.access_codes {
            hashes.append(try #require(AccessCode(parsing: code.typed)).hash(roundID: RoundID(code.round)))
        }
        #expect(hexString(HashSetCommitment.concatenated(hashes)) == v.sorted_hashes.joined())
        let commitment = HashSetCommitment(hashes)
        #expect(commitment.count == v.count && hexString(commitment.sha256) == v.sha256)
        #expect(hexString(HashSetCommitment([]).sha256) == v.empty_sha256)
        #expect(HashSetCommitment(json: commitment.json) == commitment)
        #expect(HashSetCommitment(json: .object(["count": .number(1)])) == nil)
    }

    /// scripts/verify-audit, loaded as a module, gets the same bytes and hashes.
    @Test func theIndependentVerifierAgrees() throws {
        let script = Fixtures.repoRoot.appendingPathComponent("scripts/verify-audit").path
        let vectors = try Fixtures.url("audit-vectors.json").path
        let program = """
            import hashlib, json, runpy, sys
            v = runpy.run_path(sys.argv[1], run_name="vectors")
            t = json.load(open(sys.argv[2], encoding="utf-8"))
            m = t["manifest"]
            doc = json.loads(m["canonical"])
            assert v["canonical"](doc).hex() == m["canonical_hex"], "manifest bytes"
            assert hashlib.sha256(v["canonical"](doc)).hexdigest() == m["sha256"], "manifest hash"
            # The name given in NFD canonicalizes to the same (NFC) bytes.
            doc["officials"][0]["name"] = m["round"]["officials"][0]["name"]
            assert doc["officials"][0]["name"] != json.loads(m["canonical"])["officials"][0]["name"], "NFD input"
            assert v["canonical"](doc).hex() == m["canonical_hex"], "NFC"
            c = t["commitment"]
            # docs/SERIALS.md's vectors, typed as people type them.
            typed = v["serial_or_code_hash"]("o14d 2pf2 dbsq qzxq 5tk1 v58c gga", "-")
            assert typed == hashlib.sha256(bytes.fromhex(c["serials"][1])).digest(), "typed serial"
            assert v["serial_or_code_hash"]("0004-1061-050R-3GG2-8A1C-60T3-GF7", "-") is None, "check symbol"
            hashes = [hashlib.sha256(bytes.fromhex(s)).digest() for s in c["serials"]]
            hashes += [v["serial_or_code_hash"](a["typed"], a["round"]) for a in c["access_codes"]]
            assert hashlib.sha256(b"".join(sorted(hashes))).hexdigest() == c["sha256"], "commitment"
            print("agrees")
            """
        let result = try ExternalTool.run("/usr/bin/python3", ["-c", program, script, vectors])
        #expect(result.status == 0 && result.stdout.contains("agrees"), "\(result.stdout)\(result.stderr)")
    }
}
