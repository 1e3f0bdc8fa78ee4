// swift-tools-version: 6.1
// Zhanggui (掌柜): the back office of a small Taobao shop.
// Layers: ShopDomain ← Storage ← feature modules ← Apps. See docs/architecture.md.
import PackageDescription

/// One set of compiler settings for every target.
let swiftSettings: [SwiftSetting] = [
    .swiftLanguageMode(.v6),
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "Zhanggui",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "zhanggui", targets: ["zhanggui"]),
        .executable(name: "zhangguid", targets: ["zhangguid"]),
        .executable(name: "zhanggui-tui", targets: ["zhanggui-tui"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/apple/swift-nio-extras", from: "1.35.2"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
    ],
    targets: [
        // MARK: - Domain

        /// Pure values and rules: money, IDs, staff and roles, policy, clocks, the op envelope, text width.
        .target(
            name: "ShopDomain",
            dependencies: [.product(name: "Crypto", package: "swift-crypto"), .product(name: "CryptoExtras", package: "swift-crypto")],
            path: "Modules/ShopDomain",
            exclude: ["README.md"],
            swiftSettings: swiftSettings
        ),

        // MARK: - Storage

        /// The SQLite database (GRDB, WAL): migrations, the operation journal, core read tables.
        .target(
            name: "Storage",
            dependencies: ["ShopDomain", "CSQLiteTuning", .product(name: "GRDB", package: "GRDB.swift"),
                           .product(name: "GRDBSQLite", package: "GRDB.swift")],
            path: "Modules/Storage",
            exclude: ["README.md"],
            swiftSettings: swiftSettings
        ),

        /// The demo shop: the seed's people and, as modules land, their goods, orders and shifts.
        .target(
            name: "DemoShop",
            dependencies: ["ShopDomain", "Storage", "Warehouse", "Workforce", "Sync", "Logistics", "Approval", "Listing", "CustomerCare"],
            path: "Modules/DemoShop",
            exclude: ["README.md"],
            swiftSettings: swiftSettings
        ),

        // MARK: - Interchange

        /// File formats: text decoding (UTF-8 with or without BOM, GB18030), a CSV reader that keeps
        /// line numbers, header aliases.
        .target(
            name: "Interchange",
            dependencies: ["ShopDomain"],
            path: "Modules/Interchange",
            exclude: ["README.md"],
            swiftSettings: swiftSettings
        ),

        /// Printable pages as self-contained HTML: waybill labels (100×180 mm, Code 128 as inline SVG),
        /// pick lists, claim evidence sheets (LOG-1, LOG-8, LOG-10, WH-7).
        .target(
            name: "Printing",
            dependencies: ["ShopDomain"],
            path: "Modules/Printing",
            exclude: ["README.md"],
            swiftSettings: swiftSettings
        ),

        // MARK: - Features

        /// Products, locations, the stock ledger, receipts, stocktakes, low-stock alerts (WH-1…WH-10).
        .target(
            name: "Warehouse",
            dependencies: ["ShopDomain", "Storage", "Interchange", .product(name: "GRDB", package: "GRDB.swift")],
            path: "Modules/Warehouse",
            exclude: ["README.md"],
            swiftSettings: swiftSettings
        ),

        /// Orders and logistics: imported Taobao orders, reservations, notes, waybill number stock,
        /// print batches, packing, courier pickups, claims, statements (LOG-1…LOG-13, WH-7…WH-9, CS-8).
        .target(
            name: "Logistics",
            dependencies: ["ShopDomain", "Storage", "Interchange", .product(name: "GRDB", package: "GRDB.swift")],
            path: "Modules/Logistics",
            exclude: ["README.md"],
            swiftSettings: swiftSettings
        ),

        /// Customer care: the buyer database, reviews, complaints, inquiries and conversion, returns,
        /// inspect-before-signing, canned replies, the CS daily report (CS-1…CS-9, CS-12, DISC-1).
        .target(
            name: "CustomerCare",
            dependencies: ["ShopDomain", "Storage", .product(name: "GRDB", package: "GRDB.swift")],
            path: "Modules/CustomerCare",
            exclude: ["README.md"],
            swiftSettings: swiftSettings
        ),

        /// Rota, shifts with lateness, the handover book, memos and due reports (HR-1, HR-2, HR-4, HR-5, HR-7, ORG-2).
        .target(
            name: "Workforce",
            dependencies: ["ShopDomain", "Storage", .product(name: "GRDB", package: "GRDB.swift")],
            path: "Modules/Workforce",
            exclude: ["README.md"],
            swiftSettings: swiftSettings
        ),

        /// Campaigns and their approval: the six-signature chain bound to the draft's content, going live,
        /// page errors and the fines they book, the summary and P&L (CAMP-1…CAMP-3, DISC-3, ORG-3).
        .target(
            name: "Approval",
            dependencies: ["ShopDomain", "Storage", .product(name: "GRDB", package: "GRDB.swift"),
                           .product(name: "Crypto", package: "swift-crypto")],
            path: "Modules/Approval",
            exclude: ["README.md"],
            swiftSettings: swiftSettings
        ),

        // MARK: - Reports

        /// The shop's figures for a day, week or month as tables, CSV and self-contained HTML pages with
        /// SVG charts (OPS-1, OPS-2, LOG-11, ORG-2); above the features: reads their public APIs and views.
        .target(
            name: "Reporting",
            dependencies: ["ShopDomain", "Storage", "Warehouse", "Logistics", "Workforce", "CustomerCare", "Approval", "Printing",
                           .product(name: "GRDB", package: "GRDB.swift")],
            path: "Modules/Reporting",
            exclude: ["README.md"],
            swiftSettings: swiftSettings
        ),

        /// The designers' checklist from arrival to on sale: the listing clock, stages, checked boxes, the
        /// image folder read from the files (JPEG/PNG/PSD headers, SHA-256), sold-out annotations (DES-1…DES-7).
        .target(
            name: "Listing",
            dependencies: ["ShopDomain", "Storage", .product(name: "GRDB", package: "GRDB.swift"),
                           .product(name: "Crypto", package: "swift-crypto")],
            path: "Modules/Listing",
            exclude: ["README.md"],
            swiftSettings: swiftSettings
        ),

        /// Notebooks and the hub: device tokens, notebook files, the sync protocol's types, the hub's
        /// push/pull logic and the client (DESIGN.md, "Notebooks, the hub and merging").
        .target(
            name: "Sync",
            dependencies: ["ShopDomain", "Storage", .product(name: "GRDB", package: "GRDB.swift"),
                           .product(name: "Crypto", package: "swift-crypto"),
                           .product(name: "Metrics", package: "swift-metrics")],
            path: "Modules/Sync",
            exclude: ["README.md"],
            swiftSettings: swiftSettings
        ),
        /// The hub's journal in PostgreSQL (postgres-nio): the store of record behind the hub's SQLite
        /// working copy, `store copy`, verify (docs/decisions/0011-hub-on-postgresql.md).
        .target(
            name: "PostgresStore",
            dependencies: ["ShopDomain", "Storage", .product(name: "PostgresNIO", package: "postgres-nio"),
                           .product(name: "Logging", package: "swift-log")],
            path: "Modules/PostgresStore",
            exclude: ["README.md"],
            swiftSettings: swiftSettings
        ),
        /// The hub's HTTP server (Hummingbird 2, service lifecycle, swift-log): routes over Sync's HubService.
        .target(
            name: "HubServer",
            dependencies: [
                "ShopDomain", "Storage", "Sync", "ShopActions", "PostgresStore",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "TOMLKit", package: "TOMLKit"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
            ],
            path: "Modules/HubServer",
            exclude: ["README.md"],
            swiftSettings: swiftSettings
        ),

        /// The modules every program wires in, in one list.
        .target(
            name: "ShopActions",
            dependencies: ["ShopDomain", "Storage", "Warehouse", "Logistics", "Workforce", "Approval", "Listing", "CustomerCare", "Sync", "Reporting", .product(name: "GRDB", package: "GRDB.swift")],
            path: "Modules/ShopActions",
            exclude: ["README.md"],
            swiftSettings: swiftSettings
        ),

        // MARK: - Terminal UI

        /// One C call Swift cannot make (the variadic `sqlite3_config`): SQLite's memory statistics off.
        .target(
            name: "CSQLiteTuning",
            path: "Modules/CSQLiteTuning",
            linkerSettings: [.linkedLibrary("sqlite3")]
        ),
        /// The system's ncursesw (libncursesw5-dev), through a shim that turns on its wide-character API.
        .systemLibrary(
            name: "CNcursesw",
            path: "Modules/CNcursesw",
            pkgConfig: "ncursesw",
            providers: [.apt(["libncursesw5-dev"])]
        ),
        /// A cell grid measured by the project's display width, keys, widgets, and the driver
        /// protocol with its ncursesw implementation.
        .target(
            name: "TerminalUI",
            dependencies: ["ShopDomain", "CNcursesw"],
            path: "Modules/TerminalUI",
            exclude: ["README.md"],
            swiftSettings: swiftSettings
        ),
        /// A terminal for tests and the benchmarks: a fixed size, keys from a script, every drawn
        /// grid kept (never linked into a program).
        .target(
            name: "ScriptedTerminal",
            dependencies: ["TerminalUI"],
            path: "Modules/ScriptedTerminal",
            exclude: ["README.md"],
            swiftSettings: swiftSettings
        ),
        /// The shift desk: the TUI's screens over the same module code the CLI uses (issue 7).
        .target(
            name: "ShiftDesk",
            dependencies: ["ShopDomain", "Storage", "Warehouse", "Logistics", "Workforce", "Approval", "Listing", "CustomerCare", "Sync", "ShopActions", "TerminalUI", "Reporting",
                           .product(name: "GRDB", package: "GRDB.swift")],
            path: "Modules/ShiftDesk",
            exclude: ["README.md"],
            swiftSettings: swiftSettings
        ),

        // MARK: - Apps

        /// The administrator's commands (one file per subcommand); the `zhanggui` executable runs them.
        .target(
            name: "AdminCommands",
            dependencies: [
                "ShopDomain", "Storage", "DemoShop", "Warehouse", "Workforce", "Interchange", "Sync", "ShopActions",
                "Logistics", "Printing", "Reporting", "Approval", "Listing", "CustomerCare",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            path: "Modules/AdminCommands",
            exclude: ["README.md"],
            swiftSettings: swiftSettings
        ),
        /// The sync daemon: parse, wire, run.
        .executableTarget(
            name: "zhangguid",
            dependencies: ["HubServer"],
            path: "Apps/zhangguid",
            swiftSettings: swiftSettings
        ),
        /// The terminal UI for shift staff: parse, wire, run.
        .executableTarget(
            name: "zhanggui-tui",
            dependencies: ["ShiftDesk", "TerminalUI", "ShopActions", "Storage", "ShopDomain"],
            path: "Apps/zhanggui-tui",
            swiftSettings: swiftSettings
        ),
        /// The CLI executable: parse, wire, run.
        .executableTarget(
            name: "zhanggui",
            dependencies: ["AdminCommands"],
            path: "Apps/zhanggui",
            swiftSettings: swiftSettings
        ),

        // MARK: - Benchmarks

        /// Workloads timed by Scripts/bench against the sqlite3 tool.
        .executableTarget(
            name: "zhanggui-bench",
            dependencies: ["ShopDomain", "Storage", "Warehouse", "Workforce", "Sync", "Logistics", "Interchange",
                           "ShiftDesk", "TerminalUI", "ScriptedTerminal", "DemoShop", "ShopActions", "PostgresStore",
                           .product(name: "GRDB", package: "GRDB.swift")],
            path: "Benchmarks/ZhangguiBench",
            swiftSettings: swiftSettings
        ),

        // MARK: - Tests

        .testTarget(
            name: "ShopDomainTests",
            dependencies: ["ShopDomain", .product(name: "Crypto", package: "swift-crypto")],
            path: "Tests/ShopDomainTests",
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "StorageTests",
            dependencies: ["ShopDomain", "Storage"],
            path: "Tests/StorageTests",
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "WarehouseTests",
            dependencies: ["ShopDomain", "Storage", "Warehouse", "Interchange", .product(name: "GRDB", package: "GRDB.swift")],
            path: "Tests/WarehouseTests",
            resources: [.copy("Fixtures")],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "InterchangeTests",
            dependencies: ["ShopDomain", "Interchange"],
            path: "Tests/InterchangeTests",
            resources: [.copy("Fixtures")],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "PrintingTests",
            dependencies: ["ShopDomain", "Printing"],
            path: "Tests/PrintingTests",
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "LogisticsTests",
            dependencies: ["ShopDomain", "Storage", "Warehouse", "Workforce", "Logistics", "Interchange",
                           .product(name: "GRDB", package: "GRDB.swift")],
            path: "Tests/LogisticsTests",
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "TerminalUITests",
            dependencies: ["ShopDomain", "Storage", "TerminalUI", "ScriptedTerminal", "ShiftDesk", "DemoShop", "ShopActions", "Logistics", "Warehouse", "Workforce",
                           "CustomerCare", "Sync", .product(name: "GRDB", package: "GRDB.swift")],
            path: "Tests/TerminalUITests",
            resources: [.copy("Golden")],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "WorkforceTests",
            dependencies: ["ShopDomain", "Storage", "Warehouse", "Workforce", .product(name: "GRDB", package: "GRDB.swift")],
            path: "Tests/WorkforceTests",
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "ApprovalTests",
            dependencies: ["ShopDomain", "Storage", "Warehouse", "Workforce", "Logistics", "Approval", "Sync", "Printing",
                           .product(name: "GRDB", package: "GRDB.swift")],
            path: "Tests/ApprovalTests",
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "ListingTests",
            dependencies: ["ShopDomain", "Storage", "Warehouse", "Listing", .product(name: "GRDB", package: "GRDB.swift")],
            path: "Tests/ListingTests",
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "SyncTests",
            dependencies: ["ShopDomain", "Storage", "Warehouse", "Workforce", "Sync", "HubServer", "Logistics", "PostgresStore",
                           .product(name: "HummingbirdTesting", package: "hummingbird"),
                           .product(name: "Prometheus", package: "swift-prometheus"),
                           .product(name: "GRDB", package: "GRDB.swift")],
            path: "Tests/SyncTests",
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "CustomerCareTests",
            dependencies: ["ShopDomain", "Storage", "Warehouse", "Workforce", "Logistics", "CustomerCare", "Sync",
                           .product(name: "GRDB", package: "GRDB.swift")],
            path: "Tests/CustomerCareTests",
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "ReportingTests",
            dependencies: ["ShopDomain", "Storage", "Warehouse", "Logistics", "Workforce", "CustomerCare", "Reporting", "DemoShop", "ShopActions",
                           .product(name: "GRDB", package: "GRDB.swift")],
            path: "Tests/ReportingTests",
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "AppsTests",
            dependencies: ["zhanggui"],
            path: "Tests/AppsTests",
            swiftSettings: swiftSettings
        ),
    ]
)
