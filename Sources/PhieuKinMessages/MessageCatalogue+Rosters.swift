extension MessageCatalogue {
    /// Rosters: import from CSV and Excel, the roster template.
    static let rosters: [String: String] = [
        // roster import
        "Import a roster from Excel (.xlsx) or CSV; all rows or none.":
            "Nhập danh sách cán bộ từ Excel (.xlsx) hoặc CSV; nhập tất cả các dòng hoặc không dòng nào.",
        "The columns are unit_id, unit_name, official_id, full_name, position and, optionally, order, in any order; the header may name them in Vietnamese instead (Mã đơn vị, Tên đơn vị, Mã cán bộ, Họ và tên, Chức vụ, Thứ tự). Title rows above the header are skipped. Names are stored with single spaces (no-break spaces too). A blank template: phieukin roster template.":
            "Các cột là unit_id, unit_name, official_id, full_name, position và cột order (không bắt buộc), theo thứ tự bất kỳ; dòng tên cột có thể ghi bằng tiếng Việt (Mã đơn vị, Tên đơn vị, Mã cán bộ, Họ và tên, Chức vụ, Thứ tự). Các dòng tiêu đề phía trên dòng tên cột được bỏ qua. Họ tên được lưu với một dấu cách giữa các từ (kể cả dấu cách không ngắt). Mẫu trống: phieukin roster template.",
        "The roster: an Excel workbook (.xlsx) or a CSV file (UTF-8).":
            "Danh sách cán bộ: sổ tính Excel (.xlsx) hoặc tệp CSV (UTF-8).",
        "The sheet of the workbook to read, by name or number (default: the first).":
            "Trang tính cần đọc, theo tên hoặc số thứ tự (mặc định: trang đầu tiên).",
        "Skipped {0} above the header row (line {1}).":
            "Bỏ qua {0} phía trên dòng tên cột (dòng {1}).",
        "{0} title row": "{0} dòng tiêu đề",
        "{0} title rows": "{0} dòng tiêu đề",
        "the sheet \"{0}\" was asked for, but {1} is a CSV text file, which has no sheets; import it without naming a sheet; nothing was imported.":
            "đã chỉ định trang tính \"{0}\", nhưng {1} là tệp văn bản CSV, không có trang tính; hãy nhập tệp mà không chỉ định trang tính; chưa nhập gì.",
        "{0} is neither text nor an Excel workbook (.xlsx): it holds binary data (a PDF, an image or a document?); in Excel choose File > Save As and the file type \"Excel Workbook (*.xlsx)\" or \"CSV UTF-8 (Comma delimited) (*.csv)\", then import the new file; nothing was imported.":
            "{0} không phải văn bản cũng không phải sổ tính Excel (.xlsx): tệp chứa dữ liệu nhị phân (tệp PDF, ảnh hay văn bản Word?); trong Excel chọn File > Save As, kiểu tệp \"Excel Workbook (*.xlsx)\" hoặc \"CSV UTF-8 (Comma delimited) (*.csv)\", rồi nhập tệp mới; chưa nhập gì.",

        // the roster file's header and rows
        "no header row naming the columns was found; the header row names the columns {0} (order is optional), in English or in Vietnamese":
            "không tìm thấy dòng tên cột; dòng tên cột phải ghi các cột {0} (cột order không bắt buộc), bằng tiếng Anh hoặc tiếng Việt",
        "header is missing {0}; the header row names the columns {1} (order is optional)":
            "dòng tên cột thiếu {0}; dòng tên cột phải ghi các cột {1} (cột order không bắt buộc)",
        "field {0} holds a value but its column has no name in the header (line {1}); name the column or empty it":
            "trường {0} có giá trị nhưng cột của nó chưa có tên ở dòng tên cột (dòng {1}); hãy đặt tên cho cột hoặc xóa giá trị",

        // workbook sheets
        "the workbook has no sheet named \"{0}\"; its sheets are: {1}":
            "sổ tính không có trang tính tên \"{0}\"; các trang tính là: {1}",
        "the workbook does not say which part holds the sheet {0}":
            "sổ tính không cho biết phần nào chứa trang tính {0}",
        "the workbook names a sheet {0} that it does not hold":
            "sổ tính ghi trang tính là {0} nhưng không chứa trang đó",

        // roster template
        "Write a blank roster template (.xlsx or .csv) with the header import expects.":
            "Ghi mẫu danh sách cán bộ trống (.xlsx hoặc .csv) với dòng tên cột mà lệnh nhập cần.",
        "Row 1 is a title (skipped on import), row 2 the header in Vietnamese (the English ids with --lang en); one official per row from row 3. The .xlsx keeps the id columns as text and has an instructions sheet; the .csv is UTF-8 with a BOM, as Excel opens it. Then: phieukin roster import FILE.":
            "Dòng 1 là tiêu đề (bỏ qua khi nhập), dòng 2 là tên cột bằng tiếng Việt (mã cột tiếng Anh khi dùng --lang en); mỗi cán bộ một dòng, từ dòng 3. Tệp .xlsx giữ các cột mã ở dạng văn bản và có trang hướng dẫn; tệp .csv là UTF-8 có BOM, như Excel mở được. Sau đó: phieukin roster import TỆP.",
        "Enter one official per row from row 3, then: phieukin roster import {0}":
            "Nhập mỗi cán bộ một dòng, từ dòng 3, rồi chạy: phieukin roster import {0}",
        "the roster template": "mẫu danh sách cán bộ",
    ]
}
