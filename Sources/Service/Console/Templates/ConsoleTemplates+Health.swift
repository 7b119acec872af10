extension ConsoleTemplates {
    /// Each registry's recent calls, latency, error rate and breaker state.
    static let health = """
        {{>header}}
        {{#enabled}}
        <p>{{t.healthWindow}} {{windowMinutes}} {{t.minutes}}</p>
        <table class="list" id="health">
        <thead><tr><th>{{t.registry}}</th><th>{{t.calls}}</th><th>{{t.latencyP50}}</th><th>{{t.latencyP95}}</th><th>{{t.errorRate}}</th><th>{{t.breaker}}</th></tr></thead>
        <tbody>{{#registries}}<tr class="registry" data-registry="{{name}}"><td>{{name}}</td><td class="num">{{calls}}</td><td class="num">{{p50}}</td><td class="num">{{p95}}</td><td class="num">{{errorRate}}</td><td class="breaker-{{breakerKind}}">{{breaker}}</td></tr>{{/registries}}</tbody>
        </table>
        {{/enabled}}
        {{^enabled}}<p class="notice">{{t.healthOff}}</p>{{/enabled}}
        {{>footer}}
        """
}
