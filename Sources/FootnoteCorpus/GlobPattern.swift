/// A shell glob as `.gitignore` files and `--include`/`--exclude` write them,
/// matched against a relative path's bytes.
///
/// - `*` matches any run of bytes but `/`; `?` one byte but `/`.
/// - `**` matches across folders: `**/x` (x in any folder), `a/**` (everything
///   below a), `a/**/b` (a, then zero or more folders, then b).
/// - `[abc]`, `[a-z]`, `[!a-z]` / `[^a-z]`: one byte of (or not of) a set.
/// - `\x` matches x literally.
/// - Matching is exact otherwise (case-sensitive, as git's).
public struct GlobPattern: Sendable, Equatable {
    let pattern: [UInt8]

    public init(_ pattern: String) { self.pattern = Array(pattern.utf8) }

    public func matches(_ path: String) -> Bool {
        let text = Array(path.utf8)
        return pattern.withUnsafeBufferPointer { p in text.withUnsafeBufferPointer { t in Self.match(p, 0, t, 0) } }
    }

    private static let slash = UInt8(ascii: "/"), star = UInt8(ascii: "*")

    /// Whether `p[pi...]` matches `t[ti...]` whole. Backtracks only on stars:
    /// O(|p| · |t|) for one star, more for several (patterns are short).
    private static func match(_ p: UnsafeBufferPointer<UInt8>, _ pi: Int, _ t: UnsafeBufferPointer<UInt8>, _ ti: Int) -> Bool {
        var pi = pi, ti = ti
        while pi < p.count {
            let c = p[pi]
            if c == star {
                if pi + 1 < p.count && p[pi + 1] == star {
                    // `**`: any bytes, slashes included; `**/` any folders, none too.
                    var next = pi + 2
                    if next < p.count && p[next] == slash {
                        next += 1
                        if match(p, next, t, ti) { return true }
                        for k in ti..<t.count where t[k] == slash && match(p, next, t, k + 1) { return true }
                        return false
                    }
                    for k in ti...t.count where match(p, next, t, k) { return true }
                    return false
                }
                // `*`: any bytes but a slash.
                var k = ti
                while true {
                    if match(p, pi + 1, t, k) { return true }
                    if k == t.count || t[k] == slash { return false }
                    k += 1
                }
            }
            guard ti < t.count else { return false }
            switch c {
            case UInt8(ascii: "?"):
                if t[ti] == slash { return false }
                pi += 1
            case UInt8(ascii: "["):
                guard let (matched, end) = matchClass(p, pi, t[ti]) else {
                    if t[ti] != c { return false }  // an unclosed `[` is literal
                    pi += 1
                    break
                }
                if !matched { return false }
                pi = end
            case UInt8(ascii: "\\") where pi + 1 < p.count:
                if t[ti] != p[pi + 1] { return false }
                pi += 2
            default:
                if t[ti] != c { return false }
                pi += 1
            }
            ti += 1
        }
        return ti == t.count
    }

    /// Whether byte `b` is in the class opening at `p[start]` (`[`), and where
    /// the pattern goes on; nil when the class is not closed.
    private static func matchClass(_ p: UnsafeBufferPointer<UInt8>, _ start: Int, _ b: UInt8) -> (Bool, Int)? {
        var i = start + 1
        var negated = false
        if i < p.count && (p[i] == UInt8(ascii: "!") || p[i] == UInt8(ascii: "^")) { negated = true; i += 1 }
        var found = false, first = true
        while i < p.count {
            if p[i] == UInt8(ascii: "]") && !first { return (found != negated && b != slash, i + 1) }
            first = false
            var lo = p[i]
            if lo == UInt8(ascii: "\\") && i + 1 < p.count { i += 1; lo = p[i] }
            if i + 2 < p.count && p[i + 1] == UInt8(ascii: "-") && p[i + 2] != UInt8(ascii: "]") {
                if lo <= b && b <= p[i + 2] { found = true }
                i += 3
            } else {
                if lo == b { found = true }
                i += 1
            }
        }
        return nil
    }
}
