import Foundation

/// `body(0)…body(count − 1)` run on as many cores as there are, their results
/// in index order. Each call writes only its own slot of a buffer allocated
/// beforehand (no shared Swift array is mutated), so the calls need no lock;
/// `body` must be safe to run concurrently.
public func concurrentMap<T>(_ count: Int, _ body: (Int) -> T) -> [T] {
    guard count > 1 else { return count == 1 ? [body(0)] : [] }
    let slots = UnsafeMutablePointer<T>.allocate(capacity: count)
    defer { slots.deallocate() }
    withoutActuallyEscaping(body) { body in
        nonisolated(unsafe) let run = body, out = slots
        DispatchQueue.concurrentPerform(iterations: count) { i in (out + i).initialize(to: run(i)) }
    }
    return (0..<count).map { (slots + $0).move() }
}

/// `first()` and `second()` run at the same time; both results.
public func concurrently<A, B>(_ first: () -> A, _ second: () -> B) -> (A, B) {
    let results = concurrentMap(2) { job -> EitherResult<A, B> in job == 0 ? .first(first()) : .second(second()) }
    guard case .first(let a) = results[0], case .second(let b) = results[1] else { preconditionFailure("results out of order") }
    return (a, b)
}

private enum EitherResult<A, B> {
    case first(A)
    case second(B)
}
