import Foundation
import PhieuKinMessages
import PhieuKinTestSupport
import Testing

/// Issue 12, item 5: one catalogue of messages. A message is written as an English literal; its
/// key is that text with `{0}`, `{1}`… for the interpolations, and the Vietnamese is looked up
/// by key. These tests hold the mechanism to that and the catalogue to the sources.
@Suite("Messages: keys, arguments and the Vietnamese catalogue")
struct MessageCatalogueTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().path

    @Test func interpolationBuildsTheKeyAndKeepsArgumentsApart() {
        let round = "2026-Q3-VP-quarterly-7"
        let message: Message = "round \(round) is closed, \(3) ballots"
        #expect(message.key == "round {0} is closed, {1} ballots")
        #expect(message.arguments == [.text(round), .text("3")])
        #expect(message.description == "round 2026-Q3-VP-quarterly-7 is closed, 3 ballots")
    }

    @Test func continuedLiteralsAreOneKeyWithPlaceholdersRenumbered() {
        let (a, b) = ("A", "B")
        let message: Message = "first \(a), " + "then \(b)."
        #expect(message.key == "first {0}, then {1}.")
        #expect(message.text(.en) == "first A, then B.")
    }

    @Test func nestedMessagesAreTranslatedWithTheOuterOne() throws {
        let inner: Message = "Nothing was written."
        let outer: Message = "Error: \(inner)"
        let vi = try #require(MessageCatalogue.vietnamese["Error: {0}"])
        let innerVi = try #require(MessageCatalogue.vietnamese["Nothing was written."])
        #expect(outer.text(.vi) == Message.fill(vi, [innerVi]))
        #expect(outer.text(.vi).hasPrefix("Lỗi: "))
        #expect(outer.text(.en) == "Error: Nothing was written.")
    }

    @Test func aKeyWithoutEntryShowsInEnglish() {
        let message: Message = "no such sentence \(1) in the catalogue"
        #expect(message.text(.vi) == "no such sentence 1 in the catalogue")
    }

    @Test(arguments: [
        ("{0} và {1}", ["a", "b"], "a và b"),
        ("{1} trước {0}", ["a", "b"], "b trước a"),
        ("giữ {2} nguyên", ["a", "b"], "giữ {2} nguyên"),
        ("{0}", ["{1}"], "{1}"),
    ])
    func fillPutsEachArgumentInItsPlaceOnce(template: String, values: [String], expected: String) {
        #expect(Message.fill(template, values) == expected)
    }

    @Test func countedChoosesTheEnglishFormAndOneVietnameseForm() {
        #expect(Message.counted(1, "{0} ballot", "{0} ballots").text(.en) == "1 ballot")
        #expect(Message.counted(3, "{0} ballot", "{0} ballots").text(.en) == "3 ballots")
        #expect(Message.counted(3, "{0} ballot", "{0} ballots").text(.vi) == "3 phiếu")
        #expect(Message.counted(1, "{0} ballot", "{0} ballots").text(.vi) == "1 phiếu")
    }

    /// Every entry keeps its key's placeholders (a translation may reorder them, never drop
    /// or invent one), is NFC, and is not empty.
    @Test func everyEntryKeepsItsPlaceholders() {
        func placeholders(_ text: String) -> [String] {
            text.matches(of: /\{\d+\}/).map { String($0.output) }.sorted()
        }
        #expect(MessageCatalogue.vietnamese.count > 400)
        for (key, vi) in MessageCatalogue.vietnamese {
            #expect(placeholders(key) == placeholders(vi), "\(key) → \(vi)")
            #expect(!vi.isEmpty, "\(key)")
            #expect(vi.precomposedStringWithCanonicalMapping == vi, "not NFC: \(vi)")
        }
    }

    /// No key is in two parts of the catalogue (the merge would keep one translation silently).
    @Test func noKeyInTwoParts() {
        var seen: [String: Int] = [:]
        for (index, part) in MessageCatalogue.parts.enumerated() {
            for key in part.keys {
                #expect(seen[key] == nil, "\(key) is in parts \(seen[key] ?? 0) and \(index)")
                seen[key] = index
            }
        }
    }

    /// Every message literal in Sources/ has its Vietnamese (scripts/message-keys finds them).
    @Test func everyMessageInTheSourcesIsTranslated() throws {
        let run = try ExternalTool.run("/usr/bin/python3", [Self.repository + "/scripts/message-keys"])
        #expect(run.status == 0, "\(run.stderr)")
        let keys = try #require(
            try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: [String]])
        #expect(keys.count > 400, "the scanner found too few messages: \(keys.count)")
        let missing = keys.filter { MessageCatalogue.vietnamese[$0.key] == nil }
        let listed = missing.sorted { $0.key < $1.key }.prefix(30).map { "\($0.value.first ?? ""): \($0.key)" }
        #expect(missing.isEmpty, "no Vietnamese for \(missing.count) messages:\n\(listed.joined(separator: "\n"))")
    }
}
