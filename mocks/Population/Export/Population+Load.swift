public import Foundation
import Identifiers

extension Population {
    /// Reads a directory written by `write(to:)` (or `qorgan population generate`) back into memory.
    ///
    /// The result equals the population that was exported, including its configuration.
    ///
    /// - Throws: `PopulationError.io` for a missing file, `.malformed` (file and line, never the data) for a
    ///   line that does not parse, `.unsupportedFormat` for another format version.
    public static func load(from directory: URL) throws(PopulationError) -> Population {
        let manifestBytes = try readBytes(directory, PopulationLayout.manifest)
        let manifest: JSONValue
        do {
            manifest = try manifestBytes.withUnsafeBufferPointer { buffer throws(JSONParser.Failure) in try JSONParser.parse(buffer) }
        } catch {
            throw .malformed(file: PopulationLayout.manifest, line: 1, reason: error.reason)
        }
        let version = manifest["formatVersion"].int ?? 0
        guard version == PopulationLayout.formatVersion else { throw .unsupportedFormat(version) }
        let configuration: PopulationConfiguration
        do {
            configuration = try PopulationConfiguration(manifest: RecordReader(manifest, referenceDate: CalendarDate(year: 2000, month: 1, day: 1)!))
        } catch {
            throw .malformed(file: PopulationLayout.manifest, line: 1, reason: error.reason)
        }
        let today = configuration.referenceDate

        // The three big files in parallel with everything else.
        let parts = parallelMap(count: 4) { job -> LoadedPart in
            do throws(PopulationError) {
                switch job {
                case 0: return .people(try readLines(directory, PopulationLayout.people, today, Person.init(reading:)))
                case 1: return .patients(try readLines(directory, PopulationLayout.patients, today, PatientRecord.init(reading:)))
                case 2:
                    return .individuals(IndividualsRegistry(
                        persons: try readLines(directory, PopulationLayout.individualsPersons, today, IndividualRecord.init(reading:)),
                        birthRecords: try readLines(directory, PopulationLayout.birthRecords, today, BirthRecord.init(reading:))))
                default:
                    let education = EducationRegistry(
                        schools: try readLines(directory, PopulationLayout.schools, today, School.init(reading:)),
                        students: try readLines(directory, PopulationLayout.students, today, StudentRecord.init(reading:)),
                        educators: try readLines(directory, PopulationLayout.educators, today, EducatorRecord.init(reading:)))
                    let business = BusinessRegistry(
                        legalEntities: try readLines(directory, PopulationLayout.legalEntities, today, LegalEntityRecord.init(reading:)),
                        entrepreneurs: try readLines(directory, PopulationLayout.entrepreneurs, today, EntrepreneurRecord.init(reading:)))
                    let defects = try readLines(directory, PopulationLayout.defects, today, Defect.init(reading:))
                    let truth = try readLines(directory, PopulationLayout.declarationTruth, today, DeclarationTruth.init(reading:))
                    let declarations = try readDeclarations(directory)
                    return .rest(education, business, defects, truth, declarations)
                }
            } catch {
                return .failed(error)
            }
        }
        var people: [Person] = []
        var patients: [PatientRecord] = []
        var individuals = IndividualsRegistry(persons: [], birthRecords: [])
        var rest: (EducationRegistry, BusinessRegistry, [Defect], [DeclarationTruth], [Declaration])?
        for part in parts {
            switch part {
            case .people(let value): people = value
            case .patients(let value): patients = value
            case .individuals(let value): individuals = value
            case .rest(let education, let business, let defects, let truth, let declarations): rest = (education, business, defects, truth, declarations)
            case .failed(let error): throw error
            }
        }
        guard let (education, business, defects, truth, declarations) = rest else { throw .io(path: directory.path, reason: "incomplete load") }
        return Population(
            configuration: configuration, people: people, individuals: individuals, education: education, health: HealthRegistry(patients: patients),
            business: business, declarations: declarations, declarationTruth: truth, defects: defects)
    }

    private static func readBytes(_ directory: URL, _ name: String) throws(PopulationError) -> [UInt8] {
        let url = directory.appendingPathComponent(name)
        guard let data = FileManager.default.contents(atPath: url.path) else { throw .io(path: url.path, reason: "cannot read file") }
        return [UInt8](data)
    }

    private static func readLines<T>(
        _ directory: URL, _ name: String, _ today: CalendarDate, _ decode: (RecordReader) throws(RecordReader.Failure) -> T
    ) throws(PopulationError) -> [T] {
        let bytes = try readBytes(directory, name)
        var items: [T] = []
        var lineNumber = 0
        var failure: PopulationError?
        bytes.withUnsafeBufferPointer { buffer in
            var start = 0
            while start < buffer.count, failure == nil {
                var end = start
                while end < buffer.count, buffer[end] != 10 { end += 1 }
                lineNumber += 1
                if end > start {
                    do {
                        let value = try JSONParser.parse(UnsafeBufferPointer(rebasing: buffer[start..<end]))
                        items.append(try decode(RecordReader(value, referenceDate: today)))
                    } catch let error as JSONParser.Failure {
                        failure = .malformed(file: name, line: lineNumber, reason: error.reason)
                    } catch let error as RecordReader.Failure {
                        failure = .malformed(file: name, line: lineNumber, reason: error.reason)
                    } catch {
                        failure = .malformed(file: name, line: lineNumber, reason: "unreadable record")
                    }
                }
                start = end + 1
            }
        }
        if let failure { throw failure }
        return items
    }

    private static func readDeclarations(_ directory: URL) throws(PopulationError) -> [Declaration] {
        let name = PopulationLayout.declarationsComma
        guard let records = CSV.parse(try readBytes(directory, name), delimiter: UInt8(ascii: ",")) else {
            throw .malformed(file: name, line: 0, reason: "unterminated quoted field")
        }
        guard records.first == Declaration.columns else { throw .malformed(file: name, line: 1, reason: "unexpected header") }
        var declarations: [Declaration] = []
        for (index, fields) in records.dropFirst().enumerated() {
            guard let declaration = Declaration(fields: fields) else {
                throw .malformed(file: name, line: index + 2, reason: "expected \(Declaration.columns.count) fields")
            }
            declarations.append(declaration)
        }
        return declarations
    }
}

/// One concurrently loaded part of a population.
private enum LoadedPart: Sendable {
    case people([Person])
    case patients([PatientRecord])
    case individuals(IndividualsRegistry)
    case rest(EducationRegistry, BusinessRegistry, [Defect], [DeclarationTruth], [Declaration])
    case failed(PopulationError)
}
