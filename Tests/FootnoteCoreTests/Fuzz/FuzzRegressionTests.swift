import Foundation
import Testing
@testable import FootnoteIndex

/// Every input the fuzzers found a crash with (`Fuzz/crashers/TARGET/`), and
/// the seeds they start from (`Fuzz/seeds/TARGET/`), through the same target
/// functions (`FuzzTargets`): each must now pass. A crash here is a crash.
@Suite struct FuzzRegressionTests {
    static let folder = repositoryRoot.appendingPathComponent("Fuzz")

    static func inputs(_ kind: String) -> [(target: String, file: String)] {
        FuzzTargets.names.flatMap { target in
            let dir = folder.appendingPathComponent(kind).appendingPathComponent(target).path
            let files = ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
            return files.map { (target, dir + "/" + $0) }
        }
    }

    @Test func keptCrashersPass() throws {
        for (target, file) in Self.inputs("crashers") {
            FuzzTargets.run(target, Array(try #require(FileManager.default.contents(atPath: file))))
        }
    }

    @Test func seedsPass() throws {
        let seeds = Self.inputs("seeds")
        #expect(Set(seeds.map(\.target)).count >= 5)
        for (target, file) in seeds {
            FuzzTargets.run(target, Array(try #require(FileManager.default.contents(atPath: file))))
        }
        FuzzTargets.index(FuzzTargets.indexSeed())
    }

    /// The index target's re-sealing works: a valid file stays valid, and a
    /// flipped byte passes the checksums (the structure must catch it).
    @Test func resealingKeepsValidFilesAndHidesDamageFromTheChecksums() throws {
        let seed = FuzzTargets.indexSeed()
        #expect(IndexFile.resealed(seed) == seed)
        var damaged = seed
        damaged[damaged.count - 3] ^= 0x40
        let path = FuzzTargets.indexPath
        #expect(FileManager.default.createFile(atPath: path, contents: Data(IndexFile.resealed(damaged))))
        defer { unlink(path) }
        do {
            _ = try IndexFile.read(path)
        } catch {
            #expect(!error.description.contains("checksum"), "\(error)")
        }
    }
}
