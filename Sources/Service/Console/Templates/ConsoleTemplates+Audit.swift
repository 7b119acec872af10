extension ConsoleTemplates {
    /// Audit search by decision (subject) id or registry message id, and the chain's verification status.
    static let audit = """
        {{>header}}
        <p class="{{chain.kind}}" id="chain-status">{{chain.text}}</p>
        <form method="get" action="/console/audit" class="filters" id="audit-form" novalidate>
        <label>{{t.auditDecision}} <input type="text" id="audit-subject" name="subject" value="{{query.subject}}"></label>
        <label>{{t.auditMessage}} <input type="text" id="audit-message" name="message" value="{{query.message}}"></label>
        <button type="submit" id="audit-search">{{t.search}}</button>
        </form>
        {{#searched}}
        {{#hasEntries}}
        <table class="list" id="audit-entries">
        <thead><tr><th>{{t.colSequence}}</th><th>{{t.colTime}}</th><th>{{t.colActor}}</th><th>{{t.colAction}}</th><th>{{t.colSubject}}</th><th>{{t.colDetails}}</th><th>{{t.colMessages}}</th></tr></thead>
        <tbody>{{#entries}}<tr class="audit-entry"><td class="num">{{sequence}}</td><td>{{time}}</td><td>{{actor}}</td><td>{{action}}</td><td><code>{{subject}}</code></td><td>{{details}}</td><td>{{messages}}</td></tr>{{/entries}}</tbody>
        </table>
        {{/hasEntries}}
        {{^hasEntries}}<p class="empty" id="no-entries">{{t.noEntries}}</p>{{/hasEntries}}
        {{/searched}}
        {{>footer}}
        """
}
