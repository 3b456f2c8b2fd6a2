import CStemmer

/// A Snowball stemmer from libstemmer (Debian `libstemmer-dev`).
///
/// An `sb_stemmer` is not thread-safe and its output buffer is overwritten by the
/// next call, so each instance belongs to one thread and `stem` copies the result
/// at once.
public final class SnowballStemmer {
    private let handle: OpaquePointer

    /// - Parameter language: a libstemmer algorithm name, e.g. "english".
    public init?(language: String = "english") {
        guard let h = sb_stemmer_new(language, "UTF_8") else { return nil }
        handle = h
    }

    deinit { sb_stemmer_delete(handle) }

    /// Stems a UTF-8 word into `output` (replacing its contents).
    public func stem(_ word: [UInt8], into output: inout [UInt8]) {
        output.removeAll(keepingCapacity: true)
        word.withUnsafeBufferPointer { buf in
            guard let base = buf.baseAddress,
                let result = sb_stemmer_stem(handle, base, Int32(buf.count))
            else {
                output.append(contentsOf: buf)  // out of memory: keep the word as is
                return
            }
            let length = Int(sb_stemmer_length(handle))
            output.append(contentsOf: UnsafeBufferPointer(start: result, count: length))
        }
    }

    /// Stems a UTF-8 word and calls `body` with the stem, in the stemmer's
    /// own buffer: valid only during the call (copy it there).
    func withStem<R>(of word: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        guard let base = word.baseAddress, let result = sb_stemmer_stem(handle, base, Int32(word.count)) else {
            return body(word)  // out of memory (or nothing to stem): the word as is
        }
        return body(UnsafeBufferPointer(start: result, count: Int(sb_stemmer_length(handle))))
    }

    public func stem(_ word: String) -> String {
        var out: [UInt8] = []
        stem(Array(word.utf8), into: &out)
        return String(decoding: out, as: UTF8.self)
    }
}
