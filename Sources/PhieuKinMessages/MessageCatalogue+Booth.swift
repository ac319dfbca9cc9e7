extension MessageCatalogue {
    /// The voting booth, the kiosk and receipts.
    static let booth: [String: String] = [
        "Say whether a ballot serial or access code was used in the bundle's round, or whether the booth's receipt is in its ballot log (nothing else).":
            "Cho biết số sê-ri phiếu hoặc mã bỏ phiếu đã được dùng trong vòng của gói kiểm toán hay chưa, hoặc mã biên nhận của trang bỏ phiếu có trong sổ phiếu hay không (không gì khác).",
        "Exit status: 0 used (or found); 1 not used (or not found), or an error.":
            "Mã thoát: 0 đã dùng (hoặc tìm thấy); 1 chưa dùng (hoặc không tìm thấy), hoặc có lỗi.",
        "The serial as printed on the ballot, the access code, or the booth's receipt (64 hex digits); dashes and spaces allowed.":
            "Số sê-ri in trên phiếu, mã bỏ phiếu, hoặc mã biên nhận của trang bỏ phiếu (64 chữ số hex); được phép có dấu gạch ngang và dấu cách.",
        "that is neither a ballot serial (27 symbols, the last one a check symbol), an access code (16 symbols) nor an electronic ballot's receipt (64 hex digits), or a symbol was mistyped: re-read it from the paper.":
            "đó không phải là số sê-ri phiếu (27 ký tự, ký tự cuối là ký tự kiểm tra), mã bỏ phiếu (16 ký tự) hay mã biên nhận phiếu điện tử (64 chữ số hex), hoặc có ký tự bị gõ sai: hãy đọc lại từ tờ giấy.",
        "Found: this receipt is a sealed ballot in the ballot log of round {0}.":
            "Tìm thấy: mã biên nhận này là một phiếu đã niêm phong trong sổ phiếu của vòng {0}.",
        "Not found: no sealed ballot in the ballot log of round {0} has this receipt.":
            "Không tìm thấy: không có phiếu đã niêm phong nào trong sổ phiếu của vòng {0} có mã biên nhận này.",
        "The ballot log is the one signed by the agency key {0}; compare it with the fingerprint the agency published.":
            "Sổ phiếu này là sổ đã được ký bằng khóa cơ quan {0}; hãy so với dấu vân tay khóa mà cơ quan đã công bố.",
        "the round is not closed yet: electronic ballots enter its ballot log when it is closed, so this answer may still change.":
            "vòng chưa đóng: phiếu điện tử chỉ được ghi vào sổ phiếu khi đóng vòng, nên câu trả lời này vẫn có thể thay đổi.",
        "leaves.bin in {0} is not the ballot log the agency signed (tree head {1}); the bundle was changed.":
            "leaves.bin trong {0} không phải là sổ phiếu mà cơ quan đã ký (đầu cây {1}); gói kiểm toán đã bị thay đổi.",
        "leaves.bin in {0} ends inside a length prefix.":
            "leaves.bin trong {0} kết thúc giữa một tiền tố độ dài.",
        "leaves.bin in {0} ends inside leaf {1}.":
            "leaves.bin trong {0} kết thúc giữa lá {1}.",
    ]
}
