extension ConsoleTemplates {
    /// Re-verification: recent runs, then the latest run's outcomes, contradictions and anomalies by kind, region
    /// and provider, with its report and CSV files.
    static let reverification = """
        {{>header}}
        {{#enabled}}
        <h2>{{t.reverifyRuns}}</h2>
        {{#hasRuns}}
        <table class="list" id="reverify-runs">
        <thead><tr><th>{{t.colRun}}</th><th>{{t.colStatus}}</th><th>{{t.colActiveOn}}</th><th>{{t.colVouchers}}</th><th>{{t.colFlagged}}</th><th>{{t.colCreated}}</th></tr></thead>
        <tbody>{{#runs}}<tr class="reverify-run"><td><code>{{id}}</code></td><td>{{statusLabel}}</td><td>{{activeOn}}</td><td class="num">{{vouchers}}</td><td class="num">{{flagged}}</td><td>{{created}}</td></tr>{{/runs}}</tbody>
        </table>
        {{/hasRuns}}
        {{^hasRuns}}<p class="empty" id="no-runs">{{t.reverifyNoRuns}}</p>{{/hasRuns}}
        {{#summary}}
        <section class="card" id="reverify-summary" data-run="{{runID}}">
        <h2>{{t.reverifyLatest}}: <code>{{runID}}</code></h2>
        <p>{{t.colActiveOn}} {{activeOn}} · {{t.colVouchers}} {{vouchers}} · {{t.colFlagged}} {{flagged}} · {{finished}}</p>
        <p id="reverify-links">
        <a id="open-reverify-report" href="/console/reverification/files/report.html" target="_blank" rel="noopener">{{t.openReport}}</a> ·
        <a id="download-contradictions" href="/console/reverification/files/contradictions.csv">{{t.downloadContradictions}}</a> ·
        <a id="download-anomalies" href="/console/reverification/files/anomalies.csv">{{t.downloadAnomalies}}</a>
        </p>
        <h3>{{t.outcomesTitle}}</h3>
        <table class="list" id="reverify-outcomes"><tbody>{{#outcomes}}<tr><td>{{kind}}</td><td class="num">{{count}}</td></tr>{{/outcomes}}</tbody></table>
        <h3>{{t.contradictionsTitle}}</h3>
        <table class="list" id="reverify-contradictions"><tbody>{{#contradictions}}<tr data-kind="{{kind}}"><td>{{kind}}</td><td class="num">{{count}}</td></tr>{{/contradictions}}</tbody></table>
        <h3>{{t.anomaliesTitle}}</h3>
        <table class="list" id="reverify-anomalies"><tbody>{{#anomalies}}<tr data-kind="{{kind}}"><td>{{kind}}</td><td class="num">{{count}}</td></tr>{{/anomalies}}</tbody></table>
        <h3>{{t.byRegion}}</h3>
        <table class="list" id="reverify-regions">
        <thead><tr><th>{{t.colRegion}}</th><th>{{t.colVouchers}}</th><th>{{t.colFlagged}}</th><th>{{t.colSuspend}}</th><th>{{t.colContradictions}}</th><th>{{t.colAnomalies}}</th></tr></thead>
        <tbody>{{#regions}}<tr data-region="{{key}}"><td>{{key}}</td><td class="num">{{vouchers}}</td><td class="num">{{flagged}}</td><td class="num">{{suspend}}</td><td class="num">{{contradictions}}</td><td class="num">{{anomalies}}</td></tr>{{/regions}}</tbody>
        </table>
        <h3>{{t.byProvider}}</h3>
        {{#hasProviders}}
        <table class="list" id="reverify-providers">
        <thead><tr><th>{{t.colProvider}}</th><th>{{t.colVouchers}}</th><th>{{t.colFlagged}}</th><th>{{t.colSuspend}}</th><th>{{t.colContradictions}}</th><th>{{t.colAnomalies}}</th></tr></thead>
        <tbody>{{#providers}}<tr data-provider="{{key}}"><td><code>{{key}}</code></td><td class="num">{{vouchers}}</td><td class="num">{{flagged}}</td><td class="num">{{suspend}}</td><td class="num">{{contradictions}}</td><td class="num">{{anomalies}}</td></tr>{{/providers}}</tbody>
        </table>
        {{/hasProviders}}
        {{^hasProviders}}<p class="empty">{{t.noProviderFindings}}</p>{{/hasProviders}}
        </section>
        {{/summary}}
        {{^summary}}<p class="notice" id="no-report">{{t.reverifyNoReport}}</p>{{/summary}}
        {{/enabled}}
        {{^enabled}}<p class="notice" id="reverify-off">{{t.reverifyOff}}</p>{{/enabled}}
        {{>footer}}
        """
}
