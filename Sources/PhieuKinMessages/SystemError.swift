#if canImport(Glibc)
    internal import Glibc
#elseif canImport(Darwin)
    internal import Darwin
#endif

extension Message {
    /// The operating system's reason for an `errno` value, as a message: its English text (what
    /// `strerror` says) is the key, so the common ones read in Vietnamese too (the catalogue's
    /// `interface` part).
    public static func systemError(_ code: Int32) -> Message {
        Message(key: String(cString: strerror(code)))
    }
}
