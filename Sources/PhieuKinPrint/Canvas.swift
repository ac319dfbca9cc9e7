internal import CPangoCairo
internal import CQREncode
import PhieuKinMessages

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// PDF points per millimetre: every geometry constant is in mm, cairo's PDF user space in points.
let pointsPerMillimetre = 72.0 / 25.4

@inline(__always) func pt(_ millimetres: Double) -> Double { millimetres * pointsPerMillimetre }

/// The fonts: DejaVu covers every Vietnamese precomposed letter, so pango never falls back
/// to another family and diacritics stay aligned with their base letters. Official documents
/// (tally minutes, the leaders' report) are set in Liberation Serif: metric-compatible with Times
/// New Roman, which Nghị định 30/2020 names, with the same full Vietnamese coverage (Debian
/// fonts-liberation2).
enum Fonts {
    static let serif = "Liberation Serif"
    static let serifBold = "Liberation Serif Bold"
    static let serifItalic = "Liberation Serif Italic"
    static let serifBoldItalic = "Liberation Serif Bold Italic"
    static let sans = "DejaVu Sans"
    static let sansBold = "DejaVu Sans Bold"
    static let mono = "DejaVu Sans Mono"
    static let monoBold = "DejaVu Sans Mono Bold"
}

/// One A4 PDF being written: owns the cairo surface, the single cairo context drawn through
/// for every page, and the pango context all text layouts share.
///
/// The file is written to a sibling temporary file that this canvas creates itself (a unique
/// name, `O_CREAT | O_EXCL`, mode 0600 whatever the umask), and renamed into place by
/// `finish()`, so a failed run never leaves a truncated PDF where the caller expects a complete
/// one and never truncates or deletes a file someone else made. Replacing `path` itself is the
/// caller's decision: PhieuKin's workflows always pass a temporary file of their own.
final class PDFCanvas {
    let surface: OpaquePointer
    let pen: Pen
    let pango: OpaquePointer
    let path: String
    private let temporaryPath: String
    private var fd: Int32
    private var finished = false
    private(set) var pages = 0

    init(path: String, title: String) throws(PrintError) {
        self.path = path
        var fd: Int32 = -1
        var temporaryPath = ""
        for _ in 0..<16 {
            temporaryPath = path + ".\(String(UInt64.random(in: 0...UInt64.max), radix: 16)).partial"
            fd = open(temporaryPath, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
            if fd >= 0 || errno != EEXIST { break }
        }
        guard fd >= 0 else {
            throw PrintError.cannotWrite(
                path: path, cairoStatus: "cannot create a file beside it: \(String(cString: strerror(errno)))")
        }
        fchmod(fd, 0o600)
        self.fd = fd
        self.temporaryPath = temporaryPath
        // The fd travels in the closure pointer (offset by one so that fd 0 is not a null pointer).
        let surface = cairo_pdf_surface_create_for_stream(
            { closure, data, length in
                let fd = Int32(Int(bitPattern: closure) - 1)
                var offset = 0
                while offset < Int(length) {
                    let n = write(fd, data! + offset, Int(length) - offset)
                    if n < 0 && errno == EINTR { continue }
                    guard n > 0 else { return CAIRO_STATUS_WRITE_ERROR }
                    offset += n
                }
                return CAIRO_STATUS_SUCCESS
            }, UnsafeMutableRawPointer(bitPattern: Int(fd) + 1), pt(BallotLayout.pageWidth),
            pt(BallotLayout.pageHeight))!
        let status = cairo_surface_status(surface)
        guard status == CAIRO_STATUS_SUCCESS else {
            cairo_surface_destroy(surface)
            close(fd)
            unlink(temporaryPath)
            throw PrintError.cannotWrite(path: path, cairoStatus: String(cString: cairo_status_to_string(status)))
        }
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, title)
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "PhieuKin")
        self.surface = surface
        self.pen = Pen(surface: surface)
        self.pango = pango_cairo_create_context(pen.cr)!
        // Points in, points out: PDF user space is 72 dpi, pango's default is 96.
        pango_cairo_context_set_resolution(pango, 72)
        // Unhinted metrics: the same text has the same width at every zoom and on every printer.
        let options = cairo_font_options_create()
        cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF)
        cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE)
        pango_cairo_context_set_font_options(pango, options)
        cairo_font_options_destroy(options)
    }

    deinit {
        g_object_unref(UnsafeMutableRawPointer(pango))
        cairo_surface_destroy(surface)
        if fd >= 0 { close(fd) }
        if !finished { unlink(temporaryPath) }  // the canvas's own temporary file
    }

    func check(_ what: String) throws(PrintError) {
        let status = cairo_status(pen.cr)
        guard status == CAIRO_STATUS_SUCCESS else { throw error(status, what) }
    }

    private func error(_ status: cairo_status_t, _ what: String) -> PrintError {
        let text = String(cString: cairo_status_to_string(status))
        if status == CAIRO_STATUS_WRITE_ERROR || status == CAIRO_STATUS_NO_MEMORY {
            return .cannotWrite(path: path, cairoStatus: text)
        }
        return .renderingFailed("\(what): cairo: \(text)")
    }

    func showPage() {
        cairo_show_page(pen.cr)
        pages += 1
    }

    /// Flushes the PDF, checks for write errors, moves it into place and returns its size.
    func finish() throws(PrintError) -> Int {
        try check("drawing")
        cairo_surface_finish(surface)
        let status = cairo_surface_status(surface)
        guard status == CAIRO_STATUS_SUCCESS else { throw error(status, "finishing the PDF") }
        let synced = fsync(fd) == 0 || errno == EINVAL
        let closed = close(fd) == 0
        fd = -1
        guard synced, closed else {
            let reason = String(cString: strerror(errno))
            throw PrintError.cannotWrite(path: path, cairoStatus: "closing the file failed: \(reason)")
        }
        guard rename(temporaryPath, path) == 0 else {
            let reason = String(cString: strerror(errno))
            throw PrintError.cannotWrite(path: path, cairoStatus: "rename failed: \(reason)")
        }
        finished = true
        var info = stat()
        guard stat(path, &info) == 0 else {
            throw PrintError.cannotWrite(path: path, cairoStatus: "cannot stat the written file")
        }
        return Int(info.st_size)
    }
}

