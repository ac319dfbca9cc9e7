internal import CMinizip
import PhieuKinMessages

/// An open zip archive (minizip's `unzFile`), closed with the object.
///
/// Every part is read with guards, since a workbook comes from outside: at most `maxPartBytes`
/// uncompressed (declared and as actually inflated), at most `maxRatio` times its compressed size
/// (a zip bomb), and its CRC checked.
final class ZipArchive {
    private let handle: unzFile
    /// A part larger than this (uncompressed) is refused: a keyed sheet of 2,000 ballots of 213
    /// columns, every cell filled, is about 15 MiB of XML.
    static let maxPartBytes = 64 << 20
    /// Deflate cannot compress more than 1,032 to 1: a part declaring more is a crafted archive.
    static let maxRatio: UInt64 = 1_032

    init?(path: String) {
        guard let handle = path.withCString({ unzOpen64($0) }) else { return nil }
        self.handle = handle
    }

    deinit { unzClose(handle) }

    /// The bytes of the part `name` (e.g. "xl/workbook.xml"); nil when the archive has none.
    func part(_ name: String) throws(SheetError) -> [UInt8]? {
        // 1: case-sensitive, as the package format requires.
        guard name.withCString({ unzLocateFile(handle, $0, 1) }) == UNZ_OK else { return nil }
        var info = unz_file_info64()
        guard unzGetCurrentFileInfo64(handle, &info, nil, 0, nil, 0, nil, 0) == UNZ_OK else {
            throw SheetError(.damaged, "the part \(name) of the workbook cannot be read")
        }
        try checkSizes(info, name: name)
        guard unzOpenCurrentFile(handle) == UNZ_OK else {
            throw SheetError(.damaged, "the part \(name) of the workbook cannot be opened")
        }
        var data: [UInt8] = []
        data.reserveCapacity(Int(info.uncompressed_size))
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = buffer.withUnsafeMutableBytes { unzReadCurrentFile(handle, $0.baseAddress, UInt32($0.count)) }
            if n < 0 {
                unzCloseCurrentFile(handle)
                throw SheetError(.damaged, "the part \(name) of the workbook is damaged (zip error \(n))")
            }
            if n == 0 { break }
            data.append(contentsOf: buffer[0..<Int(n)])
            if data.count > Self.maxPartBytes {
                unzCloseCurrentFile(handle)
                throw SheetError(
                    .damaged, "the part \(name) of the workbook is larger than \(Self.maxPartBytes >> 20) MiB")
            }
        }
        guard unzCloseCurrentFile(handle) == UNZ_OK, UInt64(data.count) == info.uncompressed_size else {
            throw SheetError(.damaged, "the part \(name) of the workbook fails its zip checksum: the file is damaged")
        }
        return data
    }

    /// The declared sizes: within the cap, and a ratio deflate can reach.
    private func checkSizes(_ info: unz_file_info64, name: String) throws(SheetError) {
        guard info.uncompressed_size <= UInt64(Self.maxPartBytes) else {
            throw SheetError(.damaged, "the part \(name) of the workbook is larger than \(Self.maxPartBytes >> 20) MiB")
        }
        let (limit, overflow) = info.compressed_size.multipliedReportingOverflow(by: Self.maxRatio)
        guard overflow || info.uncompressed_size <= max(limit, 1 << 10) else {
            throw SheetError(
                .damaged,
                "the part \(name) of the workbook claims to be compressed more than \(Self.maxRatio) to 1, "
                    + "which no real workbook is: the file is damaged or crafted")
        }
    }
}
