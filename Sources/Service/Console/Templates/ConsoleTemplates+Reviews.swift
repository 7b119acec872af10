extension ConsoleTemplates {
    /// The review queue with its filters.
    static let reviews = """
        {{>header}}
        <form method="get" action="/console/reviews" class="filters" id="review-filters" novalidate>
        <label>{{t.filterReason}} <input type="text" name="reason" id="filter-reason" value="{{filters.reason}}" list="reason-codes"></label>
        <datalist id="reason-codes">{{#reasonCodes}}<option value="{{.}}">{{/reasonCodes}}</datalist>
        <label>{{t.filterRegion}} <input type="text" name="region" id="filter-region" value="{{filters.region}}"></label>
        <label>{{t.filterFrom}} <input type="text" name="from" id="filter-from" placeholder="2026-01-31" value="{{filters.from}}"></label>
        <label>{{t.filterTo}} <input type="text" name="to" id="filter-to" placeholder="2026-12-31" value="{{filters.to}}"></label>
        <label>{{t.filterStatus}} <select name="status" id="filter-status">
        {{#statuses}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/statuses}}
        </select></label>
        <button type="submit" id="filter-apply">{{t.filterApply}}</button>
        </form>
        {{#hasItems}}
        <table class="list" id="review-list">
        <thead><tr><th>{{t.colReview}}</th><th>{{t.colKind}}</th><th>{{t.colReasons}}</th><th>{{t.colRegion}}</th><th>{{t.colCreated}}</th><th>{{t.colStatus}}</th></tr></thead>
        <tbody>
        {{#items}}
        <tr class="review-row"><td><a class="review-link" href="/console/reviews/{{id}}">{{id}}</a></td><td>{{kind}}</td><td>{{reasons}}</td><td>{{region}}</td><td>{{created}}</td><td>{{status}}</td></tr>
        {{/items}}
        </tbody>
        </table>
        {{/hasItems}}
        {{^hasItems}}<p class="empty" id="no-reviews">{{t.noReviews}}</p>{{/hasItems}}
        {{>footer}}
        """
}
