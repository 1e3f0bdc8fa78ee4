/// Splits CSV bytes into records of undecoded fields, fed chunk by chunk: a chunk may end anywhere
/// (inside a quoted field, between CR and LF, inside a multi-byte character). Safe on bytes because
/// `"` `,` CR and LF are never trail bytes in UTF-8 or GB18030.
///
/// RFC 4180 plus the habits of real exports: `""` inside quotes, line breaks inside quotes, CRLF,
/// LF or a lone CR, and a `"` that does not open a field taken literally (`="1930…"` stays as is).
/// Every record keeps the physical line it starts on.
struct CSVSplitter {
    /// One record's fields, undecoded, back to back in one buffer (two allocations a record,
    /// not one a field).
    struct RawRecord {
        var line: Int
        /// Where the record starts in the splitter's input (its first byte, after the line
        /// break that ended the record before it) and ends (after the line break that ends it,
        /// or the input's end); a CR's LF is not counted in.
        var offset: Int = 0
        var end: Int = 0
        var bytes: [UInt8]
        /// Where each field ends in `bytes`; field `i` starts where field `i - 1` ends.
        var ends: [Int]
        /// No byte ≥ 0x80: decodes the same in UTF-8 and GB18030.
        var ascii: Bool

        var fieldCount: Int { ends.count }

        func range(_ field: Int) -> Range<Int> {
            (field == 0 ? 0 : ends[field - 1])..<ends[field]
        }
    }

    private enum State { case fieldStart, unquoted, quoted, quoteInQuoted }

    /// A record longer than this means a stray quote swallowed the rest of the file.
    static let maxRecordBytes = 1 << 20

    private var state = State.fieldStart
    private var bytes: [UInt8] = []
    private var ends: [Int] = []
    private var ascii = true
    private var recordBytes = 0
    private var inRecord = false
    private var recordLine = 1
    private var recordOffset = 0
    private var line = 1
    /// Bytes stepped so far.
    private var position = 0
    /// The previous byte was a CR that ended a record: a following LF belongs to it.
    private var skipLF = false
    /// The previous byte was a CR inside quotes: a following LF is the same line break.
    private var quotedCR = false
    /// The line of a record whose quote never closes (or runs past `maxRecordBytes`).
    private(set) var unterminatedLine: Int?

    private static let quote: UInt8 = 0x22, comma: UInt8 = 0x2C, cr: UInt8 = 0x0D, lf: UInt8 = 0x0A

    /// Splits input that starts on physical line `line` (the rest of a file from a record's start,
    /// `recordStart`).
    init(line: Int = 1) {
        self.line = line
        recordLine = line
    }

    /// Where the first record starting at or after `offset` begins in `bytes` (a whole file's,
    /// from its start) and the physical line it starts on (`RecordStart`). Nil when no record
    /// starts there (a quote open to the end, or no line break after `offset`).
    static func recordStart(in bytes: UnsafeBufferPointer<UInt8>, atOrAfter offset: Int) -> (offset: Int, line: Int)? {
        var scan = RecordStart(atOrAfter: offset)
        return scan.feed(bytes)
    }

    /// Finds where the first record starting at or after `target` begins, fed a file from its
    /// start chunk by chunk: the states of `step`, keeping nothing, so a second reader can start
    /// there (`TaobaoDetailExport.read`).
    struct RecordStart {
        private let target: Int
        private var state = State.fieldStart, line = 1, quotedCR = false, position = 0
        /// The last byte was a CR that ended a record: an LF after it belongs to it.
        private var afterCR = false
        /// A record start at or after `target`, found once a byte after it shows it is not the end.
        private var candidate: Int?

        init(atOrAfter target: Int) {
            self.target = target
        }

