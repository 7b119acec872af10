import Identifiers

extension PopulationConfiguration {
    /// Writes the manifest: format version, seed, size, reference date, every rate and record counts.
    func writeManifest(to writer: inout JSONWriter, counts: [(String, Int)]) {
        writer.open()
        writer.field("formatVersion", PopulationLayout.formatVersion)
        writer.field("generator", "qorgan Population")
        writer.field("seed", String(seed))
        writer.field("people", people)
        writer.field("referenceDate", referenceDate.description)
        writer.openObject("rates")
        for (name, value) in rateList { writer.field(name, String(value)) }
        let mix = defects.nameVariantMix
        writer.field("defects.nameVariantMix.kazakhLetterRussianised", String(mix.kazakhLetterRussianised))
        writer.field("defects.nameVariantMix.latinTransliteration", String(mix.latinTransliteration))
        writer.field("defects.nameVariantMix.typo", String(mix.typo))
        writer.field("defects.nameVariantMix.firstLastSwapped", String(mix.firstLastSwapped))
        writer.field("defects.nameVariantMix.patronymicMissing", String(mix.patronymicMissing))
        writer.close()
        writer.openObject("counts")
        for (name, count) in counts { writer.field(name, count) }
        writer.close()
        writer.close()
        writer.newline()
    }

    /// Reads the configuration back from a manifest.
    init(manifest r: RecordReader) throws(RecordReader.Failure) {
        guard let seed = UInt64(try r.string("seed")) else { throw RecordReader.Failure(reason: "field 'seed' is not an unsigned integer") }
        self.init(seed: seed, people: try r.int("people"), referenceDate: try r.date("referenceDate"))
        guard case .object(let rates) = r.value["rates"] else { throw RecordReader.Failure(reason: "field 'rates' missing") }
        for (name, value) in rates {
            guard let text = value.string, let number = Double(text), set(rate: name, to: number) else {
                throw RecordReader.Failure(reason: "rate '\(name)' unknown or not a number")
            }
        }
    }

    /// Sets a rate by its dotted manifest name; `false` for an unknown name.
    private mutating func set(rate name: String, to value: Double) -> Bool {
        switch name {
        case "iinDeviationRate": iinDeviationRate = value
        case "kazakhSpellingRate": kazakhSpellingRate = value
        case "birthRecords.from2010": birthRecords.from2010 = value
        case "birthRecords.before2010": birthRecords.before2010 = value
        case "life.adultDeathRate": life.adultDeathRate = value
        case "life.childDeathRate": life.childDeathRate = value
        case "life.disabilityRate": life.disabilityRate = value
        case "life.chronicConditionRate": life.chronicConditionRate = value
        case "life.schoolEnrolmentRate": life.schoolEnrolmentRate = value
        case "life.sportsClearanceRate": life.sportsClearanceRate = value
        case "providers.entrepreneurRate": providers.entrepreneurRate = value
        case "providers.legalEntityRate": providers.legalEntityRate = value
        case "providers.coachRate": providers.coachRate = value
        case "providers.activeShare": providers.activeShare = value
        case "providers.suspendedShare": providers.suspendedShare = value
        case "defects.deadSoulRate": defects.deadSoulRate = value
        case "defects.nameVariantMix.kazakhLetterRussianised": defects.nameVariantMix.kazakhLetterRussianised = value
        case "defects.nameVariantMix.latinTransliteration": defects.nameVariantMix.latinTransliteration = value
        case "defects.nameVariantMix.typo": defects.nameVariantMix.typo = value
        case "defects.nameVariantMix.firstLastSwapped": defects.nameVariantMix.firstLastSwapped = value
        case "defects.nameVariantMix.patronymicMissing": defects.nameVariantMix.patronymicMissing = value
        case "declarations.childShare": declarations.childShare = value
        case "declarations.noiseRate": declarations.noiseRate = value
        case "declarations.nonExistentIIN": declarations.nonExistentIIN = value
        case "declarations.someoneElsesChild": declarations.someoneElsesChild = value
        case "declarations.deceasedChild": declarations.deceasedChild = value
        case "declarations.wrongRegion": declarations.wrongRegion = value
        default:
            for registry in RegistryKind.allCases {
                let prefix = "defects.\(registry.rawValue)."
                guard name.hasPrefix(prefix) else { continue }
                switch name.dropFirst(prefix.count) {
                case "nameVariant": defects[registry].nameVariant = value
                case "birthDateSwap": defects[registry].birthDateSwap = value
                case "missingRecord": defects[registry].missingRecord = value
                default: return false
                }
                return true
            }
            return false
        }
        return true
    }
}
