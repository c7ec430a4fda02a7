// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Meja",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "meja", targets: ["meja"]),
        .library(name: "DeskCore", targets: ["DeskCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CNcursesw",
            pkgConfig: "ncursesw",
            providers: [.apt(["libncursesw5-dev"])]
        ),
        .systemLibrary(name: "CSQLiteConfig"),
        .target(
            name: "DeskCore",
            dependencies: [
                "CSQLiteConfig",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "TOMLKit", package: "TOMLKit"),
                .product(name: "Logging", package: "swift-log"),
            ],
            resources: [.copy("Resources")]
        ),
        .target(
            name: "DeskTUI",
            dependencies: ["DeskCore", "CNcursesw"]
        ),
        .executableTarget(
            name: "meja",
            dependencies: [
                "DeskCore", "DeskTUI",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "DeskCoreTests", dependencies: ["DeskCore"], exclude: ["Fixtures", "__Snapshots__"]),
        .testTarget(name: "DeskTUITests", dependencies: ["DeskTUI", "DeskCore"], exclude: ["__Snapshots__"]),
        .testTarget(name: "MejaCLITests", dependencies: ["DeskCore", "meja"]),
    ]
)
