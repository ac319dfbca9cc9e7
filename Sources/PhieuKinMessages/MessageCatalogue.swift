/// The Vietnamese of every message PhieuKin shows: the one place to change wording.
///
/// Each key is a message's English text as written in the code, with `{0}`, `{1}`… where the
/// code interpolates values; the value is the Vietnamese, which may reorder the placeholders.
/// `MessageCatalogueTests` reads every message literal in `Sources/` and fails if one has no
/// entry here or an entry drops or invents a placeholder. A key with no entry shows in English.
public enum MessageCatalogue {
    /// Every part, merged. A key in two parts is a mistake `MessageCatalogueTests` reports.
    public static let vietnamese: [String: String] = parts.reduce(into: [:]) { all, part in
        all.merge(part) { first, _ in first }
    }

    /// The catalogue's parts, one file each (`MessageCatalogue+….swift`), so that work on one area
    /// adds its wording without touching another's.
    package static let parts: [[String: String]] = [core, rosters, documents, booth, interface]

    static let core: [String: String] = [
        "{0} round":
            "{0} vòng",
        "{0} rounds":
            "{0} vòng",
        "{0} file":
            "{0} tệp",
        "{0} files":
            "{0} tệp",
        "the backup":
            "bản sao lưu",
        "the backup's MANIFEST.json is not a PhieuKin backup manifest.":
            "tệp MANIFEST.json của bản sao lưu không phải là bản kê của một bản sao lưu PhieuKin.",
        "cannot read {0}; no backup was written.":
            "không đọc được {0}; chưa có bản sao lưu nào được ghi.",
        "the backup is damaged: {0} is not the file its manifest lists (its SHA-256 differs); nothing was restored.":
            "bản sao lưu bị hỏng: {0} không phải là tệp mà bản kê ghi (mã SHA-256 khác); không có gì được khôi phục.",
        "this is not a PhieuKin backup: it does not start with its manifest.":
            "đây không phải là bản sao lưu PhieuKin: nó không bắt đầu bằng bản kê.",
        "{0} already exists and is not an empty folder: a backup is restored into a new folder, never over a workspace or other files. Nothing was changed.":
            "{0} đã tồn tại và không phải là thư mục trống: bản sao lưu chỉ được khôi phục vào một thư mục mới, không bao giờ đè lên thư mục làm việc hay tệp khác. Không có thay đổi nào.",
        "the backup entry {0} has no valid size; nothing was restored.":
            "mục {0} trong bản sao lưu không có kích thước hợp lệ; không có gì được khôi phục.",
        "the backup is damaged at byte {0}: a header's checksum is wrong.":
            "bản sao lưu bị hỏng tại byte {0}: tổng kiểm của một phần đầu bị sai.",
        "Backup written to {0}: {1}, {2}, {3} bytes, made on {4}.":
            "Đã ghi bản sao lưu vào {0}: {1}, {2}, {3} byte, lập ngày {4}.",
        "Restored {0} of the backup made on {1} into {2}.":
            "Đã khôi phục {0} của bản sao lưu lập ngày {1} vào {2}.",
        "the backup entry {0} is not a plain file; nothing was restored.":
            "mục {0} trong bản sao lưu không phải là tệp thường; không có gì được khôi phục.",
        "the backup ends inside {0}: it was cut short.":
            "bản sao lưu kết thúc giữa chừng ở {0}: nó bị cắt cụt.",
        "a workspace file name is too long for the backup: {0}.":
            "tên một tệp của thư mục làm việc quá dài để sao lưu: {0}.",
        "the backup entry {0} is not a workspace file; nothing was restored.":
            "mục {0} trong bản sao lưu không phải là tệp của thư mục làm việc; không có gì được khôi phục.",
        "the backup has no end-of-archive marker: it was cut short.":
            "bản sao lưu không có dấu kết thúc: nó bị cắt cụt.",
        "the backup's MANIFEST.json lists a file it cannot describe.":
            "tệp MANIFEST.json của bản sao lưu ghi một tệp không mô tả được.",
        "the backup's files are not the ones its manifest lists; nothing was restored.":
            "các tệp trong bản sao lưu không khớp với bản kê; không có gì được khôi phục.",
        "cannot read {0}: {1}; nothing was done.":
            "không đọc được {0}: {1}; không có gì được thực hiện.",
        "phieukin restore BACKUP-FILE --to NEW-FOLDER":
            "phieukin restore TỆP-SAO-LƯU --to THƯ-MỤC-MỚI",
        "the copy fails SQLite's integrity check":
            "bản sao không qua được bước kiểm tra toàn vẹn của SQLite",
        "SQLite could not serialize the backup copy":
            "SQLite không tuần tự hóa được bản sao lưu",
        "unknown member \"{0}\" (allowed: serial, answers, remark, round, blank)":
            "thành phần lạ \"{0}\" (được phép: serial, answers, remark, round, blank)",
        "marked as a blank ballot but has answers or a remark: check the paper and key it again":
            "được ghi là phiếu trắng nhưng lại có trả lời hoặc ý kiến: hãy đối chiếu bản giấy và nhập lại",
        "blank must be true or false":
            "blank phải là true hoặc false",
        "no answer and not marked as a blank ballot: if the paper is a blank ballot, key it with x in the blank column":
            "không có trả lời và không được ghi là phiếu trắng: nếu bản giấy là phiếu trắng, hãy nhập x vào cột blank",
        "{0} is not this workspace's agency key (its fingerprint is {1}; the workspace's is {2}): nothing was signed. Put the workspace's own key back, from its backup.":
            "{0} không phải là khóa cơ quan của không gian làm việc này (dấu vân tay của nó là {1}; của không gian làm việc là {2}): không có gì được ký. Hãy đặt lại khóa của chính không gian làm việc này, lấy từ bản sao lưu.",
        "this serial belongs to round {0}, not to {1}: the sheet is not a ballot of this round; discard it here":
            "số phiếu này thuộc vòng {0}, không thuộc vòng {1}: tờ phiếu không phải phiếu của vòng này; hãy loại bỏ nó ở vòng này",
        "serial is well-formed but was not issued for round {0}: check the serial on the paper; if it was mistyped, accept it with the serial read from the paper":
            "số phiếu đúng dạng nhưng không được phát cho vòng {0}: hãy đối chiếu số phiếu trên bản giấy; nếu gõ sai, hãy chấp nhận phiếu với số phiếu đọc từ bản giấy",
        "Q{0} {1}":
            "Quý {0}/{1}",
        "month {0}/{1}":
            "tháng {0}/{1}",
        "year {0}":
            "năm {0}",
        "{0} ({1})":
            "{0} ({1})",
        "a serial read from the paper belongs to one ballot: give exactly one reject id with it.":
            "một số phiếu đọc từ bản giấy chỉ thuộc về một phiếu: hãy ghi kèm đúng một mã phiếu cách ly.",
        "no pending reject can be accepted as it is in round {0}.":
            "vòng {0} không có phiếu cách ly đang chờ nào có thể chấp nhận nguyên trạng.",
        "reject {0} ({1}) needs no serial: round {2} is unnumbered or its serial was not in doubt. Nothing was accepted.":
            "phiếu cách ly {0} ({1}) không cần số phiếu: vòng {2} không đánh số, hoặc số phiếu của nó không có gì đáng ngờ. Không phiếu nào được chấp nhận.",
        "reject {0} ({1}) can be accepted only with the serial read from its paper, which must be issued for round {2} and not used yet. Nothing was accepted.":
            "phiếu cách ly {0} ({1}) chỉ được chấp nhận kèm số phiếu đọc từ bản giấy của nó, số này phải được phát cho vòng {2} và chưa được dùng. Không phiếu nào được chấp nhận.",
        "reject {0} ({1}) cannot be accepted: {2}. Discard it and key the ballot again.":
            "không thể chấp nhận phiếu cách ly {0} ({1}): {2}. Hãy loại bỏ nó và nhập lại phiếu.",
        "its serial belongs to another round":
            "số phiếu của nó thuộc vòng khác",
        "its marks were not valid":
            "các ô đánh dấu của nó không hợp lệ",
        "the serial given is not a serial: {0}. Nothing was accepted.":
            "số phiếu đã ghi không phải là số phiếu: {0}. Không phiếu nào được chấp nhận.",
        "the serial given belongs to round {0}, not to {1}: the sheet is not a ballot of this round. Nothing was accepted.":
            "số phiếu đã ghi thuộc vòng {0}, không thuộc vòng {1}: tờ phiếu không phải phiếu của vòng này. Không phiếu nào được chấp nhận.",
        "the serial given was not issued for round {0}: read it again from the paper. Nothing was accepted.":
            "số phiếu đã ghi không được phát cho vòng {0}: hãy đọc lại từ bản giấy. Không phiếu nào được chấp nhận.",
        "the serial given is already used by a ballot of round {0}: if the paper shows it, this sheet is a second copy of a counted ballot; discard it. Nothing was accepted.":
            "số phiếu đã ghi đã được một phiếu của vòng {0} sử dụng: nếu bản giấy in đúng số này, tờ phiếu là bản thứ hai của một phiếu đã đếm; hãy loại bỏ nó. Không phiếu nào được chấp nhận.",
        " (can be accepted only with the serial read from the paper: --serial)":
            " (chỉ chấp nhận được kèm số phiếu đọc từ bản giấy: --serial)",
        "The serial as printed on the paper ballot, for one reject whose serial was in doubt (numbered rounds).":
            "Số phiếu như in trên phiếu giấy, cho một phiếu cách ly có số phiếu đáng ngờ (vòng có đánh số).",
        "Every pending reject that can be accepted as it is.":
            "Mọi phiếu cách ly đang chờ có thể chấp nhận nguyên trạng.",
        "--serial goes with exactly one reject id.":
            "--serial đi kèm đúng một mã phiếu cách ly.",
        "phieukin rejects accept --round {0} --serial SERIAL --reason \"…\" {1} (SERIAL: as printed on the paper ballot)":
            "phieukin rejects accept --round {0} --serial SERIAL --reason \"…\" {1} (SERIAL: số phiếu như in trên phiếu giấy)",
        "{0} ballots in the log{1} but {2} used serials: every ballot of a numbered round uses one serial, so a ballot was added without one (a quarantine decision that used no serial, or an edited database) or a serial was marked used without its ballot":
            "sổ có {0} phiếu{1} nhưng có {2} số phiếu đã dùng: mỗi phiếu của vòng có đánh số dùng đúng một số phiếu, vậy đã có phiếu được thêm mà không có số (một quyết định về phiếu cách ly không dùng số phiếu, hoặc cơ sở dữ liệu bị sửa) hoặc một số phiếu bị đánh dấu đã dùng mà không có phiếu",
        "leaf {0} is the same sealed ballot as leaf {1}: one ballot is in the log twice":
            "lá {0} là cùng một phiếu niêm phong với lá {1}: một phiếu nằm trong sổ hai lần",
        "it accepts reject {0} ([{1}]), which no quarantine decision can accept in this round":
            "nó chấp nhận phiếu cách ly {0} ([{1}]), loại mà không quyết định nào được chấp nhận trong vòng này",
        "  -h, --help{0}Show help information.":
            "  -h, --help{0}Hiện trợ giúp.",
        "  See '{0}' for detailed help.":
            "  Xem '{0}' để có trợ giúp chi tiết.",
        "  See '{0}' for more information.":
            "  Xem '{0}' để biết thêm.",
        "  or: {0}":
            "  hoặc: {0}",
        "  share {0} of {1}: {2}":
            "  mảnh khóa {0} trên {1}: {2}",
        " (and {0} more)":
            " (và {0} ô khác)",
        " (can be accepted)":
            " (có thể chấp nhận)",
        " Nothing was written.":
            " Không có gì được ghi.",
        " The output is in {0}.":
            " Kết quả đầu ra nằm ở {0}.",
        " and {0} waiting to be appended,":
            " và {0} phiếu đang chờ ghi vào sổ,",
        " — decided: {0}":
            " — đã quyết định: {0}",
        "\"{0}\" is not a code: use 1 to 8 lowercase ASCII letters or digits, as tellers key them":
            "\"{0}\" không phải là mã đánh dấu: hãy dùng từ 1 đến 8 chữ cái ASCII viết thường hoặc chữ số, đúng như người nhập liệu gõ vào",
        "\"{0}\" is not a fraction n/d with 0 < n/d ≤ 1":
            "\"{0}\" không phải là phân số n/d với 0 < n/d ≤ 1",
        "\"{0}\" is not a whole number from {1} to {2}":
            "\"{0}\" không phải là số nguyên từ {1} đến {2}",
        "\"{0}\" is not an id: use 1 to 64 lowercase ASCII letters, digits, \"-\" or \"_\"":
            "\"{0}\" không phải là mã định danh: hãy dùng từ 1 đến 64 chữ cái ASCII viết thường, chữ số, \"-\" hoặc \"_\"",
        "\"{0}\" is not true or false":
            "\"{0}\" không phải là true hoặc false",
        "(top level)":
            "(cấp cao nhất)",
        "({0}): their ballots and results were lost; restore the workspace from its backup into a new folder":
            "({0}): phiếu và kết quả của các vòng đó đã bị mất; hãy khôi phục thư mục làm việc từ bản sao lưu vào một thư mục mới",
        ", passphrase-protected":
            ", có mật khẩu bảo vệ",
        "--expect-root needs --round: whose root is it?":
            "--expect-root cần --round: đó là gốc của vòng nào?",
        "--expect-root takes the 64 hexadecimal digits of a root (spaces and dashes are ignored).":
            "--expect-root nhận 64 chữ số thập lục phân của một gốc (bỏ qua dấu cách và dấu gạch ngang).",
        "--kiosk-interval and --kiosk-daily-cap must be at least 1.":
            "--kiosk-interval và --kiosk-daily-cap phải ít nhất là 1.",
        "--listen takes HOST:PORT, for example 127.0.0.1:8080.":
            "--listen nhận giá trị dạng HOST:PORT, ví dụ 127.0.0.1:8080.",
        "--mark takes question=code":
            "--mark nhận giá trị dạng question=code (câu hỏi=mã đánh dấu)",
        "--member \"{0}\" has no name: give \"Name, role\", e.g. \"Nguyễn Văn A, Trưởng ban\".":
            "--member \"{0}\" không có họ tên: ghi \"Họ và tên, chức danh\", ví dụ \"Nguyễn Văn A, Trưởng ban\".",
        "--passphrase-file is ignored: the server signs nothing; give it to round close instead.":
            "--passphrase-file bị bỏ qua: máy chủ không ký gì; hãy đưa nó cho lệnh round close.",
        "--public-url is https but --behind-tls is not set: pages will not carry Strict-Transport-Security.":
            "--public-url là địa chỉ https nhưng chưa đặt --behind-tls: các trang sẽ không có tiêu đề Strict-Transport-Security.",
        "--serials takes numbered or none.":
            "--serials nhận giá trị numbered hoặc none.",
        "--spss writes a file beside the CSV: give --out FILE.csv.":
            "--spss ghi một tệp cạnh tệp CSV: cho --out TEP.csv.",
        "--trusted-proxy takes an IP address, for example 127.0.0.1 or ::1.":
            "--trusted-proxy nhận một địa chỉ IP, ví dụ 127.0.0.1 hoặc ::1.",
        ". {0} definition file was refused: ":
            ". {0} tệp định nghĩa mẫu phiếu bị từ chối: ",
        ". {0} definition files were refused: ":
            ". {0} tệp định nghĩa mẫu phiếu bị từ chối: ",
        "A TLS reverse proxy is in front: pages carry Strict-Transport-Security.":
            "Phía trước có máy chủ proxy ngược TLS: các trang có tiêu đề Strict-Transport-Security.",
        "A committee member's share file (repeat: any K of the N). Not needed for a 1-of-1 round.":
            "Tệp mảnh khóa của một thành viên tổ kiểm phiếu (lặp lại: bất kỳ K trên N mảnh khóa). Không cần cho vòng 1 trên 1.",
        "A committee's shares: one member's share file (outside the workspace); repeat exactly N times.":
            "Mảnh khóa của tổ kiểm phiếu: tệp mảnh khóa của một thành viên (nằm ngoài thư mục làm việc); lặp lại đúng N lần.",
        "A committee's shares: the folder (outside the workspace, e.g. a USB stick) to write the N share files to.":
            "Mảnh khóa của tổ kiểm phiếu: thư mục (nằm ngoài thư mục làm việc, ví dụ USB) để ghi N tệp mảnh khóa.",
        "A reverse proxy whose X-Forwarded-For is believed (its IP address; repeat for several). Default: none.":
            "Một máy chủ proxy ngược được tin tiêu đề X-Forwarded-For (địa chỉ IP của nó; lặp lại tùy chọn cho nhiều máy). Mặc định: không có.",
        "A second, independent keying of the same paper ballots; only ballots both keyings agree on are accepted.":
            "Lần nhập liệu thứ hai, độc lập, cho cùng các phiếu giấy đó; chỉ chấp nhận các phiếu mà hai lần nhập liệu trùng khớp.",
        "A tallied round's report: flagged officials first, then the unit summary and remarks.":
            "Báo cáo của vòng đã kiểm phiếu: trước hết là các cán bộ bị cảnh báo, sau đó là phần tổng hợp theo đơn vị và các ý kiến khác.",
        "AES-256-GCM {0} is too large (max 2 GiB per message)":
            "{0} AES-256-GCM quá lớn (tối đa 2 GiB cho mỗi thông điệp)",
        "ARGUMENTS:":
            "THAM SỐ:",
        "Accept quarantined ballots whose marks were valid (e.g. an unknown serial checked on paper).":
            "Chấp nhận các phiếu chờ xử lý có dấu đánh hợp lệ (ví dụ số sê-ri lạ đã được đối chiếu trên phiếu giấy).",
        "Accepted {0}; ballot log now {1} ballots (tree head {2} signed).":
            "Đã chấp nhận {0}; sổ phiếu hiện có {1} phiếu (đã ký đầu cây {2}).",
        "Address and port to listen on (HOST:PORT; [::1]:8080 for IPv6).":
            "Địa chỉ và cổng lắng nghe (HOST:PORT; [::1]:8080 đối với IPv6).",
        "Agency: {0}":
            "Cơ quan: {0}",
        "At the tally: phieukin tally --round {0} --share FILE … (one --share per member present)":
            "Khi kiểm phiếu: phieukin tally --round {0} --share FILE … (mỗi thành viên có mặt một --share)",
        "Ballot log: {0} ballots; tree head {1} signed (root {2}).":
            "Sổ phiếu: {0} phiếu; đã ký đầu cây {1} (gốc {2}).",
        "CSV or JSON Lines files keyed by tellers.":
            "Các tệp CSV hoặc JSON Lines do người nhập liệu nhập.",
        "Change the document heading settings; options not given keep their value.":
            "Thay đổi thông tin phần đầu văn bản; tùy chọn nào không nêu thì giữ nguyên.",
        "Check each quarantined ballot against the paper: phieukin rejects list --round {0}":
            "Đối chiếu từng phiếu chờ xử lý với phiếu giấy: phieukin rejects list --round {0}",
        "Check the ballot logs (and other logs) against their signatures, leaves and counts.":
            "Kiểm tra các sổ phiếu (và các sổ khác) theo chữ ký, lá và số lượng.",
        "Close a round: sign its final tree head; no more imports.":
            "Đóng vòng: ký đầu cây cuối cùng; không nhập thêm phiếu.",
        "Closed {0}: {1} ballots; final tree head {2}, root {3}.":
            "Đã đóng {0}: {1} phiếu; đầu cây cuối cùng {2}, gốc {3}.",
        "Committee size N: split the tally key into N shares.":
            "Số thành viên tổ kiểm phiếu N: chia khóa kiểm phiếu thành N mảnh khóa.",
        "Copy this root onto the signed round report; anyone can check the audit bundle against it later: {0}":
            "Hãy chép gốc này vào biên bản vòng có chữ ký; sau này ai cũng có thể đối chiếu gói kiểm toán với nó: {0}",
        "Create a workspace: the database and the agency's Ed25519 signing key.":
            "Tạo thư mục làm việc: cơ sở dữ liệu và khóa ký Ed25519 của cơ quan.",
        "Decide each quarantined sheet: phieukin scan review --round {0} --crops DIR":
            "Xử lý từng tờ phiếu chờ xử lý: phieukin scan review --round {0} --crops DIR",
        "Discard quarantined ballots (e.g. keyed again correctly in a later import).":
            "Loại bỏ các phiếu chờ xử lý (ví dụ đã được nhập lại chính xác trong lần nhập sau).",
        "Discarded {0}; the decision is signed in tree head {1}.":
            "Đã loại bỏ {0}; quyết định đã được ký trong đầu cây {1}.",
        "EVP_PKEY_CTX_new_from_pkey failed":
            "EVP_PKEY_CTX_new_from_pkey thất bại",
        "Each sheet waits in the quarantine with a scan-… reason. With --crops DIR, each undecided box is written to DIR as a PNG (the page is read again from the file named in the quarantine; nothing of the scan is stored). Then, looking at the paper: key the sheet (phieukin import) and discard the quarantined copy (phieukin rejects discard … --reason).":
            "Mỗi tờ phiếu nằm trong khu chờ xử lý với lý do dạng scan-…. Khi có --crops DIR, mỗi ô chưa xác định được ghi vào DIR dưới dạng ảnh PNG (trang được đọc lại từ tệp ghi trong khu chờ xử lý; không lưu lại nội dung nào của bản quét). Sau đó, đối chiếu với phiếu giấy: nhập tờ phiếu (phieukin import) và loại bỏ bản đang chờ xử lý (phieukin rejects discard … --reason).",
        "Encrypt the private key with the passphrase in this file (PKCS#8, readable by `openssl pkey`).":
            "Mã hóa khóa bí mật bằng mật khẩu trong tệp này (PKCS#8, đọc được bằng `openssl pkey`).",
        "Encrypt the tally key or each share with the passphrase in this file.":
            "Mã hóa khóa kiểm phiếu hoặc từng mảnh khóa bằng mật khẩu trong tệp này.",
        "Enrol one-stop-desk tablets and see their counts.":
            "Đăng ký máy tính bảng tại quầy một cửa và xem số lượt đánh giá.",
        "Error: Missing expected argument '{0}'":
            "Lỗi: Thiếu tham số bắt buộc '{0}'",
        "Error: Missing value for '{0}'":
            "Lỗi: Thiếu giá trị cho '{0}'",
        "Error: The value '{0}' is invalid for '{1}'":
            "Lỗi: Giá trị '{0}' không hợp lệ cho '{1}'",
        "Error: Unexpected argument '{0}'":
            "Lỗi: Tham số không mong đợi '{0}'",
        "Error: Unknown option '{0}'":
            "Lỗi: Không có tùy chọn '{0}'",
        "Error: Value to be set with flag '{0}' had an unexpected value '{1}'":
            "Lỗi: Cờ '{0}' nhận giá trị không mong đợi '{1}'",
        "Error: {0}":
            "Lỗi: {0}",
        "Every command works on a workspace: --workspace DIR, else $PHIEUKIN_WORKSPACE, else the current directory. Start with `phieukin init`.":
            "Mọi lệnh đều làm việc trên một thư mục làm việc: --workspace DIR, nếu không có thì $PHIEUKIN_WORKSPACE, nếu không có nữa thì thư mục hiện tại. Bắt đầu bằng `phieukin init`.",
        "Every pending reject.":
            "Mọi phiếu chờ xử lý.",
        "Every unit of the roster that has active officials, on one ballot.":
            "Mọi đơn vị trong danh sách cán bộ có cán bộ đang công tác, trên cùng một phiếu.",
        "Exit status as for import: 0 every sheet accepted; 2 committed with sheets quarantined (phieukin scan review); 1 nothing was stored because of an error.":
            "Mã thoát giống lệnh import: 0 mọi tờ phiếu được chấp nhận; 2 đã ghi nhận nhưng có tờ phiếu chờ xử lý (phieukin scan review); 1 không có gì được lưu do có lỗi.",
        "Exit status: 0 every ballot accepted; 2 the import was committed but some ballots were rejected or duplicates (they are quarantined: phieukin rejects list); 1 nothing was imported because of an error (message on stderr).":
            "Mã thoát: 0 mọi phiếu được chấp nhận; 2 đã ghi nhận lần nhập nhưng có phiếu bị giữ lại hoặc bị trùng (các phiếu này nằm trong khu chờ xử lý: phieukin rejects list); 1 không có phiếu nào được nhập do có lỗi (thông báo ở stderr).",
        "Exit status: 0 everything checks out; 3 a problem was found (each is printed); 1 an error.":
            "Mã thoát: 0 mọi nội dung kiểm tra đều hợp lệ; 3 phát hiện vấn đề (từng vấn đề được in ra); 1 có lỗi.",
        "Exit status: 0 used; 1 not used, or an error.":
            "Mã thoát: 0 đã dùng; 1 chưa dùng, hoặc có lỗi.",
        "Explain one survey: questions, codes, policy.":
            "Giải thích một mẫu phiếu: câu hỏi, mã đánh dấu, quy tắc.",
        "FAILED: {0}.":
            "KHÔNG ĐẠT: {0}.",
        "Fewer ballots than the quorum of the people summoned: the vote is inconclusive and its result is not valid.":
            "Số phiếu ít hơn số người tối thiểu so với số người được triệu tập: cuộc bỏ phiếu không đủ điều kiện kết luận và kết quả không có giá trị.",
        "File holding the agency signing key's passphrase (signs the results log; also opens a 1-of-1 tally key encrypted with it when no --passphrase-file is given).":
            "Tệp chứa mật khẩu khóa ký của cơ quan (dùng để ký sổ kết quả; đồng thời mở khóa kiểm phiếu 1 trên 1 được mã hóa bằng mật khẩu này khi không chỉ định --passphrase-file).",
        "File holding the agency signing key's passphrase (the decision is signed).":
            "Tệp chứa mật khẩu khóa ký của cơ quan (quyết định được ký).",
        "File holding the agency signing key's passphrase.":
            "Tệp chứa mật khẩu khóa ký của cơ quan.",
        "Fingerprint: {0}":
            "Dấu vân tay khóa: {0}",
        "Flagged officials of a period, across units, for the leaders.":
            "Các cán bộ bị cảnh báo trong một kỳ, trên tất cả các đơn vị, dành cho lãnh đạo.",
        "Flags: {0} action, {1} reminder, {2} resolved.":
            "Cảnh báo: {0} đề nghị xử lý, {1} nhắc nhở, {2} đã khắc phục.",
        "Folder to write: new or empty (a folder with files in it is refused).":
            "Thư mục để ghi: mới hoặc trống (thư mục đã có tệp sẽ bị từ chối).",
        "For a tallied round: count again and check it matches the committed result; nothing is written.":
            "Đối với vòng đã kiểm phiếu: kiểm lại và đối chiếu với kết quả đã chốt; không ghi gì.",
        "HKDF input key material is empty; pass the shared secret or key to expand":
            "dữ liệu khóa đầu vào của HKDF trống; hãy truyền bí mật chung hoặc khóa cần mở rộng",
        "HKDF-SHA-256 output must be 1…8160 bytes, got {0}":
            "đầu ra HKDF-SHA-256 phải từ 1…8160 byte, nhận được {0}",
        "Hand each share file to one member of the counting committee (on a USB stick or printed), and keep no copy on this computer. Any {0} of the {1} members open the round together, each bringing their share to the tally.":
            "Giao mỗi tệp mảnh khóa cho một thành viên tổ kiểm phiếu (trên USB hoặc bản in) và không giữ bản sao nào trên máy này. Bất kỳ {0} trong {1} thành viên cùng nhau mở vòng, mỗi người mang mảnh khóa của mình đến buổi kiểm phiếu.",
        "Help:  {0}":
            "Trợ giúp:  {0}",
        "How many ballots (serials) to issue when printing.":
            "Số phiếu (số sê-ri) cần phát khi in.",
        "Import a roster CSV (unit_id,unit_name,official_id,full_name,position[,order]); all rows or none.":
            "Nhập danh sách cán bộ từ tệp CSV (unit_id,unit_name,official_id,full_name,position[,order]); nhập tất cả các dòng hoặc không nhập dòng nào.",
        "Import keyed ballots (CSV or JSON Lines) into a round: validate, seal, log, sign.":
            "Nhập phiếu đã nhập liệu (CSV hoặc JSON Lines) vào một vòng: kiểm tra hợp lệ, niêm phong, ghi sổ, ký.",
        "Include officials no longer on the roster.":
            "Bao gồm cả cán bộ không còn trong danh sách cán bộ.",
        "Issue and print N more (spoiled or missing sheets or codes).":
            "Phát và in thêm N phiếu (thay cho tờ phiếu hoặc mã bị hỏng hay bị thiếu).",
        "JSON: {0}":
            "JSON: {0}",
        "Keep the private key file off shared drives; see keys/README.md in the PhieuKin repository.":
            "Không lưu tệp khóa bí mật trên ổ đĩa dùng chung; xem keys/README.md trong kho mã nguồn PhieuKin.",
        "Key one ballot per row from row 4, then: phieukin import --round {0} {1}":
            "Nhập mỗi phiếu một dòng, từ dòng 4, rồi chạy: phieukin import --round {0} {1}",
        "Kind: {0}":
            "Loại cơ quan: {0}",
        "Kiosks: at most one rating per this many seconds on average, per kiosk.":
            "Kiosk: trung bình tối đa một lượt đánh giá trong số giây này, đối với mỗi kiosk.",
        "Kiosks: at most this many ratings a day, per kiosk.":
            "Kiosk: tối đa số lượt đánh giá này mỗi ngày, đối với mỗi kiosk.",
        "Language of the messages: vi (default) or en.":
            "Ngôn ngữ của thông báo: vi (mặc định) hoặc en.",
        "Language: vi (default) or en, for messages and for the document the command writes. Without it, messages follow $PHIEUKIN_LANG and documents are in Vietnamese.":
            "Ngôn ngữ: vi (mặc định) hoặc en, cho các thông báo và tài liệu do lệnh ghi ra. Nếu không chỉ định, thông báo theo $PHIEUKIN_LANG và tài liệu bằng tiếng Việt.",
        "List a round's quarantine.":
            "Liệt kê khu chờ xử lý của một vòng.",
        "List and explain survey definitions.":
            "Liệt kê và giải thích các định nghĩa mẫu phiếu.",
        "List and resolve quarantined (rejected) ballots.":
            "Liệt kê và xử lý các phiếu chờ xử lý (phiếu bị giữ lại).",
        "List officials flagged for repeated criticism (reminder, action, resolved), with their history.":
            "Liệt kê các cán bộ bị cảnh báo do bị góp ý nhiều lần (nhắc nhở, đề nghị xử lý, đã khắc phục), kèm theo lịch sử.",
        "List rounds and their state.":
            "Liệt kê các vòng lấy phiếu và trạng thái.",
        "List scanned sheets waiting for a teller, with crops of the boxes that were not decided.":
            "Liệt kê các tờ phiếu đã quét đang chờ người nhập liệu, kèm ảnh cắt của các ô chưa xác định được.",
        "List shipped and workspace survey definitions.":
            "Liệt kê các định nghĩa mẫu phiếu có sẵn và của thư mục làm việc.",
        "Listens on loopback by default: put it behind a TLS reverse proxy (nginx or Caddy; see the README, \"Electronic voting\") and pass --behind-tls. Stops cleanly on Ctrl-C or SIGTERM: requests in flight finish, and every accepted ballot is already stored.":
            "Mặc định chỉ lắng nghe trên giao diện loopback: hãy đặt sau một máy chủ proxy ngược TLS (nginx hoặc Caddy; xem README, mục \"Electronic voting\") và thêm --behind-tls. Dừng an toàn khi nhấn Ctrl-C hoặc nhận SIGTERM: các yêu cầu đang xử lý được hoàn tất và mọi phiếu đã chấp nhận đều đã được lưu.",
        "Load and show units and their officials.":
            "Nạp và hiển thị các đơn vị cùng cán bộ của đơn vị.",
        "NaN and infinity have no JSON form":
            "NaN và vô cực không có dạng biểu diễn JSON",
        "Next: phieukin ballots print --round {0} --out ballots.pdf":
            "Tiếp theo: phieukin ballots print --round {0} --out ballots.pdf",
        "Next: phieukin report --round {0} --format pdf --out report.pdf":
            "Tiếp theo: phieukin report --round {0} --format pdf --out report.pdf",
        "Next: {0}":
            "Tiếp theo: {0}",
        "No kiosk is enrolled for round {0}.":
            "Chưa có kiosk nào được đăng ký cho vòng {0}.",
        "No rejected ballots in round {0}.":
            "Vòng {0} không có phiếu bị giữ lại.",
        "No scanned sheet of round {0} is waiting for a decision.":
            "Vòng {0} không có tờ phiếu đã quét nào đang chờ xử lý.",
        "Not needed any more: the server signs nothing (round close appends and signs the e-ballots). Ignored.":
            "Không còn cần: máy chủ không ký gì (lệnh round close ghi và ký các phiếu điện tử). Bị bỏ qua.",
        "Not used: no accepted ballot of round {0} carries this serial or code.":
            "Chưa dùng: không có phiếu nào được chấp nhận trong vòng {0} mang số sê-ri hoặc mã này.",
        "Nothing to import: the files hold no ballots.":
            "Không có gì để nhập: các tệp không chứa phiếu nào.",
        "Nothing was written.":
            "Không có gì được ghi.",
        "Number summoned to vote (confidence votes: the quorum is counted against it).":
            "Số người được triệu tập bỏ phiếu (phiếu tín nhiệm: số người tối thiểu được tính theo số này).",
        "OK: every check passed.":
            "ĐẠT: mọi nội dung kiểm tra đều hợp lệ.",
        "OPTIONS:":
            "TÙY CHỌN:",
        "OVERVIEW: {0}":
            "TỔNG QUAN: {0}",
        "Officials on the ballot: {0}; ballots to issue: {1}":
            "Cán bộ trên phiếu: {0}; số phiếu cần phát: {1}",
        "One round per survey, unit, period and channel: a second one is refused (void the first if it was a mistake). Give --unit several times (or --all-units) to evaluate several units on one ballot: every member of those units votes and shares are over all of the round's ballots, so small offices stay secret.":
            "Mỗi mẫu phiếu, đơn vị, kỳ và đối tượng trả lời chỉ có một vòng: vòng thứ hai sẽ bị từ chối (hãy hủy vòng thứ nhất nếu mở nhầm). Chỉ định --unit nhiều lần (hoặc --all-units) để đánh giá nhiều đơn vị trên cùng một phiếu: mọi thành viên của các đơn vị đó đều bỏ phiếu và tỷ lệ được tính trên toàn bộ phiếu của vòng, nhờ đó các đơn vị nhỏ vẫn được giữ bí mật.",
        "Only this period (YYYY-Qn, YYYY-MM, YYYY).":
            "Chỉ kỳ này (YYYY-Qn, YYYY-MM, YYYY).",
        "Only this round (default: every round).":
            "Chỉ vòng này (mặc định: mọi vòng).",
        "Only this survey.":
            "Chỉ mẫu phiếu này.",
        "Only this unit.":
            "Chỉ đơn vị này.",
        "Open a closed round with the committee's shares, count it, flag repeated criticism, commit results.":
            "Mở vòng đã đóng bằng các mảnh khóa của tổ kiểm phiếu, kiểm phiếu, cảnh báo các trường hợp bị góp ý nhiều lần, chốt kết quả.",
        "Open a round of one survey for one or more units; prints the round id on the last line.":
            "Mở một vòng lấy phiếu theo một mẫu phiếu cho một hoặc nhiều đơn vị; in mã vòng ở dòng cuối cùng.",
        "Open, list and close rounds.":
            "Mở, liệt kê và đóng các vòng lấy phiếu.",
        "Opened {0} for unit {1}, period {2}":
            "Đã mở {0} cho đơn vị {1}, kỳ {2}",
        "Opened {0} for units {1}, period {2}":
            "Đã mở {0} cho các đơn vị {1}, kỳ {2}",
        "Output file (- for standard output; not for pdf or xlsx; refused if it exists, unless --force).":
            "Tệp đầu ra (- để in ra màn hình; không dùng cho pdf hoặc xlsx; bị từ chối nếu tệp đã tồn tại, trừ khi có --force).",
        "Output file (- for standard output; not for pdf; refused if it exists, unless --force).":
            "Tệp đầu ra (- để ghi ra đầu ra chuẩn; không áp dụng cho pdf; bị từ chối nếu tệp đã tồn tại, trừ khi có --force).",
        "PROBLEM: {0}":
            "VẤN ĐỀ: {0}",
        "Passphrase of the share files or of the 1-of-1 tally key file, if they are encrypted (a share other users can read must be).":
            "Mật khẩu của các tệp mảnh khóa hoặc của tệp khóa kiểm phiếu 1 trên 1, nếu được mã hóa (mảnh khóa mà người dùng khác đọc được thì bắt buộc phải mã hóa).",
        "Period: YYYY-Qn, YYYY-MM or YYYY.":
            "Kỳ: YYYY-Qn, YYYY-MM hoặc YYYY.",
        "Place: (none: left dotted for the clerk)":
            "Địa danh: (chưa có: để trống cho văn thư điền)",
        "Place: {0}":
            "Địa danh: {0}",
        "Print JSON (the import's object, docs/IMPORT-JSON.md, with pages and sheets).":
            "In JSON (đối tượng của lần nhập, docs/IMPORT-JSON.md, kèm các trang và tờ phiếu).",
        "Print JSON.":
            "In JSON.",
        "Print a JSON object instead of text.":
            "In một đối tượng JSON thay cho văn bản.",
        "Print a one-time enrolment QR for a desk's tablet (an unnumbered round).":
            "In mã QR đăng ký dùng một lần cho máy tính bảng của quầy (vòng không đánh số).",
        "Print ballots or access-code slips (issues the round's serials).":
            "In phiếu hoặc phiếu mã bỏ phiếu (phát số sê-ri của vòng).",
        "Print ballots or access-code slips (issues the round's serials); write the keying template.":
            "In phiếu hoặc phiếu mã bỏ phiếu (phát số sê-ri của vòng); ghi mẫu nhập liệu.",
        "Print cut-apart slips, one access code (and its QR) each, for electronic voting.":
            "In các phiếu mã rời (cắt ra), mỗi phiếu một mã bỏ phiếu (kèm mã QR), dùng cho bỏ phiếu điện tử.",
        "Print the agency's document heading settings.":
            "In thông tin phần đầu văn bản của cơ quan.",
        "Print the agency's public key and its fingerprint.":
            "In khóa công khai của cơ quan và dấu vân tay khóa.",
        "Print the documented JSON object (docs/IMPORT-JSON.md) instead of text.":
            "In đối tượng JSON theo tài liệu (docs/IMPORT-JSON.md) thay cho văn bản.",
        "Print the flags JSON document (docs/REPORT-JSON.md).":
            "In tài liệu JSON về cảnh báo (docs/REPORT-JSON.md).",
        "Public audit bundles.":
            "Gói kiểm toán công khai.",
        "Public key: {0}":
            "Khóa công khai: {0}",
        "QR payload is {0} bytes, more than the {1} that fit a scannable code. Use shorter survey, round or layout ids or shorter serials.":
            "Dữ liệu QR dài {0} byte, vượt quá {1} byte có thể chứa trong một mã quét được. Hãy dùng mã mẫu phiếu, mã vòng hoặc mã bố cục ngắn hơn, hoặc số sê-ri ngắn hơn.",
        "Ratings per kiosk: today and in all.":
            "Số lượt đánh giá theo từng kiosk: trong ngày và tổng cộng.",
        "Read scanned ballot sheets (PNG, JPEG, TIFF, PDF) into a round.":
            "Đọc các tờ phiếu đã quét (PNG, JPEG, TIFF, PDF) vào một vòng.",
        "Read scanned sheets: decided ones are imported, the rest quarantined for a teller.":
            "Đọc các tờ phiếu đã quét: tờ xác định được thì được nhập, các tờ còn lại chuyển vào khu chờ xử lý để người nhập liệu xử lý.",
        "Read {0} as {1}.":
            "Đã đọc {0}, nhận được {1}.",
        "Receipts voters can check against a published audit bundle.":
            "Biên nhận mà cử tri có thể tự đối chiếu với gói kiểm toán đã công bố.",
        "Record a teller's reading of a quarantined scanned sheet, from the paper.":
            "Ghi nhận kết quả người nhập liệu đọc từ phiếu giấy cho một tờ phiếu đã quét đang chờ xử lý.",
        "Recorded beside its result: results-log leaf {0}.":
            "Đã ghi kèm kết quả của vòng: lá {0} của sổ kết quả.",
        "Recount of {0}: {1} ballots; identical to the committed result.":
            "Kiểm lại {0}: {1} phiếu; trùng khớp với kết quả đã chốt.",
        "Reject ids (see rejects list).":
            "Mã phiếu bị giữ lại (xem rejects list).",
        "Render one A4 sheet per serial to a PDF; serials exist only on the paper.":
            "Xuất mỗi số sê-ri thành một tờ A4 trong tệp PDF; số sê-ri chỉ tồn tại trên phiếu giấy.",
        "Replace --out if it is an existing regular file (never a folder or a workspace file).":
            "Thay thế --out nếu đó là tệp thông thường đã tồn tại (không bao giờ thay thế thư mục hoặc tệp của thư mục làm việc).",
        "Replace --out if it is an existing regular file.":
            "Thay thế --out nếu đó là tệp thông thường đã tồn tại.",
        "Respondent channel (staff, citizens, businesses); default: the survey's first.":
            "Đối tượng trả lời (staff, citizens, businesses); mặc định: đối tượng đầu tiên của mẫu phiếu.",
        "Result committed to the results log (entry {0}).":
            "Đã chốt kết quả vào sổ kết quả (mục {0}).",
        "Roster imported: {0} added, {1} updated; {2} added, {3} updated, {4} made inactive.":
            "Đã nhập danh sách cán bộ: thêm {0}, cập nhật {1}; thêm {2}, cập nhật {3}, chuyển {4} sang ngừng công tác.",
        "Round {0}: {1} accepted, {2}, {3} rejected":
            "Vòng {0}: chấp nhận {1}, {2}, giữ lại {3}",
        "Row 1 holds the column ids (serial, question ids, remark); rows 2 and 3 start with # and give each column's label and the allowed answer codes: import skips them. The .xlsx has drop-down lists of the codes and a legend sheet. Key one ballot per row, save as .xlsx or CSV (docs/EXCEL.md), then: phieukin import --round ID FILE.":
            "Dòng 1 ghi mã các cột (số sê-ri, mã câu hỏi, ý kiến khác); dòng 2 và 3 bắt đầu bằng # và ghi nhãn của từng cột cùng các mã trả lời được phép: khi nhập sẽ bỏ qua hai dòng này. Tệp .xlsx có danh sách chọn mã và một trang chú giải. Nhập mỗi phiếu một dòng, lưu thành .xlsx hoặc CSV (docs/EXCEL.md), rồi chạy: phieukin import --round ID FILE.",
        "SPSS syntax is written beside a CSV report (it reads the CSV): choose the CSV format; nothing was written.":
            "cú pháp SPSS được ghi cạnh báo cáo CSV (nó đọc tệp CSV): chọn định dạng CSV; chưa ghi gì.",
        "SUBCOMMANDS:":
            "LỆNH CON:",
        "Say whether a ballot serial or access code was used in the bundle's round (nothing else).":
            "Cho biết một số sê-ri phiếu hoặc mã bỏ phiếu đã được dùng trong vòng của gói hay chưa (không gì khác).",
        "Scanned pages: PNG, JPEG, TIFF (multi-page) or PDF files, in any order.":
            "Các trang đã quét: tệp PNG, JPEG, TIFF (nhiều trang) hoặc PDF, theo thứ tự bất kỳ.",
        "Scanned sheet #{0} decided (signed).":
            "Đã xử lý tờ phiếu đã quét #{0} (đã ký).",
        "Secret ballots and anonymous surveys for Vietnamese agencies (phiếu kín).":
            "Bỏ phiếu kín và khảo sát ẩn danh dành cho các cơ quan Việt Nam.",
        "Serve the voting booth and the kiosk over HTTP (docs/WEB.md).":
            "Phục vụ trang bỏ phiếu và kiosk qua HTTP (docs/WEB.md).",
        "Shares needed to open the round (K of N).":
            "Số mảnh khóa cần để mở vòng (K trên N).",
        "Show or change how official documents are headed (tally minutes, the leaders' report).":
            "Xem hoặc thay đổi phần đầu của văn bản chính thức (biên bản kiểm phiếu, báo cáo gửi lãnh đạo).",
        "Show the agency's keys.":
            "Hiển thị các khóa của cơ quan.",
        "Show units and officials in roster order.":
            "Hiển thị đơn vị và cán bộ theo thứ tự trong danh sách cán bộ.",
        "Signed into its log as tree head {0}.":
            "Đã ký vào sổ của vòng thành đầu cây {0}.",
        "Signing key: {0} (mode 0600)":
            "Khóa ký: {0} (quyền 0600)",
        "Signing key: {0} (mode 0600, encrypted)":
            "Khóa ký: {0} (quyền 0600, được mã hóa)",
        "Superior agency: (none)":
            "Cơ quan chủ quản: (không có)",
        "Superior agency: {0}":
            "Cơ quan chủ quản: {0}",
        "Survey id, e.g. quarterly-7.":
            "Mã mẫu phiếu, ví dụ quarterly-7.",
        "Tallied {0}: {1} counted.":
            "Đã kiểm phiếu {0}: đã đếm {1}.",
        "Tally key (1 of 1{0}): {1}":
            "Khóa kiểm phiếu (1 trên 1{0}): {1}",
        "Tally key split into {0} shares, any {1} open the round{2}:":
            "Khóa kiểm phiếu được chia thành {0} mảnh, bất kỳ {1} mảnh nào cũng mở được vòng{2}:",
        "Tally minutes for the committee to sign: phieukin report minutes --round {0} --format pdf --out minutes.pdf":
            "Biên bản kiểm phiếu để Tổ kiểm phiếu ký: phieukin report minutes --round {0} --format pdf --out minutes.pdf",
        "The PDF to write (refused if it exists, unless --force).":
            "Tệp PDF cần ghi (bị từ chối nếu tệp đã tồn tại, trừ khi có --force).",
        "The address voters use (https://phieu.example.gov.vn): what slips' QR codes point to.":
            "Địa chỉ người bỏ phiếu truy cập (https://phieu.example.gov.vn): địa chỉ mà mã QR trên phiếu mã trỏ tới.",
        "The agency key's passphrase (a passphrase workspace): encrypts the 1-of-1 tally key when no --passphrase-file is given.":
            "Mật khẩu khóa của cơ quan (thư mục làm việc có mật khẩu): dùng để mã hóa khóa kiểm phiếu 1 trên 1 khi không chỉ định --passphrase-file.",
        "The agency's name, printed on ballots and reports.":
            "Tên cơ quan, được in trên phiếu và báo cáo.",
        "The audit bundle folder (written by audit export).":
            "Thư mục gói kiểm toán (do audit export ghi ra).",
        "The close root matches the one read from paper: {0}.":
            "Gốc lúc đóng vòng khớp với gốc đọc từ giấy: {0}.",
        "The desk's name, e.g. \"Quầy 2 – Bộ phận một cửa\".":
            "Tên quầy, ví dụ \"Quầy 2 – Bộ phận một cửa\".",
        "The file to write, ending in .xlsx or .csv (refused if it exists, unless --force).":
            "Tệp cần ghi, có đuôi .xlsx hoặc .csv (bị từ chối nếu đã tồn tại, trừ khi có --force).",
        "The list of used serials is the one signed by the agency key {0}; compare it with the fingerprint the agency published.":
            "Danh sách số sê-ri đã dùng là danh sách đã được ký bằng khóa cơ quan {0}; hãy so với dấu vân tay khóa mà cơ quan đã công bố.",
        "The marks as the teller reads them (--mark question=code, repeated; none for a blank                 sheet), the remark typed from the paper, and the sheet's serial. The reading is imported                 as one ballot with the usual checks; once accepted, the quarantined scan is discarded                 with the reason (signed). A refused reading discards nothing.":
            "Các dấu đánh theo kết quả đọc của người nhập liệu (--mark question=code, lặp lại; không dùng với tờ phiếu trắng), ý kiến khác được gõ lại từ phiếu giấy và số sê-ri của tờ phiếu. Kết quả đọc được nhập thành một phiếu với các bước kiểm tra thông thường; khi được chấp nhận, bản quét đang chờ xử lý sẽ được loại bỏ kèm lý do (có ký). Kết quả đọc bị từ chối thì không loại bỏ gì.",
        "The period (YYYY-Qn, YYYY-MM, YYYY).":
            "Kỳ (YYYY-Qn, YYYY-MM, YYYY).",
        "The quarantined sheet's number (phieukin scan review).":
            "Số thứ tự của tờ phiếu đang chờ xử lý (phieukin scan review).",
        "The reading was not accepted; scanned sheet #{0} still waits.":
            "Kết quả đọc không được chấp nhận; tờ phiếu đã quét #{0} vẫn đang chờ xử lý.",
        "The remark, typed from the paper.":
            "Ý kiến khác, được gõ lại từ phiếu giấy.",
        "The root of the round's close head as read from paper (the signed round report), e.g. \"3f9a 12bc …\": spaces and dashes are ignored, case does not matter. Needs --round.":
            "Gốc của đầu cây đóng vòng như đọc từ giấy (biên bản vòng có chữ ký), ví dụ \"3f9a 12bc …\": bỏ qua dấu cách và dấu gạch ngang, không phân biệt chữ hoa chữ thường. Cần --round.",
        "The roster CSV file (UTF-8).":
            "Tệp CSV danh sách cán bộ (UTF-8).",
        "The round id (see: phieukin round list).":
            "Mã vòng (xem: phieukin round list).",
        "The round id (unnumbered: ratings at a desk carry no code).":
            "Mã vòng (không đánh số: lượt đánh giá tại quầy không kèm mã).",
        "The round id.":
            "Mã vòng.",
        "The serial as printed on the ballot (or the access code), dashes and spaces allowed.":
            "Số sê-ri như in trên phiếu (hoặc mã bỏ phiếu), được phép có dấu gạch ngang và dấu cách.",
        "The serial printed on the sheet (numbered rounds).":
            "Số sê-ri in trên tờ phiếu (vòng có đánh số).",
        "The survey id, e.g. quarterly-7.":
            "Mã mẫu phiếu, ví dụ quarterly-7.",
        "The tally key is rebuilt in memory only. The ballot log is checked against its signed close head before any ballot is decrypted; decrypted ballots are never written anywhere. A tallied round is never counted again: --recount recomputes and checks the committed result instead.":
            "Khóa kiểm phiếu chỉ được khôi phục trong bộ nhớ. Sổ phiếu được kiểm tra với đầu cây đã ký khi đóng vòng trước khi giải mã bất kỳ phiếu nào; phiếu đã giải mã không bao giờ được ghi ra bất kỳ đâu. Vòng đã kiểm phiếu không bao giờ được kiểm phiếu lại: thay vào đó, --recount tính lại và đối chiếu với kết quả đã chốt.",
        "The tally key stays in the workspace (1 of 1): whoever can read its keys folder can open the round.":
            "Khóa kiểm phiếu được giữ trong thư mục làm việc (1 trên 1): ai đọc được thư mục khóa (keys/) của nó đều mở được vòng.",
        "The voting server's public address (remembered).":
            "Địa chỉ công khai của máy chủ bỏ phiếu (được ghi nhớ).",
        "The voting server's public address, e.g. https://phieu.example.gov.vn (remembered; QR codes open it).":
            "Địa chỉ công khai của máy chủ bỏ phiếu, ví dụ https://phieu.example.gov.vn (được ghi nhớ; mã QR mở địa chỉ này).",
        "The workspace directory (default: $PHIEUKIN_WORKSPACE, else the current directory).":
            "Thư mục làm việc (mặc định: $PHIEUKIN_WORKSPACE, nếu không có thì thư mục hiện tại).",
        "These files were already imported (batch {0}): nothing was stored again.":
            "Các tệp này đã được nhập trước đó (lô {0}): không có gì được lưu lại lần nữa.",
        "Too few ballots to report anything for this group: the round is inconclusive, it raises and clears no flag, and the earlier status carries to the next conclusive round.":
            "Quá ít phiếu để báo cáo cho nhóm này: vòng không đủ điều kiện kết luận, không phát sinh và không xóa cảnh báo nào, tình trạng trước đó được giữ nguyên đến vòng đủ điều kiện kết luận tiếp theo.",
        "USAGE: {0}":
            "CÁCH DÙNG: {0}",
        "Unit id from the roster; repeat it to put several units on one ballot.":
            "Mã đơn vị trong danh sách cán bộ; lặp lại để đưa nhiều đơn vị vào cùng một phiếu.",
        "Unnumbered ballots: no serials.":
            "Phiếu không đánh số: không có số sê-ri.",
        "Usage: {0}":
            "Cách dùng: {0}",
        "Use this existing Ed25519 PKCS#8 key (mode 0600) instead of generating one.":
            "Dùng khóa Ed25519 PKCS#8 có sẵn này (quyền 0600) thay vì tạo khóa mới.",
        "Used: a ballot with this serial or code was accepted in round {0}.":
            "Đã dùng: một phiếu mang số sê-ri hoặc mã này đã được chấp nhận trong vòng {0}.",
        "Verify it independently with: scripts/verify-audit {0}":
            "Kiểm tra độc lập bằng lệnh: scripts/verify-audit {0}",
        "Void a round opened by mistake: signed with its reason, left out of flags and reports.":
            "Hủy vòng mở nhầm: được ký kèm lý do, không đưa vào cảnh báo và báo cáo.",
        "Voided {0} (was {1}): {2}":
            "Đã hủy {0} (trước đó: {1}): {2}",
        "WARNING: {0} ballots counted but the round was opened for {1}; run phieukin verify.":
            "CẢNH BÁO: đã đếm {0} phiếu nhưng vòng được mở cho {1} phiếu; hãy chạy phieukin verify.",
        "Why (kept and signed), e.g. \"faint mark on TNMT02 checked: marked\".":
            "Lý do (được lưu và ký), ví dụ \"đã kiểm tra dấu mờ ở TNMT02: có đánh dấu\".",
        "Why the committee accepts them (kept, and signed into the round's log).":
            "Lý do tổ kiểm phiếu chấp nhận (được lưu và ký vào sổ của vòng).",
        "Why the round is voided (kept, signed and shown in reports).":
            "Lý do hủy vòng (được lưu, ký và thể hiện trong báo cáo).",
        "Why they are discarded (kept, and signed into the round's log).":
            "Lý do loại bỏ (được lưu và ký vào sổ của vòng).",
        "With --format csv --out F.csv: also write SPSS syntax reading it, F.sps.":
            "Với --format csv --out F.csv: ghi thêm tệp cú pháp SPSS F.sps để đọc tệp đó.",
        "Works at any state. The void and its reason are signed into the round's log (and, for a tallied round, recorded beside its result in the results log); its serials and access codes stop working; flags and reports leave it out and list it as voided. The period can then be run again.":
            "Áp dụng ở mọi trạng thái. Việc hủy và lý do hủy được ký vào sổ của vòng (và, đối với vòng đã kiểm phiếu, được ghi kèm kết quả của vòng trong sổ kết quả); các số sê-ri và mã bỏ phiếu của vòng hết hiệu lực; cảnh báo và báo cáo không tính vòng này và liệt kê vòng là đã hủy. Sau đó có thể lấy phiếu lại cho kỳ đó.",
        "Workspace: {0}":
            "Thư mục làm việc: {0}",
        "Write a PNG crop of every undecided box here (a new or empty folder).":
            "Ghi ảnh cắt PNG của mọi ô chưa xác định được vào đây (thư mục mới hoặc trống).",
        "Write a round's public audit bundle; check it with scripts/verify-audit DIR.":
            "Ghi gói kiểm toán công khai của một vòng; kiểm tra gói bằng scripts/verify-audit DIR.",
        "Write reports of tallied rounds and of flagged officials.":
            "Lập báo cáo về các vòng đã kiểm phiếu và các cán bộ bị cảnh báo.",
        "Write the keying template of a round (.xlsx or .csv): the header import expects.":
            "Ghi mẫu nhập liệu của một vòng (.xlsx hoặc .csv): dòng tiêu đề mà lệnh nhập phiếu cần.",
        "Wrote {0}":
            "Đã ghi {0}",
        "Wrote {0}.sps":
            "Đã ghi {0}.sps",
        "Wrote {0}: the enrolment QR for {1}. Open it once on the desk's tablet, then destroy it.":
            "Đã ghi {0}: mã QR đăng ký cho {1}. Mở tệp một lần trên máy tính bảng của quầy, sau đó hủy tệp.",
        "Wrote {0}: {1} ({2}).":
            "Đã ghi {0}: {1} ({2}).",
        "Wrote {0}: {1} leaves, {2} tree heads.":
            "Đã ghi {0}: {1} lá, {2} đầu cây.",
        "Wrote {0}: {1} on {2}":
            "Đã ghi {0}: {1} trên {2}",
        "Wrote {0}: {1}, {2}, {3} KiB":
            "Đã ghi {0}: {1}, {2}, {3} KiB",
        "X25519 with this peer key gives an all-zero secret (low-order point)":
            "X25519 với khóa của bên kia này cho ra bí mật toàn số 0 (điểm bậc thấp)",
        "YAML error: {0}":
            "Lỗi YAML: {0}",
        "YAML syntax error: {0}":
            "Lỗi cú pháp YAML: {0}",
        "a PDF document needs an output file.":
            "tài liệu PDF cần có tệp đầu ra.",
        "a PDF report needs an output file.":
            "báo cáo PDF cần có tệp đầu ra.",
        "a QR payload is too long":
            "dữ liệu QR quá dài",
        "a box could not be decided: {0}{1}":
            "không thể xác định một ô đánh dấu: {0}{1}",
        "a committee of {0} needs exactly {1} share files (one per member); {2} given.":
            "tổ kiểm phiếu gồm {0} thành viên cần đúng {1} tệp mảnh khóa (mỗi thành viên một tệp); đã cung cấp {2}.",
        "a committee of {0} opened by any {1} of them: the size N and threshold K need 1 ≤ K ≤ N ≤ 255.":
            "tổ kiểm phiếu gồm {0} thành viên, mở được khi có bất kỳ {1} người trong số đó: số thành viên N và ngưỡng K phải thỏa mãn 1 ≤ K ≤ N ≤ 255.",
        "a committee round needs to know where each member's share goes, outside the workspace: a folder (e.g. a USB stick) or one file per member ({0} files).":
            "vòng lấy phiếu có tổ kiểm phiếu cần biết nơi lưu mảnh khóa của từng thành viên, bên ngoài thư mục làm việc: một thư mục (ví dụ USB) hoặc mỗi thành viên một tệp ({0} tệp).",
        "a desk name of 1 to 100 characters is needed.":
            "cần tên quầy dài từ 1 đến 100 ký tự.",
        "a file of the workspace ({0})":
            "một tệp của thư mục làm việc ({0})",
        "a line must be one JSON object":
            "mỗi dòng phải là một đối tượng JSON",
        "a list":
            "một danh sách",
        "a quoted field starting here is never closed; add the missing \" (write \"\" for a quote inside)":
            "trường trong ngoặc kép bắt đầu tại đây không được đóng; hãy thêm dấu \" còn thiếu (viết \"\" cho dấu ngoặc kép bên trong)",
        "a rating id is 32 hexadecimal digits":
            "mã lượt đánh giá gồm 32 chữ số thập lục phân",
        "a raw {0} private key is 32 bytes, got {1}":
            "khóa bí mật {0} dạng thô phải dài 32 byte, nhận được {1}",
        "a raw {0} public key is 32 bytes, got {1}":
            "khóa công khai {0} dạng thô phải dài 32 byte, nhận được {1}",
        "a result or flag encodes as a JSON object":
            "kết quả hoặc cảnh báo phải được mã hóa thành một đối tượng JSON",
        "a round needs at least one unit.":
            "vòng lấy phiếu cần có ít nhất một đơn vị.",
        "a sealed box is at least {0} bytes, got {1}":
            "hộp niêm phong (sealed box) dài tối thiểu {0} byte, nhận được {1}",
        "a serial has 27 symbols (26 + check symbol): re-read it from the paper":
            "số sê-ri gồm 27 ký tự (26 + ký tự kiểm tra): hãy đọc lại từ phiếu giấy",
        "a serial is exactly 16 bytes, not {0}":
            "số sê-ri phải dài đúng 16 byte, không phải {0}",
        "a serial uses only 0-9 and A-Z without U (check symbol: also * ~ $ = U): re-read it from the paper":
            "số sê-ri chỉ dùng 0-9 và A-Z trừ U (ký tự kiểm tra: có thêm * ~ $ = U): hãy đọc lại từ phiếu giấy",
        "a share has an empty value":
            "một mảnh khóa có giá trị rỗng",
        "a single value":
            "một giá trị đơn",
        "a stored flag of round {0} cannot be read.":
            "không đọc được một cảnh báo đã lưu của vòng {0}.",
        "a version-1 ballot has only answers, remark, round, survey and v":
            "phiếu phiên bản 1 chỉ có các trường answers, remark, round, survey và v",
        "add --electorate N (the number of people summoned)":
            "thêm --electorate N (số người được triệu tập)",
        "add --force to replace that file":
            "thêm --force để thay thế tệp đó",
        "add --out FILE":
            "thêm --out FILE",
        "add --passphrase-file FILE (the passphrase chosen for the round's key when it was opened)":
            "thêm --passphrase-file FILE (mật khẩu đã chọn cho khóa của vòng khi mở vòng)",
        "add --public-url https://… (the address voters open; remembered for later slips and serve)":
            "thêm --public-url https://… (địa chỉ người bỏ phiếu truy cập; được ghi nhớ cho các lần in mã bỏ phiếu và serve sau này)",
        "add --reason \"…\" (a few words; kept and signed)":
            "thêm --reason \"…\" (vài từ; được lưu và ký)",
        "add --share FILE once per share: any {0} of the committee's shares":
            "thêm --share FILE cho mỗi mảnh khóa: bất kỳ {0} mảnh khóa nào của tổ kiểm phiếu",
        "add --shares-dir DIR (e.g. a USB stick) or --share-out PATH once per member ({0} times)":
            "thêm --shares-dir DIR (ví dụ USB) hoặc --share-out PATH cho mỗi thành viên ({0} lần)",
        "add {0} FILE (the agency key's passphrase)":
            "thêm {0} FILE (mật khẩu khóa của cơ quan)",
        "agency.pub.pem in {0} is not an Ed25519 public key.":
            "agency.pub.pem trong {0} không phải là khóa công khai Ed25519.",
        "an AES-256-GCM key is {0} bytes, got {1}":
            "khóa AES-256-GCM phải dài {0} byte, nhận được {1}",
        "an AES-256-GCM message is at least {0} bytes (nonce ‖ ciphertext ‖ tag), got {1}":
            "thông điệp AES-256-GCM dài tối thiểu {0} byte (nonce ‖ ciphertext ‖ tag), nhận được {1}",
        "an AES-256-GCM nonce is 12 bytes, got {0}":
            "nonce AES-256-GCM phải dài 12 byte, nhận được {0}",
        "an AES-256-GCM tag is 16 bytes, got {0}":
            "tag AES-256-GCM phải dài 16 byte, nhận được {0}",
        "an Excel (.xlsx) report needs an output file.":
            "báo cáo Excel (.xlsx) cần một tệp đầu ra.",
        "an alias":
            "một bí danh (alias)",
        "an answer is a string code":
            "câu trả lời phải là mã đánh dấu dạng chuỗi",
        "an encoded share is index ‖ value, at least 2 bytes; got {0}":
            "dạng mã hóa (encoded) của một mảnh khóa là chỉ số ‖ giá trị, tối thiểu 2 byte; nhận được {0}",
        "an unnumbered round has {0} used serials":
            "vòng không đánh số có {0} số sê-ri đã dùng",
        "another PhieuKin command is writing to this workspace; wait for it to finish and try again. Nothing was changed.":
            "một lệnh PhieuKin khác đang ghi vào thư mục làm việc này; hãy đợi lệnh đó hoàn tất rồi thử lại. Không có thay đổi nào.",
        "answer \"{0}\" is not a question id":
            "câu trả lời \"{0}\" không phải là mã câu hỏi",
        "answer lists hold strings":
            "danh sách câu trả lời phải chứa chuỗi",
        "answers must be an object {\"<question id>\": \"<code>\"}":
            "answers phải là một đối tượng {\"<question id>\": \"<code>\"}",
        "at most 255 shares fit GF(256), got {0}":
            "GF(256) chứa được tối đa 255 mảnh khóa, nhận được {0}",
        "authentication failed: wrong key, wrong context/associated data, or the data was altered or damaged":
            "xác thực thất bại: sai khóa, sai ngữ cảnh/dữ liệu liên kết, hoặc dữ liệu đã bị thay đổi hay hư hỏng",
        "ballot answers must be strings":
            "câu trả lời trên phiếu phải là chuỗi",
        "ballot bytes are not in canonical form":
            "dữ liệu byte của phiếu không ở dạng chuẩn tắc",
        "ballot bytes are not in canonical form ({0})":
            "dữ liệu byte của phiếu không ở dạng chuẩn tắc ({0})",
        "ballot remark must be a string":
            "ý kiến khác trên phiếu phải là chuỗi",
        "batch numbers are not 1, 2, …: found batch {0} at position {1}":
            "số thứ tự lô không theo dãy 1, 2, …: gặp lô {0} ở vị trí {1}",
        "batch {0}: sealed key has {1} bytes, expected {2}":
            "lô {0}: khóa đã niêm phong dài {1} byte, cần {2}",
        "byte-order mark is not allowed":
            "không cho phép ký tự đánh dấu thứ tự byte (BOM)",
        "cannot check {0}: {1}; nothing was written.":
            "không thể kiểm tra {0}: {1}; không có gì được ghi.",
        "cannot create a file beside it: {0}":
            "không thể tạo tệp bên cạnh tệp đó: {0}",
        "cannot create a file beside {0}: {1}. Check that the folder is writable; nothing was written.":
            "không thể tạo tệp bên cạnh {0}: {1}. Hãy kiểm tra thư mục có cho phép ghi không; không có gì được ghi.",
        "cannot create a temporary folder: {0}":
            "không thể tạo thư mục tạm: {0}",
        "cannot create {0}: {1}":
            "không thể tạo {0}: {1}",
        "cannot create {0}: {1}.":
            "không thể tạo {0}: {1}.",
        "cannot create {0}: {1}; nothing was exported.":
            "không thể tạo {0}: {1}; không có gì được xuất.",
        "cannot encode an image as PNG":
            "không mã hóa được ảnh sang PNG",
        "cannot find a free temporary name beside {0}; nothing was written.":
            "không tìm được tên tạm còn trống bên cạnh {0}; không có gì được ghi.",
        "cannot move the output to {0}: {1}.":
            "không thể chuyển kết quả đầu ra tới {0}: {1}.",
        "cannot open the database {0}: {1}. Check that the workspace exists and that you may read it.":
            "không thể mở cơ sở dữ liệu {0}: {1}. Hãy kiểm tra thư mục làm việc có tồn tại và bạn có quyền đọc không.",
        "cannot open {0}: {1}. Check {2}.":
            "không thể mở {0}: {1}. Hãy kiểm tra {2}.",
        "cannot print: {0}. Fix the survey or roster and run the command again.":
            "không thể in: {0}. Hãy sửa mẫu phiếu hoặc danh sách cán bộ rồi chạy lại lệnh.",
        "cannot rasterise the PDF {0}: {1}":
            "không chuyển được tệp PDF {0} thành ảnh: {1}",
        "cannot read passphrase file {0}.":
            "không thể đọc tệp mật khẩu {0}.",
        "cannot read roster file {0}. Check the path.":
            "không thể đọc tệp danh sách cán bộ {0}. Hãy kiểm tra đường dẫn.",
        "cannot read the file":
            "không thể đọc tệp",
        "cannot read the file as YAML text: {0}":
            "không thể đọc tệp dưới dạng văn bản YAML: {0}",
        "cannot read the scan {0}: {1}":
            "không đọc được bản quét {0}: {1}",
        "cannot read {0} in {1}: is it a PhieuKin audit bundle (format v1)?":
            "không đọc được {0} trong {1}: đây có phải là gói kiểm toán PhieuKin (định dạng v1) không?",
        "cannot read {0}.":
            "không thể đọc {0}.",
        "cannot read {0}: {1}; nothing was imported.":
            "không thể đọc {0}: {1}; không có phiếu nào được nhập.",
        "cannot stat the written file":
            "không thể lấy thông tin (stat) của tệp đã ghi",
        "cannot write PDF '{0}' (cairo: {1}). Check that the folder exists and is writable and that the disk is not full, then run the command again.":
            "không thể ghi tệp PDF '{0}' (cairo: {1}). Hãy kiểm tra thư mục có tồn tại và cho phép ghi không, ổ đĩa có bị đầy không, rồi chạy lại lệnh.",
        "cannot write the PDF file":
            "không thể ghi tệp PDF",
        "cannot write {0}.":
            "không thể ghi {0}.",
        "cannot write {0}: {1}.":
            "không thể ghi {0}: {1}.",
        "cannot write {0}: {1}; nothing was written.":
            "không ghi được {0}: {1}; chưa ghi gì.",
        "closed":
            "đã đóng",
        "closing the file failed: {0}":
            "đóng tệp thất bại: {0}",
        "code \"{0}\" is not one of the choices ({1})":
            "mã \"{0}\" không thuộc các lựa chọn ({1})",
        "column \"{0}\" appears twice (columns {1} and {2})":
            "cột \"{0}\" xuất hiện hai lần (cột {1} và {2})",
        "column \"{0}\": grid columns are <official_id>.<criterion_id>":
            "cột \"{0}\": cột của bảng đánh giá có dạng <mã cán bộ>.<mã tiêu chí>",
        "column \"{0}\": no official {1} on this round's ballot":
            "cột \"{0}\": không có cán bộ {1} trên phiếu của vòng này",
        "column \"{0}\": not an answer code of survey {1} (codes: {2})":
            "cột \"{0}\": không phải là mã đánh dấu của mẫu phiếu {1} (các mã: {2})",
        "column \"{0}\": several answers where one is allowed; check the paper (a ballot with two marks for one question is spoiled for that question: leave it blank)":
            "cột \"{0}\": có nhiều câu trả lời trong khi chỉ được phép một; hãy kiểm tra phiếu giấy (phiếu đánh hai dấu cho một câu hỏi thì không hợp lệ đối với câu hỏi đó: hãy để trống)",
        "column \"{0}\": survey {1} has no criterion {2}":
            "cột \"{0}\": phiếu {1} không có tiêu chí {2}",
        "column \"{0}\": survey {1} has no question {2}":
            "cột \"{0}\": phiếu {1} không có câu hỏi {2}",
        "column {0} ({1}) is not on this round's ballot: {2}. Correct the header (the keying template has the right one) and import the file again":
            "cột {0} ({1}) không có trên phiếu của vòng này: {2}. Sửa dòng tiêu đề (mẫu nhập phiếu có dòng tiêu đề đúng) rồi nhập lại tệp",
        "column {0} ({1}) is not on this round's ballot: {2}; did you mean \"{3}\"? Correct the header (the keying template has the right one) and import the file again":
            "cột {0} ({1}) không có trên phiếu của vòng này: {2}; có phải là \"{3}\"? Sửa dòng tiêu đề (mẫu nhập phiếu có dòng tiêu đề đúng) rồi nhập lại tệp",
        "column {0} appears twice":
            "cột {0} xuất hiện hai lần",
        "column {0} has no name; the header is serial,<question id>,…":
            "cột {0} không có tên; dòng tiêu đề có dạng serial,<question id>,…",
        "control character in string must be escaped":
            "ký tự điều khiển trong chuỗi phải được thoát (escape)",
        "could not decrypt the key file: wrong passphrase, or the file is damaged":
            "không thể giải mã tệp khóa: sai mật khẩu hoặc tệp bị hư hỏng",
        "counts name exactly one kind":
            "phần số liệu phải nêu đúng một loại",
        "crops are never written inside the workspace ({0}).":
            "ảnh cắt không bao giờ được ghi vào bên trong thư mục làm việc ({0}).",
        "database error in {0}: {1}.":
            "lỗi cơ sở dữ liệu tại {0}: {1}.",
        "drawing the PDF failed":
            "vẽ tệp PDF thất bại",
        "drawing the PDF failed ({0}). Check that cairo, pango, libqrencode and the DejaVu fonts are installed (scripts/install-deps) and run the command again.":
            "vẽ tệp PDF thất bại ({0}). Hãy kiểm tra đã cài đặt cairo, pango, libqrencode và phông chữ DejaVu chưa (scripts/install-deps) rồi chạy lại lệnh.",
        "duplicate key {0} in the same mapping":
            "trường {0} bị trùng trong cùng một ánh xạ (mapping)",
        "duplicate object key (keys must be unique after NFC normalization)":
            "khóa đối tượng bị trùng (các khóa phải là duy nhất sau khi chuẩn hóa NFC)",
        "duplicate {0} \"{1}\"":
            "{0} \"{1}\" bị trùng",
        "duplicate: this serial was already used at {0} in this import":
            "trùng: số sê-ri này đã được dùng tại {0} trong lần nhập này",
        "duplicate: this serial was used by a ballot imported earlier":
            "trùng: số sê-ri này đã được dùng cho một phiếu nhập trước đó",
        "every quarantine decision needs a reason (it is kept).":
            "mọi quyết định về phiếu trong khu chờ xử lý đều cần nêu lý do (lý do được lưu lại).",
        "expected ',' or ']' in array":
            "cần ',' hoặc ']' trong mảng",
        "expected ',' or '}' in object":
            "cần ',' hoặc '}' trong đối tượng",
        "expected ':' after key":
            "cần ':' sau khóa",
        "expected a JSON value":
            "cần một giá trị JSON",
        "expected a list, found {0}":
            "cần một danh sách, nhưng gặp {0}",
        "expected a string key":
            "cần một khóa dạng chuỗi",
        "expected a value, found {0}":
            "cần một giá trị, nhưng gặp {0}",
        "expected {0} fields like the header, found {1}":
            "cần {0} trường như dòng tên cột, nhưng có {1}",
        "field {0} contains a \" but does not start with one; quote the whole field and double the inner \"":
            "trường {0} chứa dấu \" nhưng không bắt đầu bằng dấu này; hãy đặt cả trường trong ngoặc kép và viết đôi dấu \" bên trong",
        "field {0} has text after its closing \"; write \"\" for a quote inside a quoted field":
            "trường {0} có văn bản sau dấu \" đóng; hãy viết \"\" cho dấu ngoặc kép bên trong trường đặt trong ngoặc kép",
        "field {0} is longer than {1} bytes":
            "trường {0} dài hơn {1} byte",
        "field {0} is not UTF-8 text: the file was saved in another encoding (Windows-1258 or Windows-1252, Excel's \"CSV (Comma delimited)\"). In Excel choose File > Save As and the file type \"CSV UTF-8 (Comma delimited) (*.csv)\", then import the new file":
            "trường {0} không phải văn bản UTF-8: tệp được lưu bằng bảng mã khác (Windows-1258 hoặc Windows-1252, kiểu \"CSV (Comma delimited)\" của Excel). Trong Excel chọn File > Save As, kiểu tệp \"CSV UTF-8 (Comma delimited) (*.csv)\", rồi nhập tệp mới",
        "field {0} is not valid UTF-8 text; save the file as \"CSV UTF-8\" and import it again":
            "trường {0} không phải văn bản UTF-8 hợp lệ; hãy lưu tệp ở dạng \"CSV UTF-8\" rồi nhập lại",
        "give --unit ID (one or more times) or --all-units.":
            "hãy chỉ định --unit ID (một hoặc nhiều lần) hoặc --all-units.",
        "give a folder for the shares or one file per member, not both.":
            "hãy chỉ định một thư mục cho các mảnh khóa hoặc mỗi thành viên một tệp, không dùng cả hai.",
        "give at least one file or source of ballots to import.":
            "hãy cung cấp ít nhất một tệp hoặc nguồn phiếu để nhập.",
        "give reject ids, or --all.":
            "hãy chỉ định mã phiếu bị giữ lại, hoặc --all.",
        "header is missing {0}; the first line must name the columns {1}":
            "dòng tiêu đề thiếu {0}; dòng đầu tiên phải nêu tên các cột {1}",
        "hex text has a non-hex character near offset {0}":
            "chuỗi hex có ký tự không phải hex ở gần vị trí {0}",
        "hex text has an odd number of digits ({0})":
            "chuỗi hex có số chữ số lẻ ({0})",
        "incomplete \\u escape":
            "chuỗi thoát \\u chưa đầy đủ",
        "inside {0}":
            "bên trong {0}",
        "invalid JSON at byte {0}: {1}":
            "JSON không hợp lệ tại byte {0}: {1}",
        "invalid UTF-8":
            "UTF-8 không hợp lệ",
        "invalid escape sequence":
            "chuỗi thoát (escape) không hợp lệ",
        "invalid hex digit in \\u escape":
            "chữ số hex không hợp lệ trong chuỗi thoát \\u",
        "invalid literal":
            "giá trị hằng (literal) không hợp lệ",
        "invalid number":
            "số không hợp lệ",
        "issued":
            "đã phát",
        "it is not a regular file":
            "đây không phải là tệp thông thường",
        "it was made by an older PhieuKin and must be upgraded, which needs write access; run any command on a writable copy first":
            "tệp này được tạo bởi phiên bản PhieuKin cũ hơn và cần được nâng cấp, việc này đòi hỏi quyền ghi; hãy chạy một lệnh bất kỳ trên một bản sao có quyền ghi trước",
        "its write-ahead log {0}-wal holds changes but {1}-shm is missing, and without write access SQLite cannot rebuild it; copy the workspace with both files (or when no PhieuKin command is running)":
            "nhật ký ghi trước (write-ahead log) {0}-wal còn chứa thay đổi nhưng thiếu {1}-shm, và khi không có quyền ghi thì SQLite không thể tạo lại tệp này; hãy sao chép thư mục làm việc kèm cả hai tệp (hoặc sao chép khi không có lệnh PhieuKin nào đang chạy)",
        "keys and values":
            "các cặp trường và giá trị",
        "keys/agency.pem holds the agency's signing key":
            "keys/agency.pem chứa khóa ký của cơ quan",
        "keys/rounds holds keys of {0} round":
            "keys/rounds chứa khóa của {0} vòng",
        "keys/rounds holds keys of {0} round the database does not have ":
            "keys/rounds chứa khóa của {0} vòng mà cơ sở dữ liệu không có ",
        "keys/rounds holds keys of {0} rounds":
            "keys/rounds chứa khóa của {0} vòng",
        "keys/rounds holds keys of {0} rounds the database does not have ":
            "keys/rounds chứa khóa của {0} vòng mà cơ sở dữ liệu không có ",
        "leaf index {0} is outside a tree of {1} leaves":
            "chỉ số lá {0} nằm ngoài cây có {1} lá",
        "leaf indexes are not contiguous: expected leaf {0}, found {1} (a leaf was deleted or inserted)":
            "chỉ số lá không liên tục: cần lá {0}, nhưng gặp {1} (một lá đã bị xóa hoặc chèn thêm)",
        "leaf {0} is too short ({1} bytes) to be a sealed ballot":
            "lá {0} quá ngắn ({1} byte) để là một phiếu đã niêm phong",
        "leaf {0} of electronic batch {1} is not FF FF FF FF and a sealed box":
            "lá {0} của lô phiếu điện tử {1} không có dạng FF FF FF FF kèm một hộp niêm phong (sealed box)",
        "leaf {0} refers to batch {1}, which does not exist":
            "lá {0} tham chiếu tới lô {1}, nhưng lô này không tồn tại",
        "leaf {0}: its sealed batch number does not match its batch column ({1})":
            "lá {0}: số lô đã niêm phong không khớp với cột lô ({1})",
        "libcrypto failed in {0}":
            "libcrypto thất bại tại {0}",
        "libcrypto rejected the raw {0} private key":
            "libcrypto từ chối khóa bí mật {0} dạng thô",
        "libcrypto rejected the raw {0} public key":
            "libcrypto từ chối khóa công khai {0} dạng thô",
        "libqrencode could not encode a {0}-byte payload":
            "libqrencode không mã hóa được dữ liệu dài {0} byte",
        "libxlsxwriter could not start a workbook (out of memory?)":
            "libxlsxwriter không tạo được sổ tính (hết bộ nhớ?)",
        "libxlsxwriter refused the sheet name \"{0}\"":
            "libxlsxwriter không chấp nhận tên trang tính \"{0}\"",
        "link {0} must be printable ASCII without '|'":
            "liên kết {0} phải là ký tự ASCII in được, không chứa '|'",
        "list at least one channel":
            "hãy liệt kê ít nhất một đối tượng trả lời",
        "lone surrogate in \\u escape":
            "surrogate đơn lẻ trong chuỗi thoát \\u",
        "more accepted rejects than ballots in the log":
            "số phiếu bị giữ lại đã chấp nhận nhiều hơn số phiếu trong sổ",
        "more serials used ({0}) than issued ({1})":
            "số sê-ri đã dùng ({0}) nhiều hơn số đã phát ({1})",
        "must not be empty":
            "không được để trống",
        "nesting deeper than {0} levels":
            "lồng nhau sâu hơn {0} cấp",
        "no PhieuKin workspace at {0}.":
            "không có thư mục làm việc PhieuKin tại {0}.",
        "no SPKI \"PUBLIC KEY\" in the PEM text; check the file is a public key":
            "không có khối SPKI \"PUBLIC KEY\" trong văn bản PEM; hãy kiểm tra tệp có phải là khóa công khai không",
        "no officials in the file; add one row per official under the header":
            "tệp không có cán bộ nào; hãy thêm mỗi cán bộ một dòng dưới dòng tên cột",
        "no pending reject to discard in round {0}.":
            "không có phiếu chờ xử lý nào để loại bỏ trong vòng {0}.",
        "no readable PKCS#8 private key in the PEM text; check the file is a key file":
            "không có khóa bí mật PKCS#8 đọc được trong văn bản PEM; hãy kiểm tra tệp có phải là tệp khóa không",
        "no readable QR code":
            "không có mã QR đọc được",
        "no serial column: a numbered round's file starts with serial,<question id>,…":
            "không có cột số sê-ri: tệp của vòng có đánh số phải bắt đầu bằng serial,<question id>,…",
        "no serial: key the serial printed on the ballot":
            "thiếu số sê-ri: hãy nhập số sê-ri in trên phiếu",
        "no shares given":
            "không có mảnh khóa nào được cung cấp",
        "no such file or no permission to read it":
            "không có tệp này hoặc không có quyền đọc tệp",
        "no such round":
            "không có vòng lấy phiếu này",
        "not UTF-8 text; save it as UTF-8":
            "không phải văn bản UTF-8; hãy lưu tệp ở dạng UTF-8",
        "not a PNG, JPEG, TIFF or PDF image, or damaged":
            "không phải ảnh PNG, JPEG, TIFF hoặc PDF, hoặc tệp bị hư hỏng",
        "not a period: {0}":
            "không phải là kỳ: {0}",
        "not a readable regular file":
            "không phải tệp thông thường đọc được",
        "not a version-1 PhieuKin ballot (needs answers, round, survey, v)":
            "không phải phiếu PhieuKin phiên bản 1 (cần answers, round, survey, v)",
        "not found in the second keying {0}: key it there too, or re-check the paper":
            "không tìm thấy trong lần nhập liệu thứ hai {0}: hãy nhập cả vào đó, hoặc kiểm tra lại phiếu giấy",
        "not one JSON object per line":
            "không phải mỗi dòng một đối tượng JSON",
        "not one JSON object per line ({0})":
            "không phải mỗi dòng một đối tượng JSON ({0})",
        "number is outside the IEEE 754 double range":
            "số nằm ngoài phạm vi double của IEEE 754",
        "numbered (default) or none for unnumbered paper ballots.":
            "numbered (mặc định) hoặc none cho phiếu giấy không đánh số.",
        "official_id \"{0}\" appears twice (first on line {1})":
            "official_id \"{0}\" xuất hiện hai lần (lần đầu ở dòng {1})",
        "old tree size {0} must be 1…{1} (the current tree size)":
            "kích thước cây cũ {0} phải từ 1…{1} (kích thước cây hiện tại)",
        "one link per access code is needed":
            "cần mỗi mã bỏ phiếu một liên kết",
        "only in the second keying: key it in the first file too, or re-check the paper":
            "chỉ có trong lần nhập liệu thứ hai: hãy nhập cả vào tệp thứ nhất, hoặc kiểm tra lại phiếu giấy",
        "open":
            "đang mở",
        "order \"{0}\" is not a whole number from 1 to 100000":
            "order \"{0}\" không phải là số nguyên từ 1 đến 100000",
        "order {0} is used twice in unit \"{1}\" (first on line {2})":
            "order {0} được dùng hai lần trong đơn vị \"{1}\" (lần đầu ở dòng {2})",
        "page {0} of {1} was not scanned":
            "trang {0} (trong tổng số {1} trang) chưa được quét",
        "pass --workspace DIR, or set PHIEUKIN_WORKSPACE, to use another workspace":
            "dùng --workspace DIR, hoặc đặt biến PHIEUKIN_WORKSPACE, để dùng thư mục làm việc khác",
        "passphrase file":
            "tệp mật khẩu",
        "passphrase file {0} is empty.":
            "tệp mật khẩu {0} trống.",
        "passphrase file {0} not found.":
            "không tìm thấy tệp mật khẩu {0}.",
        "pdf, html or text.":
            "pdf, html hoặc text.",
        "pdftoppm wrote an unreadable page":
            "pdftoppm đã ghi ra một trang không đọc được",
        "pending reject {0} has no sealed ballot":
            "phiếu chờ xử lý {0} không có phiếu đã niêm phong",
        "period \"{0}\" is not YYYY-Qn, YYYY-MM or YYYY (e.g. 2026-Q3).":
            "kỳ \"{0}\" không có dạng YYYY-Qn, YYYY-MM hoặc YYYY (ví dụ 2026-Q3).",
        "policy.{0}":
            "policy.{0}",
        "private key":
            "khóa bí mật",
        "private key {0} not found: this folder holds no workspace's keys, or the file was moved.":
            "không tìm thấy khóa bí mật {0}: thư mục này không chứa khóa của thư mục làm việc nào, hoặc tệp đã bị di chuyển.",
        "question=code as read on the paper; repeat.":
            "question=code (câu hỏi=mã đánh dấu) theo kết quả đọc trên phiếu giấy; lặp lại.",
        "re-read the serial from the paper":
            "hãy đọc lại số sê-ri từ phiếu giấy",
        "read by a teller: ":
            "do thành viên tổ kiểm phiếu đọc từ phiếu giấy: ",
        "recording a page: cairo: {0}":
            "ghi một trang: cairo: {0}",
        "recount of round {0} does not match its committed result: ":
            "kết quả kiểm lại vòng {0} không khớp với kết quả đã chốt: ",
        "refused: other users can change the file (mode {0}), and a survey definition decides how ballots are counted; fix it with: chmod go-w {1}":
            "bị từ chối: người dùng khác có thể sửa tệp (quyền {0}), mà tệp định nghĩa mẫu phiếu quyết định cách đếm phiếu; sửa bằng: chmod go-w {1}",
        "refused: the file belongs to another user; a survey definition decides how ballots are counted, so only files you own are trusted":
            "bị từ chối: tệp thuộc về người dùng khác; tệp định nghĩa mẫu phiếu quyết định cách đếm phiếu nên chỉ tin các tệp do bạn sở hữu",
        "refused: the folder {0} can be changed by other users (mode {1}); fix it with: chmod go-w {2}":
            "bị từ chối: thư mục {0} có thể bị người dùng khác sửa đổi (quyền {1}); hãy khắc phục bằng lệnh: chmod go-w {2}",
        "refusing to export the audit bundle to {0}: it is {1} of the workspace; nothing was written.":
            "từ chối xuất gói kiểm toán ra {0}: đường dẫn này là {1} của thư mục làm việc; không có gì được ghi.",
        "refusing to write {0} to {1}: it is {2} of the workspace; nothing was written. Choose a file outside the workspace's keys/ and ballots/ folders.":
            "từ chối ghi {0} vào {1}: đường dẫn này là {2} của thư mục làm việc; không có gì được ghi. Hãy chọn một tệp nằm ngoài các thư mục keys/ và ballots/ của thư mục làm việc.",
        "reject {0} is not in round {1}.":
            "phiếu bị giữ lại {0} không thuộc vòng {1}.",
        "reject {0} is {1} but no signed tree head records that decision":
            "phiếu bị giữ lại {0} ở trạng thái {1} nhưng không có đầu cây đã ký nào ghi nhận quyết định đó",
        "reject {0} is {1} but still holds its sealed row or source, or has no decision reason":
            "phiếu bị giữ lại {0} ở trạng thái {1} nhưng vẫn còn dòng đã niêm phong hoặc nguồn, hoặc không có lý do quyết định",
        "reject {0} refers to batch {1}, which does not exist":
            "phiếu bị giữ lại {0} tham chiếu tới lô {1}, nhưng lô này không tồn tại",
        "reject {0} was already {1}: {2}.":
            "phiếu bị giữ lại {0} đã ở trạng thái {1}: {2}.",
        "reject {0}: the stored decision ({1}, [{2}]) differs from the one signed in tree head {3} ({4}, [{5}]) or its reason does":
            "phiếu bị giữ lại {0}: quyết định đã lưu ({1}, [{2}]) hoặc lý do của quyết định khác với quyết định đã ký trong đầu cây {3} ({4}, [{5}])",
        "rename failed: {0}":
            "đổi tên thất bại: {0}",
        "required key is missing":
            "thiếu trường bắt buộc",
        "results log: {0} result(s) are not covered by a signed head":
            "sổ kết quả: {0} kết quả chưa được đầu cây đã ký nào bao gồm",
        "results-log leaf {0} cannot be read.":
            "không đọc được lá {0} của sổ kết quả.",
        "results-log leaf {0}: not a committed round result":
            "lá {0} của sổ kết quả: không phải là kết quả đã chốt của vòng",
        "results-log leaf {0}: voids {1}, which has no earlier result":
            "lá {0} của sổ kết quả: hủy {1}, nhưng mục này không có kết quả trước đó",
        "results-log leaf {0}: {1} is voided twice":
            "lá {0} của sổ kết quả: {1} bị hủy hai lần",
        "round {0} already exists.":
            "vòng {0} đã tồn tại.",
        "round {0} has an unreadable period or channel.":
            "vòng {0} có kỳ hoặc đối tượng trả lời không đọc được.",
        "round {0} has no committed result.":
            "vòng {0} không có kết quả đã chốt.",
        "round {0} has no pending scanned sheet #{1}.":
            "vòng {0} không có tờ phiếu đã quét #{1} đang chờ xử lý.",
        "round {0} has no signed tree head, although closing signs one; the store may be damaged.":
            "vòng {0} không có đầu cây đã ký, mặc dù khi đóng vòng luôn ký một đầu cây; kho dữ liệu có thể đã bị hư hỏng.",
        "round {0} has no valid tally public key; the store may be damaged.":
            "vòng {0} không có khóa công khai kiểm phiếu hợp lệ; kho dữ liệu có thể đã bị hư hỏng.",
        "round {0} has not been tallied yet, so there is no result to recount.":
            "vòng {0} chưa được kiểm phiếu nên chưa có kết quả để kiểm lại.",
        "round {0} has {1} quarantined ballots pending; each must be accepted or discarded before the round is closed. Nothing was changed.":
            "vòng {0} còn {1} phiếu chờ xử lý; mỗi phiếu phải được chấp nhận hoặc loại bỏ trước khi đóng vòng. Không có thay đổi nào.",
        "round {0} holds {1} ballots but its signed tree head says {2}. Ballots were added or removed after closing.":
            "vòng {0} chứa {1} phiếu nhưng đầu cây đã ký ghi {2}. Phiếu đã bị thêm vào hoặc xóa đi sau khi đóng vòng.",
        "round {0} is already closed (and tallied); nothing was changed.":
            "vòng {0} đã đóng (và đã kiểm phiếu); không có thay đổi nào.",
        "round {0} is already closed; nothing was changed.":
            "vòng {0} đã đóng; không có thay đổi nào.",
        "round {0} is already tallied; its result is committed and will not change. It can be counted again to check it, without changing anything.":
            "vòng {0} đã được kiểm phiếu; kết quả đã chốt và sẽ không thay đổi. Có thể kiểm lại để đối chiếu mà không làm thay đổi gì.",
        "round {0} is numbered: each of its ballots needs a serial or an access code, so a kiosk (which takes ratings without one) cannot serve it. Open an unnumbered round for the desk.":
            "vòng {0} là vòng có đánh số: mỗi phiếu cần có số sê-ri hoặc mã bỏ phiếu, nên kiosk (nhận đánh giá không kèm các mã này) không thể phục vụ vòng này. Hãy mở một vòng không đánh số cho quầy.",
        "round {0} is opened by a committee: any {1} of its {2} shares are needed.":
            "khóa kiểm phiếu của vòng {0} do tổ kiểm phiếu mở: cần bất kỳ {1} trên {2} mảnh khóa.",
        "round {0} is still open; only a closed round is counted.":
            "vòng {0} vẫn đang mở; chỉ vòng đã đóng mới được kiểm phiếu.",
        "round {0} is tallied but has no committed result.":
            "vòng {0} đã kiểm phiếu nhưng không có kết quả đã chốt.",
        "round {0} is unnumbered (opened without serials): it has no access codes to hand out.":
            "vòng {0} là vòng không đánh số (được mở không kèm số sê-ri): vòng này không có mã bỏ phiếu để phát.",
        "round {0} is unnumbered: leave the serial blank":
            "vòng {0} là vòng không đánh số: hãy để trống số sê-ri",
        "round {0} is {1}, not closed; nothing was committed.":
            "vòng {0} đang ở trạng thái {1}, chưa đóng; chưa chốt kết quả nào.",
        "round {0} is {1}, not tallied: a report shows a tallied round's result.":
            "vòng {0} đang ở trạng thái {1}, chưa kiểm phiếu: báo cáo chỉ thể hiện kết quả của vòng đã kiểm phiếu.",
        "round {0} is {1}, so it takes no more ballots; nothing was changed.":
            "vòng {0} {1} nên không nhận thêm phiếu; không có gì bị thay đổi.",
        "round {0} is {1}, so its quarantined ballots can no longer be accepted; nothing was changed.":
            "vòng {0} {1} nên không thể chấp nhận phiếu chờ xử lý nữa; không có gì bị thay đổi.",
        "round {0} is {1}, so its quarantined ballots can no longer be discarded; nothing was changed.":
            "vòng {0} {1} nên không thể loại bỏ phiếu chờ xử lý nữa; không có gì bị thay đổi.",
        "round {0} is {1}; ballots are printed only for open rounds.":
            "vòng {0} đang ở trạng thái {1}; chỉ in phiếu cho vòng đang mở.",
        "round {0} is {1}; kiosks serve open rounds only.":
            "vòng {0} đang ở trạng thái {1}; kiosk chỉ phục vụ vòng đang mở.",
        "round {0} needs {1} of its {2} shares to open; {3} given: {4}. Ask {5} more committee member(s) to bring theirs.":
            "vòng {0} cần {1} trên {2} mảnh khóa để mở; đã cung cấp {3}: {4}. Hãy đề nghị thêm {5} thành viên tổ kiểm phiếu mang mảnh khóa của mình đến.",
        "round {0} was already voided on {1}: {2}.":
            "vòng {0} đã bị hủy ngày {1}: {2}.",
        "round {0} was opened for {1} ballots and already has them: check the paper ballots against the count (a copied or extra ballot?)":
            "vòng {0} được mở cho {1} phiếu và đã có đủ số phiếu đó: hãy đối chiếu phiếu giấy với số lượng (có phiếu bị sao chép hoặc phiếu thừa?)",
        "round {0} was opened for {1} ballots and holds {2}; accepting {3} more would exceed it. Nothing was accepted; discard the extra ballots.":
            "vòng {0} được mở cho {1} phiếu và đang chứa {2}; chấp nhận thêm {3} phiếu sẽ vượt quá số đó. Không có phiếu nào được chấp nhận; hãy loại bỏ các phiếu thừa.",
        "round {0} was voided on {1} ({2}); it is not counted.":
            "vòng {0} đã bị hủy ngày {1} ({2}); vòng này không được kiểm phiếu.",
        "round {0} was voided on {1}: {2}. A voided round has no report; the flags report lists it.":
            "vòng {0} đã bị hủy ngày {1}: {2}. Vòng đã hủy không có báo cáo; báo cáo cảnh báo có liệt kê vòng này.",
        "round {0} was voided; nothing was changed.":
            "vòng {0} đã bị hủy; không có thay đổi nào.",
        "round {0}: ballot leaf {1} {2}. The store may be damaged.":
            "vòng {0}: lá {1} của sổ phiếu {2}. Kho dữ liệu có thể đã bị hư hỏng.",
        "round {0}: has a stored result that the results log does not hold":
            "vòng {0}: có kết quả đã lưu nhưng sổ kết quả không chứa kết quả này",
        "round {0}: its last tree head is a {1} head, not the close head.":
            "vòng {0}: đầu cây (tree head) cuối cùng là đầu cây loại {1}, không phải đầu cây khi đóng vòng.",
        "round {0}: its last tree head is not a ballot-log head of this round.":
            "vòng {0}: đầu cây (tree head) cuối cùng không phải là đầu cây sổ phiếu của vòng này.",
        "round {0}: its result names close head {1} (size {2}), which is not the signed close head of its ballot log":
            "vòng {0}: kết quả của vòng ghi đầu cây đóng vòng {1} (kích thước {2}), không phải đầu cây đóng vòng đã ký của sổ phiếu",
        "round {0}: its sealed remarks are not a list.":
            "vòng {0}: các ý kiến khác đã niêm phong không phải là một danh sách.",
        "round {0}: marked tallied but not in the results log":
            "vòng {0}: được đánh dấu đã kiểm phiếu nhưng không có trong sổ kết quả",
        "round {0}: the ballots stored do not match the signed tree head (root differs). A ballot was changed after closing.":
            "vòng {0}: các phiếu đang lưu không khớp với đầu cây đã ký (gốc khác nhau). Một phiếu đã bị thay đổi sau khi đóng vòng.",
        "round {0}: the key of batch {1} cannot be opened with the tally key. The store may be damaged.":
            "vòng {0}: không thể mở khóa của lô {1} bằng khóa kiểm phiếu. Kho dữ liệu có thể đã bị hư hỏng.",
        "round {0}: the signature on its last tree head (seq {1}) is not valid.":
            "vòng {0}: chữ ký trên đầu cây cuối cùng (seq {1}) không hợp lệ.",
        "round {0}: voided after its tally but the void is not in the results log":
            "vòng {0}: bị hủy sau khi kiểm phiếu nhưng việc hủy không có trong sổ kết quả",
        "round.json in {0} does not name its round.":
            "round.json trong {0} không ghi tên vòng.",
        "row {0}: a cell's reference is not a column and row such as B5":
            "dòng {0}: địa chỉ của một ô không phải là cột và dòng như B5",
        "row {0}: the sheet has more than {1} rows, the most an import reads":
            "dòng {0}: trang tính có quá {1} dòng, mức tối đa một lần nhập đọc được",
        "row {0}, column {1}: the sheet has more than {2} columns, the most an import reads":
            "dòng {0}, cột {1}: trang tính có quá {2} cột, mức tối đa một lần nhập đọc được",
        "row {0}, column {1}: a cell holds more than {2} bytes of text, the most a cell may hold":
            "dòng {0}, cột {1}: một ô chứa quá {2} byte văn bản, mức tối đa của một ô",
        "after row {0}: a row's number is not a row number":
            "sau dòng {0}: số thứ tự của một dòng không phải là số dòng hợp lệ",
        "the worksheet":
            "trang tính",
        "the worksheet cannot be read":
            "không đọc được trang tính",
        "the part {0} of the workbook fails its zip checksum: the file is damaged":
            "phần {0} của sổ tính sai tổng kiểm zip: tệp bị hỏng",
        "the part {0} of the workbook claims to be compressed more than {1} to 1, which no real workbook is: the file is damaged or crafted":
            "phần {0} của sổ tính tự nhận được nén hơn {1} lần, điều không sổ tính thật nào có: tệp bị hỏng hoặc đã bị làm giả",
        "this round's ballot needs {0} columns, more than the {1} a keyed file may have; key its ballots as JSON Lines instead (docs/EXCEL.md); nothing was written.":
            "phiếu của vòng này cần {0} cột, nhiều hơn mức {1} cột của một tệp nhập phiếu; hãy nhập phiếu dưới dạng JSON Lines (docs/EXCEL.md); không có gì được ghi.",
        "more than {0} fields (columns) on one line, the most a file may have":
            "quá {0} trường (cột) trên một dòng, mức tối đa của một tệp",
        "more than {0} records (rows), the most one file may have; split it into several files":
            "quá {0} bản ghi (dòng), mức tối đa của một tệp; hãy chia thành nhiều tệp",
        "row {0}: a cell names a shared string the workbook does not hold":
            "dòng {0}: một ô trỏ tới chuỗi dùng chung mà sổ tính không có",
        "serial check symbol does not match: re-read it from the paper":
            "ký tự kiểm tra của số sê-ri không khớp: hãy đọc lại từ phiếu giấy",
        "serial, remark and round must be strings":
            "serial, remark và round phải là chuỗi",
        "serials for round {0} were issued already and are not stored anywhere, so they cannot be printed again; spoiled or missing sheets are replaced by issuing new ones.":
            "số sê-ri của vòng {0} đã được phát và không được lưu ở bất kỳ đâu, nên không thể in lại; tờ phiếu hỏng hoặc bị thiếu được thay thế bằng cách phát phiếu mới.",
        "share file {0}":
            "tệp mảnh khóa {0}",
        "share file {0} is given twice; each member needs a file of their own.":
            "tệp mảnh khóa {0} được chỉ định hai lần; mỗi thành viên cần một tệp riêng.",
        "share file {0} not found. Check the path the committee member gave.":
            "không tìm thấy tệp mảnh khóa {0}. Hãy kiểm tra đường dẫn do thành viên tổ kiểm phiếu cung cấp.",
        "share file {0}: folder {1} does not exist.":
            "tệp mảnh khóa {0}: thư mục {1} không tồn tại.",
        "share folders and share files are for a committee (more than one member); a 1-of-1 round keeps its key in the workspace.":
            "thư mục mảnh khóa và tệp mảnh khóa chỉ dành cho tổ kiểm phiếu (nhiều hơn một thành viên); vòng 1 trên 1 lưu khóa trong thư mục làm việc.",
        "share index 0 is not allowed; the share is damaged or not a share":
            "không cho phép chỉ số mảnh khóa 0; mảnh khóa bị hư hỏng hoặc không phải là mảnh khóa",
        "share {0}":
            "mảnh khóa {0}",
        "share {0} can be read by other users (mode {1}) and is not passphrase-protected, so anyone who can read it holds this member's part of round {2}'s key. Copy it to a folder only you can read and make the copy readable by its owner only (mode 600). (On a USB stick that cannot keep that mode, shares must be passphrase-protected when the round is opened.)":
            "mảnh khóa {0} có thể bị người dùng khác đọc (quyền {1}) và không được bảo vệ bằng mật khẩu, nên bất kỳ ai đọc được tệp này đều nắm giữ phần khóa của thành viên này đối với vòng {2}. Hãy sao chép tệp vào một thư mục chỉ mình bạn đọc được và đặt bản sao chỉ cho chủ sở hữu đọc (quyền 600). (Trên USB không giữ được quyền này, mảnh khóa phải được bảo vệ bằng mật khẩu khi mở vòng.)",
        "share {0} was given twice; give distinct shares":
            "mảnh khóa {0} được cung cấp hai lần; hãy cung cấp các mảnh khóa khác nhau",
        "shares have different lengths ({0} and {1}); they come from different splits":
            "các mảnh khóa có độ dài khác nhau ({0} và {1}); chúng thuộc các lần chia khóa khác nhau",
        "sheet {0} is larger than Excel allows ({1} rows, {2} columns)":
            "trang tính {0} lớn hơn mức Excel cho phép ({1} dòng, {2} cột)",
        "state or party.":
            "state (cơ quan nhà nước) hoặc party (cơ quan Đảng).",
        "survey {0} has no remark; leave the column blank":
            "mẫu phiếu {0} không có ý kiến khác; hãy để trống cột này",
        "survey {0} is a confidence vote: its quorum is counted against the number of people summoned, which was not given.":
            "mẫu phiếu {0} là phiếu tín nhiệm: số người tối thiểu được tính theo số người được triệu tập, nhưng số này chưa được cung cấp.",
        "survey {0} is answered through {1}, not \"{2}\".":
            "mẫu phiếu {0} dành cho đối tượng trả lời {1}, không phải \"{2}\".",
        "survey {0} is monthly: give a period like 2026-07.":
            "mẫu phiếu {0} lấy theo tháng: hãy nhập kỳ dạng 2026-07.",
        "survey {0} is quarterly: give a period like 2026-Q3.":
            "mẫu phiếu {0} lấy theo quý: hãy nhập kỳ dạng 2026-Q3.",
        "survey {0} lists no channel.":
            "mẫu phiếu {0} không liệt kê đối tượng trả lời nào.",
        "tallied":
            "đã kiểm phiếu",
        "text is not UTF-8: save the file as UTF-8 (\"CSV UTF-8\") and import it again":
            "văn bản không phải UTF-8: hãy lưu tệp ở dạng UTF-8 (\"CSV UTF-8\") rồi nhập lại",
        "text is not UTF-8: save the file as UTF-8 and import it again":
            "văn bản không phải UTF-8: hãy lưu tệp ở dạng UTF-8 rồi nhập lại",
        "text, json, csv, html or pdf.":
            "text, json, csv, html hoặc pdf.",
        "text, json, csv, html, pdf or xlsx (csv and xlsx: one row per figure, numeric columns; docs/EXCEL.md).":
            "text, json, csv, html, pdf hoặc xlsx (csv và xlsx: mỗi số liệu một dòng, cột dạng số; xem docs/EXCEL.md).",
        "that is neither a ballot serial (27 symbols, the last one a check symbol) nor an access code (16 symbols), or a symbol was mistyped: re-read it from the paper.":
            "đó không phải là số sê-ri phiếu (27 ký tự, ký tự cuối là ký tự kiểm tra) cũng không phải mã bỏ phiếu (16 ký tự), hoặc có ký tự bị gõ sai: hãy đọc lại từ tờ giấy.",
        "the AES-256-GCM output buffer holds {0} bytes; this message needs {1}":
            "bộ đệm đầu ra AES-256-GCM chứa {0} byte; thông điệp này cần {1}",
        "the AES-256-GCM output buffer overlaps an input; use separate buffers, or work exactly in place":
            "bộ đệm đầu ra AES-256-GCM chồng lấn với một đầu vào; hãy dùng các bộ đệm riêng, hoặc xử lý đúng tại chỗ",
        "refused the scan {0}: {1}":
            "từ chối bản quét {0}: {1}",
        "{0} pages, more than {1} in one file; split the file":
            "{0} trang, nhiều hơn {1} trang trong một tệp; hãy chia nhỏ tệp",
        "{0} MB, more than {1} MB":
            "{0} MB, lớn hơn {1} MB",
        "a page of {0} × {1} pixels, more than {2} million":
            "một trang {0} × {1} điểm ảnh, nhiều hơn {2} triệu",
        "page {0} is {1}, larger than A3; scan ballots at their paper size":
            "trang {0} có kích thước {1}, lớn hơn khổ A3; hãy quét phiếu đúng khổ giấy",
        "{0} took more than {1} s; is this a scan?":
            "{0} chạy quá {1} giây; đây có phải là bản quét không?",
        "the rasterised pages exceed the pixel limit":
            "các trang chuyển thành ảnh vượt giới hạn số điểm ảnh",
        "the PDF has no pages":
            "tệp PDF không có trang nào",
        "the PEM private key is not an {0} key":
            "khóa bí mật PEM không phải là khóa {0}",
        "the PEM public key is not an {0} key":
            "khóa công khai PEM không phải là khóa {0}",
        "the PEM text is empty or too large":
            "văn bản PEM trống hoặc quá lớn",
        "the SPSS syntax":
            "tệp cú pháp SPSS",
        "the access code is not well-formed":
            "mã bỏ phiếu không đúng định dạng",
        "the access code was not issued for an open round":
            "mã bỏ phiếu không được phát cho một vòng đang mở",
        "the access code was not issued for this round":
            "mã bỏ phiếu không được phát cho vòng này",
        "the access code was used already":
            "mã bỏ phiếu đã được sử dụng",
        "the access code's round is no longer open":
            "vòng của mã bỏ phiếu không còn mở",
        "the agency name contains the invisible text-direction control {0}, which can make the name display differently from what is stored; type the name again without it.":
            "tên cơ quan chứa ký tự điều khiển hướng văn bản ẩn {0}, có thể khiến tên hiển thị khác với nội dung được lưu; hãy nhập lại tên không có ký tự này.",
        "the agency passphrase encrypts only a 1-of-1 round key; a committee's shares are encrypted with a passphrase of the round's own (one the members keep, not the agency's).":
            "mật khẩu của cơ quan chỉ mã hóa khóa của vòng 1 trên 1; mảnh khóa của tổ kiểm phiếu được mã hóa bằng mật khẩu riêng của vòng (do các thành viên giữ, không phải mật khẩu của cơ quan).",
        "the ballot has no mark columns":
            "phiếu không có cột đánh dấu",
        "the ballot has no rows":
            "phiếu không có dòng nào",
        "the ballot has {0} mark columns; at most {1} fit a page":
            "phiếu có {0} cột đánh dấu; một trang chứa được tối đa {1} cột",
        "the ballot is for round {0}, not {1}":
            "phiếu thuộc vòng {0}, không phải vòng {1}",
        "the ballot log of round {0} does not verify, so no audit bundle was written: {1}.":
            "sổ phiếu của vòng {0} không qua được kiểm tra nên không ghi gói kiểm toán nào: {1}.",
        "the ballot was sealed to another round's key":
            "phiếu được niêm phong bằng khóa của một vòng khác",
        "the ballots":
            "tệp phiếu",
        "the ballots were printed but not moved into place: {0} Its serials are issued; use that file.":
            "phiếu đã được in nhưng chưa được chuyển vào đúng vị trí: {0} Số sê-ri của các phiếu này đã được phát; hãy dùng tệp đó.",
        "the close head's root {0} is not the root read from paper ({1}): the log was signed again after the paper was signed":
            "gốc của đầu cây đóng vòng {0} không phải là gốc đọc từ giấy ({1}): sổ đã được ký lại sau khi biên bản giấy được ký",
        "the counts differ":
            "số lượng khác nhau",
        "the database file":
            "tệp cơ sở dữ liệu",
        "the database {0} already exists; nothing was changed.":
            "cơ sở dữ liệu {0} đã tồn tại; không có thay đổi nào.",
        "the database {0} does not exist":
            "cơ sở dữ liệu {0} không tồn tại",
        "the database {0} holds no PhieuKin tables":
            "cơ sở dữ liệu {0} không chứa bảng nào của PhieuKin",
        "the database {0} is empty (0 bytes)":
            "cơ sở dữ liệu {0} trống (0 byte)",
        "the database {0} is missing":
            "không có cơ sở dữ liệu {0}",
        "the disk is full (the one holding {0}). Free some space on it and run the command again; nothing was changed.":
            "ổ đĩa đã đầy (ổ chứa {0}). Hãy giải phóng bớt dung lượng trên ổ đĩa đó rồi chạy lại lệnh; không có thay đổi nào.",
        "the document cannot be printed":
            "không thể in tài liệu",
        "the electorate (the number of people summoned) must be at least 1.":
            "số cử tri (số người được triệu tập) phải ít nhất là 1.",
        "the enrolment QR":
            "tệp mã QR đăng ký",
        "the enrolment token is not valid":
            "mã đăng ký kiosk không hợp lệ",
        "the enrolment token was used already":
            "mã đăng ký kiosk đã được sử dụng",
        "the file is empty; see ballots/README.md":
            "tệp trống; xem ballots/README.md",
        "the file is larger than {0} KiB (refused unread)":
            "tệp lớn hơn {0} KiB (bị từ chối, không đọc)",
        "the file is larger than {0} KiB; a survey definition is much smaller":
            "tệp lớn hơn {0} KiB; tệp định nghĩa mẫu phiếu nhỏ hơn nhiều",
        "the file is not an Excel workbook (.xlsx): it has no xl/workbook.xml":
            "tệp không phải sổ tính Excel (.xlsx): không có xl/workbook.xml",
        "the file is not an Excel workbook (.xlsx): it is not a zip archive":
            "tệp không phải sổ tính Excel (.xlsx): không phải tệp nén zip",
        "the file is {0} KiB; a survey definition is at most {1} KiB (refused unread)":
            "tệp có dung lượng {0} KiB; tệp định nghĩa mẫu phiếu tối đa {1} KiB (bị từ chối, không đọc)",
        "the flags differ":
            "các cảnh báo khác nhau",
        "the folder {0} does not exist; create it first. Nothing was written.":
            "thư mục {0} không tồn tại; hãy tạo thư mục trước. Không có gì được ghi.",
        "the inbox of round {0} holds a sealed ballot twice, or one already in its log; nothing was appended.":
            "hộp chờ của vòng {0} chứa một phiếu đã niêm phong hai lần, hoặc một phiếu đã có trong sổ; không có gì được ghi thêm.",
        "the key-file passphrase must be 1…1024 bytes":
            "mật khẩu của tệp khóa phải dài 1…1024 byte",
        "the keying template":
            "mẫu nhập liệu",
        "the kiosk is sending faster than the round allows":
            "kiosk đang gửi nhanh hơn mức vòng cho phép",
        "the kiosk reached the round's daily cap":
            "kiosk đã đạt giới hạn hằng ngày của vòng",
        "the kiosk token is not valid":
            "mã xác thực của kiosk không hợp lệ",
        "the kiosk was enrolled already.":
            "kiosk đã được đăng ký trước đó.",
        "the kiosk's round is closed":
            "vòng của kiosk đã đóng",
        "the kiosk's round is no longer open":
            "vòng của kiosk không còn mở",
        "the kiosk's round is not open":
            "vòng của kiosk không ở trạng thái đang mở",
        "the last signed tree head covers {0} leaves but {1} are stored (leaves were added or removed)":
            "đầu cây đã ký cuối cùng bao gồm {0} lá nhưng đang lưu {1} lá (lá đã bị thêm vào hoặc xóa đi)",
        "the message is {0} bytes, shorter than its {1}-byte prefix":
            "thông điệp dài {0} byte, ngắn hơn phần tiền tố {1} byte của nó",
        "the number of ballots to issue must be 0 or more.":
            "số phiếu cần phát phải từ 0 trở lên.",
        "the number of extra ballots must be at least 1.":
            "số phiếu bổ sung phải ít nhất là 1.",
        "the part {0} of the workbook cannot be opened":
            "không mở được phần {0} của sổ tính",
        "the part {0} of the workbook cannot be read":
            "không đọc được phần {0} của sổ tính",
        "the part {0} of the workbook is damaged (zip error {1})":
            "phần {0} của sổ tính bị hỏng (lỗi zip {1})",
        "the part {0} of the workbook is larger than {1} MiB":
            "phần {0} của sổ tính lớn hơn {1} MiB",
        "the passphrase does not open {0} (or the file is damaged). Check {1}.":
            "mật khẩu không mở được {0} (hoặc tệp bị hư hỏng). Hãy kiểm tra {1}.",
        "the passphrase file":
            "tệp mật khẩu",
        "the passphrase file, or that the key is an Ed25519 PKCS#8 PEM":
            "tệp mật khẩu, hoặc xem khóa có đúng là Ed25519 PKCS#8 PEM không",
        "the peer X25519 public key was rejected":
            "khóa công khai X25519 của bên kia bị từ chối",
        "the place name contains the invisible text-direction control {0}, which can make the name display differently from what is stored; type the name again without it.":
            "địa danh chứa ký tự điều khiển hướng văn bản ẩn {0}, có thể khiến tên hiển thị khác với nội dung được lưu; hãy nhập lại tên không có ký tự này.",
        "the public address must be an http(s) address of at most 100 plain characters, without # or |.":
            "địa chỉ công khai phải là địa chỉ http(s) dài tối đa 100 ký tự thông thường, không chứa # hoặc |.",
        "the reason is {0} characters long; keep it under {1}.":
            "lý do dài {0} ký tự; hãy giữ dưới {1} ký tự.",
        "the remark box has writing: type the remark from the paper":
            "ô ý kiến khác có chữ viết: hãy nhập ý kiến khác theo phiếu giấy",
        "the remark is longer than {0} characters":
            "ý kiến khác dài hơn {0} ký tự",
        "the remarks differ":
            "các ý kiến khác không giống nhau",
        "the report":
            "báo cáo",
        "the results log does not hold round {0}'s result under a signed head, so no audit bundle was written.":
            "sổ kết quả không chứa kết quả của vòng {0} dưới một đầu cây đã ký, nên không ghi gói kiểm toán nào.",
        "the round has no signed close head, so there is no close root to compare with the paper":
            "vòng chưa có đầu cây đóng vòng đã ký, nên không có gốc lúc đóng vòng để so với giấy",
        "the round holds as many ballots as it was opened for":
            "vòng đã chứa đủ số phiếu như khi được mở",
        "the round is not closed yet: its list of used serials is not signed, so this answer may still change.":
            "vòng chưa đóng: danh sách số sê-ri đã dùng chưa được ký, nên câu trả lời này vẫn có thể thay đổi.",
        "the round is not open":
            "vòng lấy phiếu không ở trạng thái đang mở",
        "the round is open but its log was {0}":
            "vòng đang mở nhưng sổ phiếu của vòng ghi trạng thái {0}",
        "the round is voided but its log holds no signed void":
            "vòng đã bị hủy nhưng sổ phiếu của vòng không có bản ghi hủy đã ký",
        "the round is {0} but its last tree head is not a close head":
            "vòng ở trạng thái {0} nhưng đầu cây cuối cùng không phải là đầu cây khi đóng vòng",
        "the round is {0} but {1} electronic ballots were never appended":
            "vòng ở trạng thái {0} nhưng có {1} phiếu điện tử chưa từng được ghi vào sổ",
        "the round manifest does not match the round's stored facts ({0}): the round was changed after it was opened":
            "bản kê vòng không khớp với các thông tin đã lưu của vòng ({0}): vòng đã bị thay đổi sau khi mở",
        "the row has {0} fields but the header has {1} (a comma inside text needs \"quotes\")":
            "dòng có {0} trường nhưng dòng tiêu đề có {1} (dấu phẩy trong văn bản cần đặt trong \"ngoặc kép\")",
        "the sealed ballot is not a version-1 sealed box of a plausible size":
            "phiếu đã niêm phong không phải là hộp niêm phong (sealed box) phiên bản 1 có kích thước hợp lý",
        "the sealed remarks are missing":
            "thiếu các ý kiến khác đã niêm phong",
        "the secret to split is empty":
            "bí mật cần chia trống",
        "the serial of sheet {0} must be printable ASCII without '|', not '-'":
            "số sê-ri của tờ phiếu {0} phải là ký tự ASCII in được, không chứa '|', và không phải '-'",
        "the share folder {0}":
            "thư mục mảnh khóa {0}",
        "the shares given ({0}) do not rebuild round {1}'s tally key. Check that each file is an unaltered share of this round.":
            "các mảnh khóa đã cung cấp ({0}) không khôi phục được khóa kiểm phiếu của vòng {1}. Hãy kiểm tra từng tệp có đúng là mảnh khóa nguyên vẹn của vòng này không.",
        "the signature does not match this key and message; check that the right public key is used":
            "chữ ký không khớp với khóa và thông điệp này; hãy kiểm tra có đang dùng đúng khóa công khai không",
        "the slips":
            "tệp phiếu mã",
        "the slips' QR codes open the voting page, so the server's public address is needed (e.g. https://phieu.example.gov.vn).":
            "mã QR trên các phiếu in mã bỏ phiếu dẫn tới trang bỏ phiếu, vì vậy cần địa chỉ công khai của máy chủ (ví dụ https://phieu.example.gov.vn).",
        "the stored result of round {0} cannot be read.":
            "không đọc được kết quả đã lưu của vòng {0}.",
        "the superior agency's name contains the invisible text-direction control {0}, which can make the name display differently from what is stored; type the name again without it.":
            "tên cơ quan chủ quản chứa ký tự điều khiển hướng văn bản ẩn {0}, có thể khiến tên hiển thị khác với nội dung được lưu; hãy nhập lại tên không có ký tự này.",
        "the tally minutes are a document to print and sign: they are written as PDF, HTML or text. The round's figures as data are in its report.":
            "biên bản kiểm phiếu là văn bản để in và ký: chỉ xuất ra PDF, HTML hoặc văn bản thường. Số liệu của vòng dưới dạng dữ liệu có trong báo cáo của vòng.",
        "the threshold ({0}) cannot exceed the number of shares ({1})":
            "ngưỡng ({0}) không được vượt quá số mảnh khóa ({1})",
        "the threshold must be at least 1, got {0}":
            "ngưỡng phải ít nhất là 1, nhận được {0}",
        "the two keyings differ (second keying: {0}): re-check the paper ballot and key it again":
            "hai lần nhập liệu khác nhau (lần nhập liệu thứ hai: {0}): hãy kiểm tra lại phiếu giấy và nhập lại",
        "the workbook could not be written: {0}":
            "không ghi được sổ tính: {0}",
        "the workbook names a first sheet {0} that it does not hold":
            "sổ tính ghi trang tính đầu là {0} nhưng không chứa trang đó",
        "the workspace database {0} is read-only here (no write permission, or a read-only disk): it can be listed, verified and reported, but this command changes it. Run it on the writable workspace.":
            "cơ sở dữ liệu {0} của thư mục làm việc ở đây chỉ cho phép đọc (không có quyền ghi, hoặc ổ đĩa chỉ đọc): có thể liệt kê, kiểm tra và lập báo cáo, nhưng lệnh này làm thay đổi cơ sở dữ liệu. Hãy chạy lệnh trên thư mục làm việc có quyền ghi.",
        "the workspace folder":
            "thư mục làm việc",
        "the {0} must be non-empty printable ASCII without '|'":
            "{0} phải là ký tự ASCII in được, không trống và không chứa '|'",
        "there are no access codes to print":
            "không có mã bỏ phiếu nào để in",
        "there are no sheets to print":
            "không có tờ phiếu nào để in",
        "this AES-256-GCM key has sealed 2^32 messages; rotate to a new key":
            "khóa AES-256-GCM này đã niêm phong 2^32 thông điệp; hãy chuyển sang khóa mới",
        "this sealed ballot was cast already":
            "phiếu đã niêm phong này đã được bỏ rồi",
        "this workspace's agency key is passphrase-protected, so the round's tally key must be too: encrypted with the agency passphrase, or with a passphrase for this round. The tally will need the same passphrase.":
            "khóa của cơ quan trong thư mục làm việc này được bảo vệ bằng mật khẩu, nên khóa kiểm phiếu của vòng cũng phải như vậy: được mã hóa bằng mật khẩu của cơ quan, hoặc bằng mật khẩu riêng cho vòng này. Khi kiểm phiếu sẽ cần đúng mật khẩu đó.",
        "tree head {0} in {1} is not signed by the bundle's agency key.":
            "đầu cây {0} trong {1} không được ký bằng khóa cơ quan của gói.",
        "tree head {0} signs a decision on reject {1}, which is not in this round's quarantine":
            "đầu cây {0} ký một quyết định về phiếu bị giữ lại {1}, nhưng phiếu này không có trong khu chờ xử lý của vòng",
        "tree head {0} signs a decision on reject {1}, which is still pending":
            "đầu cây {0} ký một quyết định về phiếu bị giữ lại {1}, nhưng phiếu này vẫn đang chờ xử lý",
        "truncated UTF-8":
            "UTF-8 bị cắt cụt",
        "unexpected data after the JSON value":
            "có dữ liệu không mong đợi sau giá trị JSON",
        "unexpected end of input":
            "dữ liệu đầu vào kết thúc đột ngột",
        "unit {0} already has round {1} ({2}) for survey {3}, period {4}, channel {5}: only one round per survey, unit, period and channel counts. If that round was opened by mistake, void it first; nothing was changed.":
            "đơn vị {0} đã có vòng {1} ({2}) cho mẫu phiếu {3}, kỳ {4}, đối tượng trả lời {5}: mỗi mẫu phiếu, đơn vị, kỳ và đối tượng trả lời chỉ tính một vòng. Nếu vòng đó được mở nhầm, hãy hủy vòng đó trước; không có thay đổi nào.",
        "unit {0} has no active officials to put on the ballot.":
            "đơn vị {0} không có cán bộ nào đang công tác để đưa vào phiếu.",
        "unit {0} is given twice.":
            "đơn vị {0} được chỉ định hai lần.",
        "unit {0} is not on the roster: no roster has been imported yet.":
            "đơn vị {0} không có trong danh sách cán bộ: chưa nhập danh sách cán bộ nào.",
        "unit {0} is not on the roster; its units are: {1}.":
            "đơn vị {0} không có trong danh sách cán bộ; các đơn vị trong danh sách là: {1}.",
        "unit_id \"{0}\" is named \"{1}\" here but \"{2}\" on line {3}; use one name per unit":
            "unit_id \"{0}\" có tên \"{1}\" ở đây nhưng là \"{2}\" ở dòng {3}; mỗi đơn vị chỉ dùng một tên",
        "unknown column \"{0}\"; the columns are {1} (order is optional)":
            "cột \"{0}\" không xác định; các cột là {1} (cột order không bắt buộc)",
        "unknown key":
            "trường không xác định",
        "unknown sealed-box version {0}; this build reads version 1":
            "phiên bản hộp niêm phong (sealed box) không xác định {0}; bản dựng này đọc phiên bản 1",
        "unknown survey \"{0}\"; known surveys: {1}":
            "mẫu phiếu \"{0}\" không xác định; các mẫu phiếu hiện có: {1}",
        "unknown value \"{0}\"; use one of {1}":
            "giá trị \"{0}\" không xác định; hãy dùng một trong các giá trị {1}",
        "unterminated string":
            "chuỗi không được đóng",
        "used":
            "đã dùng",
        "used.bin in {0} is not a list of 32-byte hashes.":
            "used.bin trong {0} không phải là danh sách các mã băm 32 byte.",
        "used.bin in {0} is not the list of used serials the agency signed; the bundle was changed.":
            "used.bin trong {0} không phải là danh sách số sê-ri đã dùng mà cơ quan đã ký; gói đã bị thay đổi.",
        "value cannot be encoded as JSON ({0})":
            "không thể mã hóa giá trị dưới dạng JSON ({0})",
        "voided":
            "đã hủy",
        "voiding a round needs a reason (it is signed into the round's log).":
            "hủy vòng cần nêu lý do (lý do được ký vào sổ của vòng).",
        "warning: {0} planned, fewer than the {1} this survey needs to report anything. Unless more come in, the round will be inconclusive: no figures, no flag raised or cleared. Consider voiding it and evaluating several units together (round open --unit A --unit B …, or --all-units).":
            "cảnh báo: dự kiến {0}, ít hơn mức {1} mà mẫu phiếu này cần để báo cáo. Nếu không có thêm phiếu, vòng sẽ không đủ điều kiện kết luận: không có số liệu, không phát sinh hay xóa cảnh báo nào. Cân nhắc hủy vòng này và đánh giá gộp nhiều đơn vị (round open --unit A --unit B …, hoặc --all-units).",
        "{0}  {1}  {2}  {3}  {4}  issued {5}/{6}":
            "{0}  {1}  {2}  {3}  {4}  đã phát {5}/{6}",
        "{0} \"{1}\" may only use the characters A-Z a-z 0-9 _ -":
            "{0} \"{1}\" chỉ được dùng các ký tự A-Z a-z 0-9 _ -",
        "{0} (size {1}): its root does not match the stored leaves (a leaf was changed)":
            "{0} (kích thước {1}): gốc không khớp với các lá đang lưu (một lá đã bị thay đổi)",
        "{0} ({1}): {2}, {3}, {4}, issued {5}, used {6}, quarantine {7} pending / {8} accepted / {9} discarded":
            "{0} ({1}): {2}, {3}, {4}, đã phát {5}, đã dùng {6}, khu chờ xử lý: {7} đang chờ / {8} đã chấp nhận / {9} đã loại bỏ",
        "{0} Another tally may have run at the same time.":
            "{0} Có thể một lần kiểm phiếu khác đã chạy cùng lúc.",
        "{0} already exists; PhieuKin never overwrites a key. Move it away first.":
            "{0} đã tồn tại; PhieuKin không bao giờ ghi đè khóa. Hãy di chuyển tệp đó đi trước.",
        "{0} already exists; PhieuKin never overwrites a key. Move it away or choose another place; nothing was created.":
            "{0} đã tồn tại; PhieuKin không bao giờ ghi đè khóa. Hãy di chuyển tệp đó đi hoặc chọn vị trí khác; chưa tạo gì.",
        "{0} already exists; nothing was written. Choose another name, or replace that file.":
            "{0} đã tồn tại; không có gì được ghi. Hãy chọn tên khác, hoặc thay thế tệp đó.",
        "{0} already holds a PhieuKin workspace; nothing was changed.":
            "{0} đã chứa một thư mục làm việc PhieuKin; không có thay đổi nào.",
        "{0} although {1}: the workspace's rounds, ballots and results were lost. Restore the workspace from its backup into a new folder; PhieuKin does not create a new database here, and nothing was changed.":
            "{0}, trong khi {1}: các vòng, phiếu và kết quả của thư mục làm việc đã bị mất. Hãy khôi phục thư mục làm việc từ bản sao lưu vào một thư mục mới; PhieuKin không tạo cơ sở dữ liệu mới tại đây, và không có thay đổi nào.",
        "{0} and {1} are the same share ({2} of {3}); each member brings a different one.":
            "{0} và {1} là cùng một mảnh khóa (mảnh {2} trên {3}); mỗi thành viên phải mang một mảnh khóa khác nhau.",
        "{0} appeared while writing; nothing was replaced.":
            "{0} xuất hiện trong khi đang ghi; không có gì bị thay thế.",
        "{0} ballot":
            "{0} phiếu",
        "{0} ballots":
            "{0} phiếu",
        "{0} ballots accepted but the round was opened for {1} (more ballots than planned: an extra or copied ballot was counted)":
            "đã chấp nhận {0} phiếu nhưng vòng được mở cho {1} phiếu (nhiều phiếu hơn dự kiến: một phiếu thừa hoặc phiếu sao chép đã được đếm)",
        "{0} batch":
            "{0} lô",
        "{0} batches":
            "{0} lô",
        "{0} beyond the planned {1} were quarantined (over-planned) and not counted unless accepted.":
            "{0} vượt quá số dự kiến {1} đã được chuyển vào khu chờ xử lý (vượt dự kiến) và không được đếm trừ khi được chấp nhận.",
        "{0} can be read by other users (mode {1} after creating it 0600: the drive does not keep Unix permissions, e.g. a FAT USB stick). A share there must be passphrase-protected, or the shares written to a drive that keeps permissions. Nothing was created.":
            "{0} có thể bị người dùng khác đọc (quyền {1} sau khi tạo với quyền 0600: ổ đĩa không giữ quyền Unix, ví dụ USB định dạng FAT). Mảnh khóa lưu ở đó phải được bảo vệ bằng mật khẩu, hoặc các mảnh khóa phải được ghi vào ổ đĩa giữ được quyền. Chưa tạo gì.",
        "{0} cannot run (install poppler-utils): {1}":
            "không chạy được {0} (hãy cài đặt poppler-utils): {1}",
        "{0} code":
            "{0} mã",
        "{0} codes":
            "{0} mã",
        "{0} column":
            "{0} cột",
        "{0} columns":
            "{0} cột",
        "{0} contains the invisible text-direction control {1}, which can make a name display differently from what is stored; delete it and type the text again":
            "{0} chứa ký tự điều khiển hướng văn bản ẩn {1}, có thể khiến tên hiển thị khác với nội dung được lưu; hãy xóa ký tự này và nhập lại văn bản",
        "{0} does not belong to round {1}'s tally key.":
            "{0} không thuộc khóa kiểm phiếu của vòng {1}.",
        "{0} duplicate":
            "{0} trùng",
        "{0} duplicates":
            "{0} trùng",
        "{0} empty row":
            "{0} dòng trống",
        "{0} empty rows":
            "{0} dòng trống",
        "{0} exists and is not a folder; give a new or empty folder for the audit bundle. Nothing was written.":
            "{0} đã tồn tại và không phải là thư mục; hãy chỉ định một thư mục mới hoặc trống cho gói kiểm toán. Không có gì được ghi.",
        "{0} exists and is not a regular file (a link, pipe or device); PhieuKin replaces only a regular file, even when asked to replace. Nothing was written.":
            "{0} đã tồn tại và không phải là tệp thông thường (mà là liên kết, pipe hoặc thiết bị); PhieuKin chỉ thay thế tệp thông thường, kể cả khi được yêu cầu thay thế. Không có gì được ghi.",
        "{0} holds the keys of a workspace whose database is missing; restore the workspace from its backup into a new folder instead of creating a new workspace over it. Nothing was changed.":
            "{0} chứa khóa của một thư mục làm việc bị mất cơ sở dữ liệu; hãy khôi phục thư mục làm việc từ bản sao lưu vào một thư mục mới thay vì tạo thư mục làm việc mới đè lên. Không có thay đổi nào.",
        "{0} holds the same ballots, in the same order, as a file already imported into round {1} (batch {2}); nothing was imported. Unnumbered rounds refuse a file twice, even re-saved (other line endings, BOM, quoting), because their ballots carry no serial.":
            "{0} chứa các phiếu giống hệt, theo cùng thứ tự, với một tệp đã được nhập vào vòng {1} (lô {2}); không có phiếu nào được nhập. Vòng không đánh số từ chối nhập một tệp hai lần, kể cả khi tệp được lưu lại (khác ký tự xuống dòng, BOM, dấu ngoặc kép), vì phiếu của vòng này không có số sê-ri.",
        "{0} holds the same ballots, in the same order, as {1} in this import; nothing was imported. Unnumbered rounds refuse a file twice because their ballots carry no serial.":
            "{0} chứa các phiếu giống hệt, theo cùng thứ tự, với {1} trong lần nhập này; không có phiếu nào được nhập. Vòng không đánh số từ chối nhập một tệp hai lần vì phiếu của vòng này không có số sê-ri.",
        "{0} ignored (rows with no answer at all, e.g. left by Excel at the end).":
            "bỏ qua {0} (dòng không có câu trả lời nào, ví dụ Excel để lại ở cuối tệp).",
        "{0} is UTF-16 text (Excel's \"Unicode Text\"), which is not read; in Excel choose File > Save As and the file type \"CSV UTF-8 (Comma delimited) (*.csv)\", then import the new file; nothing was imported.":
            "{0} là văn bản UTF-16 (kiểu \"Unicode Text\" của Excel), không đọc được; trong Excel chọn File > Save As, kiểu tệp \"CSV UTF-8 (Comma delimited) (*.csv)\", rồi nhập tệp mới; chưa nhập gì.",
        "{0} is a folder; PhieuKin never replaces a folder. Give a file name for {1}, e.g. {2}/out.pdf; nothing was written.":
            "{0} là một thư mục; PhieuKin không bao giờ thay thế thư mục. Hãy chỉ định tên tệp cho {1}, ví dụ {2}/out.pdf; không có gì được ghi.",
        "{0} is a share of round {1}, not of round {2}. Bring this round's share.":
            "{0} là mảnh khóa của vòng {1}, không phải của vòng {2}. Hãy mang mảnh khóa của vòng này.",
        "{0} is an old Excel 97-2003 workbook (.xls), which is not read; in Excel choose File > Save As and the file type \"Excel Workbook (*.xlsx)\" or \"CSV UTF-8 (Comma delimited) (*.csv)\", then import the new file; nothing was imported.":
            "{0} là sổ tính Excel 97-2003 (.xls), không đọc được; trong Excel chọn File > Save As, kiểu tệp \"Excel Workbook (*.xlsx)\" hoặc \"CSV UTF-8 (Comma delimited) (*.csv)\", rồi nhập tệp mới; chưa nhập gì.",
        "{0} is empty":
            "{0} trống",
        "{0} is encrypted with the passphrase given when the round was opened: the agency passphrase (which also signs the result), or a passphrase chosen for this round.":
            "{0} được mã hóa bằng mật khẩu đã nhập khi mở vòng: mật khẩu của cơ quan (cũng dùng để ký kết quả), hoặc mật khẩu chọn riêng cho vòng này.",
        "{0} is encrypted: its passphrase is needed.":
            "{0} được mã hóa: cần mật khẩu của tệp này.",
        "{0} is encrypted: the agency passphrase is needed.":
            "{0} được mã hóa: cần mật khẩu của cơ quan.",
        "{0} is inside the workspace ({1}): committee shares must leave it, or whoever copies the workspace holds every share. Write them to each member's USB stick or another folder.":
            "{0} nằm bên trong thư mục làm việc ({1}): mảnh khóa của tổ kiểm phiếu phải được lưu bên ngoài, nếu không thì ai sao chép thư mục làm việc sẽ nắm giữ mọi mảnh khóa. Hãy ghi chúng vào USB của từng thành viên hoặc một thư mục khác.",
        "{0} is no longer a regular file; nothing was replaced.":
            "{0} không còn là tệp thông thường; không có gì bị thay thế.",
        "{0} is not a PhieuKin tally share (header lines round/index/threshold/count/tally-public-key).":
            "{0} không phải là mảnh khóa kiểm phiếu của PhieuKin (các dòng tiêu đề round/index/threshold/count/tally-public-key).",
        "{0} is not a PhieuKin tally share (no PEM block).":
            "{0} không phải là mảnh khóa kiểm phiếu của PhieuKin (không có khối PEM).",
        "{0} is not an Ed25519 public key: {1}":
            "{0} không phải là khóa công khai Ed25519: {1}",
        "{0} is not empty ({1} entries); an audit bundle goes into a new or empty folder, so that no stale file is mistaken for part of it and nothing is deleted. Nothing was written.":
            "{0} không trống ({1} mục); gói kiểm toán phải được đặt vào thư mục mới hoặc trống, để không tệp cũ nào bị nhầm là một phần của gói và không có gì bị xóa. Không có gì được ghi.",
        "{0} is not the tally key of round {1}.":
            "{0} không phải là khóa kiểm phiếu của vòng {1}.",
        "{0} is not well-formed XML (line {1}: {2}); open the file in Excel and save it again":
            "{0} không phải XML hợp lệ (dòng {1}: {2}); mở tệp bằng Excel và lưu lại",
        "text after the root element":
            "có văn bản sau phần tử gốc",
        "text before the root element":
            "có văn bản trước phần tử gốc",
        "the part ends inside an element: it was cut short":
            "phần này kết thúc khi một phần tử chưa được đóng: nó bị cắt cụt",
        "the part has no root element":
            "phần này không có phần tử gốc",
        "a CDATA section outside the root element":
            "một đoạn CDATA nằm ngoài phần tử gốc",
        "a DOCTYPE, which a workbook part never has":
            "có khai báo DOCTYPE, thứ mà một phần của sổ tính không bao giờ có",
        "a <! that starts no comment or CDATA section":
            "một dấu <! không mở đầu chú thích hay đoạn CDATA nào",
        "a second root element":
            "có phần tử gốc thứ hai",
        "elements nested deeper than {0}":
            "các phần tử lồng nhau sâu quá {0} mức",
        "a / in a tag that is not followed by >":
            "dấu / trong một thẻ không có > theo sau",
        "a tag that is never closed with >":
            "một thẻ không bao giờ được đóng bằng >",
        "attributes not separated by a space":
            "các thuộc tính không được ngăn cách bằng dấu cách",
        "an attribute given twice in one tag":
            "một thuộc tính xuất hiện hai lần trong một thẻ",
        "an end tag not closed with >":
            "thẻ đóng không kết thúc bằng >",
        "an end tag with no element to close":
            "thẻ đóng không có phần tử nào để đóng",
        "an end tag that does not match the open element":
            "thẻ đóng không khớp với phần tử đang mở",
        "an attribute without =":
            "thuộc tính thiếu dấu =",
        "an attribute value not in quotes":
            "giá trị thuộc tính không nằm trong dấu nháy",
        "an attribute value never closed":
            "giá trị thuộc tính không được đóng nháy",
        "a < inside an attribute value":
            "có dấu < trong giá trị thuộc tính",
        "an XML declaration that is not at the start of the part":
            "khai báo XML không nằm ở đầu phần này",
        "a processing instruction never closed with ?>":
            "chỉ thị xử lý không được đóng bằng ?>",
        "a comment never closed":
            "chú thích không được đóng",
        "-- inside a comment":
            "có -- bên trong chú thích",
        "a CDATA section never closed":
            "đoạn CDATA không được đóng",
        "a tag or attribute without a valid name":
            "thẻ hoặc thuộc tính không có tên hợp lệ",
        "]]> in text outside a CDATA section":
            "có ]]> trong văn bản ngoài đoạn CDATA",
        "an & that starts no reference (write &amp; for an ampersand)":
            "dấu & không mở đầu tham chiếu nào (hãy viết &amp; cho dấu &)",
        "an unknown entity (XML defines only &amp; &lt; &gt; &quot; &apos;)":
            "thực thể không xác định (XML chỉ định nghĩa &amp; &lt; &gt; &quot; &apos;)",
        "a character reference without digits":
            "tham chiếu ký tự không có chữ số",
        "a character reference with a character that is not a digit":
            "tham chiếu ký tự chứa ký tự không phải chữ số",
        "a character reference to a character XML does not allow":
            "tham chiếu ký tự tới một ký tự XML không cho phép",
        "a control character, which XML does not allow":
            "ký tự điều khiển, thứ XML không cho phép",
        "text that is not UTF-8":
            "văn bản không phải UTF-8",
        "{0} issued; they are not stored anywhere else.":
            "Đã phát {0}; không được lưu ở bất kỳ nơi nào khác.",
        "{0} issued; they are not stored anywhere else. Print the file, then delete it.":
            "Đã phát {0}; chúng không được lưu ở nơi nào khác. Hãy in tệp rồi xóa nó.",
        "{0} must be a new or empty folder for the crops.":
            "{0} phải là thư mục mới hoặc trống để chứa ảnh cắt.",
        "{0} not found.":
            "không tìm thấy {0}.",
        "{0} official":
            "{0} cán bộ",
        "{0} officials":
            "{0} cán bộ",
        "{0} page":
            "{0} trang",
        "{0} pages":
            "{0} trang",
        "{0} problem":
            "{0} vấn đề",
        "{0} problems":
            "{0} vấn đề",
        "{0} serial":
            "{0} số sê-ri",
        "{0} serials":
            "{0} số sê-ri",
        "{0} sheet":
            "{0} tờ",
        "{0} sheets":
            "{0} tờ",
        "{0} slip":
            "{0} phiếu mã",
        "{0} slips":
            "{0} phiếu mã",
        "{0} tree head":
            "{0} đầu cây",
        "{0} tree heads":
            "{0} đầu cây",
        "{0} unit":
            "{0} đơn vị",
        "{0} units":
            "{0} đơn vị",
        "{0} used serials were never issued":
            "{0} số sê-ri đã dùng chưa từng được phát",
        "{0} {1} can be read by other users (mode {2}); it must be readable by its owner only.":
            "{0} {1} có thể bị người dùng khác đọc (quyền {2}); chỉ chủ sở hữu mới được phép đọc tệp này.",
        "{0}: a decision head without a well-formed list of decisions":
            "{0}: đầu cây quyết định không có danh sách quyết định đúng định dạng",
        "{0}: a void head must not add ballots":
            "{0}: đầu cây hủy vòng không được thêm phiếu",
        "{0}: a void head without a reason":
            "{0}: đầu cây hủy vòng không có lý do",
        "{0}: a {1} head carries decisions":
            "{0}: đầu cây loại {1} lại chứa quyết định",
        "{0}: a {1} head carries serial-hash commitments":
            "{0}: đầu cây loại {1} lại chứa cam kết băm số sê-ri",
        "{0}: a {1} head without its signed batches":
            "{0}: đầu cây loại {1} không có danh sách lô đã ký",
        "{0}: a {1} head without its signed {2} serial hashes":
            "{0}: đầu cây loại {1} không có các băm số sê-ri {2} đã ký",
        "{0}: body is for log {1}, round {2}, seq {3} — not this head":
            "{0}: nội dung thuộc sổ {1}, vòng {2}, seq {3} — không phải của đầu cây này",
        "{0}: body is not a canonical version-1 tree head":
            "{0}: nội dung không phải là đầu cây phiên bản 1 ở dạng chuẩn tắc",
        "{0}: committed but the round is not tallied":
            "{0}: đã chốt nhưng vòng chưa được kiểm phiếu",
        "{0}: committed in the results log but its stored result is missing":
            "{0}: đã chốt trong sổ kết quả nhưng thiếu kết quả đã lưu",
        "{0}: it does not name the round's manifest (its hash differs or is missing)":
            "{0}: đầu cây không ghi bản kê của vòng (mã băm khác hoặc bị thiếu)",
        "{0}: it holds no workspace. If it did, restore the workspace from its backup into a new folder; PhieuKin creates a database only when a workspace is created, and nothing was changed.":
            "{0}: tại đây không có thư mục làm việc nào. Nếu trước đây có, hãy khôi phục thư mục làm việc từ bản sao lưu vào một thư mục mới; PhieuKin chỉ tạo cơ sở dữ liệu khi tạo thư mục làm việc, và không có thay đổi nào.",
        "{0}: it names a round manifest, but the round has none (it was removed)":
            "{0}: đầu cây ghi một bản kê vòng, nhưng vòng không có bản kê nào (đã bị xóa)",
        "{0}: it signs {1} {2} serial hashes, but the {3} stored ones differ from them (serial hashes were added, removed or changed)":
            "{0}: đầu cây ký {1} băm số sê-ri {2}, nhưng {3} băm đã lưu khác với chúng (băm số sê-ri đã bị thêm, xóa hoặc sửa)",
        "{0}: its batches are not a count and a SHA-256":
            "{0}: danh sách lô của đầu cây không phải là một số đếm và một SHA-256",
        "{0}: its flags do not follow from the committed results (recomputed {1}, committed {2})":
            "{0}: các cảnh báo không khớp với kết quả đã chốt (tính lại được {1}, đã chốt {2})",
        "{0}: its survey definition cannot be read to recompute the flags":
            "{0}: không đọc được định nghĩa mẫu phiếu để tính lại các cảnh báo",
        "{0}: its time \"{1}\" is not a date (YYYY-MM-DD); heads carry no finer time":
            "{0}: thời gian \"{1}\" không phải là ngày (YYYY-MM-DD); đầu cây không ghi thời gian chi tiết hơn ngày",
        "{0}: its {1} serial hashes are not a count and a SHA-256":
            "{0}: các băm số sê-ri {1} không phải là một số đếm và một SHA-256",
        "{0}: not an extension of head {1} (the log was rewritten)":
            "{0}: không phải là phần nối tiếp của đầu cây {1} (sổ đã bị ghi lại)",
        "{0}: reject {1} was already decided in tree head {2}":
            "{0}: phiếu bị giữ lại {1} đã được quyết định trong đầu cây {2}",
        "{0}: sequence numbers are not 1, 2, 3…":
            "{0}: số thứ tự không theo dãy 1, 2, 3…",
        "{0}: signed after the round was closed":
            "{0}: được ký sau khi vòng đã đóng",
        "{0}: signed after the round was voided":
            "{0}: được ký sau khi vòng đã bị hủy",
        "{0}: signs {1} accepted rejects but adds {2} ballots to the log":
            "{0}: ký {1} phiếu bị giữ lại được chấp nhận nhưng thêm {2} phiếu vào sổ",
        "{0}: signs {1} results but the log holds {2}":
            "{0}: ký {1} kết quả nhưng sổ chứa {2}",
        "{0}: size {1} but only {2} leaves are stored (leaves were deleted)":
            "{0}: kích thước {1} nhưng chỉ lưu {2} lá (lá đã bị xóa)",
        "{0}: size {1} is smaller than tree head {2}'s {3}":
            "{0}: kích thước {1} nhỏ hơn kích thước {3} của đầu cây {2}",
        "{0}: the agency signature does not verify (its body or signature was changed)":
            "{0}: chữ ký của cơ quan không hợp lệ khi kiểm tra (nội dung hoặc chữ ký đã bị thay đổi)",
        "{0}: the sealed remarks differ from the ones committed":
            "{0}: các ý kiến khác đã niêm phong khác với ý kiến đã chốt",
        "{0}: the signature is not valid":
            "{0}: chữ ký không hợp lệ",
        "{0}: the signed batches differ from the {1} stored ones (a batch or its sealed key was changed)":
            "{0}: các lô đã ký khác với {1} lô đã lưu (một lô hoặc khóa niêm phong của nó đã bị sửa)",
        "{0}: the signed body is not a results-log head":
            "{0}: nội dung đã ký không phải là đầu cây của sổ kết quả",
        "{0}: the signed void reason differs from the stored one":
            "{0}: lý do hủy đã ký khác với lý do đã lưu",
        "{0}: the stored flags differ from the ones committed in the results log":
            "{0}: các cảnh báo đã lưu khác với cảnh báo đã chốt trong sổ kết quả",
        "{0}: the stored result differs from the one committed in the results log":
            "{0}: kết quả đã lưu khác với kết quả đã chốt trong sổ kết quả",
        "{0}: the stored result points at another leaf":
            "{0}: kết quả đã lưu trỏ tới một lá khác",
        "{0}: the stored results log does not match the signed root":
            "{0}: sổ kết quả đã lưu không khớp với gốc đã ký",
        "{0}: tree heads are not numbered 1, 2, … (expected {1})":
            "{0}: đầu cây không được đánh số theo dãy 1, 2, … (cần {1})",
        "{0}: voided in the results log but the stored round is not voided so":
            "{0}: đã hủy trong sổ kết quả nhưng vòng đã lưu không bị hủy như vậy",
        "{0}: {1} today ({2}), {3} in all":
            "{0}: hôm nay {1} ({2}), tổng cộng {3}",
        "{0}: {1}; nothing was imported.":
            "{0}: {1}; chưa nhập gì.",
        "{0}:{1}: the header is not UTF-8 text; nothing was imported.":
            "{0}:{1}: dòng tiêu đề không phải văn bản UTF-8; không có phiếu nào được nhập.",
        "{0}:{1}: {2}; nothing was imported.":
            "{0}:{1}: {2}; không có phiếu nào được nhập.",
        "{0}; check the disk it is on (nothing was changed)":
            "{0}; hãy kiểm tra ổ đĩa chứa tệp này (không có thay đổi nào)",
        "{0}; nothing was imported.":
            "{0}; không có phiếu nào được nhập.",
        "(--mark for each box marked on the paper, none for a blank sheet; SERIAL as printed on the sheet)":
            "(--mark cho mỗi ô có đánh dấu trên phiếu giấy, không có --mark nào nếu là phiếu trắng; SERIAL là số sê-ri in trên phiếu)",
        "(--remark: the remark typed from the paper; \"\" if the writing is not a remark)":
            "(--remark: ý kiến gõ lại đúng như trên phiếu giấy; \"\" nếu nét viết không phải là ý kiến)",
        "An undecided box blank on the paper, as question=code; repeat.":
            "Một ô chưa quyết định mà trên phiếu giấy để trống, dạng câu_hỏi=mã; lặp lại cho mỗi ô.",
        "An undecided box marked on the paper, as question=code; repeat.":
            "Một ô chưa quyết định mà trên phiếu giấy có đánh dấu, dạng câu_hỏi=mã; lặp lại cho mỗi ô.",
        "Check each undecided box on the paper and give it as --mark (marked) or --blank (blank):":
            "Xem từng ô chưa quyết định trên phiếu giấy và ghi --mark (có đánh dấu) hoặc --blank (để trống):",
        "Check the box on the paper; if it is marked:":
            "Xem ô này trên phiếu giấy; nếu có đánh dấu:",
        "Check the paper, then:":
            "Đối chiếu phiếu giấy, rồi gõ:",
        "if it is blank:":
            "nếu để trống:",
        "Decide a quarantined scanned sheet from the paper (phieukin scan review shows how).":
            "Quyết định một tờ phiếu quét đang chờ xử lý theo phiếu giấy (phieukin scan review chỉ cách).",
        "Each sheet is read again from the scan the quarantine names (nothing of a scan is stored): the boxes read as marked, by official and criterion, the undecided ones and why, and the phieukin scan accept command that finishes it once the paper is checked. With --crops DIR, each undecided box is also written to DIR as a PNG.":
            "Mỗi tờ phiếu được đọc lại từ bản quét ghi trong khu chờ xử lý (không lưu gì của bản quét): các ô đọc được là có đánh dấu, theo cán bộ và tiêu chí, các ô chưa quyết định và lý do, và lệnh phieukin scan accept để xử lý xong sau khi đối chiếu phiếu giấy. Khi có --crops DIR, mỗi ô chưa quyết định còn được ghi vào DIR dưới dạng ảnh PNG.",
        "List scanned sheets waiting for a teller: what was read, what is undecided, the command to finish.":
            "Liệt kê các tờ phiếu quét chờ tổ kiểm phiếu: những gì đã đọc được, ô nào chưa quyết định, lệnh để xử lý xong.",
        "Read as marked (kept as read):":
            "Đọc được là có đánh dấu (giữ nguyên như đã đọc):",
        "Scan every page of this sheet again, then discard this copy:":
            "Quét lại mọi trang của tờ phiếu này, rồi loại bỏ bản đang chờ:",
        "The scan cannot be used as read: {0}. Read every box on the paper:":
            "Không dùng được bản quét như đã đọc: {0}. Đọc mọi ô trên phiếu giấy:",
        "The serial printed on the sheet, only when its QR code could not be read.":
            "Số sê-ri in trên tờ phiếu, chỉ khi không đọc được mã QR của nó.",
        "The sheet is read again from its scan: the boxes read clearly stay as read, and each undecided box is decided with --mark question=code (marked on the paper) or --blank question=code (blank on the paper). When the scan cannot be used (its QR code or registration squares unreadable), every box marked on the paper is given with --mark, and in a numbered round the serial with --serial. Writing in the remark box is typed with --remark. The sheet is imported as one ballot with the usual checks, and the quarantined scan is discarded with the reason (signed). A decision that is refused changes nothing.":
            "Tờ phiếu được đọc lại từ bản quét: các ô đọc rõ giữ nguyên, mỗi ô chưa quyết định được quyết định bằng --mark câu_hỏi=mã (có đánh dấu trên phiếu giấy) hoặc --blank câu_hỏi=mã (để trống trên phiếu giấy). Khi không dùng được bản quét (không đọc được mã QR hoặc các ô định vị), mọi ô có đánh dấu trên phiếu giấy được ghi bằng --mark, và với vòng có số sê-ri thì ghi số sê-ri bằng --serial. Nét viết trong ô ý kiến được gõ lại bằng --remark. Tờ phiếu được nhập thành một phiếu qua các bước kiểm tra thông thường, và bản quét đang chờ được loại bỏ kèm lý do (có ký số). Quyết định bị từ chối thì không thay đổi gì.",
        "a box could not be decided: {0}":
            "có ô chưa quyết định được: {0}",
        "a box could not be decided: {0} (and {1} more)":
            "có ô chưa quyết định được: {0} (và {1} ô khác)",
        "crossed-out box — perhaps a correction":
            "ô bị gạch — có thể là sửa lại",
        "faint box — perhaps a pencil mark":
            "ô mờ — có thể là dấu bút chì",
        "the mark runs over the box outline":
            "dấu tràn ra ngoài viền ô",
        "several boxes marked where one answer is allowed":
            "nhiều ô được đánh dấu ở câu chỉ được chọn một",
        "page {0} of sheet #{1} was not scanned: scan every page of the sheet again, then discard this copy; nothing was changed.":
            "trang {0} của tờ phiếu #{1} chưa được quét: hãy quét lại mọi trang của tờ phiếu, rồi loại bỏ bản này; không có thay đổi nào.",
        "sheet #{0} has writing in its remark box: type the remark from the paper (empty if it is not a remark); nothing was changed.":
            "tờ phiếu #{0} có nét viết trong ô ý kiến: hãy gõ lại ý kiến theo phiếu giấy (để rỗng nếu đó không phải là ý kiến); không có thay đổi nào.",
        "sheet #{0} still has {1} undecided box(es): {2} — decide each one as marked or blank from the paper; nothing was changed.":
            "tờ phiếu #{0} còn {1} ô chưa quyết định: {2} — hãy quyết định từng ô là có đánh dấu hay để trống theo phiếu giấy; không có thay đổi nào.",
        "the QR code of sheet #{0} could not be read, so its serial must be typed from the paper; nothing was changed.":
            "không đọc được mã QR của tờ phiếu #{0}, nên phải gõ số sê-ri theo phiếu giấy; không có thay đổi nào.",
        "the remark box of sheet #{0} was read empty: a remark is typed only where the scan found writing; nothing was changed.":
            "ô ý kiến của tờ phiếu #{0} được đọc là trống: chỉ gõ ý kiến khi bản quét thấy có nét viết; không có thay đổi nào.",
        "the scan of sheet #{0} cannot be used as read, so a decision gives only the boxes marked on the paper (every other box is blank), none as blank; nothing was changed.":
            "không dùng được bản quét của tờ phiếu #{0} như đã đọc, nên quyết định chỉ ghi các ô có đánh dấu trên phiếu giấy (mọi ô khác là để trống), không ghi ô nào là để trống; không có thay đổi nào.",
        "the serial typed is not the one in the QR code of sheet #{0}: check the paper (the serial is read from the QR code, it need not be typed); nothing was changed.":
            "số sê-ri đã gõ không khớp với mã QR của tờ phiếu #{0}: hãy đối chiếu phiếu giấy (số sê-ri được đọc từ mã QR, không cần gõ); không có thay đổi nào.",
        "{0} is given both as marked and as blank; nothing was changed.":
            "{0} được ghi vừa là có đánh dấu vừa là để trống; không có thay đổi nào.",
        "{0} is not an undecided box of sheet #{1}: only the undecided boxes are decided here, the others stay as read; nothing was changed.":
            "{0} không phải là ô chưa quyết định của tờ phiếu #{1}: ở đây chỉ quyết định các ô chưa quyết định, các ô khác giữ nguyên như đã đọc; không có thay đổi nào.",
        "{0} takes question=code, as phieukin scan review names the box":
            "{0} cần dạng câu_hỏi=mã, như phieukin scan review ghi tên ô",
        "{0}; nothing was changed.":
            "{0}; không có thay đổi nào.",
        "the quarantine no longer names the scan of this sheet":
            "khu chờ xử lý không còn ghi bản quét của tờ phiếu này",
        "the scan {0} is no longer there as it was scanned":
            "bản quét {0} không còn như lúc được quét",
        "{0} electronic batches: electronic ballots enter the log as one batch at close (several batches are arrival windows)":
            "{0} đợt phiếu điện tử: phiếu điện tử chỉ vào sổ phiếu thành một đợt khi đóng vòng (nhiều đợt sẽ để lộ khoảng thời gian đến)",
    ]
}
