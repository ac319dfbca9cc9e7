import PhieuKinCore

/// What the heading of an official document (Nghị định 30/2020/NĐ-CP) needs to know about the
/// agency besides its name: whether it is a state or a Party body (which title heads the page),
/// the superior agency printed above its name (cơ quan chủ quản) and the place name (địa danh)
/// before the date.
///
/// Kept in the workspace's meta table, set when the workspace is created. A workspace made
/// before these existed reads as a state body with no superior agency and no place name: its
/// documents get the national title and leave a dotted place for the clerk to fill in.
public struct AgencyProfile: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// State bodies: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" and the motto.
        case state
        /// Party bodies: "ĐẢNG CỘNG SẢN VIỆT NAM" (Hướng dẫn 36-HD/VPTW).
        case party
    }

    public var kind: Kind
    /// The superior agency (cơ quan chủ quản), e.g. "UBND QUẬN BA ĐÌNH"; nil when none.
    public var superior: String?
    /// The place name before the date, e.g. "Ba Đình"; nil leaves it for the clerk.
    public var place: String?

    public init(kind: Kind = .state, superior: String? = nil, place: String? = nil) {
        self.kind = kind
        self.superior = superior.flatMap { $0.isEmpty ? nil : $0.nfc }
        self.place = place.flatMap { $0.isEmpty ? nil : $0.nfc }
    }

    static let kindKey = "agencyKind"
    static let superiorKey = "superiorAgency"
    static let placeKey = "placeName"
}

extension WorkspaceService {
    /// The agency's document heading settings, with the defaults above for older workspaces.
    var agencyProfile: AgencyProfile {
        AgencyProfile(
            kind: ((try? store.meta(AgencyProfile.kindKey)) ?? nil).flatMap(AgencyProfile.Kind.init(rawValue:))
                ?? .state,
            superior: (try? store.meta(AgencyProfile.superiorKey)) ?? nil,
            place: (try? store.meta(AgencyProfile.placeKey)) ?? nil)
    }
}

extension Workspace {
    /// The agency's document heading settings (defaults for a workspace made before they existed).
    public var agencyProfile: AgencyProfile { reports.agencyProfile }

    /// Replaces the document heading settings (a workspace made before they existed, or an agency
    /// renamed or moved under another body). Only later documents change: nothing signed does.
    public func setAgencyProfile(_ profile: AgencyProfile) throws {
        try Self.checkNames(profile)
        try store.setMeta(AgencyProfile.kindKey, profile.kind.rawValue)
        try store.setMeta(AgencyProfile.superiorKey, profile.superior ?? "")
        try store.setMeta(AgencyProfile.placeKey, profile.place ?? "")
    }

    /// Refuses invisible text-direction controls in the names a heading prints.
    static func checkNames(_ profile: AgencyProfile, agency: String = "") throws {
        if let scalar = BidiControls.first(in: agency) {
            throw PhieuKinError.invalidInput(
                "the agency name contains the invisible text-direction control \(BidiControls.name(scalar)), which can make the name display differently from what is stored; type the name again without it."
            )
        }
        if let scalar = BidiControls.first(in: profile.superior ?? "") {
            throw PhieuKinError.invalidInput(
                "the superior agency's name contains the invisible text-direction control \(BidiControls.name(scalar)), which can make the name display differently from what is stored; type the name again without it."
            )
        }
        if let scalar = BidiControls.first(in: profile.place ?? "") {
            throw PhieuKinError.invalidInput(
                "the place name contains the invisible text-direction control \(BidiControls.name(scalar)), which can make the name display differently from what is stored; type the name again without it."
            )
        }
    }
}
