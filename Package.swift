// swift-tools-version:6.1
import PackageDescription

/// Layers, bottom to top: C system libraries → PhieuKinCrypto → PhieuKinCore → PhieuKinStorage
/// (the storage protocol) → PhieuKinStore (SQLite) / PhieuKinPrint / PhieuKinScan / PhieuKinSheets
/// (adapters) → PhieuKin
/// (workflows) → phieukin (CLI). A module imports only modules below it (docs/ARCHITECTURE.md).
let package = Package(
    name: "PhieuKin",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "phieukin", targets: ["phieukin"]),
        .executable(name: "phieukin-bench", targets: ["phieukin-bench"]),
        .library(name: "PhieuKin", targets: ["PhieuKin"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.3"),
        .package(url: "https://github.com/apple/swift-nio-extras", from: "1.35.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
    ],
    targets: [
        // MARK: C system libraries (module maps and shims only)
        .systemLibrary(
            name: "COpenSSL",
            pkgConfig: "libcrypto",
            providers: [.apt(["libssl-dev"])]
        ),
        .systemLibrary(
            name: "CPangoCairo",
            pkgConfig: "pangocairo",
            providers: [.apt(["libpango1.0-dev", "libcairo2-dev"])]
        ),
        .systemLibrary(
            name: "CQREncode",
            pkgConfig: "libqrencode",
            providers: [.apt(["libqrencode-dev"])]
        ),
        .systemLibrary(
            name: "CLeptonica",
            pkgConfig: "lept",
            providers: [.apt(["libleptonica-dev"])]
        ),
        .systemLibrary(
            name: "CZBar",
            pkgConfig: "zbar",
            providers: [.apt(["libzbar-dev"])]
        ),
        .systemLibrary(
            name: "CMinizip",
            pkgConfig: "minizip",
            providers: [.apt(["libminizip-dev"])]
        ),
        .systemLibrary(
            name: "CXLSXWriter",
            pkgConfig: "xlsxwriter",
            providers: [.apt(["libxlsxwriter-dev"])]
        ),

        // MARK: Messages: every sentence a person reads, and its Vietnamese (MessageCatalogue)
        .target(name: "PhieuKinMessages"),

        // MARK: Crypto: the only module that touches OpenSSL
        .target(name: "PhieuKinCrypto", dependencies: ["COpenSSL", "PhieuKinMessages"]),

        // MARK: Domain
        .target(
            name: "PhieuKinCore",
            dependencies: ["PhieuKinMessages", "PhieuKinCrypto", .product(name: "Yams", package: "Yams")]
        ),

        // MARK: Storage: what the workflows need from storage (a protocol and the values it speaks)
        .target(
            name: "PhieuKinStorage", dependencies: ["PhieuKinMessages", "PhieuKinCore"]
        ),

        // MARK: Adapters
        // SQLite storage: the only module that touches SQLite (GRDB), kept to itself
        // (`internal import GRDB`).
        .target(
            name: "PhieuKinStore",
            dependencies: [
                "PhieuKinMessages", "PhieuKinStorage", "PhieuKinCore", "PhieuKinCrypto",
                .product(name: "GRDB", package: "GRDB.swift"),
                // sqlite3_serialize, for a backup made in memory (Store+Backup.swift).
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ]
        ),
        .target(name: "PhieuKinPrint", dependencies: ["PhieuKinMessages", "PhieuKinCore", "CPangoCairo", "CQREncode"]),
        // Scanned paper ballots: the only module that touches leptonica and zbar (`internal import`);
        // page images in, decided boxes out. Knows nothing of surveys, rounds or the printer.
        // Compiled optimised in debug builds too: its per-pixel loops are 10× slower at -Onone, and
        // the test suite reads 2,000 generated sheets (Tests/PhieuKinScanTests/ScanMixTests.swift).
        .target(
            name: "PhieuKinScan", dependencies: ["PhieuKinMessages", "CLeptonica", "CZBar"],
            swiftSettings: [.unsafeFlags(["-O"], .when(configuration: .debug))]),
        // Spreadsheets: the only module that touches minizip and libxlsxwriter (`internal import`);
        // rows of cells in and out of .xlsx workbooks. Knows nothing of surveys, rounds or reports.
        .target(name: "PhieuKinSheets", dependencies: ["PhieuKinMessages", "CMinizip", "CXLSXWriter"]),

        // MARK: Workflows and front ends
        .target(
            name: "PhieuKin",
            dependencies: [
                "PhieuKinMessages", "PhieuKinCrypto", "PhieuKinCore", "PhieuKinStorage", "PhieuKinStore",
                "PhieuKinPrint",
                "PhieuKinScan", "PhieuKinSheets",
            ]
        ),
        // The web front end (docs/WEB.md): Hummingbird routes over the electronic-ballot service,
        // with the booth and kiosk pages compiled in (WebAssets.swift, from web/).
        .target(
            name: "PhieuKinServer",
            dependencies: [
                "PhieuKin", "PhieuKinMessages", "PhieuKinCore", .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"), .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        .executableTarget(
            name: "phieukin",
            dependencies: [
                "PhieuKin", "PhieuKinMessages", "PhieuKinCore", "PhieuKinServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "phieukin-bench",
            dependencies: [
                "PhieuKin", "PhieuKinCrypto", "PhieuKinCore", "PhieuKinStorage", "PhieuKinStore", "PhieuKinPrint",
                "PhieuKinScan", .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        // MARK: Tests (one mirror per module)
        .testTarget(
            name: "PhieuKinCryptoTests",
            dependencies: ["PhieuKinCrypto", "PhieuKinTestSupport"],
            resources: [.copy("Test Vectors")]
        ),
        // Test helpers: tools, scratch folders and a seeded generator (Foundation only), and the
        // tally fixtures built on the domain. Neither ships in a product.
        .target(name: "PhieuKinTestSupport", path: "Tests/PhieuKinTestSupport"),
        .target(
            name: "PhieuKinTestFixtures", dependencies: ["PhieuKinCore"], path: "Tests/PhieuKinTestFixtures"),
        .testTarget(
            name: "PhieuKinCoreTests", dependencies: ["PhieuKinCore", "PhieuKinTestSupport", "PhieuKinTestFixtures"],
            resources: [.copy("Fixtures")]),
        // The storage conformance suite: checks every `WorkspaceStorage` implementation must pass
        // (`package` only, in no product), run by PhieuKinStoreTests against SQLite.
        .target(
            name: "PhieuKinStoreConformance", dependencies: ["PhieuKinStorage", "PhieuKinCore"],
            path: "Tests/PhieuKinStoreConformance"),
        .testTarget(
            name: "PhieuKinStoreTests",
            dependencies: ["PhieuKinStorage", "PhieuKinStore", "PhieuKinStoreConformance", "PhieuKinTestSupport"]),
        // The message catalogue: Message's keys and arguments, and every message literal of Sources/
        // (found by scripts/message-keys) translated, placeholders intact.
        .testTarget(name: "PhieuKinMessagesTests", dependencies: ["PhieuKinMessages", "PhieuKinTestSupport"]),
        .testTarget(name: "PhieuKinPrintTests", dependencies: ["PhieuKinPrint", "PhieuKinTestSupport"]),
        .testTarget(name: "PhieuKinSheetsTests", dependencies: ["PhieuKinSheets", "PhieuKinTestSupport"]),
        // Scans made by the suite itself: ballots printed by PhieuKinPrint, rasterised, marked and
        // degraded by make-scans.py (python3-pil), then read back.
        .testTarget(
            name: "PhieuKinScanTests", dependencies: ["PhieuKinScan", "PhieuKinPrint", "PhieuKinTestSupport"],
            exclude: ["make-scans.py"]),
        .testTarget(
            name: "PhieuKinTests",
            dependencies: [
                "PhieuKin", "PhieuKinCore", "PhieuKinCrypto", "PhieuKinStorage", "PhieuKinTestSupport",
                "PhieuKinTestFixtures",
            ]),
        .testTarget(name: "phieukinTests", dependencies: ["PhieuKin", "PhieuKinCore", "PhieuKinTestSupport"]),
        .testTarget(
            name: "PhieuKinServerTests",
            dependencies: [
                "PhieuKinServer", "PhieuKin", "PhieuKinCore", "PhieuKinCrypto", "PhieuKinTestSupport",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ]),
    ],
    swiftLanguageModes: [.v6]
)

// Every Swift module keeps its imports to itself unless it says otherwise: a plain `import` is
// internal, and `public import` (or `package import`) marks a module whose types appear in this
// module's public (package) declarations. PhieuKinStore thus keeps GRDB out of its API.
for target in package.targets where target.type != .system {
    target.swiftSettings = (target.swiftSettings ?? []) + [.enableUpcomingFeature("InternalImportsByDefault")]
}
