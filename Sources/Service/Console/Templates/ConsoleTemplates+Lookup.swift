extension ConsoleTemplates {
    /// Verify one IIN through the registration check (consent required) and show the explanation.
    static let lookup = """
        {{>header}}
        <p class="hint">{{t.lookupHint}}</p>
        {{#canWrite}}
        <form method="post" action="/console/lookup" class="card" id="lookup-form" novalidate>
        <input type="hidden" name="csrf" value="{{csrf}}">
        <label for="iin">{{t.iin}}</label><input type="text" id="iin" name="iin" inputmode="numeric" maxlength="20" autocomplete="off" value="{{form.iin}}">
        <label for="surname">{{t.surname}}</label><input type="text" id="surname" name="surname" autocomplete="off" value="{{form.surname}}">
        <label for="firstName">{{t.firstName}}</label><input type="text" id="firstName" name="firstName" autocomplete="off" value="{{form.firstName}}">
        <label for="patronymic">{{t.patronymic}}</label><input type="text" id="patronymic" name="patronymic" autocomplete="off" value="{{form.patronymic}}">
        <label for="birthDate">{{t.birthDate}}</label><input type="text" id="birthDate" name="birthDate" placeholder="2015-04-30" value="{{form.birthDate}}">
        <button type="submit" id="verify">{{t.verify}}</button>
        </form>
        {{/canWrite}}
        {{#canWrite}}
        <form method="post" action="/console/consents" class="card" id="consent-form" novalidate>
        <h2>{{t.consentTitle}}</h2>
        <input type="hidden" name="csrf" value="{{csrf}}">
        <label for="consent-iin">{{t.iin}}</label><input type="text" id="consent-iin" name="iin" inputmode="numeric" maxlength="20" autocomplete="off" value="{{form.iin}}">
        <label for="phone">{{t.phone}}</label><input type="text" id="phone" name="phone" autocomplete="off" placeholder="+7 701 123 45 67" value="{{form.phone}}">
        <button type="submit" id="consent-request">{{t.sendCode}}</button>
        </form>
        {{#consentId}}
        <form method="post" action="/console/consents/{{consentId}}/confirm" class="card" id="confirm-form" novalidate>
        <input type="hidden" name="csrf" value="{{csrf}}">
        <input type="hidden" name="iin" value="{{form.iin}}">
        <label for="code">{{t.code}}</label><input type="text" id="code" name="code" inputmode="numeric" maxlength="6" autocomplete="off">
        <button type="submit" id="consent-confirm">{{t.confirmCode}}</button>
        </form>
        {{/consentId}}
        {{/canWrite}}
        {{^canWrite}}<p class="notice">{{t.readOnly}}</p>{{/canWrite}}
        {{#result}}
        <section class="card" id="lookup-result">
        <p>{{t.decisionOutcome}}: <strong id="lookup-outcome">{{outcome}}</strong> · <code>{{id}}</code></p>
        <ul>{{#reasons}}<li><code>{{code}}</code> — {{message}}</li>{{/reasons}}</ul>
        {{#reviewId}}<p><a id="lookup-review" href="/console/reviews/{{reviewId}}">{{t.openDecision}}</a></p>{{/reviewId}}
        {{#people}}
        <h2>{{t.sideBySide}}: {{role}} <code class="masked-iin">{{iin}}</code></h2>
        <table class="list side-by-side">
        <thead><tr><th>{{t.field}}</th><th>{{t.declaredValue}}</th><th>{{t.registryValue}}</th><th>{{t.comparison}}</th><th>{{t.weight}}</th></tr></thead>
        <tbody>{{#rows}}<tr><td>{{field}}</td><td class="declared">{{declared}}</td><td>{{registry}}</td><td>{{comparison}}</td><td class="num">{{weight}}</td></tr>{{/rows}}</tbody>
        </table>
        {{#waterfall}}{{>waterfall}}{{/waterfall}}
        {{/people}}
        </section>
        {{/result}}
        {{>footer}}
        """
}
