extension MessageCatalogue {
    /// Command-line help and output of every command.
    static let interface: [String: String] = [:]
}