/// Drawing in millimetres through one cairo context (the PDF's, or a page template's).
final class Pen {
    let cr: OpaquePointer

    init(surface: OpaquePointer) { cr = cairo_create(surface)! }

    deinit { cairo_destroy(cr) }

    func setGray(_ level: Double) { cairo_set_source_rgb(cr, level, level, level) }

    func rectangle(_ r: MMRect) { cairo_rectangle(cr, pt(r.x), pt(r.y), pt(r.width), pt(r.height)) }

    func circle(in r: MMRect) {
        cairo_new_sub_path(cr)
        cairo_arc(cr, pt(r.midX), pt(r.midY), pt(r.width / 2), 0, 2 * Double.pi)
    }

    func line(_ x0: Double, _ y0: Double, _ x1: Double, _ y1: Double) {
        cairo_move_to(cr, pt(x0), pt(y0))
        cairo_line_to(cr, pt(x1), pt(y1))
    }

    func fill() { cairo_fill(cr) }

    func stroke(width: Double, dash: Double? = nil) {
        cairo_set_line_width(cr, pt(width))
        if let dash {
            var pattern = [pt(dash), pt(dash)]
            cairo_set_dash(cr, &pattern, 2, 0)
        }
        cairo_stroke(cr)
        if dash != nil { cairo_set_dash(cr, nil, 0, 0) }
    }

    /// Draws a QR symbol centred in `box` (which includes the quiet zone): one rectangle per
    /// run of dark modules, one fill for the whole symbol. Module size and origin are snapped to
    /// 1/4 pt so the PDF path operators stay short and compress well.
    func draw(_ symbol: QRSymbol, in box: MMRect) {
        let geometry = QRGeometry(symbolWidth: symbol.width, box: box)
        let module = geometry.modulePoints
        let originX = geometry.originPoints.x
        let originY = geometry.originPoints.y
        setGray(0)
        let width = symbol.width
        for row in 0..<width {
            var column = 0
            while column < width {
                guard symbol.isDark(column, row) else {
                    column += 1
                    continue
                }
                let start = column
                while column < width, symbol.isDark(column, row) { column += 1 }
                cairo_rectangle(
                    cr, originX + Double(start) * module, originY + Double(row) * module,
                    Double(column - start) * module, module)
            }
        }
        fill()
    }

    /// Draws `block` with its top-left at (`x`, `y`) mm.
    func show(_ block: TextBlock, x: Double, y: Double) {
        cairo_move_to(cr, pt(x), pt(y))
        pango_cairo_show_layout(cr, block.layout)
    }

    /// Paints a recorded template with its origin at (`x`, `y`) mm.
    func paint(_ template: PageTemplate, x: Double = 0, y: Double = 0) {
        cairo_set_source_surface(cr, template.surface, pt(x), pt(y))
        cairo_paint(cr)
    }
}

/// The static part of a page (everything but serial and QR), recorded once per document and
/// painted on every sheet: cairo's PDF backend writes it once as a form XObject that every
/// page references, which keeps pages small and rendering fast.
final class PageTemplate {
    let surface: OpaquePointer

    init(
        width: Double = BallotLayout.pageWidth, height: Double = BallotLayout.pageHeight, _ draw: (Pen) -> Void
    ) throws(PrintError) {
        var extents = cairo_rectangle_t(x: 0, y: 0, width: pt(width), height: pt(height))
        surface = cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA, &extents)!
        let pen = Pen(surface: surface)
        draw(pen)
        let status = cairo_status(pen.cr)
        guard status == CAIRO_STATUS_SUCCESS else {
            throw PrintError.renderingFailed(
                "recording a page: cairo: \(String(cString: cairo_status_to_string(status)))")
        }
    }

    deinit { cairo_surface_destroy(surface) }
}

