#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Folder operations on paths given as Strings.
public enum Folder {
    /// Creates `path` and any missing folders above it with `mode`; folders that
    /// exist are left as they are. Returns nil when `path` is a folder at the
    /// end, else the errno of the first `mkdir` that failed.
    @discardableResult
    public static func create(_ path: String, mode: mode_t = 0o755) -> Int32? {
        var folder = path.hasPrefix("/") ? "" : "."
        var failure: Int32?
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            folder += "/" + part
            if mkdir(folder, mode) != 0 && errno != EEXIST && failure == nil { failure = errno }
        }
        var st = stat()
        guard stat(path, &st) != 0 || st.st_mode & S_IFMT != S_IFDIR else { return nil }
        return failure ?? ENOTDIR
    }

    /// The names in folder `path` (without "." and ".."), in no order, bytes
    /// that are not UTF-8 escaped (`RawPath`); nil when it cannot be opened (errno says why).
    public static func names(_ path: String) -> [String]? {
        guard let dir = RawPath.withCString(path, { opendir($0) }) else { return nil }
        defer { closedir(dir) }
        var names: [String] = []
        // d_name is read in place, up to its NUL: the kernel's record may end
        // before the 256 bytes the struct declares, so the field is never copied whole.
        let nameOffset = MemoryLayout<dirent>.offset(of: \dirent.d_name)!
        while let entry = readdir(dir) {
            let field = UnsafeRawPointer(entry) + nameOffset
            let name = RawPath.decode(UnsafeRawBufferPointer(start: field, count: strlen(field.assumingMemoryBound(to: CChar.self))))
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }
}

extension stat {
    /// Modification time in nanoseconds since the epoch.
    public var modificationTime: Int64 { Int64(st_mtim.tv_sec) * 1_000_000_000 + Int64(st_mtim.tv_nsec) }
}
