import PostgresNIO
import ShopDomain
import Storage

/// Reading the store: the entries a pull asks for, the whole journal a page at a time, its digest
/// and its size.
extension PostgresJournal {
    public func entries(after seq: Int64, excluding device: DeviceID?, limit: Int?) throws -> [JournalEntry] {
        let query: PostgresQuery = """
            SELECT seq, device_id, device_seq, hlc, actor, kind, version, payload, prev_hash, hash FROM hub_journal
            WHERE seq > \(seq) AND device_id <> \(device?.rawValue ?? "") ORDER BY seq LIMIT \(limit.map(Int64.init))
            """
        return try withConnection { connection in
            try connection.query(query, logger: logger).wait(within: statementTimeout).map(Self.entry)
        }
    }

    /// Every entry in apply order, a page at a time (bounded memory for a large journal).
    public func forEach(_ body: (JournalEntry) throws -> Void) throws {
        var after: Int64 = 0
        while true {
            let page = try entries(after: after, excluding: nil, limit: 10_000)
            for entry in page { try body(entry) }
            guard let last = page.last, page.count == 10_000 else { return }
            after = last.seq
        }
    }

    /// The journal's digest, as `ShopDatabase.journalDigest` computes it for a file.
    public func journalDigest() throws -> JournalDigest {
        var digest = JournalDigest()
        try forEach { digest.add($0) }
        return digest
    }

    /// How many ops the store holds.
    public func count() throws -> Int {
        try withConnection { connection in
            try connection.query("SELECT COUNT(*)::bigint FROM hub_journal", logger: logger).wait(within: statementTimeout).first.map { Int(try $0.decode(Int64.self)) } ?? 0
        }
    }

    static func entry(_ row: PostgresRow) throws -> JournalEntry {
        let (seq, device, deviceSeq, hlc, actor, kind, version, payload, prevHash, hash) =
            try row.decode((Int64, String, Int64, String, String, String, Int64, String, String, String).self)
        return JournalEntry(seq: seq, op: Op(deviceID: DeviceID(rawValue: device), deviceSeq: deviceSeq, hlc: HLC(hlc) ?? .zero,
                                             actor: StaffID(rawValue: actor), kind: kind, version: Int(version), payload: payload,
                                             prevHash: prevHash, hash: hash))
    }
}
