/// The results of one batch in line order, fetched page by page from a `BatchStore` as they are iterated.
///
/// Holds at most one page in memory. Created by `BatchStore.resultRows(batchID:pageSize:)`.
public struct BatchResultRows: AsyncSequence, Sendable {
    /// One row's result.
    public typealias Element = BatchRowResult
    /// Reading fails only with store errors.
    public typealias Failure = StoreError

    let store: any BatchStore
    let batchID: String
    let pageSize: Int

    init(store: any BatchStore, batchID: String, pageSize: Int) {
        self.store = store
        self.batchID = batchID
        self.pageSize = Swift.max(1, pageSize)
    }

    /// Starts reading from the first line.
    public func makeAsyncIterator() -> Iterator {
        Iterator(store: store, batchID: batchID, pageSize: pageSize)
    }

    /// Walks the pages. While the caller works through one page, the next is already being read (and its payloads
    /// decrypted) by the store on another thread, so writing the results does not wait for the database page by
    /// page; at most two pages are held.
    public struct Iterator: AsyncIteratorProtocol {
        let store: any BatchStore
        let batchID: String
        let pageSize: Int
        var page: [BatchRowResult] = []
        var index = 0
        var lastLine: Int64 = Int64.min
        var exhausted = false
        /// The page after `page`, being read.
        var upcoming: Task<[BatchRowResult], any Error>?

        init(store: any BatchStore, batchID: String, pageSize: Int) {
            self.store = store
            self.batchID = batchID
            self.pageSize = pageSize
        }

        /// The next row, or `nil` after the last.
        public mutating func next() async throws(StoreError) -> BatchRowResult? {
            if index == page.count {
                if exhausted { return nil }
                if let upcoming {
                    self.upcoming = nil
                    do { page = try await upcoming.value } catch let error as StoreError { throw error } catch {
                        throw StoreError.database("reading the batch results failed")
                    }
                } else {
                    page = try await store.results(batchID: batchID, afterLine: lastLine, limit: pageSize)
                }
                index = 0
                if page.count < pageSize {
                    exhausted = true
                } else if let last = page.last {
                    let (store, batchID, pageSize) = (store, batchID, pageSize)
                    upcoming = Task { try await store.results(batchID: batchID, afterLine: last.line, limit: pageSize) }
                }
                guard !page.isEmpty else { return nil }
            }
            let row = page[index]
            index += 1
            lastLine = row.line
            return row
        }
    }
}
