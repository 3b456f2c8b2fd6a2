import FootnoteStorage

/// Drops English stop words (compared after folding, before stemming).
///
/// The list is NLTK's English list (179 words) plus some: measured on Cranfield/CISI/SQuAD
/// it beat both Lucene's 33 words and scikit-learn's 318 (which removes content
/// words such as "system" and "find"). Added: the Latin abbreviations `e.g` and
/// `i.e` (the tokenizer keeps them whole), which are function words too; and
/// the contractions of two stop words NLTK lists only in part (it has
/// "you're" and "it's", not "i'm" or "that's"). The tokenizer keeps "I'm"
/// whole, so it was a rare term: in doc2dial's pages it heads "I'm a
/// Graduate/Professional Student", and "I'm here for plus loan info?" was
/// ranked by "i'm" first (idf 5.5, above "loan"). Question words (what, why, how, …) are on
/// it, so a question's content words carry the ranking.
public struct StopWordFilter: TokenFilter, Sendable {
    /// The stop words, hashed as the term tables are (a lookup hashes the
    /// bytes in place: no array, no SipHash).
    private var words: ByteKeyTable

    public init(words: [String] = StopWordFilter.english) {
        self.words = ByteKeyTable(words)
    }

    public mutating func apply(_ token: inout Token) -> Bool {
        token.term.withUnsafeBufferPointer { !contains($0) }
    }

    /// Whether the folded word `word` is a stop word.
    @inline(__always)
    func contains(_ word: UnsafeBufferPointer<UInt8>) -> Bool { words.find(word) != nil }

    public static let english: [String] = """
        i me my myself we our ours ourselves you you're you've you'll you'd your yours yourself yourselves \
        he him his himself she she's her hers herself it it's its itself they them their theirs themselves \
        what which who whom this that that'll these those am is are was were be been being have has had having \
        do does did doing a an the and but if or because as until while of at by for with about against between \
        into through during before after above below to from up down in out on off over under again further then \
        once here there when where why how all any both each few more most other some such no nor not only own \
        same so than too very s t can will just don don't should should've now d ll m o re ve y ain aren aren't \
        couldn couldn't didn didn't doesn doesn't hadn hadn't hasn hasn't haven haven't isn isn't ma mightn \
        mightn't mustn mustn't needn needn't shan shan't shouldn shouldn't wasn wasn't weren weren't won won't \
        wouldn wouldn't e.g i.e \
        i'm i've i'll i'd we're we've we'll we'd they're they've they'll they'd he's he'll he'd she'll she'd \
        it'll it'd that's there's here's what's who's where's when's why's how's can't
        """.split(separator: " ").map(String.init)
}
