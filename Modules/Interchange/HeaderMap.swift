/// Finds columns by header name, not position: real exports add, drop and reorder columns over
/// the years, and some header names carry trailing spaces.
public struct HeaderMap: Sendable {
    /// A field the importer wants, and every header name that means it.
    public struct Field: Sendable {
        public var key: String
        public var aliases: [String]
        public var required: Bool

        public init(_ key: String, aliases: [String], required: Bool) {
            self.key = key
            self.aliases = aliases
            self.required = required
        }
    }

    private let index: [String: Int]
    private let headers: [String: String]

    /// Matches the header row against the fields; a missing required field is refused, naming it.
    public init(header: [String], fields: [Field], file: String) throws(InterchangeError) {
        let names = header.map(HeaderMap.normalize)
        var index: [String: Int] = [:]
        for field in fields {
            let aliases = Set(([field.key] + field.aliases).map(HeaderMap.normalize))
            let matches = names.indices.filter { aliases.contains(names[$0]) }
            if matches.count > 1 { throw .duplicateColumn(file: file, column: header[matches[1]].trimmingWhitespace()) }
            if let column = matches.first {
                index[field.key] = column
            } else if field.required {
                throw .missingColumn(file: file, column: field.aliases.first(where: { $0.unicodeScalars.contains { $0.value > 0x7F } })
                                        .map { "\(field.key)/\($0)" } ?? field.key)
            }
        }
        self.index = index
        self.headers = index.mapValues { header[$0].trimmingWhitespace() }
    }

    /// The trimmed value of a field in a record; nil when the column is absent or the cell empty.
    public func value(_ key: String, in record: CSVReader.Record) -> String? {
        guard let column = index[key], column < record.fields.count else { return nil }
        let value = record.fields[column].trimmingWhitespace()
        return value.isEmpty ? nil : value
    }

    public func has(_ key: String) -> Bool { index[key] != nil }

    /// The header name the file uses for a field (trimmed), to name it in messages.
    public func header(_ key: String) -> String? { headers[key] }

    /// Header names compare trimmed (including full-width spaces) and case-insensitively.
    static func normalize(_ name: String) -> String {
        name.trimmingWhitespace().lowercased()
    }
}
