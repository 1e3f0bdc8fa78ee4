import Foundation
import Testing
@testable import Printing

/// Writes the sample pages to `$PRINTING_SAMPLES_DIR` so they can be opened or screenshotted
/// (`Scripts/dev/print-samples.sh`); does nothing when the variable is unset.
@Suite struct SampleFiles {
    @Test func writeSamplesWhenAsked() throws {
        guard let directory = ProcessInfo.processInfo.environment["PRINTING_SAMPLES_DIR"] else { return }
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let pages = [
            "labels.html": LabelSheet.html(Samples.labels, title: "面单 20261130-01"),
            "label-extreme.html": LabelSheet.html([Samples.extremeLabel], title: "面单 极端"),
            "pick-list.html": Samples.pickList.html(),
            "evidence.html": Samples.evidence.html(),
        ]
        for (name, html) in pages {
            try html.write(toFile: directory + "/" + name, atomically: true, encoding: .utf8)
        }
    }
}
