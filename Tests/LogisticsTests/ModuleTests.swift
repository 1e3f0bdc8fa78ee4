import Testing
@testable import Logistics

@Suite struct ModuleTests {
    @Test func theModuleIsNamed() { #expect(Logistics.module.name == "logistics") }
}
