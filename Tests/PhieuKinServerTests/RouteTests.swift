import Testing

@testable import PhieuKinServer

@Suite("Routes") struct RouteTests {}