/// Where a QR symbol's modules go inside a QR box.
///
/// module = floor(4 · boxPoints / (width + 8)) / 4 pt (8 = two 4-module quiet zones), and the
/// symbol's top-left dark-module corner is the box centre minus half the symbol, floored to
/// 1/4 pt. See docs/BALLOT-LAYOUT.md.
struct QRGeometry {
    let modulePoints: Double
    let originPoints: (x: Double, y: Double)

    init(symbolWidth: Int, box: MMRect) {
        let quiet = BallotLayout.qrQuietModules
        modulePoints = (4 * pt(box.width) / Double(symbolWidth + 2 * quiet)).rounded(.down) / 4
        let half = modulePoints * Double(symbolWidth) / 2
        originPoints = (
            ((pt(box.midX) - half) * 4).rounded(.down) / 4, ((pt(box.midY) - half) * 4).rounded(.down) / 4
        )
    }
}

/// A pango font description (family, weight, size in points).
final class FontDescription {
    let pointer: OpaquePointer
    init(_ family: String, size: Double) {
        pointer = pango_font_description_from_string(family)!
        pango_font_description_set_size(pointer, Int32((size * Double(PANGO_SCALE)).rounded()))
    }
    deinit { pango_font_description_free(pointer) }
}

/// One pango layout: a block of text shaped once and drawn any number of times.
///
/// Static texts (names, headers, page footers) are shaped once per document and replayed on
/// every sheet; only the serial is re-shaped per sheet, in one reused layout.
final class TextBlock {
    let layout: OpaquePointer

    enum Alignment { case left, center, right }

    /// - Parameters:
    ///   - width: wrap/alignment width in mm; nil for a single unbounded line.
    ///   - maxLines: lines kept when wrapping; the last one is ellipsized.
    init(
        _ canvas: PDFCanvas, text: String = "", font: FontDescription, width: Double?, maxLines: Int = 1,
        alignment: Alignment = .left
    ) {
        layout = pango_layout_new(canvas.pango)!
        pango_layout_set_font_description(layout, font.pointer)
        if let width {
            pango_layout_set_width(layout, Int32((pt(width) * Double(PANGO_SCALE)).rounded(.down)))
            pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR)
            pango_layout_set_ellipsize(layout, PANGO_ELLIPSIZE_END)
            pango_layout_set_height(layout, Int32(-max(1, maxLines)))
        }
        switch alignment {
        case .left: pango_layout_set_alignment(layout, PANGO_ALIGN_LEFT)
        case .center: pango_layout_set_alignment(layout, PANGO_ALIGN_CENTER)
        case .right: pango_layout_set_alignment(layout, PANGO_ALIGN_RIGHT)
        }
        setText(text)
    }

    deinit { g_object_unref(UnsafeMutableRawPointer(layout)) }

    func setText(_ text: String) { pango_layout_set_text(layout, text, -1) }

    /// Logical size in mm (ink may reach slightly beyond, e.g. stacked diacritics).
    var size: (width: Double, height: Double) {
        var w: Int32 = 0
        var h: Int32 = 0
        pango_layout_get_size(layout, &w, &h)
        return (
            Double(w) / Double(PANGO_SCALE) / pointsPerMillimetre, Double(h) / Double(PANGO_SCALE) / pointsPerMillimetre
        )
    }

    /// Width of the widest line as shaped, in mm, ignoring the wrap width.
    var inkWidth: Double {
        var ink = PangoRectangle()
        var logical = PangoRectangle()
        pango_layout_get_extents(layout, &ink, &logical)
        return Double(logical.width) / Double(PANGO_SCALE) / pointsPerMillimetre
    }

    var isEllipsized: Bool { pango_layout_is_ellipsized(layout) != 0 }

}

/// An encoded QR symbol, owned until drawn.
final class QRSymbol {
    private let code: UnsafeMutablePointer<QRcode>
    let width: Int

    /// Encodes `payload` at error-correction level Q, case-sensitive 8-bit mode (libqrencode may
    /// still put digit runs in numeric mode, which every reader decodes the same).
    init(_ payload: String) throws(PrintError) {
        guard let code = QRcode_encodeString(payload, 0, QR_ECLEVEL_Q, QR_MODE_8, 1) else {
            throw PrintError.renderingFailed("libqrencode could not encode a \(payload.utf8.count)-byte payload")
        }
        self.code = code
        self.width = Int(code.pointee.width)
    }

    deinit { QRcode_free(code) }

    var version: Int { Int(code.pointee.version) }

    /// Bit 0 of each module byte is "dark".
    @inline(__always) func isDark(_ x: Int, _ y: Int) -> Bool { code.pointee.data[y * width + x] & 1 != 0 }
}
