/// How many blocks of `size` hold `count` items: ⌈count / size⌉, 0 when
/// `count` ≤ 0. Unlike `(count + size − 1) / size` it cannot overflow, and
/// a count read from a damaged index file can be anything (the index
/// fuzz target found `Int.max`).
@inline(__always)
public func blocksNeeded(_ count: Int, size: Int) -> Int { count <= 0 ? 0 : (count - 1) / size + 1 }
