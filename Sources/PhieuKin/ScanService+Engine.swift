import Foundation
import PhieuKinCore
import PhieuKinMessages
import PhieuKinPrint
import PhieuKinScan

/// The one place the workflow meets the scan engine (`PhieuKinScan`): the round's printed layout
/// turned into the engine's page geometry, and the engine's reading turned into a `ScannedPage`.
extension ScanService {
    /// Every page of one scanned file, read.
    func readPages(
        file: String, round: Round, layouts: [String: (BallotDocument, BallotLayout)]
    ) throws -> [ScannedPage] {
        let images: [ScanImage]
        do {
            images = try ScanEngine.pages(ofFile: file)
        } catch {
            throw PhieuKinError(.invalidFile, "\(file): \(error)", underlying: error)
        }
        var pages: [ScannedPage] = []
        for (index, image) in images.enumerated() {
            let source = "\(file) p\(index + 1)"
            let payloads = ScanEngine.readQR(image).compactMap { BallotPayload(parsing: $0) }
            guard let payload = payloads.first else {
                pages.append(ScannedPage(source: source, payload: nil, unreadable: "no readable ballot QR code"))
                continue
            }
            guard payload.round == round.id.rawValue else {
                pages.append(ScannedPage(source: source, payload: payload))
                continue
            }
            guard let (_, layout) = layouts[payload.layoutID],
                let printed = try printedPage(round: round, layout: layout, page: payload.page),
                payload.pages == layout.pageCount
            else {
                pages.append(
                    ScannedPage(
                        source: source, payload: payload,
                        unreadable: "its layout is not one this round was printed with"))
                continue
            }
            let reading = ScanEngine.read(image, geometry: Self.geometry(printed, layout: layout))
            pages.append(Self.scanned(reading, source: source, payload: payload))
        }
        return pages
    }

    static func geometry(_ printed: PrintedPage, layout: BallotLayout) -> PageGeometry {
        func rect(_ r: MMRect) -> PageGeometry.Rect { .init(x: r.x, y: r.y, width: r.width, height: r.height) }
        return PageGeometry(
            boxes: printed.boxes.map { .init(id: $0.question, code: $0.code, rect: rect($0.rect)) },
            shape: layout.mode == .checkboxes ? .square : .circle, oneAnswerPerQuestion: printed.singleAnswer,
            remark: printed.remark.map(rect),
            remarkLabel: printed.remark.map { PageGeometry.Rect(x: $0.x, y: $0.y, width: $0.width, height: 5) })
    }

    /// The engine's reading in the workflow's terms; a page problem makes the page unreadable.
    static func scanned(_ reading: PageReading, source: String, payload: BallotPayload) -> ScannedPage {
        var page = ScannedPage(source: source, payload: payload)
        if let problem = reading.problems.first {
            switch problem {
            case .registrationSquareMissing(let corner):
                page.unreadable = "the \(corner.rawValue) registration square was not found (a torn or folded corner?)"
            case .notLocated: page.unreadable = "the registration squares were not found"
            case .tooSkewed(let degrees):
                page.unreadable = "the page is skewed by \(Int(degrees.rounded()))°; scan it straighter"
            case .layoutMismatch: page.unreadable = "the printed boxes are not where this round's layout puts them"
            }
            return page
        }
        for box in reading.boxes {
            switch box.decision {
            case .blank: break
            case .marked: page.marked[box.box.id, default: []].append(box.box.code)
            case .unsure(let reason):
                page.unsure.append((box.box.id, box.box.code, reason.rawValue))
            }
        }
        page.remarkWriting = reading.remarkHasWriting
        return page
    }

    /// Why a box waits for a teller, in words (a `PageReading.UnsureReason` raw value).
    static func words(_ reason: String) -> Message {
        switch PageReading.UnsureReason(rawValue: reason) {
        case .faint: "faint box — perhaps a pencil mark"
        case .crossedOut: "crossed-out box — perhaps a correction"
        case .spillsOverLine: "the mark runs over the box outline"
        case .severalAnswers: "several boxes marked where one answer is allowed"
        case .outsideBox: "ink around the box but not in it — perhaps a circle drawn round it"
        case nil: .verbatim(reason)
        }
    }

    /// Crops of the undecided boxes of a quarantined sheet, read again from its scans.
    func writeCrops(
        source: String, round: Round, layouts: [String: (BallotDocument, BallotLayout)], into directory: String,
        prefix: String
    ) throws -> [String] {
        var written: [String] = []
        for (file, pageNumber) in Self.pageSources(source) {
            guard FileManager.default.fileExists(atPath: file),
                let images = try? ScanEngine.pages(ofFile: file), pageNumber >= 1, pageNumber <= images.count
            else { continue }
            let image = images[pageNumber - 1]
            guard let payload = ScanEngine.readQR(image).compactMap { BallotPayload(parsing: $0) }.first,
                let (_, layout) = layouts[payload.layoutID],
                let printed = try printedPage(round: round, layout: layout, page: payload.page)
            else { continue }
            let reading = ScanEngine.read(image, geometry: Self.geometry(printed, layout: layout))
            for box in reading.boxes {
                guard case .unsure(let reason) = box.decision else { continue }
                let name = "\(prefix)-\(box.box.id)-\(box.box.code)-\(reason.rawValue).png"
                    .replacingOccurrences(of: "/", with: "_")
                let path = directory + "/" + name
                let png = try reading.crop(box.box)
                guard
                    FileManager.default.createFile(
                        atPath: path, contents: Data(png), attributes: [.posixPermissions: 0o600])
                else { throw PhieuKinError.invalidInput("cannot write \(path).") }
                written.append(path)
            }
        }
        return written
    }
}
