extension ConsoleTemplates {
    /// The upload form (operators) and the recent batches.
    static let batches = """
        {{>header}}
        {{#canWrite}}
        <form class="card" id="upload-form" method="post" action="/console/batches" enctype="application/octet-stream" novalidate
         data-csrf="{{csrf}}" data-msg-choose="{{t.chooseFile}}" data-msg-failed="{{t.uploadFailed}}" data-msg-uploading="{{t.uploading}}">
        <h2>{{t.uploadCsv}}</h2>
        <label for="file">{{t.csvFile}}</label>
        <input type="file" id="file" name="file" accept=".csv,text/csv">
        <label><input type="checkbox" id="notify" name="notify" value="true"> {{t.notify}}</label>
        <label for="columns">{{t.columns}}</label>
        <input type="text" id="columns" name="columns" placeholder="iin=ИИН родителя,surname=Фам.">
        <button type="submit" id="upload">{{t.upload}}</button>
        <p class="error" id="upload-error" role="alert" hidden></p>
        </form>
        {{/canWrite}}
        <h2>{{t.recentBatches}}</h2>
        {{#hasBatches}}
        <table class="list" id="batch-list">
        <thead><tr><th>{{t.batchTitle}}</th><th>{{t.colStatus}}</th><th>{{t.rows}}</th><th>{{t.colCreated}}</th></tr></thead>
        <tbody>{{#batches}}<tr><td><a href="/console/batches/{{id}}">{{id}}</a></td><td>{{statusLabel}}</td><td class="num">{{rowsDone}}</td><td>{{created}}</td></tr>{{/batches}}</tbody>
        </table>
        {{/hasBatches}}
        {{^hasBatches}}<p class="empty">{{t.noBatches}}</p>{{/hasBatches}}
        {{>footer}}
        """

    /// One batch: live progress (the script polls `status`), counts, downloads once finished.
    static let batch = """
        {{>header}}
        <section class="card" id="batch" data-status-url="/console/batches/{{batch.id}}/status" data-status="{{batch.status}}"
         data-label-queued="{{t.statusQueued}}" data-label-running="{{t.statusRunning}}" data-label-finished="{{t.statusFinished}}" data-label-failed="{{t.statusFailed}}">
        <p><code id="batch-id">{{batch.id}}</code> · {{batch.created}}</p>
        <p>{{t.colStatus}}: <strong id="batch-status">{{statusLabel}}</strong></p>
        <h2>{{t.progress}}</h2>
        <progress id="batch-progress" max="{{progressMax}}" value="{{batch.rowsDone}}"></progress>
        <span id="batch-rows">{{batch.rowsDone}}</span> / <span id="batch-total">{{rowsTotalText}}</span> {{t.rows}}
        {{#batch.failureReason}}<p class="error" id="batch-failure">{{batch.failureReason}}</p>{{/batch.failureReason}}
        <h2>{{t.counts}}</h2>
        <table class="list" id="batch-counts"><tbody>{{#counts}}<tr><td>{{status}}</td><td class="num">{{count}}</td></tr>{{/counts}}</tbody></table>
        <p id="batch-links"{{^finished}} hidden{{/finished}}>
        <a id="download-results" href="/console/batches/{{batch.id}}/results">{{t.downloadResults}}</a> ·
        <a id="open-report" href="/console/batches/{{batch.id}}/report" target="_blank" rel="noopener">{{t.openReport}}</a>
        </p>
        </section>
        {{>footer}}
        """
}
