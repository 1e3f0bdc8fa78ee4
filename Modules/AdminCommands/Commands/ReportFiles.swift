import Foundation
import Interchange
import Reporting
import ShopDomain
import Storage

/// Writing a report's files, and handing it in as a due report (ORG-2).
enum ReportFiles {
    /// UTF-8 with a BOM through Interchange's writer, so Excel on a Chinese PC opens it.
    static func csv(_ document: ReportDocument, to path: String) throws {
        let writer = try CSVWriter(path: path)
        try writer.write(document.csvRows())
        try writer.close()
    }

    static func html(_ document: ReportDocument, to path: String) throws {
        do {
            try Data(document.html().utf8).write(to: URL(fileURLWithPath: path))
        } catch {
            throw ReportingError.unwritable(path)
        }
    }

    /// Files the report as the acting person's due report(s) through Workforce's `plan.written`.
    static func file(_ report: String, period: ReportPeriod, summary: String, session: Session, actor: ActorOption, json: Bool) throws {
        let me = try actor.resolve(in: session)
        let ops = try ReportFiling.ops(report: report, period: period, name: me.name, roles: me.roles, summary: summary, in: .current)
        for op in ops { try session.apply(op, as: me) }
        if !json {
            for op in ops { Output.line(L("已交 \(period.label) 的\(op.kind.title(in: .zh))", "Handed in the \(op.kind.title(in: .en)) for \(period.label)")) }
        }
    }
}
