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
        .package(url: "https://github.com/apple/swift-argument-parser.git", exact: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", exact: "2.28.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.6.0"),
    ],
    targets: [
        // libcmark-gfm and its extensions (tables, strikethrough, autolinks) from the system
        // (Debian: libcmark-gfm-dev libcmark-gfm-extensions-dev; macOS: brew install cmark-gfm). Debug builds link
        // the shared libraries; on Linux scripts/build-release links the static archives (.build/static-libs/).
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"]), .brew(["cmark-gfm"])]
        ),
        // What Swift's Glibc module does not offer: the atomic exchange of two folders (renameat2), and SHA-256's
        // rounds with the processor's SHA instructions (translation digests).
        .target(name: "CRapportSystem"),
        // The allocator of the `rapport` executable on Linux: mimalloc (Debian: libmimalloc-dev), linked ahead of
        // the C library so that it replaces malloc for the whole process. A build spends about a tenth of its CPU
        // in glibc's malloc and free; with mimalloc ~8 % less wall time on the reference corpus m, ~9 % on l (README).
        // Debug builds link Debian's shared library; scripts/build-release links a static one, compiled from Debian's
        // source of the same version (scripts/build-static-libs), whose malloc and free are the executable's own.
        .target(
            name: "CRapportAllocator",
            linkerSettings: [.linkedLibrary("mimalloc", .when(platforms: [.linux]))]
        ),
        // The template engine: Mustache compiled against typed views. No dependency, no Foundation.
        .target(name: "RapportTemplates"),
        // The core: model, loading, Markdown, site graph, rendering, output. No printing, no process globals.
        // The built-in theme (templates/) is compiled into it by the EmbedFolders plugin.
        .target(
            name: "RapportCore",
            dependencies: [
                "CCmark",
                "CRapportSystem",
                "RapportTemplates",
                .product(name: "Yams", package: "Yams"),
            ],
            plugins: ["EmbedFolders"]
        ),
        // Folders of the repository as Swift source (a table of file name → bytes), so that the executable needs no
        // file beside it: the tool writes the file, the plugin runs it for the folders named in its table.
        .executableTarget(name: "embed-folder"),
        .plugin(name: "EmbedFolders", capability: .buildTool(), dependencies: ["embed-folder"]),
        // Runs CommonMark and GFM spec examples (fetched by scripts/verify) through Rapport's Markdown stage.
        .executableTarget(
            name: "commonmark-conformance",
            dependencies: ["RapportCore"]
        ),
        // The preview server: Hummingbird, the watcher, live reload. The core does not depend on it.
        .target(
            name: "RapportPreview",
            dependencies: [
                "RapportCore",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        // The command line: argument parsing and about as much glue as that needs.
        .executableTarget(
            name: "rapport",
            dependencies: [
                "RapportCore",
                "RapportPreview",
                "CRapportAllocator",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Helpers the test targets share (temporary copies of site roots, folder snapshots).
        .target(
            name: "RapportTestSupport",
            path: "Tests/RapportTestSupport"
        ),
        // The template engine against the official Mustache spec (scripts/install-deps --for-tests fetches its files
        // into .cache/mustache-spec) and its own checks.
        .testTarget(
            name: "RapportTemplatesTests",
            dependencies: ["RapportTemplates"]
        ),
        .testTarget(
            name: "RapportCoreTests",
            dependencies: ["RapportCore", "RapportTemplates", "RapportTestSupport"],
            exclude: ["Fixtures", "Snapshots"]
        ),
        // Mutates the fixture site at random (seeded) and builds it: no crash, no hang, last good output intact.
        .testTarget(
            name: "RapportFuzzTests",
            dependencies: ["RapportCore", "RapportTestSupport"]
        ),
        // The preview server in-process on port 0, over real HTTP.
        .testTarget(
            name: "RapportPreviewTests",
            dependencies: [
                "RapportPreview",
                "RapportTestSupport",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        // Runs the built `rapport` executable as a user would: exit codes, stderr, the output folder.
        .testTarget(
            name: "RapportCLITests",
            dependencies: ["rapport", "RapportTestSupport"]
        ),
    ]
)
