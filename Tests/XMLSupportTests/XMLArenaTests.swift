import CXMLArena
import Foundation
import Testing
import XMLSupport

/// The per-document arenas libxml2 allocates parse trees in (CXMLArena), and documents built in them.
struct XMLArenaTests {
    // MARK: - The allocation functions

    @Test("while an arena is current, small blocks come from it, aligned; after it ends, from malloc")
    func blocksComeFromTheCurrentArena() throws {
        let arena = try #require(qorgan_xml_arena_begin())
        let blocks = (1...200).map { qorgan_xml_arena_malloc($0 * 7) }
        let large = qorgan_xml_arena_malloc(64 * 1024)
        qorgan_xml_arena_end()
        let afterwards = qorgan_xml_arena_malloc(32)
        for block in blocks {
            let block = try #require(block)
            #expect(qorgan_xml_arena_contains(block) != 0)
            #expect(Int(bitPattern: block) % 16 == 0)
        }
        // 200 blocks of 7…1,400 bytes span several 64 KiB chunks.
        #expect(qorgan_xml_arena_used_bytes(arena) > 128 * 1024)
        #expect(qorgan_xml_arena_contains(try #require(large)) == 0)
        #expect(qorgan_xml_arena_contains(try #require(afterwards)) == 0)
        qorgan_xml_arena_free(large)
        qorgan_xml_arena_free(afterwards)
        qorgan_xml_arena_free(blocks[0])  // does nothing: the release reclaims it
        qorgan_xml_arena_release(arena)
    }

    @Test("blocks do not overlap: each keeps what was written into it")
    func blocksKeepTheirContents() throws {
        let arena = try #require(qorgan_xml_arena_begin())
        defer { qorgan_xml_arena_release(arena) }
        var blocks: [(UnsafeMutableRawPointer, Int)] = []
        for index in 0..<2_000 {
            let size = 1 + (index * 37) % 900
            let block = try #require(qorgan_xml_arena_malloc(size))
            block.initializeMemory(as: UInt8.self, repeating: UInt8(truncatingIfNeeded: index), count: size)
            blocks.append((block, size))
        }
        qorgan_xml_arena_end()
        for (index, (block, size)) in blocks.enumerated() {
            let bytes = UnsafeRawBufferPointer(start: block, count: size)
            #expect(bytes.allSatisfy { $0 == UInt8(truncatingIfNeeded: index) }, "block \(index)")
        }
    }

    @Test("realloc grows the newest block in place and moves an older one, keeping the contents")
    func reallocKeepsContents() throws {
        let arena = try #require(qorgan_xml_arena_begin())
        defer { qorgan_xml_arena_release(arena) }
        let older = try #require(qorgan_xml_arena_malloc(100))
        older.initializeMemory(as: UInt8.self, repeating: 0xAB, count: 100)
        let newest = try #require(qorgan_xml_arena_malloc(100))
        newest.initializeMemory(as: UInt8.self, repeating: 0xCD, count: 100)

        let grown = try #require(qorgan_xml_arena_realloc(newest, 3_000))
        #expect(grown == newest)
        #expect(UnsafeRawBufferPointer(start: grown, count: 100).allSatisfy { $0 == 0xCD })

        let moved = try #require(qorgan_xml_arena_realloc(older, 500))
        #expect(moved != older)
        #expect(qorgan_xml_arena_contains(moved) != 0)
        #expect(UnsafeRawBufferPointer(start: moved, count: 100).allSatisfy { $0 == 0xAB })

        // Past the largest arena block, realloc leaves the arena (and the copy is malloc's to free).
        let outside = try #require(qorgan_xml_arena_realloc(moved, 100_000))
        #expect(qorgan_xml_arena_contains(outside) == 0)
        #expect(UnsafeRawBufferPointer(start: outside, count: 100).allSatisfy { $0 == 0xAB })
        qorgan_xml_arena_end()
        qorgan_xml_arena_free(outside)
    }

    @Test("strdup copies into the current arena")
    func strdupCopies() throws {
        let arena = try #require(qorgan_xml_arena_begin())
        defer { qorgan_xml_arena_release(arena) }
        let copy = try #require("Жұмабеков".withCString { qorgan_xml_arena_strdup($0) })
        qorgan_xml_arena_end()
        #expect(qorgan_xml_arena_contains(copy) != 0)
        #expect(String(cString: copy) == "Жұмабеков")
    }

    @Test("a nested arena ends back into the outer one")
    func nestedArenas() throws {
        let outer = try #require(qorgan_xml_arena_begin())
        defer { qorgan_xml_arena_release(outer) }
        let inner = try #require(qorgan_xml_arena_begin())
        _ = qorgan_xml_arena_malloc(10)
        #expect(qorgan_xml_arena_used_bytes(inner) > 0)
        qorgan_xml_arena_end()
        let before = qorgan_xml_arena_used_bytes(outer)
        _ = qorgan_xml_arena_malloc(10)
        #expect(qorgan_xml_arena_used_bytes(outer) > before)
        qorgan_xml_arena_release(inner)
        qorgan_xml_arena_end()
    }

    // MARK: - Documents

    @Test("a parsed document lives in its own arena, unless QORGAN_XML_ARENA turns arenas off")
    func documentsUseArenas() throws {
        let document = try XMLDocument(parsing: "<a xmlns='urn:x'><b c='d'>text</b></a>")
        let setting = ProcessInfo.processInfo.environment["QORGAN_XML_ARENA"]?.lowercased()
        let enabled = !["0", "false", "no"].contains(setting ?? "")
        #expect(document.isArenaAllocated == enabled)
        #expect((document.arenaBytes > 0) == enabled)
    }

    @Test("failed parses and dropped documents give their chunks back")
    func chunksComeBack() throws {
        let before = qorgan_xml_arena_chunks_in_use()
        for index in 0..<20_000 {
            // Alternately malformed (the parse fails after building part of a tree) and well-formed (dropped at once).
            let text = index.isMultiple(of: 2) ? "<a><b>\(index)</b><c>" : "<a><b>\(index)</b></a>"
            _ = try? XMLDocument(parsing: text)
        }
        let after = qorgan_xml_arena_chunks_in_use()
        // Each parse takes at least one chunk; tests running alongside hold at most a few hundred at a time.
        #expect(after < before + 1_000, "chunks in use went from \(before) to \(after)")
    }

    @Test("documents parsed and dropped on many threads keep their own trees intact")
    func concurrentDocumentsStayIntact() async throws {
        try await withThrowingTaskGroup(of: Void.self) { group in
            for worker in 0..<8 {
                group.addTask {
                    var kept: [(XMLDocument, String)] = []
                    for round in 0..<400 {
                        let value = "w\(worker)r\(round)-" + String(repeating: "ә", count: round % 50)
                        let document = try XMLDocument(parsing: "<root><item id='\(round)'><name>\(value)</name></item><pad>\(round)</pad></root>")
                        // Keep every fifth document for a while, so that live and released arenas interleave.
                        if round.isMultiple(of: 5) { kept.append((document, value)) }
                        if kept.count > 20 { kept.removeFirst(10) }
                        for (keptDocument, keptValue) in kept {
                            let item = try #require(keptDocument.root.firstChild(namespace: nil, localName: "item"))
                            #expect(item.childText(namespace: nil, localName: "name") == keptValue)
                        }
                    }
                }
            }
            try await group.waitForAll()
        }
    }
}
