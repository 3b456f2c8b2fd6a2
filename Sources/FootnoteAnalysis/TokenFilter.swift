/// One step of the analysis pipeline: rewrites a token's term in place, or drops it.
///
/// Filters never change a token's offsets or position (see `Token`).
public protocol TokenFilter {
    /// Rewrites `token.term`; returns `false` to drop the token.
    mutating func apply(_ token: inout Token) -> Bool
}
