import FootnoteEvaluation
#if canImport(Glibc)
import Glibc
#endif

/// Reads a queries file, turning format errors into a one-line error (exit 65).
func loadQueries(_ path: String) throws -> [BEIRQuery] {
    do {
        let list = try BEIRQueries.read(path)
        guard !list.isEmpty else { throw FootnoteError(message: "\(path): no queries", exitCode: SysExits.dataError) }
        return list
    } catch let error as EvaluationInputError {
        let missing = access(path, R_OK) != 0
        throw FootnoteError(
            message: error.description + (missing ? "; pass a BEIR queries.jsonl" : ""),
            exitCode: missing ? SysExits.noInput : SysExits.dataError)
    }
}

/// Writes a whole file, or fails with one line naming it (exit 73/74).
func writeFile(_ path: String, _ text: String) throws {
    guard let file = fopen(path, "w") else {
        throw FootnoteError(message: "cannot write '\(path)': \(String(cString: strerror(errno)))", exitCode: 73)
    }
    var text = text
    let ok = text.withUTF8 { fwrite($0.baseAddress, 1, $0.count, file) == $0.count }
    if fclose(file) != 0 || !ok {
        throw FootnoteError(message: "cannot write '\(path)': \(String(cString: strerror(errno)))", exitCode: SysExits.ioError)
    }
}
