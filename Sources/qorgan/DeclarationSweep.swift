import Foundation
import Population
import Verification

/// Runs every declaration of a population through the registries (child, parent, birth records), a bounded
/// number at a time, and hands each result to a consumer in input order of completion.
struct DeclarationSweep {
    /// One declaration with what the registries said.
    struct Item: Sendable {
        let index: Int
        let parsed: FamilyDeclaration
        let evidence: FamilyEvidence?
    }

    let collector: FamilyEvidenceCollector
    /// Declarations in flight at once.
    let concurrency: Int
    /// Budget of one declaration's registry calls.
    let budget: Duration

    /// Parses a population declaration (raw strings as typed).
    static func parse(_ declaration: Declaration) -> FamilyDeclaration {
        FamilyDeclaration(
            childIIN: declaration.childIIN, childSurname: declaration.childSurname, childFirstName: declaration.childFirstName,
            childPatronymic: declaration.childPatronymic, childBirthDate: declaration.childBirthDate, parentIIN: declaration.parentIIN,
            parentSurname: declaration.parentSurname, parentFirstName: declaration.parentFirstName, parentPatronymic: declaration.parentPatronymic,
            parentPhone: declaration.parentPhone, region: declaration.region)
    }

    /// Sweeps `declarations`, calling `consume` for each finished one (on the caller's task) and `progress`
    /// every 5 seconds with the count done.
    func run(_ declarations: [Declaration], consume: (Item) -> Void, progress: (Int) -> Void = { _ in }) async {
        let collector = self.collector
        let budget = self.budget
        var next = 0
        var done = 0
        var lastReport = ContinuousClock.now
        await withTaskGroup(of: Item.self) { group in
            func add() {
                guard next < declarations.count else { return }
                let index = next
                let parsed = Self.parse(declarations[index])
                next += 1
                group.addTask {
                    guard let child = parsed.child.iin, let parent = parsed.parent.iin else { return Item(index: index, parsed: parsed, evidence: nil) }
                    let evidence = await collector.collect(child: child, parent: parent, within: .after(budget))
                    return Item(index: index, parsed: parsed, evidence: evidence)
                }
            }
            for _ in 0..<max(1, concurrency) { add() }
            for await item in group {
                consume(item)
                done += 1
                if ContinuousClock.now - lastReport > .seconds(5) {
                    lastReport = ContinuousClock.now
                    progress(done)
                }
                add()
            }
        }
    }
}
