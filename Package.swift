// swift-tools-version:6.0
import PackageDescription

/// FOOTNOTE_TEST_BUILD=1 (`make test`, in its own build folder): the release
/// configuration built for the tests. The code under test is optimized (the
/// suite runs 8× faster than against a debug build) but testable, with its
/// run-time checks on (exclusivity, assertions); the test code is compiled
/// unoptimized, in batch mode. `make test`'s install check links this same build.
let testBuild = Context.environment["FOOTNOTE_TEST_BUILD"] != nil
/// FOOTNOTE_STATIC_STDLIB=1 (`make install`): the executable links the Swift
/// runtime in, with link flags only. SwiftPM's --static-swift-stdlib adds
/// -static-stdlib to every compile too, so the install check would compile the
/// package a second time; this way it relinks the tests' build (2 s, not 4 min).
let staticStdlib = Context.environment["FOOTNOTE_STATIC_STDLIB"] != nil
/// A module compiled with -static-stdlib imports the static Foundation, whose
/// autolink entries also name these libraries (Swift 6.3); compiled without it,
/// the link must name them. A toolchain that needs another fails the link, and
/// so `make test`'s install check.
let staticFoundationLibraries = [
    "CoreFoundation", "_FoundationICU", "_FoundationCShims", "_FoundationCollections",
    "swiftSynchronization",
]

let crossModule: [SwiftSetting] = [.unsafeFlags(["-cross-module-optimization"], .when(configuration: .release))]
let testable: [SwiftSetting] = [.unsafeFlags(["-enable-testing", "-assert-config", "Debug"], .when(configuration: .release))]
// (Without batch mode each test file is its own compile: twice the CPU. The
// driver then warns that it ignores the -num-threads SwiftPM's release builds
// pass, whatever value comes last; scripts/swift-build drops that one line.)
let unoptimizedTests: [SwiftSetting] = [
    .unsafeFlags(["-Onone", "-no-whole-module-optimization", "-enable-batch-mode"], .when(configuration: .release))
]

/// The library's targets, lowest layer first.
let libraryTargets = [
    "FootnoteStorage", "FootnoteAnalysis", "FootnoteCorpus", "FootnoteIndex", "FootnoteSearch",
    "FootnoteAnswer", "FootnoteEvaluation",
]
/// Every layer as a dependency: what the executables and the tests use.
let allLayers: [Target.Dependency] = libraryTargets.map { .target(name: $0) }
/// A layer's dependencies: every layer below it, then `others` (C libraries).
func layersBelow(_ layer: String, and others: [Target.Dependency] = []) -> [Target.Dependency] {
    Array(allLayers.prefix(libraryTargets.firstIndex(of: layer)!)) + others
}
/// Release builds skip the run-time exclusivity checks (the compile-time ones
/// stay, and the tests' builds keep both): in the per-token and per-posting
/// loops they cost 8% of the kernel corpus's index build. Cross-module
/// optimization lets the layers above inline and specialize the storage and
/// index types' accessors, as they could when all was one module: without it
/// the kernel corpus's index build took 1.48 s instead of 1.16 s (queries
/// within noise; `make bench`, 2026-12-04).
let librarySettings: [SwiftSetting] =
    testBuild
    ? testable + crossModule
    : crossModule + [
        .unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release))
    ]

let package = Package(
    name: "Footnote",
    products: [
        // Statically linked, the executable is the product footnote-static, so that
        // the install check leaves the tests' footnote as it is: the CLI tests'
        // module depends on that file, and relinking it would recompile them.
        .executable(name: staticStdlib ? "footnote-static" : "footnote", targets: ["footnote"]),
        .library(name: "FootnoteCore", targets: libraryTargets),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0")
    ],
    targets: [
        // C libraries behind tiny system-library targets (Debian packages).
        .systemLibrary(
            name: "CReadline", path: "Sources/CReadline",
            providers: [.apt(["libreadline-dev"])]),
        .systemLibrary(
            name: "CStemmer", path: "Sources/CStemmer",
            providers: [.apt(["libstemmer-dev"])]),
        .systemLibrary(
            name: "CZstd", path: "Sources/CZstd",
            providers: [.apt(["libzstd-dev"])]),
        // Compressed files (gzip, bzip2, xz, zstd) and zip containers (.docx, .odt, .epub).
        .systemLibrary(
            name: "CArchive", path: "Sources/CArchive",
            providers: [.apt(["libarchive-dev"])]),
        // The XML inside Office, OpenDocument and EPUB files.
        // (Declared in its shim, not through libxml2's headers, which clash with Foundation's ICU.)
        .systemLibrary(name: "CXML2", path: "Sources/CXML2", providers: [.apt(["libxml2-dev"])]),
        // PDF text, page by page, and its outline.
        .systemLibrary(
            name: "CPoppler", path: "Sources/CPoppler", pkgConfig: "poppler-glib",
            providers: [.apt(["libpoppler-glib-dev"])]),
        // A compiler builtin Swift cannot spell (header only, nothing to link).
        .systemLibrary(name: "CPrefetch", path: "Sources/CPrefetch"),

        // The library, one target per layer, each using only the public API of
        // those below it (ARCHITECTURE.md): storage ← analysis ← corpus ← index ←
        // search ← answer ← evaluation. No terminal I/O in any of them.
        .target(name: "FootnoteStorage", dependencies: layersBelow("FootnoteStorage", and: ["CZstd"]), swiftSettings: librarySettings),
        .target(name: "FootnoteAnalysis", dependencies: layersBelow("FootnoteAnalysis", and: ["CStemmer"]), swiftSettings: librarySettings),
        .target(
            name: "FootnoteCorpus", dependencies: layersBelow("FootnoteCorpus", and: ["CArchive", "CXML2", "CPoppler"]),
            swiftSettings: librarySettings),
        .target(name: "FootnoteIndex", dependencies: layersBelow("FootnoteIndex"), swiftSettings: librarySettings),
        .target(name: "FootnoteSearch", dependencies: layersBelow("FootnoteSearch", and: ["CPrefetch"]), swiftSettings: librarySettings),
        .target(name: "FootnoteAnswer", dependencies: layersBelow("FootnoteAnswer"), swiftSettings: librarySettings),
        .target(name: "FootnoteEvaluation", dependencies: layersBelow("FootnoteEvaluation"), swiftSettings: librarySettings),

        // The command-line front end: CLI, REPL, rendering.
        .executableTarget(
            name: "footnote",
            dependencies: allLayers + ["CReadline", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            swiftSettings: testBuild ? testable : [],
            linkerSettings: !staticStdlib
                ? []
                : [.unsafeFlags(["-static-stdlib"] + staticFoundationLibraries.map { "-l" + $0 }, .when(configuration: .release))]),

        // Tuning knobs for measuring, outside the product's command line (Benchmarks/Tune).
        .executableTarget(
            name: "footnote-tune",
            dependencies: allLayers + [.product(name: "ArgumentParser", package: "swift-argument-parser")], path: "Benchmarks/Tune"),

        .target(name: "FootnoteTestSupport", path: "Tests/Support"),
        .testTarget(
            name: "FootnoteCoreTests", dependencies: allLayers + ["FootnoteTestSupport"],
            swiftSettings: unoptimizedTests),
        .testTarget(
            name: "FootnoteCLITests", dependencies: ["footnote", "FootnoteTestSupport"] + allLayers,
            swiftSettings: unoptimizedTests),
    ],
    swiftLanguageModes: [.v6]
)
