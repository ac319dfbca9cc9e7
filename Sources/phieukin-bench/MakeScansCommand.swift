import ArgumentParser
import Foundation
import PhieuKin
import PhieuKinCore
import PhieuKinMessages
import PhieuKinPrint
import PhieuKinScan

/// `phieukin-bench make-scans`: turns printed ballots and a keyed CSV of what voters marked into
/// scanned-looking page images (marks drawn by scripts/make-scans with PIL, a little rotation,
/// noise and uneven light) — for `make demo`'s scanned round and for trying `phieukin scan` by
/// hand. A test-data tool: it reads serials from the printed PDF, so it is never used on real
/// ballots.
struct MakeScansCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "make-scans",
        abstract: "Make scanned-looking sheets from printed ballots and a keyed CSV (demo data).")
    @Option(help: "The workspace.") var workspace: String
    @Option(help: "The round.") var round: String
    @Option(help: "The printed ballots PDF of that round.") var pdf: String
    @Option(help: "A keyed CSV (serial, question columns) saying what each sheet has marked.") var keyed: String
    @Option(help: "Folder to write the scans to (created).") var out: String
    @Option(help: "Resolution.") var dpi = 200
    @Option(help: "Seed for the marks and the degradation.") var seed = 7
    @Option(help: "The mark-drawing script (Tests/PhieuKinScanTests/make-scans.py in the repository).")
    var script: String
    @Option(help: "The first N sheets also get a faint pencil mark in a box left blank (a teller must decide).")
    var faintSheets = 0
    @Option(help: "The N sheets after those get handwriting in the remark box.") var remarkSheets = 0

    func run() throws {
        let ws = try Workspace(root: workspace)
        let roundID = RoundID(round)
        let temp = NSTemporaryDirectory() + "phieukin-make-scans-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: temp, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: temp) }
        // Never over files it did not make: the folder must be new.
        guard !FileManager.default.fileExists(atPath: out) else {
            throw ValidationError("\(out) exists; give a new folder for the scans")
        }
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        try Self.tool("/usr/bin/pdftoppm", ["-r", "\(dpi)", "-gray", "-png", pdf, temp + "/page"])

        // What each serial has marked, from the keyed CSV (plain: no quoting needed for ids and codes).
        let lines = try String(contentsOfFile: keyed, encoding: .utf8).split(whereSeparator: \.isNewline).map {
            $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        }
        guard let header = lines.first, header.first == "serial" else {
            throw ValidationError("\(keyed): the first column must be serial")
        }
        var marks: [String: [String: String]] = [:]
        for row in lines.dropFirst() where row.count == header.count {
            let key = BallotImportSession.keyingKey(row[0])
            for (column, cell) in zip(header, row).dropFirst() where !cell.isEmpty && column != "remark" {
                marks[key, default: [:]][column] = cell
            }
        }

        var scans: [[String: Any]] = []
        let pages = try FileManager.default.contentsOfDirectory(atPath: temp).filter { $0.hasSuffix(".png") }.sorted()
        for (index, name) in pages.enumerated() {
            let path = temp + "/" + name
            guard let image = try ScanEngine.pages(ofFile: path).first,
                let payload = ScanEngine.readQR(image).lazy.compactMap({ BallotPrinter.Payload(parsing: $0) }).first
            else { throw ValidationError("page \(index + 1) of \(pdf) has no readable ballot QR code") }
            let page = payload.page
            let serial = BallotImportSession.keyingKey(payload.serial ?? "")
            guard let boxes = try ws.scan.printedBoxes(roundID: roundID, layoutID: payload.layoutID, page: page) else {
                throw ValidationError("page \(index + 1): not printed for round \(round)")
            }
            let kinds = ["x", "x", "tick", "filled"]
            var drawn: [[String: Any]] = []
            for box in boxes {
                guard let cell = marks[serial]?[box.question] else { continue }
                let isGrid = box.question.contains(".")
                guard isGrid || cell == box.code else { continue }
                drawn.append([
                    "rect": [box.x, box.y, box.width, box.height], "kind": kinds[(index + drawn.count) % kinds.count],
                    "shape": isGrid ? "square" : "circle",
                ])
            }
            if index < faintSheets,
                let blank = boxes.first(where: { box in
                    marks[serial]?[box.question] == nil && box.question.contains(".")
                })
            {
                drawn.append([
                    "rect": [blank.x, blank.y, blank.width, blank.height], "kind": "faint", "shape": "square",
                ])
            }
            var scan: [String: Any] = [
                "input": path, "dpi": dpi, "seed": seed * 1000 + index, "marks": drawn,
                "degrade": ["rotate": Double((index * 7) % 5) - 2.0, "noise": 4, "lighting": 0.15],
                "output": out + String(format: "/sheet-%03d.png", index + 1),
            ]
            if index >= faintSheets && index < faintSheets + remarkSheets,
                let remark = try ws.scan.printedRemark(roundID: roundID, layoutID: payload.layoutID, page: page)
            {
                scan["remark"] = [remark.x, remark.y, remark.width, remark.height]
            }
            scans.append(scan)
        }
        let job = temp + "/job.json"
        try JSONSerialization.data(withJSONObject: ["scans": scans]).write(to: URL(fileURLWithPath: job))
        try Self.tool("/usr/bin/python3", [script, job])
        print("wrote \(scans.count) scanned pages to \(out)")
    }

    static func tool(_ path: String, _ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw ValidationError("\(path) failed with status \(process.terminationStatus)")
        }
    }
}
