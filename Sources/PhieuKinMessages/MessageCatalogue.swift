/// The Vietnamese of every message PhieuKin shows: the one place to change wording.
///
/// Each key is a message's English text as written in the code, with `{0}`, `{1}`… where the
/// code interpolates values; the value is the Vietnamese, which may reorder the placeholders.
/// `MessageCatalogueTests` reads every message literal in `Sources/` and fails if one has no
/// entry here or an entry drops or invents a placeholder. A key with no entry shows in English.
public enum MessageCatalogue {
    public static let vietnamese: [String: String] = [
        "{0}": "{0}",
        // Excel in and out (issue 12): import, keying template, spreadsheet exports.
        "field {0} is not UTF-8 text: the file was saved in another encoding (Windows-1258 or Windows-1252, Excel's \"CSV (Comma delimited)\"). In Excel choose File > Save As and the file type \"CSV UTF-8 (Comma delimited) (*.csv)\", then import the new file":
            "trường {0} không phải văn bản UTF-8: tệp được lưu bằng bảng mã khác (Windows-1258 hoặc Windows-1252, kiểu \"CSV (Comma delimited)\" của Excel). Trong Excel chọn File > Save As, kiểu tệp \"CSV UTF-8 (Comma delimited) (*.csv)\", rồi nhập tệp mới",
        "column {0} ({1}) is not on this round's ballot: {2}. Correct the header (the keying template has the right one) and import the file again":
            "cột {0} ({1}) không có trên phiếu của vòng này: {2}. Sửa dòng tiêu đề (mẫu nhập phiếu có dòng tiêu đề đúng) rồi nhập lại tệp",
        "column {0} ({1}) is not on this round's ballot: {2}; did you mean \"{3}\"? Correct the header (the keying template has the right one) and import the file again":
            "cột {0} ({1}) không có trên phiếu của vòng này: {2}; có phải là \"{3}\"? Sửa dòng tiêu đề (mẫu nhập phiếu có dòng tiêu đề đúng) rồi nhập lại tệp",
        "{0}:{1}: {2} (row {3} has an answer in it); nothing was imported.":
            "{0}:{1}: {2} (dòng {3} có câu trả lời ở cột này); chưa nhập gì.",
        "{0} is an old Excel 97-2003 workbook (.xls), which is not read; in Excel choose File > Save As and the file type \"Excel Workbook (*.xlsx)\" or \"CSV UTF-8 (Comma delimited) (*.csv)\", then import the new file; nothing was imported.":
            "{0} là sổ tính Excel 97-2003 (.xls), không đọc được; trong Excel chọn File > Save As, kiểu tệp \"Excel Workbook (*.xlsx)\" hoặc \"CSV UTF-8 (Comma delimited) (*.csv)\", rồi nhập tệp mới; chưa nhập gì.",
        "{0} is UTF-16 text (Excel's \"Unicode Text\"), which is not read; in Excel choose File > Save As and the file type \"CSV UTF-8 (Comma delimited) (*.csv)\", then import the new file; nothing was imported.":
            "{0} là văn bản UTF-16 (kiểu \"Unicode Text\" của Excel), không đọc được; trong Excel chọn File > Save As, kiểu tệp \"CSV UTF-8 (Comma delimited) (*.csv)\", rồi nhập tệp mới; chưa nhập gì.",
        "{0}: {1}; nothing was imported.":
            "{0}: {1}; chưa nhập gì.",
        "the part {0} of the workbook cannot be read":
            "không đọc được phần {0} của sổ tính",
        "the part {0} of the workbook is larger than {1} MiB":
            "phần {0} của sổ tính lớn hơn {1} MiB",
        "the part {0} of the workbook cannot be opened":
            "không mở được phần {0} của sổ tính",
        "the part {0} of the workbook is damaged (zip error {1})":
            "phần {0} của sổ tính bị hỏng (lỗi zip {1})",
        "the file is not an Excel workbook (.xlsx): it is not a zip archive":
            "tệp không phải sổ tính Excel (.xlsx): không phải tệp nén zip",
        "the file is not an Excel workbook (.xlsx): it has no xl/workbook.xml":
            "tệp không phải sổ tính Excel (.xlsx): không có xl/workbook.xml",
        "the workbook names a first sheet {0} that it does not hold":
            "sổ tính ghi trang tính đầu là {0} nhưng không chứa trang đó",
        "{0} is not well-formed XML (line {1}); open the file in Excel and save it again":
            "{0} không phải XML hợp lệ (dòng {1}); mở tệp bằng Excel và lưu lại",
        "row {0}: a cell names a shared string the workbook does not hold":
            "dòng {0}: một ô trỏ tới chuỗi dùng chung mà sổ tính không có",
        "row {0}: a cell lies beyond Excel's last column":
            "dòng {0}: một ô nằm ngoài cột cuối cùng của Excel",
        "libxlsxwriter could not start a workbook (out of memory?)":
            "libxlsxwriter không tạo được sổ tính (hết bộ nhớ?)",
        "libxlsxwriter refused the sheet name \"{0}\"":
            "libxlsxwriter không chấp nhận tên trang tính \"{0}\"",
        "the workbook could not be written: {0}":
            "không ghi được sổ tính: {0}",
        "sheet {0} is larger than Excel allows ({1} rows, {2} columns)":
            "trang tính {0} lớn hơn mức Excel cho phép ({1} dòng, {2} cột)",
        "the keying template is written as .xlsx or .csv: give a file name ending in .xlsx or .csv; nothing was written.":
            "mẫu nhập phiếu được ghi dạng .xlsx hoặc .csv: cho tên tệp có đuôi .xlsx hoặc .csv; chưa ghi gì.",
        "cannot write {0}: {1}; nothing was written.":
            "không ghi được {0}: {1}; chưa ghi gì.",
        "SPSS syntax is written beside a CSV report (it reads the CSV): choose the CSV format; nothing was written.":
            "cú pháp SPSS được ghi cạnh báo cáo CSV (nó đọc tệp CSV): chọn định dạng CSV; chưa ghi gì.",
        "an Excel (.xlsx) report needs an output file.":
            "báo cáo Excel (.xlsx) cần một tệp đầu ra.",
        "{0} ignored (rows with no answer at all, e.g. left by Excel at the end).":
            "bỏ qua {0} (dòng không có câu trả lời nào, ví dụ Excel để lại ở cuối tệp).",
        "{0} empty row":
            "{0} dòng trống",
        "{0} empty rows":
            "{0} dòng trống",
        "Wrote {0}: {1} ({2}).":
            "Đã ghi {0}: {1} ({2}).",
        "{0} column":
            "{0} cột",
        "{0} columns":
            "{0} cột",
        "Key one ballot per row from row 4, then: phieukin import --round {0} {1}":
            "Nhập mỗi phiếu một dòng, từ dòng 4, rồi chạy: phieukin import --round {0} {1}",
        "--spss writes a file beside the CSV: give --out FILE.csv.":
            "--spss ghi một tệp cạnh tệp CSV: cho --out TEP.csv.",
        "Wrote {0}.sps":
            "Đã ghi {0}.sps",
    ]
}
