extension ConsoleTemplates {
    /// One review: the decision, registry values beside the comparison levels, the weight waterfall, evidence, and
    /// the resolution form (operators, open reviews).
    static let review = """
        {{>header}}
        <section class="card" id="decision">
        <p>{{t.colReview}}: <code id="review-id">{{review.id}}</code> · {{review.kind}} · {{review.created}} · <span id="review-status">{{review.status}}</span></p>
        <p>{{t.decisionOutcome}}: <strong id="decision-outcome">{{decision.outcome}}</strong> · <code>{{decision.id}}</code></p>
        <h2>{{t.reasons}}</h2>
        <ul id="reasons">{{#decision.reasons}}<li><code>{{code}}</code> — {{message}}</li>{{/decision.reasons}}</ul>
        </section>
        {{#people}}
        <section class="card person">
        <h2>{{t.sideBySide}}: {{role}} <code class="masked-iin">{{iin}}</code></h2>
        <p class="hint">{{t.declaredNote}}</p>
        <table class="list side-by-side">
        <thead><tr><th>{{t.field}}</th><th>{{t.registryValue}}</th><th>{{t.comparison}}</th><th>{{t.weight}}</th></tr></thead>
        <tbody>{{#rows}}<tr><td>{{field}}</td><td>{{registry}}</td><td>{{comparison}}</td><td class="num">{{weight}}</td></tr>{{/rows}}</tbody>
        </table>
        {{#waterfall}}{{>waterfall}}{{/waterfall}}
        {{^waterfall}}<p class="hint">{{t.noExplanation}}</p>{{/waterfall}}
        </section>
        {{/people}}
        {{#reverification}}
        <section class="card" id="reverification">
        <h2>{{t.reverifyChanges}}</h2>
        <p>{{t.voucher}}: <code id="reverified-voucher">{{voucherId}}</code> · {{t.colRun}}: <code>{{runId}}</code> · {{t.activationDecision}}: <code>{{activationDecisionId}}</code></p>
        <table class="list" id="fact-changes">
        <thead><tr><th>{{t.fact}}</th><th>{{t.reasons}}</th><th>{{t.nowValue}}</th><th>{{t.registry}}</th><th>{{t.colMessages}}</th></tr></thead>
        <tbody>{{#changes}}<tr><td>{{fact}}</td><td><code>{{reason}}</code></td><td>{{now}}</td><td>{{registry}}</td><td>{{#messageId}}<a href="/console/audit?message={{messageId}}"><code>{{messageId}}</code></a>{{/messageId}}</td></tr>{{/changes}}</tbody>
        </table>
        {{#hasContradictions}}
        <h3>{{t.contradictionsTitle}}</h3>
        <ul id="review-contradictions">{{#contradictions}}<li><code>{{kind}}</code> — {{detail}} ({{messageIds}})</li>{{/contradictions}}</ul>
        {{/hasContradictions}}
        <p class="hint">{{t.suspendHint}}</p>
        </section>
        {{/reverification}}
        {{#hasEvidence}}
        <section class="card"><h2>{{t.evidence}}</h2>
        <ul>{{#evidence}}<li>{{registry}}: <a href="/console/audit?message={{messageId}}"><code>{{messageId}}</code></a> {{resultCode}}</li>{{/evidence}}</ul>
        </section>
        {{/hasEvidence}}
        {{#review.resolution}}
        <section class="card" id="resolution">
        <p>{{t.resolution}}: <strong id="resolution-value">{{review.resolution}}</strong> · {{t.resolvedBy}}: {{review.resolvedBy}} · {{review.resolvedAt}}</p>
        <p id="resolution-comment">{{review.comment}}</p>
        </section>
        {{/review.resolution}}
        {{#resolvable}}
        <form method="post" action="/console/reviews/{{review.id}}/resolve" class="card" id="resolve-form" novalidate>
        <h2>{{t.resolveTitle}}</h2>
        <input type="hidden" name="csrf" value="{{csrf}}">
        <label for="resolution">{{t.resolution}}</label>
        <select name="resolution" id="resolution">{{#resolutions}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{value}}</option>{{/resolutions}}</select>
        <label for="comment">{{t.comment}}</label>
        <textarea name="comment" id="comment" rows="3" maxlength="2000">{{commentValue}}</textarea>
        <button type="submit" id="resolve">{{t.resolve}}</button>
        </form>
        {{/resolvable}}
        {{>footer}}
        """

    /// Partial: a match score as a waterfall — the prior, each field's level and weight as a bar from the running
    /// total, and the total (SVG bars: no inline styles under the console's CSP).
    static let waterfall = """
        <h3>{{t.waterfall}}</h3>
        <table class="waterfall">
        <tr class="prior"><td>{{t.prior}}</td><td></td><td class="num">{{prior}}</td><td><svg width="240" height="14"><rect class="{{priorBar.kind}}" x="{{priorBar.x}}" y="2" width="{{priorBar.width}}" height="10"/></svg></td></tr>
        {{#steps}}<tr class="step"><td>{{field}}</td><td>{{level}}</td><td class="num">{{weight}}</td><td><svg width="240" height="14"><rect class="{{bar.kind}}" x="{{bar.x}}" y="2" width="{{bar.width}}" height="10"/></svg></td></tr>
        {{/steps}}
        <tr class="total"><td>{{t.total}}</td><td>{{decision}} · {{t.probability}} {{probability}}</td><td class="num" id="waterfall-total">{{total}}</td><td><svg width="240" height="14"><rect class="{{totalBar.kind}}" x="{{totalBar.x}}" y="2" width="{{totalBar.width}}" height="10"/></svg></td></tr>
        </table>
        """
}
