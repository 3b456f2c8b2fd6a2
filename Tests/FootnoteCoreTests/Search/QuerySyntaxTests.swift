import Testing
@testable import FootnoteSearch

@Suite struct QuerySyntaxTests {
    typealias Clause = QuerySyntax.Clause

    @Test func plainQuestionIsOneClause() {
        let q = QuerySyntax(parsing: "why are closed models popular?")
        #expect(q.clauses == [Clause("why are closed models popular?", .plain)])
        #expect(!q.hasOperators)
    }

    @Test func quotedPhrasesAreRequiredPhrases() {
        #expect(
            QuerySyntax(parsing: "what are \"closed models\" for").clauses
                == [Clause("what are ", .plain), Clause("closed models", .required, isPhrase: true), Clause(" for", .plain)])
        #expect(QuerySyntax(parsing: "\u{201C}open source\u{201D}").clauses == [Clause("open source", .required, isPhrase: true)])
    }

    @Test func signsBeforeWordsAndPhrases() {
        #expect(
            QuerySyntax(parsing: "models +llama -meta").clauses
                == [Clause("models ", .plain), Clause("llama", .required), Clause("meta", .excluded)])
        #expect(
            QuerySyntax(parsing: "models -\"stable diffusion\"").clauses
                == [Clause("models ", .plain), Clause("stable diffusion", .excluded, isPhrase: true)])
    }

    @Test func signsInsideWordsAndBeforeNumbersStayText() {
        for text in ["state-of-the-art models", "C++ compilers", "below -5 degrees", "a - b", "x+y"] {
            #expect(QuerySyntax(parsing: text).clauses == [Clause(text, .plain)], "\(text)")
        }
    }

    /// A sign before one or two letters is a command-line option, not an operator.
    @Test func shortOptionsStayText() {
        for text in ["What does set -e do?", "rm -rf the folder", "ls -la", "what is -v?", "gcc -O2 flags", "tar +x"] {
            #expect(QuerySyntax(parsing: text).clauses == [Clause(text, .plain)], "\(text)")
        }
        #expect(QuerySyntax(parsing: "tar -xzf").clauses == [Clause("tar ", .plain), Clause("xzf", .excluded)])
        #expect(QuerySyntax(parsing: "models -ai").clauses == [Clause("models -ai", .plain)])
        #expect(QuerySyntax(parsing: "models -llama").clauses == [Clause("models ", .plain), Clause("llama", .excluded)])
        // In a question, a signed word with more words after it is an option too; the last one is still an operator.
        #expect(QuerySyntax(parsing: "What does find -name do?").clauses == [Clause("What does find -name do?", .plain)])
        #expect(
            QuerySyntax(parsing: "Which models are open -meta?").clauses == [
                Clause("Which models are open ", .plain), Clause("meta?", .excluded),
            ])
        #expect(
            QuerySyntax(parsing: "find -name do").clauses == [Clause("find ", .plain), Clause("name", .excluded), Clause(" do", .plain)])
        #expect(
            QuerySyntax(parsing: "why -\"stable diffusion\" models?").clauses
                == [Clause("why ", .plain), Clause("stable diffusion", .excluded, isPhrase: true), Clause(" models?", .plain)])
    }

    @Test func unclosedQuoteIsText() {
        #expect(QuerySyntax(parsing: "the \"open models").clauses == [Clause("the \"open models", .plain)])
    }
}
