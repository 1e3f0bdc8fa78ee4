/// A CSV reader (RFC 4180 with the habits of real exports): quoted fields with `""` escapes and
/// line breaks inside, CRLF or LF, and the physical line each record starts on — so a bad row
/// is reported as `file:line`, even after a multi-line buyer message.
public struct CSVReader: Sequence, IteratorProtocol {
    public struct Record: Sendable, Equatable {
        /// 1-based line the record starts on.
        public var line: Int
        public var fields: [String]

        public init(line: Int, fields: [String]) {
            self.line = line
            self.fields = fields
        }
    }

    private var scalars: String.UnicodeScalarView.Iterator
    private var peeked: Unicode.Scalar?
    private var line = 1
    private let file: String
    public private(set) var error: InterchangeError?

    public init(text: String, file: String) {
        scalars = text.unicodeScalars.makeIterator()
        self.file = file
    }

    private mutating func nextScalar() -> Unicode.Scalar? {
        if let peeked {
            self.peeked = nil
            return peeked
        }
        return scalars.next()
    }

    /// The next record, or nil at the end (check `error` for a broken file).
    public mutating func next() -> Record? {
        guard error == nil else { return nil }
        var fields: [String] = []
        var field = String.UnicodeScalarView()
        let start = line
        var quoted = false
        var sawAnything = false
        while let c = nextScalar() {
            sawAnything = true
            if quoted {
                if c == "\"" {
                    if let n = nextScalar() {
                        if n == "\"" { field.append("\"") } else { quoted = false; peeked = n }
                    } else {
                        quoted = false
                    }
                } else {
                    if c == "\n" { line += 1 }
                    field.append(c)
                }
                continue
            }
            switch c {
            case "\"" where field.isEmpty:
                quoted = true
            case ",":
                fields.append(String(field))
                field = String.UnicodeScalarView()
            case "\r":
                if let n = nextScalar(), n != "\n" { peeked = n }
                line += 1
                fields.append(String(field))
                return Record(line: start, fields: fields)
            case "\n":
                line += 1
                fields.append(String(field))
                return Record(line: start, fields: fields)
            default:
                field.append(c)
            }
        }
        if quoted {
            error = .unterminatedQuote(file: file, line: start)
            return nil
        }
        guard sawAnything else { return nil }
        fields.append(String(field))
        return Record(line: start, fields: fields)
    }
}
