extension MessageCatalogue {
    /// Command-line help and output of every command.
    static let interface: [String: String] = [
        "A member of the counting committee, \"Name, role\" (repeat, in the order they sign the tally minutes).":
            "Một thành viên tổ kiểm phiếu, dạng \"Họ tên, chức danh\" (lặp lại, theo thứ tự ký biên bản kiểm phiếu).",
        "CSV, .xlsx or JSON Lines files keyed by tellers (phieukin ballots template writes the header).":
            "Các tệp CSV, .xlsx hoặc JSON Lines do tổ kiểm phiếu nhập (phieukin ballots template tạo sẵn dòng tên cột).",
        "Exit status: 0 restored and verified; 3 restored, but verify found a problem; 1 nothing restored.":
            "Mã thoát: 0 đã khôi phục và kiểm tra đạt; 3 đã khôi phục nhưng kiểm tra thấy vấn đề; 1 không khôi phục gì.",
        "Import keyed ballots (CSV, Excel .xlsx or JSON Lines) into a round: validate, seal, log, sign.":
            "Nhập phiếu đã nhập liệu (CSV, Excel .xlsx hoặc JSON Lines) vào một vòng: kiểm tra, niêm phong, ghi sổ, ký số.",
        "Restore a backup into a new folder, check every file against its manifest, then verify it.":
            "Khôi phục bản sao lưu vào một thư mục mới, đối chiếu từng tệp với bản kê, rồi kiểm tra toàn bộ.",
        "Safe while `phieukin serve` or other commands are writing: every ballot acknowledged before the backup began is in it. The file holds the agency key and the rounds' tally keys: keep it as safe as the workspace. Restore it with `phieukin restore FILE --to NEW-FOLDER`.":
            "An toàn cả khi `phieukin serve` hoặc lệnh khác đang ghi: mọi phiếu đã được xác nhận trước lúc bắt đầu sao lưu đều có trong bản sao. Tệp chứa khóa của cơ quan và khóa kiểm phiếu của các vòng: hãy giữ nó an toàn như thư mục làm việc. Khôi phục bằng `phieukin restore FILE --to NEW-FOLDER`.",
        "The backup file (from phieukin backup).":
            "Tệp sao lưu (do phieukin backup tạo).",
        "The backup file to write (a new file; an existing one is never replaced).":
            "Tệp sao lưu cần ghi (một tệp mới; không bao giờ ghi đè tệp đã có).",
        "The new folder to restore into (it must not exist, or be empty).":
            "Thư mục mới để khôi phục vào (chưa tồn tại, hoặc đang trống).",
        "The place name (địa danh) before the date on official documents, e.g. \"Ba Đình\".":
            "Địa danh ghi trước ngày tháng trên văn bản, ví dụ \"Ba Đình\".",
        "The place name (địa danh) before the date; \"\" leaves it dotted.":
            "Địa danh ghi trước ngày tháng; \"\" để trống (in dấu chấm).",
        "The superior agency (cơ quan chủ quản) printed above the agency's name on official documents.":
            "Cơ quan chủ quản, in phía trên tên cơ quan trên văn bản.",
        "Write a backup of the workspace: a consistent snapshot of the database, the keys and the surveys.":
            "Sao lưu thư mục làm việc: một bản chụp nhất quán của cơ sở dữ liệu, các khóa và các mẫu phiếu.",
        "state (default) or party: official documents are headed by the national title and motto, or by \"ĐẢNG CỘNG SẢN VIỆT NAM\".":
            "state (mặc định, cơ quan nhà nước) hoặc party (cơ quan Đảng): văn bản mở đầu bằng Quốc hiệu và Tiêu ngữ, hoặc bằng \"ĐẢNG CỘNG SẢN VIỆT NAM\".",
        "{0} (SERIAL: as printed on the paper ballot)":
            "{0} (SERIAL: số sê-ri in trên phiếu giấy)",
        "{0}, then for each: {1}":
            "{0}, rồi với từng phiếu: {1}",
        "Heading as Nghị định 30/2020/NĐ-CP sets it (the national title, or the Party's for an agency created with --agency-kind party), the committee named with tally --member, the ballots issued, received, valid and invalid apart from the keyed rows held for checking (with how each reason was decided), the results, the flags, and the signed roots of the ballot log and the results log for the committee to sign under.":
            "Phần mở đầu theo Nghị định 30/2020/NĐ-CP (Quốc hiệu, hoặc tiêu đề của Đảng với cơ quan tạo bằng --agency-kind party), tổ kiểm phiếu ghi bằng tally --member, số phiếu phát ra, thu vào, hợp lệ và không hợp lệ, tách riêng với các dòng nhập liệu phải đối chiếu (cùng cách xử lý từng lý do), kết quả, các trường hợp nhắc nhở, và các gốc đã ký của sổ phiếu và sổ kết quả để tổ kiểm phiếu ký xác nhận.",
        "Accepted {0}; the round's ballot log now holds {1}, signed.":
            "Đã chấp nhận {0}; sổ phiếu của vòng hiện có {1}, đã ký số.",
        "Discarded {0}; the decision is signed into the round's log.":
            "Đã loại bỏ {0}; quyết định đã được ký số vào sổ của vòng.",
        "The round's ballot log now holds {0}, signed.":
            "Sổ phiếu của vòng hiện có {0}, đã ký số.",
        "{0}:{1}: [{2}] {3} (waiting for a decision as #{4})":
            "{0}:{1}: [{2}] {3} (chờ quyết định, số #{4})",
        "waiting":
            "đang chờ",
        "accepted":
            "đã chấp nhận",
        "discarded":
            "đã loại bỏ",
        "Kind: state agency (headed by the national title and motto)":
            "Loại cơ quan: cơ quan nhà nước (mở đầu bằng Quốc hiệu và Tiêu ngữ)",
        "Kind: Party body (headed by \"ĐẢNG CỘNG SẢN VIỆT NAM\")":
            "Loại cơ quan: cơ quan Đảng (mở đầu bằng \"ĐẢNG CỘNG SẢN VIỆT NAM\")",
        "No such file or directory":
            "không có tệp hoặc thư mục này",
        "Permission denied":
            "không có quyền truy cập",
        "Is a directory":
            "đây là một thư mục",
        "Not a directory":
            "không phải là thư mục",
        "No space left on device":
            "ổ đĩa đã hết chỗ trống",
        "Read-only file system":
            "hệ thống tệp chỉ cho phép đọc",
        "File exists":
            "tệp đã tồn tại",
        "Operation not permitted":
            "thao tác không được phép",
        "Too many open files":
            "đang mở quá nhiều tệp",
        "Input/output error":
            "lỗi đọc/ghi thiết bị",
        "Directory not empty":
            "thư mục không trống",
        "File name too long":
            "tên tệp quá dài",
        "Disk quota exceeded":
            "đã vượt hạn mức dung lượng đĩa",
        "A tallied round's tally minutes (biên bản kiểm phiếu), laid out as an administrative document.":
            "Biên bản kiểm phiếu của một vòng đã kiểm phiếu, trình bày theo thể thức văn bản hành chính.",
        "The superior agency (cơ quan chủ quản); \"\" removes it.":
            "Cơ quan chủ quản; \"\" để bỏ.",
        "{0} (share {1})":
            "{0} (mảnh khóa {1})",
        "ink around the box but not in it — perhaps a circle drawn round it":
            "có nét quanh ô nhưng trong ô trống — có thể là khoanh tròn quanh ô",
        "  {0}. {1}  {2} — {3}  [inactive]":
            "  {0}. {1}  {2} — {3}  [không còn trong danh sách]",
        "{0} is written as .xlsx or .csv: give a file name ending in .xlsx or .csv; nothing was written.":
            "{0} được ghi dạng .xlsx hoặc .csv: hãy cho tên tệp có đuôi .xlsx hoặc .csv; chưa ghi gì.",
    ]
}
