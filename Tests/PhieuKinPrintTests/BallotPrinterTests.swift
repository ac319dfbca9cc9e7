import Foundation
import PhieuKinPrint
import Testing

@Suite("Ballot printer")
struct BallotPrinterTests {
    @Test("smoke")
    func smoke() throws {
        let path = Fixture.temporaryPath("slips.pdf")
        let codes = (0..<13).map { "K\($0)7Q-AB3D-EF9H" }
        let summary = try BallotPrinter.renderSlips(title: "MÃ TRUY CẬP PHIẾU KÍN", roundText: "Đánh giá cán bộ – Quý 3/2026", instructions: "Truy cập https://phieukin.example.vn, nhập mã này để bỏ phiếu. Mỗi mã chỉ dùng một lần. Không ghi tên vào phiếu; không đưa mã cho người khác.", codes: codes, to: path)
        print(path, summary)
    }
}
