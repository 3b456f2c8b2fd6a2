#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A whole file mapped read-only into memory, unmapped when the last
/// `FlatArray` that points into it goes away.
///
/// Index files are replaced by renaming a new file over them, never rewritten
/// in place, so a mapping stays valid while another process updates the index.
public final class MappedFile: @unchecked Sendable {
    public let path: String
    public let bytes: UnsafeRawBufferPointer
    /// The file's device and inode when mapped (to notice a replaced file).
    public let identity: FileIdentity

    public struct FileIdentity: Equatable, Sendable {
        public var device: UInt64
        public var inode: UInt64
        public var size: Int64
        public var modified: Int64

        init(_ st: stat) {
            device = UInt64(st.st_dev)
            inode = UInt64(st.st_ino)
            size = Int64(st.st_size)
            modified = st.modificationTime
        }

        /// The identity of the file at `path` now, nil when there is none.
        public init?(path: String) {
            var st = stat()
            guard stat(path, &st) == 0 else { return nil }
            self.init(st)
        }
    }

    public enum Failure: Error, Equatable, CustomStringConvertible {
        case missing
        case unreadable(String)
        public var description: String {
            switch self {
            case .missing: return "no such file"
            case .unreadable(let reason): return reason
            }
        }
    }

    public init(path: String) throws(Failure) {
        self.path = path
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            if errno == ENOENT || errno == ENOTDIR { throw .missing }
            throw .unreadable("cannot open: \(String(cString: strerror(errno)))")
        }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw .unreadable("cannot stat: \(String(cString: strerror(errno)))") }
        identity = FileIdentity(st)
        let size = Int(st.st_size)
        guard size > 0 else {
            bytes = UnsafeRawBufferPointer(start: nil, count: 0)
            return
        }
        guard let base = mmap(nil, size, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0), base != MAP_FAILED else {
            throw .unreadable("cannot map: \(String(cString: strerror(errno)))")
        }
        bytes = UnsafeRawBufferPointer(start: base, count: size)
    }

    deinit {
        if let base = bytes.baseAddress { munmap(UnsafeMutableRawPointer(mutating: base), bytes.count) }
    }

    /// `count` values of `T` at byte `offset`, kept alive by this mapping.
    /// The caller has checked bounds and alignment.
    public func array<T: BitwiseCopyable>(of: T.Type, at offset: Int, count: Int) -> FlatArray<T> {
        guard count > 0, let base = bytes.baseAddress else { return FlatArray() }
        let typed = (base + offset).assumingMemoryBound(to: T.self)
        return FlatArray(base: typed, count: count, owner: self)
    }
}
