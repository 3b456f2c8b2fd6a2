// The libFuzzer entry points of footnote's fuzz targets (scripts/fuzz builds
// this with the library modules and FuzzTargets.swift; `FUZZ_TARGET` names the target).
import Foundation

nonisolated(unsafe) var target = ""

@_cdecl("LLVMFuzzerInitialize")
public func fuzzInitialize(
    _ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>
) -> CInt {
    target = ProcessInfo.processInfo.environment["FUZZ_TARGET"] ?? ""
    guard FuzzTargets.names.contains(target) else {
        fputs("FUZZ_TARGET must be one of \(FuzzTargets.names.joined(separator: ", ")); got '\(target)'\n", stderr)
        exit(64)
    }
    // The index target starts from a valid index file.
    if target == "index", let folder = ProcessInfo.processInfo.environment["FUZZ_SEED_DIR"] {
        precondition(
            FileManager.default.createFile(atPath: folder + "/valid-index", contents: Data(FuzzTargets.indexSeed())),
            "cannot write the index seed")
    }
    return 0
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    FuzzTargets.run(target, Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}
