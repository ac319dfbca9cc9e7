extension MessageCatalogue {
    /// Documents: reports, tally minutes, printed ballots and slips.
    static let documents: [String: String] = [:]
}
