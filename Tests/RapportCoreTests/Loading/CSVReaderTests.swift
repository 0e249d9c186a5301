import Testing
@testable import RapportCore

@Suite("CSV reader")
struct CSVReaderTests {
    func rows(_ text: String) -> [[String]] {
        (try? CSVReader.rows(text).get())?.map { $0.cells.map(\.text) } ?? [["<failed>"]]
    }

    @Test("quoted commas, doubled quotes, line breaks inside quotes, CRLF, empty cells, no final line break")
    func tricky() {
        #expect(rows("a,b,c\r\n\"x, y\",\"say \"\"hi\"\"\",\r\n\"two\nlines\",,3") == [
            ["a", "b", "c"], ["x, y", "say \"hi\"", ""], ["two\nlines", "", "3"],
        ])
        #expect(rows("a\n\n\nb\n") == [["a"], ["b"]], "blank lines skipped")
        #expect(rows("\"\",\"\"\n") == [["", ""]], "empty quoted fields")
        #expect(rows("é,ü\n") == [["é", "ü"]])
    }

    @Test("each cell knows its line and column, after a quoted line break too")
    func places() throws {
        let read = try CSVReader.rows("key,value\n\"a\nb\",12\nc,x\n").get()
        #expect(read.map(\.line) == [1, 2, 4])
        #expect(read[1].cells.map { [$0.line, $0.column] } == [[2, 1], [3, 4]])
        #expect(read[2].cells[1] == CSVReader.Cell(text: "x", line: 4, column: 3))
    }

    @Test("an unclosed quote and text after a closing quote are problems at their place")
    func problems() {
        #expect(throws: CSVReader.Problem.unclosedQuote(line: 2, column: 3)) { try CSVReader.rows("a,b\nx,\"open\n").get() }
        #expect(throws: CSVReader.Problem.textAfterQuote(line: 1, column: 4)) { try CSVReader.rows("\"a\"b,c\n").get() }
    }
}
