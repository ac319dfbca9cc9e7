/// The Vietnamese of every message PhieuKin shows: the one place to change wording.
///
/// Each key is a message's English text as written in the code, with `{0}`, `{1}`… where the
/// code interpolates values; the value is the Vietnamese, which may reorder the placeholders.
/// `MessageCatalogueTests` reads every message literal in `Sources/` and fails if one has no
/// entry here or an entry drops or invents a placeholder. A key with no entry shows in English.
public enum MessageCatalogue {
    public static let vietnamese: [String: String] = [
        "{0}": "{0}"
    ]
}
