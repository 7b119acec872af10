import Cleansing
import Foundation
import Testing

/// Constant memory: a 200,000-row file is read with the reader's buffers bounded by its configuration, not by
/// the file. (Timing and RSS figures belong to the benchmarks, not here.)
@Suite struct CSVStreamingMemoryTests {
    @Test("reading 200,000 rows keeps the buffers bounded and loses no row")
    func flatMemory() throws {
        let directory = try CSVTestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("big.csv")
        let rows = 200_000
        _ = FileManager.default.createFile(atPath: url.path, contents: nil)
        let handle = try FileHandle(forWritingTo: url)
        var chunk = Array("\u{FEFF}ИИН;Фамилия;Имя;Телефон;Регион\r\n".utf8)
        for index in 1...rows {
            let note = index % 1_000 == 0 ? "\"Иванов;\r\nмногострочный\"" : "Иванов"
            let ragged = index % 5_000 == 0 ? ";лишнее" : ""
            chunk += Array("85041530\(String(format: "%04d", index % 10_000));\(note);Пётр;+7701\(String(format: "%07d", index));г. Алматы\(ragged)\r\n".utf8)
            if chunk.count > 1 << 20 {
                handle.write(Data(chunk))
                chunk.removeAll(keepingCapacity: true)
            }
        }
        handle.write(Data(chunk))
        try handle.close()
        let size = try FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int ?? 0

        let configuration = CSVReaderConfiguration.default
        let reader = try CSVRecordReader(path: url.path, configuration: configuration)
        var records = 0
        var unreadable = 0
        var lastLine = 0
        while let item = try reader.next() {
            #expect(item.line > lastLine)
            lastLine = item.line
            switch item {
            case .record: records += 1
            case .unreadable: unreadable += 1
            }
        }
        #expect(records + unreadable == rows)
        #expect(unreadable == rows / 5_000)
        // Every 1,000th row spans two physical lines; the last row is one of them and starts on the line before its end.
        #expect(lastLine == rows + rows / 1_000)
        #expect(reader.statistics.physicalLines == rows + 1 + rows / 1_000)
        #expect(reader.statistics.bytesRead == size)
        #expect(size > 10 * (configuration.chunkSize + 2 * configuration.maximumRecordBytes))
        // Buffer capacities are what the allocator hands out: tcmalloc (linked into qorgan and the test binary) rounds a
        // 64 KiB request up to its next size class, up to an eighth more than asked for.
        let bound = configuration.chunkSize + 2 * configuration.maximumRecordBytes
        #expect(reader.statistics.peakBufferedBytes <= bound + bound / 8 + 1_024)
    }
}