        /// The record start, once found (no more input is needed then); nil while it is not, and
        /// at the end of the input (no record starts at the end).
        mutating func feed(_ bytes: UnsafeBufferPointer<UInt8>) -> (offset: Int, line: Int)? {
            for b in bytes {
                if let candidate { return (candidate, line) }
                position += 1
                if afterCR {
                    afterCR = false
                    if b == CSVSplitter.lf {
                        recordEnded(at: position)
                        continue
                    }
                    recordEnded(at: position - 1)
                    if let candidate { return (candidate, line) }
                }
                if state == .quoted {
                    if b == CSVSplitter.quote {
                        state = .quoteInQuoted
                    } else {
                        if b == CSVSplitter.cr || (b == CSVSplitter.lf && !quotedCR) { line += 1 }
                        quotedCR = b == CSVSplitter.cr
                    }
                    continue
                }
                if state == .quoteInQuoted, b == CSVSplitter.quote {
                    state = .quoted
                    continue
                }
                if state == .fieldStart, b == CSVSplitter.quote {
                    state = .quoted
                    quotedCR = false
                    continue
                }
                switch b {
                case CSVSplitter.comma:
                    state = .fieldStart
                case CSVSplitter.cr:
                    line += 1
                    state = .fieldStart
                    afterCR = true
                case CSVSplitter.lf:
                    line += 1
                    state = .fieldStart
                    recordEnded(at: position)
                default:
                    state = .unquoted
                }
            }
            return nil
        }

        private mutating func recordEnded(at next: Int) {
            if next >= target { candidate = next }
        }
    }

    mutating func feed(_ bytes: [UInt8], into out: inout [RawRecord]) {
        guard unterminatedLine == nil else { return }
        bytes.withUnsafeBufferPointer { buffer in
            for b in buffer {
                step(b, into: &out)
            }
        }
        if recordBytes > Self.maxRecordBytes { unterminatedLine = recordLine }
    }

    /// The first record of `bytes` (from a record's start, `RawRecord.offset`, on), split as
    /// `feed` splits it: nil when its quote does not close within them.
    static func firstRecord(of bytes: UnsafeBufferPointer<UInt8>, line: Int) -> RawRecord? {
        var splitter = CSVSplitter(line: line), out: [RawRecord] = []
        for b in bytes {
            splitter.step(b, into: &out)
            if let record = out.first { return record }
        }
        splitter.finish(into: &out)
        return out.first
    }

    /// The end of the input: the last record if it has no line break after it.
    mutating func finish(into out: inout [RawRecord]) {
        guard unterminatedLine == nil, inRecord else { return }
        if state == .quoted {
            unterminatedLine = recordLine
            return
        }
        endRecord(into: &out)
    }

    @inline(__always)
    private mutating func step(_ b: UInt8, into out: inout [RawRecord]) {
        position &+= 1
        if skipLF {
            skipLF = false
            if b == Self.lf { return }
        }
        if !inRecord {
            inRecord = true
            recordLine = line
            recordOffset = position - 1
        }
        recordBytes &+= 1
        switch state {
        case .quoted:
            if b == Self.quote {
                state = .quoteInQuoted
                return
            }
            if b == Self.cr {
                line += 1
            } else if b == Self.lf && !quotedCR {
                line += 1
            }
            quotedCR = b == Self.cr
            append(b)
        case .quoteInQuoted:
            if b == Self.quote {
                append(b)
                state = .quoted
            } else {
                unquoted(b, into: &out)
            }
        case .fieldStart:
            if b == Self.quote {
                state = .quoted
                quotedCR = false
            } else {
                unquoted(b, into: &out)
            }
        case .unquoted:
            unquoted(b, into: &out)
        }
    }

    @inline(__always)
    private mutating func unquoted(_ b: UInt8, into out: inout [RawRecord]) {
        switch b {
        case Self.comma:
            ends.append(bytes.count)
            state = .fieldStart
        case Self.cr:
            line += 1
            skipLF = true
            endRecord(into: &out)
        case Self.lf:
            line += 1
            endRecord(into: &out)
        default:
            append(b)
            state = .unquoted
        }
    }

    @inline(__always)
    private mutating func append(_ b: UInt8) {
        if b >= 0x80 { ascii = false }
        bytes.append(b)
    }

    private mutating func endRecord(into out: inout [RawRecord]) {
        ends.append(bytes.count)
        out.append(RawRecord(line: recordLine, offset: recordOffset, end: position, bytes: bytes, ends: ends, ascii: ascii))
        bytes.removeAll(keepingCapacity: true)
        ends.removeAll(keepingCapacity: true)
        state = .fieldStart
        ascii = true
        inRecord = false
        recordBytes = 0
    }
}
