import PhieuKin
import PhieuKinCore
import PhieuKinMessages

/// `phieukin scan review`'s text: per waiting sheet, what was read, what is undecided and why,
/// and the commands that finish it — each one right as written for what the paper shows.
enum ScanReviewText {
    static func show(_ sheet: ScanReview.Sheet, round: RoundID) {
        say("#\(sheet.rejectID)  \(sheet.source ?? "-")  [\(sheet.code)] \(sheet.reason)")
        let id = String(sheet.rejectID)
        let base = "phieukin scan accept --round \(round) \(id)"
        let remark = if sheet.needsRemark { " --remark \"…\"" } else { "" }
        if !sheet.missingPages.isEmpty {
            out(2, "Scan every page of this sheet again, then discard this copy:")
            command(3, "phieukin scan read --round \(round) FILES")
            command(3, "phieukin rejects discard --round \(round) --reason \"…\" \(id)")
            return
        }
        if let why = sheet.fromPaper {
            out(2, "The scan cannot be used as read: \(why). Read every box on the paper:")
            let serial = if sheet.needsSerial { " --serial SERIAL" } else { "" }
            command(3, "\(base)\(serial)\(remark) --mark QUESTION=CODE … --reason \"…\"")
            out(2, "(--mark for each box marked on the paper, none for a blank sheet; SERIAL as printed on the sheet)")
            return
        }
        if !sheet.marked.isEmpty {
            out(2, "Read as marked (kept as read):")
            for box in sheet.marked { command(3, "\(box.question)=\(box.code)  \(box.label)") }
        }
        if !sheet.undecided.isEmpty {
            out(2, "Undecided:")
            for box in sheet.undecided {
                command(3, "\(box.question)=\(box.code)  \(box.label): " + tr(box.why ?? .verbatim(box.reason ?? "")))
            }
        }
        for crop in sheet.crops { command(2, crop) }
        commands(sheet, base: base, remark: remark)
    }

    /// The accept commands: with one undecided box, one command for each thing the paper may show.
    static func commands(_ sheet: ScanReview.Sheet, base: String, remark: String) {
        let undecided = sheet.undecided.map { "\($0.question)=\($0.code)" }
        switch undecided.count {
        case 0:
            out(2, "Check the paper, then:")
            command(3, "\(base)\(remark) --reason \"…\"")
        case 1:
            out(2, "Check the box on the paper; if it is marked:")
            command(3, "\(base)\(remark) --mark \(undecided[0]) --reason \"…\"")
            out(2, "if it is blank:")
            command(3, "\(base)\(remark) --blank \(undecided[0]) --reason \"…\"")
        default:
            out(2, "Check each undecided box on the paper and give it as --mark (marked) or --blank (blank):")
            let boxes = undecided.map { "--mark|--blank \($0)" }.joined(separator: " ")
            command(3, "\(base)\(remark) \(boxes) --reason \"…\"")
        }
        if sheet.needsRemark {
            out(2, "(--remark: the remark typed from the paper; \"\" if the writing is not a remark)")
        }
    }

    /// A line of the review, indented `depth` steps, in the interface language.
    static func out(_ depth: Int, _ message: Message) {
        say(.verbatim(String(repeating: "  ", count: depth) + tr(message)))
    }

    /// A command or a value, shown as is in every language.
    static func command(_ depth: Int, _ text: String) {
        say(.verbatim(String(repeating: "  ", count: depth) + text))
    }
}
