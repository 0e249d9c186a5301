// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Rapport",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "rapport", targets: ["rapport"]),
        .library(name: "RapportCore", targets: ["RapportCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams.git", exact: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", exact: "2.1.1"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", exact: "1.8.2"),
    ],
    targets: [
        // libcmark from the system (Debian: libcmark-dev; macOS: brew install cmark).
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"]), .brew(["cmark"])]
        ),
        // The core: model, loading, Markdown, site graph, rendering, output. No printing, no process globals.
        .target(
            name: "RapportCore",
            dependencies: [
                "CCmark",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Mustache", package: "swift-mustache"),
            ]
        ),
        // The command line: argument parsing and about as much glue as that needs.
        .executableTarget(
            name: "rapport",
            dependencies: [
                "RapportCore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "RapportCoreTests",
            dependencies: ["RapportCore", .product(name: "Mustache", package: "swift-mustache")],
            exclude: ["Fixtures", "Snapshots"]
        ),
        // Mutates the fixture site at random (seeded) and builds it: no crash, no hang, last good output intact.
        .testTarget(
            name: "RapportFuzzTests",
            dependencies: ["RapportCore"]
        ),
        // Runs the built `rapport` executable as a user would: exit codes, stderr, the output folder.
        .testTarget(
            name: "RapportCLITests",
            dependencies: ["rapport"]
        ),
    ]
)
