extension MessageCatalogue {
    /// The voting booth, the kiosk and receipts.
    static let booth: [String: String] = [:]
}
