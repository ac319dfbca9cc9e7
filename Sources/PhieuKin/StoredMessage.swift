import Foundation
public import PhieuKinMessages

/// A message kept in the workspace (a quarantined ballot's reason) so that it can be shown later
/// in either language: its key and arguments as a JSON array `["key", "arg", ["nested key", …]]`,
/// or the bare key when it has no arguments. Text that is not such an array (written by an older
/// version) reads back as a key, shown as is unless the catalogue knows it.
extension Message {
    var stored: String {
        guard !arguments.isEmpty,
            let data = try? JSONSerialization.data(withJSONObject: Self.array(self), options: [.withoutEscapingSlashes])
        else { return key }
        return String(decoding: data, as: UTF8.self)
    }

    init(stored text: String) {
        if text.hasPrefix("[\""), let array = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [Any],
            let message = Self.message(array)
        {
            self = message
        } else {
            self.init(key: text)
        }
    }

    private static func array(_ message: Message) -> [Any] {
        [message.key]
            + message.arguments.map { argument -> Any in
                switch argument {
                case .text(let text): text
                case .message(let nested): array(nested)
                }
            }
    }

    private static func message(_ array: [Any]) -> Message? {
        guard let key = array.first as? String else { return nil }
        var arguments: [Argument] = []
        for item in array.dropFirst() {
            if let text = item as? String {
                arguments.append(.text(text))
            } else if let nested = item as? [Any], let message = message(nested) {
                arguments.append(.message(message))
            } else {
                return nil
            }
        }
        return Message(key: key, arguments: arguments)
    }
}
