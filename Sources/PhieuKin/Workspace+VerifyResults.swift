import PhieuKinCore

extension Workspace {
    /// The results log's checks for `phieukin verify` (issue 5 fills this in: recompute the
    /// results root, check each results tree head's signature and consistency, and that every
    /// `result` row is in the log). Append findings to `report.otherProblems` and a line to
    /// `report.checked`.
    func verifyResultsLog(into report: inout VerificationReport) throws {}
}
