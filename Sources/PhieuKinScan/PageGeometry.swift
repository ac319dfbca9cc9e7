/// What the engine needs to know about one printed page, in millimetres from the top-left corner
/// of the sheet (y downwards), as docs/BALLOT-LAYOUT.md gives them. The caller builds it from the
/// layout the page's QR code names; the engine knows nothing of surveys or rounds.
public struct PageGeometry: Sendable, Hashable {
    /// A rectangle on the page, in millimetres.
    public struct Rect: Sendable, Hashable {
        public var x: Double
        public var y: Double
        public var width: Double
        public var height: Double
        public init(x: Double, y: Double, width: Double, height: Double) {
            self.x = x
            self.y = y
            self.width = width
            self.height = height
        }
        public var midX: Double { x + width / 2 }
        public var midY: Double { y + height / 2 }
    }

    /// One answer box: question `id` (an official × criterion cell's question, or a survey
    /// question) and the answer `code` a mark in it means.
    public struct Box: Sendable, Hashable {
        public var id: String
        public var code: String
        public var rect: Rect
        public init(id: String, code: String, rect: Rect) {
            self.id = id
            self.code = code
            self.rect = rect
        }
    }

    /// How boxes are printed: squares (`checkboxes`) or circles (`single-choice`).
    public enum Shape: String, Sendable, Hashable {
        case square
        case circle
    }

    /// Page size (A4 portrait by default).
    public var width: Double
    public var height: Double
    /// The four registration squares: top-left, top-right, bottom-left, bottom-right.
    public var registration: [Rect]
    /// The QR boxes (quiet zone included): top-right, bottom-left.
    public var qr: [Rect]
    public var boxes: [Box]
    public var shape: Shape
    /// Line width of the printed box outlines.
    public var stroke: Double
    /// True when a question takes one answer (single-choice rows, survey questions): two marked
    /// boxes with the same `id` are then sent to review.
    public var oneAnswerPerQuestion: Bool
    /// The free-text remark box, on the last page of a sheet only.
    public var remark: Rect?
    /// The printed label inside the remark box, ignored when looking for writing.
    public var remarkLabel: Rect?

    /// The A4 ballot page of docs/BALLOT-LAYOUT.md (layout version 1): registration squares and
    /// QR boxes at their documented places, 0.35 mm outlines.
    public init(
        boxes: [Box], shape: Shape = .square, oneAnswerPerQuestion: Bool = false, remark: Rect? = nil,
        remarkLabel: Rect? = nil
    ) {
        width = 210
        height = 297
        registration = [
            Rect(x: 10, y: 10, width: 8, height: 8), Rect(x: 192, y: 10, width: 8, height: 8),
            Rect(x: 10, y: 279, width: 8, height: 8), Rect(x: 192, y: 279, width: 8, height: 8),
        ]
        qr = [Rect(x: 163, y: 10, width: 25, height: 25), Rect(x: 22, y: 262, width: 25, height: 25)]
        self.boxes = boxes
        self.shape = shape
        stroke = 0.35
        self.oneAnswerPerQuestion = oneAnswerPerQuestion
        self.remark = remark
        self.remarkLabel = remarkLabel ?? remark.map { Rect(x: $0.x, y: $0.y, width: 90, height: 4.5) }
    }
}
