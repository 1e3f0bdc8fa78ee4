import Foundation

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

    /// Keyed by the field's own name, compared as UTF-8 bytes: every cell of an import asks, and
    /// a `String` key of Chinese text is hashed and compared through Unicode normalization
    /// (a fifth of an order import's reading thread, issue 20).
    private let index: [FieldKey: Int]
    private let headers: [FieldKey: String]

    /// Matches the header row against the fields; a missing required field is refused, naming it.
    public init(header: [String], fields: [Field], file: String) throws(InterchangeError) {
        let names = header.map(HeaderMap.normalize)
        var index: [FieldKey: Int] = [:]
        for field in fields {
            let aliases = Set(([field.key] + field.aliases).map(HeaderMap.normalize))
            let matches = names.indices.filter { aliases.contains(names[$0]) }
            if matches.count > 1 { throw .duplicateColumn(file: file, column: header[matches[1]].trimmingWhitespace()) }
            if let column = matches.first {
                index[FieldKey(field.key)] = column
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
        guard let column = index[FieldKey(key)], column < record.fields.count else { return nil }
        let value = record.fields[column].trimmingWhitespace()
        return value.isEmpty ? nil : value
    }

    public func has(_ key: String) -> Bool { index[FieldKey(key)] != nil }

    /// The column a field was found in.
    func column(_ key: String) -> Int? { index[FieldKey(key)] }

    /// The header name the file uses for a field (trimmed), to name it in messages.
    public func header(_ key: String) -> String? { headers[FieldKey(key)] }

    /// Header names compare trimmed (including full-width spaces) and case-insensitively.
    static func normalize(_ name: String) -> String {
        name.trimmingWhitespace().lowercased()
    }
}

/// A field name as a dictionary key by its UTF-8 bytes. The keys are the importers' own names
/// (the same literals at every lookup), so byte equality is the equality that matters.
struct FieldKey: Hashable, Sendable {
    let name: String

    init(_ name: String) { self.name = name }

    func hash(into hasher: inout Hasher) {
        var name = name
        name.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }

    /// The bytes compared at once (`memcmp`), not element by element through the generic
    /// `elementsEqual` (8% of an order import's reading thread, issue 20).
    static func == (a: FieldKey, b: FieldKey) -> Bool {
        var x = a.name, y = b.name
        return x.withUTF8 { p in
            y.withUTF8 { q in
                p.count == q.count && (p.count == 0 || memcmp(p.baseAddress!, q.baseAddress!, p.count) == 0)
            }
        }
    }
}
