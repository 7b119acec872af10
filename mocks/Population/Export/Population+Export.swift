public import Foundation

extension Population {
    /// Writes the population to `directory` (created if needed): JSON Lines per registry view, the truth,
    /// the declarations in both CSV dialects, the ground truth and a manifest. See the module README.
    ///
    /// The same population always produces byte-identical files. Files are written concurrently.
    ///
    /// - Throws: `PopulationError.io` when a directory or file cannot be written.
    public func write(to directory: URL) throws(PopulationError) {
        let manager = FileManager.default
        for folder in ["truth", "individuals", "education", "health", "business", "declarations", "ground-truth"] {
            let url = directory.appendingPathComponent(folder, isDirectory: true)
            do {
                try manager.createDirectory(at: url, withIntermediateDirectories: true)
            } catch {
                throw .io(path: url.path, reason: "cannot create directory")
            }
        }
        let results = parallelMap(count: 4) { job -> PopulationError? in
            do throws(PopulationError) {
                try self.writeFiles(job: job, to: directory)
                return nil
            } catch {
                return error
            }
        }
        if let failure = results.compactMap({ $0 }).first { throw failure }
    }

    /// One of four independent groups of files (the big ones alone, the small ones together).
    private func writeFiles(job: Int, to directory: URL) throws(PopulationError) {
        switch job {
        case 0:
            try Self.writeLines(people, to: directory, PopulationLayout.people) { $1.write(to: &$0) }
        case 1:
            try Self.writeLines(health.patients, to: directory, PopulationLayout.patients) { $1.write(to: &$0) }
        case 2:
            try Self.writeLines(individuals.persons, to: directory, PopulationLayout.individualsPersons) { $1.write(to: &$0) }
            try Self.writeLines(individuals.birthRecords, to: directory, PopulationLayout.birthRecords) { $1.write(to: &$0) }
        default:
            try Self.writeLines(education.schools, to: directory, PopulationLayout.schools) { $1.write(to: &$0) }
            try Self.writeLines(education.students, to: directory, PopulationLayout.students) { $1.write(to: &$0) }
            try Self.writeLines(education.educators, to: directory, PopulationLayout.educators) { $1.write(to: &$0) }
            try Self.writeLines(business.legalEntities, to: directory, PopulationLayout.legalEntities) { $1.write(to: &$0) }
            try Self.writeLines(business.entrepreneurs, to: directory, PopulationLayout.entrepreneurs) { $1.write(to: &$0) }
            try Self.writeLines(defects, to: directory, PopulationLayout.defects) { $1.write(to: &$0) }
            try Self.writeLines(declarationTruth, to: directory, PopulationLayout.declarationTruth) { $1.write(to: &$0) }
            try writeDeclarations(to: directory, PopulationLayout.declarationsExcel, dialect: .excel)
            try writeDeclarations(to: directory, PopulationLayout.declarationsComma, dialect: .comma)
            var manifest = JSONWriter()
            configuration.writeManifest(to: &manifest, counts: counts)
            try Self.write(manifest.bytes, to: directory.appendingPathComponent(PopulationLayout.manifest))
        }
    }

    /// Record counts per file, in a fixed order (written to the manifest).
    public var counts: [(String, Int)] {
        [
            ("people", people.count), ("individuals.persons", individuals.persons.count), ("individuals.birthRecords", individuals.birthRecords.count),
            ("education.schools", education.schools.count), ("education.students", education.students.count),
            ("education.educators", education.educators.count), ("health.patients", health.patients.count),
            ("business.legalEntities", business.legalEntities.count), ("business.entrepreneurs", business.entrepreneurs.count),
            ("declarations", declarations.count), ("defects", defects.count),
        ]
    }

    private func writeDeclarations(to directory: URL, _ name: String, dialect: CSVDialect) throws(PopulationError) {
        var bytes: [UInt8] = dialect.byteOrderMark ? [0xEF, 0xBB, 0xBF] : []
        bytes.reserveCapacity(declarations.count * 220 + 512)
        CSV.append(Declaration.columns, to: &bytes, dialect: dialect)
        for declaration in declarations { CSV.append(declaration.fields, to: &bytes, dialect: dialect) }
        try Self.write(bytes, to: directory.appendingPathComponent(name))
    }

    /// Streams one JSON object per line to `name`, flushing every few megabytes.
    private static func writeLines<T>(
        _ items: [T], to directory: URL, _ name: String, encode: (inout JSONWriter, T) -> Void
    ) throws(PopulationError) {
        let url = directory.appendingPathComponent(name)
        guard FileManager.default.createFile(atPath: url.path, contents: nil), let handle = try? FileHandle(forWritingTo: url) else {
            throw .io(path: url.path, reason: "cannot create file")
        }
        defer { try? handle.close() }
        var writer = JSONWriter(capacity: 1 << 23)
        do {
            for item in items {
                encode(&writer, item)
                writer.newline()
                if writer.bytes.count >= 1 << 22 {
                    try handle.write(contentsOf: writer.bytes)
                    writer.removeAll()
                }
            }
            if !writer.bytes.isEmpty { try handle.write(contentsOf: writer.bytes) }
        } catch {
            throw .io(path: url.path, reason: "write failed")
        }
    }

    private static func write(_ bytes: [UInt8], to url: URL) throws(PopulationError) {
        do {
            try Data(bytes).write(to: url)
        } catch {
            throw .io(path: url.path, reason: "write failed")
        }
    }
}
