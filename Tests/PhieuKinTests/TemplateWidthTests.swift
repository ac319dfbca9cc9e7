import PhieuKinCore
import Testing

@testable import PhieuKin

/// The keying template is never wider than the import reads (docs/EXCEL.md, limits): a round
/// whose ballot needs more columns gets the reason and the way out instead of a useless sheet.
@Suite("Keying template: never wider than the import reads")
struct TemplateWidthTests {
    @Test(arguments: [(213, true), (CSVParser.defaultMaxFields, true), (CSVParser.defaultMaxFields + 1, false)])
    func templateWithinTheImportLimit(columns: Int, written: Bool) throws {
        if written {
            try IntakeService.refuseUnimportableWidth(columns)
        } else {
            let error = #expect(throws: PhieuKinError.self) { try IntakeService.refuseUnimportableWidth(columns) }
            #expect(
                error.map { "\($0)" }
                    == "this round's ballot needs 1001 columns, more than the 1000 a keyed file may have; key its "
                    + "ballots as JSON Lines instead (docs/EXCEL.md); nothing was written.")
        }
    }
}
