#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An immutable, contiguous array of plain values whose memory is owned by
/// something else: a heap block (an index built in this process) or a region of
/// a memory-mapped index file (an index loaded from disk, used in place).
///
/// Indexing is unchecked in release builds (checked by `assert` in debug
/// builds): the hot loops that read postings run over it.
public struct FlatArray<Element: BitwiseCopyable>: RandomAccessCollection, @unchecked Sendable {
    /// Keeps `base` valid; never mutated after creation.
    private let owner: AnyObject?
    public let base: UnsafePointer<Element>?
    public let count: Int

    /// A view of `count` elements at `base`, kept alive by `owner`.
    init(base: UnsafePointer<Element>?, count: Int, owner: AnyObject?) {
        self.base = count > 0 ? base : nil
        self.count = count
        self.owner = owner
    }

    /// A copy of `elements` in a heap block of its own.
    public init(_ elements: [Element]) {
        guard !elements.isEmpty else {
            self.init(base: nil, count: 0, owner: nil)
            return
        }
        let block = HeapBlock(
            byteCount: elements.count * MemoryLayout<Element>.stride,
            alignment: MemoryLayout<Element>.alignment)
        let typed = block.pointer.bindMemory(to: Element.self, capacity: elements.count)
        elements.withUnsafeBufferPointer { typed.initialize(from: $0.baseAddress!, count: $0.count) }
        self.init(base: UnsafePointer(typed), count: elements.count, owner: block)
    }

    public init() { self.init(base: nil, count: 0, owner: nil) }

    public var startIndex: Int { 0 }
    public var endIndex: Int { count }

    @inline(__always)
    public subscript(i: Int) -> Element {
        assert(i >= 0 && i < count, "FlatArray index \(i) out of 0..<\(count)")
        return base.unsafelyUnwrapped[i]
    }

    /// The elements as a buffer (valid while this array is alive).
    public var buffer: UnsafeBufferPointer<Element> { UnsafeBufferPointer(start: base, count: count) }

    /// The elements' bytes (for writing to a file).
    public var rawBytes: UnsafeRawBufferPointer { UnsafeRawBufferPointer(buffer) }
}

extension FlatArray: Equatable where Element: Equatable {
    public static func == (a: FlatArray, b: FlatArray) -> Bool { a.elementsEqual(b) }
}

extension FlatArray: ExpressibleByArrayLiteral {
    public init(arrayLiteral elements: Element...) { self.init(elements) }
}

/// Heap memory freed when the last `FlatArray` using it goes away.
///
/// From `malloc`, so that a growing block can be `realloc`ated: glibc moves a
/// large block by remapping its pages, not by copying them, so growing never
/// holds the old and the new block at once.
final class HeapBlock {
    private(set) var pointer: UnsafeMutableRawPointer

    init(byteCount: Int, alignment: Int) {
        precondition(alignment <= 16, "malloc aligns to 16 bytes")
        guard let p = malloc(max(byteCount, 1)) else { fatalError("out of memory allocating \(byteCount) bytes") }
        pointer = p
    }

    /// Resizes the block, keeping its first `byteCount` bytes; `pointer` may change.
    func resize(byteCount: Int) {
        guard let p = realloc(pointer, max(byteCount, 1)) else { fatalError("out of memory growing a block to \(byteCount) bytes") }
        pointer = p
    }

    deinit { free(pointer) }
}

extension FlatArray {
    /// `count` copies of `value` in a heap block of their own, and a pointer
    /// through which the builder of the array fills it in before sharing it
    /// (no intermediate Swift array, no copy).
    public static func allocate(count: Int, repeating value: Element) -> (FlatArray, UnsafeMutableBufferPointer<Element>) {
        let (array, bytes) = allocateUninitialized(count: count)
        let typed = bytes.bindMemory(to: Element.self)  // as `allocateUninitialized` bound it
        typed.initialize(repeating: value)
        return (array, typed)
    }

    /// A heap array of `count` elements whose bytes the caller must write
    /// through the returned buffer before reading any.
    public static func allocateUninitialized(count: Int) -> (FlatArray, UnsafeMutableRawBufferPointer) {
        guard count > 0 else { return (FlatArray(), UnsafeMutableRawBufferPointer(start: nil, count: 0)) }
        let block = HeapBlock(byteCount: count * MemoryLayout<Element>.stride, alignment: MemoryLayout<Element>.alignment)
        let typed = block.pointer.bindMemory(to: Element.self, capacity: count)
        return (
            FlatArray(base: UnsafePointer(typed), count: count, owner: block),
            UnsafeMutableRawBufferPointer(start: block.pointer, count: count * MemoryLayout<Element>.stride)
        )
    }
}

/// Appends plain values to a growing heap block that becomes a `FlatArray`
/// without a copy. Capacity doubles; pages never written are never touched,
/// so the slack costs address space, not memory.
public final class FlatArrayBuilder<Element: BitwiseCopyable> {
    private let block: HeapBlock
    private var pointer: UnsafeMutablePointer<Element>
    private var capacity: Int
    public private(set) var count = 0

    public init(capacity: Int = 1024) {
        self.capacity = max(capacity, 16)
        block = HeapBlock(byteCount: self.capacity * MemoryLayout<Element>.stride, alignment: MemoryLayout<Element>.alignment)
        pointer = block.pointer.bindMemory(to: Element.self, capacity: self.capacity)
    }

    @inline(__always)
    public func append(_ value: Element) {
        if count == capacity { grow(to: count + 1) }
        pointer[count] = value
        count += 1
    }

    public func append(contentsOf values: UnsafeBufferPointer<Element>) {
        guard let source = values.baseAddress, values.count > 0 else { return }
        if count + values.count > capacity { grow(to: count + values.count) }
        (pointer + count).initialize(from: source, count: values.count)
        count += values.count
    }

    private func grow(to needed: Int) {
        var newCapacity = capacity * 2
        while newCapacity < needed { newCapacity *= 2 }
        block.resize(byteCount: newCapacity * MemoryLayout<Element>.stride)
        pointer = block.pointer.bindMemory(to: Element.self, capacity: newCapacity)
        capacity = newCapacity
    }

    /// The elements as a `FlatArray` sharing this builder's memory; the
    /// builder must not be used afterwards.
    public func build() -> FlatArray<Element> {
        FlatArray(base: UnsafePointer(pointer), count: count, owner: block)
    }
}
