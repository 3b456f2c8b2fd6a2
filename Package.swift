// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Footnote",
    products: [
        .executable(name: "footnote", targets: ["footnote"]),
        .library(name: "FootnoteCore", targets: ["FootnoteCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        // C libraries behind tiny system-library targets (Debian packages).
        .systemLibrary(name: "CReadline", path: "Sources/CReadline",
                       providers: [.apt(["libreadline-dev"])]),
        .systemLibrary(name: "CStemmer", path: "Sources/CStemmer",
                       providers: [.apt(["libstemmer-dev"])]),
        .systemLibrary(name: "CZstd", path: "Sources/CZstd",
                       providers: [.apt(["libzstd-dev"])]),
        // Compressed files (gzip, bzip2, xz, zstd) and zip containers (.docx, .odt, .epub).
        .systemLibrary(name: "CArchive", path: "Sources/CArchive",
                       providers: [.apt(["libarchive-dev"])]),
        // The XML inside Office, OpenDocument and EPUB files.
        // (Declared in its shim, not through libxml2's headers, which clash with Foundation's ICU.)
        .systemLibrary(name: "CXML2", path: "Sources/CXML2", providers: [.apt(["libxml2-dev"])]),
        // PDF text, page by page, and its outline.
        .systemLibrary(name: "CPoppler", path: "Sources/CPoppler", pkgConfig: "poppler-glib",
                       providers: [.apt(["libpoppler-glib-dev"])]),
        // A compiler builtin Swift cannot spell (header only, nothing to link).
        .systemLibrary(name: "CPrefetch", path: "Sources/CPrefetch"),

        // Analysis, corpus reading, passages, index, scoring, excerpts. No terminal I/O.
        // Release builds skip the run-time exclusivity checks (the compile-time
        // ones stay, and debug builds — the tests — keep both): in the per-token
        // and per-posting loops they cost 8% of the kernel corpus's index build.
        .target(name: "FootnoteCore", dependencies: ["CStemmer", "CZstd", "CArchive", "CXML2", "CPoppler", "CPrefetch"],
                swiftSettings: [.unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release))]),

        // The command-line front end: CLI, REPL, rendering.
        .executableTarget(name: "footnote", dependencies: [
            "FootnoteCore", "CReadline",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),

        .target(name: "FootnoteTestSupport", path: "Tests/Support"),
        .testTarget(name: "FootnoteCoreTests", dependencies: ["FootnoteCore", "FootnoteTestSupport"]),
        .testTarget(name: "FootnoteCLITests", dependencies: ["footnote", "FootnoteCore", "FootnoteTestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
