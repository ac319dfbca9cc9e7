extension MessageCatalogue {
    /// Rosters: import from CSV and Excel, the roster template.
    static let rosters: [String: String] = [:]
}
