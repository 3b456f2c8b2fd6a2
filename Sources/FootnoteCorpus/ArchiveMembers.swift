/// Which files inside a zip archive are read when `--archives` is given
/// (`CorpusLoader`), and how an archive that cannot be read is reported.
/// Each member read is a document of its own, in its own format by its
/// name (`notes/tea.md` is Markdown, `kettle.1.gz` a man page), cited as
/// `bundle.zip/notes/tea.md:12`.
enum ArchiveMembers {
    /// Members not even inflated: folders, macOS resource forks
    /// (`__MACOSX/`) and hidden files (a path part starting with a dot),
    /// as the folder walker passes hidden files over.
    static func isReadable(_ name: String) -> Bool {
        !name.hasPrefix("__MACOSX/") && !name.split(separator: "/").contains { $0.hasPrefix(".") }
    }

    /// Why a member is passed over unread, or nil to read it: an archive
    /// inside the archive (one level is read), or a web asset.
    static func passedOver(_ name: String) -> String? {
        let lower = name.lowercased()
        if [".zip", ".jar", ".tar", ".tgz", ".tar.gz", ".tar.xz", ".tar.bz2", ".7z", ".rar"].contains(where: { lower.hasSuffix($0) }) {
            return "an archive inside an archive: not read (unpack it to index it)"
        }
        if DocumentFormat.isWebAsset(name) { return "web asset (script, style sheet, font or image)" }
        return nil
    }
}
